//! `RELS`: each document's most similar documents, computed at build time (see
//! [`crate::related`]). Optional: an index without it has no related documents.
//!
//! Layout: one list per document ([`super::doclists`]): a varint count, then per related
//! document a varint ordinal and one byte of similarity in percent (cosine × 100, rounded),
//! most similar first.

use super::{doclists, varint, Error, Tag};

/// The section tag.
pub const RELS: Tag = *b"RELS";

/// Encodes per-document lists of `(document ordinal, similarity in 0..=1)`.
pub fn write_related(lists: &[Vec<(u32, f32)>]) -> Vec<u8> {
    doclists::write(lists.iter().map(|list| {
        let mut out = Vec::new();
        varint::write(&mut out, list.len() as u64);
        for &(doc, sim) in list {
            varint::write(&mut out, u64::from(doc));
            out.push((sim.clamp(0.0, 1.0) * 100.0).round() as u8);
        }
        out
    }))
}

/// Reads related-document lists from borrowed bytes.
#[derive(Clone, Default)]
pub struct Related<'a> {
    bytes: &'a [u8],
    doc_count: u32,
}

impl<'a> Related<'a> {
    /// Borrows the section; checks that the offset table fits.
    pub fn open(bytes: &'a [u8], doc_count: u32) -> Result<Related<'a>, Error> {
        doclists::check(bytes, doc_count, RELS)?;
        Ok(Related { bytes, doc_count })
    }

    /// `(document ordinal, similarity percent)` pairs for a document, most similar first.
    pub fn of(&self, doc: u32) -> Result<Vec<(u32, u8)>, Error> {
        let Some(mut r) = doclists::list(self.bytes, self.doc_count, doc, RELS)? else {
            return Ok(Vec::new());
        };
        let bad = || Error::corrupt(RELS, format!("list of document {doc} is malformed"));
        let n = r.u32().ok_or_else(bad)?;
        let mut out = Vec::with_capacity((n as usize).min(64));
        for _ in 0..n {
            let other = r.u32().ok_or_else(bad)?;
            let sim = *self.bytes.get(r.position()).ok_or_else(bad)?;
            r = varint::Reader::new(self.bytes, r.position() + 1);
            out.push((other, sim));
        }
        Ok(out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_and_rejects_truncation() {
        let bytes = write_related(&[vec![(2, 0.83), (1, 0.2)], vec![], vec![(0, 0.83)]]);
        let r = Related::open(&bytes, 3).unwrap();
        assert_eq!(r.of(0).unwrap(), [(2, 83), (1, 20)]);
        assert_eq!(r.of(1).unwrap(), []);
        assert_eq!(r.of(7).unwrap(), []);
        assert!(Related::open(&bytes[..8], 3).is_err());
        let cut = Related::open(&bytes[..bytes.len() - 1], 3).unwrap();
        assert!(cut.of(2).is_err());
    }
}
