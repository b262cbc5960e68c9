// Screenshots of every view at desktop and phone width, light and dark, for people to look at:
// tests/e2e/screenshots/view-<view>-<desktop|phone>-<light|dark>.png. (The other tests save
// screenshots of their own steps too.) The only checks: each view renders without errors and
// nothing scrolls sideways.

import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  startSession, openPage, waitForReady, waitForMode, screenshotThemes, entityCount, ENTITY,
  DESKTOP, PHONE, withPage,
} from './helpers.mjs';

describe('screenshots of every view', () => {
  let session;
  let views;
  before(async () => {
    session = await startSession();
    const probe = await openPage(session.browser, session.url);
    await waitForReady(probe.page);
    const withEntities = await entityCount(probe.page) > 0;
    await probe.context.close();
    views = [
      ['intro', '', 'search'],
      ['search', withEntities ? `#q=kellogg&e=${encodeURIComponent(ENTITY.zelenskyy)}` : '#q=kellogg', 'search'],
      ['reader', '#q=kellogg&doc=000_e9dab112098231ab', 'reader'],
      ['entity', `#entity=${encodeURIComponent(ENTITY.kellogg)}`, 'entity'],
      ['entities', '#view=entities', 'entities'],
      ['timeline', '#view=timeline', 'timeline'],
      ['batch', '#view=batch&terms=Keith%20Kellogg%0AZelensky%0Akyiv%0Aceasefire%0Aqzxqjvv', 'batch'],
    ];
  });
  after(async () => { await session?.close(); });

  for (const [size, viewport] of [['desktop', DESKTOP], ['phone', PHONE]]) {
    it(`at ${size} width, light and dark`, async () => {
      await withPage(session.browser, session.url, { viewport }, async ({ page }) => {
        for (const [name, hash, mode] of views) {
          await page.goto(`${session.url}${hash}`);
          await waitForReady(page);
          await waitForMode(page, mode);
          await page.waitForFunction(() => document.querySelector('#status').textContent !== 'Loading index…');
          await page.evaluate(() => document.activeElement?.blur());
          const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
          assert.ok(overflow <= 0, `${name}: no horizontal scrolling at ${size} width (overflow ${overflow}px)`);
          await screenshotThemes(page, `view-${name}-${size}`);
        }
      });
    });
  }
});
