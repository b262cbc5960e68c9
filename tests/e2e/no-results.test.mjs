// Queries that match nothing, and queries that look like markup, are shown as plain text.

import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  startSession, openPage, waitForReady, typeQuery, waitForResults, hashParams, screenshot,
  assertNoProblems, withPage,
} from './helpers.mjs';

const NOTHING = 'qzxqjvv';
const HOSTILE = '<img src=x onerror="window.__pwned=1">"';

/** Wait until the results view has finished with `query`: a count line or an error notice. */
async function waitForOutcome(page, query) {
  await page.waitForFunction((q) => {
    const status = document.querySelector('#status')?.textContent ?? '';
    return document.documentElement.dataset.mode === 'search' &&
      (status.endsWith(`“${q}”`) || document.querySelector('#results [role="alert"]') !== null);
  }, query);
}

/** Assert nothing was injected: no <img>, no script ran, no dialog. */
async function assertNotInjected(page, problems) {
  assert.equal(await page.evaluate(() => window.__pwned), undefined, 'the query never runs as code');
  assert.equal(await page.locator('img').count(), 0, 'no <img> element was created');
  assert.deepEqual(problems.dialogs, []);
}

describe('no results', () => {
  let session;
  before(async () => { session = await startSession(); });
  after(async () => { await session?.close(); });

  it('says clearly that nothing matches', async () => {
    await withPage(session.browser, session.url, async ({ page }) => {
      await waitForReady(page);
      await typeQuery(page, NOTHING);
      await waitForResults(page, NOTHING);
      assert.equal(await page.locator('#results [data-id]').count(), 0);
      assert.equal((await page.locator('#status').textContent()).trim(), `No documents match “${NOTHING}”`);
      assert.match(await page.locator('#results').textContent(), /No documents match/);
      assert.equal(hashParams(page).get('q'), NOTHING);
      await screenshot(page, 'no-results');
    });
  });

  it('shows a hostile query as text, typed or from the link', async () => {
    await withPage(session.browser, session.url, async ({ page, context, problems }) => {
      await waitForReady(page);
      await typeQuery(page, HOSTILE);
      await waitForOutcome(page, HOSTILE);
      assert.equal(await page.locator('#q').inputValue(), HOSTILE);
      assert.ok((await page.locator('main').textContent()).includes(HOSTILE),
        'the query is echoed literally, as text');
      await assertNotInjected(page, problems);
      await screenshot(page, 'hostile-query');

      // The same query arriving in a shared link.
      assert.equal(hashParams(page).get('q'), HOSTILE);
      const shared = await openPage(session.browser, page.url());
      try {
        await waitForReady(shared.page);
        await waitForOutcome(shared.page, HOSTILE);
        assert.equal(await shared.page.locator('#q').inputValue(), HOSTILE);
        await assertNotInjected(shared.page, shared.problems);
        assertNoProblems(shared.problems);
      } finally {
        await shared.context.close();
      }

      // A hostile document id is an error message, not markup.
      await page.goto(`${session.url}#doc=${encodeURIComponent(HOSTILE)}`);
      await waitForReady(page);
      await page.locator('#reader [role="alert"]').waitFor();
      await assertNotInjected(page, problems);
    });
  });
});
