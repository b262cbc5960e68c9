//! The JavaScript boundary: every `#[wasm_bindgen]` item lives here, nothing else does.
//!
//! The index built by `build.sh` is compiled in (`include_bytes!`, see `build.rs`) and opened
//! once, zero-copy; or, for a large corpus, the page opens a sharded index ([`open_root`]) and
//! feeds it the shards each answer asks for (`{need: [names]}`), see `format::shards`. Every function returns plain data (objects, arrays, strings, numbers,
//! `null`) or throws a JS `Error` whose message starts with `dossier: `; a panic would be a bug,
//! and `console_error_panic_hook` prints it if one happens.

use std::cell::RefCell;

use serde::Serialize;
use wasm_bindgen::prelude::*;

use crate::format::{Index, LoadedShards, Root};
use crate::query::{SearchOptions, Searcher};

/// The index compiled into this build (empty if none was given).
static EMBEDDED: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/embedded.dsr"));

/// A sharded index: its root, the shards fetched so far (the session's cache), and those that
/// failed to load.
struct Sharded {
    root: Root,
    shards: LoadedShards,
}

thread_local! {
    static SHARDED: RefCell<Option<Sharded>> = const { RefCell::new(None) };
}

/// Runs `f` on the embedded index, or on the sharded one if a root was opened. A request a
/// sharded index cannot answer yet becomes `{need: [file names]}` for the page to fetch.
fn with_searcher<T: Serialize>(f: impl FnOnce(&Searcher) -> crate::Result<T>) -> Result<JsValue, JsError> {
    let answer = if EMBEDDED.is_empty() {
        SHARDED.with(|cell| {
            let sharded = cell.borrow();
            let Some(Sharded { root, shards }) = sharded.as_ref() else {
                return Err(js_error(crate::Error::NoIndex));
            };
            let index = Index::open_sharded(root, shards).map_err(js_error)?;
            Ok(f(&Searcher::new(index)))
        })?
    } else {
        // Opening is cheap (the table of contents and fst headers), so each call opens anew.
        f(&Searcher::open_trusted(EMBEDDED).map_err(js_error)?)
    };
    match answer {
        Ok(value) => to_js(&value),
        Err(crate::Error::Format(crate::format::Error::NeedShards(need))) => to_js(&Need { need }),
        Err(e) => Err(js_error(e)),
    }
}

/// What a sharded index needs before it can answer.
#[derive(Serialize)]
struct Need {
    need: Vec<String>,
}

fn js_error(message: impl std::fmt::Display) -> JsError {
    JsError::new(&format!("dossier: {message}"))
}

/// Reads an options object (`undefined`/`null` → defaults).
fn options<T: serde::de::DeserializeOwned + Default>(value: JsValue) -> Result<T, JsError> {
    if value.is_undefined() || value.is_null() {
        return Ok(T::default());
    }
    serde_wasm_bindgen::from_value(value).map_err(|e| js_error(format!("bad options: {e}")))
}

/// Serializes a result for JavaScript: plain objects, `null` for absent values.
fn to_js<T: Serialize>(value: &T) -> Result<JsValue, JsError> {
    value.serialize(&serde_wasm_bindgen::Serializer::json_compatible()).map_err(js_error)
}

/// True when this build has an index compiled in; false when the page must open a sharded
/// index with [`open_root`].
#[wasm_bindgen(js_name = hasEmbeddedIndex)]
pub fn has_embedded_index() -> bool {
    !EMBEDDED.is_empty()
}

/// Opens the root (`root.dsr`) of a sharded index; forgets shards of a previous root.
/// Throws if the bytes are not a valid root.
#[wasm_bindgen(js_name = openRoot)]
pub fn open_root(bytes: Vec<u8>) -> Result<(), JsError> {
    let root = Root::read(bytes).map_err(js_error)?;
    SHARDED.with(|cell| *cell.borrow_mut() = Some(Sharded { root, shards: LoadedShards::new() }));
    Ok(())
}

/// Runs `f` on the open sharded index's shards, or throws if no root is open.
fn with_shards<T>(f: impl FnOnce(&Root, &mut LoadedShards) -> T) -> Result<T, JsError> {
    SHARDED.with(|cell| match cell.borrow_mut().as_mut() {
        Some(Sharded { root, shards }) => Ok(f(root, shards)),
        None => Err(js_error("no sharded index is open")),
    })
}

/// Adds a fetched shard (one of the names a `{need}` answer listed). Throws, keeping nothing,
/// if no root is open or the bytes are not that shard of this index (damaged, swapped with
/// another part, or of another build: the message names the part); the page may then mark
/// it failed ([`mark_shard_failed`]).
#[wasm_bindgen(js_name = addShard)]
pub fn add_shard(name: &str, bytes: Vec<u8>) -> Result<(), JsError> {
    with_shards(|root, shards| shards.add(root, name, bytes))?.map_err(js_error)
}

/// Records that the shard `name` could not be loaded and why (`"HTTP 404"`): answers then do
/// without it where they can (a search lists the documents of a failed document part as
/// `unavailable`) and otherwise throw `dossier: index part … failed to load: …`, instead of
/// asking for it again.
#[wasm_bindgen(js_name = markShardFailed)]
pub fn mark_shard_failed(name: &str, reason: &str) -> Result<(), JsError> {
    with_shards(|_, shards| shards.fail(name, reason))
}

/// Forgets that the shard `name` failed (a network error may pass): the next answer that
/// needs it asks for it again.
#[wasm_bindgen(js_name = retryShard)]
pub fn retry_shard(name: &str) -> Result<(), JsError> {
    with_shards(|_, shards| shards.retry(name))
}

/// Installs the panic hook (runs when the module is instantiated).
#[wasm_bindgen(start)]
pub fn start() {
    console_error_panic_hook::set_once();
}

/// Facts about the embedded index: `{documents, terms, formatVersion}`.
#[wasm_bindgen]
pub fn info() -> Result<JsValue, JsError> {
    with_searcher(|s| Ok(s.info()))
}

/// Searches the embedded index. `options` may be `undefined` or
/// `{limit, offset, entities: [id], from, to, undated, facetLimit, timeline}`. An empty query
/// with filters lists every document that passes them, newest first.
/// Returns `{query, total, partial, didYouMean, facets: [{kind, entities: [{id, name, count}]}],
/// results: [{id, title, date, url, score, titleMarks,
/// excerpt: {text, marks}}]}` with marks as `[start, end]` UTF-16 offsets; with `timeline:
/// true`, also `timeline` as [`timeline`] returns it, from the same matching pass. In a
/// sharded index, a result whose document part failed to load keeps its place with empty
/// fields and `unavailable: {part, reason}`.
#[wasm_bindgen]
pub fn search(query: &str, options: JsValue) -> Result<JsValue, JsError> {
    let options: SearchOptions = self::options(options)?;
    with_searcher(|s| s.search(query, &options))
}

/// The document with this id, with the matches of `query` marked:
/// `{id, title, date, url, text, titleMarks, marks, entities: [{id, name, kind, field, mark}]}`.
/// Throws if there is no such document.
#[wasm_bindgen(js_name = getDocument)]
pub fn get_document(id: &str, query: Option<String>) -> Result<JsValue, JsError> {
    with_searcher(|s| s.document(id, query.as_deref().unwrap_or("")))
}

/// Completions of the last word of `input` for an autocomplete list, most frequent first:
/// `[{query, term, documents}]`, at most `limit` (default 8).
#[wasm_bindgen]
pub fn suggest(input: &str, limit: Option<u32>) -> Result<JsValue, JsError> {
    with_searcher(|s| s.suggest(input, limit.unwrap_or(8) as usize))
}

/// Example queries drawn from the corpus: `{placeholder, examples: [query]}` (see
/// [`crate::query::hints`]).
#[wasm_bindgen]
pub fn hints() -> Result<JsValue, JsError> {
    with_searcher(|s| s.hints())
}

/// Lists entities: `options` is `{kind, name, sort: "mentions"|"documents"|"name", limit,
/// offset}`; returns `{total, entities: [{id, name, kind, mentions, documents}]}`.
#[wasm_bindgen]
pub fn entities(options: JsValue) -> Result<JsValue, JsError> {
    let options: crate::query::entities::ListOptions = self::options(options)?;
    with_searcher(|s| s.entities(&options))
}

/// One entity's page: `{id, name, kind, aliases, mentions, documents: [{id, title, date,
/// mentions}], contexts: [{doc, title, field, text, mark, offset}], cooccurring: [{id, name,
/// kind, documents}]}` with at most `contexts` mentions in context (default 50).
#[wasm_bindgen]
pub fn entity(id: &str, contexts: Option<u32>) -> Result<JsValue, JsError> {
    with_searcher(|s| s.entity(id, contexts.map(|c| c as usize)))
}

/// Documents of a query over time: `{granularity, buckets: [{period, documents, mentions}],
/// undated}`; `options` as for `search` (its date filters are ignored).
#[wasm_bindgen]
pub fn timeline(query: &str, options: JsValue) -> Result<JsValue, JsError> {
    let options: SearchOptions = self::options(options)?;
    with_searcher(|s| s.timeline(query, &options))
}

/// The documents most similar to this one: `[{id, title, date, similarity, sameStory}]`,
/// most similar first. Throws if there is no such document.
#[wasm_bindgen]
pub fn related(id: &str) -> Result<JsValue, JsError> {
    with_searcher(|s| s.related(id))
}

/// The header of an entity's page: `{id, name, kind, aliases, mentions, documents, hub}`
/// (`hub`: see [`crate::query::entity_page::is_hub`]). Throws if there is no such entity.
#[wasm_bindgen(js_name = entityInfo)]
pub fn entity_info(id: &str) -> Result<JsValue, JsError> {
    with_searcher(|s| s.entity_info(id))
}

/// A page of an entity's mentions: `options` is `{offset, limit, sort: "relevance"|"newest"|
/// "oldest", filter}`; returns `{total, offset, mentions: [{doc, title, field, text, mark,
/// offset, date}]}` (`total`: mentions passing the filter). See [`crate::query::entity_page`].
#[wasm_bindgen(js_name = entityMentions)]
pub fn entity_mentions(id: &str, options: JsValue) -> Result<JsValue, JsError> {
    let options: crate::query::entity_page::PageOptions = self::options(options)?;
    with_searcher(|s| s.entity_mentions(id, &options))
}

/// A page of the documents mentioning an entity: `options` as for [`entity_mentions`];
/// returns `{total, offset, documents: [{id, title, date, mentions}]}`.
#[wasm_bindgen(js_name = entityDocuments)]
pub fn entity_documents(id: &str, options: JsValue) -> Result<JsValue, JsError> {
    let options: crate::query::entity_page::PageOptions = self::options(options)?;
    with_searcher(|s| s.entity_documents(id, &options))
}

/// An entity's graph in one call: `options` is `{limit, hideHubs, kinds: [kind]}`; returns
/// `{center, nodes: [{id, name, kind, documents, hub}], edges: [{a, b, documents}], kinds:
/// [{kind, count}], hubs, neighbours}` (edge weight: the entity's documents mentioning both).
#[wasm_bindgen(js_name = entityGraph)]
pub fn entity_graph(id: &str, options: JsValue) -> Result<JsValue, JsError> {
    let options: crate::query::entity_page::GraphOptions = self::options(options)?;
    with_searcher(|s| s.entity_graph(id, &options))
}

/// Looks up a list of names or terms, one a line (200 at most): `options` is `{exact}` (search
/// as typed, without typo correction); returns `{rows: [{query, documents, partialDocuments,
/// entity: {id, name, kind, mentions, documents} | null}], truncated}`. See
/// [`crate::query::batch`].
#[wasm_bindgen]
pub fn batch(lines: &str, options: JsValue) -> Result<JsValue, JsError> {
    let options: crate::query::batch::BatchOptions = self::options(options)?;
    with_searcher(|s| s.batch(lines, &options))
}
