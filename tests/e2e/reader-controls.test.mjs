// The reader's controls: a highlight toggle per kind of entity the article mentions (dates
// and other names off at first, the choice kept in this browser), and a print layout that is
// the article with its metadata and nothing else.

import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startSession, withPage, waitForReady, waitForReader, needEntities, screenshot } from './helpers.mjs';

const DOC = '003_3ddd5eb3ece5e1af'; // dated, with people, places and the date "Friday"

/** For each kind of mention in the body: is it tinted (a background colour)? */
const tinted = (page) => page.$$eval('#reader .reader-body a.ent', (as) => {
  const out = {};
  for (const a of as) {
    const kind = [...a.classList].find((c) => c.startsWith('kind-')).slice(5);
    out[kind] = getComputedStyle(a).backgroundColor !== 'rgba(0, 0, 0, 0)';
  }
  return out;
});

describe('reader controls', () => {
  let session;
  before(async () => { session = await startSession(); });
  after(async () => { await session?.close(); });

  it('toggles highlights per kind, dates off at first, and remembers the choice', async (t) => {
    await withPage(session.browser, `${session.url}#doc=${DOC}`, async ({ page }) => {
      await waitForReady(page);
      if (!await needEntities(t, page)) return;
      await waitForReader(page);
      const toggles = page.locator('#reader .highlight-toggle');
      const kinds = await toggles.evaluateAll((bs) => bs.map((b) => [b.dataset.kind, b.getAttribute('aria-pressed')]));
      const pressed = Object.fromEntries(kinds);
      assert.equal(pressed.person, 'true');
      assert.equal(pressed.place, 'true');
      assert.equal(pressed.date, 'false', 'dates are not tinted at first');
      let seen = await tinted(page);
      assert.equal(seen.person, true);
      assert.equal(seen.date, false);

      await page.locator('#reader .highlight-toggle[data-kind="person"]').click();
      await page.locator('#reader .highlight-toggle[data-kind="date"]').click();
      seen = await tinted(page);
      assert.equal(seen.person, false, 'people untinted');
      assert.equal(seen.date, true, 'dates tinted');
      assert.equal(await page.locator('#reader .reader-body a.ent.kind-person').count() > 0, true, 'still links');
      await screenshot(page, 'reader-highlight-toggles');

      await page.reload();
      await waitForReader(page);
      seen = await tinted(page);
      assert.equal(seen.person, false, 'the choice is kept');
      assert.equal(seen.date, true);
      await page.locator('#reader .highlight-toggle[data-kind="person"]').click();
      await page.locator('#reader .highlight-toggle[data-kind="date"]').click();
    });
  });

  it('prints the article with its metadata, without the masthead, search or sidebar', async (t) => {
    await withPage(session.browser, `${session.url}#q=zelenskyy&doc=${DOC}`, async ({ page }) => {
      await waitForReady(page);
      if (!await needEntities(t, page)) return;
      await waitForReader(page);
      await page.emulateMedia({ media: 'print' });
      const visible = (selector) => page.locator(selector).first().isVisible();
      for (const hidden of ['.masthead', '#q', '.reader-aside', '.highlight-toggles', '.colophon', '.back']) {
        assert.equal(await visible(hidden), false, `${hidden} is not printed`);
      }
      assert.equal(await visible('#reader .reader-title'), true);
      assert.equal(await visible('#reader .reader-meta'), true);
      assert.equal(await visible('#reader .reader-body p'), true);
      await screenshot(page, 'reader-print', { fullPage: true });
    });
  });
});
