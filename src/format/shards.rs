//! Sharded indexes: a small root file that lists shards, each shard an index file of its own
//! holding a piece of the sections, fetched only when a query needs it.
//!
//! An embedded index is one file with every section. A sharded index is the same sections cut
//! into pieces (see `dossier shard`, [`crate::shard`]):
//!
//! | piece        | sections          | split by                          | needed for                  |
//! |--------------|-------------------|-----------------------------------|-----------------------------|
//! | root         | `META`, `SHRD`    | —                                 | everything                  |
//! | term part    | `TERM`, `POST`    | term range (first term in `SHRD`) | looking up words            |
//! | positions    | `POSN`            | the same term range               | phrases and proximity       |
//! | document part| `DOCS`            | ordinal range, fixed docs a part  | results, excerpts, reader   |
//! | id part      | `DIDS`            | id range (first id in `SHRD`)     | opening a document by id    |
//! | dates        | `DATE`            | —                                 | timeline, date filters      |
//! | entities     | `ENTS` `DENT` `EIDS` `EALS` | —                       | entity pages and facets     |
//! | related      | `RELS`            | —                                 | the reader's related list   |
//!
//! Every piece is a complete index file (magic, version, table of contents, CRC-32), so a
//! shard is verified like any index. Shards are named by content: a term, positions, id,
//! dates, entities or related shard is `<FNV-1a 64 of its bytes, 16 hex digits>.dsr`; document
//! parts, too many to list one by one, are `d<part>-<FNV-1a 64 of the whole index>.dsr`, so
//! any change to the corpus renames them all. A host can cache every shard forever; only the
//! root (`root.dsr`) must be revalidated.
//!
//! # `SHRD`
//!
//! ```text
//! varint term part count, then per part:
//!     bytes first term   bytes term shard name   bytes positions shard name
//! varint documents per part   varint document part count   bytes document shard suffix
//! varint id part count, then per part:   bytes first id   bytes id shard name
//! bytes dates shard name   bytes entities shard name ("" = none)   bytes related shard name ("" = none)
//! ```
//!
//! where `bytes` is a varint length followed by that many bytes. Parts are in key order and
//! cover every key: a term belongs to the last part whose first term is ≤ it.
//!
//! # Loading
//!
//! Readers of a sharded index ask a [`ShardSource`] for a shard's bytes. When one is missing,
//! the reader records its name ([`Misses`]) and carries on as if that piece were empty; the
//! searcher then fails with [`Error::NeedShards`] listing every missing shard at once, the
//! page fetches them, and asks again. Results never depend on which other shards happen to be
//! loaded: what a query reads is decided by the query alone.

use std::cell::RefCell;
use std::collections::HashMap;

use super::{varint, Error};

/// Root section tag: the shard manifest.
pub const SHRD: super::Tag = *b"SHRD";
/// Dates of every document (u32 YYYYMMDD, 0 = undated, in ordinal order): its own shard in a
/// sharded index, so the timeline needs no document text.
pub const DATE: super::Tag = *b"DATE";

/// Where a sharded index's shards come from (the page's cache of fetched files).
pub trait ShardSource {
    /// The bytes of the shard with this file name, if loaded. They must have passed
    /// [`super::verify_checksum`].
    fn shard(&self, name: &str) -> Option<&[u8]>;
}

impl ShardSource for HashMap<String, Vec<u8>> {
    fn shard(&self, name: &str) -> Option<&[u8]> {
        self.get(name).map(Vec::as_slice)
    }
}

/// The names of shards a reader needed but did not have, in the order first asked for.
#[derive(Debug, Default)]
pub struct Misses(RefCell<Vec<String>>);

impl Misses {
    /// Records a missing shard.
    pub fn add(&self, name: &str) {
        let mut names = self.0.borrow_mut();
        if !names.iter().any(|n| n == name) {
            names.push(name.to_string());
        }
    }

    /// Fails with [`Error::NeedShards`] if any shard was missing (and forgets them).
    pub fn check(&self) -> Result<(), Error> {
        let names = std::mem::take(&mut *self.0.borrow_mut());
        if names.is_empty() {
            Ok(())
        } else {
            Err(Error::NeedShards(names))
        }
    }
}

/// One key range of the term dictionary.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TermPart<'a> {
    /// The smallest term in the part.
    pub first: &'a [u8],
    /// File holding `TERM` and `POST`.
    pub terms: &'a str,
    /// File holding `POSN`.
    pub positions: &'a str,
}

/// One key range of the document-id map.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IdPart<'a> {
    /// The smallest id in the part.
    pub first: &'a [u8],
    /// File holding `DIDS`.
    pub name: &'a str,
}

/// The decoded `SHRD` section.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Manifest<'a> {
    /// Term ranges, in key order.
    pub terms: Vec<TermPart<'a>>,
    /// Documents per document part (part `p` holds ordinals `p·n .. (p+1)·n`).
    pub docs_per_part: u32,
    /// Number of document parts.
    pub doc_parts: u32,
    /// Suffix of document part names: part `p` is `d{p}-{suffix}.dsr`.
    pub doc_suffix: &'a str,
    /// Id ranges, in key order.
    pub ids: Vec<IdPart<'a>>,
    /// File holding `DATE`.
    pub dates: &'a str,
    /// File holding the entity sections ("" when the index has none).
    pub entities: &'a str,
    /// File holding `RELS` ("" when the index has none).
    pub related: &'a str,
}

impl<'a> Manifest<'a> {
    /// The file name of document part `part`.
    pub fn doc_part_name(&self, part: u32) -> String {
        format!("d{part}-{}.dsr", self.doc_suffix)
    }

    /// Encodes the section.
    pub fn write(&self) -> Vec<u8> {
        let mut out = Vec::new();
        varint::write(&mut out, self.terms.len() as u64);
        for t in &self.terms {
            put(&mut out, t.first);
            put(&mut out, t.terms.as_bytes());
            put(&mut out, t.positions.as_bytes());
        }
        varint::write(&mut out, u64::from(self.docs_per_part));
        varint::write(&mut out, u64::from(self.doc_parts));
        put(&mut out, self.doc_suffix.as_bytes());
        varint::write(&mut out, self.ids.len() as u64);
        for p in &self.ids {
            put(&mut out, p.first);
            put(&mut out, p.name.as_bytes());
        }
        for name in [self.dates, self.entities, self.related] {
            put(&mut out, name.as_bytes());
        }
        out
    }

    /// Decodes the section; fails on malformed bytes, never panics.
    pub fn read(bytes: &'a [u8]) -> Result<Manifest<'a>, Error> {
        let mut r = Cursor { bytes, at: 0 };
        let mut m = Manifest::default();
        for _ in 0..r.count()? {
            m.terms.push(TermPart { first: r.bytes()?, terms: r.str()?, positions: r.str()? });
        }
        m.docs_per_part = r.u32()?;
        m.doc_parts = r.u32()?;
        m.doc_suffix = r.str()?;
        for _ in 0..r.count()? {
            m.ids.push(IdPart { first: r.bytes()?, name: r.str()? });
        }
        m.dates = r.str()?;
        m.entities = r.str()?;
        m.related = r.str()?;
        if m.docs_per_part == 0 || m.terms.is_empty() || m.ids.is_empty() {
            return Err(Error::corrupt(SHRD, "no parts"));
        }
        Ok(m)
    }
}

/// Index of the part whose range holds `key`: the last part whose first key is ≤ it (the
/// first part if `key` sorts before all).
pub fn part_of<T>(parts: &[T], first: impl Fn(&T) -> &[u8], key: &[u8]) -> usize {
    parts.partition_point(|p| first(p) <= key).saturating_sub(1)
}

/// The FNV-1a 64-bit hash, as 16 hex digits: the content address of a shard.
pub fn content_name(bytes: &[u8]) -> String {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in bytes {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    format!("{h:016x}")
}

fn put(out: &mut Vec<u8>, bytes: &[u8]) {
    varint::write(out, bytes.len() as u64);
    out.extend_from_slice(bytes);
}

struct Cursor<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl<'a> Cursor<'a> {
    fn u32(&mut self) -> Result<u32, Error> {
        let mut r = varint::Reader::new(self.bytes, self.at);
        let v = r.u32().ok_or_else(|| Error::corrupt(SHRD, "truncated"))?;
        self.at = r.position();
        Ok(v)
    }

    /// A count of entries, each at least one byte long: bounded by what is left.
    fn count(&mut self) -> Result<usize, Error> {
        let n = self.u32()? as usize;
        if n > self.bytes.len().saturating_sub(self.at) {
            return Err(Error::corrupt(SHRD, "count past the end"));
        }
        Ok(n)
    }

    fn bytes(&mut self) -> Result<&'a [u8], Error> {
        let len = self.u32()? as usize;
        let out = self
            .at
            .checked_add(len)
            .and_then(|end| self.bytes.get(self.at..end))
            .ok_or_else(|| Error::corrupt(SHRD, "truncated"))?;
        self.at += len;
        Ok(out)
    }

    fn str(&mut self) -> Result<&'a str, Error> {
        std::str::from_utf8(self.bytes()?).map_err(|_| Error::corrupt(SHRD, "name is not UTF-8"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn manifest_round_trips_and_rejects_garbage() {
        let m = Manifest {
            terms: vec![
                TermPart { first: b"", terms: "a.dsr", positions: "b.dsr" },
                TermPart { first: b"kyiv", terms: "c.dsr", positions: "d.dsr" },
            ],
            docs_per_part: 4,
            doc_parts: 3,
            doc_suffix: "abc",
            ids: vec![IdPart { first: b"", name: "e.dsr" }],
            dates: "f.dsr",
            entities: "",
            related: "g.dsr",
        };
        let bytes = m.write();
        assert_eq!(Manifest::read(&bytes).unwrap(), m);
        assert_eq!(m.doc_part_name(2), "d2-abc.dsr");
        for cut in 0..bytes.len() {
            assert!(Manifest::read(&bytes[..cut]).is_err(), "cut at {cut}");
        }
    }

    #[test]
    fn keys_find_the_last_part_starting_at_or_before_them() {
        let firsts: [&[u8]; 3] = [b"", b"kyiv", b"putin"];
        let find = |k: &[u8]| part_of(&firsts, |f| f, k);
        assert_eq!(find(b"aaa"), 0);
        assert_eq!(find(b"kyiv"), 1);
        assert_eq!(find(b"moscow"), 1);
        assert_eq!(find(b"zelensky"), 2);
    }
}
