// Scores Dossier, MiniSearch and Pagefind on the judged queries of bench/relevance/judged.json.
//   node bench/relevance/score.mjs [--corpus bench/out/newsarticles.jsonl] [--index bench/out/relevance/index.dsr]
//        [--engines dossier,minisearch,pagefind] [--no-readme]
// Needs: the Dossier CLI (target/release/dossier, or $DOSSIER_BIN) and its index of the corpus, npm
// minisearch, and the Pagefind bundle of bench/pagefind/build.mjs in bench/out/pagefind-site/.
// bench/relevance/run.sh builds all of them. Writes bench/out/relevance/scores.json and the
// results section of bench/relevance/README.md; prints the tables.
import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { fileURLToPath, pathToFileURL } from 'node:url';
import MiniSearch from 'minisearch';
import { MINISEARCH, unquote } from '../engines/options.mjs';
import { K, scoreQuery, mean, exclusionSet } from './metrics.mjs';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const REPO = path.resolve(HERE, '../..');
const args = process.argv.slice(2);
const opt = (name, dflt) => { const i = args.indexOf(`--${name}`); return i < 0 ? dflt : args[i + 1]; };
const CORPUS = path.resolve(REPO, opt('corpus', 'bench/out/newsarticles.jsonl'));
const INDEX = path.resolve(REPO, opt('index', 'bench/out/relevance/index.dsr'));
const BIN = process.env.DOSSIER_BIN ?? path.join(process.env.CARGO_TARGET_DIR ?? path.join(REPO, 'target'), 'release/dossier');
const PAGEFIND = path.join(REPO, 'bench/out/pagefind-site/pagefind');
const ENGINES = opt('engines', 'dossier,minisearch,pagefind').split(',');
const OUT = path.join(REPO, 'bench/out/relevance');
const MAX = 1000; // longest ranking asked of any engine (Dossier's API returns at most 1000)

const judged = JSON.parse(fs.readFileSync(path.join(HERE, 'judged.json'), 'utf8'));
const docs = fs.readFileSync(CORPUS, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l))
  .filter((d) => (d.text ?? '').trim() !== ''); // the 3,788 Dossier indexes
if (docs.length !== judged.documents) throw new Error(`corpus has ${docs.length} usable articles, judged.json was made on ${judged.documents}`);

// The relevant set of each query: stored ids, or for the exclusion kind computed here.
const queries = judged.queries.map((q) => ({
  ...q, rel: q.kind === 'exclusion' ? exclusionSet(docs, q.exclude) : new Set(q.relevant),
}));
// How long a ranking to ask for: enough for exact-set (top |rel|) and for R@all on exclusions.
const depth = (q) => (q.kind === 'exclusion' ? MAX : Math.min(MAX, Math.max(K, q.rel.size)));

// --- engines ---------------------------------------------------------------------------------
// Each: search(q) → ids best first, as a user of that engine would ask it (see README).
const engines = {
  dossier: {
    name: 'Dossier',
    // The CLI, as typed; a trailing space except for the prefix kind (in Dossier a query that
    // does not end in a space makes its last word a prefix, as in the search box).
    search(q) {
      const text = q.kind === 'prefix' ? q.query : `${q.query} `;
      const out = execFileSync(BIN, ['search', text, '--index', INDEX, '--json', '--limit', String(depth(q))],
        { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], maxBuffer: 1 << 28 });
      return JSON.parse(out).map((r) => r.id);
    },
  },
  minisearch: {
    name: 'MiniSearch',
    init() {
      this.index = new MiniSearch(MINISEARCH.options);
      this.index.addAll(docs.map(({ id, title, text }) => ({ id, title, text })));
    },
    // Its documented options per kind: words ANDed; fuzzy 0.2 for typos and romanizations (its
    // only tool for another spelling); prefix for the prefix kind; phrases as AND of the words
    // (no phrase search); `a OR b` as an OR query, `a -b` as AND_NOT, `-w` as AND_NOT of the
    // wildcard query (every document) and w.
    search(q) {
      const AND = { combineWith: 'AND' };
      let res;
      if (q.kind === 'exclusion') {
        res = this.index.search({ combineWith: 'AND_NOT', queries: [MiniSearch.wildcard, q.query.replace(/^-/, '')] });
      } else if (q.kind === 'boolean' && / OR /.test(q.query)) {
        res = this.index.search({ combineWith: 'OR', queries: q.query.split(' OR ') }, AND);
      } else if (q.kind === 'boolean' && / -/.test(q.query)) {
        const [pos, neg] = q.query.split(' -');
        res = this.index.search({ combineWith: 'AND_NOT', queries: [pos, neg] }, AND);
      } else {
        const kindOpts = { typo: MINISEARCH.kinds.typo, romanization: MINISEARCH.kinds.typo, prefix: MINISEARCH.kinds.prefix }[q.kind] ?? AND;
        res = this.index.search(q.kind === 'phrase' ? unquote(q.query) : q.query, kindOpts);
      }
      return res.slice(0, depth(q)).map((r) => r.id);
    },
  },
  pagefind: {
    name: 'Pagefind',
    // Its browser bundle run in Node, files read from disk (a fetch shim for file: URLs); the
    // query as typed (Pagefind has quoted phrases; no OR or -exclusion; every word matches as a
    // prefix). The id is the page's file name (bench/pagefind/build.mjs writes a/ID.html).
    async init() {
      const realFetch = globalThis.fetch;
      globalThis.fetch = async (input, init) => {
        const url = String(input?.url ?? input);
        if (!url.startsWith('file:')) return realFetch(input, init);
        return new Response(fs.readFileSync(fileURLToPath(url.split('?')[0])), { status: 200 });
      };
      this.pf = await import(pathToFileURL(path.join(PAGEFIND, 'pagefind.js')).href);
      await this.pf.options({ basePath: `${pathToFileURL(PAGEFIND).href}/` });
      await this.pf.init();
    },
    async search(q) {
      const res = await this.pf.search(q.query);
      const top = await Promise.all(res.results.slice(0, depth(q)).map((r) => r.data()));
      return top.map((d) => decodeURIComponent(path.basename(d.url, '.html')));
    },
  },
};

// --- run -------------------------------------------------------------------------------------
const runs = [];
for (const key of ENGINES) {
  const e = engines[key];
  if (!e) throw new Error(`unknown engine ${key}`);
  const t0 = Date.now();
  await e.init?.();
  const per = [];
  for (const q of queries) {
    let ranking = [], error;
    try { ranking = await e.search(q); } catch (err) { error = String(err.message ?? err).split('\n')[0]; }
    const s = scoreQuery(ranking, q.rel, { all: q.kind === 'exclusion' });
    per.push({ kind: q.kind, split: q.split, query: q.query, relevant: q.rel.size, returned: ranking.length,
      top: ranking.slice(0, 3), ...s, ...(error && { error }) });
  }
  console.error(`relevance: ${e.name}: ${queries.length} queries in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  runs.push({ engine: e.name, queries: per });
}

const KINDS = [...new Set(queries.map((q) => q.kind))];
const summarize = (per) => ({
  all: mean(per),
  kinds: Object.fromEntries(KINDS.map((k) => [k, mean(per.filter((p) => p.kind === k))])),
});
const results = {
  date: new Date().toISOString(),
  queries: queries.length,
  engines: runs.map((r) => ({
    engine: r.engine,
    all: summarize(r.queries),
    test: summarize(r.queries.filter((p) => p.split === 'test')),
    tune: summarize(r.queries.filter((p) => p.split === 'tune')),
    queries: r.queries,
  })),
};
fs.mkdirSync(OUT, { recursive: true });
fs.writeFileSync(path.join(OUT, 'scores.json'), JSON.stringify(results, null, 1) + '\n');

// --- tables ----------------------------------------------------------------------------------
const f = (x) => x.toFixed(2);
const ratio = (a, b) => (b === 0 ? (a === 0 ? '–' : '∞') : `${(a / b).toFixed(2)}×`);
function table(split) {
  const names = results.engines.map((e) => e.engine);
  const lines = [];
  const cols = ['P@10', 'R@10*', 'MRR', 'exact'];
  const keys = ['p10', 'recall', 'mrr', 'exact'];
  lines.push(`Each cell: ${names.join(' / ')}.`, '');
  lines.push(`| kind (queries) | ${cols.join(' | ')} |`);
  lines.push(`|---|${cols.map(() => ':---:').join('|')}|`);
  for (const k of [...KINDS, 'all']) {
    const rows = results.engines.map((e) => (k === 'all' ? e[split].all : e[split].kinds[k]));
    const cells = keys.map((m) => rows.map((r) => f(r[m])).join(' / '));
    lines.push(`| ${k === 'all' ? '**all**' : k} (${rows[0].n}) | ${cells.join(' | ')} |`);
  }
  return lines.join('\n');
}
function ratios(split) {
  const by = Object.fromEntries(results.engines.map((e) => [e.engine, e[split].all]));
  const D = by.Dossier;
  if (!D) return '';
  const others = results.engines.filter((e) => e.engine !== 'Dossier').map((e) => e.engine);
  return others.map((o) => `Dossier ÷ ${o} (${split}): P@10 ${ratio(D.p10, by[o].p10)}, R@10* ${ratio(D.recall, by[o].recall)}, ` +
    `MRR ${ratio(D.mrr, by[o].mrr)}, exact ${ratio(D.exact, by[o].exact)}`).join('  \n');
}
function failures() {
  const D = results.engines.find((e) => e.engine === 'Dossier');
  if (!D) return '';
  const bad = D.queries.filter((q) => q.mrr < 1 || q.p10 < Math.min(1, q.relevant / K) - 1e-9);
  const lines = ['| kind | split | query | relevant | returned | P@10 | MRR | first results |', '|---|---|---|---:|---:|---:|---:|---|'];
  for (const q of bad) lines.push(`| ${q.kind} | ${q.split} | \`${q.query}\` | ${q.relevant} | ${q.returned} | ${f(q.p10)} | ${f(q.mrr)} | ${q.top.join(', ') || '–'} |`);
  return lines.join('\n');
}
function behind() {
  const D = results.engines.find((e) => e.engine === 'Dossier');
  if (!D || results.engines.length < 2) return '';
  const others = results.engines.filter((e) => e !== D);
  const lines = [`| kind | split | query | Dossier P@10 / MRR | ${others.map((o) => `${o.engine} P@10 / MRR`).join(' | ')} |`,
    `|---|---|---|---:|${others.map(() => '---:').join('|')}|`];
  D.queries.forEach((q, i) => {
    const o = others.map((e) => e.queries[i]);
    if (o.some((x) => x.p10 > q.p10 + 1e-9 || x.mrr > q.mrr + 1e-9)) {
      lines.push(`| ${q.kind} | ${q.split} | \`${q.query}\` | ${f(q.p10)} / ${f(q.mrr)} | ${o.map((x) => `${f(x.p10)} / ${f(x.mrr)}`).join(' | ')} |`);
    }
  });
  return lines.join('\n');
}
const section = [
  `<!-- results: written by bench/relevance/score.mjs; do not edit by hand -->`,
  `Run ${results.date.slice(0, 16).replace('T', ' ')} UTC, ${queries.length} queries. *R@10* is R@10, except for the exclusion kind, where it is R@all (up to ${MAX} results).`,
  '', '### Test half (the numbers to quote)', '', table('test'), '', ratios('test'),
  '', '### All queries (tune + test)', '', table('all'), '', ratios('all'),
  '', '### Tune half', '', table('tune'),
  '', '### Where Dossier falls short (any split: MRR < 1, or P@10 below the best possible for the query)', '', failures(),
  '', '### Where another engine does better than Dossier (any split)', '', behind(),
  `<!-- /results -->`,
].join('\n');
console.log(section);
if (!args.includes('--no-readme')) {
  const readme = path.join(HERE, 'README.md');
  const text = fs.readFileSync(readme, 'utf8');
  const re = /<!-- results:[\s\S]*<!-- \/results -->/;
  fs.writeFileSync(readme, re.test(text) ? text.replace(re, section) : `${text}\n${section}\n`);
}
