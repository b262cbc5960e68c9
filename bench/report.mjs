// The README tables for the parts measured outside measure.mjs: Dossier's index by part
// (index-parts.mjs), Pagefind's build and bundle (pagefind/build.mjs), and the in-Chromium
// run (browser/run.mjs). Each reads its JSON in bench/out/ and is skipped when it is missing.
import fs from 'node:fs';
import path from 'node:path';

const OUT = path.join(path.dirname(new URL(import.meta.url).pathname), 'out');
const read = (name) => { try { return JSON.parse(fs.readFileSync(path.join(OUT, name), 'utf8')); } catch { return null; } };

const ms = (x) => (x == null ? '–' : x < 0.01 ? x.toFixed(4) : x < 1 ? x.toFixed(3) : x < 100 ? x.toFixed(2) : x.toFixed(0));
const mb = (n) => (n == null ? '–' : n >= 1e6 ? `${(n / 1e6).toFixed(2)} MB` : `${(n / 1e3).toFixed(1)} KB`);
const secs = (x) => (x == null ? '–' : `${(x / 1000).toFixed(2)} s`);
const ratio = (a, b) => {
  if (a == null || b == null || b === 0) return '–';
  const r = a / b;
  return `${r < 0.01 ? '<0.01' : r < 10 ? r.toFixed(2) : r.toFixed(0)}×`;
};
const pct = (a, b) => `${((100 * a) / b).toFixed(0)} %`;

function partsSection(lines, parts) {
  lines.push('', '### Dossier\'s index by part', '',
    'The table of contents of `index.dsr` (see `src/format/mod.rs`), each part compressed on its own (gzip -9, brotli 11); ' +
    '"whole" rows compress the file in one piece, which is what a server sends.', '',
    '| part | sections | raw | gzip | brotli | share (brotli) |', '|---|---|---:|---:|---:|---:|');
  const sum = parts.parts.reduce((n, p) => n + p.brotli, 0);
  for (const p of parts.parts) {
    lines.push(`| ${p.label} | ${p.tags.map((t) => `\`${t}\``).join(' ')} | ${mb(p.raw)} | ${mb(p.gzip)} | ${mb(p.brotli)} | ${pct(p.brotli, sum)} |`);
  }
  lines.push(`| whole index \`index.dsr\` | ${parts.sections.length} sections | ${mb(parts.index.raw)} | ${mb(parts.index.gzip)} | ${mb(parts.index.brotli)} |  |`);
  if (parts.wasmWithoutIndex) {
    lines.push(`| wasm without the index (code, data) | | ${mb(parts.wasmWithoutIndex.raw)} | ${mb(parts.wasmWithoutIndex.gzip)} | ${mb(parts.wasmWithoutIndex.brotli)} |  |`);
  }
  lines.push(`| whole wasm \`dossier_bg.wasm\` | | ${mb(parts.wasm.raw)} | ${mb(parts.wasm.gzip)} | ${mb(parts.wasm.brotli)} |  |`);
  const met = parts.index.brotli <= parts.targetBrotli;
  lines.push('', `**Target** (embedded index + text ≤ ${mb(parts.targetBrotli)} brotli): ${met ? '**met**' : '**not met**'}: ` +
    `${mb(parts.index.brotli)}, ${ratio(parts.index.brotli, parts.targetBrotli)} the target; the document store alone (the text) is ${mb(parts.parts.find((p) => p.tags.includes('DOCS'))?.brotli)}.`);
}

function pagefindSection(lines, pf, results) {
  const D = results?.engines?.find((e) => e.name === 'Dossier')?.build;
  lines.push('', '### Pagefind: build and bundle', '',
    `Pagefind ${pf.version} (npm \`pagefind\`, its \`${pf.binary}\` binary) on ${pf.documents} HTML pages (${mb(pf.html.raw)}), one per article: ` +
    'title as `<h1>`, text in `<p>`s, inside `data-pagefind-body`. Build: the indexer as its own process, wall time and peak RSS ' +
    '(`/usr/bin/time -v`), as for Dossier\'s `dossier build`. Pagefind writes its index chunks, fragments and wasm gzip-compressed ' +
    'already: a host sends them as they are, so for those raw = gzip = brotli here.', '',
    '| engine | build | peak RSS | files | raw | gzip | brotli |', '|---|---:|---:|---:|---:|---:|---:|');
  if (D) lines.push(`| Dossier (index embedded in the wasm) | ${secs(D.buildMs)} | ${mb(D.buildPeakRssBytes)} | 1 | ${mb(D.wasm.raw)} | ${mb(D.wasm.gzip)} | ${mb(D.wasm.brotli)} |`);
  lines.push(`| Pagefind (whole bundle) | ${secs(pf.buildMs)} | ${mb(pf.buildPeakRssBytes)} | ${pf.bundle.files} | ${mb(pf.bundle.raw)} | ${mb(pf.bundle.gzip)} | ${mb(pf.bundle.brotli)} |`);
  for (const [label, p] of Object.entries(pf.parts)) lines.push(`| — ${label} | | | ${p.files} | ${mb(p.raw)} | ${mb(p.gzip)} | ${mb(p.brotli)} |`);
  if (D) lines.push(`| **Dossier ÷ Pagefind** | ${ratio(D.buildMs, pf.buildMs)} | ${ratio(D.buildPeakRssBytes, pf.buildPeakRssBytes)} | | ${ratio(D.wasm.raw, pf.bundle.raw)} | ${ratio(D.wasm.gzip, pf.bundle.gzip)} | ${ratio(D.wasm.brotli, pf.bundle.brotli)} |`);
  lines.push('', 'A Pagefind visitor downloads only the chunks and fragments a query needs (next table); a Dossier visitor downloads the whole wasm once.');
}

function browserSection(lines, br, results) {
  const fr = br.firstResults;
  lines.push('', '### In Chromium: navigation → first results', '',
    `Headless Chromium ${br.chromium}, a fresh context (empty cache) per load, served by \`bench/browser/server.mjs\` on localhost ` +
    '(brotli 11 per `Accept-Encoding`, no network delay: the time is the page\'s own work plus local transfer). ' +
    `The first ${br.loadsPerKind} queries of each kind (${fr.Dossier.runs.length} loads per engine, the engines interleaved). ` +
    'Dossier: `dist/index.html#q=<query>` until the first result of that query is visible; Pagefind: a minimal page ' +
    '(`bench/browser/pagefind.html`) running `pagefind.search(q)` and `data()` of the top 10 (title, url, excerpt) and showing them. ' +
    'Time: `performance.now()` in the page (from navigation start); bytes: what the server had sent by then (headers + compressed bodies). ' +
    'What is shown then: Dossier\'s page, the first 20 results with excerpts and the entity facets; the Pagefind page, the top 10 with excerpts. ' +
    '"with results": loads that showed at least one result (else the time is until the page says nothing matched).', '',
    '| engine | time to first results, median (max) | bytes on the wire, median (min – max) | uncompressed | requests, median (max) | with results |',
    '|---|---:|---:|---:|---:|---:|');
  for (const [name, s] of Object.entries(fr)) {
    lines.push(`| ${name} | ${ms(s.ms.median)} ms (${ms(s.ms.max)}) | ${mb(s.wire.median)} (${mb(s.wire.min)} – ${mb(s.wire.max)}) | ${mb(s.raw.median)} | ` +
      `${s.requests.median} (${s.requests.max}) | ${s.withResults} of ${s.runs.length} |`);
  }
  if (fr.Dossier && fr.Pagefind) {
    lines.push(`| **Dossier ÷ Pagefind** | ${ratio(fr.Dossier.ms.median, fr.Pagefind.ms.median)} | ${ratio(fr.Dossier.wire.median, fr.Pagefind.wire.median)} | ${ratio(fr.Dossier.raw.median, fr.Pagefind.raw.median)} | | |`);
  }

  const main = br.engines.filter((e) => !e.diagnostic);
  const by = Object.fromEntries(br.engines.map((e) => [e.name, e]));
  const D = by.Dossier;
  const anchors = main.filter((e) => e !== D);
  const kinds = Object.keys(D?.kinds ?? main[0].kinds);
  lines.push('', '### In Chromium: query latency', '',
    `The same queries and timing as the node tables (≥${br.timing.minReps} runs and ≥${br.timing.minMs} ms per query, median of ${br.timing.rounds} rounds, ` +
    'engines interleaved), all four engines in one page (`bench/browser/lab.html`), `performance.now()` (cross-origin isolated, so not coarsened). ' +
    'Dossier: the site\'s wasm, asked as in node. MiniSearch and FlexSearch: loaded from `node_modules`, index built in the page from the corpus. ' +
    'Pagefind: `search(q)` then `data()` of the top 10 (its excerpt, title, url), warm: timed after a first run of the same query, ' +
    'by which time Pagefind holds the index chunks and fragments it fetched in memory (nothing is fetched while timing); its search runs in its web worker. ' +
    'Median / p95 ms over the queries of each kind; ratios of medians.', '',
    `| kind | ${main.map((e) => e.name).join(' | ')} | ${anchors.map((a) => `Dossier ÷ ${a.name}`).join(' | ')} | with results (${main.map((e) => e.name).join(' / ')}) |`,
    `|---|${main.map(() => '---:').join('|')}|${anchors.map(() => '---:').join('|')}|---|`);
  for (const kind of kinds) {
    const counts = main.map((e) => {
      const k = e.kinds[kind];
      return `${k.withResults}${k.partial ? ` (${k.partial} partial)` : ''}${k.errors ? ` (${k.errors} errors)` : ''}`;
    }).join(' / ');
    lines.push(`| ${kind} (${D.kinds[kind].count}) | ${main.map((e) => `${ms(e.kinds[kind].median)} / ${ms(e.kinds[kind].p95)}`).join(' | ')} | ` +
      `${anchors.map((a) => ratio(D.kinds[kind].median, a.kinds[kind].median)).join(' | ')} | ${counts} |`);
  }

  const P = by.Pagefind;
  const nodeD = results?.engines?.find((e) => e.name === 'Dossier');
  lines.push('', 'Same queries, more views (median / p95 ms; "first run": the one untimed-warm call of each query, timed once; ' +
    'for Pagefind it includes fetching index chunks and fragments over localhost):', '',
    '| kind | Dossier in node | Dossier in Chromium | Chromium ÷ node | Pagefind first run | Pagefind `search()` only (warm, no `data()`) | Pagefind matches (median) | Dossier matches (median) |',
    '|---|---:|---:|---:|---:|---:|---:|---:|');
  for (const kind of kinds) {
    const n = nodeD?.kinds[kind];
    const s = by['Pagefind: search() only (no data())']?.kinds[kind];
    lines.push(`| ${kind} | ${n ? `${ms(n.median)} / ${ms(n.p95)}` : '–'} | ${ms(D.kinds[kind].median)} / ${ms(D.kinds[kind].p95)} | ${ratio(D.kinds[kind].median, n?.median)} | ` +
      `${P ? `${ms(P.kinds[kind].firstMedian)} / ${ms(P.kinds[kind].firstP95)}` : '–'} | ${s ? `${ms(s.median)} / ${ms(s.p95)}` : '–'} | ${P?.kinds[kind].medianTotal ?? '–'} | ${D.kinds[kind].medianTotal ?? '–'} |`);
  }
  const setup = br.setup;
  lines.push('', 'In the page: ' + Object.entries(setup).map(([name, s]) =>
    `${name} ${s.buildMs != null ? `built its index in ${secs(s.buildMs)}` : `loaded in ${ms(s.loadMs)} ms`}`).join('; ') +
    ` (Dossier: fetch, compile and instantiate the wasm; Pagefind: import \`pagefind.js\` and \`init()\`; its wasm and meta come with the first search). Load average before / after the timings: ` +
    `${br.loadAverage.before.map((x) => x.toFixed(2)).join(' ')} / ${br.loadAverage.after.map((x) => x.toFixed(2)).join(' ')}.`);
}

/** The extra sections, as markdown lines (empty when nothing was measured). */
export function renderExtra(results) {
  const lines = [];
  const parts = read('parts.json');
  const pf = read('pagefind.json');
  const br = read('browser.json');
  if (parts) partsSection(lines, parts);
  if (pf) pagefindSection(lines, pf, results);
  if (br) browserSection(lines, br, results);
  return lines;
}
