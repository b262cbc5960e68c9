// Sharded mode at scale, in headless Chromium: a generated corpus (bench/scale/generate.mjs)
// built with `build.sh --sharded`, served like a static host (brotli/gzip, bench/browser/
// server.mjs). For queries of each kind (bench/queries.json): bytes on the wire and requests
// from navigation to the first results, in a fresh browser context each (nothing cached);
// then, in one page, the latency of the same query asked again (warm: its shards fetched).
//
//   node bench/sharded/run.mjs DIST [--per-kind N]     (bench/sharded/run.sh builds DIST)
import fs from 'node:fs';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { startServer } from '../browser/server.mjs';
import { LAUNCH } from '../browser/pages.mjs';

const [dist, ...rest] = process.argv.slice(2);
if (!dist) throw new Error('usage: node bench/sharded/run.mjs DIST [--per-kind N]');
const PER_KIND = Number(rest[rest.indexOf('--per-kind') + 1]) || 5;
const BENCH = path.resolve(import.meta.dirname, '..');
const kinds = JSON.parse(fs.readFileSync(path.join(BENCH, 'queries.json'), 'utf8')).kinds;
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const max = (xs) => Math.max(...xs);
const log = (...a) => console.error('sharded:', ...a);

const server = await startServer({ '/dist/': path.resolve(dist) });
const browser = await chromium.launch(LAUNCH);
const text = (kind, q) => (kind === 'prefix' ? q : `${q} `);

/** Fresh context: navigation → first result (or the no-results notice) on screen. */
async function firstResults(query) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  try {
    const page = await context.newPage();
    server.reset();
    const t0 = Date.now();
    await page.goto(`${server.origin}/dist/index.html#${new URLSearchParams({ q: query })}`, { waitUntil: 'commit' });
    await page.waitForFunction(() => document.querySelector('#results [data-id], #results .notice'), null,
      { timeout: 120_000, polling: 100 });
    const ms = Date.now() - t0;
    const sent = server.log.slice();
    return {
      ms,
      results: await page.locator('#results [data-id]').count(),
      requests: sent.length,
      wire: sent.reduce((n, e) => n + e.wire, 0),
      index: sent.filter((e) => e.path.includes('/index/')).reduce((n, e) => n + e.wire, 0),
      app: sent.filter((e) => !e.path.includes('/index/')).reduce((n, e) => n + e.wire, 0),
    };
  } finally {
    await context.close();
  }
}

const loads = {};
await firstResults('warm up');
for (const [kind, qs] of Object.entries(kinds)) {
  loads[kind] = [];
  for (const q of qs.slice(0, PER_KIND)) loads[kind].push({ q, ...(await firstResults(q)) });
  log(kind, loads[kind].map((r) => `${r.q}: ${(r.wire / 1e3).toFixed(0)} KB`).join(', '));
}

// Warm latency: the engine's search (what the page calls), top 10 without facets, after one
// call has fetched the query's shards.
const page = await (await browser.newContext()).newPage();
await page.goto(`${server.origin}/dist/index.html`);
await page.waitForFunction(() => document.documentElement.dataset.status === 'ready', null, { timeout: 120_000 });
const warm = {};
for (const [kind, qs] of Object.entries(kinds)) {
  warm[kind] = [];
  for (const q of qs.slice(0, PER_KIND)) {
    warm[kind].push(await page.evaluate(async (query) => {
      const engine = await import('/dist/engine.js');
      await engine.search(query, { limit: 10, facetLimit: 0 });
      const t0 = performance.now();
      let n = 0;
      while (performance.now() - t0 < 50 || n < 5) { await engine.search(query, { limit: 10, facetLimit: 0 }); n++; }
      return (performance.now() - t0) / n;
    }, text(kind, q)));
  }
}
await browser.close();
await server.close();

const files = fs.readdirSync(path.join(dist, 'index'));
const bytes = files.reduce((n, f) => n + fs.statSync(path.join(dist, 'index', f)).size, 0);
const kb = (n) => `${(n / 1e3).toFixed(0)} KB`;
console.log(`| kind | first results: on the wire (median / max) | of it, index shards | requests (median) | time (median) | warm query (median / max) |`);
console.log('|---|---:|---:|---:|---:|---:|');
for (const kind of Object.keys(kinds)) {
  const r = loads[kind];
  console.log(`| ${kind} (${r.length}) | ${kb(median(r.map((x) => x.wire)))} / ${kb(max(r.map((x) => x.wire)))} | ` +
    `${kb(median(r.map((x) => x.index)))} | ${median(r.map((x) => x.requests))} | ${median(r.map((x) => x.ms))} ms | ` +
    `${median(warm[kind]).toFixed(2)} / ${max(warm[kind]).toFixed(2)} ms |`);
}
console.log(`\nIndex: ${files.length} files, ${(bytes / 1e6).toFixed(1)} MB raw; app (page + wasm) on the wire: ${kb(median(Object.values(loads).flat().map((x) => x.app)))}.`);
