//! Native only: which documents tell the same story, or a related one.
//!
//! Each document is a TF-IDF vector over its mid-frequency terms (`(1 + ln tf) · idf` for
//! terms in at least 2 and at most [`default_cap`] documents: [`MAX_DOC_FREQ`], or 5% of the
//! corpus if more; terms everywhere say nothing about a story, terms in one document cannot
//! relate two). For each document, the dot products with the documents sharing such a term
//! are accumulated from the postings, each pair scored once, and the [`KEEP`] most similar
//! by cosine (at least [`MIN_SIMILARITY`]) are kept.
//!
//! Work is bounded linearly in the size of the corpus: a term pairs only its
//! [`PAIR_POSTINGS`] strongest postings (highest weight, a title occurrence first), so finding
//! candidates costs at most `PAIR_POSTINGS / 2` products per posting, never all pairs of a
//! term's documents (which grows as the square of the corpus, since the band of useful terms
//! widens with it). Each document's best candidates are then scored on the two whole vectors,
//! so every cosine kept is exact; what the bound can lose is a related document found only
//! through common terms outside their strongest postings. On corpora where no useful term is
//! in more than [`PAIR_POSTINGS`] documents (the NewsArticles corpus, 3,788 documents) the
//! lists are exactly those of all pairs; `bench/scale/README.md` measures what the bound keeps
//! at 30k and 100k documents.
//!
//! Documents with a cosine of at least [`SAME_STORY`] report the same events: near-duplicates,
//! such as one agency story rewritten by two outlets.

use crate::format::postings::Posting;

/// Terms in more documents than this (or than 5% of the corpus, if more) are ignored.
pub const MAX_DOC_FREQ: u32 = 200;
/// Related documents kept per document.
pub const KEEP: usize = 5;
/// Weaker similarities are not kept.
pub const MIN_SIMILARITY: f32 = 0.1;
/// Cosine from which two documents count as the same story. Tuned on the default corpus,
/// where 001 and 003 (the same press conference from two outlets) score 0.67 and different
/// stories about the same war at most 0.43: the threshold sits between.
pub const SAME_STORY: f32 = crate::query::SAME_STORY_PERCENT as f32 / 100.0;

/// A term pairs at most this many of its postings, its strongest (see the module docs).
pub const PAIR_POSTINGS: usize = 200;

/// Computes each document's related documents from every term's postings (`doc_count`
/// documents, postings sorted by document). Returns one list per document, most similar first.
pub fn related(
    postings: impl IntoIterator<Item = impl AsRef<[Posting]>>,
    doc_count: u32,
) -> Vec<Vec<(u32, f32)>> {
    related_with(postings, doc_count, default_cap(doc_count), Some(PAIR_POSTINGS))
}

/// The document frequency above which [`related`] ignores a term: [`MAX_DOC_FREQ`], or 5%
/// of the corpus if more.
pub fn default_cap(doc_count: u32) -> u32 {
    MAX_DOC_FREQ.max(doc_count / 20)
}

/// [`related`], ignoring terms in more than `cap` documents and pairing at most `pairs`
/// postings of each term (`None`: all of them, work quadratic in the corpus). For measuring
/// other bounds: `examples/related_bench.rs`.
pub fn related_with(
    postings: impl IntoIterator<Item = impl AsRef<[Posting]>>,
    doc_count: u32,
    cap: u32,
    pairs: Option<usize>,
) -> Vec<Vec<(u32, f32)>> {
    let n = doc_count as usize;
    let idf = |df: usize| ((1.0 + doc_count as f32) / (df as f32)).ln();
    // Each document's vector (term number, weight), in term order, and each useful term's
    // paired postings (document, weight), in document order, weights computed once.
    let mut vectors: Vec<Vec<(u32, f32)>> = vec![Vec::new(); n];
    let mut lists: Vec<Vec<(u32, f32)>> = Vec::new();
    for list in postings {
        let list = list.as_ref();
        if list.len() < 2 || list.len() as u32 > cap {
            continue;
        }
        let t = lists.len() as u32;
        let w_idf = idf(list.len());
        let mut weighted = Vec::with_capacity(list.len());
        let mut titled = Vec::with_capacity(list.len());
        for p in list {
            let w = (1.0 + (p.tf() as f32).ln()) * w_idf;
            if let Some(vector) = vectors.get_mut(p.doc as usize) {
                vector.push((t, w));
                weighted.push((p.doc, w));
                titled.push(p.tf_title > 0);
            }
        }
        if let Some(keep) = pairs.filter(|&k| weighted.len() > k) {
            weighted = strongest(&weighted, &titled, keep);
        }
        lists.push(weighted);
    }
    let norms: Vec<f32> = vectors.iter().map(|v| v.iter().map(|&(_, w)| w * w).sum::<f32>().sqrt()).collect();
    let cosine = |a: usize, b: usize, dot: f32| dot / (norms[a] * norms[b]).max(f32::MIN_POSITIVE);
    // Candidates: each pair sharing a paired posting is scored once, from its lower document
    // (postings are sorted by document, so the higher ones are a suffix of each list), over
    // the terms both pair through, and offered to both documents.
    let mut dots = vec![0f32; n];
    let mut touched: Vec<u32> = Vec::new();
    let mut candidates: Vec<Vec<(u32, f32)>> = vec![Vec::new(); n];
    for (doc, vector) in vectors.iter().enumerate() {
        for &(t, w) in vector {
            let list = &lists[t as usize];
            let higher = list.partition_point(|&(other, _)| other as usize <= doc);
            if higher == 0 || list[higher - 1].0 as usize != doc {
                continue; // not among the term's paired postings
            }
            for &(other, w_other) in &list[higher..] {
                let Some(dot) = dots.get_mut(other as usize) else { continue };
                if *dot == 0.0 {
                    touched.push(other);
                }
                *dot += w * w_other;
            }
        }
        for &other in &touched {
            let o = other as usize;
            let cos = cosine(doc, o, dots[o]);
            dots[o] = 0.0;
            if cos >= MIN_SIMILARITY / 2.0 {
                offer(&mut candidates[doc], other, cos, CANDIDATES);
                offer(&mut candidates[o], doc as u32, cos, CANDIDATES);
            }
        }
        touched.clear();
    }
    // Each document's candidates scored again on every shared term, in term order as above:
    // where every posting was paired, the same sum, so the same cosine to the bit.
    let mut out: Vec<Vec<(u32, f32)>> = vec![Vec::new(); n];
    for (doc, found) in candidates.iter().enumerate() {
        for &(other, _) in found {
            let cos = cosine(doc, other as usize, dot(&vectors[doc], &vectors[other as usize]));
            if cos >= MIN_SIMILARITY {
                offer(&mut out[doc], other, cos, KEEP);
            }
        }
    }
    out
}

/// Candidates kept per document before their exact cosine is computed.
const CANDIDATES: usize = 4 * KEEP;

/// The dot product of two vectors sorted by term, summed in term order.
fn dot(a: &[(u32, f32)], b: &[(u32, f32)]) -> f32 {
    let (mut i, mut j, mut sum) = (0, 0, 0f32);
    while let (Some(&(ta, wa)), Some(&(tb, wb))) = (a.get(i), b.get(j)) {
        match ta.cmp(&tb) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                sum += wa * wb;
                i += 1;
                j += 1;
            }
        }
    }
    sum
}

/// The `keep` strongest of a term's weighted postings (`titled`: whether each is in the
/// document's title), still sorted by document: the highest weights, a title occurrence before
/// none at equal weight, then an order by a hash of the ordinal (not the ordinal itself, which
/// would favour the corpus's first documents).
fn strongest(weighted: &[(u32, f32)], titled: &[bool], keep: usize) -> Vec<(u32, f32)> {
    let mut order: Vec<usize> = (0..weighted.len()).collect();
    if keep < order.len() {
        let key = |i: usize| (weighted[i].1, titled[i], weighted[i].0.wrapping_mul(0x9E37_79B1));
        order.select_nth_unstable_by(keep, |&a, &b| {
            let (ka, kb) = (key(a), key(b));
            kb.0.total_cmp(&ka.0).then(kb.1.cmp(&ka.1)).then(ka.2.cmp(&kb.2))
        });
        order.truncate(keep);
    }
    order.sort_unstable();
    order.into_iter().map(|i| weighted[i]).collect()
}

/// Inserts `(other, cos)` into a document's list, kept most similar first (ties: lower
/// ordinal first) and at most `keep` long.
fn offer(best: &mut Vec<(u32, f32)>, other: u32, cos: f32, keep: usize) {
    if best.len() == keep && best.last().is_some_and(|&(o, c)| c > cos || (c == cos && o < other)) {
        return; // full, and its last one comes first
    }
    let at = best.partition_point(|&(o, c)| c > cos || (c == cos && o < other));
    if at < keep {
        best.insert(at, (other, cos));
        best.truncate(keep);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// Postings of `terms`, each a list of `(doc, tf)` sorted by document.
    fn postings(terms: &[Vec<(u32, u32)>]) -> Vec<Vec<Posting>> {
        terms
            .iter()
            .map(|t| t.iter().map(|&(doc, tf)| Posting { doc, tf_title: 0, tf_body: tf }).collect())
            .collect()
    }

    /// The cosine of two documents over every term in 2..=`cap` documents, from scratch.
    fn cosine_of(terms: &[Vec<Posting>], docs: u32, cap: u32, a: u32, b: u32) -> f32 {
        let idf = |df: usize| ((1.0 + docs as f32) / (df as f32)).ln();
        let vector = |d: u32| -> Vec<(usize, f32)> {
            let useful = terms.iter().filter(|l| l.len() >= 2 && l.len() as u32 <= cap);
            useful
                .enumerate()
                .filter_map(|(t, l)| {
                    let p = l.iter().find(|p| p.doc == d)?;
                    Some((t, (1.0 + (p.tf() as f32).ln()) * idf(l.len())))
                })
                .collect()
        };
        let (va, vb) = (vector(a), vector(b));
        let norm = |v: &[(usize, f32)]| v.iter().map(|&(_, w)| w * w).sum::<f32>().sqrt();
        let dot: f32 = va.iter().filter_map(|&(t, w)| vb.iter().find(|x| x.0 == t).map(|x| w * x.1)).sum();
        dot / (norm(&va) * norm(&vb)).max(f32::MIN_POSITIVE)
    }

    #[test]
    fn a_near_duplicate_is_found_through_rare_terms_and_scored_on_common_ones_too() {
        // Documents 0 and 1 share two rare terms; a common term (in every document but one)
        // is beyond a bound of 3 paired postings, and 0 and 1 are not among its strongest.
        let mut common: Vec<(u32, u32)> = (0..9).map(|d| (d, if d < 2 { 1 } else { 3 })).collect();
        common.push((9, 3));
        let terms = postings(&[vec![(0, 2), (1, 2)], vec![(0, 1), (1, 1), (5, 1)], common]);
        let lists = || terms.iter().map(Vec::as_slice);
        let bounded = related_with(lists(), 10, 10, Some(3));
        let exact = related_with(lists(), 10, 10, None);
        assert_eq!(bounded[0].first().map(|x| x.0), Some(1));
        assert_eq!(bounded[0][0].1, exact[0][0].1, "the cosine counts the common term");
        assert_eq!(bounded[0][0].1, cosine_of(&terms, 10, 10, 0, 1));
    }

    proptest! {
        #[test]
        fn bounded_lists_hold_exact_cosines_and_equal_the_exact_lists_when_nothing_is_cut(
            raw in prop::collection::vec(prop::collection::btree_map(0u32..24, 1u32..4, 0..12), 1..30),
            bound in 2usize..8,
        ) {
            let terms: Vec<Vec<Posting>> =
                postings(&raw.iter().map(|m| m.iter().map(|(&d, &tf)| (d, tf)).collect()).collect::<Vec<_>>());
            let lists = || terms.iter().map(Vec::as_slice);
            let bounded = related_with(lists(), 24, 20, Some(bound));
            for (doc, list) in bounded.iter().enumerate() {
                prop_assert!(list.len() <= KEEP);
                prop_assert!(list.windows(2).all(|w| w[0].1 >= w[1].1));
                for &(other, cos) in list {
                    prop_assert!(cos >= MIN_SIMILARITY && other as usize != doc);
                    prop_assert!((cos - cosine_of(&terms, 24, 20, doc as u32, other)).abs() < 1e-5);
                }
            }
            if terms.iter().all(|l| l.len() <= bound) {
                prop_assert_eq!(&bounded, &related_with(lists(), 24, 20, None));
            }
        }
    }
}
