// Type "kellogg" into the search box like a person and check the results are exactly
// the three documents that mention Kellogg, each with the match marked.

import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  startSession, openPage, waitForReady, typeQuery, waitForResults, readResults, hashParams,
  screenshot, assertNoProblems, KELLOGG_IDS, PHONE, withPage,
} from './helpers.mjs';

describe('search for kellogg', () => {
  let session;
  before(async () => { session = await startSession(); });
  after(async () => { await session?.close(); });

  it('lists exactly the three Kellogg documents, with the match marked', async () => {
    await withPage(session.browser, session.url, async ({ page }) => {
      await waitForReady(page);
      assert.match(await page.locator('#results').textContent(), /\d+ news documents?/,
        'the intro shows the corpus size');
      await screenshot(page, 'intro');

      await typeQuery(page, 'kellogg');
      await waitForResults(page, 'kellogg');

      assert.equal(await page.locator('#q').inputValue(), 'kellogg');
      assert.equal((await page.locator('#status').textContent()).trim(), '3 documents match “kellogg”');

      const results = await readResults(page);
      assert.equal(results.length, 3, `exactly three results, got ${results.map((r) => r.id).join(', ')}`);
      assert.deepEqual(new Set(results.map((r) => r.id)), new Set(KELLOGG_IDS));
      for (const result of results) {
        assert.ok(result.title.trim(), `${result.id} has a title`);
        assert.ok(
          result.visibleExcerptMarks.some((text) => text.toLowerCase() === 'kellogg'),
          `${result.id}: the excerpt should show a <mark>kellogg</mark>, marks were ${JSON.stringify(result.excerptMarks)} in “${result.excerpt}”`,
        );
        const link = new URLSearchParams(result.href.replace(/^#/, ''));
        assert.equal(link.get('q'), 'kellogg', `${result.id}: link keeps the query`);
        assert.equal(link.get('doc'), result.id, `${result.id}: link opens that document`);
      }
      await screenshot(page, 'search-kellogg');

      assert.match(new URL(page.url()).hash, /q=kellogg/);
      assert.equal(hashParams(page).get('q'), 'kellogg');
      assert.equal(hashParams(page).get('doc'), null);
    });
  });

  it('restores the same results from the link, at phone width', async () => {
    const { page, context, problems } = await openPage(session.browser, `${session.url}#q=kellogg`,
      { viewport: PHONE });
    try {
      await waitForReady(page);
      await waitForResults(page, 'kellogg');
      assert.equal(await page.locator('#q').inputValue(), 'kellogg');
      const ids = (await readResults(page)).map((r) => r.id);
      assert.deepEqual(new Set(ids), new Set(KELLOGG_IDS));
      assert.equal(ids.length, 3);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      assert.ok(overflow <= 0, `no horizontal scrolling at phone width (overflow ${overflow}px)`);
      await screenshot(page, 'search-kellogg-phone');
      await page.emulateMedia({ colorScheme: 'dark' });
      await screenshot(page, 'search-kellogg-phone-dark');
      assertNoProblems(problems);
    } finally {
      await context.close();
    }
  });
});
