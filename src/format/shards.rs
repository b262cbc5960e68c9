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
//! shard is verified like any index. Shards are named by content: the dates, entities and
//! related shards are `<FNV-1a 64 of their bytes, 16 hex digits>.dsr`; the numbered parts —
//! too many to list by name in the root (37,000 at 100k articles) — are `t<i>-<suffix>.dsr`
//! (terms), `p<i>-…` (positions), `d<i>-…` (documents) and `i<i>-…` (ids), where the suffix is
//! the start of the FNV-1a 64 of the whole index, so any change to the corpus renames them
//! all. A host can cache every shard forever; only the root (`root.dsr`) must be revalidated.
//!
//! # `SHRD`
//!
//! ```text
//! keys  first term of each term range
//! varint documents per part   varint document part count
//! keys  first id of each id range
//! bytes suffix   bytes dates shard   bytes entities shard ("" = none)   bytes related shard ("" = none)
//! ```
//!
//! where `bytes` is a varint length followed by that many bytes, and `keys` a varint count
//! followed, per key, by a varint length shared with the previous key and the rest as `bytes`.
//! Parts are in key order and cover every key: a term belongs to the last part whose first
//! term is ≤ it.
//!
//! # Loading
//!
//! Readers of a sharded index ask a [`ShardSource`] for a shard's bytes. When one is missing,
//! the reader records its name ([`Shards`]) and carries on as if that piece were empty; the
//! searcher then fails with [`Error::NeedShards`] listing every missing shard at once, the
//! page fetches them, and asks again. Results never depend on which other shards happen to be
//! loaded: what a query reads is decided by the query alone.

use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;

use super::{varint, Error, Meta, Tag, Toc, META};

/// Root section tag: the shard manifest.
pub const SHRD: Tag = *b"SHRD";
/// Dates of every document (u32 YYYYMMDD, 0 = undated, in ordinal order): its own shard in a
/// sharded index, so the timeline needs no document text.
pub const DATE: Tag = *b"DATE";

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
struct Misses(RefCell<Vec<String>>);

impl Misses {
    fn add(&self, name: &str) {
        let mut names = self.0.borrow_mut();
        if !names.iter().any(|n| n == name) {
            names.push(name.to_string());
        }
    }

    fn any(&self) -> bool {
        !self.0.borrow().is_empty()
    }

    fn check(&self) -> Result<(), Error> {
        let names = std::mem::take(&mut *self.0.borrow_mut());
        if names.is_empty() {
            Ok(())
        } else {
            Err(Error::NeedShards(names))
        }
    }
}

/// The root of a sharded index, read and checked once: its statistics and shard list.
#[derive(Debug, Clone)]
pub struct Root {
    bytes: Vec<u8>,
    meta: Meta,
    manifest: Manifest,
}

impl Root {
    /// Reads `root.dsr`: verifies its checksum, then decodes `META` and `SHRD`.
    pub fn read(bytes: Vec<u8>) -> Result<Root, Error> {
        super::verify_checksum(&bytes)?;
        let toc = Toc::read(&bytes)?;
        let meta = Meta::read(toc.require(META)?)?;
        let manifest = Manifest::read(toc.require(SHRD)?)?;
        if u64::from(manifest.doc_parts) * u64::from(manifest.docs_per_part) < u64::from(meta.doc_count) {
            return Err(Error::corrupt(SHRD, "document parts do not cover every document"));
        }
        Ok(Root { bytes, meta, manifest })
    }

    /// The root file's bytes.
    pub fn bytes(&self) -> &[u8] {
        &self.bytes
    }

    /// Corpus statistics.
    pub fn meta(&self) -> &Meta {
        &self.meta
    }

    /// The shard list.
    pub fn manifest(&self) -> &Manifest {
        &self.manifest
    }
}

/// One request's access to a sharded index's shards: the list, the loaded ones, and the names
/// of those it needed but did not have. Cheap to clone: clones share the misses.
#[derive(Clone)]
pub struct Shards<'a> {
    /// The shard list.
    pub manifest: &'a Manifest,
    source: &'a dyn ShardSource,
    misses: Rc<Misses>,
}

impl<'a> Shards<'a> {
    /// Reads `manifest`'s shards from `source`.
    pub fn new(manifest: &'a Manifest, source: &'a dyn ShardSource) -> Shards<'a> {
        Shards { manifest, source, misses: Rc::default() }
    }

    /// The bytes of shard `name`, or `None`, recording it as missing, if it is not loaded.
    pub fn file(&self, name: &str) -> Option<&'a [u8]> {
        let file = self.source.shard(name);
        if file.is_none() {
            self.misses.add(name);
        }
        file
    }

    /// The `tag` section of shard `name`: `Ok(None)`, recording the shard as missing, if it
    /// is not loaded; an error if a loaded shard lacks it.
    pub fn section(&self, name: &str, tag: Tag) -> Result<Option<&'a [u8]>, Error> {
        self.file(name).map(|file| Toc::read(file)?.require(tag)).transpose()
    }

    /// Fails with [`Error::NeedShards`] if a read since the last call needed a shard that is
    /// not loaded (and forgets them).
    pub fn need(&self) -> Result<(), Error> {
        self.misses.check()
    }

    /// True if a read since the last [`Shards::need`] needed a shard that is not loaded.
    pub fn pending(&self) -> bool {
        self.misses.any()
    }
}

/// The decoded `SHRD` section.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Manifest {
    /// The first term of each term range, in key order (the first is empty).
    pub term_firsts: Vec<Vec<u8>>,
    /// Documents per document part (part `p` holds ordinals `p·n .. (p+1)·n`).
    pub docs_per_part: u32,
    /// Number of document parts.
    pub doc_parts: u32,
    /// The first id of each id range, in key order (the first is empty).
    pub id_firsts: Vec<Vec<u8>>,
    /// The content hash of the whole index (12 hex digits) that names the numbered shards.
    pub suffix: String,
    /// File holding `DATE`.
    pub dates: String,
    /// File holding the entity sections ("" when the index has none).
    pub entities: String,
    /// File holding `RELS` ("" when the index has none).
    pub related: String,
}

impl Manifest {
    /// The file holding `TERM` and `POST` of term range `i`.
    pub fn term_part_name(&self, i: usize) -> String {
        format!("t{i}-{}.dsr", self.suffix)
    }

    /// The file holding `POSN` of term range `i`.
    pub fn positions_name(&self, i: usize) -> String {
        format!("p{i}-{}.dsr", self.suffix)
    }

    /// The file holding `DOCS` of document part `part`.
    pub fn doc_part_name(&self, part: u32) -> String {
        format!("d{part}-{}.dsr", self.suffix)
    }

    /// The file holding `DIDS` of id range `i`.
    pub fn id_part_name(&self, i: usize) -> String {
        format!("i{i}-{}.dsr", self.suffix)
    }

    /// Encodes the section.
    pub fn write(&self) -> Vec<u8> {
        let mut out = Vec::new();
        put_keys(&mut out, &self.term_firsts);
        varint::write(&mut out, u64::from(self.docs_per_part));
        varint::write(&mut out, u64::from(self.doc_parts));
        put_keys(&mut out, &self.id_firsts);
        for name in [&self.suffix, &self.dates, &self.entities, &self.related] {
            put(&mut out, name.as_bytes());
        }
        out
    }

    /// Decodes the section; fails on malformed bytes, never panics.
    pub fn read(bytes: &[u8]) -> Result<Manifest, Error> {
        let mut r = Cursor { bytes, at: 0 };
        let term_firsts = r.keys()?;
        let docs_per_part = r.u32()?;
        let doc_parts = r.u32()?;
        let id_firsts = r.keys()?;
        let m = Manifest {
            term_firsts,
            docs_per_part,
            doc_parts,
            id_firsts,
            suffix: r.str()?.to_string(),
            dates: r.str()?.to_string(),
            entities: r.str()?.to_string(),
            related: r.str()?.to_string(),
        };
        if m.docs_per_part == 0 || m.term_firsts.is_empty() || m.id_firsts.is_empty() {
            return Err(Error::corrupt(SHRD, "no parts"));
        }
        Ok(m)
    }
}

/// Index of the part whose range holds `key`: the last part whose first key is ≤ it (the
/// first part if `key` sorts before all).
pub fn part_of(firsts: &[Vec<u8>], key: &[u8]) -> usize {
    firsts.partition_point(|first| first.as_slice() <= key).saturating_sub(1)
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

/// Sorted keys, front-coded: a count, then per key the length shared with the previous one
/// and the rest as `bytes`.
fn put_keys(out: &mut Vec<u8>, keys: &[Vec<u8>]) {
    varint::write(out, keys.len() as u64);
    let mut prev: &[u8] = &[];
    for k in keys {
        let shared = prev.iter().zip(k).take_while(|(a, b)| a == b).count();
        varint::write(out, shared as u64);
        put(out, &k[shared..]);
        prev = k;
    }
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

    fn keys(&mut self) -> Result<Vec<Vec<u8>>, Error> {
        let n = self.count()?;
        let mut out: Vec<Vec<u8>> = Vec::with_capacity(n);
        for _ in 0..n {
            let shared = self.u32()? as usize;
            let prev: &[u8] = out.last().map_or(&[], Vec::as_slice);
            let mut key = prev.get(..shared).ok_or_else(|| Error::corrupt(SHRD, "bad key"))?.to_vec();
            key.extend_from_slice(self.bytes()?);
            out.push(key);
        }
        Ok(out)
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
            term_firsts: vec![b"".to_vec(), b"kyiv".to_vec(), b"kyivan".to_vec(), b"putin".to_vec()],
            docs_per_part: 4,
            doc_parts: 3,
            id_firsts: vec![b"".to_vec(), b"003".to_vec()],
            suffix: "abc".into(),
            dates: "f.dsr".into(),
            entities: String::new(),
            related: "g.dsr".into(),
        };
        let bytes = m.write();
        assert_eq!(Manifest::read(&bytes).unwrap(), m);
        assert_eq!((m.doc_part_name(2), m.term_part_name(1)), ("d2-abc.dsr".into(), "t1-abc.dsr".into()));
        for cut in 0..bytes.len() {
            assert!(Manifest::read(&bytes[..cut]).is_err(), "cut at {cut}");
        }
    }

    #[test]
    fn keys_find_the_last_part_starting_at_or_before_them() {
        let firsts = [b"".to_vec(), b"kyiv".to_vec(), b"putin".to_vec()];
        let find = |k: &[u8]| part_of(&firsts, k);
        assert_eq!(find(b"aaa"), 0);
        assert_eq!(find(b"kyiv"), 1);
        assert_eq!(find(b"moscow"), 1);
        assert_eq!(find(b"zelensky"), 2);
    }
}
