// On a slow link the first load says how far it is, and what is typed meanwhile is searched
// once the index is ready. The link is throttled through CDP (Network.emulateNetworkConditions)
// so that the wasm, with the seeds index embedded, takes several seconds to arrive.

import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { DESKTOP, startSession, waitForReady, readResults, screenshot } from './helpers.mjs';

/** 150 KB/s down, 40 ms round trips: the ~600 KB wasm takes about 4 s. */
const SLOW = { offline: false, latency: 40, downloadThroughput: 150_000, uploadThroughput: 150_000 };

describe('first load on a slow link', () => {
  let session;
  before(async () => { session = await startSession(); });
  after(async () => { await session?.close(); });

  it('shows the share loaded after a second, and keeps what was typed', async () => {
    const context = await session.browser.newContext({ viewport: DESKTOP, locale: 'en-US' });
    try {
      const page = await context.newPage();
      const cdp = await context.newCDPSession(page);
      await cdp.send('Network.enable');
      await cdp.send('Network.emulateNetworkConditions', SLOW);
      await page.goto(session.url, { waitUntil: 'domcontentloaded' });
      const seen = [];
      await page.locator('#q').fill('kellogg');
      const progress = /^Loading index… (\d+)% of ([\d.]+) MB$/;
      await page.waitForFunction((re) => new RegExp(re).test(document.querySelector('#status')?.textContent ?? ''),
        progress.source, { timeout: 20_000 });
      seen.push(await page.locator('#status').textContent());
      await screenshot(page, 'load-progress');
      await page.waitForFunction((re) => {
        const m = new RegExp(re).exec(document.querySelector('#status')?.textContent ?? '');
        return document.documentElement.dataset.status !== 'loading' || (m && Number(m[1]) >= 50);
      }, progress.source, { timeout: 30_000 });
      seen.push(await page.locator('#status').textContent());
      await waitForReady(page);
      const [first] = seen.map((s) => progress.exec(s)).filter(Boolean);
      assert.ok(first, `a progress line was shown: ${seen.join(' | ')}`);
      assert.ok(Number(first[1]) < 100 && Number(first[2]) > 0.1, `a share of the wasm's size: ${first[0]}`);
      assert.equal(await page.locator('#q').inputValue(), 'kellogg', 'what was typed while loading is kept');
      await page.locator('#q').press('End');
      await page.keyboard.type(' ');
      await page.waitForFunction(() => document.querySelectorAll('#results [data-id]').length > 0);
      assert.ok((await readResults(page)).length > 0, 'and searched');
    } finally {
      await context.close();
    }
  });
});
