// axe-core finds no accessibility violations in any view: desktop and phone width, light and
// dark themes (colour contrast included), with the help popover and the autocomplete open.

import { describe, it, before, after } from 'node:test';
import {
  startSession, openPage, waitForReady, waitForResults, waitForMode, typeQuery, assertAccessible,
  entityCount, ENTITY, PHONE, DESKTOP, withPage,
} from './helpers.mjs';

const VIEWS = [
  ['intro', '', 'search'],
  ['results', '#q=kellogg', 'search'],
  ['did-you-mean', '#q=witkof%20zelensky', 'search'],
  ['no results', '#q=qzxqjvv', 'search'],
  ['reader', '#q=kellogg&doc=000_e9dab112098231ab', 'reader'],
  ['unknown document', '#doc=nope', 'reader'],
  ['timeline', '#view=timeline', 'timeline'],
  ['filtered by date', '#from=2025-08-29&to=2025-08-29', 'search'],
  ['entity directory', '#view=entities', 'entities'],
  ['batch search', '#view=batch&terms=Keith%20Kellogg%0Akyiv%0Aqzxqjvv', 'batch'],
  ['unknown entity', '#entity=person:nobody', 'entity'],
];
const WITH_ENTITIES = [
  ['entity page', `#entity=${ENTITY.kellogg}`, 'entity'],
  ['entity page, filtered, hubs shown, a node expanded', `#entity=${ENTITY.kellogg}&order=newest&find=kyiv&hubs=1&x=${ENTITY.zelenskyy}`, 'entity'],
  ['results with an entity filter', `#q=kellogg&e=${ENTITY.witkoff}`, 'search'],
  ['people', '#view=entities&kind=person', 'entities'],
];

describe('accessibility (axe-core)', () => {
  let session;
  let views = VIEWS;
  before(async () => {
    session = await startSession();
    const probe = await openPage(session.browser, session.url);
    await waitForReady(probe.page);
    if (await entityCount(probe.page)) views = [...VIEWS, ...WITH_ENTITIES];
    await probe.context.close();
  });
  after(async () => { await session?.close(); });

  for (const [viewport, width] of [['desktop', DESKTOP], ['phone', PHONE]]) {
    for (const scheme of ['light', 'dark']) {
      it(`every view, ${viewport}, ${scheme}`, async () => {
        await withPage(session.browser, session.url, { viewport: width, colorScheme: scheme }, async ({ page }) => {
          await waitForReady(page);
          for (const [label, hash, mode] of views) {
            await page.goto(`${session.url}${hash}`);
            await waitForReady(page);
            await waitForMode(page, mode);
            await page.waitForFunction(() => !document.querySelector('#status').textContent.startsWith('Loading'));
            await assertAccessible(page, `${label} (${viewport}, ${scheme})`);
          }
        });
      });
    }
  }

  it('the help popover and the autocomplete list', async () => {
    await withPage(session.browser, session.url, async ({ page }) => {
      await waitForReady(page);
      await page.locator('.help-button').click();
      await page.locator('#help').waitFor({ state: 'visible' });
      await assertAccessible(page, 'help popover');
      await page.keyboard.press('Escape');
      await page.locator('#help').waitFor({ state: 'hidden' });

      await typeQuery(page, 'zel');
      await page.locator('#completions').waitFor({ state: 'visible' });
      await page.keyboard.press('ArrowDown');
      await assertAccessible(page, 'autocomplete list');
      await page.keyboard.press('Escape');
      await waitForResults(page, 'zel');
    });
  });
});
