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

/// Reads documents from borrowed `DOCS` and `DIDS` bytes.
#[derive(Clone)]
pub struct DocStore<'a> {
    count: u32,
    records: &'a [u8],
    blob: &'a [u8],
    ids: fst::Map<&'a [u8]>,
}

impl<'a> DocStore<'a> {
    /// Borrows the sections; checks that the records fit.
    pub fn open(docs: &'a [u8], dids: &'a [u8]) -> Result<DocStore<'a>, Error> {
        let count = read_u32(docs, 0).ok_or_else(|| Error::corrupt(DOCS, "no document count"))?;
        let records_end = (count as usize)
            .checked_mul(RECORD_LEN)
            .and_then(|n| n.checked_add(4))
            .filter(|&end| end <= docs.len())
            .ok_or(Error::Truncated {
                section: "DOCS".into(),
                need: count as usize * RECORD_LEN,
                have: docs.len(),
            })?;
        let ids = fst::Map::new(dids).map_err(|e| Error::corrupt(DIDS, e.to_string()))?;
        if ids.len() != count as usize {
            return Err(Error::corrupt(DIDS, "id count differs from document count"));
        }
        Ok(DocStore { count, records: &docs[4..records_end], blob: &docs[records_end..], ids })
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
        self.ids.get(id).and_then(|v| u32::try_from(v).ok()).filter(|&o| o < self.count)
    }

    /// `(title length, body length)` in tokens, without touching the strings (for ranking).
    pub fn lengths(&self, ordinal: u32) -> Option<(u32, u32)> {
        let at = self.record_at(ordinal)?;
        Some((read_u32(self.records, at + 36)?, read_u32(self.records, at + 40)?))
    }

    /// The document with this ordinal; an error if the record is malformed or out of range.
    pub fn get(&self, ordinal: u32) -> Result<DocRecord<'a>, Error> {
        let at =
            self.record_at(ordinal).ok_or_else(|| Error::corrupt(DOCS, format!("no document {ordinal}")))?;
        let field = |i: usize| -> Result<&'a str, Error> {
            let offset = read_u32(self.records, at + i * 8).unwrap_or(u32::MAX) as usize;
            let len = read_u32(self.records, at + i * 8 + 4).unwrap_or(u32::MAX) as usize;
            let bytes = offset
                .checked_add(len)
                .and_then(|end| self.blob.get(offset..end))
                .ok_or_else(|| Error::corrupt(DOCS, format!("document {ordinal}: string out of bounds")))?;
            std::str::from_utf8(bytes)
                .map_err(|_| Error::corrupt(DOCS, format!("document {ordinal}: invalid UTF-8")))
        };
        let url = field(2)?;
        let date = read_u32(self.records, at + 32).unwrap_or(0);
        let (title_len, body_len) = self.lengths(ordinal).unwrap_or((0, 0));
        Ok(DocRecord {
            ordinal,
            id: field(0)?,
            title: field(1)?,
            url: (!url.is_empty()).then_some(url),
            text: field(3)?,
            date: (date != 0).then_some(date),
            title_len,
            body_len,
        })
    }

    fn record_at(&self, ordinal: u32) -> Option<usize> {
        (ordinal < self.count).then_some(ordinal as usize * RECORD_LEN)
    }
}
