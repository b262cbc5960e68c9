// Engine: the only file that touches the WebAssembly module (./pkg/dossier.js).
//
// The module is imported dynamically so that a missing or broken pkg/ becomes a
// readable error on the page instead of a module graph that silently fails to load.
// Every call returns a promise and rejects with an Error whose message starts "Dossier: ".

let loading = null;

/** Load and initialise the wasm once; resolves to the module's exports. */
export function load() {
  loading ??= (async () => {
    try {
      const wasm = await import('./pkg/dossier.js');
      await wasm.default();
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

/** Search the corpus: { query, total, results: [...] }. */
export async function search(query, { limit = 20, offset = 0 } = {}) {
  const wasm = await load();
  return call(() => wasm.search(query, { limit, offset }));
}

/** One full document, with `query` matches marked; rejects if there is no such document. */
export async function getDocument(id, query = '') {
  const wasm = await load();
  const doc = call(() => wasm.getDocument(id, query));
  if (!doc || typeof doc.text !== 'string') {
    throw new Error(`Dossier: there is no document with id “${id}”.`);
  }
  return doc;
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
