//! Query syntax → [`Query`]. Any string parses; malformed syntax degrades to plain words.
//!
//! | syntax                 | meaning                                              |
//! |------------------------|------------------------------------------------------|
//! | `kellogg kyiv`         | both terms (AND is the default)                      |
//! | `"security guarantees"`| the words next to each other, in order               |
//! | `witkoff OR kushner`   | either (binds tighter than the implicit AND)         |
//! | `-putin`, `NOT putin`  | documents without the term or phrase                 |
//! | `expert-level`         | a phrase of its parts, as the tokenizer splits it    |
//!
//! The last bare word of a query that does not end in a space is marked as a prefix, so
//! results follow the user's typing. Curly quotes work like straight ones; an unclosed quote
//! runs to the end of the query.

use crate::analysis;

/// A parsed query: groups that must all match, and units that must not.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Query {
    /// Each group is a set of alternatives joined by OR; every group must match.
    pub groups: Vec<Vec<Unit>>,
    /// Units that exclude a document when they match it.
    pub excluded: Vec<Unit>,
}

/// One thing to look for.
#[derive(Debug, Clone, PartialEq)]
pub enum Unit {
    /// A single normalized term.
    Term {
        /// The term, as [`analysis`] normalizes it.
        term: String,
        /// Also match terms that start with it (the word being typed).
        prefix: bool,
    },
    /// Consecutive normalized terms.
    Phrase(Vec<String>),
}

impl Query {
    /// True when nothing positive is asked for (an empty query, or only exclusions).
    pub fn is_empty(&self) -> bool {
        self.groups.is_empty()
    }
}

/// A lexical item of the query string.
#[derive(Debug, PartialEq)]
enum Item {
    Or,
    Not,
    Words { text: String, quoted: bool, negated: bool },
}

/// Parses a query string. Never fails.
pub fn parse(input: &str) -> Query {
    let items = lex(input);
    let ends_open = !input.ends_with(char::is_whitespace);
    let last_words = items.iter().rposition(|i| matches!(i, Item::Words { .. }));
    let mut query = Query::default();
    let mut pending_or = false;
    let mut pending_not = false;
    for (i, item) in items.into_iter().enumerate() {
        match item {
            Item::Or => pending_or = !query.groups.is_empty(),
            Item::Not => pending_not = true,
            Item::Words { text, quoted, negated } => {
                let prefix = ends_open && !quoted && Some(i) == last_words;
                let Some(unit) = unit_of(&text, quoted, prefix) else {
                    pending_or = false;
                    pending_not = false;
                    continue;
                };
                if negated || pending_not {
                    query.excluded.push(unit);
                } else if pending_or {
                    if let Some(last) = query.groups.last_mut() {
                        last.push(unit);
                    }
                } else {
                    query.groups.push(vec![unit]);
                }
                pending_or = false;
                pending_not = false;
            }
        }
    }
    query
}

/// Turns the words of one item into a unit: one term, or a phrase of several.
fn unit_of(text: &str, quoted: bool, prefix: bool) -> Option<Unit> {
    let mut terms: Vec<String> = Vec::new();
    let mut last_position = None;
    analysis::tokenize(text, 0, |t| {
        // A hyphen compound comes after its parts, at the first part's position; the parts
        // already cover it.
        if last_position.is_none_or(|last| t.position > last) {
            terms.push(t.term.to_string());
            last_position = Some(t.position);
        }
    });
    match terms.len() {
        0 => None,
        1 if !quoted || prefix => terms.pop().map(|term| Unit::Term { term, prefix }),
        1 => terms.pop().map(|term| Unit::Term { term, prefix: false }),
        _ => Some(Unit::Phrase(terms)),
    }
}

fn is_quote(c: char) -> bool {
    matches!(c, '"' | '“' | '”' | '„' | '«' | '»')
}

/// Splits the input into words, quoted phrases and operators.
fn lex(input: &str) -> Vec<Item> {
    let mut items = Vec::new();
    let mut chars = input.char_indices().peekable();
    while let Some(&(_, c)) = chars.peek() {
        if c.is_whitespace() {
            chars.next();
            continue;
        }
        let negated = c == '-' && chars.clone().nth(1).is_some_and(|(_, n)| !n.is_whitespace());
        if negated {
            chars.next();
        }
        let (word_start, first) = match chars.peek() {
            Some(&p) => p,
            None => break,
        };
        if is_quote(first) {
            chars.next();
            let mut text = String::new();
            for (_, c) in chars.by_ref() {
                if is_quote(c) {
                    break;
                }
                text.push(c);
            }
            items.push(Item::Words { text, quoted: true, negated });
            continue;
        }
        let mut end = input.len();
        while let Some(&(i, c)) = chars.peek() {
            if c.is_whitespace() || (i > word_start && is_quote(c)) {
                end = i;
                break;
            }
            chars.next();
        }
        let word = &input[word_start..end];
        items.push(match word {
            "OR" | "|" if !negated => Item::Or,
            "NOT" if !negated => Item::Not,
            "AND" | "&&" | "&" if !negated => continue,
            _ => Item::Words { text: word.to_string(), quoted: false, negated },
        });
    }
    items
}

#[cfg(test)]
mod tests {
    use super::*;

    fn term(t: &str) -> Unit {
        Unit::Term { term: t.into(), prefix: false }
    }

    fn prefix(t: &str) -> Unit {
        Unit::Term { term: t.into(), prefix: true }
    }

    fn phrase(ts: &[&str]) -> Unit {
        Unit::Phrase(ts.iter().map(|s| s.to_string()).collect())
    }

    #[test]
    fn plain_words_are_anded_and_the_last_is_a_prefix() {
        let q = parse("Kellogg kyi");
        assert_eq!(q.groups, vec![vec![term("kellogg")], vec![prefix("kyi")]]);
        assert_eq!(parse("kellogg ").groups, vec![vec![term("kellogg")]]);
    }

    #[test]
    fn quotes_make_phrases_curly_or_straight_and_unclosed() {
        let want = vec![vec![phrase(&["security", "guarantees"])], vec![term("kyiv")]];
        assert_eq!(parse("\"security guarantees\" kyiv ").groups, want);
        assert_eq!(parse("“security guarantees” kyiv ").groups, want);
        assert_eq!(parse("kyiv \"security guarantees").groups, vec![want[1].clone(), want[0].clone()]);
    }

    #[test]
    fn or_groups_alternatives_and_not_excludes() {
        let q = parse("peace witkoff OR kushner -putin NOT \"white house\" ");
        assert_eq!(q.groups, vec![vec![term("peace")], vec![term("witkoff"), term("kushner")]]);
        assert_eq!(q.excluded, vec![term("putin"), phrase(&["white", "house"])]);
    }

    #[test]
    fn hyphenated_words_become_phrases_of_their_parts() {
        assert_eq!(parse("expert-level ").groups, vec![vec![phrase(&["expert", "level"])]]);
    }

    #[test]
    fn operators_alone_or_dangling_give_no_crash() {
        for q in ["OR", "NOT", "-", "\"", "\"\"", "OR OR kyiv", "kyiv OR", "- -", "“", "-\""] {
            let _ = parse(q);
        }
        assert!(parse("OR").is_empty());
        assert_eq!(parse("OR kyiv").groups, vec![vec![prefix("kyiv")]]);
        assert!(parse("-kyiv").groups.is_empty());
    }
}
