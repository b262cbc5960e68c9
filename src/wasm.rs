//! The JavaScript boundary: every `#[wasm_bindgen]` item lives here, nothing else does.
//!
//! The index built by `build.sh` is compiled in (`include_bytes!`, see `build.rs`) and opened
//! once, zero-copy. Every function returns plain data (objects, arrays, strings, numbers,
//! `null`) or throws a JS `Error` whose message starts with `dossier: `; a panic would be a bug,
//! and `console_error_panic_hook` prints it if one happens.

use std::sync::OnceLock;

use serde::Serialize;
use wasm_bindgen::prelude::*;

use crate::query::{SearchOptions, Searcher};

/// The index compiled into this build (empty if none was given).
static EMBEDDED: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/embedded.dsr"));

/// The opened embedded index, or why it could not be opened.
static SEARCHER: OnceLock<Result<Searcher<'static>, String>> = OnceLock::new();

fn searcher() -> Result<&'static Searcher<'static>, JsError> {
    let opened = SEARCHER.get_or_init(|| {
        if EMBEDDED.is_empty() {
            return Err(crate::Error::NoIndex.to_string());
        }
        Searcher::open_trusted(EMBEDDED).map_err(|e| e.to_string())
    });
    opened.as_ref().map_err(js_error)
}

fn js_error(message: impl std::fmt::Display) -> JsError {
    JsError::new(&format!("dossier: {message}"))
}

/// Serializes a result for JavaScript: plain objects, `null` for absent values.
/// Reads an options object (`undefined`/`null` → defaults).
fn options<T: serde::de::DeserializeOwned + Default>(value: JsValue) -> Result<T, JsError> {
    if value.is_undefined() || value.is_null() {
        return Ok(T::default());
    }
    serde_wasm_bindgen::from_value(value).map_err(|e| js_error(format!("bad options: {e}")))
}

fn to_js<T: Serialize>(value: &T) -> Result<JsValue, JsError> {
    value.serialize(&serde_wasm_bindgen::Serializer::json_compatible()).map_err(js_error)
}

/// Installs the panic hook (runs when the module is instantiated).
#[wasm_bindgen(start)]
pub fn start() {
    console_error_panic_hook::set_once();
}

/// Facts about the embedded index: `{documents, terms, formatVersion}`.
#[wasm_bindgen]
pub fn info() -> Result<JsValue, JsError> {
    to_js(&searcher()?.info())
}

/// Searches the embedded index. `options` may be `undefined` or
/// `{limit, offset, entities: [id], from, to, undated, facetLimit}`. An empty query with
/// filters lists every document that passes them, newest first.
/// Returns `{query, total, partial, didYouMean, facets: [{kind, entities: [{id, name, count}]}],
/// results: [{id, title, date, url, score, titleMarks,
/// excerpt: {text, marks}}]}` with marks as `[start, end]` UTF-16 offsets.
#[wasm_bindgen]
pub fn search(query: &str, options: JsValue) -> Result<JsValue, JsError> {
    let options: SearchOptions = self::options(options)?;
    to_js(&searcher()?.search(query, &options).map_err(js_error)?)
}

/// The document with this id, with the matches of `query` marked:
/// `{id, title, date, url, text, titleMarks, marks, entities: [{id, name, kind, field, mark}]}`.
/// Throws if there is no such document.
#[wasm_bindgen(js_name = getDocument)]
pub fn get_document(id: &str, query: Option<String>) -> Result<JsValue, JsError> {
    to_js(&searcher()?.document(id, query.as_deref().unwrap_or("")).map_err(js_error)?)
}

/// Completions of the last word of `input` for an autocomplete list, most frequent first:
/// `[{query, term, documents}]`, at most `limit` (default 8).
#[wasm_bindgen]
pub fn suggest(input: &str, limit: Option<u32>) -> Result<JsValue, JsError> {
    to_js(&searcher()?.suggest(input, limit.unwrap_or(8) as usize))
}

/// Lists entities: `options` is `{kind, name, sort: "mentions"|"documents"|"name", limit,
/// offset}`; returns `{total, entities: [{id, name, kind, mentions, documents}]}`.
#[wasm_bindgen]
pub fn entities(options: JsValue) -> Result<JsValue, JsError> {
    let options: crate::query::entities::ListOptions = self::options(options)?;
    to_js(&searcher()?.entities(&options).map_err(js_error)?)
}

/// One entity's page: `{id, name, kind, aliases, mentions, documents: [{id, title, date,
/// mentions}], contexts: [{doc, title, field, text, mark, offset}], cooccurring: [{id, name,
/// kind, documents}]}` with at most `contexts` mentions in context (default 50).
#[wasm_bindgen]
pub fn entity(id: &str, contexts: Option<u32>) -> Result<JsValue, JsError> {
    to_js(&searcher()?.entity(id, contexts.map(|c| c as usize)).map_err(js_error)?)
}

/// Documents of a query over time: `{granularity, buckets: [{period, documents, mentions}],
/// undated}`; `options` as for `search` (its date filters are ignored).
#[wasm_bindgen]
pub fn timeline(query: &str, options: JsValue) -> Result<JsValue, JsError> {
    let options: SearchOptions = self::options(options)?;
    to_js(&searcher()?.timeline(query, &options).map_err(js_error)?)
}

/// The documents most similar to this one: `[{id, title, date, similarity, sameStory}]`,
/// most similar first. Throws if there is no such document.
#[wasm_bindgen]
pub fn related(id: &str) -> Result<JsValue, JsError> {
    to_js(&searcher()?.related(id).map_err(js_error)?)
}
