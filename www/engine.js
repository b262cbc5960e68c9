// Engine: the only file that touches the WebAssembly module (./pkg/dossier.js).
//
// The module is imported dynamically so that a missing or broken pkg/ becomes a
// readable error on the page instead of a module graph that silently fails to load.
// Where the wasm bytes come from is wasm-source.js (the single-file build swaps it).
// Every call returns a promise and rejects with an Error whose message starts "Dossier: ".

import { wasmSource } from './wasm-source.js';

let loading = null;

/** Where a sharded index lives, next to index.html (see `build.sh --sharded`). */
const SHARDS = './index/';

/** Who hears how far the first load is: `({ loaded, total })` in bytes, total null if unknown. */
let progressListener = null;

/** Call `listener({ loaded, total })` as the wasm (with an embedded index, most of the first
 * visit's bytes) downloads; `total` is null when the server compresses it (its length on the
 * wire is then not the length of what arrives). */
export function onLoadProgress(listener) {
  progressListener = listener;
}

/** Load and initialise the wasm once; resolves to the module's exports. A build without an
 * embedded index opens the sharded index's root instead. */
export function load() {
  loading ??= (async () => {
    try {
      const wasm = await import('./pkg/dossier.js');
      await wasm.default({ module_or_path: counted(await wasmSource()) });
      if (!wasm.hasEmbeddedIndex()) {
        const root = await fetchBytes(`${SHARDS}root.dsr`).catch((err) => {
          throw new Error(`${SHARDS}root.dsr: ${err.message}`);
        });
        wasm.openRoot(root);
      }
      return wasm;
    } catch (err) {
      loading = null; // allow a retry
      throw new Error(`Dossier: could not load the search index (${detail(err)}).`);
    }
  })();
  return loading;
}

/** `source` as given (bytes), or for a URL a fetch whose body counts its bytes as they arrive
 * for the progress listener; still a Response, so the module compiles while it downloads. */
function counted(source) {
  if (!(source instanceof URL)) return source;
  return fetch(source).then((response) => {
    if (!response.ok || !response.body) return response;
    const encoded = response.headers.get('Content-Encoding');
    const length = Number(response.headers.get('Content-Length'));
    const total = !encoded && length > 0 ? length : null;
    let loaded = 0;
    const counter = new TransformStream({
      transform(chunk, controller) {
        loaded += chunk.byteLength;
        progressListener?.({ loaded, total });
        controller.enqueue(chunk);
      },
    });
    return new Response(response.body.pipeThrough(counter), {
      status: response.status,
      headers: { 'Content-Type': response.headers.get('Content-Type') || 'application/wasm' },
    });
  });
}

/** True when the index is sharded: answers may first fetch pieces of it. */
export async function isSharded() {
  return !(await load()).hasEmbeddedIndex();
}

/** Shards fetched or being fetched this session, by name. */
const shards = new Map();

/** Shards that failed for a reason that may pass (a network error, HTTP 5xx): marked failed in
 * the core for the answer that asked for them, then forgotten so the next answer retries. */
const retryLater = new Set();

/**
 * Fetch the shards a sharded index asked for (each once per session) and hand them over. A
 * shard that cannot be had is marked failed in the core (markShardFailed), which then answers
 * without it where it can (a search shows that result as unavailable) and otherwise throws an
 * error naming it; so this never rejects. A 404 or a refused shard (damaged, or not the part its
 * name says) stays failed for the session; any other failure is retried by the next answer.
 */
function fetchShards(wasm, names) {
  return Promise.all(names.map((name) => {
    if (!shards.has(name)) {
      const fetched = fetchBytes(SHARDS + encodeURIComponent(name))
        .then((bytes) => {
          try {
            wasm.addShard(name, bytes);
          } catch (err) {
            // Refused by the core: the message names the part ("index part d3-… holds d5-…").
            throw Object.assign(new Error(detail(err).replace(`index part ${name} `, 'it ')), { permanent: true });
          }
        })
        .catch((err) => {
          wasm.markShardFailed(name, detail(err));
          if (!err.permanent) {
            shards.delete(name);
            retryLater.add(name);
          }
        });
      shards.set(name, fetched);
    }
    return shards.get(name);
  }));
}

async function fetchBytes(url) {
  const response = await fetch(url);
  if (!response.ok) {
    // A missing file stays missing; a server error may not.
    const permanent = response.status === 404 || response.status === 410;
    throw Object.assign(new Error(`HTTP ${response.status}`), { permanent });
  }
  return new Uint8Array(await response.arrayBuffer());
}

/** The file name of the index part an error message says failed to load, or null: for the
 * views, to say "could not be loaded" rather than "not found". */
export function failedPart(message) {
  return /index part (\S+) failed to load/.exec(String(message))?.[1] ?? null;
}

/** Corpus facts: { documents, terms, formatVersion }. */
export async function info() {
  const wasm = await load();
  return call(wasm, () => wasm.info());
}

/**
 * Search the corpus: { query, total, partial, didYouMean, suggestion?, facets, results }
 * (didYouMean: the corrected query the results are for; suggestion: a spelling offered for a
 * rare word, searched as typed). In a sharded index a result whose document part failed to load
 * has empty fields and `unavailable: { part, reason }`. `options` are
 * { limit, offset, entities, from, to, undated, facetLimit, timeline, noCorrection, details }
 * (noCorrection: search as typed; details: each result's `source` host and `entities`); an empty query with filters, or one of exclusions only
 * (`-putin`), lists every document passing them, newest first.
 */
export async function search(query, { limit = 20, offset = 0, ...filters } = {}) {
  const wasm = await load();
  return call(wasm, () => wasm.search(query, { limit, offset, ...filters }));
}

/** Completions of the last word of `input`: [{ query, term, documents }]. */
export async function suggest(input, limit = 8) {
  const wasm = await load();
  return call(wasm, () => wasm.suggest(input, limit));
}

/** One full document, with `query` matches and entity mentions; rejects if there is no such document. */
export async function getDocument(id, query = '') {
  const wasm = await load();
  const doc = await call(wasm, () => wasm.getDocument(id, query));
  if (!doc || typeof doc.text !== 'string') {
    throw new Error(`Dossier: there is no document with id “${id}”.`);
  }
  return doc;
}

/** Example queries drawn from the corpus: { placeholder, examples: [query] }. */
export async function hints() {
  const wasm = await load();
  return call(wasm, () => wasm.hints());
}

/** A page of entities: { total, entities: [{ id, name, kind, mentions, documents, aliases? }] }
 * (aliases with `aliases: true`). */
export async function entities({ kind = null, name = '', sort = null, limit = 100, offset = 0, aliases = false } = {}) {
  const wasm = await load();
  const options = { limit, offset };
  if (aliases) options.aliases = true;
  if (kind) options.kind = kind;
  if (name.trim()) options.name = name.trim();
  if (sort) options.sort = sort;
  return call(wasm, () => wasm.entities(options));
}

/** One entity's page: { id, name, kind, aliases, mentions, documents, contexts, cooccurring }. */
export async function entity(id, contexts = 50) {
  const wasm = await load();
  return call(wasm, () => wasm.entity(id, contexts));
}

/** An entity page's header: { id, name, kind, aliases, mentions, documents, hub }. */
export async function entityInfo(id) {
  const wasm = await load();
  return call(wasm, () => wasm.entityInfo(id));
}

/** A page of an entity's mentions in context: { total, offset, mentions: [{ doc, title, field,
 * text, mark, offset, date }] }; `options` { offset, limit, sort: relevance|newest|oldest, filter }. */
export async function entityMentions(id, options = {}) {
  const wasm = await load();
  return call(wasm, () => wasm.entityMentions(id, pageOptions(options)));
}

/** A page of the documents mentioning an entity: { total, offset, documents: [{ id, title, date,
 * mentions }] }; `options` as for entityMentions. */
export async function entityDocuments(id, options = {}) {
  const wasm = await load();
  return call(wasm, () => wasm.entityDocuments(id, pageOptions(options)));
}

/** An entity's graph in one call: { center, nodes: [{ id, name, kind, documents, hub }],
 * edges: [{ a, b, documents }], kinds: [{ kind, count }], hubs, neighbours };
 * `options` { limit, hideHubs, kinds: [kind] }. */
export async function entityGraph(id, { limit = 12, hideHubs = false, kinds = [] } = {}) {
  const wasm = await load();
  return call(wasm, () => wasm.entityGraph(id, { limit, hideHubs, kinds }));
}

/** A list of names or terms (one a line) looked up at once: { rows: [{ query, documents,
 * partialDocuments, entity }], truncated }; each line searched as typed. */
export async function batch(lines) {
  const wasm = await load();
  return call(wasm, () => wasm.batch(lines, { exact: true }));
}

function pageOptions({ offset = 0, limit = 25, sort = 'relevance', filter = '' }) {
  const options = { offset, limit, sort };
  if (filter.trim()) options.filter = filter.trim();
  return options;
}

/** Documents of a query over time: { granularity, buckets: [{ period, documents, mentions }], undated }. */
export async function timeline(query, { entities = [] } = {}) {
  const wasm = await load();
  return call(wasm, () => wasm.timeline(query, { entities }));
}

/**
 * Documents like this one, [{ id, title, date, similarity, sameStory }], or null when this
 * build of the core has no related() (the reader then shows nothing).
 */
export async function related(id) {
  const wasm = await load();
  if (typeof wasm.related !== 'function') return null;
  return call(wasm, () => wasm.related(id));
}

/** A readable one-line message for any thrown value, prefixed "Dossier: ". */
export function messageOf(err) {
  return `Dossier: ${detail(err)}`;
}

/** Rounds of shard fetching one answer may take (term ranges and the alias table, then the
 * terms aliases or typo corrections name, positions, lengths, documents, entities): more means
 * a bug, not a slow network. */
const MAX_ROUNDS = 10;

/** Run `fn` against the core; while a sharded index answers { need: [shards] }, fetch them
 * and ask again. */
async function call(wasm, fn) {
  try {
    for (const name of retryLater) wasm.retryShard(name);
    retryLater.clear();
    for (let round = 0; round < MAX_ROUNDS; round++) {
      const answer = fn();
      if (!answer?.need) return answer;
      await fetchShards(wasm, answer.need);
    }
    throw new Error('the index kept asking for more shards');
  } catch (err) {
    throw new Error(messageOf(err));
  }
}

function detail(err) {
  const text = err instanceof Error ? err.message : String(err);
  return text.replace(/^dossier:\s*/i, '').trim() || 'unknown error';
}
