//! Matching: which documents a parsed [`Query`] selects, how they rank, and which dictionary
//! terms matched (for highlighting).
//!
//! Each query word is expanded into dictionary terms ([`Variant`]s) of five kinds, weighted by
//! how sure we are the user meant them (see [`MatchKind::weight`]):
//!
//! | kind     | found by                                    | example (query → term)   |
//! |----------|---------------------------------------------|--------------------------|
//! | exact    | the word itself                             | `sanctions → sanctions`  |
//! | alias    | exonyms and entity aliases                  | `kiev → kyiv`            |
//! | stem     | the same English stem                       | `sanction → sanctions`   |
//! | prefix   | completions of the word being typed         | `kello → kellogg`        |
//! | fuzzy    | Levenshtein automaton over the dictionary   | `witkof → witkoff`       |
//!
//! Fuzzy variants are searched only for a word that matches nothing otherwise, or that is rare
//! while a close spelling is far more common (a misspelling in the corpus itself); see
//! [`RARE_DOC_FREQ`]. A word's score in a document is its best weighted BM25F score; a group's
//! is the sum of its alternatives; a document's is the sum over groups, raised by
//! [`PROXIMITY_BOOST`] when the groups' words stand close together.
//!
//! Ranking is tiered: documents matching more groups come first; among those, documents
//! matching with fewer typo-corrected groups; then by score. So exact matches always outrank
//! fuzzy ones. When no document matches every group, those matching the most are returned and
//! flagged partial.

use std::collections::{HashMap, HashSet};

use fst::automaton::{Levenshtein, Str};
use fst::Automaton;

use super::aliases::exonyms;
use super::parse::{Query, Unit};
use super::rank::Bm25;
use crate::analysis::stem::stem;
use crate::format::{Index, Posting, TermInfo};
use crate::Result;

/// Completions of the word being typed that are searched, the most frequent first. One or two
/// letters would otherwise expand to thousands of terms.
pub const MAX_PREFIX_TERMS: usize = 48;

/// Fuzzy variants kept per word, nearest and most frequent first.
pub const MAX_FUZZY_TERMS: usize = 16;

/// Dictionary terms scanned when looking for words sharing a stem.
pub const MAX_STEM_SCAN: usize = 512;

/// Shortest word (in characters) corrected at edit distance 1. Shorter words have too many
/// neighbours (`war` → `was`, `car`, `far`).
pub const FUZZY_MIN_CHARS: usize = 4;

/// Shortest word corrected at edit distance 2.
pub const FUZZY2_MIN_CHARS: usize = 8;

/// A word of at least [`RARE_MIN_CHARS`] characters found in at most this many documents is
/// also corrected when a spelling one edit away is [`FUZZY_DOMINANCE`] times more frequent:
/// the corpus itself misspells names. Shorter rare words are usually real (`basf`, `sids`).
pub const RARE_DOC_FREQ: u32 = 2;

/// See [`RARE_DOC_FREQ`].
pub const RARE_MIN_CHARS: usize = 6;

/// See [`RARE_DOC_FREQ`].
pub const FUZZY_DOMINANCE: u32 = 10;

/// Endings that make one inflection of a word from another (`sanction`, `sanctions`,
/// `sanctioned`; `authority`, `authorities`). Two words sharing a Snowball stem are variants
/// only when each is their common prefix plus one of these: the stemmer also joins derived
/// words (`authorities` and `authors` both stem to `author`), which would cost precision.
const INFLECTIONS: &[&str] = &["", "s", "es", "ed", "d", "ing", "e", "y", "ies", "ied"];

/// Strength of the proximity bonus, in 0..=1. At 0 word distance is ignored; at 0.5 a
/// document whose query words are adjacent scores 1.5× one where they are far apart.
pub const PROXIMITY_BOOST: f64 = 0.5;

/// Only this many top candidates get the proximity bonus (it needs their positions).
pub const PROXIMITY_CANDIDATES: usize = 200;

/// Groups beyond this many are ignored, bounding the work a pasted essay can cause.
pub const MAX_GROUPS: usize = 32;

/// How a dictionary term relates to the query word it stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MatchKind {
    /// The word itself.
    Exact,
    /// Another name of the same place or entity.
    Alias,
    /// Another inflection of the word (same English stem).
    Stem,
    /// A completion of the word being typed.
    Prefix,
    /// A spelling within edit distance 1 or 2.
    Fuzzy(u8),
}

impl MatchKind {
    /// Multiplier on the BM25F score. Exact 1.0; alias 0.9 (the same thing, named otherwise);
    /// stem 0.8 (so the exact form ranks higher); prefix 0.7 (the user has not finished
    /// typing); fuzzy 0.5 at distance 1 and 0.35 at distance 2.
    pub fn weight(self) -> f64 {
        match self {
            MatchKind::Exact => 1.0,
            MatchKind::Alias => 0.9,
            MatchKind::Stem => 0.8,
            MatchKind::Prefix => 0.7,
            MatchKind::Fuzzy(1) => 0.5,
            MatchKind::Fuzzy(_) => 0.35,
        }
    }
}

/// A dictionary term that a query word matches.
#[derive(Debug, Clone, PartialEq)]
pub struct Variant {
    /// The dictionary term.
    pub term: String,
    /// Where its postings are.
    pub info: TermInfo,
    /// How it relates to the query word.
    pub kind: MatchKind,
}

/// A matching document.
#[derive(Debug, Clone, PartialEq)]
pub struct Scored {
    /// Document ordinal.
    pub doc: u32,
    /// Relevance score.
    pub score: f64,
    /// Number of query groups it matches.
    pub groups: usize,
    /// How many of those matched only through typo correction.
    pub fuzzy_groups: usize,
}

/// The documents a query selects.
#[derive(Debug, Clone, Default)]
pub struct Matches {
    /// Matching documents, best first.
    pub docs: Vec<Scored>,
    /// True when no document matched every group and these match only some.
    pub partial: bool,
    /// Every matched dictionary term, with the index of the query group it came from.
    pub terms: HashMap<String, usize>,
    /// Query words that matched only through typo correction, with their best correction.
    pub corrections: Vec<(String, String)>,
}

/// One group's (or unit's) hit in one document.
#[derive(Debug, Clone, Default)]
struct Hit {
    score: f64,
    /// True while only fuzzy variants matched in this document.
    fuzzy: bool,
    positions: Vec<u32>,
}

/// Evaluates queries against one index.
pub struct Matcher<'s, 'a> {
    index: &'s Index<'a>,
    bm25: Bm25,
}

impl<'s, 'a> Matcher<'s, 'a> {
    /// A matcher over `index`.
    pub fn new(index: &'s Index<'a>) -> Matcher<'s, 'a> {
        Matcher { index, bm25: Bm25::new(index.meta()) }
    }

    /// Runs `query`. Cost: one postings read per variant, plus positions for phrases and for
    /// the proximity of multi-word queries.
    pub fn run(&self, query: &Query) -> Result<Matches> {
        let mut out = Matches::default();
        let groups = &query.groups[..query.groups.len().min(MAX_GROUPS)];
        let with_positions = groups.len() > 1;
        let mut per_group: Vec<HashMap<u32, Hit>> = Vec::with_capacity(groups.len());
        for (g, alternatives) in groups.iter().enumerate() {
            let mut hits: HashMap<u32, Hit> = HashMap::new();
            for unit in alternatives {
                let (unit_hits, variants) = self.unit(unit, with_positions, &mut out.corrections)?;
                for (doc, h) in unit_hits {
                    let e = hits.entry(doc).or_insert_with(|| Hit { fuzzy: true, ..Hit::default() });
                    e.score += h.score;
                    e.fuzzy &= h.fuzzy;
                    e.positions.extend(h.positions);
                }
                for v in variants {
                    out.terms.entry(v).or_insert(g);
                }
            }
            per_group.push(hits);
        }
        let mut excluded: HashSet<u32> = HashSet::new();
        for unit in &query.excluded {
            excluded.extend(self.unit(unit, false, &mut Vec::new())?.0.into_keys());
        }

        let mut docs: HashMap<u32, Scored> = HashMap::new();
        for hits in &per_group {
            for (&doc, h) in hits {
                let s = docs.entry(doc).or_insert(Scored { doc, score: 0.0, groups: 0, fuzzy_groups: 0 });
                s.score += h.score;
                s.groups += 1;
                s.fuzzy_groups += usize::from(h.fuzzy);
            }
        }
        docs.retain(|doc, _| !excluded.contains(doc));
        let best = docs.values().map(|s| s.groups).max().unwrap_or(0);
        out.partial = best > 0 && best < per_group.len();
        out.docs = docs.into_values().filter(|s| s.groups == best).collect();
        sort(&mut out.docs);
        if with_positions {
            for s in out.docs.iter_mut().take(PROXIMITY_CANDIDATES) {
                let lists: Vec<&[u32]> = per_group
                    .iter_mut()
                    .filter_map(|hits| hits.get_mut(&s.doc))
                    .map(|h| {
                        h.positions.sort_unstable();
                        &h.positions[..]
                    })
                    .collect();
                s.score *= 1.0 + PROXIMITY_BOOST * proximity(&lists);
            }
            sort(&mut out.docs);
        }
        Ok(out)
    }

    /// Scores one unit in every document it matches; returns the matched dictionary terms too.
    fn unit(
        &self,
        unit: &Unit,
        with_positions: bool,
        corrections: &mut Vec<(String, String)>,
    ) -> Result<(HashMap<u32, Hit>, Vec<String>)> {
        match unit {
            Unit::Term { term, prefix } => {
                let variants = self.expand(term, *prefix);
                if let Some(first) = variants.first().filter(|v| matches!(v.kind, MatchKind::Fuzzy(_))) {
                    corrections.push((term.clone(), first.term.clone()));
                }
                let hits = self.term_hits(&variants, with_positions)?;
                Ok((hits, variants.into_iter().map(|v| v.term).collect()))
            }
            Unit::Phrase(words) => self.phrase(words),
        }
    }

    /// Scores a word's variants in every document; positions collected if asked.
    fn term_hits(&self, variants: &[Variant], with_positions: bool) -> Result<HashMap<u32, Hit>> {
        let postings = self.index.postings();
        let mut hits: HashMap<u32, Hit> = HashMap::new();
        let (mut list, mut positions) = (Vec::new(), Vec::new());
        for v in variants {
            postings.read_postings(v.info, &mut list)?;
            if with_positions {
                postings.read_positions(v.info, &list, &mut positions)?;
            }
            let idf = self.bm25.idf(v.info.doc_freq);
            let fuzzy = matches!(v.kind, MatchKind::Fuzzy(_));
            let mut at = 0usize;
            for p in &list {
                let s = v.kind.weight() * self.score(idf, p);
                let h = hits.entry(p.doc).or_insert_with(|| Hit { fuzzy: true, ..Hit::default() });
                h.score = h.score.max(s);
                h.fuzzy &= fuzzy;
                if with_positions {
                    let end = (at + p.tf() as usize).min(positions.len());
                    h.positions.extend_from_slice(&positions[at.min(end)..end]);
                    at = end;
                }
            }
        }
        Ok(hits)
    }

    /// The dictionary terms a query word stands for, best first: exact, aliases, stems,
    /// completions (when `prefix`), and typo corrections when those find little.
    pub fn expand(&self, term: &str, prefix: bool) -> Vec<Variant> {
        let postings = self.index.postings();
        let mut out: Vec<Variant> = Vec::new();
        let push = |out: &mut Vec<Variant>, t: &str, info: TermInfo, kind| {
            if !out.iter().any(|v: &Variant| v.term == t) {
                out.push(Variant { term: t.to_string(), info, kind });
            }
        };
        if let Some(info) = postings.get(term) {
            push(&mut out, term, info, MatchKind::Exact);
        }
        for alias in exonyms(term).map(str::to_string).chain(self.entity_aliases(term)) {
            if let Some(info) = postings.get(&alias) {
                push(&mut out, &alias, info, MatchKind::Alias);
            }
        }
        for (t, info) in self.same_stem(term) {
            push(&mut out, &t, info, MatchKind::Stem);
        }
        if prefix {
            for (t, info) in self.completions(term, MAX_PREFIX_TERMS) {
                push(&mut out, &t, info, MatchKind::Prefix);
            }
        }
        let exact_df = out.first().filter(|v| v.kind == MatchKind::Exact).map(|v| v.info.doc_freq);
        let rare = exact_df.is_some_and(|df| df <= RARE_DOC_FREQ && out.len() == 1)
            && term.chars().count() >= RARE_MIN_CHARS;
        if out.is_empty() || rare {
            let fuzzy = self.fuzzy(term);
            let dominant = fuzzy.first().is_some_and(|(_, info, d)| {
                *d == 1 && info.doc_freq >= FUZZY_DOMINANCE * exact_df.unwrap_or(0).max(1)
            });
            if out.is_empty() || dominant {
                for (t, info, d) in fuzzy {
                    push(&mut out, &t, info, MatchKind::Fuzzy(d));
                }
            }
        }
        out
    }

    /// The other one-word names of the entity that has `term` as an unambiguous one-word alias
    /// (`zelensky` → `zelenskyy`, `zelenskiy`).
    fn entity_aliases(&self, term: &str) -> Vec<String> {
        let Some(entities) = self.index.alias_entities() else { return Vec::new() };
        let Some(ordinal) = entities.by_alias(term) else { return Vec::new() };
        let Ok(aliases) = entities.aliases(ordinal) else { return Vec::new() };
        let mut out: Vec<String> = Vec::new();
        for alias in aliases {
            if let [word] = crate::analysis::terms(alias).as_slice() {
                if word != term && !out.contains(word) {
                    out.push(word.clone());
                }
            }
        }
        out
    }

    /// Dictionary terms starting with `prefix` (not equal to it), most frequent first.
    pub fn completions(&self, prefix: &str, limit: usize) -> Vec<(String, TermInfo)> {
        let mut found = Vec::new();
        self.index.postings().search(prefix, Str::new(prefix).starts_with(), |key, info| {
            if key != prefix.as_bytes() {
                found.push((String::from_utf8_lossy(key).into_owned(), info));
            }
            true
        });
        found.sort_by(|a, b| b.1.doc_freq.cmp(&a.1.doc_freq).then_with(|| a.0.cmp(&b.0)));
        found.truncate(limit);
        found
    }

    /// Other dictionary terms with the same English stem as `term`.
    fn same_stem(&self, term: &str) -> Vec<(String, TermInfo)> {
        if !term.bytes().all(|b| b.is_ascii_lowercase()) {
            return Vec::new();
        }
        let target = stem(term);
        if target.len() < 3 {
            return Vec::new();
        }
        // Inflections share the stem minus its last letter (country/countries → countri).
        let scan = &target[..target.len() - 1];
        let mut found = Vec::new();
        let mut scanned = 0;
        self.index.postings().search(scan, Str::new(scan).starts_with(), |key, info| {
            scanned += 1;
            if let Ok(candidate) = std::str::from_utf8(key) {
                if candidate != term && is_inflection(term, candidate) && stem(candidate) == target {
                    found.push((candidate.to_string(), info));
                }
            }
            scanned < MAX_STEM_SCAN
        });
        found
    }

    /// Dictionary terms within edit distance 1 (words of [`FUZZY_MIN_CHARS`]+ characters) or
    /// 2 ([`FUZZY2_MIN_CHARS`]+), nearest and most frequent first. If the automaton for the
    /// wanted distance is too large, a smaller distance is tried, then none.
    pub fn fuzzy(&self, term: &str) -> Vec<(String, TermInfo, u8)> {
        let chars = term.chars().count();
        let wanted: u32 = match chars {
            c if c >= FUZZY2_MIN_CHARS => 2,
            c if c >= FUZZY_MIN_CHARS => 1,
            _ => return Vec::new(),
        };
        let Some(automaton) = (1..=wanted).rev().find_map(|d| Levenshtein::new(term, d).ok()) else {
            return Vec::new();
        };
        // A sharded index reads only the terms sharing the word's first two letters (one or
        // two term ranges, not every range for a letter); see `format::shards`.
        let postings = self.index.postings();
        let head: &str = match term.char_indices().nth(2) {
            Some((end, _)) if postings.is_sharded() => &term[..end],
            _ => "",
        };
        let automaton = automaton.intersection(Str::new(head).starts_with());
        let mut found = Vec::new();
        postings.search(head, automaton, |key, info| {
            let candidate = String::from_utf8_lossy(key).into_owned();
            if candidate != term {
                let d = edit_distance(term, &candidate).min(2) as u8;
                found.push((candidate, info, d));
            }
            true
        });
        found.sort_by(|a, b| a.2.cmp(&b.2).then(b.1.doc_freq.cmp(&a.1.doc_freq)).then_with(|| a.0.cmp(&b.0)));
        found.truncate(MAX_FUZZY_TERMS);
        found
    }

    /// Documents where `words` occur consecutively (each word by its exact, alias or stem
    /// variants), scored as one term whose idf is the sum of the words' idfs and whose
    /// frequency is the number of occurrences. Positions are the phrase starts.
    fn phrase(&self, words: &[String]) -> Result<(HashMap<u32, Hit>, Vec<String>)> {
        let mut per_word: Vec<HashMap<u32, Hit>> = Vec::with_capacity(words.len());
        let mut terms = Vec::new();
        let mut idf = 0.0;
        for w in words {
            let variants: Vec<Variant> = self
                .expand(w, false)
                .into_iter()
                .filter(|v| matches!(v.kind, MatchKind::Exact | MatchKind::Alias | MatchKind::Stem))
                .collect();
            let Some(df) = variants.iter().map(|v| v.info.doc_freq).max() else {
                return Ok((HashMap::new(), Vec::new()));
            };
            idf += self.bm25.idf(df);
            let mut hits = self.term_hits(&variants, true)?;
            for h in hits.values_mut() {
                h.positions.sort_unstable();
            }
            per_word.push(hits);
            terms.extend(variants.into_iter().map(|v| v.term));
        }
        let mut out = HashMap::new();
        let Some((first, rest)) = per_word.split_first() else { return Ok((out, terms)) };
        for (&doc, h) in first {
            // A sharded index has no lengths at hand: every document then counts as average.
            let (title_len, body_len) = self.index.docs().lengths(doc).unwrap_or((0, 0));
            let starts: Vec<u32> = h
                .positions
                .iter()
                .copied()
                .filter(|&p| {
                    rest.iter().enumerate().all(|(i, m)| {
                        m.get(&doc).is_some_and(|w| w.positions.binary_search(&(p + 1 + i as u32)).is_ok())
                    })
                })
                .collect();
            if starts.is_empty() {
                continue;
            }
            let in_title = starts.iter().filter(|&&p| p < title_len).count() as u32;
            let in_body = starts.len() as u32 - in_title;
            let score = self.bm25.score(idf, in_title, in_body, title_len, body_len);
            out.insert(doc, Hit { score, fuzzy: false, positions: starts });
        }
        Ok((out, terms))
    }

    fn score(&self, idf: f64, p: &Posting) -> f64 {
        let (title_len, body_len) = self.index.docs().lengths(p.doc).unwrap_or((0, 0));
        self.bm25.score(idf, p.tf_title, p.tf_body, title_len, body_len)
    }
}

/// True when `a` and `b` are their common prefix plus an inflectional ending each.
fn is_inflection(a: &str, b: &str) -> bool {
    let common = a.bytes().zip(b.bytes()).take_while(|(x, y)| x == y).count();
    INFLECTIONS.contains(&&a[common..]) && INFLECTIONS.contains(&&b[common..])
}

/// Tiered order: more groups, then fewer typo-corrected groups, then score, then ordinal.
fn sort(docs: &mut [Scored]) {
    docs.sort_by(|a, b| {
        b.groups
            .cmp(&a.groups)
            .then(a.fuzzy_groups.cmp(&b.fuzzy_groups))
            .then(b.score.total_cmp(&a.score))
            .then(a.doc.cmp(&b.doc))
    });
}

/// How close together the groups' words stand, in 0..=1: `(k − 1) / (span − 1)` for the
/// smallest window of `span` positions holding one position of each of the `k` lists
/// (1 when adjacent). Lists must be sorted; empty lists are ignored.
pub fn proximity(lists: &[&[u32]]) -> f64 {
    let lists: Vec<&[u32]> = lists.iter().copied().filter(|l| !l.is_empty()).collect();
    let k = lists.len();
    if k < 2 {
        return 0.0;
    }
    let mut merged: Vec<(u32, usize)> =
        lists.iter().enumerate().flat_map(|(g, l)| l.iter().map(move |&p| (p, g))).collect();
    merged.sort_unstable();
    let mut counts = vec![0usize; k];
    let (mut covered, mut left, mut best) = (0usize, 0usize, u32::MAX);
    for right in 0..merged.len() {
        let g = merged[right].1;
        counts[g] += 1;
        if counts[g] == 1 {
            covered += 1;
        }
        while covered == k {
            best = best.min(merged[right].0 - merged[left].0 + 1);
            let lg = merged[left].1;
            counts[lg] -= 1;
            if counts[lg] == 0 {
                covered -= 1;
            }
            left += 1;
        }
    }
    if best == u32::MAX {
        return 0.0;
    }
    ((k - 1) as f64 / (f64::from(best.max(2)) - 1.0)).min(1.0)
}

/// Levenshtein distance between two words, in characters (bounded work: words are short).
pub fn edit_distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    let mut cur = vec![0; b.len() + 1];
    for (i, ca) in a.iter().enumerate() {
        cur[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            cur[j + 1] = (prev[j] + usize::from(ca != cb)).min(prev[j + 1] + 1).min(cur[j] + 1);
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    prev[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn proximity_is_one_for_adjacent_words_and_falls_with_distance() {
        assert_eq!(proximity(&[&[3], &[4]]), 1.0);
        assert_eq!(proximity(&[&[3, 40], &[45]]), 1.0 / 5.0);
        assert_eq!(proximity(&[&[1], &[5], &[3]]), 2.0 / 4.0);
        assert_eq!(proximity(&[&[1], &[]]), 0.0);
    }

    #[test]
    fn only_inflections_count_as_the_same_word() {
        assert!(is_inflection("sanction", "sanctions"));
        assert!(is_inflection("sanctions", "sanctioned"));
        assert!(is_inflection("authority", "authorities"));
        assert!(is_inflection("negotiate", "negotiating"));
        assert!(!is_inflection("authorities", "authors"));
        assert!(!is_inflection("authorities", "authorize"));
        assert!(!is_inflection("negotiations", "negotiate"));
    }

    #[test]
    fn edit_distance_counts_characters() {
        assert_eq!(edit_distance("witkof", "witkoff"), 1);
        assert_eq!(edit_distance("peskof", "peskov"), 1);
        assert_eq!(edit_distance("zelensky", "zelenskyy"), 1);
        assert_eq!(edit_distance("kyiv", "kiev"), 2);
        assert_eq!(edit_distance("", "abc"), 3);
    }
}
