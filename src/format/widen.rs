//! `WIDE`: the table a search widens one-word entity aliases with, precomputed from the entity
//! sections when an index is sharded ([`crate::shard`]), so that widening needs neither `ENTS`
//! nor `EALS` (the whole entities shard) but only this small table.
//!
//! ```text
//! u32 n          length of the map
//! n bytes        fst::Map: one-word alias → offset of its forms in the blob
//! blob           per alias: varint form count, then each form as varint length + UTF-8
//! ```
//!
//! An alias's forms are exactly [`Entities::widening`] of it, in the same order, so a sharded
//! index widens a word to the same terms as the embedded index it was cut from. Aliases that
//! widen to nothing are left out.

use super::entities::Entities;
use super::{read_u32, varint, Error, Tag};

/// Section tag: one-word alias → the dictionary forms a search for it widens to.
pub const WIDE: Tag = *b"WIDE";

/// Encodes the widening table of `entities` (every alias of `EALS` with its
/// [`Entities::widening`]).
pub fn write(entities: &Entities<'_>) -> Result<Vec<u8>, Error> {
    let mut map = fst::MapBuilder::memory();
    let mut blob = Vec::new();
    for word in entities.alias_words() {
        let forms = entities.widening(&word);
        if forms.is_empty() {
            continue;
        }
        map.insert(&word, blob.len() as u64).map_err(|e| Error::corrupt(WIDE, e.to_string()))?;
        varint::write(&mut blob, forms.len() as u64);
        for form in &forms {
            varint::write(&mut blob, form.len() as u64);
            blob.extend_from_slice(form.as_bytes());
        }
    }
    let map = map.into_inner().map_err(|e| Error::corrupt(WIDE, e.to_string()))?;
    let len = u32::try_from(map.len()).map_err(|_| Error::corrupt(WIDE, "over 4 GiB"))?;
    let mut out = Vec::with_capacity(4 + map.len() + blob.len());
    out.extend_from_slice(&len.to_le_bytes());
    out.extend_from_slice(&map);
    out.extend_from_slice(&blob);
    Ok(out)
}

/// A borrowed `WIDE` section.
#[derive(Clone)]
pub struct Widening<'a> {
    map: fst::Map<&'a [u8]>,
    blob: &'a [u8],
}

impl<'a> Widening<'a> {
    /// Borrows the section; fails if its map does not fit or is malformed.
    pub fn open(bytes: &'a [u8]) -> Result<Widening<'a>, Error> {
        let len = read_u32(bytes, 0).ok_or_else(|| Error::corrupt(WIDE, "no map length"))? as usize;
        let end = len.checked_add(4).filter(|&e| e <= bytes.len());
        let end = end.ok_or_else(|| Error::corrupt(WIDE, "map out of bounds"))?;
        let map = fst::Map::new(&bytes[4..end]).map_err(|e| Error::corrupt(WIDE, e.to_string()))?;
        Ok(Widening { map, blob: &bytes[end..] })
    }

    /// The forms a search for `word` widens to (empty if none, or if the entry is malformed).
    pub fn forms(&self, word: &str) -> Vec<String> {
        let Some(at) = self.map.get(word).and_then(|v| usize::try_from(v).ok()) else { return Vec::new() };
        let mut r = varint::Reader::new(self.blob, at);
        let mut out = Vec::new();
        let Some(count) = r.u32() else { return Vec::new() };
        for _ in 0..count {
            let Some(len) = r.u32() else { return Vec::new() };
            let start = r.position();
            let Some(bytes) = start.checked_add(len as usize).and_then(|end| self.blob.get(start..end))
            else {
                return Vec::new();
            };
            let Ok(form) = std::str::from_utf8(bytes) else { return Vec::new() };
            out.push(form.to_string());
            r = varint::Reader::new(self.blob, start + bytes.len());
        }
        out
    }
}
