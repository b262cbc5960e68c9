// A generated corpus (make-corpus.mjs) built with `build.sh --sharded`, searched in Chromium:
// the page opens the root, fetches only the shards a query needs, shows highlighted results,
// fills in the facets afterwards, reads a document, and fetches nothing again for a query it
// has answered. Bytes and requests are counted from Chromium's own network events.
//
// Run by build.sh test with DOSSIER_E2E_DIST pointing at that build (the file name keeps it
// out of the default `node --test tests/e2e/` run).

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  DIST, startSession, withPage, typeQuery, waitForResults, readResults, waitForReader, screenshot,
} from '../helpers.mjs';

let session;
before(async () => { session = await startSession(); });
after(async () => { await session?.close(); });

const SHARDS = path.join(DIST, 'index');

/** Every request the page makes, with the bytes Chromium received for it. */
function countRequests(page) {
  const seen = [];
  page.on('requestfinished', async (req) => {
    const sizes = await req.sizes().catch(() => null);
    seen.push({ url: req.url(), bytes: sizes ? sizes.responseBodySize + sizes.responseHeadersSize : 0 });
  });
  return seen;
}

const shardName = (url) => decodeURIComponent(new URL(url).pathname.split('/index/')[1] ?? '');
const sum = (list) => list.reduce((n, r) => n + r.bytes, 0);

test('a sharded index is fetched lazily, a shard at most once', async () => {
  const files = fs.readdirSync(SHARDS).filter((f) => f.endsWith('.dsr'));
  const indexBytes = files.reduce((n, f) => n + fs.statSync(path.join(SHARDS, f)).size, 0);
  assert.ok(files.length > 100, `a sharded build has many shards (${files.length})`);

  await withPage(session.browser, 'about:blank', async ({ page }) => {
    const requests = countRequests(page);
    await page.goto(`${session.url}#q=kellogg`);
    await waitForResults(page, 'kellogg');
    const results = await readResults(page);
    assert.equal(results.length, 10, 'a first page of 10 (each result fetches its document part)');
    for (const r of results) assert.ok(r.excerptMarks.some((m) => m.startsWith('Kellogg')), `${r.id}: “${r.excerpt}”`);
    await page.waitForTimeout(200); // let the last requestfinished events arrive
    const first = requests.filter((r) => r.url.includes('/index/'));
    const firstBytes = sum(first);
    const wire = sum(requests);
    console.log(`first results: ${requests.length} requests, ${wire} bytes in all; ` +
      `${first.length} of ${files.length} index files, ${firstBytes} of ${indexBytes} index bytes`);
    assert.ok(first.some((r) => shardName(r.url) === 'root.dsr'), 'the root is fetched');
    assert.ok(first.length < files.length / 5, `only a few shards (${first.length})`);
    assert.ok(firstBytes < indexBytes / 4, `a small part of the index (${firstBytes} bytes)`);
    await screenshot(page, 'sharded-results');

    // The next page comes from the button, 20 more, fetched the same way.
    const more = page.locator('#results button[data-action="more"]');
    const total = Number((await more.textContent()).match(/of ([\d,]+)/)[1].replace(/,/g, ''));
    assert.ok(total > 10, `kellogg matches more than a page (${total})`);
    await more.click();
    const expected = Math.min(total, 30);
    await page.waitForFunction((n) => document.querySelectorAll('#results [data-id]').length === n, expected);
    const all = await readResults(page);
    assert.deepEqual(all.slice(0, 10).map((r) => r.id), results.map((r) => r.id), 'the first page stays');
    assert.equal(new Set(all.map((r) => r.id)).size, expected, 'no result twice');
    for (const r of all.slice(10)) assert.ok(r.excerptMarks.some((m) => m.startsWith('Kellogg')), `${r.id}: “${r.excerpt}”`);

    // Facets and the timeline strip come after the results, from the entity and dates shards.
    await page.locator('#results .facets .facet').first().waitFor();
    await page.locator('#results nav.strip').waitFor();
    await page.evaluate(() => window.scrollTo(0, 0));
    await screenshot(page, 'sharded-results-facets');

    // A query already answered fetches nothing more.
    const before = requests.length;
    await page.locator('#q').fill('');
    await typeQuery(page, 'zelenskyy');
    await waitForResults(page, 'zelenskyy');
    await page.locator('#q').fill('');
    await typeQuery(page, 'kellogg');
    await waitForResults(page, 'kellogg');
    const names = requests.slice(before).map((r) => shardName(r.url)).filter(Boolean);
    const twice = requests.map((r) => r.url).filter((u, i, all) => u.includes('/index/') && all.indexOf(u) !== i);
    assert.deepEqual(twice, [], 'no shard fetched twice');
    // Typed key by key, every prefix (z, ze, zel, …) is searched: each fetches its own shards.
    assert.ok(names.length > 0 && names.length < files.length / 2, `zelenskyy fetched its own shards (${names.length})`);

    // The reader opens a document from its shard, with the query marked.
    await page.locator('#results [data-id] a.result-link').first().click();
    await waitForReader(page);
    const marks = await page.$$eval('#reader mark', (ms) => ms.map((m) => m.textContent));
    assert.ok(marks.some((m) => m.startsWith('Kellogg')), `marks in the reader: ${marks.join(', ')}`);
    // The source is the outlet's host name, linked to the article's address.
    const source = page.locator('#reader .reader-meta a.source');
    assert.equal(await source.textContent(), 'example-news.org');
    assert.match(await source.getAttribute('href'), /^https:\/\/www\.example-news\.org\/2025\/\d\d\/\d\d\/gen-\d{5}$/);
    await screenshot(page, 'sharded-reader');
  });
});

/** Forget the problems the lost part causes (its 404, the browser's log of it, the reader's
 * error status naming it), so that withPage still fails on any other. */
function expectOnly(problems, lost) {
  problems.failedRequests = problems.failedRequests.filter((r) => !r.includes(`/index/${lost}`));
  problems.consoleErrors = problems.consoleErrors.filter((m) => !m.includes(lost) && !/status of 404/.test(m));
}

/** Every row of the result list, in order: { id } or { unavailable: part name, text }. */
function readRows(page) {
  return page.$$eval('#results ol.results > li', (items) => items.map((item) => (
    item.dataset.unavailable ? { unavailable: item.dataset.unavailable, text: item.textContent } : { id: item.dataset.id })));
}

test('a document part that fails to load costs that result, not the search; the reader says why', async () => {
  // Which document parts kellogg's first page reads, on an intact site.
  let order = [];
  const parts = [];
  await withPage(session.browser, 'about:blank', async ({ page }) => {
    page.on('request', (req) => {
      const name = shardName(req.url());
      if (/^d\d+-/.test(name)) parts.push(name);
    });
    await page.goto(`${session.url}#q=kellogg`);
    await waitForResults(page, 'kellogg');
    order = (await readResults(page)).map((r) => r.id);
  });
  assert.ok(parts.length > 1, `several document parts (${parts})`);
  const lost = parts[0];

  // The same site with that part gone (HTTP 404), as if removed from dist/index/.
  await withPage(session.browser, 'about:blank', async ({ page, problems }) => {
    await page.route(`**/index/${lost}`, (route) => route.fulfill({ status: 404, body: 'not found' }));
    await page.goto(`${session.url}#q=kellogg`);
    await page.locator(`#results [data-unavailable="${lost}"]`).first().waitFor();
    const rows = await readRows(page);
    assert.equal(rows.length, order.length, 'every result keeps its place');
    const gone = rows.filter((r) => r.unavailable);
    assert.ok(gone.length >= 1 && gone.length < rows.length, `some rows unavailable, not all (${gone.length})`);
    for (const r of gone) assert.match(r.text, new RegExp(`part ${lost} failed to load \\(HTTP 404\\)`));
    rows.forEach((r, i) => { if (r.id) assert.equal(r.id, order[i], `row ${i} is the same article`); });
    await screenshot(page, 'sharded-part-missing-results');

    // The reader, asked for an article of that part, says what happened.
    const id = order[rows.findIndex((r) => r.unavailable)];
    await page.goto(`${session.url}#q=kellogg&doc=${encodeURIComponent(id)}`);
    const title = page.locator('#reader h2.view-title');
    await title.waitFor();
    assert.equal(await title.textContent(), 'Document unavailable');
    const text = await page.locator('#reader .notice').textContent();
    assert.match(text, new RegExp(`index part ${lost} failed to load: HTTP 404`));
    await screenshot(page, 'sharded-part-missing-reader');
    expectOnly(problems, lost);
  });

  // The part swapped with another on the host: refused by name, never another article's text.
  const other = fs.readdirSync(SHARDS).find((f) => /^d\d+-.*\.dsr$/.test(f) && f !== lost);
  const swapped = fs.readFileSync(path.join(SHARDS, other));
  await withPage(session.browser, 'about:blank', async ({ page, problems }) => {
    await page.route(`**/index/${lost}`, (route) => route.fulfill({ status: 200, body: swapped }));
    await page.goto(`${session.url}#q=kellogg`);
    const row = page.locator(`#results [data-unavailable="${lost}"]`).first();
    await row.waitFor();
    assert.match(await row.textContent(), new RegExp(`it holds ${other}: the site's index files are mixed up`));
    expectOnly(problems, lost);
  });
});

test('the single file of a sharded build embeds the whole index and searches from file://', async () => {
  const single = path.join(DIST, 'dossier.html');
  assert.ok(fs.existsSync(single), 'a sharded build still writes dossier.html');
  await withPage(session.browser, `${pathToFileURL(single).href}#q=kellogg`, async ({ page }) => {
    const fetched = [];
    page.on('request', (req) => { if (!req.url().startsWith('file:') && !req.url().startsWith('data:')) fetched.push(req.url()); });
    await waitForResults(page, 'kellogg');
    assert.ok((await readResults(page)).length > 0, 'kellogg is found');
    assert.deepEqual(fetched, [], 'nothing fetched: the index is inside the file');
  });
});
