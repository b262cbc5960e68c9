//! Native only: which documents tell the same story, or a related one.
//!
//! Each document is a TF-IDF vector over its mid-frequency terms (`(1 + ln tf) · idf` for
//! terms in at least 2 and at most [`MAX_DOC_FREQ`] documents; terms everywhere say nothing
//! about a story, terms in one document cannot relate two). For each document, the dot
//! products with every document sharing such a term are accumulated from the postings — work
//! is half the sum of the squared document frequencies of those terms (each pair is scored
//! once), never all pairs — and the [`KEEP`] most similar by cosine (at least
//! [`MIN_SIMILARITY`]) are kept. As the band of useful terms widens with the corpus (up to 5%
//! of it), that work grows about quadratically with the number of documents: see
//! `bench/scale/README.md`.
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

/// Computes each document's related documents from every term's postings (`doc_count`
/// documents, postings sorted by document). Returns one list per document, most similar first.
pub fn related<'p>(
    postings: impl Iterator<Item = &'p [Posting]> + Clone,
    doc_count: u32,
) -> Vec<Vec<(u32, f32)>> {
    related_with_cap(postings, doc_count, default_cap(doc_count))
}

/// The document frequency above which [`related`] ignores a term: [`MAX_DOC_FREQ`], or 5%
/// of the corpus if more. Because it grows with the corpus, so does the work per document.
pub fn default_cap(doc_count: u32) -> u32 {
    MAX_DOC_FREQ.max(doc_count / 20)
}

/// [`related`], ignoring terms in more than `cap` documents (for measuring other caps:
/// `examples/related_bench.rs`).
pub fn related_with_cap<'p>(
    postings: impl Iterator<Item = &'p [Posting]> + Clone,
    doc_count: u32,
    cap: u32,
) -> Vec<Vec<(u32, f32)>> {
    let n = doc_count as usize;
    let idf = |df: usize| ((1.0 + doc_count as f32) / (df as f32)).ln();
    // Transpose the useful postings into per-document weighted term lists, and keep each
    // useful list with its weights computed once (the inner loop below only adds products).
    let mut by_doc: Vec<Vec<(u32, f32)>> = vec![Vec::new(); n];
    let mut norms = vec![0f32; n];
    let mut lists: Vec<Vec<(u32, f32)>> = Vec::new();
    for list in postings {
        if list.len() < 2 || list.len() as u32 > cap {
            continue;
        }
        let t = lists.len() as u32;
        let w_idf = idf(list.len());
        let mut weighted = Vec::with_capacity(list.len());
        for p in list {
            let w = (1.0 + (p.tf() as f32).ln()) * w_idf;
            if let Some(d) = by_doc.get_mut(p.doc as usize) {
                d.push((t, w));
                norms[p.doc as usize] += w * w;
            }
            weighted.push((p.doc, w));
        }
        lists.push(weighted);
    }
    let norms: Vec<f32> = norms.into_iter().map(f32::sqrt).collect();
    // Each pair is scored once, from its lower document (postings are sorted by document, so
    // the higher ones are a suffix of each list), and offered to both documents: the dot
    // product sums the same shared terms in the same order either way, so it is the same.
    let mut dots = vec![0f32; n];
    let mut touched: Vec<u32> = Vec::new();
    let mut out: Vec<Vec<(u32, f32)>> = vec![Vec::new(); n];
    for (doc, terms) in by_doc.iter().enumerate() {
        for &(t, w) in terms {
            let list = &lists[t as usize];
            let higher = list.partition_point(|&(other, _)| other as usize <= doc);
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
            let cos = dots[o] / (norms[doc] * norms[o]).max(f32::MIN_POSITIVE);
            dots[o] = 0.0;
            if cos >= MIN_SIMILARITY {
                offer(&mut out[doc], other, cos);
                offer(&mut out[o], doc as u32, cos);
            }
        }
        touched.clear();
    }
    out
}

/// Inserts `(other, cos)` into a document's list, kept most similar first (ties: lower
/// ordinal first) and at most [`KEEP`] long.
fn offer(best: &mut Vec<(u32, f32)>, other: u32, cos: f32) {
    let at = best.partition_point(|&(o, c)| c > cos || (c == cos && o < other));
    if at < KEEP {
        best.insert(at, (other, cos));
        best.truncate(KEEP);
    }
}
