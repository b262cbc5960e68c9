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
//! Fuzzy variants are searched only for a word that matches nothing otherwise: a word of the
//! dictionary is searched as typed, and for a rare one a far more common close spelling (a
//! misspelling in the corpus itself) is only offered; see [`RARE_DOC_FREQ`]. Typo correction
//! can be turned off ([`Matcher::typo_correction`]). A word's score in a document is its best weighted BM25F score; a group's
//! is the sum of its alternatives; a document's is the sum over groups, raised by
//! [`PROXIMITY_BOOST`] when the groups' words stand close together.
//!
//! Ranking is tiered: documents matching more groups come first; among those, documents
//! matching with fewer typo-corrected groups; then by score. So exact matches always outrank
//! fuzzy ones. When no document matches every group, those matching the most are returned and
//! flagged partial.

use std::collections::HashMap;

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

/// Shortest word (in characters) corrected at edit distance 1. Shorter words have too many
/// neighbours (`war` → `was`, `car`, `far`).
pub const FUZZY_MIN_CHARS: usize = 4;

/// Shortest word corrected at edit distance 2.
pub const FUZZY2_MIN_CHARS: usize = 8;

/// A word of the dictionary is never corrected: its results are its own (exact, alias,
/// stem and prefix matches). But the corpus itself misspells names, so a word of at least
/// [`RARE_MIN_CHARS`] characters found in at most this many documents, with no other variant,
/// gets a spelling *offered* ([`Matches::suggestions`], "did you mean"): the one a single edit
/// away, with the same first letter, in [`SUGGEST_DOMINANCE`] times as many documents.
/// Shorter rare words are usually real (`basf`, `sids`).
pub const RARE_DOC_FREQ: u32 = 2;

/// See [`RARE_DOC_FREQ`].
pub const RARE_MIN_CHARS: usize = 6;

/// How many times more documents a near spelling of a rare word must be in to be offered
/// instead (see [`RARE_DOC_FREQ`]). Raising it offers fewer suggestions; it never changes the
/// results, only what "did you mean" proposes.
pub const SUGGEST_DOMINANCE: u32 = 20;

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
    /// Rare query words that were searched as typed, with a far more common spelling to
    /// offer instead (see [`SUGGEST_DOMINANCE`]).
    pub suggestions: Vec<(String, String)>,
}

/// One group's (or unit's) hit in one document. Hits are kept in vectors sorted by document.
#[derive(Debug, Clone, Copy)]
struct Hit {
    doc: u32,
    score: f64,
    /// True while only fuzzy variants matched in this document.
    fuzzy: bool,
}

/// Where a unit's word positions come from, read only for the documents that need them
/// (the proximity candidates).
enum Positions {
    /// Every variant of a word.
    Terms(Vec<TermInfo>),
    /// A phrase's starts, by document (sorted by document).
    Starts(Vec<(u32, Vec<u32>)>),
}

/// A query unit with its words looked up in the dictionary.
enum Expanded<'u> {
    /// A word's variants.
    Term(Vec<Variant>),
    /// A phrase's words (looked up when it is matched).
    Phrase(&'u [String]),
}

impl Expanded<'_> {
    /// At most how many documents it matches (a phrase: not known before matching it).
    fn reach(&self) -> u64 {
        match self {
            Expanded::Term(variants) => variants.iter().map(|v| u64::from(v.info.doc_freq)).sum(),
            Expanded::Phrase(_) => u64::MAX,
        }
    }
}

/// What one group matched: hits by document, its dictionary terms, each unit's positions.
#[derive(Default)]
struct GroupHits {
    hits: Vec<Hit>,
    terms: Vec<String>,
    positions: Vec<Positions>,
}

/// Keeps the postings whose document is in `within` (both sorted by document).
fn keep_within(list: &mut Vec<Posting>, within: &[u32]) {
    let mut within = within.iter().copied().peekable();
    list.retain(|p| {
        while within.next_if(|&d| d < p.doc).is_some() {}
        within.peek() == Some(&p.doc)
    });
}

/// Evaluates queries against one index.
pub struct Matcher<'s, 'a> {
    index: &'s Index<'a>,
    bm25: Bm25,
    /// Read every group in full (see [`Matcher::groups`]): what the tests compare against.
    full_reads: bool,
    /// Correct and suggest spellings (see [`Matcher::typo_correction`]).
    correct: bool,
}

/// Tiered order: more groups, then fewer typo-corrected groups, then score, then ordinal.
fn rank_order(a: &Scored, b: &Scored) -> std::cmp::Ordering {
    b.groups
        .cmp(&a.groups)
        .then(a.fuzzy_groups.cmp(&b.fuzzy_groups))
        .then(b.score.total_cmp(&a.score))
        .then(a.doc.cmp(&b.doc))
}

/// Sorts the first `k` of `docs` best-first, placing there the `k` best; the rest follow in
/// any order.
fn sort_top(docs: &mut [Scored], k: usize) {
    if k == 0 {
        return;
    }
    if k < docs.len() {
        docs.select_nth_unstable_by(k, rank_order);
    }
    let top = k.min(docs.len());
    docs[..top].sort_unstable_by(rank_order);
}

/// Adds one group's hits (sorted by document) to the documents matched so far (sorted by
/// document): scores add up, in group order.
fn merge_group(docs: Vec<Scored>, hits: &[Hit]) -> Vec<Scored> {
    merge_by_doc(
        &docs,
        hits,
        |d| d.doc,
        |h| h.doc,
        Scored::clone,
        |h| Scored { doc: h.doc, score: 0.0 + h.score, groups: 1, fuzzy_groups: usize::from(h.fuzzy) },
        |d, h| Scored {
            doc: d.doc,
            score: d.score + h.score,
            groups: d.groups + 1,
            fuzzy_groups: d.fuzzy_groups + usize::from(h.fuzzy),
        },
    )
}

/// Merges two lists sorted by document into one: an entry of only one list becomes
/// `only_a`/`only_b` of it, a document in both `both` of the two.
fn merge_by_doc<A, B, T>(
    a: &[A],
    b: &[B],
    doc_a: impl Fn(&A) -> u32,
    doc_b: impl Fn(&B) -> u32,
    only_a: impl Fn(&A) -> T,
    only_b: impl Fn(&B) -> T,
    both: impl Fn(&A, &B) -> T,
) -> Vec<T> {
    let mut out = Vec::with_capacity(a.len().max(b.len()));
    let (mut i, mut j) = (0, 0);
    loop {
        match (a.get(i), b.get(j)) {
            (Some(x), Some(y)) if doc_a(x) == doc_b(y) => {
                out.push(both(x, y));
                i += 1;
                j += 1;
            }
            (Some(x), Some(y)) if doc_a(x) < doc_b(y) => {
                out.push(only_a(x));
                i += 1;
            }
            (Some(x), None) => {
                out.push(only_a(x));
                i += 1;
            }
            (_, Some(y)) => {
                out.push(only_b(y));
                j += 1;
            }
            (None, None) => return out,
        }
    }
}

/// `(slot, position)` pairs (slots below `slots`) as every slot's sorted positions, flattened
/// in slot order, with where each slot's start: slot `i` is `flat[offsets[i]..offsets[i + 1]]`.
fn by_slot(mut pairs: Vec<(u32, u32)>, slots: usize) -> (Vec<u32>, Vec<usize>) {
    pairs.sort_unstable();
    let mut offsets = vec![0usize; slots + 1];
    for &(i, _) in &pairs {
        offsets[i as usize + 1] += 1;
    }
    for i in 0..slots {
        offsets[i + 1] += offsets[i];
    }
    (pairs.into_iter().map(|(_, p)| p).collect(), offsets)
}

/// Sorts hits by document and keeps one per document: the best score, fuzzy only if every
/// hit was.
fn dedup_hits(mut hits: Vec<Hit>) -> Vec<Hit> {
    hits.sort_unstable_by_key(|h| h.doc);
    hits.dedup_by(|later, kept| {
        if later.doc != kept.doc {
            return false;
        }
        kept.score = kept.score.max(later.score);
        kept.fuzzy &= later.fuzzy;
        true
    });
    hits
}

/// Merges two document-sorted hit lists of alternatives, adding the scores of a document in
/// both.
fn merge_units(a: Vec<Hit>, b: Vec<Hit>) -> Vec<Hit> {
    merge_by_doc(
        &a,
        &b,
        |h| h.doc,
        |h| h.doc,
        |x| *x,
        |y| Hit { score: 0.0 + y.score, ..*y },
        |x, y| Hit { doc: x.doc, score: x.score + y.score, fuzzy: x.fuzzy && y.fuzzy },
    )
}

impl<'s, 'a> Matcher<'s, 'a> {
    /// A matcher over `index`.
    pub fn new(index: &'s Index<'a>) -> Matcher<'s, 'a> {
        Matcher { index, bm25: Bm25::new(index.meta()), full_reads: false, correct: true }
    }

    /// Turns typo correction on (the default) or off. Off, a word that matches nothing stays
    /// unmatched (no fuzzy variants, no [`Matches::corrections`]) and no spelling is
    /// suggested: the query is searched exactly as typed (exact, alias, stem and prefix
    /// matches only).
    pub fn typo_correction(mut self, on: bool) -> Matcher<'s, 'a> {
        self.correct = on;
        self
    }

    /// Runs `query`; [`Matches::docs`] holds every matching document, best first. Cost: one
    /// postings read per variant, plus positions for phrases and for the proximity of the
    /// best candidates of multi-word queries.
    pub fn run(&self, query: &Query) -> Result<Matches> {
        self.run_top(query, usize::MAX)
    }

    /// Like [`Matcher::run`], but only the first `k` of [`Matches::docs`] are sorted (they
    /// are the `k` best, best first, exactly as [`Matcher::run`] orders them); the others
    /// follow in no particular order. `Matches::docs` still holds every matching document,
    /// so totals, facets and timelines are unchanged. For a page of results, `k` is the
    /// page's offset plus its limit.
    pub fn run_top(&self, query: &Query, k: usize) -> Result<Matches> {
        let mut out = Matches::default();
        let groups = &query.groups[..query.groups.len().min(MAX_GROUPS)];
        let with_positions = groups.len() > 1;
        let expanded: Vec<Vec<Expanded<'_>>> = groups
            .iter()
            .map(|units| {
                units
                    .iter()
                    .map(|u| self.expand_unit(u, &mut out.corrections, &mut out.suggestions))
                    .collect()
            })
            .collect();
        let excluded = self.excluded(query)?;
        let mut docs: Vec<Scored> = Vec::new();
        let mut sources: Vec<Vec<Positions>> = Vec::with_capacity(groups.len());
        for (g, found) in self.groups(&expanded, &excluded)?.into_iter().enumerate() {
            for v in found.terms {
                out.terms.entry(v).or_insert(g);
            }
            sources.push(if with_positions { found.positions } else { Vec::new() });
            docs = merge_group(docs, &found.hits);
        }
        if !excluded.is_empty() {
            docs.retain(|s| excluded.binary_search(&s.doc).is_err());
        }
        let best = docs.iter().map(|s| s.groups).max().unwrap_or(0);
        out.partial = best > 0 && best < groups.len();
        docs.retain(|s| s.groups == best);
        out.docs = docs;
        if !with_positions || k == 0 {
            // With nothing to rank (k = 0: the totals, facets or timeline of a query), the
            // proximity bonus and the positions it reads are not needed.
            sort_top(&mut out.docs, k);
            return Ok(out);
        }
        // The proximity bonus only raises scores, so boosted candidates still come before
        // every other document: sort the candidates, then the rest as far as asked.
        let candidates = PROXIMITY_CANDIDATES.min(out.docs.len());
        sort_top(&mut out.docs, candidates);
        self.boost_proximity(&mut out.docs[..candidates], &sources)?;
        out.docs[..candidates].sort_unstable_by(rank_order);
        sort_top(&mut out.docs[candidates..], k.saturating_sub(candidates));
        Ok(out)
    }

    /// The documents (sorted ordinals, deduplicated) that some excluded unit of `query`
    /// matches: what `-putin` and `NOT "white house"` remove.
    pub fn excluded(&self, query: &Query) -> Result<Vec<u32>> {
        let mut excluded: Vec<u32> = Vec::new();
        for unit in &query.excluded {
            let unit = self.expand_unit(unit, &mut Vec::new(), &mut Vec::new());
            excluded.extend(self.unit_hits(&unit, None)?.0.iter().map(|h| h.doc));
        }
        excluded.sort_unstable();
        excluded.dedup();
        Ok(excluded)
    }

    /// Every group's hits, terms and positions, in query order.
    ///
    /// When several groups must all match, most of a common word's postings are in
    /// documents some other group misses. So the group reaching the fewest documents is read
    /// first, and each next one scores only the documents every group so far matched (and no
    /// excluded unit did); the others, read in full, would only add documents missing a
    /// group, which ranking drops. If none remain, no document matches every group: the
    /// groups read in part are then read in full, for the best partial matches.
    fn groups(&self, groups: &[Vec<Expanded<'_>>], excluded: &[u32]) -> Result<Vec<GroupHits>> {
        let mut found: Vec<Option<GroupHits>> = groups.iter().map(|_| None).collect();
        if groups.len() > 1 && !self.full_reads {
            let mut order: Vec<usize> = (0..groups.len()).collect();
            order.sort_by_key(|&g| groups[g].iter().map(Expanded::reach).fold(0u64, u64::saturating_add));
            let mut within: Option<Vec<u32>> = None;
            let mut restricted: Vec<usize> = Vec::new();
            for g in order {
                let group = self.group_hits(&groups[g], within.as_deref())?;
                let mut docs: Vec<u32> = group.hits.iter().map(|h| h.doc).collect();
                docs.retain(|d| excluded.binary_search(d).is_err());
                if within.is_some() {
                    restricted.push(g);
                }
                found[g] = Some(group);
                if docs.is_empty() {
                    // Restricted reads would miss the partial matches.
                    for &g in &restricted {
                        found[g] = None;
                    }
                    break;
                }
                within = Some(docs);
            }
        }
        groups
            .iter()
            .zip(found)
            .map(|(units, found)| found.map_or_else(|| self.group_hits(units, None), Ok))
            .collect()
    }

    /// One group's hits (its alternatives merged), terms and positions; only in the documents
    /// of `within` (sorted) if given.
    fn group_hits(&self, units: &[Expanded<'_>], within: Option<&[u32]>) -> Result<GroupHits> {
        let mut out = GroupHits::default();
        for (u, unit) in units.iter().enumerate() {
            let (hits, terms, positions) = self.unit_hits(unit, within)?;
            out.hits = if u == 0 { hits } else { merge_units(std::mem::take(&mut out.hits), hits) };
            out.terms.extend(terms);
            out.positions.push(positions);
        }
        Ok(out)
    }

    /// Multiplies the score of each of `candidates` by its proximity bonus.
    fn boost_proximity(&self, candidates: &mut [Scored], sources: &[Vec<Positions>]) -> Result<()> {
        let postings = self.index.postings();
        let mut by_doc: Vec<(u32, u32)> =
            candidates.iter().enumerate().map(|(i, s)| (s.doc, i as u32)).collect();
        by_doc.sort_unstable();
        let wanted: Vec<u32> = by_doc.iter().map(|&(d, _)| d).collect();
        let slot = |doc: u32| by_doc.binary_search_by_key(&doc, |&(d, _)| d).ok().map(|i| by_doc[i].1);
        // Per group: every candidate's positions, flattened, and where each candidate's start.
        let mut per_group: Vec<(Vec<u32>, Vec<usize>)> = Vec::with_capacity(sources.len());
        let mut buf = Vec::new();
        for group in sources {
            let mut pairs: Vec<(u32, u32)> = Vec::new();
            for source in group {
                match source {
                    Positions::Terms(infos) => {
                        for &info in infos {
                            postings.positions_in(info, &wanted, &mut buf, |doc, ps| {
                                if let Some(i) = slot(doc) {
                                    pairs.extend(ps.iter().map(|&p| (i, p)));
                                }
                            })?;
                        }
                    }
                    Positions::Starts(starts) => {
                        for (doc, ps) in starts {
                            if let Some(i) = slot(*doc) {
                                pairs.extend(ps.iter().map(|&p| (i, p)));
                            }
                        }
                    }
                }
            }
            per_group.push(by_slot(pairs, candidates.len()));
        }
        let mut lists: Vec<&[u32]> = Vec::with_capacity(per_group.len());
        for (i, s) in candidates.iter_mut().enumerate() {
            lists.clear();
            lists.extend(per_group.iter().map(|(flat, offsets)| &flat[offsets[i]..offsets[i + 1]]));
            s.score *= 1.0 + PROXIMITY_BOOST * proximity(&lists);
        }
        Ok(())
    }

    /// Looks a unit's words up in the dictionary (a word corrected for a typo is noted in
    /// `corrections`, a rare word with a far more common spelling in `suggestions`); no
    /// postings are read yet.
    fn expand_unit<'u>(
        &self,
        unit: &'u Unit,
        corrections: &mut Vec<(String, String)>,
        suggestions: &mut Vec<(String, String)>,
    ) -> Expanded<'u> {
        match unit {
            Unit::Term { term, prefix } => {
                let variants = self.expand(term, *prefix);
                if let Some(first) = variants.first().filter(|v| matches!(v.kind, MatchKind::Fuzzy(_))) {
                    corrections.push((term.clone(), first.term.clone()));
                } else if let Some(better) = self.suggestion(term, &variants) {
                    suggestions.push((term.clone(), better));
                }
                Expanded::Term(variants)
            }
            Unit::Phrase(words) => Expanded::Phrase(words),
        }
    }

    /// Scores one unit in every document it matches (sorted by document), or only in those of
    /// `within` (sorted) if given; returns the matched dictionary terms and where its
    /// positions are too.
    fn unit_hits(
        &self,
        unit: &Expanded<'_>,
        within: Option<&[u32]>,
    ) -> Result<(Vec<Hit>, Vec<String>, Positions)> {
        match unit {
            Expanded::Term(variants) => {
                let hits = self.term_hits(variants, within)?;
                let infos = variants.iter().map(|v| v.info).collect();
                Ok((hits, variants.iter().map(|v| v.term.clone()).collect(), Positions::Terms(infos)))
            }
            Expanded::Phrase(words) => {
                let (mut hits, terms, positions) = self.phrase(words)?;
                if let Some(within) = within {
                    hits.retain(|h| within.binary_search(&h.doc).is_ok());
                }
                Ok((hits, terms, positions))
            }
        }
    }

    /// Scores a word's variants in every document (sorted by document): a document's score
    /// is its best variant's.
    fn term_hits(&self, variants: &[Variant], within: Option<&[u32]>) -> Result<Vec<Hit>> {
        let postings = self.index.postings();
        let docs = self.index.docs().len();
        let mut hits: Vec<Hit> =
            Vec::with_capacity(variants.iter().map(|v| (v.info.doc_freq as usize).min(docs)).sum());
        let mut list = Vec::new();
        for v in variants {
            postings.read_postings(v.info, &mut list)?;
            if let Some(within) = within {
                keep_within(&mut list, within);
            }
            let idf = self.bm25.idf(v.info.doc_freq);
            let fuzzy = matches!(v.kind, MatchKind::Fuzzy(_));
            let weight = v.kind.weight();
            hits.extend(list.iter().map(|p| Hit { doc: p.doc, score: weight * self.score(idf, p), fuzzy }));
        }
        if variants.len() < 2 {
            return Ok(hits);
        }
        if hits.len() >= docs / 8 {
            // Many hits (a short prefix, a common word's inflections): one slot per document
            // beats sorting them.
            let mut slots: Vec<Option<Hit>> = vec![None; docs];
            let mut outside = Vec::new();
            for h in hits {
                match slots.get_mut(h.doc as usize) {
                    Some(Some(kept)) => {
                        kept.score = kept.score.max(h.score);
                        kept.fuzzy &= h.fuzzy;
                    }
                    Some(slot) => *slot = Some(h),
                    None => outside.push(h),
                }
            }
            let mut merged: Vec<Hit> = slots.into_iter().flatten().collect();
            if !outside.is_empty() {
                merged.extend(outside);
                return Ok(dedup_hits(merged));
            }
            return Ok(merged);
        }
        Ok(dedup_hits(hits))
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
        if self.index.pending() {
            // A term range is not loaded yet, so "matches nothing" or "rare" may be untrue:
            // decide on typo correction once it is (its scan reads many more ranges).
            return out;
        }
        if out.is_empty() && self.correct {
            // Only a word the dictionary does not have (in any form) is corrected.
            for (t, info, d) in self.fuzzy(term) {
                push(&mut out, &t, info, MatchKind::Fuzzy(d));
            }
        }
        out
    }

    /// The spelling to offer for `term`, whose variants are `variants`: for a rare word of the
    /// dictionary with no other variant, the spelling one edit away, with the same first
    /// letter, in [`SUGGEST_DOMINANCE`] times as many documents (see [`RARE_DOC_FREQ`]).
    /// Offered only: `term` is still searched as typed.
    pub fn suggestion(&self, term: &str, variants: &[Variant]) -> Option<String> {
        let [only] = variants else { return None };
        let df = only.info.doc_freq;
        if !self.correct
            || self.index.pending()
            || only.kind != MatchKind::Exact
            || df > RARE_DOC_FREQ
            || term.chars().count() < RARE_MIN_CHARS
        {
            return None;
        }
        // A small scan: one edit, same first letter.
        let (near, info, d) = self.fuzzy_scan(term, 1, 1).into_iter().next()?;
        (d == 1 && info.doc_freq >= SUGGEST_DOMINANCE.saturating_mul(df.max(1))).then_some(near)
    }

    /// The other one-word names of the entity that has `term` as an unambiguous one-word alias
    /// (`zelensky` → `zelenskyy`, `zelenskiy`): [`Index::alias_forms`], alike in both layouts.
    fn entity_aliases(&self, term: &str) -> Vec<String> {
        self.index.alias_forms(term)
    }

    /// Dictionary terms starting with `prefix` (not equal to it), most frequent first.
    pub fn completions(&self, prefix: &str, limit: usize) -> Vec<(String, TermInfo)> {
        // Keys go to one buffer: a short prefix has thousands of completions, and only
        // `limit` of them become strings.
        let mut bytes: Vec<u8> = Vec::new();
        let mut found: Vec<(TermInfo, usize, usize)> = Vec::new();
        self.index.postings().search(prefix, Str::new(prefix).starts_with(), |key, info| {
            if key != prefix.as_bytes() {
                found.push((info, bytes.len(), bytes.len() + key.len()));
                bytes.extend_from_slice(key);
            }
            true
        });
        let order = |a: &(TermInfo, usize, usize), b: &(TermInfo, usize, usize)| {
            b.0.doc_freq.cmp(&a.0.doc_freq).then_with(|| bytes[a.1..a.2].cmp(&bytes[b.1..b.2]))
        };
        if limit < found.len() {
            found.select_nth_unstable_by(limit, order);
            found.truncate(limit);
        }
        found.sort_unstable_by(order);
        found
            .into_iter()
            .map(|(info, s, e)| (String::from_utf8_lossy(&bytes[s..e]).into_owned(), info))
            .collect()
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
        // Inflections start with the stem, or the stem minus a final `i` that stands for a
        // `y` (country/countries → countri, countr…).
        let root = target.strip_suffix('i').unwrap_or(&target);
        // An inflection of `term` is what it shares with `term` plus another ending (see
        // `is_inflection`): a few dozen lookups, not a scan of every word starting with
        // the stem's letters (`tr…` for `tried`).
        let postings = self.index.postings();
        let mut found: Vec<(String, TermInfo)> = Vec::new();
        for ending in INFLECTIONS.iter().filter(|e| term.ends_with(*e)) {
            let base = &term[..term.len() - ending.len()];
            for other in INFLECTIONS {
                let candidate = format!("{base}{other}");
                if candidate == term
                    || !candidate.starts_with(root)
                    || found.iter().any(|(t, _)| *t == candidate)
                    || !is_inflection(term, &candidate)
                {
                    continue;
                }
                if let Some(info) = postings.get(&candidate) {
                    if stem(&candidate) == target {
                        found.push((candidate, info));
                    }
                }
            }
        }
        found.sort_unstable_by(|a, b| a.0.cmp(&b.0));
        found
    }

    /// Dictionary terms within edit distance 1 (words of [`FUZZY_MIN_CHARS`]+ characters) or
    /// 2 ([`FUZZY2_MIN_CHARS`]+), nearest and most frequent first. If the automaton for the
    /// wanted distance is too large, a smaller distance is tried, then none.
    pub fn fuzzy(&self, term: &str) -> Vec<(String, TermInfo, u8)> {
        let wanted: u32 = match term.chars().count() {
            c if c >= FUZZY2_MIN_CHARS => 2,
            c if c >= FUZZY_MIN_CHARS => 1,
            _ => return Vec::new(),
        };
        self.fuzzy_scan(term, wanted, 0)
    }

    /// Dictionary terms within edit distance `wanted` of `term` that share its first
    /// `head_chars` characters, nearest and most frequent first (see [`Matcher::fuzzy`]).
    fn fuzzy_scan(&self, term: &str, wanted: u32, head_chars: usize) -> Vec<(String, TermInfo, u8)> {
        // A sharded index scans its dictionary parts (terms without postings); one of an older
        // build, without them, only the terms sharing the word's first two letters (one or two
        // term ranges, not every range for a letter); see `format::shards`.
        let postings = self.index.postings();
        let head_chars = if postings.has_dictionary() { head_chars } else { head_chars.max(2) };
        let head: &str = match term.char_indices().nth(head_chars) {
            Some((end, _)) if head_chars > 0 => &term[..end],
            _ => "",
        };
        let within = || Str::new(head).starts_with();
        let mut found = Vec::new();
        let mut each = |key: &[u8], info| {
            let candidate = String::from_utf8_lossy(key).into_owned();
            if candidate != term {
                let d = edit_distance(term, &candidate).min(2) as u8;
                found.push((candidate, info, d));
            }
            true
        };
        if let Some(automaton) = AsciiLevenshtein::new(term, wanted as u8) {
            postings.search_dictionary(head, automaton.intersection(within()), &mut each);
        } else if let Some(automaton) = (1..=wanted).rev().find_map(|d| Levenshtein::new(term, d).ok()) {
            postings.search_dictionary(head, automaton.intersection(within()), &mut each);
        } else {
            return Vec::new();
        }
        found.sort_by(|a, b| a.2.cmp(&b.2).then(b.1.doc_freq.cmp(&a.1.doc_freq)).then_with(|| a.0.cmp(&b.0)));
        found.truncate(MAX_FUZZY_TERMS);
        found
    }

    /// Each word of a phrase with its exact, alias and stem variants; `None` if a word has
    /// none (then the phrase matches nothing).
    fn phrase_variants(&self, words: &[String]) -> Option<Vec<Vec<Variant>>> {
        let exact = |v: &Variant| matches!(v.kind, MatchKind::Exact | MatchKind::Alias | MatchKind::Stem);
        let per_word =
            words.iter().map(|w| self.expand(w, false).into_iter().filter(exact).collect::<Vec<_>>());
        per_word.map(|variants| Some(variants).filter(|v| !v.is_empty())).collect()
    }

    /// Every dictionary term `query` matches, by query group: [`Matches::terms`] of
    /// [`Matcher::run`], without reading a posting (what a document's highlights need).
    pub fn terms(&self, query: &Query) -> HashMap<String, usize> {
        let mut out = HashMap::new();
        for (g, units) in query.groups.iter().take(MAX_GROUPS).enumerate() {
            for unit in units {
                let terms: Vec<String> = match unit {
                    Unit::Term { term, prefix } => {
                        self.expand(term, *prefix).into_iter().map(|v| v.term).collect()
                    }
                    Unit::Phrase(words) => {
                        self.phrase_variants(words).into_iter().flatten().flatten().map(|v| v.term).collect()
                    }
                };
                for term in terms {
                    out.entry(term).or_insert(g);
                }
            }
        }
        out
    }

    /// Documents where `words` occur consecutively (each word by its exact, alias or stem
    /// variants), scored as one term whose idf is the sum of the words' idfs and whose
    /// frequency is the number of occurrences. Positions are the phrase starts. Documents are
    /// intersected first; positions are read only for those having every word.
    fn phrase(&self, words: &[String]) -> Result<(Vec<Hit>, Vec<String>, Positions)> {
        let postings = self.index.postings();
        let none = || (Vec::new(), Vec::new(), Positions::Starts(Vec::new()));
        let mut per_word: Vec<Vec<TermInfo>> = Vec::with_capacity(words.len());
        let mut terms = Vec::new();
        let mut idf = 0.0;
        let mut common: Option<Vec<u32>> = None;
        let mut list = Vec::new();
        let Some(per_word_variants) = self.phrase_variants(words) else { return Ok(none()) };
        for variants in per_word_variants {
            let df = variants.iter().map(|v| v.info.doc_freq).max().unwrap_or(0);
            idf += self.bm25.idf(df);
            let mut docs: Vec<u32> = Vec::new();
            for v in &variants {
                postings.read_postings(v.info, &mut list)?;
                docs.extend(list.iter().map(|p| p.doc));
            }
            if variants.len() > 1 {
                docs.sort_unstable();
                docs.dedup();
            }
            common = Some(match common {
                None => docs,
                Some(mut c) => {
                    c.retain(|d| docs.binary_search(d).is_ok());
                    c
                }
            });
            per_word.push(variants.iter().map(|v| v.info).collect());
            terms.extend(variants.into_iter().map(|v| v.term));
        }
        let common = common.unwrap_or_default();
        // Per word: the positions of each common document (index into `common`), sorted.
        let mut buf = Vec::new();
        let mut word_positions: Vec<(Vec<u32>, Vec<usize>)> = Vec::with_capacity(per_word.len());
        for infos in &per_word {
            let mut pairs: Vec<(u32, u32)> = Vec::new();
            for &info in infos {
                let mut at = 0usize;
                postings.positions_in(info, &common, &mut buf, |doc, ps| {
                    while common.get(at).is_some_and(|&d| d < doc) {
                        at += 1;
                    }
                    pairs.extend(ps.iter().map(|&p| (at as u32, p)));
                })?;
            }
            word_positions.push(by_slot(pairs, common.len()));
        }
        let mut hits = Vec::new();
        let mut starts_by_doc = Vec::new();
        let Some(((first, first_offsets), rest)) = word_positions.split_first() else {
            return Ok((hits, terms, Positions::Starts(starts_by_doc)));
        };
        for (i, &doc) in common.iter().enumerate() {
            // Both layouts have the lengths (a sharded index's `NORM`), so title starts weigh
            // as title hits in both.
            let lengths = self.index.docs().lengths(doc);
            let title_len = lengths.map_or(0, |l| l.0);
            let starts: Vec<u32> = first[first_offsets[i]..first_offsets[i + 1]]
                .iter()
                .copied()
                .filter(|&p| {
                    rest.iter().enumerate().all(|(w, (flat, offsets))| {
                        flat[offsets[i]..offsets[i + 1]].binary_search(&(p + 1 + w as u32)).is_ok()
                    })
                })
                .collect();
            if starts.is_empty() {
                continue;
            }
            let in_title = starts.iter().filter(|&&p| p < title_len).count() as u32;
            let in_body = starts.len() as u32 - in_title;
            let score = self.bm25.score(idf, in_title, in_body, lengths);
            hits.push(Hit { doc, score, fuzzy: false });
            starts_by_doc.push((doc, starts));
        }
        Ok((hits, terms, Positions::Starts(starts_by_doc)))
    }

    fn score(&self, idf: f64, p: &Posting) -> f64 {
        self.bm25.score(idf, p.tf_title, p.tf_body, self.index.docs().lengths(p.doc))
    }
}

/// Longest word [`AsciiLevenshtein`] handles; longer ones use `fst`'s automaton (which
/// builds fine up to about 48 characters at distance 2, so the two always agree).
const LEVENSHTEIN_MAX: usize = 32;

/// Largest distance [`AsciiLevenshtein`] handles.
const LEVENSHTEIN_MAX_DISTANCE: usize = 2;

/// The words within an edit distance of an ASCII word, as an automaton computed lazily, where
/// `fst`'s [`Levenshtein`] first builds a whole DFA (most of a typo query's time).
///
/// A state is one row of the edit-distance table (cell `i`: the distance between the key read
/// so far and the query's first `i` characters), kept as bit sets: `at_most[v]` has bit `i`
/// set when cell `i` is at most `v`, for `v` up to the distance (larger values never matter).
/// Reading a character computes the next row with a few shifts: cell `i + 1` is at most `v`
/// when cell `i` was at most `v` and the query's character `i` is the one read (a match),
/// or cell `i` or `i + 1` was at most `v − 1` (a substitution or an insertion), or the new
/// cell `i` is at most `v − 1` (a deletion). Distances are in characters, as `fst`'s: a
/// non-ASCII character (its lead byte) is one edit; its continuation bytes leave the row as
/// it is.
#[derive(Debug, Clone)]
struct AsciiLevenshtein {
    /// Per ASCII byte, the bit set of the query positions holding it (bit `i + 1` for the
    /// query's character `i`, aligned with the table cell it completes).
    matches: [u64; 128],
    /// Bits of the row's cells: 0 to the query length.
    cells: u64,
    /// Bit of the last cell (the whole query).
    last: u64,
    distance: usize,
}

impl AsciiLevenshtein {
    /// The automaton for `query` at `distance`, if `query` is ASCII, short enough, and
    /// `distance` at most [`LEVENSHTEIN_MAX_DISTANCE`].
    fn new(query: &str, distance: u8) -> Option<AsciiLevenshtein> {
        let distance = usize::from(distance);
        if !query.is_ascii() || query.len() > LEVENSHTEIN_MAX || distance > LEVENSHTEIN_MAX_DISTANCE {
            return None;
        }
        let mut matches = [0u64; 128];
        for (i, b) in query.bytes().enumerate() {
            matches[usize::from(b)] |= 1 << (i + 1);
        }
        let n = query.len();
        Some(AsciiLevenshtein { matches, cells: (1u64 << (n + 1)) - 1, last: 1 << n, distance })
    }
}

impl Automaton for AsciiLevenshtein {
    type State = [u64; LEVENSHTEIN_MAX_DISTANCE + 1];

    fn start(&self) -> Self::State {
        // Cell i is i (deleting the query's first i characters).
        let mut row = [0u64; LEVENSHTEIN_MAX_DISTANCE + 1];
        for (v, set) in row.iter_mut().enumerate() {
            *set = ((1u64 << (v + 1)) - 1) & self.cells;
        }
        row
    }

    fn is_match(&self, row: &Self::State) -> bool {
        row[self.distance] & self.last != 0
    }

    fn can_match(&self, row: &Self::State) -> bool {
        row[self.distance] != 0
    }

    fn accept(&self, row: &Self::State, byte: u8) -> Self::State {
        if (0x80..0xc0).contains(&byte) {
            return *row;
        }
        let matching = self.matches.get(usize::from(byte)).copied().unwrap_or(0);
        let mut next = [0u64; LEVENSHTEIN_MAX_DISTANCE + 1];
        for v in 0..=self.distance {
            let mut set = (row[v] << 1) & matching;
            if v > 0 {
                set |= row[v - 1] | (row[v - 1] << 1) | (next[v - 1] << 1);
            }
            next[v] = set & self.cells;
        }
        next
    }
}

/// True when `a` and `b` are their common prefix plus an inflectional ending each.
fn is_inflection(a: &str, b: &str) -> bool {
    let common = a.bytes().zip(b.bytes()).take_while(|(x, y)| x == y).count();
    INFLECTIONS.contains(&&a[common..]) && INFLECTIONS.contains(&&b[common..])
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

    /// Words of the generated corpora (two share a stem: `talk`, `talks`).
    const WORDS: [&str; 7] = ["kyiv", "talks", "talk", "peace", "envoy", "putin", "sanctions"];

    /// A query of up to five parts, each a word, an excluded word, a two-word phrase or `OR`.
    fn query_text(parts: &[(u8, usize, usize)]) -> String {
        let parts = parts.iter().map(|&(kind, a, b)| match kind {
            0 => format!("-{}", WORDS[a]),
            1 => format!("\"{} {}\"", WORDS[a], WORDS[b]),
            2 => "OR".to_string(),
            _ => WORDS[a].to_string(),
        });
        parts.collect::<Vec<_>>().join(" ")
    }

    proptest::proptest! {
        #[test]
        fn reading_the_rarest_group_first_changes_no_result_nor_the_terms(
            docs in proptest::collection::vec(
                (proptest::collection::vec(0..WORDS.len(), 0..4), proptest::collection::vec(0..WORDS.len(), 0..40)),
                1..25,
            ),
            parts in proptest::collection::vec((0u8..6, 0..WORDS.len(), 0..WORDS.len()), 1..6),
        ) {
            use crate::ingest::Document;
            let text = |ws: &[usize]| ws.iter().map(|&w| WORDS[w]).collect::<Vec<_>>().join(" ");
            let mut ix = crate::indexer::Indexer::new();
            for (i, (title, body)) in docs.iter().enumerate() {
                let added = ix.add(Document::new(format!("d{i}"), text(title), text(body)));
                proptest::prop_assert!(added.is_ok());
            }
            let bytes = ix.finish().map_err(|e| proptest::test_runner::TestCaseError::fail(e.to_string()))?;
            let index = Index::open(&bytes).map_err(|e| proptest::test_runner::TestCaseError::fail(e.to_string()))?;
            let query = crate::query::parse(&query_text(&parts));
            let mut full = Matcher::new(&index);
            full.full_reads = true;
            let (a, b) = match (Matcher::new(&index).run(&query), full.run(&query)) {
                (Ok(a), Ok(b)) => (a, b),
                _ => return Err(proptest::test_runner::TestCaseError::fail("a query failed")),
            };
            proptest::prop_assert_eq!(a.docs, b.docs);
            proptest::prop_assert_eq!(a.partial, b.partial);
            proptest::prop_assert_eq!(&a.terms, &b.terms);
            proptest::prop_assert_eq!(&Matcher::new(&index).terms(&query), &a.terms, "terms without postings");
            proptest::prop_assert_eq!(a.corrections, b.corrections);
        }
    }

    #[test]
    fn inflections_are_found_however_many_words_share_their_first_letters() {
        use crate::ingest::Document;
        // 26² words between `tr` and `tri` in byte order, then the inflections of `tried`.
        let letters = || (b'a'..=b'z').map(char::from);
        let filler: Vec<String> =
            letters().flat_map(|a| letters().map(move |b| format!("tra{a}{b}"))).collect();
        let mut ix = crate::indexer::Indexer::new();
        ix.add(Document::new("a", "filler", filler.join(" "))).unwrap();
        ix.add(Document::new("b", "forms", "tried try tries trying trial triad")).unwrap();
        let bytes = ix.finish().unwrap();
        let index = Index::open(&bytes).unwrap();
        let variants = Matcher::new(&index).expand("tried", false);
        let stems: Vec<&str> =
            variants.iter().filter(|v| v.kind == MatchKind::Stem).map(|v| v.term.as_str()).collect();
        assert_eq!(stems, ["tries", "try"]); // not `trying` (`y` + `ing`), nor `trial`
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
    fn lazy_levenshtein_accepts_what_fsts_accepts() {
        use fst::{IntoStreamer, Set, Streamer};
        let mut keys = vec![
            "kyiv",
            "kiev",
            "kyyiv",
            "kijv",
            "kyïv",
            "kÿiv",
            "kyivé",
            "witkoff",
            "witkof",
            "wittkoff",
            "witkovv",
            "wïtkoff",
            "peskov",
            "peskof",
            "pesko",
            "zelenskyy",
            "zelensky",
            "zelenskiy",
            "zelenskij",
            "zełensky",
            "sanctions",
            "sanction",
            "snactions",
            "sanctiöns",
            "a",
            "ab",
            "",
        ];
        // Every key one or two edits from a few words, with ASCII and non-ASCII characters.
        let edits = |w: &str| -> Vec<String> {
            let c: Vec<char> = w.chars().collect();
            let mut out = Vec::new();
            for i in 0..=c.len() {
                for x in ['q', 'é', 'e', '😀'] {
                    out.push(c[..i].iter().chain([x].iter()).chain(c[i..].iter()).collect());
                    if i < c.len() {
                        out.push(c[..i].iter().chain([x].iter()).chain(c[i + 1..].iter()).collect());
                    }
                }
                if i < c.len() {
                    out.push(c[..i].iter().chain(c[i + 1..].iter()).collect());
                }
            }
            out
        };
        let mut generated: Vec<String> = Vec::new();
        for w in ["kyiv", "peskov", "ab"] {
            for once in edits(w) {
                generated.extend(edits(&once));
                generated.push(once);
            }
        }
        keys.extend(generated.iter().map(String::as_str));
        keys.sort_unstable();
        keys.dedup();
        let set = Set::from_iter(keys).unwrap_or_default();
        fn collect<A: Automaton>(mut stream: fst::set::Stream<'_, A>) -> Vec<String> {
            let mut out = Vec::new();
            while let Some(k) = stream.next() {
                out.push(String::from_utf8_lossy(k).into_owned());
            }
            out
        }
        for word in ["kyiv", "witkoff", "peskov", "zelensky", "sanctions", "ab", "x"] {
            for d in 1..=2u8 {
                let ours = collect(
                    set.search(AsciiLevenshtein::new(word, d).unwrap_or_else(|| panic!())).into_stream(),
                );
                let theirs = collect(
                    set.search(Levenshtein::new(word, u32::from(d)).unwrap_or_else(|_| panic!()))
                        .into_stream(),
                );
                assert_eq!(ours, theirs, "{word} at {d}");
            }
        }
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
