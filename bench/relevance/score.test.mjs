// The scorer's metrics against values computed by hand, on a tiny judged set and fake rankings;
// and the shape of judged.json.   node --test bench/relevance/score.test.mjs
import test from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { scoreQuery, mean, exclusionSet, words } from './metrics.mjs';

const close = (a, b) => assert.ok(Math.abs(a - b) < 1e-9, `${a} ≠ ${b}`);
const r = (n, prefix = 'r') => Array.from({ length: n }, (_, i) => `${prefix}${i + 1}`);

// The tiny judged set, each with a fake ranking and its metrics worked out by hand.
const CASES = [
  // 2 of 3 relevant in the top 10, the first at rank 2; top 3 = {x, a, y} ≠ {a, b, c}
  { name: 'two hits, first at rank 2', rel: ['a', 'b', 'c'], ranking: ['x', 'a', 'y', 'b', 'z'], p10: 0.2, r10: 2 / 3, mrr: 0.5, exact: 0 },
  // one relevant, ranked first: exact (top 1 = {a})
  { name: 'single relevant first', rel: ['a'], ranking: ['a', 'b'], p10: 0.1, r10: 1, mrr: 1, exact: 1 },
  // nothing returned
  { name: 'empty ranking', rel: ['a', 'b'], ranking: [], p10: 0, r10: 0, mrr: 0, exact: 0 },
  // the set, in another order: exact is order free
  { name: 'exact set, order free', rel: ['a', 'b'], ranking: ['b', 'a', 'c'], p10: 0.2, r10: 1, mrr: 1, exact: 1 },
  // 12 relevant; r1..r10 fill the top 10, then x: top 12 = r1..r10, x, r11 ≠ the set
  { name: 'more relevant than 10', rel: r(12), ranking: [...r(10), 'x', 'r11', 'r12'], p10: 1, r10: 10 / 12, mrr: 1, exact: 0 },
  // the first relevant at rank 4
  { name: 'first relevant at rank 4', rel: ['a'], ranking: ['x', 'y', 'z', 'a'], p10: 0.1, r10: 1, mrr: 0.25, exact: 0 },
  // a relevant id past rank 10 counts for MRR, not for P@10 / R@10
  { name: 'relevant only at rank 11', rel: ['a'], ranking: [...r(10, 'x'), 'a'], p10: 0, r10: 0, mrr: 1 / 11, exact: 0 },
  // a repeated id counts once, and does not make a top-|rel| exact match
  { name: 'duplicate ids', rel: ['a', 'b'], ranking: ['a', 'a', 'b'], p10: 0.2, r10: 1, mrr: 1, exact: 0 },
];

for (const c of CASES) {
  test(`metrics: ${c.name}`, () => {
    const s = scoreQuery(c.ranking, c.rel);
    close(s.p10, c.p10);
    close(s.r10, c.r10);
    close(s.recall, c.r10); // the table's recall is R@10 outside the exclusion kind
    close(s.mrr, c.mrr);
    assert.equal(s.exact, c.exact);
  });
}

test('mean over the first four cases', () => {
  const m = mean(CASES.slice(0, 4).map((c) => scoreQuery(c.ranking, c.rel)));
  // P: (0.2 + 0.1 + 0 + 0.2) / 4; R: (2/3 + 1 + 0 + 1) / 4; MRR: (0.5 + 1 + 0 + 1) / 4; exact: 2 / 4
  close(m.p10, 0.125);
  close(m.r10, (2 / 3 + 2) / 4);
  close(m.mrr, 0.625);
  close(m.exact, 0.5);
  assert.equal(m.n, 4);
  assert.equal(mean([]).n, 0);
});

test('exclusion: R@all over the whole ranking, exact = the whole ranking is the set', () => {
  const rel = new Set(['3', '6', '7']);
  const s = scoreQuery(['3', '6', '8'], rel, { all: true });
  close(s.rAll, 2 / 3);
  close(s.recall, 2 / 3);
  close(s.p10, 0.2);
  close(s.mrr, 1);
  assert.equal(s.exact, 0);
  assert.equal(scoreQuery(['7', '3', '6'], rel, { all: true }).exact, 1);
  assert.equal(scoreQuery(['7', '3', '6', '9'], rel, { all: true }).exact, 0);
});

test('exclusion set: every document without the word or its inflections', () => {
  const docs = [
    { id: '1', title: 'Trump wins', text: '' },
    { id: '2', title: 'x', text: 'Mr Trump\u2019s plan' }, // curly apostrophe: trump's
    { id: '3', title: 'Trumpet solo', text: 'no' }, // another word
    { id: '4', title: 'The Trumps', text: '' },
    { id: '5', title: 'Brexit', text: 'a trumped-up charge' },
    { id: '6', title: 'Tr\u00fcmp', text: '' }, // diacritics folded: trump
  ];
  assert.deepEqual([...exclusionSet(docs, 'trump')], ['3']);
  assert.deepEqual([...exclusionSet(docs, 'brexit')], ['1', '2', '3', '4', '6']);
  assert.deepEqual(words('Russia\u2019s U.S.-led plan'), ["russia's", 'u', 's', 'led', 'plan']);
});

test('judged.json: at least 80 queries, every kind in both halves, notes, no ids for exclusions', () => {
  const { queries } = JSON.parse(fs.readFileSync(new URL('./judged.json', import.meta.url), 'utf8'));
  assert.ok(queries.length >= 80, `${queries.length} queries`);
  const kinds = new Set(queries.map((q) => q.kind));
  for (const k of ['name', 'typo', 'romanization', 'topic', 'phrase', 'boolean', 'prefix', 'exclusion', 'headline']) assert.ok(kinds.has(k), k);
  for (const k of kinds) {
    const qs = queries.filter((q) => q.kind === k);
    const tune = qs.filter((q) => q.split === 'tune').length;
    assert.ok(tune >= 1 && qs.length - tune >= 1 && Math.abs(2 * tune - qs.length) <= 1, `${k}: ${tune} tune of ${qs.length}`);
  }
  for (const q of queries) {
    assert.ok(q.note && q.query, JSON.stringify(q));
    if (q.kind === 'exclusion') assert.ok(q.relevant === null && q.exclude, q.query);
    else assert.ok(q.relevant.length > 0 && new Set(q.relevant).size === q.relevant.length, q.query);
  }
  assert.equal(new Set(queries.map((q) => q.query)).size, queries.length, 'queries unique');
});
