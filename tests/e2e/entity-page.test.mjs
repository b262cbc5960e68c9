// The entity page: name, kind, aliases, documents, every mention in its sentence (linking into
// the reader at that mention), the names it appears with, and the co-occurrence network (an
// SVG whose nodes are links with accessible names). Needs entities in the index.

import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  startSession, waitForReady, waitForMode, waitForResults, waitForReader, readResults, hashParams,
  screenshot, needEntities, focused, ENTITY, KELLOGG_IDS, ALL_IDS, PHONE, withPage,
} from './helpers.mjs';

/** What the entity page shows. */
function readEntity(page) {
  return page.$eval('#entity-view', (view) => ({
    name: view.querySelector('#entity-title')?.textContent ?? '',
    kind: view.querySelector('.entity-header .kind-badge')?.textContent ?? '',
    aliases: [...view.querySelectorAll('.entity-aliases .alias')].map((q) => q.textContent),
    documents: [...view.querySelectorAll('a.doc-link')].map((a) => new URLSearchParams(a.getAttribute('href').slice(1)).get('doc')),
    contexts: [...view.querySelectorAll('a.context')].map((a) => ({
      href: a.getAttribute('href'), text: a.textContent, marks: [...a.querySelectorAll('mark')].map((m) => m.textContent),
    })),
    cooccurring: [...view.querySelectorAll('.cooccurring a.ent-link')].map((a) => a.textContent),
    nodes: [...view.querySelectorAll('.network > figure svg.graph-svg a')].map((a) => ({
      href: a.getAttribute('href'),
      name: a.querySelector('title')?.textContent ?? '',
      box: (({ x, y, width, height }) => ({ x, y, width, height }))(a.querySelector('text').getBoundingClientRect()),
    })),
  }));
}

/** True if two boxes overlap. */
function overlap(a, b) {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

describe('entity page', () => {
  let session;
  before(async () => { session = await startSession(); });
  after(async () => { await session?.close(); });

  it('shows everything the corpus says about Keith Kellogg', async (t) => {
    await withPage(session.browser, `${session.url}#entity=${ENTITY.kellogg}`, async ({ page, context }) => {
      await waitForReady(page);
      if (!await needEntities(t, page)) return;
      await waitForMode(page, 'entity');
      const entity = await readEntity(page);
      assert.equal(entity.name, 'Keith Kellogg');
      assert.equal(entity.kind, 'Person');
      assert.deepEqual(new Set(entity.documents), new Set(KELLOGG_IDS), 'the documents that mention him');
      assert.ok(entity.contexts.length >= KELLOGG_IDS.length, `mentions in context (${entity.contexts.length})`);
      for (const context of entity.contexts) {
        assert.equal(context.marks.length, 1, `one marked mention in “${context.text}”`);
        assert.match(context.marks[0], /Kellogg/);
      }
      assert.ok(entity.cooccurring.includes('Volodymyr Zelenskyy'), `appears with Zelenskyy: ${entity.cooccurring.join(', ')}`);
      assert.equal(await page.title(), 'Keith Kellogg — Dossier');
      assert.equal(await focused(page), 'h2#entity-title', 'focus starts on the name');
      await screenshot(page, 'entity');
      await screenshot(page, 'entity-full', { fullPage: true });

      // The network: nodes are links to entity pages with accessible names; labels don't overlap.
      assert.ok(entity.nodes.length >= 3, `network nodes (${entity.nodes.length})`);
      assert.ok(entity.nodes.length <= 12);
      for (const node of entity.nodes) {
        assert.match(node.href, /^#entity=/);
        assert.match(node.name, /, (person|organization|place|event|date|other): \d+ documents? together$/);
      }
      for (let i = 0; i < entity.nodes.length; i++) {
        for (let j = i + 1; j < entity.nodes.length; j++) {
          assert.ok(!overlap(entity.nodes[i].box, entity.nodes[j].box),
            `labels “${entity.nodes[i].name}” and “${entity.nodes[j].name}” overlap`);
        }
      }
      // A node expands to the names around it (below the graph), which links to its page.
      const node = page.locator('svg.graph-svg a', { has: page.locator('title', { hasText: /^Volodymyr Zelenskyy,/ }) });
      await node.click();
      await page.waitForFunction(() => document.querySelector('#entity-view .graph-around svg'));
      assert.deepEqual(hashParams(page).getAll('x'), [ENTITY.zelenskyy]);
      assert.equal(hashParams(page).get('entity'), ENTITY.kellogg, 'still his page');
      assert.equal(await focused(page), `node:${ENTITY.zelenskyy}`, 'focus stays on the node');
      await page.locator('#entity-view .graph-around a.around-open').click();
      await page.waitForFunction(() => document.querySelector('#entity-title')?.textContent === 'Volodymyr Zelenskyy');
      assert.equal(hashParams(page).get('entity'), ENTITY.zelenskyy);
      assert.equal(hashParams(page).get('x'), null, 'a new page opens unexpanded');
      await page.goBack();
      await page.waitForFunction(() => document.querySelector('#entity-title')?.textContent === 'Keith Kellogg');
      await page.goBack();
      await page.waitForFunction(() => !document.querySelector('#entity-view .graph-around'));

      // A mention links into the reader at that mention, and back.
      const first = page.locator('#entity-view a.context').first();
      const href = new URLSearchParams((await first.getAttribute('href')).slice(1));
      await first.click();
      await waitForReader(page);
      assert.equal(hashParams(page).get('doc'), href.get('doc'));
      assert.equal(hashParams(page).get('entity'), ENTITY.kellogg);
      if (href.get('at') !== null) {
        const target = page.locator('#reader .ent.is-target');
        assert.equal(await target.count() > 0, true, 'the mention is singled out');
        assert.match(await target.first().textContent(), /Kellogg/);
        assert.ok(await target.first().isVisible());
      }
      assert.match(await page.locator('#reader a.back').textContent(), /Back to Keith Kellogg/);
      await page.keyboard.press('Escape');
      await waitForMode(page, 'entity');
      assert.equal(hashParams(page).get('doc'), null);
      assert.match(await focused(page), /^context:/, 'focus returns to the mention that was opened');

      // "Search documents mentioning …" filters the search.
      await page.locator('#entity-view .entity-actions a', { hasText: 'Search documents mentioning' }).click();
      await page.waitForFunction(() => document.documentElement.dataset.mode === 'search' &&
        /match the filters$/.test(document.querySelector('#status').textContent));
      assert.deepEqual(hashParams(page).getAll('e'), [ENTITY.kellogg]);
      assert.deepEqual(new Set((await readResults(page)).map((r) => r.id)), new Set(KELLOGG_IDS));
    });
  });

  it('merges the three spellings of Zelenskyy', async (t) => {
    await withPage(session.browser, `${session.url}#entity=${ENTITY.zelenskyy}`, { viewport: PHONE }, async ({ page }) => {
      await waitForReady(page);
      if (!await needEntities(t, page)) return;
      await waitForMode(page, 'entity');
      const entity = await readEntity(page);
      assert.equal(entity.name, 'Volodymyr Zelenskyy');
      assert.deepEqual(new Set(entity.documents), new Set(ALL_IDS), 'every document mentions him');
      const spellings = [entity.name, ...entity.aliases].join(' | ');
      for (const spelling of [/Zelenskyy/, /Zelensky\b/, /Zelenskiy/]) assert.match(spellings, spelling);
      // The network fits the phone: fewer nodes, labels apart and on screen.
      assert.ok(entity.nodes.length >= 3 && entity.nodes.length <= 8, `phone network nodes (${entity.nodes.length})`);
      for (let i = 0; i < entity.nodes.length; i++) {
        const box = entity.nodes[i].box;
        assert.ok(box.x >= 0 && box.x + box.width <= PHONE.width, `“${entity.nodes[i].name}” label on screen`);
        for (let j = i + 1; j < entity.nodes.length; j++) {
          assert.ok(!overlap(box, entity.nodes[j].box), `labels “${entity.nodes[i].name}” and “${entity.nodes[j].name}” overlap`);
        }
      }
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      assert.ok(overflow <= 0, `no horizontal scrolling at phone width (overflow ${overflow}px)`);
      await screenshot(page, 'entity-phone');
    });
  });

  it('is reached from a name in the results, and Esc goes back', async (t) => {
    await withPage(session.browser, `${session.url}#q=kellogg`, async ({ page }) => {
      await waitForReady(page);
      if (!await needEntities(t, page)) return;
      await waitForResults(page, 'kellogg');
      await page.locator(`#results .facet-page[href*="${encodeURIComponent(ENTITY.kellogg)}"]`).click();
      await waitForMode(page, 'entity');
      assert.equal(hashParams(page).get('q'), 'kellogg', 'the search stays under the entity page');
      assert.match(await page.locator('#entity-view a.back').textContent(), /Back to results/);
      await page.keyboard.press('Escape');
      await waitForResults(page, 'kellogg');
      assert.equal(hashParams(page).get('entity'), null);
    });
  });

  it('lays out the network without overlapping labels, even with long names (unit check)', async () => {
    await withPage(session.browser, session.url, async ({ page }) => {
      await waitForReady(page);
      for (const [width, count] of [[720, 12], [600, 12], [520, 12], [480, 8], [400, 8], [330, 8], [300, 3]]) {
        const result = await page.evaluate(async ([w, n]) => {
          const { renderGraph } = await import('./views/graph.js');
          const names = ['Reagan National Defense Forum', 'Volodymyr Zelenskyy', 'United States of America',
            'Kirill Dmitriev', 'Financial Times', 'Andriy Yermak', 'Kyiv', 'Organization for Security and Co-operation',
            'US', 'Dmitry Peskov', 'International Atomic Energy Agency', 'Steve Witkoff'];
          const neighbours = names.slice(0, n).map((name, i) => ({ id: `x:${i}`, name, kind: 'place', documents: 12 - i }));
          const figure = renderGraph({ id: 'c', name: 'Keith Kellogg', kind: 'person' }, neighbours, [],
            { width: w, captionId: 'nothing', hrefFor: (id) => `#entity=${id}` });
          document.querySelector('#main').append(figure);
          const svgBox = figure.querySelector('svg').getBoundingClientRect();
          const boxes = [...figure.querySelectorAll('text')].map((t) => {
            const b = t.getBoundingClientRect();
            return { x: b.x - svgBox.x, y: b.y - svgBox.y, width: b.width, height: b.height, text: t.textContent };
          });
          const titles = [...figure.querySelectorAll('a title')].map((t) => t.textContent);
          figure.remove();
          return { boxes, titles, svg: { width: svgBox.width, height: svgBox.height } };
        }, [width, count]);
        assert.equal(result.titles.length, count);
        assert.ok(result.titles.every((t, i) => t.startsWith(['Reagan National Defense Forum', 'Volodymyr Zelenskyy',
          'United States of America', 'Kirill Dmitriev', 'Financial Times', 'Andriy Yermak', 'Kyiv',
          'Organization for Security and Co-operation', 'US', 'Dmitry Peskov', 'International Atomic Energy Agency',
          'Steve Witkoff'][i])), 'full names in the titles');
        for (const [i, a] of result.boxes.entries()) {
          assert.ok(a.x >= -1 && a.x + a.width <= result.svg.width + 1, `${width}px: “${a.text}” inside the drawing`);
          for (const b of result.boxes.slice(i + 1)) {
            assert.ok(!overlap(a, b), `${width}px: labels “${a.text}” and “${b.text}” overlap`);
          }
        }
      }
    });
  });

  it('says so for an unknown or hostile entity id', async () => {
    const hostile = '<img src=x onerror="window.__pwned=1">';
    await withPage(session.browser, `${session.url}#entity=${encodeURIComponent(hostile)}`, async ({ page }) => {
      await waitForReady(page);
      await waitForMode(page, 'entity');
      const alert = page.locator('#entity-view [role="alert"]');
      await alert.waitFor();
      assert.ok((await alert.textContent()).includes(hostile), 'the id is shown as text');
      assert.equal(await page.locator('img').count(), 0);
      assert.equal(await page.evaluate(() => window.__pwned), undefined);
      await page.keyboard.press('Escape');
      await page.waitForFunction(() => document.querySelector('#results .intro'));
    });
  });

  it('reads a hostile filter, order or page from the URL as text', async (t) => {
    const hostile = '<img src=x onerror="window.__pwned=1">';
    const hash = `#entity=${ENTITY.kellogg}&find=${encodeURIComponent(hostile)}&order=${encodeURIComponent('<b>')}&mp=-3&x=${encodeURIComponent(hostile)}`;
    await withPage(session.browser, `${session.url}${hash}`, async ({ page }) => {
      await waitForReady(page);
      if (!await needEntities(t, page)) return;
      await waitForMode(page, 'entity');
      await page.waitForFunction(() => document.querySelector('#entity-view .contexts .list-range'));
      assert.equal(await page.locator('#entity-find').inputValue(), hostile);
      assert.match(await page.locator('#entity-view .contexts .list-range').textContent(), /^No mentions matching “<img/);
      assert.equal(await page.locator('#entity-order').inputValue(), 'relevance', 'an unknown order is dropped');
      assert.equal(await page.locator('#entity-view img').count(), 0);
      assert.equal(await page.evaluate(() => window.__pwned), undefined);
    });
  });
});
