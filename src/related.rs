//! Native only: which documents tell the same story, or a related one.
//!
//! Each document is a TF-IDF vector over its mid-frequency terms (`(1 + ln tf) · idf` for
//! terms in at least 2 and at most [`MAX_DOC_FREQ`] documents; terms everywhere say nothing
//! about a story, terms in one document cannot relate two). For each document, the dot
//! products with every document sharing such a term are accumulated from the postings — work
//! is the sum of the squared document frequencies of those terms, never all pairs — and the
//! [`KEEP`] most similar by cosine (at least [`MIN_SIMILARITY`]) are kept.
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
    let n = doc_count as usize;
    let cap = MAX_DOC_FREQ.max(doc_count / 20);
    let idf = |df: usize| ((1.0 + doc_count as f32) / (df as f32)).ln();
    // Transpose the useful postings into per-document weighted term lists.
    let mut by_doc: Vec<Vec<(u32, f32)>> = vec![Vec::new(); n];
    let mut norms = vec![0f32; n];
    let mut lists: Vec<&[Posting]> = Vec::new();
    for list in postings {
        if list.len() < 2 || list.len() as u32 > cap {
            continue;
        }
        let t = lists.len() as u32;
        let w_idf = idf(list.len());
        for p in list {
            if let Some(d) = by_doc.get_mut(p.doc as usize) {
                let w = (1.0 + (p.tf() as f32).ln()) * w_idf;
                d.push((t, w));
                norms[p.doc as usize] += w * w;
            }
        }
        lists.push(list);
    }
    let norms: Vec<f32> = norms.into_iter().map(f32::sqrt).collect();
    let mut dots = vec![0f32; n];
    let mut touched: Vec<u32> = Vec::new();
    let mut out = Vec::with_capacity(n);
    for (doc, terms) in by_doc.iter().enumerate() {
        for &(t, w) in terms {
            for p in lists[t as usize] {
                let other = p.doc as usize;
                if other == doc {
                    continue;
                }
                if dots[other] == 0.0 {
                    touched.push(p.doc);
                }
                let w_other = (1.0 + (p.tf() as f32).ln()) * idf(lists[t as usize].len());
                dots[other] += w * w_other;
            }
        }
        let mut best: Vec<(u32, f32)> = touched
            .iter()
            .map(|&o| (o, dots[o as usize] / (norms[doc] * norms[o as usize]).max(f32::MIN_POSITIVE)))
            .filter(|&(_, cos)| cos >= MIN_SIMILARITY)
            .collect();
        best.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
        best.truncate(KEEP);
        for &o in &touched {
            dots[o as usize] = 0.0;
        }
        touched.clear();
        out.push(best);
    }
    out
}
