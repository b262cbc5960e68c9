// The entity directory (#view=entities): every name by kind, filtered by name, sorted; state in
// the URL. Without entities it says so plainly (that part runs on any index).

import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  startSession, waitForReady, waitForMode, hashParams, screenshot, needEntities, entityCount,
  focused, ENTITY, PHONE, withPage,
} from './helpers.mjs';

/** The table as shown: [{ name, kind, mentions, documents }]. */
function readTable(page) {
  return page.$$eval('#entities-view tbody tr', (rows) => rows.map((tr) => ({
    name: tr.querySelector('a.entity-link').textContent,
    kind: tr.querySelector('.kind-badge').textContent,
    mentions: Number(tr.cells[2].textContent.replace(/\D/g, '')),
    documents: Number(tr.cells[3].textContent.replace(/\D/g, '')),
  })));
}

describe('entity directory', () => {
  let session;
  before(async () => { session = await startSession(); });
  after(async () => { await session?.close(); });

  it('lists people, filters by name, sorts, and opens an entity', async (t) => {
    await withPage(session.browser, session.url, async ({ page }) => {
      await waitForReady(page);
      if (!await needEntities(t, page)) return;
      await page.locator('.views-nav a', { hasText: 'Entities' }).click();
      await waitForMode(page, 'entities');
      const all = await readTable(page);
      assert.ok(all.length >= 8, `names listed (${all.length})`);
      const mentions = all.map((e) => e.mentions);
      assert.deepEqual(mentions, [...mentions].sort((a, b) => b - a), 'most mentioned first');
      await screenshot(page, 'entities');

      await page.locator('#entities-view .kind-tab', { hasText: 'People' }).click();
      await page.waitForFunction(() => [...document.querySelectorAll('#entities-view .kind-badge')].every((b) => b.textContent === 'Person'));
      assert.equal(hashParams(page).get('kind'), 'person');
      const people = (await readTable(page)).map((e) => e.name);
      for (const name of ['Volodymyr Zelenskyy', 'Keith Kellogg', 'Steve Witkoff', 'Donald Trump', 'Vladimir Putin', 'Dmitry Peskov']) {
        assert.ok(people.includes(name), `${name} is listed: ${people.join(', ')}`);
      }

      // Typing in the name filter narrows the list and keeps focus in the field.
      await page.locator('#entity-name').click();
      await page.keyboard.type('zel', { delay: 25 });
      await page.waitForFunction(() => document.querySelectorAll('#entities-view tbody tr').length >= 1 &&
        [...document.querySelectorAll('#entities-view a.entity-link')].every((a) => /zel/i.test(a.textContent)));
      assert.equal(hashParams(page).get('name'), 'zel');
      assert.equal(await focused(page), 'input#entity-name');
      assert.deepEqual((await readTable(page)).map((e) => e.name), ['Volodymyr Zelenskyy']);

      await page.locator('#entity-name').fill('');
      await page.locator('#entity-sort').selectOption('name');
      await page.waitForFunction(() => new URLSearchParams(location.hash.slice(1)).get('sort') === 'name');
      await page.waitForFunction(() => {
        const names = [...document.querySelectorAll('#entities-view a.entity-link')].map((a) => a.textContent);
        return names.length > 3 && names.every((n, i) => i === 0 || names[i - 1].localeCompare(n) <= 0);
      });

      // Arrows move through the names; Enter opens one; Esc comes back to the same list.
      await page.locator('#entities-view a.entity-link').first().focus();
      await page.keyboard.press('ArrowDown');
      const second = (await readTable(page))[1].name;
      await page.keyboard.press('Enter');
      await waitForMode(page, 'entity');
      await page.waitForFunction((n) => document.querySelector('#entity-title')?.textContent === n, second);
      assert.equal(hashParams(page).get('view'), 'entities', 'the directory stays under the entity page');
      await page.keyboard.press('Escape');
      await waitForMode(page, 'entities');
      assert.equal(hashParams(page).get('sort'), 'name');
      assert.match(await focused(page), /^entity:/, 'focus returns to the name that was opened');
    });
  });

  it('opens from a link at phone width', async (t) => {
    await withPage(session.browser, `${session.url}#view=entities&kind=place`, { viewport: PHONE }, async ({ page }) => {
      await waitForReady(page);
      if (!await needEntities(t, page)) return;
      await waitForMode(page, 'entities');
      const places = await readTable(page);
      assert.ok(places.every((e) => e.kind === 'Place'));
      assert.ok(places.some((e) => e.name === 'Kyiv'), places.map((e) => e.name).join(', '));
      assert.equal(await page.locator('#entities-view .kind-tab[aria-current="page"] .tab-label').textContent(), 'Places');
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      assert.ok(overflow <= 0, `no horizontal scrolling (overflow ${overflow}px)`);
      await screenshot(page, 'entities-phone');
      assert.ok(ENTITY.kyiv);
    });
  });

  it('says plainly when the index has no entities, and ignores a bogus kind', async () => {
    await withPage(session.browser, `${session.url}#view=entities&kind=${encodeURIComponent('<b>bogus</b>')}`, async ({ page }) => {
      await waitForReady(page);
      await waitForMode(page, 'entities');
      await page.waitForFunction(() => document.querySelector('#entities-view table, #entities-view .notice'));
      if (await entityCount(page) === 0) {
        assert.match(await page.locator('#entities-view .notice').textContent(), /no named entities/);
      } else {
        assert.equal(await page.locator('#entities-view .kind-tab[aria-current="page"] .tab-label').textContent(), 'All');
      }
    });
  });
});
