//! Run-time search: parse a query, match it against an [`Index`], rank, and cut excerpts.
//!
//! [`Searcher`] is the friendly API (what the wasm exports and the CLI print): it hands out
//! plain serializable values, no offsets into the index.
//!
//! ```
//! # use dossier::{indexer::Indexer, ingest::Document};
//! use dossier::query::{Searcher, SearchOptions};
//! # let mut ix = Indexer::new();
//! # ix.add(Document::new("a", "Envoy in Kyiv", "Keith Kellogg met the president in Kyiv.")).unwrap();
//! # ix.add(Document::new("b", "Talks", "Steve Witkoff met Putin in Moscow.")).unwrap();
//! # let bytes = ix.finish().unwrap();
//! let searcher = Searcher::open(&bytes)?;
//! let found = searcher.search("kellogg kyiv", &SearchOptions::default())?;
//! assert_eq!(found.total, 1);
//! let hit = &found.results[0];
//! assert_eq!(hit.id, "a");
//! // Offsets are UTF-16 code units into the excerpt text.
//! let [start, end] = hit.excerpt.marks[0];
//! assert_eq!(&hit.excerpt.text[start as usize..end as usize], "Kellogg");
//! # Ok::<(), dossier::Error>(())
//! ```

pub mod aliases;
pub mod excerpt;
pub mod matching;
pub mod parse;
pub mod rank;

use std::collections::HashMap;

use serde::{Deserialize, Serialize};

use crate::analysis;
use crate::format::{DocRecord, Index, FORMAT_VERSION};
use crate::Result;
pub use excerpt::{Excerpt, Mark};
pub use matching::Matcher;
pub use parse::{parse, Query, Unit};

/// Results per page when the caller does not say.
pub const DEFAULT_LIMIT: usize = 20;
/// The most results one call returns.
pub const MAX_LIMIT: usize = 1000;

/// Paging for [`Searcher::search`].
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default, rename_all = "camelCase")]
pub struct SearchOptions {
    /// Results to return (default [`DEFAULT_LIMIT`], at most [`MAX_LIMIT`]).
    pub limit: Option<usize>,
    /// Results to skip.
    pub offset: usize,
}

/// What a search found.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct SearchResults {
    /// The query as given.
    pub query: String,
    /// Number of matching documents (all pages).
    pub total: usize,
    /// True when no document matches every term and these match only some of them.
    pub partial: bool,
    /// The query with misspelled words replaced by what they matched, when a word matched
    /// only through typo correction.
    pub did_you_mean: Option<String>,
    /// The requested page of results, best first.
    pub results: Vec<SearchHit>,
}

/// One result.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct SearchHit {
    /// Document id.
    pub id: String,
    /// Title.
    pub title: String,
    /// Date as `YYYY-MM-DD`, if known.
    pub date: Option<String>,
    /// Source URL, if any.
    pub url: Option<String>,
    /// Relevance score (BM25F), rounded to 4 decimals.
    pub score: f64,
    /// Highlights in the title (UTF-16 offsets).
    pub title_marks: Vec<Mark>,
    /// The best passage with its highlights.
    pub excerpt: Excerpt,
}

/// A whole document for the reader, with the query's matches marked.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct DocumentView {
    /// Document id.
    pub id: String,
    /// Title.
    pub title: String,
    /// Date as `YYYY-MM-DD`, if known.
    pub date: Option<String>,
    /// Source URL, if any.
    pub url: Option<String>,
    /// Full text; paragraphs separated by newlines.
    pub text: String,
    /// Highlights in the title (UTF-16 offsets).
    pub title_marks: Vec<Mark>,
    /// Highlights in the text (UTF-16 offsets).
    pub marks: Vec<Mark>,
}

/// A completion for an autocomplete list.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Suggestion {
    /// The whole query with its last word completed.
    pub query: String,
    /// The completed word (a dictionary term).
    pub term: String,
    /// Number of documents containing it.
    pub documents: u32,
}

/// Facts about the loaded index.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Info {
    /// Number of documents.
    pub documents: u32,
    /// Number of distinct terms.
    pub terms: u32,
    /// The index format version.
    pub format_version: u32,
}

/// Searches one index.
#[derive(Clone)]
pub struct Searcher<'a> {
    index: Index<'a>,
}

impl<'a> Searcher<'a> {
    /// Opens index bytes and verifies their checksum (one pass over the bytes): use this for
    /// any bytes read from a file or the network.
    pub fn open(bytes: &'a [u8]) -> Result<Searcher<'a>> {
        let index = Index::open(bytes)?;
        index.verify()?;
        Ok(Searcher { index })
    }

    /// Opens index bytes without the checksum pass: for bytes compiled into the binary.
    pub fn open_trusted(bytes: &'a [u8]) -> Result<Searcher<'a>> {
        Ok(Searcher { index: Index::open(bytes)? })
    }

    /// The underlying index.
    pub fn index(&self) -> &Index<'a> {
        &self.index
    }

    /// Document and term counts.
    pub fn info(&self) -> Info {
        let meta = self.index.meta();
        Info { documents: meta.doc_count, terms: meta.term_count, format_version: FORMAT_VERSION }
    }

    /// Runs a query (see [`parse`] for the syntax). Any string is a valid query; an empty one
    /// finds nothing. Fails only on a corrupted index.
    pub fn search(&self, query: &str, options: &SearchOptions) -> Result<SearchResults> {
        let parsed = parse(query);
        let matches = Matcher::new(&self.index).run(&parsed)?;
        let limit = options.limit.unwrap_or(DEFAULT_LIMIT).min(MAX_LIMIT);
        let mut results = Vec::with_capacity(limit.min(matches.docs.len()));
        for scored in matches.docs.iter().skip(options.offset).take(limit) {
            let doc = self.index.docs().get(scored.doc)?;
            results.push(hit(&doc, scored.score, &matches.terms));
        }
        Ok(SearchResults {
            query: query.to_string(),
            total: matches.docs.len(),
            partial: matches.partial,
            did_you_mean: did_you_mean(query, &matches.corrections),
            results,
        })
    }

    /// Completions of the last word of `input`, most frequent first, as whole queries (the
    /// input with its last word completed), for an autocomplete list. At most `limit`.
    pub fn suggest(&self, input: &str, limit: usize) -> Vec<Suggestion> {
        let mut last = None;
        analysis::tokenize(input, 0, |t| last = Some((t.start, t.term.to_string())));
        let Some((start, word)) = last.filter(|_| !input.ends_with(char::is_whitespace)) else {
            return Vec::new();
        };
        let head = &input[..start];
        Matcher::new(&self.index)
            .completions(&word, limit.min(MAX_LIMIT))
            .into_iter()
            .map(|(term, info)| Suggestion { query: format!("{head}{term}"), term, documents: info.doc_freq })
            .collect()
    }

    /// The document with this id, with the matches of `query` (may be empty) marked.
    pub fn document(&self, id: &str, query: &str) -> Result<DocumentView> {
        let ordinal =
            self.index.docs().ordinal(id).ok_or_else(|| crate::Error::NoSuchDocument(id.to_string()))?;
        let doc = self.index.docs().get(ordinal)?;
        let terms = self.highlight_terms(query)?;
        Ok(DocumentView {
            id: doc.id.to_string(),
            title: doc.title.to_string(),
            date: doc.date_string(),
            url: doc.url.map(str::to_string),
            text: doc.text.to_string(),
            title_marks: marks_of(doc.title, &terms),
            marks: marks_of(doc.text, &terms),
        })
    }

    /// The dictionary terms a query highlights (every variant that matched), by query group.
    fn highlight_terms(&self, query: &str) -> Result<HashMap<String, usize>> {
        if query.trim().is_empty() {
            return Ok(HashMap::new());
        }
        Ok(Matcher::new(&self.index).run(&parse(query))?.terms)
    }
}

/// `query` with each corrected word replaced by its correction, or `None` if none was corrected.
fn did_you_mean(query: &str, corrections: &[(String, String)]) -> Option<String> {
    if corrections.is_empty() {
        return None;
    }
    let mut out = String::with_capacity(query.len() + 8);
    let mut copied = 0;
    analysis::tokenize(query, 0, |t| {
        if t.start < copied {
            return;
        }
        if let Some((_, to)) = corrections.iter().find(|(from, _)| from == t.term) {
            out.push_str(&query[copied..t.start]);
            out.push_str(to);
            copied = t.end;
        }
    });
    out.push_str(&query[copied..]);
    Some(out)
}

fn hit(doc: &DocRecord<'_>, score: f64, terms: &HashMap<String, usize>) -> SearchHit {
    let hits = excerpt::find_hits(doc.text, terms);
    SearchHit {
        id: doc.id.to_string(),
        title: doc.title.to_string(),
        date: doc.date_string(),
        url: doc.url.map(str::to_string),
        score: (score * 1e4).round() / 1e4,
        title_marks: marks_of(doc.title, terms),
        excerpt: excerpt::excerpt(doc.text, &hits),
    }
}

fn marks_of(text: &str, terms: &HashMap<String, usize>) -> Vec<Mark> {
    let ranges: Vec<(usize, usize)> =
        excerpt::find_hits(text, terms).iter().map(|h| (h.start, h.end)).collect();
    excerpt::utf16_marks(text, &ranges)
}
