// The search's explanations on the page: "Showing results for …" after a typo, the notice when
// no document has every word, the autocomplete list (ARIA combobox), and the syntax help.

import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  startSession, waitForReady, typeQuery, waitForResults, readResults, hashParams, screenshot,
  focused, KELLOGG_IDS, withPage,
} from './helpers.mjs';

describe('search syntax on the page', () => {
  let session;
  before(async () => { session = await startSession(); });
  after(async () => { await session?.close(); });

  it('says what a misspelled query was searched as, and links to it', async () => {
    await withPage(session.browser, `${session.url}#q=witkof%20zelensky`, async ({ page }) => {
      await waitForReady(page);
      await waitForResults(page, 'witkof zelensky');
      const line = page.locator('#results .did-you-mean');
      assert.equal((await line.textContent()).trim(),
        'Showing results for witkoff zelensky · search instead for witkof zelensky');
      assert.ok((await readResults(page)).length > 0, 'the corrected search has results');
      await screenshot(page, 'did-you-mean');
      const instead = line.locator('a.search-instead');
      assert.equal((await instead.textContent()).trim(), 'witkof zelensky');
      const href = new URLSearchParams((await instead.getAttribute('href')).replace(/^[^#]*#/, ''));
      assert.deepEqual([href.get('q'), href.get('exact')], ['witkof zelensky', '1']);
      await line.locator('a.corrected').click();
      await waitForResults(page, 'witkoff zelensky');
      assert.equal(hashParams(page).get('q'), 'witkoff zelensky');
      assert.equal(hashParams(page).get('exact'), null);
      assert.equal(await page.locator('#results .did-you-mean').count(), 0, 'no correction for a correct query');
    });
  });

  it('searches the query as typed, uncorrected, from "search instead for"', async () => {
    await withPage(session.browser, `${session.url}#q=witkof%20zelensky`, async ({ page }) => {
      await waitForReady(page);
      await waitForResults(page, 'witkof zelensky');
      await page.locator('#results .did-you-mean a.search-instead').click();
      await waitForResults(page, 'witkof zelensky');
      assert.equal(hashParams(page).get('exact'), '1');
      assert.equal(await page.locator('#results .did-you-mean').count(), 0, 'nothing corrected');
      // No document has "witkof": those with "zelensky" only, flagged as partial.
      assert.match(await page.locator('#results .partial-note').textContent(), /No document contains every word/);
    });
  });

  it('flags results that match only some of the words', async () => {
    await withPage(session.browser, `${session.url}#q=kellogg%20yermak`, async ({ page }) => {
      await waitForReady(page);
      await waitForResults(page, 'kellogg yermak');
      assert.match(await page.locator('#status').textContent(), /match some of “kellogg yermak”/);
      assert.match(await page.locator('#results .partial-note').textContent(), /No document contains every word/);
      assert.ok((await readResults(page)).length > 0);
      await screenshot(page, 'partial-match');

      await page.goto(`${session.url}#q=kellogg`);
      await waitForResults(page, 'kellogg');
      assert.equal(await page.locator('#results .partial-note').count(), 0, 'no notice when every word matched');
    });
  });

  it('completes the word being typed: a listbox, arrows and Enter', async () => {
    await withPage(session.browser, session.url, async ({ page }) => {
      await waitForReady(page);
      const input = page.locator('#q');
      assert.equal(await input.getAttribute('role'), 'combobox');
      assert.equal(await input.getAttribute('aria-expanded'), 'false');

      await typeQuery(page, 'kel');
      const list = page.locator('#completions');
      await list.waitFor({ state: 'visible' });
      assert.equal(await list.getAttribute('role'), 'listbox');
      assert.equal(await input.getAttribute('aria-expanded'), 'true');
      const options = await list.locator('[role="option"]').allTextContents();
      assert.ok(options.some((o) => o.startsWith('kellogg')), `kellogg is offered: ${options.join(' | ')}`);
      await screenshot(page, 'autocomplete');

      // ↓ moves the highlight (focus stays in the box), Enter picks.
      await page.keyboard.press('ArrowDown');
      assert.equal(await focused(page), 'input#q', 'focus stays in the search box');
      const active = await input.getAttribute('aria-activedescendant');
      assert.ok(active, 'the highlighted option is the active descendant');
      assert.equal(await page.locator(`#${active}`).getAttribute('aria-selected'), 'true');
      const picked = (await page.locator(`#${active} .completion-term`).textContent()).trim();
      await page.keyboard.press('Enter');
      await waitForResults(page, picked);
      assert.equal(await input.inputValue(), picked);
      assert.equal(await list.isVisible(), false, 'the list closes after picking');
      assert.equal(await input.getAttribute('aria-expanded'), 'false');
      assert.equal(hashParams(page).get('q'), picked);

      // With the list closed, ↓ goes to the results as before.
      await page.keyboard.press('ArrowDown');
      assert.match(await focused(page), /^result:/);

      // Esc closes an open list without clearing the search.
      await page.keyboard.press('/');
      await page.keyboard.press('End');
      await page.keyboard.type(' zel', { delay: 25 });
      await list.waitFor({ state: 'visible' });
      await page.keyboard.press('Escape');
      assert.equal(await list.isVisible(), false);
      assert.equal(await input.inputValue(), `${picked} zel`);

      // A completed word offers nothing, so ↓ still reaches the results.
      await input.fill('');
      await typeQuery(page, 'kellogg');
      await waitForResults(page, 'kellogg');
      assert.equal(await list.isVisible(), false);
      await page.keyboard.press('ArrowDown');
      assert.equal(await focused(page), `result:${(await readResults(page))[0].id}`);
      assert.deepEqual(new Set((await readResults(page)).map((r) => r.id)), new Set(KELLOGG_IDS));
    });
  });

  it('picks a completion with the mouse', async () => {
    await withPage(session.browser, session.url, async ({ page }) => {
      await waitForReady(page);
      await typeQuery(page, 'witk');
      await page.locator('#completions').waitFor({ state: 'visible' });
      await page.locator('#completions [role="option"]', { hasText: 'witkoff' }).first().click();
      await waitForResults(page, 'witkoff');
      assert.equal(await page.locator('#q').inputValue(), 'witkoff');
    });
  });

  it('documents the query syntax in a help popover', async () => {
    await withPage(session.browser, session.url, async ({ page }) => {
      await waitForReady(page);
      const help = page.locator('#help');
      assert.equal(await help.isVisible(), false);
      await page.locator('.help-button').click();
      await help.waitFor({ state: 'visible' });
      const text = await help.textContent();
      for (const needle of ['"security guarantees"', 'OR', '-putin', 'NOT putin', 'Typos', 'prefix', 'Kiev', 'Kyiv', 'stem']) {
        assert.ok(text.includes(needle), `the help mentions ${needle}`);
      }
      await screenshot(page, 'help');
      // Esc closes the popover and leaves the page as it was.
      await page.keyboard.press('Escape');
      await help.waitFor({ state: 'hidden' });
      await page.locator('.help-button').click();
      await help.waitFor({ state: 'visible' });
      await page.locator('.help-close').click();
      await help.waitFor({ state: 'hidden' });
    });
  });
});
