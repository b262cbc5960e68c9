//! Matching: which documents a parsed [`Query`] selects, with their scores and the dictionary
//! terms that matched (for highlighting).
//!
//! Each [`Unit`] is expanded into dictionary terms ([`Variant`]s) with a weight: the exact term
//! at 1.0; for the word being typed, the terms it is a prefix of at [`PREFIX_WEIGHT`]. A
//! unit's score in a document is the best weighted BM25F score of its variants; a group's is
//! the sum of its alternatives; a document's is the sum over groups. When no document matches
//! every group, the documents matching the most groups are returned and flagged partial.

use std::collections::{HashMap, HashSet};

use fst::{automaton::Str, Automaton, IntoStreamer, Streamer};

use super::parse::{Query, Unit};
use super::rank::Bm25;
use crate::format::{Index, Posting, TermInfo};
use crate::Result;

/// Weight of a completion of the word being typed, relative to the word itself. Below 1 so
/// that `kyi` ranks a document saying "kyi" (if any) above one saying "kyiv"; high enough that
/// completions still rank by their own BM25.
pub const PREFIX_WEIGHT: f64 = 0.7;

/// At most this many completions of a prefix are searched, the most frequent first. One or
/// two letters would otherwise expand to thousands of terms.
pub const MAX_PREFIX_TERMS: usize = 48;

/// Groups beyond this many are ignored, bounding the work a pasted essay can cause.
pub const MAX_GROUPS: usize = 32;

/// A dictionary term that a query unit matches, with its weight.
#[derive(Debug, Clone, PartialEq)]
pub struct Variant {
    /// The dictionary term.
    pub term: String,
    /// Where its postings are.
    pub info: TermInfo,
    /// Multiplier on its BM25F score (1.0 for the exact term).
    pub weight: f64,
}

/// The documents a query selects.
#[derive(Debug, Clone, Default)]
pub struct Matches {
    /// `(document ordinal, score)`, best first; ties by ordinal.
    pub docs: Vec<(u32, f64)>,
    /// True when no document matched every group and these match only some.
    pub partial: bool,
    /// Every matched dictionary term, with the index of the query group it came from.
    pub terms: HashMap<String, usize>,
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

    /// Runs `query`. Cost: one postings read per variant, plus positions for phrases.
    pub fn run(&self, query: &Query) -> Result<Matches> {
        let mut out = Matches::default();
        let groups = &query.groups[..query.groups.len().min(MAX_GROUPS)];
        let mut per_group: Vec<HashMap<u32, f64>> = Vec::with_capacity(groups.len());
        for (g, alternatives) in groups.iter().enumerate() {
            let mut scores: HashMap<u32, f64> = HashMap::new();
            for unit in alternatives {
                let (unit_scores, terms) = self.unit(unit)?;
                for (doc, s) in unit_scores {
                    *scores.entry(doc).or_default() += s;
                }
                for t in terms {
                    out.terms.entry(t).or_insert(g);
                }
            }
            per_group.push(scores);
        }
        let mut excluded: HashSet<u32> = HashSet::new();
        for unit in &query.excluded {
            excluded.extend(self.unit(unit)?.0.into_keys());
        }

        let mut totals: HashMap<u32, (usize, f64)> = HashMap::new();
        for scores in &per_group {
            for (&doc, &s) in scores {
                let t = totals.entry(doc).or_default();
                t.0 += 1;
                t.1 += s;
            }
        }
        totals.retain(|doc, _| !excluded.contains(doc));
        let best = totals.values().map(|t| t.0).max().unwrap_or(0);
        out.partial = best > 0 && best < per_group.len();
        out.docs = totals.into_iter().filter(|(_, t)| t.0 == best).map(|(doc, t)| (doc, t.1)).collect();
        out.docs.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
        Ok(out)
    }

    /// Scores one unit in every document it matches; returns the matched dictionary terms too.
    fn unit(&self, unit: &Unit) -> Result<(HashMap<u32, f64>, Vec<String>)> {
        match unit {
            Unit::Term { term, prefix } => {
                let variants = self.expand(term, *prefix);
                let mut scores: HashMap<u32, f64> = HashMap::new();
                let mut postings = Vec::new();
                for v in &variants {
                    self.index.postings().read_postings(v.info, &mut postings)?;
                    let idf = self.bm25.idf(v.info.doc_freq);
                    for p in &postings {
                        let s = v.weight * self.score(idf, p);
                        let e = scores.entry(p.doc).or_default();
                        *e = e.max(s);
                    }
                }
                Ok((scores, variants.into_iter().map(|v| v.term).collect()))
            }
            Unit::Phrase(words) => self.phrase(words),
        }
    }

    /// The dictionary terms a query term stands for.
    pub fn expand(&self, term: &str, prefix: bool) -> Vec<Variant> {
        let postings = self.index.postings();
        let mut out: Vec<Variant> = postings
            .get(term)
            .map(|info| Variant { term: term.to_string(), info, weight: 1.0 })
            .into_iter()
            .collect();
        if prefix {
            let mut completions = Vec::new();
            let mut stream = postings.terms().search(Str::new(term).starts_with()).into_stream();
            while let Some((key, value)) = stream.next() {
                if key != term.as_bytes() {
                    completions
                        .push((String::from_utf8_lossy(key).into_owned(), TermInfo::from_value(value)));
                }
            }
            completions.sort_by(|a, b| b.1.doc_freq.cmp(&a.1.doc_freq).then_with(|| a.0.cmp(&b.0)));
            completions.truncate(MAX_PREFIX_TERMS);
            out.extend(completions.into_iter().map(|(term, info)| Variant {
                term,
                info,
                weight: PREFIX_WEIGHT,
            }));
        }
        out
    }

    /// Documents where `words` occur consecutively, scored as one term whose idf is the sum
    /// of the words' idfs and whose frequency is the number of phrase occurrences.
    fn phrase(&self, words: &[String]) -> Result<(HashMap<u32, f64>, Vec<String>)> {
        let postings = self.index.postings();
        let mut lists: Vec<(Vec<Posting>, Vec<u32>)> = Vec::with_capacity(words.len());
        let mut idf = 0.0;
        for w in words {
            let Some(info) = postings.get(w) else {
                return Ok((HashMap::new(), Vec::new()));
            };
            let mut ps = Vec::new();
            let mut pos = Vec::new();
            postings.read_postings(info, &mut ps)?;
            postings.read_positions(info, &ps, &mut pos)?;
            idf += self.bm25.idf(info.doc_freq);
            lists.push((ps, pos));
        }
        // Per word: doc → its slice of positions.
        let by_doc: Vec<HashMap<u32, &[u32]>> =
            lists.iter().map(|(ps, pos)| positions_by_doc(ps, pos)).collect();
        let mut scores = HashMap::new();
        let Some(first) = by_doc.first() else {
            return Ok((scores, Vec::new()));
        };
        for (&doc, starts) in first {
            let Some((title_len, body_len)) = self.index.docs().lengths(doc) else {
                continue;
            };
            let (mut in_title, mut in_body) = (0, 0);
            for &p in starts.iter() {
                let all =
                    by_doc.iter().enumerate().skip(1).all(|(i, m)| {
                        m.get(&doc).is_some_and(|ps| ps.binary_search(&(p + i as u32)).is_ok())
                    });
                if all {
                    if p < title_len {
                        in_title += 1;
                    } else {
                        in_body += 1;
                    }
                }
            }
            if in_title + in_body > 0 {
                scores.insert(doc, self.bm25.score(idf, in_title, in_body, title_len, body_len));
            }
        }
        Ok((scores, words.to_vec()))
    }

    fn score(&self, idf: f64, p: &Posting) -> f64 {
        let (title_len, body_len) = self.index.docs().lengths(p.doc).unwrap_or((0, 0));
        self.bm25.score(idf, p.tf_title, p.tf_body, title_len, body_len)
    }
}

/// Splits flattened positions into one slice per posting, keyed by document.
fn positions_by_doc<'p>(postings: &[Posting], positions: &'p [u32]) -> HashMap<u32, &'p [u32]> {
    let mut out = HashMap::with_capacity(postings.len());
    let mut at = 0usize;
    for p in postings {
        let end = (at + p.tf() as usize).min(positions.len());
        out.insert(p.doc, &positions[at.min(end)..end]);
        at = end;
    }
    out
}
