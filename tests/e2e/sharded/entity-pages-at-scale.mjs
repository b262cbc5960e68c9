// Entity pages and exports on a corpus of thousands of articles (make-corpus.mjs, 3,800 of
// them, built with default options, so sharded): the most mentioned person's page pages
// through its thousands of mentions to the last, sorts by date, filters by text, lays the
// mentions and documents out side by side (one column on a phone), and its graph has a legend
// that filters by kind, hides hubs by default and expands a node; the results, entities and
// mentions exports carry their new columns. axe-core stays clean, light and dark, desktop and
// phone. Screenshots: tests/e2e/screenshots/scale-*.png.
//
// Run by build.sh test with DOSSIER_E2E_DIST pointing at that build (the file name keeps it
// out of the default `node --test tests/e2e/` run).

import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  startSession, withPage, waitForReady, waitForMode, hashParams, screenshot, screenshotThemes,
  assertAccessible, downloadText, parseCsv, PHONE,
} from '../helpers.mjs';

const PAGE = 25; // MENTION_PAGE and DOCUMENT_PAGE in www/views/entity.js
// A first text filter on a sharded index fetches the text of every document of the entity
// (here ~2,000 documents in ~1,000 parts; seconds on a loopback server): waits allow for it.
const SLOW = 40_000;

/** Click `button` and return the download it starts: { name, text }. */
async function download(page, button) {
  const [file] = await Promise.all([page.waitForEvent('download', { timeout: 60_000 }), button.click()]);
  return { name: file.suggestedFilename(), text: await downloadText(file) };
}

/** What the entity page shows of its lists. */
function readLists(page) {
  return page.$eval('#entity-view', (view) => ({
    mentionRange: view.querySelector('.contexts .list-range')?.textContent ?? '',
    documentRange: view.querySelector('.entity-docs .list-range')?.textContent ?? '',
    contexts: [...view.querySelectorAll('a.context')].map((a) => ({ key: a.dataset.focusKey, text: a.textContent })),
    contextTitles: [...view.querySelectorAll('.context-doc')].map((h) => h.textContent),
    documents: [...view.querySelectorAll('a.doc-link')].map((a) => ({
      id: new URLSearchParams(a.getAttribute('href').slice(1)).get('doc'),
      title: a.textContent,
      date: a.closest('li').querySelector('time')?.dateTime ?? null,
    })),
    nodes: [...view.querySelectorAll('.network > figure svg a.graph-node')].map((a) => ({
      id: new URLSearchParams(a.getAttribute('href').slice(1)).getAll('x'),
      kind: [...a.classList].find((c) => c.startsWith('kind-'))?.slice(5),
      hub: a.classList.contains('is-hub'),
      title: a.querySelector('title').textContent,
    })),
    legend: [...view.querySelectorAll('.graph-legend input[data-graph="kind"]')].map((i) => ({ kind: i.value, checked: i.checked })),
  }));
}

/** Wait until the entity page has drawn what the current URL asks for, then until `check(arg)`. */
async function waitForEntity(page, check = () => true, arg = null) {
  await waitForMode(page, 'entity');
  await page.waitForFunction(() => document.querySelector('#entity-view').dataset.shown === location.hash &&
    document.querySelector('#entity-view .contexts .list-range'), null, { timeout: 30_000 });
  await page.waitForFunction(check, arg, { timeout: SLOW });
}

/** "Mentions 26–50 of 5,972 …" → { from: 26, to: 50, total: 5972 }. */
function range(text) {
  const m = /(\d[\d,]*)–(\d[\d,]*) of (\d[\d,]*)/.exec(text);
  assert.ok(m, `a range in “${text}”`);
  const n = (s) => Number(s.replaceAll(',', ''));
  return { from: n(m[1]), to: n(m[2]), total: n(m[3]) };
}

describe('entity pages and exports at scale', () => {
  let session;
  let top; // the most mentioned person
  before(async () => {
    session = await startSession();
    await withPage(session.browser, session.url, async ({ page }) => {
      await waitForReady(page);
      top = (await page.evaluate(async () => (await import('./engine.js')).entities({ kind: 'person', limit: 1 }))).entities[0];
    });
    assert.ok(top.mentions > 500 && top.documents > 100, `a person with many mentions: ${JSON.stringify(top)}`);
  });
  after(async () => { await session?.close(); });

  it('pages through thousands of mentions and documents to the last page', async () => {
    await withPage(session.browser, `${session.url}#entity=${encodeURIComponent(top.id)}`, async ({ page }) => {
      await waitForReady(page);
      await waitForEntity(page);
      let lists = await readLists(page);
      assert.deepEqual(range(lists.mentionRange), { from: 1, to: PAGE, total: top.mentions });
      assert.deepEqual(range(lists.documentRange), { from: 1, to: PAGE, total: top.documents });
      assert.equal(lists.contexts.length, PAGE);
      await screenshot(page, 'scale-entity-desktop');
      await screenshot(page, 'scale-entity-desktop-full', { fullPage: true });

      // Mentions left, documents right, side by side.
      const [left, right] = await page.$$eval('#entity-view .contexts, #entity-view .entity-docs',
        (boxes) => boxes.map((b) => { const r = b.getBoundingClientRect(); return { x: r.x, y: r.y, width: r.width }; }));
      assert.ok(right.x >= left.x + left.width - 1 && Math.abs(right.y - left.y) < 5, `two columns: ${JSON.stringify([left, right])}`);

      // Next, next: mentions 51–75, none seen before.
      const seen = new Set(lists.contexts.map((c) => c.key));
      for (const want of [2, 3]) {
        await page.locator('.contexts .pager-next').click();
        await waitForEntity(page, (n) => document.querySelector('.contexts .pager-at')?.textContent.startsWith(`Page ${n} `), want);
        assert.equal(hashParams(page).get('mp'), String(want));
        lists = await readLists(page);
        assert.deepEqual(range(lists.mentionRange), { from: (want - 1) * PAGE + 1, to: want * PAGE, total: top.mentions });
        for (const c of lists.contexts) {
          assert.ok(!seen.has(c.key), `mention ${c.key} shown on two pages`);
          seen.add(c.key);
        }
      }
      assert.equal(seen.size, 3 * PAGE);
      assert.match(await page.locator('#status').textContent(), new RegExp(`${top.mentions.toLocaleString('en-US')} mentions`));

      // The last page of mentions: what is left over, ending at the total.
      await page.locator('.contexts .pager-last').click();
      const pages = Math.ceil(top.mentions / PAGE);
      await waitForEntity(page, (n) => document.querySelector('.contexts .pager-at')?.textContent === `Page ${n.toLocaleString()} of ${n.toLocaleString()}`, pages);
      lists = await readLists(page);
      const last = range(lists.mentionRange);
      assert.deepEqual(last, { from: (pages - 1) * PAGE + 1, to: top.mentions, total: top.mentions });
      assert.equal(lists.contexts.length, top.mentions - (pages - 1) * PAGE);
      assert.equal(await page.locator('.contexts .pager-next').count(), 0, 'no next page after the last');

      // The last page of documents.
      await page.locator('.entity-docs .pager-last').click();
      const docPages = Math.ceil(top.documents / PAGE);
      await waitForEntity(page, (n) => document.querySelector('.entity-docs .pager-at')?.textContent === `Page ${n.toLocaleString()} of ${n.toLocaleString()}`, docPages);
      lists = await readLists(page);
      assert.equal(range(lists.documentRange).to, top.documents);
      assert.equal(lists.documents.length, top.documents - (docPages - 1) * PAGE);
      // The mention page is kept in the URL as the documents page changes: a shareable view.
      assert.equal(hashParams(page).get('mp'), String(pages));

      // A shared link opens the same page.
      const url = page.url();
      await page.goto('about:blank');
      await page.goto(url);
      await waitForReady(page);
      await waitForEntity(page);
      assert.deepEqual(range((await readLists(page)).mentionRange), last);
    });
  });

  it('sorts by date and filters by text', async () => {
    await withPage(session.browser, `${session.url}#entity=${encodeURIComponent(top.id)}`, async ({ page }) => {
      page.setDefaultTimeout(SLOW);
      await waitForReady(page);
      await waitForEntity(page);
      const relevance = await readLists(page);

      await page.locator('#entity-order').selectOption('newest');
      await waitForEntity(page, () => new URLSearchParams(location.hash.slice(1)).get('order') === 'newest' &&
        document.querySelector('#entity-order').value === 'newest');
      const newest = await readLists(page);
      const dates = newest.documents.map((d) => d.date);
      assert.ok(dates.every(Boolean), 'the generated corpus is dated');
      assert.deepEqual(dates, [...dates].sort().reverse(), 'documents newest first');
      assert.notDeepEqual(newest.documents.map((d) => d.id), relevance.documents.map((d) => d.id));
      const mentionDates = await page.$$eval('.contexts .context-doc time', (ts) => ts.map((t) => t.dateTime));
      assert.deepEqual(mentionDates, [...mentionDates].sort().reverse(), 'mentions newest first');

      await page.locator('#entity-order').selectOption('oldest');
      await waitForEntity(page, () => new URLSearchParams(location.hash.slice(1)).get('order') === 'oldest');
      const oldest = (await readLists(page)).documents.map((d) => d.date);
      assert.deepEqual(oldest, [...oldest].sort(), 'documents oldest first');
      assert.ok(oldest[0] <= dates.at(-1));

      // A word from a sentence on the page narrows both lists to what contains it.
      await page.locator('#entity-order').selectOption('relevance');
      await waitForEntity(page, () => !new URLSearchParams(location.hash.slice(1)).has('order'));
      const word = 'ceasefire';
      await page.locator('#entity-find').fill(word);
      await waitForEntity(page, (w) => new URLSearchParams(location.hash.slice(1)).get('find') === w &&
        document.querySelector('.contexts .list-range').textContent.includes(`matching “${w}”`), word);
      assert.equal(await page.evaluate(() => document.activeElement?.id), 'entity-find', 'typing keeps focus');
      const filtered = await readLists(page);
      const found = range(filtered.mentionRange);
      assert.ok(found.total > 0 && found.total < top.mentions, `some mentions match (${found.total})`);
      assert.ok(range(filtered.documentRange).total < top.documents);
      const titles = new Set(filtered.contextTitles.map((t) => t.toLowerCase()));
      for (const c of filtered.contexts) {
        assert.ok(c.text.toLowerCase().includes(word) || [...titles].some((t) => t.includes(word)),
          `“${c.text}” contains “${word}”`);
      }
      await screenshot(page, 'scale-entity-filtered');

      // Nothing matches: said so, no pager.
      await page.locator('#entity-find').fill('qzxqjvv');
      await waitForEntity(page, () => /^No mentions matching/.test(document.querySelector('.contexts .list-range').textContent));
      assert.equal(await page.locator('#entity-view .pager').count(), 0);
    });
  });

  it('draws the graph with a legend that filters by kind, hubs hidden, a node expandable', async () => {
    await withPage(session.browser, `${session.url}#entity=${encodeURIComponent(top.id)}`, async ({ page }) => {
      await waitForReady(page);
      await waitForEntity(page);
      let lists = await readLists(page);
      assert.ok(lists.nodes.length >= 6, `nodes (${lists.nodes.length})`);
      assert.ok(lists.nodes.every((n) => !n.hub), 'hubs are hidden by default');
      assert.ok(lists.legend.length >= 2 && lists.legend.every((k) => k.checked), `the legend: ${JSON.stringify(lists.legend)}`);
      const graph = await page.evaluate(async (id) => (await import('./engine.js')).entityGraph(id, { limit: 12 }), top.id);
      assert.ok(graph.hubs > 0, 'a corpus this size has hubs');
      assert.ok(graph.nodes.some((n) => n.hub), 'with hubs shown, the top neighbours include hubs');

      // Show the hubs: drawn hollow.
      await page.locator('.graph-legend input[data-graph="hubs"]').uncheck();
      await waitForEntity(page, () => new URLSearchParams(location.hash.slice(1)).get('hubs') === '1' &&
        document.querySelector('.graph-node.is-hub'));
      lists = await readLists(page);
      assert.ok(lists.nodes.some((n) => n.hub));
      await screenshot(page, 'scale-entity-hubs');

      // Only people: untick every other kind.
      for (const { kind } of lists.legend.filter((k) => k.kind !== 'person')) {
        await page.locator(`.graph-legend input[value="${kind}"]`).uncheck();
        await waitForEntity(page, (k) => new URLSearchParams(location.hash.slice(1)).getAll('gk').length > 0 &&
          !document.querySelector(`.network > figure .graph-node.kind-${k}`), kind);
      }
      lists = await readLists(page);
      assert.deepEqual(hashParams(page).getAll('gk'), ['person']);
      assert.ok(lists.nodes.length > 0 && lists.nodes.every((n) => n.kind === 'person'), JSON.stringify(lists.nodes));
      assert.ok(lists.legend.find((k) => k.kind === 'person').checked);

      // A node expands to its own neighbours, below the graph.
      const node = page.locator('.network > figure a.graph-node').first();
      const name = (await node.locator('title').textContent()).split(',')[0];
      await node.click();
      await waitForEntity(page, () => document.querySelector('.graph-around svg'));
      assert.equal(hashParams(page).getAll('x').length, 1);
      assert.match(await page.locator('.graph-around .around-caption').textContent(), new RegExp(`^Around ${name}`));
      assert.ok(await page.locator('.graph-around a.graph-node').count() > 0);
      assert.ok(await page.locator('.network > figure a.graph-node.is-expanded').count() === 1);
      await screenshot(page, 'scale-entity-expanded', { fullPage: true });
      await page.locator('.graph-around a.around-close').click();
      await waitForEntity(page, () => !document.querySelector('.graph-around'));
    });
  });

  it('is one column on a phone, and accessible in light and dark', async () => {
    const hash = `#entity=${encodeURIComponent(top.id)}&mp=2&hubs=1`;
    for (const [viewport, size] of [[PHONE, 'phone'], [undefined, 'desktop']]) {
      for (const colorScheme of ['light', 'dark']) {
        const options = viewport ? { viewport, colorScheme } : { colorScheme };
        await withPage(session.browser, `${session.url}${hash}`, options, async ({ page }) => {
          await waitForReady(page);
          await waitForEntity(page);
          if (size === 'phone') {
            const [left, right] = await page.$$eval('#entity-view .contexts, #entity-view .entity-docs',
              (boxes) => boxes.map((b) => { const r = b.getBoundingClientRect(); return { x: r.x, y: r.y, bottom: r.bottom }; }));
            assert.ok(right.y >= left.bottom - 1, 'documents below the mentions');
            const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
            assert.ok(overflow <= 0, `no horizontal scrolling (${overflow}px)`);
            if (colorScheme === 'light') await screenshotThemes(page, 'scale-entity-phone');
          }
          await assertAccessible(page, `entity page at scale (${size}, ${colorScheme})`);
        });
      }
    }
  });

  it('exports results with excerpt, source, date and entities; entities with aliases; mentions with sentences', async () => {
    await withPage(session.browser, `${session.url}#q=ceasefire`, async ({ page }) => {
      await waitForReady(page);
      await page.waitForFunction(() => document.documentElement.dataset.mode === 'search' && document.querySelector('#results [data-id]'));
      const csv = await download(page, page.getByRole('button', { name: 'Download results as CSV' }));
      const rows = parseCsv(csv.text);
      assert.deepEqual(rows[0], ['id', 'title', 'date', 'source', 'url', 'score', 'excerpt', 'entities']);
      assert.ok(rows.length > 100, `every result (${rows.length - 1})`);
      for (const row of rows.slice(1)) {
        assert.equal(row.length, 8);
        assert.equal(row[3], 'example-news.org', 'the source is the URL host');
        assert.match(row[2], /^2025-\d\d-\d\d$/);
        assert.match(row[6], /ceasefire/i, 'the excerpt shows the match');
        assert.ok(row[7].length > 0, 'the entities of the document');
      }
    });

    await withPage(session.browser, `${session.url}#view=entities&kind=person`, async ({ page }) => {
      await waitForReady(page);
      await waitForMode(page, 'entities');
      await page.waitForFunction(() => document.querySelector('.entity-table'));
      const rows = parseCsv((await download(page, page.getByRole('button', { name: 'Download entity list as CSV' }))).text);
      assert.deepEqual(rows[0], ['id', 'name', 'kind', 'aliases', 'mentions', 'documents']);
      assert.ok(rows.some((r) => r[3].includes('; ')), 'some entity has several aliases');
    });

    await withPage(session.browser, `${session.url}#entity=${encodeURIComponent(top.id)}&find=ceasefire`, async ({ page }) => {
      page.setDefaultTimeout(SLOW);
      await waitForReady(page);
      await waitForEntity(page);
      const total = range((await readLists(page)).mentionRange).total;
      const file = await download(page, page.getByRole('button', { name: /mentions of .* as CSV$/ }));
      assert.match(file.name, /^dossier-mentions-person-.*\.csv$/);
      const rows = parseCsv(file.text);
      assert.deepEqual(rows[0], ['entity_id', 'entity', 'document_id', 'title', 'date', 'field', 'offset', 'sentence']);
      assert.equal(rows.length - 1, total, 'every mention the filter keeps, not just the page');
      for (const row of rows.slice(1)) {
        assert.equal(row[0], top.id);
        assert.ok(/ceasefire/i.test(row[7]) || /ceasefire/i.test(row[3]), row[7]);
      }
      // Unfiltered, it has every mention.
      const all = await page.evaluate(async (id) => (await import('./engine.js')).entityMentions(id, { limit: 1 }), top.id);
      assert.equal(all.total, top.mentions);
    });
  });

  it('looks up a list of names at once: counts, links, sort, export', async () => {
    const lines = [top.name, 'ceasefire', 'Kyiv', 'qzxqjvv'];
    await withPage(session.browser, `${session.url}#view=batch`, async ({ page }) => {
      await waitForReady(page);
      await waitForMode(page, 'batch');
      await page.locator('#batch-terms').fill(lines.join('\n'));
      await page.getByRole('button', { name: 'Look up' }).click();
      await page.waitForFunction(() => document.querySelectorAll('.batch-table tbody tr').length === 4);
      // The list is in the URL (spaces as `+` or `%20`: whatever URLSearchParams writes).
      assert.equal(hashParams(page).get('view'), 'batch');
      assert.equal(hashParams(page).get('terms'), lines.join('\n'), 'the list is in the URL');
      const read = () => page.$$eval('.batch-table tbody tr', (trs) => trs.map((tr) => ({
        query: tr.cells[0].textContent,
        href: tr.cells[0].querySelector('a').getAttribute('href'),
        documents: Number(tr.cells[1].textContent.split(' ')[0].replaceAll(',', '')),
        entity: tr.cells[2].querySelector('a')?.getAttribute('href') ?? null,
        mentions: tr.cells[3].textContent,
      })));
      const rows = await read();
      const byQuery = Object.fromEntries(rows.map((r) => [r.query, r]));
      // Each count is what its search finds.
      for (const line of lines) {
        const found = await page.evaluate(async (q) => (await import('./engine.js')).search(`${q} `, { limit: 0, noCorrection: true }), line);
        assert.equal(byQuery[line].documents, found.partial ? 0 : found.total, line);
      }
      assert.equal(byQuery[top.name].mentions, top.mentions.toLocaleString('en-US'));
      assert.equal(byQuery[top.name].entity, `#entity=${encodeURIComponent(top.id)}`);
      assert.equal(byQuery.qzxqjvv.documents, 0);
      assert.equal(byQuery.qzxqjvv.entity, null);
      assert.deepEqual(rows.map((r) => r.documents), [...rows.map((r) => r.documents)].sort((a, b) => b - a), 'most documents first');
      await screenshot(page, 'scale-batch');

      // Sort by name, then back; a row links to its results.
      await page.locator('button[data-sort="query"]').click();
      assert.deepEqual((await read()).map((r) => r.query), [...lines].sort((a, b) => a.toLowerCase().localeCompare(b.toLowerCase())));
      assert.equal(await page.locator('th[aria-sort]').getAttribute('aria-sort'), 'ascending');

      const csv = parseCsv((await download(page, page.getByRole('button', { name: 'Download the table as CSV' }))).text);
      assert.deepEqual(csv[0], ['query', 'documents', 'partial_documents', 'entity_id', 'entity', 'kind', 'mentions', 'entity_documents']);
      assert.deepEqual(csv.slice(1).map((r) => r[0]), (await read()).map((r) => r.query), 'in the order shown');
      assert.equal(csv.find((r) => r[0] === top.name)[6], String(top.mentions));
      await assertAccessible(page, 'batch search at scale');

      await page.locator('.batch-table a.batch-query', { hasText: 'ceasefire' }).click();
      await page.waitForFunction(() => document.documentElement.dataset.mode === 'search' && document.querySelector('#results [data-id]'));
      assert.equal(hashParams(page).get('q'), 'ceasefire');
    });
  });
});
