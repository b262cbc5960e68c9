//! One variable-length list per document, addressable by ordinal: the layout shared by `DENT`
//! and `RELS`.
//!
//! `(doc count + 1)` u32 offsets, relative to the end of that table, then the lists. Each
//! list is whatever its section encodes (both start with a varint count).

use super::{read_u32, varint, Error, Tag};

/// Encodes one already-encoded list per document.
pub fn write(lists: impl IntoIterator<Item = Vec<u8>>) -> Vec<u8> {
    let mut table = Vec::new();
    let mut body = Vec::new();
    for list in lists {
        table.extend_from_slice(&(body.len() as u32).to_le_bytes());
        body.extend_from_slice(&list);
    }
    table.extend_from_slice(&(body.len() as u32).to_le_bytes());
    table.extend_from_slice(&body);
    table
}

/// Checks that the offset table of `doc_count` documents fits in `bytes`.
pub fn check(bytes: &[u8], doc_count: u32, tag: Tag) -> Result<(), Error> {
    if (doc_count as usize + 1) * 4 > bytes.len() {
        return Err(Error::corrupt(tag, "offset table out of bounds"));
    }
    Ok(())
}

/// A reader positioned at the start of document `doc`'s list, or `None` past the last
/// document.
pub fn list(bytes: &[u8], doc_count: u32, doc: u32, tag: Tag) -> Result<Option<varint::Reader<'_>>, Error> {
    if doc >= doc_count {
        return Ok(None);
    }
    let at = read_u32(bytes, doc as usize * 4)
        .and_then(|at| (at as usize).checked_add((doc_count as usize + 1) * 4))
        .ok_or_else(|| Error::corrupt(tag, format!("list of document {doc} is out of bounds")))?;
    Ok(Some(varint::Reader::new(bytes, at)))
}
