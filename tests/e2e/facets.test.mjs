// Entity facets: the sidebar lists the entities in the current results by kind with counts;
// a click filters (a removable chip, in the URL), a second filter narrows further, and the
// sidebar moves under the results at phone width. Needs entities in the index.

import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  startSession, openPage, waitForReady, waitForResults, readResults, hashParams, screenshot,
  needEntities, assertNoProblems, ENTITY, KELLOGG_IDS, PHONE, withPage,
} from './helpers.mjs';

/** The facets as shown: { kind heading: [{ name, count, active }] }. */
function readFacets(page) {
  return page.$$eval('#results .facet-group', (groups) => Object.fromEntries(groups.map((g) => [
    g.querySelector('.facet-kind').textContent,
    [...g.querySelectorAll('a.facet')].map((a) => ({
      name: a.querySelector('.facet-name').textContent,
      count: Number.parseInt(a.querySelector('.facet-count').textContent, 10),
      active: a.getAttribute('aria-current') === 'true',
    })),
  ])));
}

function chips(page) {
  return page.$$eval('#results .chip .chip-label', (labels) => labels.map((l) => l.textContent));
}

describe('entity facets', () => {
  let session;
  before(async () => { session = await startSession(); });
  after(async () => { await session?.close(); });

  it('filters the kellogg results by a person, then removes the filter', async (t) => {
    await withPage(session.browser, `${session.url}#q=kellogg`, async ({ page }) => {
      await waitForReady(page);
      if (!await needEntities(t, page)) return;
      await waitForResults(page, 'kellogg');
      const facets = await readFacets(page);
      assert.ok(facets.People, `a People group: ${Object.keys(facets).join(', ')}`);
      const kellogg = facets.People.find((f) => f.name === 'Keith Kellogg');
      assert.deepEqual(kellogg, { name: 'Keith Kellogg', count: 3, active: false }, 'every result mentions him');
      assert.ok(facets.Places?.some((f) => f.name === 'Kyiv'), 'Kyiv among the places');
      for (const group of Object.values(facets)) {
        const counts = group.map((f) => f.count);
        assert.deepEqual(counts, [...counts].sort((a, b) => b - a), 'most frequent first');
        assert.ok(counts.every((c) => c >= 1 && c <= 3));
      }
      await screenshot(page, 'facets');

      // Filter by Steve Witkoff: a chip, the URL, fewer results, the facet marked.
      const witkoff = facets.People.find((f) => f.name === 'Steve Witkoff');
      assert.ok(witkoff, 'Witkoff is in the kellogg results');
      await page.locator('#results a.facet', { hasText: 'Steve Witkoff' }).click();
      await page.waitForFunction(() => document.querySelectorAll('#results .chip').length === 1);
      await waitForResults(page, 'kellogg');
      assert.deepEqual(hashParams(page).getAll('e'), [ENTITY.witkoff]);
      assert.deepEqual(await chips(page), ['Steve Witkoff']);
      const filtered = (await readResults(page)).map((r) => r.id);
      assert.equal(filtered.length, witkoff.count, 'as many results as the facet said');
      assert.ok(filtered.every((id) => KELLOGG_IDS.includes(id)));
      assert.equal((await readFacets(page)).People.find((f) => f.name === 'Steve Witkoff').active, true);
      assert.match(await page.evaluate(() => document.activeElement?.dataset.focusKey ?? ''), /^facet:/,
        'focus stays on the facet after the redraw');
      await screenshot(page, 'facets-filtered');

      // The chip's name goes to the entity page; its × removes the filter. Back restores it.
      await page.locator('#results .chip-remove').click();
      await page.waitForFunction(() => document.querySelectorAll('#results .chip').length === 0);
      await waitForResults(page, 'kellogg');
      assert.deepEqual(hashParams(page).getAll('e'), []);
      assert.equal((await readResults(page)).length, 3);
      await page.goBack();
      await page.waitForFunction(() => document.querySelectorAll('#results .chip').length === 1);
      assert.deepEqual(hashParams(page).getAll('e'), [ENTITY.witkoff]);
    });
  });

  it('browses by entity alone, combines two filters, and clears them', async (t) => {
    const { page, context, problems } = await openPage(session.browser,
      `${session.url}#e=${ENTITY.kellogg}&e=${ENTITY.zelenskyy}`, { viewport: PHONE });
    try {
      await waitForReady(page);
      if (!await needEntities(t, page)) return;
      await page.waitForFunction(() => /match the filters$/.test(document.querySelector('#status').textContent));
      assert.deepEqual(await chips(page), ['Keith Kellogg', 'Volodymyr Zelenskyy']);
      assert.deepEqual(new Set((await readResults(page)).map((r) => r.id)), new Set(KELLOGG_IDS));
      // At phone width the facets come after the results.
      const order = await page.evaluate(() => {
        const list = document.querySelector('#results ol.results').getBoundingClientRect();
        const facets = document.querySelector('#results .facets').getBoundingClientRect();
        return facets.top >= list.bottom;
      });
      assert.ok(order, 'facets are under the results');
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      assert.ok(overflow <= 0, `no horizontal scrolling (overflow ${overflow}px)`);
      await screenshot(page, 'facets-phone');
      await page.locator('#results .clear-filters').click();
      await page.waitForFunction(() => document.querySelector('#results .intro'));
      assert.equal(new URL(page.url()).hash, '');
      assertNoProblems(problems);
    } finally {
      await context.close();
    }
  });

  it('reports an unknown entity filter and offers to remove it', async () => {
    await withPage(session.browser, `${session.url}#q=kellogg&e=person:nobody`, async ({ page }) => {
      await waitForReady(page);
      const alert = page.locator('#results [role="alert"]');
      await alert.waitFor();
      assert.match(await alert.textContent(), /person:nobody/);
      assert.deepEqual(await chips(page), ['person:nobody']);
      await page.locator('#results .chip-remove').click();
      await waitForResults(page, 'kellogg');
      assert.equal((await readResults(page)).length, 3);
    });
  });
});
