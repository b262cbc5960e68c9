//! `DOCS` and `DIDS`: the document store (for results, excerpts and the reader) and the
//! id → ordinal map.
//!
//! `DOCS` starts with a u32 document count, then one 44-byte record per document in ordinal
//! order, then a blob of UTF-8 strings the records point into (offsets relative to the blob):
//!
//! | offset | size | field                                     |
//! |--------|------|-------------------------------------------|
//! | 0      | 8    | id: offset u32, length u32                |
//! | 8      | 8    | title: offset u32, length u32             |
//! | 16     | 8    | url: offset u32, length u32 (0 = no url)  |
//! | 24     | 8    | text: offset u32, length u32              |
//! | 32     | 4    | date as decimal YYYYMMDD, u32 (0 = undated) |
//! | 36     | 4    | title length in tokens, u32               |
//! | 40     | 4    | body length in tokens, u32                |
//!
//! `DIDS` is an `fst::Map` from document id to ordinal.
//!
//! `NORM` (written only for a sharded index, [`crate::shard`]) holds what ranking needs of
//! each document, [`NORM_RECORD_LEN`] bytes per ordinal: title length in tokens as a u16,
//! then body length in tokens as a u32. Title lengths are clamped to 65,535 ([`clamp_lengths`])
//! and so are those ranking reads from `DOCS`, so both layouts rank alike. In the root of a
//! sharded index when small, else in ordinal-range parts ([`super::shards`]).

use super::shards::{part_of, Shards, DATE};
use super::{read_u32, Error, Tag, DIDS, DOCS};

/// Bytes per document record.
const RECORD_LEN: usize = 44;

/// Section tag: per document, its title and body lengths in tokens (what ranking reads).
pub const NORM: Tag = *b"NORM";

/// Bytes per document in `NORM`: u16 title length, u32 body length.
pub const NORM_RECORD_LEN: usize = 6;

/// `(title length, body length)` as ranking sees them in either layout: the title length
/// clamped to what `NORM` holds (u16). No real title comes near 65,535 tokens.
pub fn clamp_lengths((title, body): (u32, u32)) -> (u32, u32) {
    (title.min(u32::from(u16::MAX)), body)
}

/// Appends one document's `NORM` record (lengths clamped, [`clamp_lengths`]).
pub fn put_norm(out: &mut Vec<u8>, lengths: (u32, u32)) {
    let (title, body) = clamp_lengths(lengths);
    out.extend_from_slice(&(title as u16).to_le_bytes());
    out.extend_from_slice(&body.to_le_bytes());
}

/// Reads record `i` of a `NORM` section (or part), if it is there.
fn read_norm(norm: &[u8], i: u32) -> Option<(u32, u32)> {
    let at = (i as usize).checked_mul(NORM_RECORD_LEN)?;
    let title = norm.get(at..at.checked_add(2)?)?;
    Some((u32::from(u16::from_le_bytes([title[0], title[1]])), read_u32(norm, at + 2)?))
}

/// One stored document, borrowed from the index bytes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DocRecord<'a> {
    /// Ordinal (position in the store; what postings refer to).
    pub ordinal: u32,
    /// The document id (file stem or JSONL `id`).
    pub id: &'a str,
    /// The title.
    pub title: &'a str,
    /// The source URL, if any.
    pub url: Option<&'a str>,
    /// The full text, paragraphs separated by newlines.
    pub text: &'a str,
    /// The date as YYYYMMDD, if known.
    pub date: Option<u32>,
    /// Title length in tokens.
    pub title_len: u32,
    /// Body length in tokens.
    pub body_len: u32,
}

impl DocRecord<'_> {
    /// The date as `YYYY-MM-DD`, if known.
    pub fn date_string(&self) -> Option<String> {
        self.date.map(|d| format!("{:04}-{:02}-{:02}", d / 10000, d / 100 % 100, d % 100))
    }
}

/// Parses `YYYY-MM-DD` (a valid calendar date) into YYYYMMDD.
pub fn parse_date(s: &str) -> Option<u32> {
    let b = s.as_bytes();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return None;
    }
    let num = |r: std::ops::Range<usize>| s.get(r)?.parse::<u32>().ok();
    let (y, m, d) = (num(0..4)?, num(5..7)?, num(8..10)?);
    let leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    let days = [31, if leap { 29 } else { 28 }, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
    let valid = (1..=12).contains(&m) && d >= 1 && d <= days[(m - 1) as usize];
    valid.then_some(y * 10000 + m * 100 + d)
}

/// Fields of one document to store.
pub struct StoredDoc<'a> {
    /// Document id; must be unique.
    pub id: &'a str,
    /// Title.
    pub title: &'a str,
    /// URL, if any.
    pub url: Option<&'a str>,
    /// Full text.
    pub text: &'a str,
    /// Date as YYYYMMDD, if any.
    pub date: Option<u32>,
    /// Title length in tokens.
    pub title_len: u32,
    /// Body length in tokens.
    pub body_len: u32,
}

/// Builds `DOCS` and `DIDS`. Documents get ordinals in the order they are added.
#[derive(Default)]
pub struct DocStoreWriter {
    records: Vec<u8>,
    blob: Vec<u8>,
    ids: Vec<(String, u32)>,
}

impl DocStoreWriter {
    /// An empty writer.
    pub fn new() -> DocStoreWriter {
        DocStoreWriter::default()
    }

    /// Number of documents added so far.
    pub fn len(&self) -> u32 {
        self.ids.len() as u32
    }

    /// True when no document was added.
    pub fn is_empty(&self) -> bool {
        self.ids.is_empty()
    }

    /// Appends a document and returns its ordinal. Fails past 4 GiB of text.
    pub fn add(&mut self, doc: &StoredDoc<'_>) -> Result<u32, Error> {
        let ordinal = self.len();
        for s in [doc.id, doc.title, doc.url.unwrap_or(""), doc.text] {
            let offset = u32::try_from(self.blob.len()).map_err(|_| Error::corrupt(DOCS, "over 4 GiB"))?;
            let len = u32::try_from(s.len()).map_err(|_| Error::corrupt(DOCS, "string over 4 GiB"))?;
            self.records.extend_from_slice(&offset.to_le_bytes());
            self.records.extend_from_slice(&len.to_le_bytes());
            self.blob.extend_from_slice(s.as_bytes());
        }
        for v in [doc.date.unwrap_or(0), doc.title_len, doc.body_len] {
            self.records.extend_from_slice(&v.to_le_bytes());
        }
        self.ids.push((doc.id.to_string(), ordinal));
        Ok(ordinal)
    }

    /// Returns `(DOCS, DIDS)`. Fails on a duplicate id.
    pub fn finish(mut self) -> Result<(Vec<u8>, Vec<u8>), Error> {
        let mut docs = Vec::with_capacity(4 + self.records.len() + self.blob.len());
        docs.extend_from_slice(&self.len().to_le_bytes());
        docs.append(&mut self.records);
        docs.append(&mut self.blob);
        self.ids.sort();
        let mut map = fst::MapBuilder::memory();
        for (id, ordinal) in &self.ids {
            map.insert(id, u64::from(*ordinal))
                .map_err(|e| Error::corrupt(DIDS, format!("document id {id:?}: {e}")))?;
        }
        let dids = map.into_inner().map_err(|e| Error::corrupt(DIDS, e.to_string()))?;
        Ok((docs, dids))
    }
}

/// Reads documents from borrowed `DOCS` and `DIDS` bytes, or from the document, id and date
/// shards of a sharded index (see [`super::shards`]).
#[derive(Clone)]
pub struct DocStore<'a> {
    count: u32,
    store: Store<'a>,
}

#[derive(Clone)]
enum Store<'a> {
    /// Every document in one `DOCS` section.
    Whole { records: Part<'a>, ids: fst::Map<&'a [u8]> },
    /// Documents in parts fetched on demand, and the dates shard once looked up (a date is
    /// read per document in filters and timelines).
    Sharded(Shards<'a>, std::cell::OnceCell<Option<&'a [u8]>>, Norms<'a>),
}

/// Where a sharded index's `NORM` records are: the root's section, or the parts loaded so far
/// (looked up once each per request: ranking reads one record per posting).
#[derive(Clone)]
struct Norms<'a> {
    root: Option<&'a [u8]>,
    parts: std::cell::RefCell<std::collections::HashMap<u32, &'a [u8]>>,
}

/// The records and strings of a run of documents.
#[derive(Clone, Copy)]
struct Part<'a> {
    count: u32,
    records: &'a [u8],
    blob: &'a [u8],
}

impl<'a> Part<'a> {
    fn open(docs: &'a [u8]) -> Result<Part<'a>, Error> {
        let count = read_u32(docs, 0).ok_or_else(|| Error::corrupt(DOCS, "no document count"))?;
        let records_end = (count as usize)
            .checked_mul(RECORD_LEN)
            .and_then(|n| n.checked_add(4))
            .filter(|&end| end <= docs.len())
            .ok_or_else(|| Error::Truncated {
                section: "DOCS".into(),
                need: (count as usize).saturating_mul(RECORD_LEN),
                have: docs.len(),
            })?;
        Ok(Part { count, records: &docs[4..records_end], blob: &docs[records_end..] })
    }

    fn record_at(&self, i: u32) -> Option<usize> {
        (i < self.count).then_some(i as usize * RECORD_LEN)
    }

    fn u32_at(&self, i: u32, field: usize) -> Option<u32> {
        read_u32(self.records, self.record_at(i)? + field)
    }

    /// Record `i` of the part, which is document `ordinal`.
    fn get(&self, i: u32, ordinal: u32) -> Result<DocRecord<'a>, Error> {
        let at = self.record_at(i).ok_or_else(|| Error::corrupt(DOCS, format!("no document {ordinal}")))?;
        let field = |f: usize| -> Result<&'a str, Error> {
            let offset = read_u32(self.records, at + f * 8).unwrap_or(u32::MAX) as usize;
            let len = read_u32(self.records, at + f * 8 + 4).unwrap_or(u32::MAX) as usize;
            let bytes = offset
                .checked_add(len)
                .and_then(|end| self.blob.get(offset..end))
                .ok_or_else(|| Error::corrupt(DOCS, format!("document {ordinal}: string out of bounds")))?;
            std::str::from_utf8(bytes)
                .map_err(|_| Error::corrupt(DOCS, format!("document {ordinal}: invalid UTF-8")))
        };
        let url = field(2)?;
        let date = self.u32_at(i, 32).unwrap_or(0);
        Ok(DocRecord {
            ordinal,
            id: field(0)?,
            title: field(1)?,
            url: (!url.is_empty()).then_some(url),
            text: field(3)?,
            date: (date != 0).then_some(date),
            title_len: self.u32_at(i, 36).unwrap_or(0),
            body_len: self.u32_at(i, 40).unwrap_or(0),
        })
    }
}

impl<'a> DocStore<'a> {
    /// Borrows the sections; checks that the records fit.
    pub fn open(docs: &'a [u8], dids: &'a [u8]) -> Result<DocStore<'a>, Error> {
        let records = Part::open(docs)?;
        let ids = fst::Map::new(dids).map_err(|e| Error::corrupt(DIDS, e.to_string()))?;
        if ids.len() != records.count as usize {
            return Err(Error::corrupt(DIDS, "id count differs from document count"));
        }
        Ok(DocStore { count: records.count, store: Store::Whole { records, ids } })
    }

    /// The `count` documents of a sharded index, read from its document, id, date and
    /// length shards; `norm` is the root's `NORM` section, if the lengths are there.
    pub fn sharded(count: u32, shards: Shards<'a>, norm: Option<&'a [u8]>) -> DocStore<'a> {
        let norms = Norms { root: norm, parts: Default::default() };
        DocStore { count, store: Store::Sharded(shards, std::cell::OnceCell::new(), norms) }
    }

    /// Number of documents.
    pub fn len(&self) -> usize {
        self.count as usize
    }

    /// True for an empty corpus.
    pub fn is_empty(&self) -> bool {
        self.count == 0
    }

    /// The ordinal of the document with this id.
    pub fn ordinal(&self, id: &str) -> Option<u32> {
        let v = match &self.store {
            Store::Whole { ids, .. } => ids.get(id),
            Store::Sharded(shards, ..) => {
                let name = shards.manifest.id_part_name(part_of(&shards.manifest.id_firsts, id.as_bytes()));
                fst::Map::new(shards.section(&name, DIDS).ok()??).ok()?.get(id)
            }
        };
        v.and_then(|v| u32::try_from(v).ok()).filter(|&o| o < self.count)
    }

    /// `(title length, body length)` in tokens, without touching the strings (for ranking),
    /// clamped alike in both layouts ([`clamp_lengths`]). In a sharded index, read from `NORM`:
    /// the root's, or a length part, recorded as missing (`None` meanwhile: the request then
    /// fails with [`Error::NeedShards`], so no answer is ranked without it). `None` too for
    /// the root of an older build without `NORM` (all documents count as average length).
    pub fn lengths(&self, ordinal: u32) -> Option<(u32, u32)> {
        match &self.store {
            Store::Whole { records, .. } => {
                Some(clamp_lengths((records.u32_at(ordinal, 36)?, records.u32_at(ordinal, 40)?)))
            }
            Store::Sharded(shards, _, norms) => {
                if let Some(norm) = norms.root {
                    return read_norm(norm, ordinal);
                }
                let m = shards.manifest;
                if m.norm_parts == 0 || m.norm_docs_per_part == 0 || ordinal >= self.count {
                    return None;
                }
                let part = ordinal / m.norm_docs_per_part;
                let found = norms.parts.borrow().get(&part).copied();
                let bytes = match found {
                    Some(bytes) => bytes,
                    None => {
                        let bytes = shards.section(&m.norm_part_name(part), NORM).ok()??;
                        norms.parts.borrow_mut().insert(part, bytes);
                        bytes
                    }
                };
                read_norm(bytes, ordinal - part * m.norm_docs_per_part)
            }
        }
    }

    /// The date (YYYYMMDD) of a document, if it has one; in a sharded index, read from the
    /// dates shard (recorded as missing if not loaded).
    pub fn date(&self, ordinal: u32) -> Option<u32> {
        let date = match &self.store {
            Store::Whole { records, .. } => records.u32_at(ordinal, 32)?,
            Store::Sharded(shards, dates, _) => {
                let dates = dates.get_or_init(|| shards.section(&shards.manifest.dates, DATE).ok().flatten());
                read_u32((*dates)?, (ordinal as usize).checked_mul(4)?)?
            }
        };
        (date != 0).then_some(date)
    }

    /// In a sharded index, records the part of document `ordinal` as missing if it is not
    /// loaded (so a caller can ask for every part it needs at once). An ordinal past the last
    /// document names no part: [`DocStore::get`] reports it.
    pub fn touch(&self, ordinal: u32) {
        if let Store::Sharded(shards, ..) = &self.store {
            if ordinal < self.count {
                shards.file(&shards.manifest.doc_part_name(ordinal / shards.manifest.docs_per_part));
            }
        }
    }

    /// The document with this ordinal; an error if the record is malformed or out of range,
    /// or (sharded) if its part is not loaded ([`Error::NeedShards`]) or failed to load
    /// ([`Error::PartFailed`]).
    pub fn get(&self, ordinal: u32) -> Result<DocRecord<'a>, Error> {
        if ordinal >= self.count {
            return Err(Error::corrupt(DOCS, format!("no document {ordinal}")));
        }
        match &self.store {
            Store::Whole { records, .. } => records.get(ordinal, ordinal),
            Store::Sharded(shards, ..) => {
                let part = ordinal / shards.manifest.docs_per_part;
                let name = shards.manifest.doc_part_name(part);
                if let Some(reason) = shards.failure(&name) {
                    return Err(Error::PartFailed { reason: reason.to_string(), name });
                }
                let docs = shards.section(&name, DOCS)?.ok_or(Error::NeedShards(vec![name]))?;
                Part::open(docs)?.get(ordinal - part * shards.manifest.docs_per_part, ordinal)
            }
        }
    }
}
