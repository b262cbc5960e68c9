// First results on a slow link, in headless Chromium: for each site (a Dossier dist/, embedded
// or sharded, or a Pagefind bundle), open the search page for a query in a fresh browser
// context (nothing cached) over the reference link (10 Mbit/s down, 40 ms round trips, set
// through CDP Network.emulateNetworkConditions) and time navigation → first result on screen,
// weighing what the server sent until then. The server (bench/browser/server.mjs) compresses
// like a static host; each file is requested once untimed first, so its compression is cached
// and not inside the timed loads.
//
//   node bench/first-load/run.mjs SITES.json [--runs N]   prints a markdown table, writes results.json beside SITES.json
//   SITES.json: [{ "label", "engine": "Dossier"|"Pagefind", "dir", "corpus", "queries": [..] }]
import fs from 'node:fs';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { startServer } from '../browser/server.mjs';
import { LAB, LAUNCH, REFERENCE_LINK, pages, weigh } from '../browser/pages.mjs';

const [sitesFile, ...rest] = process.argv.slice(2);
if (!sitesFile) throw new Error('usage: node bench/first-load/run.mjs SITES.json [--runs N]');
const RUNS = Number(rest[rest.indexOf('--runs') + 1]) || 3;
const sites = JSON.parse(fs.readFileSync(sitesFile, 'utf8'));
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const log = (...a) => console.error('first-load:', ...a);
const browser = await chromium.launch(LAUNCH);

/** One load of `url` in a fresh context over the reference link (or unthrottled). */
async function load(server, engine, query, throttle = true) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  try {
    const page = await context.newPage();
    if (throttle) {
      const cdp = await context.newCDPSession(page);
      await cdp.send('Network.enable');
      await cdp.send('Network.emulateNetworkConditions', REFERENCE_LINK);
    }
    const { url, ready } = pages(server.origin)[engine];
    server.reset();
    await page.goto(url(query), { waitUntil: 'commit' });
    const shown = await (await ready(page, query)).jsonValue();
    return { ms: shown.ms, results: shown.results, ...weigh(server.log) };
  } finally {
    await context.close();
  }
}

const results = [];
for (const site of sites) {
  const mounts = { '/lab/': LAB };
  mounts[site.engine === 'Pagefind' ? '/pagefind-site/' : '/dist/'] = path.resolve(site.dir);
  const server = await startServer(mounts);
  // Compressing a large wasm (brotli 11) takes longer than a page load may: done first.
  if (site.engine === 'Dossier') await server.prepare(path.join(path.resolve(site.dir), 'pkg/dossier_bg.wasm'));
  try {
    for (const query of site.queries) {
      await load(server, site.engine, query, false); // untimed: fills the server's compression cache
      const runs = [];
      for (let i = 0; i < RUNS; i++) runs.push(await load(server, site.engine, query));
      const row = { ...site, query, ms: median(runs.map((r) => r.ms)), wire: median(runs.map((r) => r.wire)),
        requests: median(runs.map((r) => r.requests)), results: runs[0].results, runs };
      delete row.queries;
      results.push(row);
      log(`${site.label} ${JSON.stringify(query)}: ${Math.round(row.ms)} ms, ${(row.wire / 1000).toFixed(0)} KB, ${row.requests} requests`);
    }
  } finally {
    await server.close();
  }
}
await browser.close();

fs.writeFileSync(path.join(path.dirname(sitesFile), 'results.json'), `${JSON.stringify({ measured: new Date().toISOString(), link: REFERENCE_LINK, runs: RUNS, results }, null, 2)}\n`);
const lines = ['| corpus | site | query | first results | sent | requests |', '|---|---|---|---:|---:|---:|'];
for (const r of results) {
  lines.push(`| ${r.corpus} | ${r.label} | \`${r.query}\` | ${(r.ms / 1000).toFixed(2)} s | ${(r.wire / 1000).toFixed(0)} KB | ${r.requests} |`);
}
console.log(lines.join('\n'));
