//! Excerpts and highlight offsets.
//!
//! The best passage of a document is the window of at most [`WINDOW_BYTES`] bytes holding the
//! most distinct query groups, then the most matches; the excerpt is that window widened to
//! about [`EXCERPT_BYTES`], starting at a sentence start when one is near and never cutting a
//! word. Offsets handed to JavaScript are UTF-16 code units (string indices there), sorted,
//! non-overlapping, end exclusive; the page escapes the text and adds `<mark>` itself.

use std::collections::HashMap;

use serde::Serialize;

use crate::analysis;

/// Width of the window in which matches are counted to choose the best passage. Smaller
/// windows prefer tight clusters of query terms; larger ones prefer many scattered matches.
pub const WINDOW_BYTES: usize = 200;

/// Target excerpt length. About two lines of result text at desktop width.
pub const EXCERPT_BYTES: usize = 260;

/// How far before the first match the excerpt may start to begin at a sentence start.
pub const LEAD_BYTES: usize = 120;

/// A highlighted range: `[start, end)` in UTF-16 code units.
pub type Mark = [u32; 2];

/// A passage of a document with its highlights.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Excerpt {
    /// The passage, newlines turned into spaces, with `…` where it was cut.
    pub text: String,
    /// Highlights in `text`.
    pub marks: Vec<Mark>,
}

/// A match in a text: byte range and the query group it belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Hit {
    /// Byte offset of the start.
    pub start: usize,
    /// Byte offset of the end.
    pub end: usize,
    /// The query group that matched.
    pub group: usize,
}

/// Finds the query's terms in texts: built once per query, used on every result.
pub struct Highlighter<'t> {
    terms: &'t HashMap<String, usize>,
    /// First bytes of the terms.
    first: [bool; 256],
    /// Shortest and longest term, in bytes.
    lengths: std::ops::RangeInclusive<usize>,
    starts: Starts,
}

impl<'t> Highlighter<'t> {
    /// A highlighter of `terms` (dictionary terms → their query group).
    pub fn new(terms: &'t HashMap<String, usize>) -> Highlighter<'t> {
        let mut first = [false; 256];
        let (mut shortest, mut longest) = (usize::MAX, 0);
        for t in terms.keys() {
            first[t.as_bytes().first().copied().unwrap_or(0) as usize] = true;
            shortest = shortest.min(t.len());
            longest = longest.max(t.len());
        }
        Highlighter {
            terms,
            first,
            lengths: shortest..=longest,
            starts: Starts::new(terms.keys().map(String::as_str)),
        }
    }

    /// Every token of `text` whose term is one of the terms, in order, overlaps merged.
    ///
    /// Tokenizes only the stretches of `text` (between ASCII bytes no word crosses, see
    /// [`analysis::separates_words`]) where one of the terms can start: a few short stretches
    /// of a long article, not the whole of it.
    pub fn hits(&self, text: &str) -> Vec<Hit> {
        let mut hits: Vec<Hit> = Vec::new();
        if self.terms.is_empty() {
            return hits;
        }
        // Most tokens are not query terms: a first-byte and length check turns them away
        // before hashing.
        let wanted =
            |first_byte: u8, len: usize| self.first[first_byte as usize] && self.lengths.contains(&len);
        self.starts.each_stretch(text, |from, stretch| {
            analysis::tokenize_filtered(stretch, 0, wanted, |t| {
                if !wanted(t.term.as_bytes().first().copied().unwrap_or(0), t.term.len()) {
                    return;
                }
                if let Some(&group) = self.terms.get(t.term) {
                    hits.push(Hit { start: from + t.start, end: from + t.end, group });
                }
            });
        });
        hits.sort_by_key(|h| (h.start, std::cmp::Reverse(h.end)));
        let mut merged: Vec<Hit> = Vec::with_capacity(hits.len());
        for h in hits {
            match merged.last_mut() {
                Some(last) if h.start < last.end => last.end = last.end.max(h.end),
                _ => merged.push(h),
            }
        }
        merged
    }

    /// The highlights of `text` as UTF-16 ranges.
    pub fn marks(&self, text: &str) -> Vec<Mark> {
        let ranges: Vec<(usize, usize)> = self.hits(text).iter().map(|h| (h.start, h.end)).collect();
        utf16_marks(text, &ranges)
    }
}

/// Every token of `text` whose term is in `terms` (see [`Highlighter::hits`]).
pub fn find_hits(text: &str, terms: &HashMap<String, usize>) -> Vec<Hit> {
    Highlighter::new(terms).hits(text)
}

/// Where in a text a token that may be one of some terms can start.
///
/// Words never cross an ASCII byte that is neither alphanumeric nor a joiner
/// ([`analysis::separates_words`]). So a text tokenizes as the stretches between such
/// bytes, each on its own, and only a stretch holding a token start that could begin a wanted
/// term needs tokenizing. A token starts at an alphanumeric
/// character not preceded by an ASCII alphanumeric one, and its term begins with that
/// character lowercased (ASCII) or folded (any other, whose folding is not known without
/// decoding it: every byte starting a multi-byte character is a possible start). When the
/// first two bytes are ASCII alphanumeric, the term begins with both lowercased, so the pair
/// must begin a wanted term too (a term of one byte, or whose second is not ASCII
/// alphanumeric, lets any pair after its first byte through).
struct Starts {
    /// Bytes that may begin a wanted token.
    start: [bool; 256],
    /// For each lowercase ASCII first byte, the lowercase ASCII second bytes (one bit each)
    /// that a wanted term can continue it with.
    second: [u128; 128],
}

impl Starts {
    /// Possible starts of tokens that may be one of `terms`.
    fn new<'a>(terms: impl Iterator<Item = &'a str>) -> Starts {
        let mut start = [false; 256];
        let mut second = [0u128; 128];
        for t in terms {
            let (Some(&b0), b1) = (t.as_bytes().first(), t.as_bytes().get(1)) else { continue };
            if b0 < 0x80 {
                second[b0 as usize] |= match b1 {
                    Some(&b1) if b1.is_ascii_alphanumeric() => 1 << b1,
                    _ => u128::MAX,
                };
            }
            for b in [b0, b0.to_ascii_uppercase()] {
                start[b as usize] |= b.is_ascii_alphanumeric();
            }
        }
        start[0xC0..].fill(true);
        Starts { start, second }
    }

    /// False when the ASCII alphanumeric pair `b0 b1` cannot begin a wanted term.
    fn pair_wanted(&self, b0: u8, b1: u8) -> bool {
        let b1 = b1.to_ascii_lowercase();
        !(b0.is_ascii() && b1.is_ascii_alphanumeric())
            || self.second[b0.to_ascii_lowercase() as usize] & (1 << b1) != 0
    }

    /// The first possible start at or after `i`.
    fn next(&self, bytes: &[u8], i: usize) -> Option<usize> {
        bytes.get(i..)?.iter().position(|&b| self.start[b as usize]).map(|p| i + p)
    }

    /// Calls `f(offset, stretch)` for each stretch of `text` (between word separators) that
    /// holds a possible start, in order.
    fn each_stretch(&self, text: &str, mut f: impl FnMut(usize, &str)) {
        let bytes = text.as_bytes();
        let mut i = 0;
        while let Some(at) = self.next(bytes, i) {
            i = at;
            if i > 0 && bytes[i - 1].is_ascii_alphanumeric() {
                i += 1; // inside a word: its start was checked already
                continue;
            }
            if bytes.get(i + 1).is_some_and(|&b1| !self.pair_wanted(bytes[i], b1)) {
                i += 2; // the rest of this word is inside it
                continue;
            }
            let from = bytes[..i].iter().rposition(|&b| analysis::separates_words(b)).map_or(0, |p| p + 1);
            let to =
                bytes[i..].iter().position(|&b| analysis::separates_words(b)).map_or(bytes.len(), |p| i + p);
            // Both ends are at ASCII bytes or the text's ends: char boundaries.
            if let Some(stretch) = text.get(from..to) {
                f(from, stretch);
            }
            i = to;
        }
    }
}

/// Cuts the best passage of `text` and places its highlights.
pub fn excerpt(text: &str, hits: &[Hit]) -> Excerpt {
    let (first, last) = best_window(hits).unwrap_or((0, 0));
    let (from, to) = match (hits.get(first), hits.get(last)) {
        (Some(a), Some(b)) => (passage_start(text, a.start), b.end),
        _ => (0, 0),
    };
    let to = passage_end(text, from, to);
    let mut out = String::with_capacity(to - from + 8);
    if from > 0 {
        out.push_str("… ");
    }
    let shift = out.len();
    out.extend(text[from..to].chars().map(|c| if c == '\n' || c == '\r' { ' ' } else { c }));
    if to < text.len() {
        out.push_str(" …");
    }
    let ranges: Vec<(usize, usize)> = hits
        .iter()
        .filter(|h| h.start >= from && h.end <= to)
        .map(|h| (h.start - from + shift, h.end - from + shift))
        .collect();
    let marks = utf16_marks(&out, &ranges);
    Excerpt { text: out, marks }
}

/// Indices of the first and last hit of the best window: the most distinct query groups,
/// then the tightest span covering them, then the most hits.
fn best_window(hits: &[Hit]) -> Option<(usize, usize)> {
    // (distinct groups, tighter span first, hits)
    type Score = (usize, std::cmp::Reverse<usize>, usize);
    let mut best: Option<(usize, usize, Score)> = None;
    for i in 0..hits.len() {
        // Groups are below `matching::MAX_GROUPS` (32): one bit each.
        let mut groups: u64 = 0;
        let mut span = 0;
        let mut j = i;
        while j < hits.len() && hits[j].end.saturating_sub(hits[i].start) <= WINDOW_BYTES {
            let bit = 1u64 << (hits[j].group % 64);
            if groups & bit == 0 {
                groups |= bit;
                span = hits[j].end - hits[i].start;
            }
            j += 1;
        }
        let score = (groups.count_ones() as usize, std::cmp::Reverse(span), j - i);
        if best.is_none_or(|b| score > b.2) {
            best = Some((i, j.saturating_sub(1).max(i), score));
        }
    }
    best.map(|(i, j, _)| (i, j))
}

/// Where to start a passage whose first match is at `hit`: a sentence start within
/// [`LEAD_BYTES`] before it, else a word start about a quarter of the excerpt before it.
fn passage_start(text: &str, hit: usize) -> usize {
    let lead_from = floor_boundary(text, hit.saturating_sub(LEAD_BYTES));
    let before = &text[lead_from..hit];
    if let Some(i) = before.rfind(['\n']).or_else(|| before.rfind(". ").map(|i| i + 1)) {
        return skip_space(text, lead_from + i + 1);
    }
    if lead_from == 0 && hit <= LEAD_BYTES {
        return 0;
    }
    let from = floor_boundary(text, hit.saturating_sub(EXCERPT_BYTES / 4));
    match text[from..hit].find(char::is_whitespace) {
        Some(i) => skip_space(text, from + i),
        None => from,
    }
}

/// Where to end a passage starting at `from` that must include `must_include`.
fn passage_end(text: &str, from: usize, must_include: usize) -> usize {
    let target = (from + EXCERPT_BYTES).max(must_include);
    if target >= text.len() {
        return text.len();
    }
    let cut = floor_boundary(text, target);
    match text[must_include..cut].rfind(char::is_whitespace) {
        Some(i) => must_include + i,
        None => cut,
    }
}

fn skip_space(text: &str, at: usize) -> usize {
    let rest = &text[at.min(text.len())..];
    at + (rest.len() - rest.trim_start().len())
}

fn floor_boundary(text: &str, mut i: usize) -> usize {
    i = i.min(text.len());
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// Converts byte ranges of `text` into UTF-16 ranges (JavaScript string indices).
/// Ranges must be sorted and lie on char boundaries.
pub fn utf16_marks(text: &str, ranges: &[(usize, usize)]) -> Vec<Mark> {
    let mut out = Vec::with_capacity(ranges.len());
    let mut units: u32 = 0;
    let mut byte = 0usize;
    let mut chars = text.char_indices().peekable();
    let mut to_units = |target: usize| -> u32 {
        while byte < target {
            match chars.next() {
                Some((i, c)) => {
                    units += c.len_utf16() as u32;
                    byte = i + c.len_utf8();
                }
                None => break,
            }
        }
        units
    };
    for &(s, e) in ranges {
        let a = to_units(s);
        let b = to_units(e);
        out.push([a, b]);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn terms(ts: &[(&str, usize)]) -> HashMap<String, usize> {
        ts.iter().map(|(t, g)| (t.to_string(), *g)).collect()
    }

    fn marked(e: &Excerpt) -> Vec<String> {
        let units: Vec<u16> = e.text.encode_utf16().collect();
        e.marks.iter().map(|m| String::from_utf16_lossy(&units[m[0] as usize..m[1] as usize])).collect()
    }

    #[test]
    fn marks_every_form_and_converts_to_utf16() {
        let text = "“Zelenskyy’s” envoy met Zelenskyy — 🙂 Zelenskyy.";
        let e = excerpt(text, &find_hits(text, &terms(&[("zelenskyy", 0)])));
        assert_eq!(marked(&e), ["Zelenskyy’s", "Zelenskyy", "Zelenskyy"]);
    }

    #[test]
    fn picks_the_passage_with_most_distinct_terms() {
        let filler = "Nothing to see here at all. ".repeat(20);
        let text = format!("Kellogg spoke. {filler}Kellogg met Witkoff in Kyiv. {filler}");
        let e = excerpt(&text, &find_hits(&text, &terms(&[("kellogg", 0), ("witkoff", 1)])));
        assert!(e.text.starts_with("… Kellogg met Witkoff"), "{}", e.text);
        assert_eq!(marked(&e), ["Kellogg", "Witkoff"]);
        assert!(e.text.ends_with(" …"));
    }

    #[test]
    fn without_hits_the_excerpt_is_the_opening() {
        let text = "word ".repeat(200);
        let e = excerpt(&text, &[]);
        assert!(e.text.starts_with("word word") && e.text.len() <= EXCERPT_BYTES + 4);
        assert!(e.marks.is_empty());
    }

    /// The whole text tokenized: what `find_hits` must find by tokenizing only some of it.
    fn hits_by_tokenizing_everything(text: &str, terms: &HashMap<String, usize>) -> Vec<(usize, usize)> {
        let mut hits = Vec::new();
        analysis::tokenize(text, 0, |t| {
            if terms.contains_key(t.term) {
                hits.push((t.start, t.end));
            }
        });
        hits.sort_by_key(|&(s, e)| (s, std::cmp::Reverse(e)));
        let mut merged: Vec<(usize, usize)> = Vec::new();
        for (s, e) in hits {
            match merged.last_mut() {
                Some(last) if s < last.1 => last.1 = last.1.max(e),
                _ => merged.push((s, e)),
            }
        }
        merged
    }

    proptest::proptest! {
        #[test]
        fn finds_what_tokenizing_everything_finds(
            text in "([aAbBsSéÉü1.,'’`\\- \n“—Ωß]{0,6}[ .,-]?){0,40}",
            wanted in proptest::collection::vec("[abséü1ß]{1,3}", 1..4),
        ) {
            let terms: HashMap<String, usize> =
                wanted.iter().enumerate().map(|(g, w)| (analysis::normalize_word(w), g)).collect();
            let found: Vec<(usize, usize)> = find_hits(&text, &terms).iter().map(|h| (h.start, h.end)).collect();
            proptest::prop_assert_eq!(found, hits_by_tokenizing_everything(&text, &terms));
        }
    }

    #[test]
    fn finds_terms_after_joiners_quotes_and_in_compounds() {
        let text = "“Vienna” pro-Vienna U.S.-vienna end.Vienna 2016Vienna Vienna’s Viennese Vïenna";
        let terms = terms(&[("vienna", 0), ("us", 1)]);
        let found: Vec<(usize, usize)> = find_hits(text, &terms).iter().map(|h| (h.start, h.end)).collect();
        assert_eq!(found, hits_by_tokenizing_everything(text, &terms));
        assert_eq!(found.len(), 7, "{found:?}"); // not 2016Vienna, nor Viennese
    }

    #[test]
    fn compound_and_part_hits_merge_into_one_mark() {
        let text = "preliminary expert-level talks";
        let hits = find_hits(text, &terms(&[("expert", 0), ("level", 0), ("expertlevel", 0)]));
        assert_eq!(hits.len(), 1);
        assert_eq!(&text[hits[0].start..hits[0].end], "expert-level");
    }
}
