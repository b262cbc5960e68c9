// FlexSearch in the page, from node_modules (the bundle node imports), with engines/flexsearch.mjs's options.
import { Document } from '/node_modules/flexsearch/dist/flexsearch.bundle.module.min.mjs';

const OPTIONS = { tokenize: 'forward', document: { id: 'id', index: ['title', 'text'], store: ['title'] } };
const unquote = (q) => q.replace(/["\u201c\u201d]/g, '').trim();

let index;
export const name = 'FlexSearch';
export const version = '';

export async function build(docs) {
  const t0 = performance.now();
  index = new Document(OPTIONS);
  for (const { id, title, text } of docs) index.add({ id, title, text });
  return { buildMs: performance.now() - t0 };
}

export function search(kind, query) {
  const q = kind === 'phrase' ? unquote(query) : query;
  return index.search(q, { limit: 10, merge: true, enrich: true }).slice(0, 10).map((r) => r.id);
}
