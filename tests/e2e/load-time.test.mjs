// How long from navigation until a search is possible (the index loaded and the page marked
// ready: performance mark "dossier:ready"), for the served page and for the single file from
// file://. Measured in fresh contexts, printed and written to screenshots/timings.json; not
// asserted (machines differ), except that the page does become ready.

import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { DIST, SCREENSHOTS, DESKTOP, startSession, waitForReady } from './helpers.mjs';

const RUNS = 5;

/** Navigation → ready, in ms, for `url` in a fresh context. */
async function timeToReady(browser, url) {
  const context = await browser.newContext({ viewport: DESKTOP });
  try {
    const page = await context.newPage();
    await page.goto(url);
    await waitForReady(page);
    const [ready, dom] = await page.evaluate(() => [
      performance.getEntriesByName('dossier:ready')[0]?.startTime,
      performance.getEntriesByType('navigation')[0]?.domContentLoadedEventEnd,
    ]);
    assert.ok(Number.isFinite(ready), 'the page marks when it is ready');
    return { ready, dom };
  } finally {
    await context.close();
  }
}

function summary(samples) {
  const sorted = [...samples].sort((a, b) => a - b);
  const round = (n) => Math.round(n * 10) / 10;
  return { median: round(sorted[Math.floor(sorted.length / 2)]), min: round(sorted[0]), max: round(sorted.at(-1)), runs: sorted.map(round) };
}

describe('load time', () => {
  let session;
  before(async () => { session = await startSession(); });
  after(async () => { await session?.close(); });

  it('measures navigation → first possible search (reported, not asserted)', async () => {
    const pages = {
      'index.html (served over http)': session.url,
      'dossier.html (single file, file://)': pathToFileURL(path.join(DIST, 'dossier.html')).href,
    };
    const report = { measured: new Date().toISOString(), what: 'ms from navigation start to the "dossier:ready" mark', pages: {} };
    await timeToReady(session.browser, session.url); // warm the browser's own caches once
    for (const [name, url] of Object.entries(pages)) {
      const samples = [];
      const dom = [];
      for (let i = 0; i < RUNS; i++) {
        const t = await timeToReady(session.browser, url);
        samples.push(t.ready);
        dom.push(t.dom);
      }
      report.pages[name] = { ready: summary(samples), domContentLoaded: summary(dom) };
      console.log(`# load time: ${name}: ready after ${report.pages[name].ready.median} ms (median of ${RUNS}; ` +
        `min ${report.pages[name].ready.min}, max ${report.pages[name].ready.max})`);
    }
    fs.mkdirSync(SCREENSHOTS, { recursive: true });
    fs.writeFileSync(path.join(SCREENSHOTS, 'timings.json'), `${JSON.stringify(report, null, 2)}\n`);
  });
});
