// MiniSearch in the page, from node_modules, with engines/minisearch.mjs's options; built from the corpus here.
import MiniSearch from '/node_modules/minisearch/dist/es/index.js';

const OPTIONS = { fields: ['title', 'text'], storeFields: ['title'], searchOptions: { boost: { title: 3 } } };
const KIND = {
  single: { combineWith: 'AND' },
  multi: { combineWith: 'AND' },
  phrase: { combineWith: 'AND' },
  typo: { combineWith: 'AND', fuzzy: 0.2 },
  prefix: { combineWith: 'AND', prefix: true },
};
const unquote = (q) => q.replace(/["\u201c\u201d]/g, '').trim();

let index;
let last = [];
export const name = 'MiniSearch';
export const version = '';

export async function build(docs) {
  const t0 = performance.now();
  index = new MiniSearch(OPTIONS);
  index.addAll(docs.map(({ id, title, text }) => ({ id, title, text })));
  return { buildMs: performance.now() - t0 };
}

export function search(kind, query) {
  last = index.search(kind === 'phrase' ? unquote(query) : query, KIND[kind]);
  return last.slice(0, 10).map((r) => r.id);
}
export const lastInfo = () => ({ total: last.length });
