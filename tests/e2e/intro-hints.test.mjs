// The intro and the search box suggest queries drawn from the corpus itself (the core's
// hints(): its most widely mentioned people, a multi-word name, an old spelling of a place),
// not one corpus's examples written into the page. On the seeds (read from the articles):
// zelenskyy, trump OR witkoff, "united states", kiev.

import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startSession, withPage, waitForReady, waitForResults, readResults } from './helpers.mjs';

describe('hints from the corpus', () => {
  let session;
  before(async () => { session = await startSession(); });
  after(async () => { await session?.close(); });

  it('the intro offers the corpus’s own examples, and each one finds articles', async () => {
    await withPage(session.browser, session.url, async ({ page }) => {
      await waitForReady(page);
      await page.waitForFunction(() => document.querySelector('#q').placeholder !== 'Search');
      assert.equal(await page.locator('#q').getAttribute('placeholder'), 'Search — try zelenskyy');
      const examples = await page.locator('.intro .try-query').allTextContents();
      assert.deepEqual(examples, ['zelenskyy', 'trump OR witkoff', '"united states"', 'kiev']);
      await page.locator('.intro .try-query', { hasText: 'kiev' }).click();
      await waitForResults(page, 'kiev');
      assert.ok((await readResults(page)).length > 0, 'kiev finds the Kyiv stories');
    });
  });
});
