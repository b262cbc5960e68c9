// The in-Chromium part of the benchmark (headless /usr/bin/chromium via playwright-core),
// against bench/browser/server.mjs (compressing like a static host, counting bytes):
//  1. navigation → first results, and bytes/requests until then: Dossier's page at
//     dist/index.html#q=<query>, and a minimal Pagefind page (pagefind.html?q=<query>);
//     a fresh browser context (empty cache) each time, the two interleaved;
//  2. query latency by kind for Dossier's wasm, MiniSearch, FlexSearch and Pagefind, all in
//     one page (lab.html), timed as bench/measure.mjs does.
//   node bench/browser/run.mjs [--loads N] [--quick]   writes bench/out/browser.json
//   (--quick: 2 queries per kind, 1 load, short timings: to try the machinery, not to report)
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { startServer } from './server.mjs';
import { LAUNCH, pages, weigh } from './pages.mjs';

const HERE = path.dirname(new URL(import.meta.url).pathname);
const BENCH = path.dirname(HERE);
const REPO = path.dirname(BENCH);
const OUT = path.join(BENCH, 'out');
const args = process.argv.slice(2);
const QUICK = args.includes('--quick');
const LOADS = QUICK ? 1 : Number(args[args.indexOf('--loads') + 1] || 0) || 3; // first N queries of each kind are page-loaded
const TIMING = QUICK ? { minMs: 2, minReps: 1, rounds: 1 } : { minMs: 50, minReps: 5, rounds: 3 };

const kinds = Object.fromEntries(Object.entries(JSON.parse(fs.readFileSync(path.join(BENCH, 'queries.json'), 'utf8')).kinds)
  .map(([kind, qs]) => [kind, QUICK ? qs.slice(0, 2) : qs]));
const log = (...a) => console.error('bench:', ...a);
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const quantile = (xs, q) => { const s = [...xs].sort((a, b) => a - b); return s[Math.max(0, Math.ceil(q * s.length) - 1)]; };

const server = await startServer({
  '/dist/': path.join(OUT, 'dist'),
  '/pagefind-site/': path.join(OUT, 'pagefind-site'),
  '/lab/': HERE,
  '/engines/': path.join(BENCH, 'engines'),
  '/node_modules/': path.join(REPO, 'node_modules'),
  '/corpus.jsonl': path.join(OUT, 'newsarticles.jsonl'),
});
log('compressing the wasm for serving (cached in bench/out/cache)');
await server.prepare(path.join(OUT, 'dist/pkg/dossier_bg.wasm'));
const browser = await chromium.launch(LAUNCH);
const chromiumVersion = browser.version();

// --- 1. navigation → first results ---------------------------------------------------------
const PAGES = pages(server.origin);

async function firstResults(engine, query) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  try {
    const page = await context.newPage();
    server.reset();
    await page.goto(PAGES[engine].url(query), { waitUntil: 'commit' });
    const result = await (await PAGES[engine].ready(page, query)).jsonValue();
    const sent = weigh(server.log); // what had been sent when the results were there
    return { query, ms: result.ms, results: result.results, ...sent, files: server.log.map((e) => [e.path, e.wire]) };
  } finally {
    await context.close();
  }
}

const loads = { Dossier: [], Pagefind: [] };
await firstResults('Dossier', 'warm up'); // Chromium's own start-up costs, once
await firstResults('Pagefind', 'warm up');
for (const [kind, qs] of Object.entries(kinds)) {
  log(`page loads: ${kind}`);
  for (const query of qs.slice(0, LOADS)) {
    for (const engine of Object.keys(PAGES)) loads[engine].push({ kind, ...(await firstResults(engine, query)) });
  }
}
const loadSummary = Object.fromEntries(Object.entries(loads).map(([engine, runs]) => [engine, {
  withResults: runs.filter((r) => r.results > 0).length,
  ms: { median: median(runs.map((r) => r.ms)), max: Math.max(...runs.map((r) => r.ms)) },
  wire: { median: median(runs.map((r) => r.wire)), max: Math.max(...runs.map((r) => r.wire)), min: Math.min(...runs.map((r) => r.wire)) },
  raw: { median: median(runs.map((r) => r.raw)) },
  requests: { median: median(runs.map((r) => r.requests)), max: Math.max(...runs.map((r) => r.requests)) },
  runs,
}]));

// --- 2. query latency in one page ----------------------------------------------------------
const context = await browser.newContext();
const page = await context.newPage();
page.on('pageerror', (e) => log('page error:', e.message));
await page.goto(`${server.origin}/lab/lab.html`);
await page.waitForFunction(() => window.lab);
log('building / loading the engines in Chromium');
const setup = await page.evaluate(() => window.lab.setup());
const loadAverageBefore = os.loadavg();
const perEngine = {};
const network = {};
for (const [kind, qs] of Object.entries(kinds)) {
  log(`timing ${kind} queries in Chromium`);
  server.reset();
  const rows = await page.evaluate(([k, q, t]) => window.lab.time(k, q, t), [kind, qs, TIMING]);
  network[kind] = weigh(server.log); // fetched during the first runs (Pagefind's chunks and fragments)
  for (const [engine, list] of Object.entries(rows)) {
    (perEngine[engine] ??= {})[kind] = {
      median: quantile(list.map((q) => q.ms), 0.5),
      p95: quantile(list.map((q) => q.ms), 0.95),
      firstMedian: quantile(list.map((q) => q.firstMs), 0.5),
      firstP95: quantile(list.map((q) => q.firstMs), 0.95),
      withResults: list.filter((q) => q.results > 0).length,
      partial: list.filter((q) => q.partial).length,
      errors: list.filter((q) => q.error).length,
      medianTotal: list.every((q) => q.total != null) ? quantile(list.map((q) => q.total), 0.5) : null,
      count: list.length,
      queries: list,
    };
  }
}
const loadAverageAfter = os.loadavg();
await context.close();
await browser.close();
await server.close();

const result = {
  date: new Date().toISOString().slice(0, 10),
  chromium: chromiumVersion,
  timing: TIMING,
  loadsPerKind: LOADS,
  loadAverage: { before: loadAverageBefore, after: loadAverageAfter },
  firstResults: loadSummary,
  setup,
  networkDuringTiming: network,
  engines: Object.entries(perEngine).map(([name, k]) => ({ name, diagnostic: name.includes(':'), kinds: k })),
};
fs.writeFileSync(path.join(OUT, QUICK ? 'browser-quick.json' : 'browser.json'), JSON.stringify(result, null, 1) + '\n');
for (const [engine, s] of Object.entries(loadSummary)) {
  log(`${engine}: first results after ${s.ms.median.toFixed(0)} ms (median), ${(s.wire.median / 1e6).toFixed(2)} MB in ${s.requests.median} requests`);
}
for (const e of result.engines) log(`${e.name}: ${Object.entries(e.kinds).map(([k, v]) => `${k} ${v.median.toFixed(3)}`).join(', ')} ms`);
