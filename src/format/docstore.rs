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

use super::shards::{part_of, Shards, DATE};
use super::{read_u32, Error, DIDS, DOCS};

/// Bytes per document record.
const RECORD_LEN: usize = 44;

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
    Sharded(Shards<'a>, std::cell::OnceCell<Option<&'a [u8]>>),
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

    /// The `count` documents of a sharded index, read from its document, id and date shards.
    pub fn sharded(count: u32, shards: Shards<'a>) -> DocStore<'a> {
        DocStore { count, store: Store::Sharded(shards, std::cell::OnceCell::new()) }
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
            Store::Sharded(shards, _) => {
                let name = shards.manifest.id_part_name(part_of(&shards.manifest.id_firsts, id.as_bytes()));
                fst::Map::new(shards.section(&name, DIDS).ok()??).ok()?.get(id)
            }
        };
        v.and_then(|v| u32::try_from(v).ok()).filter(|&o| o < self.count)
    }

    /// `(title length, body length)` in tokens, without touching the strings (for ranking).
    /// `None` in a sharded index: fetching every matching document's record to rank would
    /// cost more than the ranking gains, so all documents count as average length there.
    pub fn lengths(&self, ordinal: u32) -> Option<(u32, u32)> {
        match &self.store {
            Store::Whole { records, .. } => {
                Some((records.u32_at(ordinal, 36)?, records.u32_at(ordinal, 40)?))
            }
            Store::Sharded { .. } => None,
        }
    }

    /// The date (YYYYMMDD) of a document, if it has one; in a sharded index, read from the
    /// dates shard (recorded as missing if not loaded).
    pub fn date(&self, ordinal: u32) -> Option<u32> {
        let date = match &self.store {
            Store::Whole { records, .. } => records.u32_at(ordinal, 32)?,
            Store::Sharded(shards, dates) => {
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
        if let Store::Sharded(shards, _) = &self.store {
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
            Store::Sharded(shards, _) => {
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
