// Engine: the only file that touches the WebAssembly module (./pkg/dossier.js).
//
// The module is imported dynamically so that a missing or broken pkg/ becomes a
// readable error on the page instead of a module graph that silently fails to load.
// Where the wasm bytes come from is wasm-source.js (the single-file build swaps it).
// Every call returns a promise and rejects with an Error whose message starts "Dossier: ".

import { wasmSource } from './wasm-source.js';

let loading = null;

/** Load and initialise the wasm once; resolves to the module's exports. */
export function load() {
  loading ??= (async () => {
    try {
      const wasm = await import('./pkg/dossier.js');
      await wasm.default({ module_or_path: await wasmSource() });
      return wasm;
    } catch (err) {
      loading = null; // allow a retry
      throw new Error(`Dossier: could not load the search index (${detail(err)}).`);
    }
  })();
  return loading;
}

/** Corpus facts: { documents, terms, formatVersion }. */
export async function info() {
  const wasm = await load();
  return call(() => wasm.info());
}

/**
 * Search the corpus: { query, total, partial, didYouMean, facets, results }. `options` are
 * { limit, offset, entities, from, to, undated, facetLimit }; an empty query with filters
 * lists every document passing them, newest first.
 */
export async function search(query, { limit = 20, offset = 0, ...filters } = {}) {
  const wasm = await load();
  return call(() => wasm.search(query, { limit, offset, ...filters }));
}

/** Completions of the last word of `input`: [{ query, term, documents }]. */
export async function suggest(input, limit = 8) {
  const wasm = await load();
  return call(() => wasm.suggest(input, limit));
}

/** One full document, with `query` matches and entity mentions; rejects if there is no such document. */
export async function getDocument(id, query = '') {
  const wasm = await load();
  const doc = call(() => wasm.getDocument(id, query));
  if (!doc || typeof doc.text !== 'string') {
    throw new Error(`Dossier: there is no document with id “${id}”.`);
  }
  return doc;
}

/** A page of entities: { total, entities: [{ id, name, kind, mentions, documents }] }. */
export async function entities({ kind = null, name = '', sort = null, limit = 100, offset = 0 } = {}) {
  const wasm = await load();
  const options = { limit, offset };
  if (kind) options.kind = kind;
  if (name.trim()) options.name = name.trim();
  if (sort) options.sort = sort;
  return call(() => wasm.entities(options));
}

/** One entity's page: { id, name, kind, aliases, mentions, documents, contexts, cooccurring }. */
export async function entity(id, contexts = 50) {
  const wasm = await load();
  return call(() => wasm.entity(id, contexts));
}

/** Documents of a query over time: { granularity, buckets: [{ period, documents, mentions }], undated }. */
export async function timeline(query, { entities = [] } = {}) {
  const wasm = await load();
  return call(() => wasm.timeline(query, { entities }));
}

/**
 * Documents like this one, [{ id, title, date, similarity, sameStory }], or null when this
 * build of the core has no related() (the reader then shows nothing).
 */
export async function related(id) {
  const wasm = await load();
  if (typeof wasm.related !== 'function') return null;
  return call(() => wasm.related(id));
}

/** A readable one-line message for any thrown value, prefixed "Dossier: ". */
export function messageOf(err) {
  return `Dossier: ${detail(err)}`;
}

function call(fn) {
  try {
    return fn();
  } catch (err) {
    throw new Error(messageOf(err));
  }
}

function detail(err) {
  const text = err instanceof Error ? err.message : String(err);
  return text.replace(/^dossier:\s*/i, '').trim() || 'unknown error';
}
