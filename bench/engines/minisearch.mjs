// MiniSearch 7: fields title + text, title boosted 3x, title stored; one JSON index.
import fs from 'node:fs';
import MiniSearch from 'minisearch';
import { sizes, timed } from './common.mjs';
import { MINISEARCH, TOP, unquote } from './options.mjs';

const { options: OPTIONS, kinds: KIND } = MINISEARCH;

let index;

export const name = 'MiniSearch';
export const version = JSON.parse(fs.readFileSync(new URL('../../node_modules/minisearch/package.json', import.meta.url))).version;
export const notes = { phrase: 'no phrase search: AND of the words' };

export async function build(docs) {
  const [ms, buildMs] = await timed(() => {
    const m = new MiniSearch(OPTIONS);
    m.addAll(docs.map(({ id, title, text }) => ({ id, title, text })));
    return m;
  });
  index = ms;
  const json = JSON.stringify(index);
  const [, loadMs] = await timed(() => MiniSearch.loadJSON(json, OPTIONS));
  return { buildMs, loadMs, index: sizes(json) };
}

let last = [];

export function search(kind, query) {
  last = index.search(kind === 'phrase' ? unquote(query) : query, KIND[kind]);
  return last.slice(0, TOP).map((r) => r.id);
}

/** Extra facts about the last response: how many documents matched in all. */
export const lastInfo = () => ({ total: last.length });
