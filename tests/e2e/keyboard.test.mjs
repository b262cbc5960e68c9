// The page works from the keyboard alone: / to search, arrows through results,
// Enter to open, Esc to close and then to clear.

import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  startSession, openPage, waitForReady, waitForResults, waitForReader, readResults, hashParams,
  screenshot, assertNoProblems, KELLOGG_IDS,
} from './helpers.mjs';

/** Which element has focus: "input#q", "result:<id>", or a tag name. */
function focused(page) {
  return page.evaluate(() => {
    const el = document.activeElement;
    if (el?.id === 'q') return 'input#q';
    const item = el?.closest?.('[data-id]');
    if (item && el.matches('a.result-link')) return `result:${item.dataset.id}`;
    return el?.tagName.toLowerCase() ?? 'none';
  });
}

describe('keyboard', () => {
  let session;
  before(async () => { session = await startSession(); });
  after(async () => { await session?.close(); });

  it('/ focuses search, arrows move through results, Enter opens, Esc closes', async () => {
    const { page, context, problems } = await openPage(session.browser, session.url);
    try {
      await waitForReady(page);
      assert.notEqual(await focused(page), 'input#q', 'the search box starts unfocused');

      await page.keyboard.press('/');
      assert.equal(await focused(page), 'input#q', '/ focuses the search box');
      assert.equal(await page.locator('#q').inputValue(), '', 'the / is not typed into the box');

      await page.keyboard.type('kellogg', { delay: 25 });
      await waitForResults(page, 'kellogg');
      const ids = (await readResults(page)).map((r) => r.id);
      assert.deepEqual(new Set(ids), new Set(KELLOGG_IDS));

      await page.keyboard.press('ArrowDown');
      assert.equal(await focused(page), `result:${ids[0]}`, 'ArrowDown focuses the first result');
      await page.keyboard.press('ArrowDown');
      assert.equal(await focused(page), `result:${ids[1]}`, 'ArrowDown again focuses the second');
      await screenshot(page, 'keyboard-focus');
      await page.keyboard.press('ArrowUp');
      assert.equal(await focused(page), `result:${ids[0]}`, 'ArrowUp goes back to the first');
      await page.keyboard.press('ArrowUp');
      assert.equal(await focused(page), 'input#q', 'ArrowUp from the first result returns to the box');
      await page.keyboard.press('ArrowDown');
      assert.equal(await focused(page), `result:${ids[0]}`);

      await page.keyboard.press('Enter');
      await waitForReader(page);
      assert.equal(hashParams(page).get('doc'), ids[0], 'Enter opens the focused result');
      assert.equal(await page.locator('#reader').isVisible(), true);

      await page.keyboard.press('Escape');
      await waitForResults(page, 'kellogg');
      assert.equal(hashParams(page).get('doc'), null, 'Esc closes the reader');
      assert.equal(await page.locator('#reader').isVisible(), false);
      assert.equal(await focused(page), `result:${ids[0]}`, 'focus is back on the result');

      // Esc in the results clears the search and returns to the intro.
      await page.keyboard.press('Escape');
      await page.waitForFunction(() => document.querySelector('#q').value === '');
      assert.equal(await focused(page), 'input#q');
      assert.equal(await page.locator('#results [data-id]').count(), 0);
      assert.equal(hashParams(page).get('q'), null);

      // "/" typed inside the box is just a character.
      await page.keyboard.type('a/b');
      assert.equal(await page.locator('#q').inputValue(), 'a/b');
      assertNoProblems(problems);
    } finally {
      await context.close();
    }
  });
});
