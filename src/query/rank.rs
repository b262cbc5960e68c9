//! Ranking: BM25F over two fields (title and body).
//!
//! For a term with document frequency `df` in a corpus of `N` documents:
//!
//! ```text
//! idf   = ln(1 + (N − df + 0.5) / (df + 0.5))
//! tf'   = TITLE_WEIGHT · tf_title / (1 − B + B · title_len / avg_title_len)
//!       +                tf_body  / (1 − B + B · body_len  / avg_body_len)
//! score = idf · tf' · (K1 + 1) / (tf' + K1)
//! ```

use crate::format::Meta;

/// Term-frequency saturation. At 0 a term counts once however often it occurs; large values
/// make the score grow almost linearly with occurrences. 1.2 is the usual choice for prose.
pub const K1: f64 = 1.2;

/// Length normalization, in 0..=1. At 0 document length is ignored; at 1 a term in a document
/// twice the average length counts half. News articles vary in length less than web pages.
pub const B: f64 = 0.75;

/// How much one title occurrence is worth relative to one body occurrence. At 1 the title is
/// just more text; headlines name what the story is about, so a title hit counts three times.
pub const TITLE_WEIGHT: f64 = 3.0;

/// Collection statistics needed to score a term in a document.
#[derive(Debug, Clone, Copy)]
pub struct Bm25 {
    docs: f64,
    avg_title: f64,
    avg_body: f64,
}

impl Bm25 {
    /// Scorer for a corpus.
    pub fn new(meta: &Meta) -> Bm25 {
        Bm25 {
            docs: f64::from(meta.doc_count),
            avg_title: meta.avg_title_len(),
            avg_body: meta.avg_body_len(),
        }
    }

    /// Inverse document frequency of a term found in `doc_freq` documents (always > 0).
    pub fn idf(&self, doc_freq: u32) -> f64 {
        let df = f64::from(doc_freq);
        (1.0 + (self.docs - df + 0.5) / (df + 0.5)).ln()
    }

    /// The BM25F score of one term in one document of `lengths` (title, body) tokens; `None`
    /// (lengths not at hand, as in the root of an older sharded build without `NORM`) scores
    /// it as a document of average length.
    pub fn score(&self, idf: f64, tf_title: u32, tf_body: u32, lengths: Option<(u32, u32)>) -> f64 {
        let norm = |len: Option<u32>, avg: f64| len.map_or(1.0, |len| 1.0 - B + B * f64::from(len) / avg);
        let tf = TITLE_WEIGHT * f64::from(tf_title) / norm(lengths.map(|l| l.0), self.avg_title)
            + f64::from(tf_body) / norm(lengths.map(|l| l.1), self.avg_body);
        idf * tf * (K1 + 1.0) / (tf + K1)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn bm25() -> Bm25 {
        Bm25::new(&Meta { doc_count: 100, term_count: 0, title_tokens: 1000, body_tokens: 50_000 })
    }

    #[test]
    fn rare_terms_weigh_more() {
        assert!(bm25().idf(1) > bm25().idf(50));
        assert!(bm25().idf(100) > 0.0, "a term in every document still counts a little");
    }

    #[test]
    fn a_title_occurrence_outweighs_a_body_occurrence() {
        let s = bm25();
        assert!(s.score(1.0, 1, 0, Some((10, 500))) > s.score(1.0, 0, 1, Some((10, 500))));
    }

    #[test]
    fn more_occurrences_help_with_diminishing_returns() {
        let s = bm25();
        let (one, two, ten) = (
            s.score(1.0, 0, 1, Some((10, 500))),
            s.score(1.0, 0, 2, Some((10, 500))),
            s.score(1.0, 0, 10, Some((10, 500))),
        );
        assert!(two > one && ten > two && ten - two < (two - one) * 8.0);
    }

    #[test]
    fn unknown_lengths_score_as_average_ones() {
        // 100 documents of 1,000 title and 50,000 body tokens: 10 and 500 on average.
        let s = bm25();
        assert_eq!(s.score(1.0, 1, 2, None), s.score(1.0, 1, 2, Some((10, 500))));
    }
}
