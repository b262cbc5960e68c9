// FlexSearch 0.8: a Document index on title + text, tokenize "forward", title stored.
import fs from 'node:fs';
import { Document } from 'flexsearch';
import { sizes, timed } from './common.mjs';
import { FLEXSEARCH, TOP, unquote } from './options.mjs';

const OPTIONS = FLEXSEARCH.options;

let index;

export const name = 'FlexSearch';
export const version = JSON.parse(fs.readFileSync(new URL('../../node_modules/flexsearch/package.json', import.meta.url))).version;
export const notes = {
  phrase: 'no phrase search: AND of the words',
  typo: 'no typo tolerance ("forward" only matches prefixes)',
  prefix: 'every word is a prefix ("forward" tokenizer)',
};

export async function build(docs) {
  const [doc, buildMs] = await timed(() => {
    const d = new Document(OPTIONS);
    for (const { id, title, text } of docs) d.add({ id, title, text });
    return d;
  });
  index = doc;
  const chunks = []; // the export is a set of keyed strings, served as separate files
  await index.export((key, data) => { chunks.push([key, data]); });
  const [, loadMs] = await timed(async () => {
    const copy = new Document(OPTIONS);
    for (const [key, data] of chunks) await copy.import(key, data);
    return copy;
  });
  return { buildMs, loadMs, index: sizes(...chunks.map(([, data]) => data)), chunks: chunks.length };
}

// Words are ANDed by default; results come per field, merged by id, with the stored title.
export function search(kind, query) {
  const q = kind === 'phrase' ? unquote(query) : query;
  return index.search(q, FLEXSEARCH.search).slice(0, TOP).map((r) => r.id);
}
