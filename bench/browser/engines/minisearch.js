// MiniSearch in the page, from node_modules, with the options of engines/options.mjs; built from the corpus here.
import MiniSearch from '/node_modules/minisearch/dist/es/index.js';
import { MINISEARCH, TOP, unquote } from '/engines/options.mjs';

const { options: OPTIONS, kinds: KIND } = MINISEARCH;

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
  return last.slice(0, TOP).map((r) => r.id);
}
export const lastInfo = () => ({ total: last.length });
