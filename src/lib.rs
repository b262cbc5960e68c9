//! # Dossier
//!
//! A news-corpus explorer that runs entirely in the browser. At build time (native) the
//! corpus is ingested, analysed and written as one versioned binary index; at run time the
//! same crate, compiled to WebAssembly, reads that index zero-copy (embedded with
//! `include_bytes!`) and answers searches.
//!
//! ## Overview of modules
//! - [`analysis`]: normalize → tokenize, shared by build and query so both see the same terms.
//! - [`format`]: the on-disk index format, documented byte by byte; writer and reader side by side.
//! - [`query`]: parse a query, match it against the index, rank, and cut excerpts.
//! - `ingest` (native only): `.txt`, `.md`, `.html`, `.jsonl`, `.csv`, `.tsv`, RSS/Atom, `.docx`,
//!   `.pdf` files → [`ingest::Document`]s.
//! - `indexer` (native only): a stream of documents → an index file.
//! - `shard` (native only): an index file → the root and shards of a sharded index.
//! - `wasm` (wasm32 only): the JavaScript boundary, every `#[wasm_bindgen]` item.
//!
//! ## Example
//! ```
//! use dossier::{indexer::Indexer, ingest::Document, query::{Searcher, SearchOptions}};
//! let mut ix = Indexer::new();
//! ix.add(Document::new("a", "Kellogg in Kyiv", "Keith Kellogg met Zelenskyy.")).unwrap();
//! ix.add(Document::new("b", "Talks", "Witkoff met Putin.")).unwrap();
//! let bytes = ix.finish().unwrap();
//! let searcher = Searcher::open(&bytes).unwrap();
//! let hits = searcher.search("kellogg", &SearchOptions::default()).unwrap();
//! assert_eq!(hits.results[0].id, "a");
//! ```
#![deny(missing_docs)]

pub mod analysis;
#[cfg(not(target_arch = "wasm32"))]
pub mod entities;
pub mod error;
pub mod format;
pub mod query;

#[cfg(not(target_arch = "wasm32"))]
pub mod indexer;
#[cfg(not(target_arch = "wasm32"))]
pub mod ingest;
#[cfg(not(target_arch = "wasm32"))]
pub mod related;
#[cfg(not(target_arch = "wasm32"))]
pub mod shard;

#[cfg(target_arch = "wasm32")]
pub mod wasm;

pub use error::{Error, Result};
