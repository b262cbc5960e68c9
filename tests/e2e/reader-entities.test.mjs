// The reader beyond the text: entity mentions highlighted by kind and linked to their pages
// (needs entities), query matches still marked, "same story" and related articles.

import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  startSession, openPage, waitForReady, waitForReader, waitForMode, hashParams, screenshot,
  screenshotThemes, needEntities, ENTITY, withPage,
} from './helpers.mjs';

const DOC = '000_e9dab112098231ab';
const SAME = ['001_5faf7213626f208b', '003_3ddd5eb3ece5e1af']; // near-duplicates in corpus/

describe('reader: entities and related articles', () => {
  let session;
  before(async () => { session = await startSession(); });
  after(async () => { await session?.close(); });

  it('highlights entity mentions by kind, linked to their pages, with the query marked', async (t) => {
    await withPage(session.browser, `${session.url}#q=kellogg&doc=${DOC}`, async ({ page }) => {
      await waitForReady(page);
      if (!await needEntities(t, page)) return;
      await waitForReader(page);
      const mentions = await page.$$eval('#reader .reader-body a.ent', (as) => as.map((a) => ({
        text: a.textContent, kind: [...a.classList].find((c) => c.startsWith('kind-')), href: a.getAttribute('href'),
        background: getComputedStyle(a).backgroundColor, line: getComputedStyle(a).textDecorationColor,
      })));
      const kellogg = mentions.find((m) => m.text === 'Keith Kellogg');
      assert.ok(kellogg, `Keith Kellogg is highlighted: ${mentions.map((m) => m.text).join(', ')}`);
      assert.equal(kellogg.kind, 'kind-person');
      assert.equal(new URLSearchParams(kellogg.href.slice(1)).get('entity'), ENTITY.kellogg);
      const kyiv = mentions.find((m) => m.text === 'Kyiv');
      assert.equal(kyiv?.kind, 'kind-place');
      assert.notEqual(kellogg.background, kyiv.background, 'kinds have different colours');
      assert.notEqual(kellogg.line, kyiv.line);

      // The query's marks are unchanged by the entity layer: each is a whole "kellogg".
      const marks = await page.$$eval('#reader .reader-body mark', (ms) => ms.map((m) => m.textContent));
      assert.ok(marks.length >= 2);
      for (const mark of marks) assert.match(mark, /^kellogg/i);

      const inArticle = await page.$$eval('#reader .in-article-kind', (hs) => hs.map((h) => h.textContent));
      assert.ok(inArticle.includes('People') && inArticle.includes('Places'), inArticle.join(', '));
      await screenshotThemes(page, 'reader-entities');

      await page.locator('#reader .reader-body a.ent', { hasText: 'Keith Kellogg' }).first().click();
      await waitForMode(page, 'entity');
      assert.equal(hashParams(page).get('entity'), ENTITY.kellogg);
      await page.waitForFunction(() => document.querySelector('#entity-title')?.textContent === 'Keith Kellogg');
    });
  });

  it('flags the same story told twice and lists related articles', async () => {
    const [one, other] = SAME;
    await withPage(session.browser, `${session.url}#doc=${one}`, async ({ page }) => {
      await waitForReady(page);
      await waitForReader(page);
      const related = page.locator('#reader #related');
      await related.waitFor();
      const same = await related.locator('.is-same .related-link').evaluateAll((as) =>
        as.map((a) => new URLSearchParams(a.getAttribute('href').slice(1)).get('doc')));
      assert.deepEqual(same, [other], 'the near-duplicate is flagged');
      assert.match(await page.locator('#reader .same-story-note').textContent(), /^Same story also reported in /);
      const all = await related.locator('.related-link').count();
      assert.ok(all >= 2, `other related articles too (${all})`);
      assert.match(await related.locator('.similarity').first().textContent(), /^\d+% similar$/);
      await screenshot(page, 'reader-related');

      await page.locator('#reader .same-story-link').click();
      await waitForReader(page);
      assert.equal(hashParams(page).get('doc'), other);
      await page.waitForFunction((id) => [...document.querySelectorAll('#reader .is-same .related-link')]
        .some((a) => a.getAttribute('href').includes(id)), one);
    });
  });

  it('related.js renders nothing without data and plain text with it', async () => {
    const { page, context } = await openPage(session.browser, session.url);
    try {
      await waitForReady(page);
      const out = await page.evaluate(async () => {
        const { renderRelated, renderSameStory } = await import('./views/related.js');
        const state = { view: 'search', query: '', entities: [], doc: 'a' };
        const hostile = '<img src=x onerror="window.__pwned=1">';
        const box = renderRelated([
          { id: 'b', title: hostile, date: null, similarity: 0.91, sameStory: true },
          { id: 'c', title: 'Other', date: '2025-01-02', similarity: 0.2, sameStory: false },
          { id: 'a', title: 'Itself', similarity: 1, sameStory: true },
        ], state);
        return {
          none: [renderRelated(null, state), renderRelated(undefined, state), renderRelated([], state), renderSameStory(null, state)],
          text: box.textContent,
          links: [...box.querySelectorAll('a')].map((a) => a.getAttribute('href')),
          imgs: box.querySelectorAll('img').length,
        };
      });
      assert.deepEqual(out.none, [null, null, null, null]);
      assert.ok(out.text.includes('<img src=x'), 'titles are text');
      assert.equal(out.imgs, 0);
      assert.deepEqual(out.links, ['#doc=b', '#doc=c'], 'itself is left out');
    } finally {
      await context.close();
    }
  });
});
