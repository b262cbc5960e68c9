//! `META`: corpus statistics, 24 bytes.
//!
//! | offset | size | field                                        |
//! |--------|------|----------------------------------------------|
//! | 0      | 4    | document count, u32                          |
//! | 4      | 4    | distinct term count, u32                     |
//! | 8      | 8    | title tokens in the corpus, u64 (for BM25F)  |
//! | 16     | 8    | body tokens in the corpus, u64               |

use super::{read_u32, read_u64, Error, META};

/// Byte length of the section.
const LEN: usize = 24;

/// Corpus statistics used for ranking and reporting.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Meta {
    /// Number of documents.
    pub doc_count: u32,
    /// Number of distinct terms in the dictionary.
    pub term_count: u32,
    /// Sum of title lengths, in tokens.
    pub title_tokens: u64,
    /// Sum of body lengths, in tokens.
    pub body_tokens: u64,
}

impl Meta {
    /// Encodes the section.
    pub fn write(&self) -> Vec<u8> {
        let mut out = Vec::with_capacity(LEN);
        out.extend_from_slice(&self.doc_count.to_le_bytes());
        out.extend_from_slice(&self.term_count.to_le_bytes());
        out.extend_from_slice(&self.title_tokens.to_le_bytes());
        out.extend_from_slice(&self.body_tokens.to_le_bytes());
        out
    }

    /// Decodes the section; fails if it is not exactly 24 bytes.
    pub fn read(bytes: &[u8]) -> Result<Meta, Error> {
        if bytes.len() != LEN {
            return Err(Error::corrupt(META, format!("{} bytes, expected {LEN}", bytes.len())));
        }
        Ok(Meta {
            doc_count: read_u32(bytes, 0).unwrap_or(0),
            term_count: read_u32(bytes, 4).unwrap_or(0),
            title_tokens: read_u64(bytes, 8).unwrap_or(0),
            body_tokens: read_u64(bytes, 16).unwrap_or(0),
        })
    }

    /// Mean title length in tokens (1 for an empty corpus, so ranking never divides by zero).
    pub fn avg_title_len(&self) -> f64 {
        mean(self.title_tokens, self.doc_count)
    }

    /// Mean body length in tokens (1 for an empty corpus).
    pub fn avg_body_len(&self) -> f64 {
        mean(self.body_tokens, self.doc_count)
    }
}

fn mean(total: u64, count: u32) -> f64 {
    if count == 0 || total == 0 {
        1.0
    } else {
        total as f64 / f64::from(count)
    }
}
