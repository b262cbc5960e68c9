// State in the URL: a view built up by clicking (query, date filter, entity filter when the
// index has entities, an open document) is copied with "Copy link" and opened in a brand-new
// browser context, which shows the same view; reload and back/forward reproduce each step.

import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  startSession, openPage, waitForReady, typeQuery, waitForResults, waitForReader, waitForMode,
  readResults, hashParams, screenshot, entityCount, assertNoProblems, DATED, ENTITY, PHONE,
  withPage,
} from './helpers.mjs';

/** A summary of whatever view is shown, to compare two pages. */
function snapshot(page) {
  return page.evaluate(() => ({
    mode: document.documentElement.dataset.mode,
    query: document.querySelector('#q').value,
    status: document.querySelector('#status').textContent,
    chips: [...document.querySelectorAll('#results:not([hidden]) .chip-label')].map((c) => c.textContent),
    results: [...document.querySelectorAll('#results:not([hidden]) [data-id]')].map((r) => r.dataset.id),
    reader: document.querySelector('#reader:not([hidden]) .reader-title')?.textContent ?? null,
    marks: [...document.querySelectorAll('#reader:not([hidden]) .reader-body mark')].map((m) => m.textContent),
    entity: document.querySelector('#entity-view:not([hidden]) #entity-title')?.textContent ?? null,
    title: document.title,
  }));
}

describe('shared links', () => {
  let session;
  before(async () => { session = await startSession(); });
  after(async () => { await session?.close(); });

  it('round-trips a view built by clicking, through Copy link, into a new context', async () => {
    const { page, context, problems } = await openPage(session.browser, session.url);
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(session.url).origin });
    const steps = [];
    let shared;
    let withEntities = false;
    try {
      await waitForReady(page);
      withEntities = await entityCount(page) > 0;
      await typeQuery(page, 'zelenskyy');
      await waitForResults(page, 'zelenskyy');
      steps.push(await snapshot(page));

      await page.locator('#results a.strip-bar').first().click(); // the date filter
      await waitForResults(page, 'zelenskyy');
      assert.equal(hashParams(page).get('from'), DATED.date);
      steps.push(await snapshot(page));

      if (withEntities) {
        await page.locator(`#results a.facet[href*="${encodeURIComponent(ENTITY.kyiv)}"]`).click();
        await page.waitForFunction(() => document.querySelectorAll('#results .chip').length === 2);
        steps.push(await snapshot(page));
      }

      await page.locator('#results a.result-link').first().click();
      await waitForReader(page);
      steps.push(await snapshot(page));

      await page.locator('#copy-link').click();
      await page.locator('#copy-feedback', { hasText: 'Link copied' }).waitFor();
      shared = await page.evaluate(() => navigator.clipboard.readText());
      assert.equal(shared, page.url(), 'the copied link is the address of the view');
      await screenshot(page, 'copy-link');

      // Reload: the same view.
      await page.reload();
      await waitForReady(page);
      await waitForReader(page);
      assert.deepEqual(await snapshot(page), steps.at(-1));

      // Back through every step, and forward again.
      for (let i = steps.length - 2; i >= 0; i--) {
        await page.goBack();
        await page.waitForFunction((mode) => document.documentElement.dataset.mode === mode, steps[i].mode);
        await page.waitForFunction((status) => document.querySelector('#status').textContent === status, steps[i].status);
        assert.deepEqual(await snapshot(page), steps[i], `back to step ${i}`);
      }
      for (let i = 1; i < steps.length; i++) {
        await page.goForward();
        await page.waitForFunction((mode) => document.documentElement.dataset.mode === mode, steps[i].mode);
        await page.waitForFunction((s) => document.querySelector('#status').textContent === s, steps[i].status);
        assert.deepEqual(await snapshot(page), steps[i], `forward to step ${i}`);
      }
      assertNoProblems(problems);
    } finally {
      await context.close();
    }

    // A colleague opens the link: new context, no history, phone.
    const colleague = await openPage(session.browser, shared, { viewport: PHONE });
    try {
      await waitForReady(colleague.page);
      await waitForReader(colleague.page);
      assert.deepEqual(await snapshot(colleague.page), steps.at(-1), 'the same document, query marks and all');
      await screenshot(colleague.page, 'shared-link-phone');
      // Their "back" goes to the same filtered results the sender had.
      await colleague.page.locator('#reader a.back').click();
      await waitForResults(colleague.page, 'zelenskyy');
      const before = steps.at(-2);
      const after = await snapshot(colleague.page);
      assert.deepEqual(after.results, before.results);
      assert.deepEqual(after.chips, before.chips);
      assertNoProblems(colleague.problems);
    } finally {
      await colleague.context.close();
    }
  });

  it('round-trips the other views: entity page, directory, timeline', async () => {
    const probe = await openPage(session.browser, session.url);
    await waitForReady(probe.page);
    const withEntities = await entityCount(probe.page) > 0;
    await probe.context.close();
    const links = [
      ['#view=timeline&q=zelenskyy', 'timeline'],
      ['#view=entities&kind=person&sort=name', 'entities'],
      [`#q=kellogg&entity=${encodeURIComponent(ENTITY.kellogg)}`, 'entity'],
    ];
    for (const [hash, mode] of links) {
      const first = await openPage(session.browser, `${session.url}${hash}`);
      const second = await openPage(session.browser, `${session.url}${hash}`, { viewport: PHONE });
      try {
        for (const { page } of [first, second]) {
          await waitForReady(page);
          await waitForMode(page, mode);
          await page.waitForFunction(() => document.querySelector('#status').textContent !== 'Loading index…');
        }
        const [a, b] = [await snapshot(first.page), await snapshot(second.page)];
        assert.deepEqual(a, b, `${hash} shows the same view in both contexts`);
        if (mode === 'entity' && withEntities) assert.equal(a.entity, 'Keith Kellogg');
        assertNoProblems(first.problems);
        assertNoProblems(second.problems);
      } finally {
        await first.context.close();
        await second.context.close();
      }
    }
  });

  it('shows the link to copy by hand when the clipboard is unavailable', async () => {
    await withPage(session.browser, `${session.url}#q=kellogg`, async ({ page }) => {
      await waitForReady(page);
      await waitForResults(page, 'kellogg');
      await page.evaluate(() => {
        Object.defineProperty(navigator, 'clipboard', { value: { writeText: () => Promise.reject(new Error('denied')) } });
      });
      await page.locator('#copy-link').click();
      const field = page.locator('#copy-feedback input');
      await field.waitFor();
      assert.equal(await field.inputValue(), page.url());
      assert.equal(await page.evaluate(() => document.activeElement === document.querySelector('#copy-feedback input')), true);
      assert.equal((await readResults(page)).length, 3);
    });
  });
});
