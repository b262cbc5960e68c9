// FlexSearch in the page, from node_modules (the bundle node imports), with the options of engines/options.mjs.
import { Document } from '/node_modules/flexsearch/dist/flexsearch.bundle.module.min.mjs';
import { FLEXSEARCH, TOP, unquote } from '/engines/options.mjs';

const OPTIONS = FLEXSEARCH.options;

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
  return index.search(q, FLEXSEARCH.search).slice(0, TOP).map((r) => r.id);
}
