//! A compact built-in gazetteer: countries and their short forms, regions (Ukrainian oblasts
//! included), capitals and major cities, US states, international and national
//! organizations, news organizations, a few events and things (lists in
//! `gazetteer_data.rs`).
//!
//! Each alias is tokenized like running text and keyed by its words' lookup forms joined by
//! spaces (`U.N. Security Council` → `un security council`), so matching runs word by word
//! over a text's tokens (longest match, see [`Gazetteer::longest`]). Aliases written in
//! capitals (`US`, `WHO`) match only capitals; those that are also English words (`US`,
//! `IS`, `WHO`) do not match inside all-caps text either.

use std::sync::OnceLock;

use super::gazetteer_data::{EVENTS, ORGANIZATIONS, OTHERS, PLACES};
use super::keys::{FastMap, FastSet};
use super::tokens::{Tokens, CAP, DOTTED, HYPHEN, JOIN, POSS, UPPER};
use super::Kind;

/// One gazetteer entry.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Entry {
    /// Canonical name.
    pub name: &'static str,
    /// Its kind.
    pub kind: Kind,
}

/// How an alias matches.
#[derive(Debug, Clone, Copy)]
struct Alias {
    entry: u32,
    /// Written in capitals: matches only capitals.
    capitals: bool,
    /// Also a common English word (`us`, `who`): not matched in all-caps text.
    word: bool,
}

/// The gazetteer: entries and an index of their aliases.
#[derive(Debug)]
pub struct Gazetteer {
    entries: Vec<Entry>,
    aliases: FastMap<String, Alias>,
    prefixes: FastSet<String>,
}

/// Longest alias, in words.
const MAX_WORDS: usize = 8;

/// Lowercase English words that are also aliases in capitals.
const WORD_ACRONYMS: &[&str] =
    &["us", "is", "who", "it", "am", "an", "as", "at", "or", "so", "up", "we", "fed", "ice", "sun"];

/// The shared gazetteer (built on first use).
pub fn gazetteer() -> &'static Gazetteer {
    static GAZETTEER: OnceLock<Gazetteer> = OnceLock::new();
    GAZETTEER.get_or_init(Gazetteer::build)
}

impl Gazetteer {
    fn build() -> Gazetteer {
        let mut gazetteer =
            Gazetteer { entries: Vec::new(), aliases: FastMap::default(), prefixes: FastSet::default() };
        let mut tokens = Tokens::default();
        for (list, kind) in [
            (PLACES, Kind::Place),
            (ORGANIZATIONS, Kind::Organization),
            (EVENTS, Kind::Event),
            (OTHERS, Kind::Other),
        ] {
            for line in list.lines().map(str::trim).filter(|line| !line.is_empty()) {
                let entry = gazetteer.entries.len() as u32;
                let mut names = line.split('|');
                let Some(name) = names.next() else { continue };
                gazetteer.entries.push(Entry { name, kind });
                for alias in line.split('|') {
                    tokens.tokenize(alias);
                    let key = (0..tokens.toks.len()).map(|i| tokens.norm(i)).collect::<Vec<_>>().join(" ");
                    if key.is_empty() || tokens.toks.len() > MAX_WORDS {
                        continue;
                    }
                    let capitals =
                        tokens.toks.len() == 1 && tokens.toks.iter().all(|t| t.flags & (UPPER | DOTTED) != 0);
                    let word = WORD_ACRONYMS.contains(&key.as_str());
                    gazetteer.aliases.entry(key.clone()).or_insert(Alias { entry, capitals, word });
                    let mut prefix = String::new();
                    for i in 0..tokens.toks.len().saturating_sub(1) {
                        if i > 0 {
                            prefix.push(' ');
                        }
                        prefix.push_str(tokens.norm(i));
                        gazetteer.prefixes.insert(prefix.clone());
                    }
                }
            }
        }
        gazetteer
    }

    /// The entry with this id.
    pub fn entry(&self, id: u32) -> Option<Entry> {
        self.entries.get(id as usize).copied()
    }

    /// The longest alias starting at word `at` of `tokens`, as (entry id, number of words).
    /// Words must be joined by spaces or hyphens; the first must be capitalized; an alias in
    /// capitals needs capitals. `all_caps` says the text around is in capitals.
    pub fn longest(
        &self,
        tokens: &Tokens,
        at: usize,
        key: &mut String,
        all_caps: bool,
    ) -> Option<(u32, usize)> {
        let first = tokens.toks.get(at)?;
        let particle = first.is(super::words::PARTICLE)
            && tokens.toks.get(at + 1).is_some_and(|n| n.flags & HYPHEN != 0 && n.capitalized());
        if !first.capitalized() && !particle {
            return None;
        }
        key.clear();
        let mut best = None;
        for n in 0..MAX_WORDS {
            let Some(tok) = tokens.toks.get(at + n) else { break };
            if n > 0 {
                let after_possessive = tokens.toks.get(at + n - 1).is_some_and(|t| t.flags & POSS != 0);
                if tok.flags & (JOIN | HYPHEN) == 0 || after_possessive {
                    break;
                }
                key.push(' ');
            }
            key.push_str(tokens.norm(at + n));
            if let Some(alias) = self.aliases.get(key.as_str()) {
                let capitals_ok =
                    !alias.capitals || tok.flags & (UPPER | DOTTED) != 0 && tok.flags & CAP == 0;
                let word_ok = !(alias.word && all_caps);
                if capitals_ok && word_ok {
                    best = Some((alias.entry, n + 1));
                }
            }
            if !self.prefixes.contains(key.as_str()) {
                break;
            }
        }
        best
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn find(text: &str) -> Option<(&'static str, usize)> {
        let g = gazetteer();
        let mut tokens = Tokens::default();
        tokens.tokenize(text);
        let mut key = String::new();
        g.longest(&tokens, 0, &mut key, false).and_then(|(id, n)| g.entry(id).map(|e| (e.name, n)))
    }

    #[test]
    fn longest_match_and_aliases() {
        assert_eq!(find("U.N. Security Council meeting"), Some(("UN Security Council", 3)));
        assert_eq!(find("UN General Assembly"), Some(("UN General Assembly", 3)));
        assert_eq!(find("U.S. President"), Some(("United States", 1)));
        assert_eq!(find("United Arab Emirates"), Some(("United Arab Emirates", 3)));
        assert_eq!(find("UAE"), Some(("United Arab Emirates", 1)));
        assert_eq!(find("Us and them"), None);
        assert_eq!(find("New York later"), Some(("New York", 2)));
        assert_eq!(find("Bosnia and Herzegovina"), Some(("Bosnia and Herzegovina", 3)));
        assert_eq!(find("Zaporizhzhia nuclear"), Some(("Zaporizhzhia", 1)));
        assert_eq!(find("Kiev"), Some(("Kyiv", 1)));
        assert_eq!(find("russia"), None);
    }
}
