//! The on-disk index format: one file, versioned, documented here byte by byte. The native
//! indexer writes it with [`IndexWriter`]; the wasm reads it zero-copy with [`Index::open`].
//!
//! # Layout
//!
//! All integers are little-endian. Offsets are from the start of the file.
//!
//! | offset        | size       | field                                                   |
//! |---------------|------------|---------------------------------------------------------|
//! | 0             | 8          | [`MAGIC`] = `b"DOSSIER\0"`                              |
//! | 8             | 4          | format version, u32 = [`FORMAT_VERSION`]                |
//! | 12            | 4          | section count `n`, u32                                  |
//! | 16            | 12 × `n`   | table of contents: `tag [u8; 4]`, `offset u32`, `len u32` |
//! | …             | …          | section bytes, in table order, each starting 4-aligned |
//! | `len − 4`     | 4          | CRC-32 (IEEE) of every byte before it                   |
//!
//! Readers ignore sections whose tag they do not know, so sections can be added within a
//! version; changing an existing section's encoding bumps [`FORMAT_VERSION`].
//!
//! # Sections (version 1)
//!
//! | tag    | contents                                      | module              |
//! |--------|-----------------------------------------------|---------------------|
//! | `META` | corpus statistics                             | [`meta`]            |
//! | `TERM` | `fst::Map`: term → `(doc_freq << 32) \| postings offset` | [`postings`] |
//! | `POST` | per term: positions offset, then `(doc delta, tf title, tf body)` | [`postings`] |
//! | `POSN` | per posting: word positions, delta-encoded     | [`postings`]        |
//! | `DOCS` | document records and their strings             | [`docstore`]        |
//! | `DIDS` | `fst::Map`: document id → document ordinal     | [`docstore`]        |
//! | `ENTS` | entity records, aliases and mentions (optional) | [`entities`]       |
//! | `DENT` | per document: entities mentioned, with counts  | [`entities`]        |
//! | `EIDS` | `fst::Map`: entity id → entity ordinal          | [`entities`]        |
//! | `EALS` | `fst::Map`: one-word alias → entity ordinal     | [`entities`]        |
//!
//! | `RELS` | per document: most similar documents (optional) | [`related`]       |
//! | `SHRD` | the shard list of a sharded index's root        | [`shards`]        |
//! | `DATE` | every document's date, in a sharded index       | [`shards`]        |
//! | `PART` | a numbered shard's own file name, to check it is the part asked for | [`shards`] |
//! | `NORM` | per document: title (u16) and body (u32) length in tokens, in a sharded index | [`docstore`] |
//! | `WIDE` | `fst::Map`: one-word alias → the forms it widens to, in a sharded index | [`widen`] |
//!
//! The four entity sections are present together or not at all; an index without them (such
//! as one built before entities existed) reads as having no entities.
//!
//! Variable-length integers are unsigned LEB128 ([`varint`]): 7 bits a byte, low bits first,
//! high bit set on every byte but the last.
//!
//! # Cost and failure
//!
//! [`Index::open`] allocates nothing and copies nothing: it checks the magic, the version and
//! that every section lies inside the file, then borrows slices. It does not read the
//! checksum; [`Index::verify`] does (one pass over the bytes). Every decoder bounds-checks its
//! reads and returns [`Error`] on malformed data: no input makes the reader panic, provided a
//! file whose checksum verifies is a file this crate wrote (the `fst` crate itself trusts its
//! bytes, so an untrusted file must pass [`Index::verify`] before it is searched).
//!
//! ```
//! use dossier::{format::Index, indexer::Indexer, ingest::Document};
//! let mut ix = Indexer::new();
//! ix.add(Document::new("a", "Title", "Some text.")).unwrap();
//! let bytes = ix.finish().unwrap();
//! let index = Index::open(&bytes).unwrap();
//! index.verify().unwrap();
//! assert_eq!(index.meta().doc_count, 1);
//! ```

pub mod checksum;
pub mod doclists;
pub mod docstore;
pub mod entities;
pub mod meta;
pub mod postings;
pub mod related;
pub mod shards;
pub mod varint;
pub mod widen;

use std::fmt;

pub use docstore::{DocRecord, DocStore};
pub use entities::{Entities, EntityRecord, Kind};
pub use meta::Meta;
pub use postings::{Posting, PostingsReader, TermInfo};
pub use shards::{LoadedShards, Root, ShardSource, PART, SHRD};
use shards::{Manifest, Shards};

/// The first eight bytes of every index file.
pub const MAGIC: [u8; 8] = *b"DOSSIER\0";

/// The format version this crate writes and the only one it reads. Any other version is
/// refused with [`Error::Version`]: rebuild the index with this version of `dossier`.
pub const FORMAT_VERSION: u32 = 1;

/// Size of the fixed header: magic, version, section count.
const HEADER_LEN: usize = 16;
/// Size of one table-of-contents entry: tag, offset, length.
const TOC_ENTRY_LEN: usize = 12;
/// Size of the footer: the CRC-32.
const FOOTER_LEN: usize = 4;

/// A section's four-byte tag.
pub type Tag = [u8; 4];

/// Corpus statistics ([`meta`]).
pub const META: Tag = *b"META";
/// The term dictionary, an `fst::Map` ([`postings`]).
pub const TERM: Tag = *b"TERM";
/// Postings lists ([`postings`]).
pub const POST: Tag = *b"POST";
/// Word positions ([`postings`]).
pub const POSN: Tag = *b"POSN";
/// The document store ([`docstore`]).
pub const DOCS: Tag = *b"DOCS";
/// Document id → ordinal, an `fst::Map` ([`docstore`]).
pub const DIDS: Tag = *b"DIDS";

/// What can be wrong with index bytes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Error {
    /// The bytes do not start with [`MAGIC`]: not a Dossier index.
    BadMagic,
    /// The index was written by another format version.
    Version {
        /// The version this reader understands.
        expected: u32,
        /// The version found in the file.
        got: u32,
    },
    /// A section (or the header) needs more bytes than there are.
    Truncated {
        /// Which part was cut short.
        section: String,
        /// Bytes needed.
        need: usize,
        /// Bytes available.
        have: usize,
    },
    /// The stored CRC-32 does not match the bytes.
    Checksum {
        /// The CRC-32 stored in the footer.
        expected: u32,
        /// The CRC-32 computed over the file.
        got: u32,
    },
    /// A required section is absent.
    MissingSection(String),
    /// A sharded index needs these shards (file names) to answer; fetch them and ask again.
    NeedShards(Vec<String>),
    /// A shard of a sharded index is damaged: its header or checksum fails.
    DamagedPart {
        /// The shard's file name.
        name: String,
        /// What is wrong with its bytes.
        error: Box<Error>,
    },
    /// A shard's bytes are not the part its file name says (two files swapped on the host, or
    /// one left over from another build): see [`shards::verify_part`].
    WrongPart {
        /// The file name it was loaded as.
        name: String,
        /// The part the bytes are: the name in their `PART` section, or (for a content-named
        /// shard) the name their hash gives; `None` when a numbered part has no `PART` section.
        holds: Option<String>,
    },
    /// A file name the root of this sharded index does not list.
    UnknownPart(String),
    /// A shard that could not be loaded (the page's fetch failed, or the shard was refused);
    /// a request that cannot do without it fails with this instead of answering without it.
    PartFailed {
        /// The shard's file name.
        name: String,
        /// Why, as the loader reported it ("HTTP 404").
        reason: String,
    },
    /// A section's contents are malformed.
    Corrupt {
        /// The section's tag.
        section: String,
        /// What was wrong.
        detail: String,
    },
}

impl Error {
    pub(crate) fn corrupt(tag: Tag, detail: impl Into<String>) -> Error {
        Error::Corrupt { section: tag_name(tag), detail: detail.into() }
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::BadMagic => write!(f, "not a Dossier index (bad magic bytes)"),
            Error::Version { expected, got } => write!(
                f,
                "index format version {got} is not supported (this build reads version \
                 {expected}); rebuild the index with this version of dossier"
            ),
            Error::Truncated { section, need, have } => {
                write!(f, "index is truncated in {section}: needs {need} bytes, has {have}; rebuild it")
            }
            Error::Checksum { expected, got } => write!(
                f,
                "index checksum mismatch (stored {expected:08x}, computed {got:08x}): the file \
                 is corrupted; rebuild it"
            ),
            Error::MissingSection(tag) => write!(f, "index has no {tag} section; rebuild it"),
            Error::NeedShards(names) => write!(f, "index shards not loaded yet: {}", names.join(", ")),
            Error::DamagedPart { name, error } => write!(f, "index part {name} is damaged: {error}"),
            Error::WrongPart { name, holds } => {
                match holds {
                    Some(holds) => write!(f, "index part {name} holds {holds}")?,
                    None => write!(
                        f,
                        "index part {name} does not say which part it is (a file of an older build?)"
                    )?,
                }
                write!(f, ": the site's index files are mixed up; rebuild or re-upload it")
            }
            Error::UnknownPart(name) => write!(
                f,
                "{name} is not a part of this index (its root does not list it); reload the page, or \
                 rebuild the index"
            ),
            Error::PartFailed { name, reason } => write!(f, "index part {name} failed to load: {reason}"),
            Error::Corrupt { section, detail } => {
                write!(f, "index section {section} is corrupted: {detail}; rebuild it")
            }
        }
    }
}

impl std::error::Error for Error {}

/// What an index file is, told from its table of contents.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileKind {
    /// A whole index: every section in one file (what `dossier build` writes).
    Whole,
    /// The root of a sharded index (`root.dsr`: statistics and the shard list).
    ShardedRoot,
    /// One shard of a sharded index (a piece of the sections, no statistics).
    Shard,
}

impl FileKind {
    /// Reads the header and table of contents of `bytes` (no checksum pass).
    pub fn of(bytes: &[u8]) -> Result<FileKind, Error> {
        let toc = Toc::read(bytes)?;
        Ok(match (toc.optional(META).is_some(), toc.optional(SHRD).is_some()) {
            (true, true) => FileKind::ShardedRoot,
            (true, false) => FileKind::Whole,
            (false, _) => FileKind::Shard,
        })
    }
}

/// The printable name of a tag.
pub fn tag_name(tag: Tag) -> String {
    String::from_utf8_lossy(&tag).into_owned()
}

/// Reads a little-endian u32 at `at`, or `None` past the end.
pub(crate) fn read_u32(bytes: &[u8], at: usize) -> Option<u32> {
    let b = bytes.get(at..at.checked_add(4)?)?;
    Some(u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
}

/// Reads a little-endian u64 at `at`, or `None` past the end.
pub(crate) fn read_u64(bytes: &[u8], at: usize) -> Option<u64> {
    let lo = read_u32(bytes, at)?;
    let hi = read_u32(bytes, at.checked_add(4)?)?;
    Some(u64::from(lo) | (u64::from(hi) << 32))
}

/// Assembles sections into one index file: header, table of contents, sections, checksum.
///
/// Sections are written in the order they are added. Memory use is the sum of the sections.
#[derive(Default)]
pub struct IndexWriter {
    sections: Vec<(Tag, Vec<u8>)>,
}

impl IndexWriter {
    /// An empty writer.
    pub fn new() -> IndexWriter {
        IndexWriter::default()
    }

    /// Adds a section. Fails if the tag was already added.
    pub fn section(&mut self, tag: Tag, bytes: Vec<u8>) -> Result<(), Error> {
        if self.sections.iter().any(|(t, _)| *t == tag) {
            return Err(Error::corrupt(tag, "section written twice"));
        }
        self.sections.push((tag, bytes));
        Ok(())
    }

    /// Writes the file. Fails if the file would exceed 4 GiB (offsets are u32).
    pub fn finish(self) -> Result<Vec<u8>, Error> {
        let toc_end = HEADER_LEN + TOC_ENTRY_LEN * self.sections.len();
        let body: usize = self.sections.iter().map(|(_, b)| b.len() + 3).sum();
        let mut out = Vec::with_capacity(toc_end + body + FOOTER_LEN);
        out.extend_from_slice(&MAGIC);
        out.extend_from_slice(&FORMAT_VERSION.to_le_bytes());
        out.extend_from_slice(&(self.sections.len() as u32).to_le_bytes());
        out.resize(toc_end, 0);
        for (i, (tag, bytes)) in self.sections.iter().enumerate() {
            while out.len() % 4 != 0 {
                out.push(0);
            }
            let offset =
                u32::try_from(out.len()).map_err(|_| Error::corrupt(*tag, "index larger than 4 GiB"))?;
            let len =
                u32::try_from(bytes.len()).map_err(|_| Error::corrupt(*tag, "section larger than 4 GiB"))?;
            let entry = HEADER_LEN + i * TOC_ENTRY_LEN;
            out[entry..entry + 4].copy_from_slice(tag);
            out[entry + 4..entry + 8].copy_from_slice(&offset.to_le_bytes());
            out[entry + 8..entry + 12].copy_from_slice(&len.to_le_bytes());
            out.extend_from_slice(bytes);
        }
        let crc = checksum::crc32(&out);
        out.extend_from_slice(&crc.to_le_bytes());
        u32::try_from(out.len()).map_err(|_| Error::corrupt(META, "index larger than 4 GiB"))?;
        Ok(out)
    }
}

/// A read-only view of an index file: borrowed slices, no copies.
#[derive(Clone)]
pub struct Index<'a> {
    bytes: &'a [u8],
    meta: Meta,
    postings: PostingsReader<'a>,
    docs: DocStore<'a>,
    entities: Entities<'a>,
    related: related::Related<'a>,
    /// Sharded only: the widening table (`WIDE`), from the root or its loaded shard.
    widening: Option<widen::Widening<'a>>,
    /// Sharded only: the shards, and those a read needed but did not have.
    shards: Option<Shards<'a>>,
}

impl<'a> Index<'a> {
    /// Opens index bytes: checks magic, version and the table of contents, then borrows the
    /// sections. Cheap (no allocation beyond the fst headers); does not verify the checksum.
    pub fn open(bytes: &'a [u8]) -> Result<Index<'a>, Error> {
        let toc = Toc::read(bytes)?;
        if toc.optional(SHRD).is_some() {
            return Err(Error::corrupt(SHRD, "this is the root of a sharded index: open it with its shards"));
        }
        let meta = Meta::read(toc.require(META)?)?;
        let postings = PostingsReader::open(toc.require(TERM)?, toc.require(POST)?, toc.require(POSN)?)?;
        let docs = DocStore::open(toc.require(DOCS)?, toc.require(DIDS)?)?;
        if docs.len() != meta.doc_count as usize {
            return Err(Error::corrupt(DOCS, "document count differs from META"));
        }
        let entities = open_entities(&toc, meta.doc_count)?;
        let related = open_related(&toc, meta.doc_count)?;
        Ok(Index { bytes, meta, postings, docs, entities, related, widening: None, shards: None })
    }

    /// Opens the root of a sharded index (see [`shards`]), reading whatever shards `source`
    /// has. Cheap: the root is parsed already; loaded entity and related shards have their
    /// headers read. Reads that need a shard `source` lacks record it; [`Index::need`] then
    /// reports them all.
    pub fn open_sharded(root: &'a Root, source: &'a dyn ShardSource) -> Result<Index<'a>, Error> {
        let meta = *root.meta();
        let manifest = root.manifest();
        let shards = Shards::new(manifest, source);
        let optional = |name: &str| (!name.is_empty()).then(|| source.shard(name)).flatten();
        let entities = match optional(&manifest.entities) {
            Some(file) => open_entities(&Toc::read(file)?, meta.doc_count)?,
            None => Entities::empty(),
        };
        let related = match optional(&manifest.related) {
            Some(file) => open_related(&Toc::read(file)?, meta.doc_count)?,
            None => related::Related::default(),
        };
        let root_toc = Toc::read(root.bytes())?;
        let wide = match root_toc.optional(widen::WIDE) {
            Some(section) => Some(section),
            None => {
                optional(&manifest.widening).map(|file| Toc::read(file)?.require(widen::WIDE)).transpose()?
            }
        };
        Ok(Index {
            bytes: root.bytes(),
            meta,
            postings: PostingsReader::sharded(shards.clone()),
            docs: DocStore::sharded(meta.doc_count, shards.clone(), root_toc.optional(docstore::NORM)),
            entities,
            related,
            widening: wide.map(widen::Widening::open).transpose()?,
            shards: Some(shards),
        })
    }

    /// True for the root of a sharded index.
    pub fn is_sharded(&self) -> bool {
        self.shards.is_some()
    }

    /// Fails with [`Error::NeedShards`] if a read since the last call needed a shard that is
    /// not loaded (always `Ok` for an embedded index).
    pub fn need(&self) -> Result<(), Error> {
        self.shards.as_ref().map_or(Ok(()), Shards::need)
    }

    /// True if a read since the last [`Index::need`] needed a shard that is not loaded (never
    /// for an embedded index): what was read so far may look emptier than it is.
    pub fn pending(&self) -> bool {
        self.shards.as_ref().is_some_and(Shards::pending)
    }

    /// [`Index::need`], after asking for the document part of every one of `docs`, so that a
    /// request fetches all the documents it shows in one round. A document part that failed to
    /// load is no error here: [`DocStore::get`] reports it for each of its documents
    /// ([`Error::PartFailed`]), so a caller can do without them.
    pub fn need_docs(&self, docs: impl IntoIterator<Item = u32>) -> Result<(), Error> {
        docs.into_iter().for_each(|d| self.docs.touch(d));
        self.shards.as_ref().map_or(Ok(()), Shards::need_sparing_docs)
    }

    /// In a sharded index, records the optional shard `name` as missing if it is not loaded.
    fn want(&self, name: impl Fn(&Manifest) -> &str) {
        if let Some(shards) = &self.shards {
            let name = name(shards.manifest);
            if !name.is_empty() {
                shards.file(name);
            }
        }
    }

    /// Recomputes the CRC-32 over the whole file and compares it with the footer.
    /// Costs one pass over the bytes.
    pub fn verify(&self) -> Result<(), Error> {
        verify_checksum(self.bytes)
    }

    /// Corpus statistics.
    pub fn meta(&self) -> &Meta {
        &self.meta
    }

    /// The term dictionary and postings.
    pub fn postings(&self) -> &PostingsReader<'a> {
        &self.postings
    }

    /// The document store.
    pub fn docs(&self) -> &DocStore<'a> {
        &self.docs
    }

    /// The entities (empty if the index has none; in a sharded index, empty and recorded as
    /// missing until the entities shard is loaded).
    pub fn entities(&self) -> &Entities<'a> {
        self.want(|m| &m.entities);
        &self.entities
    }

    /// The one-word forms a search for `word` widens to, when `word` is an unambiguous
    /// one-word alias of an entity ([`Entities::widening`]): read from the entities of an
    /// embedded index, or from the widening table (`WIDE`, [`widen`]) of a sharded one, the
    /// same forms in the same order. Sharded, the table is in the root or in its own small
    /// shard, recorded as missing (no forms meanwhile: the request then fails with
    /// [`Error::NeedShards`]) if not loaded; never the whole entities shard.
    pub fn alias_forms(&self, word: &str) -> Vec<String> {
        let Some(shards) = &self.shards else { return self.entities.widening(word) };
        if let Some(table) = &self.widening {
            return table.forms(word);
        }
        if !shards.manifest.widening.is_empty() {
            shards.file(&shards.manifest.widening);
        }
        Vec::new()
    }

    /// Related documents (none if the index has no `RELS` section; in a sharded index, none
    /// and recorded as missing until the related shard is loaded).
    pub fn related(&self) -> &related::Related<'a> {
        self.want(|m| &m.related);
        &self.related
    }

    /// The whole file, as given to [`Index::open`].
    pub fn bytes(&self) -> &'a [u8] {
        self.bytes
    }
}

fn open_entities<'a>(toc: &Toc<'a>, doc_count: u32) -> Result<Entities<'a>, Error> {
    match toc.optional(entities::ENTS) {
        None => Ok(Entities::empty()),
        Some(ents) => Entities::open(
            ents,
            toc.require(entities::DENT)?,
            toc.require(entities::EIDS)?,
            toc.require(entities::EALS)?,
            doc_count,
        ),
    }
}

fn open_related<'a>(toc: &Toc<'a>, doc_count: u32) -> Result<related::Related<'a>, Error> {
    match toc.optional(related::RELS) {
        Some(bytes) => related::Related::open(bytes, doc_count),
        None => Ok(related::Related::default()),
    }
}

/// Checks the footer CRC-32 of raw index bytes.
pub fn verify_checksum(bytes: &[u8]) -> Result<(), Error> {
    let split = bytes.len().checked_sub(FOOTER_LEN).ok_or(Error::Truncated {
        section: "footer".into(),
        need: FOOTER_LEN,
        have: bytes.len(),
    })?;
    let expected = read_u32(bytes, split).unwrap_or(0);
    let got = checksum::crc32(&bytes[..split]);
    if expected == got {
        Ok(())
    } else {
        Err(Error::Checksum { expected, got })
    }
}

/// The parsed table of contents: where each section lies.
pub(crate) struct Toc<'a> {
    bytes: &'a [u8],
    entries: Vec<(Tag, usize, usize)>,
}

impl<'a> Toc<'a> {
    pub(crate) fn read(bytes: &'a [u8]) -> Result<Toc<'a>, Error> {
        let truncated = |need| Error::Truncated { section: "header".into(), need, have: bytes.len() };
        if bytes.len() < HEADER_LEN + FOOTER_LEN {
            if bytes.len() >= MAGIC.len() && bytes[..MAGIC.len()] != MAGIC {
                return Err(Error::BadMagic);
            }
            return Err(truncated(HEADER_LEN + FOOTER_LEN));
        }
        if bytes[..MAGIC.len()] != MAGIC {
            return Err(Error::BadMagic);
        }
        let version = read_u32(bytes, 8).ok_or_else(|| truncated(12))?;
        if version != FORMAT_VERSION {
            return Err(Error::Version { expected: FORMAT_VERSION, got: version });
        }
        let count = read_u32(bytes, 12).ok_or_else(|| truncated(16))? as usize;
        let toc_end = count
            .checked_mul(TOC_ENTRY_LEN)
            .and_then(|n| n.checked_add(HEADER_LEN))
            .ok_or_else(|| truncated(usize::MAX))?;
        let body_end = bytes.len() - FOOTER_LEN;
        if toc_end > body_end {
            return Err(truncated(toc_end + FOOTER_LEN));
        }
        let mut entries = Vec::with_capacity(count);
        for i in 0..count {
            let at = HEADER_LEN + i * TOC_ENTRY_LEN;
            let tag: Tag = [bytes[at], bytes[at + 1], bytes[at + 2], bytes[at + 3]];
            let offset = read_u32(bytes, at + 4).unwrap_or(0) as usize;
            let len = read_u32(bytes, at + 8).unwrap_or(0) as usize;
            let end = offset.saturating_add(len);
            if offset < toc_end || end > body_end {
                return Err(Error::Truncated {
                    section: tag_name(tag),
                    need: end.saturating_add(FOOTER_LEN),
                    have: bytes.len(),
                });
            }
            entries.push((tag, offset, len));
        }
        Ok(Toc { bytes, entries })
    }

    pub(crate) fn require(&self, tag: Tag) -> Result<&'a [u8], Error> {
        self.optional(tag).ok_or_else(|| Error::MissingSection(tag_name(tag)))
    }

    pub(crate) fn optional(&self, tag: Tag) -> Option<&'a [u8]> {
        self.entries
            .iter()
            .find(|(t, _, _)| *t == tag)
            .map(|&(_, offset, len)| &self.bytes[offset..offset + len])
    }
}

#[cfg(test)]
mod tests;
