//! Sharded indexes: a small root file that lists shards, each shard an index file of its own
//! holding a piece of the sections, fetched only when a query needs it.
//!
//! An embedded index is one file with every section. A sharded index is the same sections cut
//! into pieces (see `dossier shard`, [`crate::shard`]):
//!
//! | piece        | sections          | split by                          | needed for                  |
//! |--------------|-------------------|-----------------------------------|-----------------------------|
//! | root         | `META`, `SHRD`, (`NORM`), (`WIDE`) | —                | everything                  |
//! | term part    | `TERM`, `POST`    | term range (first term in `SHRD`) | looking up words            |
//! | positions    | `POSN`            | the same term range               | phrases and proximity       |
//! | document part| `DOCS`            | ordinal range, fixed docs a part  | results, excerpts, reader   |
//! | id part      | `DIDS`            | id range (first id in `SHRD`)     | opening a document by id    |
//! | dates        | `DATE`            | —                                 | timeline, date filters      |
//! | entities     | `ENTS` `DENT` `EIDS` `EALS` | —                       | entity pages and facets     |
//! | related      | `RELS`            | —                                 | the reader's related list   |
//! | length part  | `NORM`            | ordinal range, fixed docs a part  | ranking (when not in root)  |
//! | widening     | `WIDE`            | —                                 | alias widening (when not in root) |
//! | dictionary part | `TERM`         | the same term range               | typo correction             |
//!
//! The term, positions, document, id, length and dictionary parts (the numbered parts) also
//! hold `PART`, their own file name (see *Verified parts*).
//!
//! A dictionary part is a term range's `TERM` without its postings (`w<i>-…`): typo correction
//! scans the whole dictionary, as an embedded index does, reading a range's dictionary part
//! (or its term part, when that is loaded already: the same `TERM`) and fetching postings only
//! for the corrections it keeps.
//!
//! `NORM` ([`super::docstore`]: every document's title and body length, 6 bytes each) goes in
//! the root when it is small (64 KB by default, about 10,900 documents: a first query needs no
//! round trip for it), else in length parts of `norm_docs_per_part` documents. `WIDE`
//! ([`super::widen`]: each one-word entity alias with the forms a search for it widens to,
//! precomputed from the entity sections) goes in the root when small (16 KB by default), else
//! in a content-named shard of its own, asked for by the first query word looked up. With both,
//! a sharded index ranks and widens exactly as the embedded one.
//!
//! Every piece is a complete index file (magic, version, table of contents, CRC-32), so a
//! shard is verified like any index. Shards are named by content: the dates, entities and
//! related shards are `<FNV-1a 64 of their bytes, 16 hex digits>.dsr`; the numbered parts —
//! too many to list by name in the root (37,000 at 100k articles) — are `t<i>-<suffix>.dsr`
//! (terms), `p<i>-…` (positions), `d<i>-…` (documents), `i<i>-…` (ids), `n<i>-…`
//! (lengths) and `w<i>-…` (dictionary), where the suffix is
//! the start of the FNV-1a 64 of the whole index, so any change to the corpus renames them
//! all. A host can cache every shard forever; only the root (`root.dsr`) must be revalidated.
//!
//! # Verified parts
//!
//! A loaded shard is checked against what the root says it should be, so two files swapped on
//! the host, or one left over from an earlier build, is an error naming the part
//! ([`Error::WrongPart`]), never a wrong answer ([`verify_part`], [`Root::verify_part`]):
//!
//! - each numbered part carries a `PART` section holding its own file name (UTF-8), suffix
//!   included, so a part of another build of the index is caught as well;
//! - a content-named shard (dates, entities, related, widening) must hash to its name.
//!
//! The root itself lists no per-part hashes: it is fetched on every page open, and a sharded
//! index of 100k articles has ~37,000 numbered parts.
//!
//! # `SHRD`
//!
//! ```text
//! keys  first term of each term range
//! varint documents per part   varint document part count
//! keys  first id of each id range
//! bytes suffix   bytes dates shard   bytes entities shard ("" = none)   bytes related shard ("" = none)
//! varint documents per length part (0 = NORM in the root)   varint length part count
//! bytes widening shard ("" = WIDE in the root, or no entities)
//! varint dictionary part count (the term range count; 0 = none)
//! ```
//!
//! The last four fields are absent in a root of an older build: it reads as having no
//! lengths (documents rank as of average length), no widening table and no dictionary parts
//! (typo correction then scans only the term ranges of the word's first two letters).
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
//!
//! A shard the page could not load (HTTP 404, or refused by [`Root::verify_part`]) is marked
//! failed ([`LoadedShards::fail`]). A request that needs it then fails with
//! [`Error::PartFailed`] naming it, except that a failed document part costs only the
//! documents it holds: a search lists them as unavailable rather than failing.

use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;

use super::{varint, Error, Meta, Tag, Toc, META};

/// Root section tag: the shard manifest.
pub const SHRD: Tag = *b"SHRD";
/// Dates of every document (u32 YYYYMMDD, 0 = undated, in ordinal order): its own shard in a
/// sharded index, so the timeline needs no document text.
pub const DATE: Tag = *b"DATE";
/// A numbered part's own file name (UTF-8), checked when it is loaded ([`verify_part`]).
pub const PART: Tag = *b"PART";

/// Where a sharded index's shards come from (the page's cache of fetched files).
pub trait ShardSource {
    /// The bytes of the shard with this file name, if loaded. They must have passed
    /// [`verify_part`] (or [`Root::verify_part`]).
    fn shard(&self, name: &str) -> Option<&[u8]>;

    /// Why the shard with this file name could not be loaded, if it failed for good: a read
    /// that needs it reports [`Error::PartFailed`] instead of asking for it again.
    fn failure(&self, _name: &str) -> Option<&str> {
        None
    }
}

impl ShardSource for HashMap<String, Vec<u8>> {
    fn shard(&self, name: &str) -> Option<&[u8]> {
        self.get(name).map(Vec::as_slice)
    }
}

/// The shards of a sharded index loaded so far, each verified against the root as it is
/// added, and those that failed to load (the wasm's session cache).
#[derive(Debug, Default)]
pub struct LoadedShards {
    files: HashMap<String, Vec<u8>>,
    failed: HashMap<String, String>,
}

impl LoadedShards {
    /// Nothing loaded yet.
    pub fn new() -> LoadedShards {
        LoadedShards::default()
    }

    /// Adds shard `name` after [`Root::verify_part`]: fails, keeping nothing, if its bytes are
    /// damaged or not the part `root` names so.
    pub fn add(&mut self, root: &Root, name: &str, bytes: Vec<u8>) -> Result<(), Error> {
        root.verify_part(name, &bytes)?;
        self.failed.remove(name);
        self.files.insert(name.to_string(), bytes);
        Ok(())
    }

    /// Records that shard `name` could not be loaded, and why (`"HTTP 404"`): reads that need
    /// it fail with [`Error::PartFailed`], or for a document part, show it unavailable.
    pub fn fail(&mut self, name: &str, reason: &str) {
        if !self.files.contains_key(name) {
            self.failed.insert(name.to_string(), reason.to_string());
        }
    }

    /// Forgets that shard `name` failed, so that the next read that needs it asks for it again.
    pub fn retry(&mut self, name: &str) {
        self.failed.remove(name);
    }
}

impl ShardSource for LoadedShards {
    fn shard(&self, name: &str) -> Option<&[u8]> {
        self.files.get(name).map(Vec::as_slice)
    }

    fn failure(&self, name: &str) -> Option<&str> {
        self.failed.get(name).map(String::as_str)
    }
}

/// The shards a reader needed but did not have, in the order first asked for: those not
/// loaded yet, and those that failed to load (with why).
#[derive(Debug, Default)]
struct Misses {
    missing: RefCell<Vec<String>>,
    failed: RefCell<Vec<(String, String)>>,
}

impl Misses {
    fn add(&self, name: &str) {
        let mut names = self.missing.borrow_mut();
        if !names.iter().any(|n| n == name) {
            names.push(name.to_string());
        }
    }

    fn fail(&self, name: &str, reason: &str) {
        let mut failed = self.failed.borrow_mut();
        if !failed.iter().any(|(n, _)| n == name) {
            failed.push((name.to_string(), reason.to_string()));
        }
    }

    fn any(&self) -> bool {
        !self.missing.borrow().is_empty() || !self.failed.borrow().is_empty()
    }

    /// `NeedShards` for those not loaded yet; then `PartFailed` for the first failed one that
    /// `spare` does not excuse. Forgets them all.
    fn check(&self, spare: impl Fn(&str) -> bool) -> Result<(), Error> {
        let names = std::mem::take(&mut *self.missing.borrow_mut());
        let failed = std::mem::take(&mut *self.failed.borrow_mut());
        if !names.is_empty() {
            return Err(Error::NeedShards(names));
        }
        match failed.into_iter().find(|(name, _)| !spare(name)) {
            Some((name, reason)) => Err(Error::PartFailed { name, reason }),
            None => Ok(()),
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
        let norms = u64::from(manifest.norm_parts) * u64::from(manifest.norm_docs_per_part);
        if manifest.norm_parts > 0 && norms < u64::from(meta.doc_count) {
            return Err(Error::corrupt(SHRD, "length parts do not cover every document"));
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

    /// Checks that `bytes`, loaded as shard `name`, are that shard of this index: `name` is
    /// one this root lists ([`Error::UnknownPart`]), then [`verify_part`].
    pub fn verify_part(&self, name: &str, bytes: &[u8]) -> Result<(), Error> {
        if !self.manifest.lists(name) {
            return Err(Error::UnknownPart(name.to_string()));
        }
        verify_part(name, bytes)
    }
}

/// Checks that `bytes` are the shard called `name`: an index file whose checksum verifies
/// ([`Error::DamagedPart`]) and that is the part its name says ([`Error::WrongPart`]). A
/// content-named shard (`<16 hex digits>.dsr`) must hash to its name; a numbered part must
/// hold its own name in `PART`. The one check every loader of shards makes.
pub fn verify_part(name: &str, bytes: &[u8]) -> Result<(), Error> {
    let damaged = |error| Error::DamagedPart { name: name.to_string(), error: Box::new(error) };
    super::verify_checksum(bytes).map_err(damaged)?;
    let toc = Toc::read(bytes).map_err(damaged)?;
    let wrong = |holds: Option<String>| Err(Error::WrongPart { name: name.to_string(), holds });
    if is_content_name(name) {
        let actual = format!("{}.dsr", content_name(bytes));
        return if actual == name { Ok(()) } else { wrong(Some(actual)) };
    }
    match toc.optional(PART) {
        Some(own) if own == name.as_bytes() => Ok(()),
        Some(own) => wrong(Some(String::from_utf8_lossy(own).into_owned())),
        None => wrong(None),
    }
}

/// True for the name of a content-named shard: 16 lowercase hex digits, then `.dsr`.
fn is_content_name(name: &str) -> bool {
    name.strip_suffix(".dsr")
        .is_some_and(|h| h.len() == 16 && h.bytes().all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b)))
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

    /// The bytes of shard `name` if it is loaded, recording nothing.
    pub fn loaded(&self, name: &str) -> Option<&'a [u8]> {
        self.source.shard(name)
    }

    /// The bytes of shard `name`, or `None`, recording it as missing (or as failed, if it
    /// failed to load), if it is not loaded.
    pub fn file(&self, name: &str) -> Option<&'a [u8]> {
        let file = self.source.shard(name);
        if file.is_none() {
            match self.source.failure(name) {
                Some(reason) => self.misses.fail(name, reason),
                None => self.misses.add(name),
            }
        }
        file
    }

    /// Why shard `name` failed to load, if it did (without recording anything).
    pub fn failure(&self, name: &str) -> Option<&'a str> {
        self.source.failure(name)
    }

    /// The `tag` section of shard `name`: `Ok(None)`, recording the shard as missing, if it
    /// is not loaded; an error if a loaded shard lacks it.
    pub fn section(&self, name: &str, tag: Tag) -> Result<Option<&'a [u8]>, Error> {
        self.file(name).map(|file| Toc::read(file)?.require(tag)).transpose()
    }

    /// Fails with [`Error::NeedShards`] if a read since the last call needed a shard that is
    /// not loaded, or else with [`Error::PartFailed`] if one it needed failed to load (and
    /// forgets them).
    pub fn need(&self) -> Result<(), Error> {
        self.misses.check(|_| false)
    }

    /// [`Shards::need`], except that a document part that failed to load is no error: the
    /// reads of its documents report it one by one.
    pub fn need_sparing_docs(&self) -> Result<(), Error> {
        self.misses.check(|name| self.manifest.is_doc_part(name))
    }

    /// True if a read since the last [`Shards::need`] needed a shard that is not loaded (or
    /// failed to load).
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
    /// Documents per length part (`NORM` of ordinals `p·n .. (p+1)·n`); 0 when `NORM` is in
    /// the root (or, in a root of an older build, absent).
    pub norm_docs_per_part: u32,
    /// Number of length parts (0 when `NORM` is in the root).
    pub norm_parts: u32,
    /// File holding `WIDE` ("" when it is in the root, or the index has no entities).
    pub widening: String,
    /// Number of dictionary parts: one per term range, its `TERM` alone (no postings), what a
    /// typo scan over the whole dictionary reads. 0 in a root of an older build.
    pub dictionary_parts: u32,
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

    /// The file holding `TERM` alone of term range `i` (a dictionary part).
    pub fn dictionary_part_name(&self, i: usize) -> String {
        format!("w{i}-{}.dsr", self.suffix)
    }

    /// The file holding `NORM` of length part `part`.
    pub fn norm_part_name(&self, part: u32) -> String {
        format!("n{part}-{}.dsr", self.suffix)
    }

    /// The kind letter (`t`, `p`, `d`, `i`, `n`, `w`) and number of a numbered part of this index, if
    /// `name` is one (its number in range, its suffix this index's).
    fn numbered(&self, name: &str) -> Option<(u8, usize)> {
        let (head, suffix) = name.strip_suffix(".dsr")?.split_once('-')?;
        let kind = *head.as_bytes().first()?;
        let digits = &head[1..];
        if suffix != self.suffix || digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        let i: usize = digits.parse().ok()?;
        let count = match kind {
            b't' | b'p' => self.term_firsts.len(),
            b'd' => self.doc_parts as usize,
            b'i' => self.id_firsts.len(),
            b'n' => self.norm_parts as usize,
            b'w' => self.dictionary_parts as usize,
            _ => return None,
        };
        // "t03-…" is not "t3-…".
        (i < count && format!("{}{i}-{suffix}.dsr", kind as char) == name).then_some((kind, i))
    }

    /// True if `name` is a document part of this index.
    pub fn is_doc_part(&self, name: &str) -> bool {
        self.numbered(name).is_some_and(|(kind, _)| kind == b'd')
    }

    /// True if `name` is a shard of this index (the root aside).
    pub fn lists(&self, name: &str) -> bool {
        let single = [&self.dates, &self.entities, &self.related, &self.widening];
        single.iter().any(|s| !s.is_empty() && s.as_str() == name) || self.numbered(name).is_some()
    }

    /// Every shard's file name (the root aside), numbered parts first.
    pub fn file_names(&self) -> Vec<String> {
        let terms = self.term_firsts.len();
        let mut out: Vec<String> = (0..terms).map(|i| self.term_part_name(i)).collect();
        out.extend((0..terms).map(|i| self.positions_name(i)));
        out.extend((0..self.doc_parts).map(|p| self.doc_part_name(p)));
        out.extend((0..self.id_firsts.len()).map(|i| self.id_part_name(i)));
        out.extend((0..self.norm_parts).map(|p| self.norm_part_name(p)));
        out.extend((0..self.dictionary_parts as usize).map(|i| self.dictionary_part_name(i)));
        let single = [&self.dates, &self.entities, &self.related, &self.widening];
        out.extend(single.into_iter().filter(|s| !s.is_empty()).cloned());
        out
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
        varint::write(&mut out, u64::from(self.norm_docs_per_part));
        varint::write(&mut out, u64::from(self.norm_parts));
        put(&mut out, self.widening.as_bytes());
        varint::write(&mut out, u64::from(self.dictionary_parts));
        out
    }

    /// Decodes the section; fails on malformed bytes, never panics. The length parts and the
    /// widening shard may be absent (a root of an older build): none, then.
    pub fn read(bytes: &[u8]) -> Result<Manifest, Error> {
        let mut r = Cursor { bytes, at: 0 };
        let term_firsts = r.keys()?;
        let docs_per_part = r.u32()?;
        let doc_parts = r.u32()?;
        let id_firsts = r.keys()?;
        let mut m = Manifest {
            term_firsts,
            docs_per_part,
            doc_parts,
            id_firsts,
            suffix: r.str()?.to_string(),
            dates: r.str()?.to_string(),
            entities: r.str()?.to_string(),
            related: r.str()?.to_string(),
            ..Manifest::default()
        };
        if r.at < bytes.len() {
            m.norm_docs_per_part = r.u32()?;
            m.norm_parts = r.u32()?;
            m.widening = r.str()?.to_string();
        }
        if r.at < bytes.len() {
            m.dictionary_parts = r.u32()?;
        }
        if m.docs_per_part == 0 || m.term_firsts.is_empty() || m.id_firsts.is_empty() {
            return Err(Error::corrupt(SHRD, "no parts"));
        }
        if m.dictionary_parts != 0 && m.dictionary_parts as usize != m.term_firsts.len() {
            return Err(Error::corrupt(SHRD, "dictionary parts differ from term ranges"));
        }
        if m.norm_parts > 0 && m.norm_docs_per_part == 0 {
            return Err(Error::corrupt(SHRD, "length parts of no documents"));
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
            norm_docs_per_part: 2,
            norm_parts: 6,
            widening: "h.dsr".into(),
            dictionary_parts: 4,
        };
        let bytes = m.write();
        assert_eq!(Manifest::read(&bytes).unwrap(), m);
        // A root of an older build ends before the length parts and the widening shard.
        let older_end = bytes.len() - 9;
        let older = Manifest {
            norm_docs_per_part: 0,
            norm_parts: 0,
            widening: String::new(),
            dictionary_parts: 0,
            ..m.clone()
        };
        assert_eq!(Manifest::read(&bytes[..older_end]).unwrap(), older);
        let no_dictionary = Manifest { dictionary_parts: 0, ..m.clone() };
        assert_eq!(Manifest::read(&bytes[..bytes.len() - 1]).unwrap(), no_dictionary);
        assert_eq!((m.doc_part_name(2), m.term_part_name(1)), ("d2-abc.dsr".into(), "t1-abc.dsr".into()));
        for cut in (0..bytes.len()).filter(|&cut| cut != older_end && cut != bytes.len() - 1) {
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
