// The page works from the keyboard alone: / to search, arrows through results,
// Enter to open, Esc to close (never to erase the query); Back from a pasted link stays here.

import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  startSession, waitForReady, waitForResults, waitForReader, waitForMode, readResults, hashParams,
  screenshot, entityCount, KELLOGG_IDS, ENTITY, withPage,
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
    await withPage(session.browser, session.url, async ({ page }) => {
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

      // Esc in the results brings focus back to the box and never erases the query.
      await page.keyboard.press('Escape');
      assert.equal(await focused(page), 'input#q');
      await page.keyboard.press('Escape');
      assert.equal(await page.locator('#q').inputValue(), 'kellogg');
      assert.equal(hashParams(page).get('q'), 'kellogg');
      assert.ok(await page.locator('#results [data-id]').count() > 0);
      await page.locator('#q').fill('');

      // "/" typed inside the box is just a character.
      await page.keyboard.type('a/b');
      assert.equal(await page.locator('#q').inputValue(), 'a/b');
    });
  });

  it('Esc closes each layer in turn: reader, entity page, timeline; / works everywhere', async () => {
    await withPage(session.browser, session.url, async ({ page }) => {
      await waitForReady(page);
      const withEntities = await entityCount(page) > 0;

      // The timeline from the nav, Esc back to the search.
      await page.keyboard.press('/');
      await page.keyboard.type('kellogg', { delay: 25 });
      await waitForResults(page, 'kellogg');
      await page.locator('.views-nav a', { hasText: 'Timeline' }).focus();
      await page.keyboard.press('Enter');
      await waitForMode(page, 'timeline');
      assert.equal(await focused(page), 'h2', 'focus moves to the view heading');
      await page.keyboard.press('Escape');
      await waitForResults(page, 'kellogg');
      assert.equal(hashParams(page).get('view'), null);

      // / from inside a view: the search box, the view unchanged.
      await page.goto(`${session.url}#view=timeline`);
      await waitForMode(page, 'timeline');
      await page.keyboard.press('/');
      assert.equal(await focused(page), 'input#q');
      assert.equal(hashParams(page).get('view'), 'timeline');

      if (withEntities) {
        // Entity page over the results, reader over the entity page: Esc, Esc.
        await page.goto(`${session.url}#q=kellogg&entity=${encodeURIComponent(ENTITY.kellogg)}`);
        await waitForMode(page, 'entity');
        await page.locator('#entity-view a.doc-link').first().focus();
        await page.keyboard.press('ArrowDown');
        await page.keyboard.press('ArrowUp');
        await page.keyboard.press('Enter');
        await waitForReader(page);
        assert.equal(hashParams(page).get('entity'), ENTITY.kellogg);
        await page.keyboard.press('Escape');
        await waitForMode(page, 'entity');
        assert.equal(hashParams(page).get('doc'), null);
        await page.keyboard.press('Escape');
        await waitForResults(page, 'kellogg');
        assert.equal(hashParams(page).get('entity'), null);
        assert.deepEqual(new Set((await readResults(page)).map((r) => r.id)), new Set(KELLOGG_IDS));
      }

      // Esc in the search box keeps the query and the filters (the box is type=search, which
      // the browser would empty).
      await page.goto(`${session.url}#q=kellogg&undated=1`);
      await waitForResults(page, 'kellogg');
      await page.keyboard.press('/');
      await page.keyboard.press('Escape');
      await page.keyboard.press('Escape');
      assert.equal(await page.locator('#q').inputValue(), 'kellogg');
      assert.equal(hashParams(page).get('undated'), '1');
      assert.equal(hashParams(page).get('q'), 'kellogg');
    });
  });

  it('Back from a pasted link goes to the explorer, not off the site', async () => {
    await withPage(session.browser, `${session.url}#q=kellogg`, async ({ page }) => {
      await waitForResults(page, 'kellogg');
      await page.goBack();
      await page.waitForFunction(() => document.querySelector('#results .intro'));
      assert.equal(new URL(page.url()).origin, new URL(session.url).origin, 'still on the site');
      assert.equal(new URL(page.url()).hash, '');
      await page.goForward();
      await waitForResults(page, 'kellogg');
      await page.reload();
      await waitForResults(page, 'kellogg');
      await page.goBack();
      await page.waitForFunction(() => document.querySelector('#results .intro'));
      assert.equal(new URL(page.url()).origin, new URL(session.url).origin, 'a reload adds no second entry');
    });
  });
});
