// The timeline: documents along time (the default corpus has one dated document and four
// undated ones, which are counted, not dropped); a period links to the results dated in it;
// the compact strip above results does the same.

import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  startSession, waitForReady, waitForMode, waitForResults, readResults, hashParams, screenshot,
  ALL_IDS, DATED, PHONE, withPage,
} from './helpers.mjs';

/** Wait for the search view to show the browse (no query) outcome. */
async function waitForBrowse(page) {
  await page.waitForFunction(() => document.documentElement.dataset.mode === 'search' &&
    /match the filters$/.test(document.querySelector('#status').textContent));
}

describe('timeline', () => {
  let session;
  before(async () => { session = await startSession(); });
  after(async () => { await session?.close(); });

  it('shows dated documents by period and counts the undated ones', async () => {
    await withPage(session.browser, session.url, async ({ page }) => {
      await waitForReady(page);
      await page.locator('.views-nav a', { hasText: 'Timeline' }).click();
      await waitForMode(page, 'timeline');
      assert.equal(hashParams(page).get('view'), 'timeline');
      assert.equal(await page.locator('.views-nav a[aria-current="page"]').textContent(), 'Timeline');
      const view = page.locator('#timeline-view');
      assert.match(await view.locator('.view-lede').textContent(), new RegExp(`^${ALL_IDS.length} documents in the corpus`));

      const bars = view.locator('.bars a.bar');
      const labels = await bars.evaluateAll((as) => as.map((a) => a.getAttribute('aria-label')));
      // Date mentions come with entity extraction: the count may be anything.
      assert.equal(labels.length, 2, labels.join(' | '));
      assert.match(labels[0], /^Aug 29, 2025: 1 document, \d+ date mentions?$/);
      assert.equal(labels[1], `Undated: ${ALL_IDS.length - 1} documents`);
      const rows = await view.locator('table.periods tbody tr').evaluateAll((trs) =>
        trs.map((tr) => [...tr.cells].map((c) => c.textContent)));
      assert.ok(rows.some(([period, docs]) => period === 'Aug 29, 2025' && docs === '1'), JSON.stringify(rows));
      assert.match(await view.locator('.undated-note-line').textContent(), /4 undated documents — counted here/);
      await screenshot(page, 'timeline');

      // A period opens the results dated in it.
      await bars.first().click();
      await waitForBrowse(page);
      assert.equal(hashParams(page).get('from'), DATED.date);
      assert.equal(hashParams(page).get('to'), DATED.date);
      assert.deepEqual((await readResults(page)).map((r) => r.id), [DATED.id]);
      assert.match(await page.locator('#results .chips').textContent(), /Aug 29, 2025/);

      // Back to the timeline, then the undated documents.
      await page.goBack();
      await waitForMode(page, 'timeline');
      await page.locator('#timeline-view .undated-note-line a').click();
      await waitForBrowse(page);
      assert.equal(hashParams(page).get('undated'), '1');
      const undated = (await readResults(page)).map((r) => r.id);
      assert.deepEqual(new Set(undated), new Set(ALL_IDS.filter((id) => id !== DATED.id)));
      assert.match(await page.locator('#results .chips').textContent(), /Undated only/);

      // Removing the chip leaves no filter: the intro again.
      await page.locator('#results .chip-remove').click();
      await page.waitForFunction(() => document.querySelector('#results .intro'));
      assert.equal(new URL(page.url()).hash, '');
    });
  });

  it('follows the query: the timeline of "zelenskyy" and its strip above the results', async () => {
    await withPage(session.browser, `${session.url}#q=zelenskyy`, async ({ page }) => {
      await waitForReady(page);
      await waitForResults(page, 'zelenskyy');
      const strip = page.locator('#results nav.strip');
      assert.equal(await strip.locator('a.strip-bar').count(), 1, 'one dated period');
      assert.equal(await strip.locator('a.strip-bar').getAttribute('aria-label'), 'Aug 29, 2025: 1 document');
      assert.match(await strip.locator('.strip-undated').textContent(), /undated documents?$/);

      await strip.locator('a.strip-bar').click();
      await waitForResults(page, 'zelenskyy');
      assert.equal(hashParams(page).get('from'), DATED.date);
      assert.deepEqual((await readResults(page)).map((r) => r.id), [DATED.id]);
      assert.equal(await page.locator('#results a.strip-bar[aria-current="true"]').count(), 1, 'the chosen period is marked');

      // The nav's Timeline link carries the query (not the date filter).
      await page.locator('.views-nav a', { hasText: 'Timeline' }).click();
      await waitForMode(page, 'timeline');
      assert.equal(hashParams(page).get('q'), 'zelenskyy');
      assert.equal(hashParams(page).get('from'), null);
      assert.match(await page.locator('#timeline-view .view-lede').textContent(), /matching “zelenskyy”/);
    });
  });

  it('reads well at phone width and ignores a malformed date in the link', async () => {
    await withPage(session.browser, `${session.url}#view=timeline`, { viewport: PHONE }, async ({ page }) => {
      await waitForReady(page);
      await waitForMode(page, 'timeline');
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      assert.ok(overflow <= 0, `no horizontal scrolling at phone width (overflow ${overflow}px)`);
      await screenshot(page, 'timeline-phone');

      await page.goto(`${session.url}#from=${encodeURIComponent('<b>2025</b>')}&q=kellogg`);
      await waitForResults(page, 'kellogg');
      assert.equal((await readResults(page)).length, 3, 'a malformed date is not a filter');
      assert.equal(await page.locator('#results .chips').count(), 0);
    });
  });
});
