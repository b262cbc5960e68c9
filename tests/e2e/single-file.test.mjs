// dist/dossier.html: the whole explorer in one file (wasm inlined), opened from file:// with no
// server. It behaves like the served page: search, reader, entity page, timeline, export;
// it loads nothing else, and its CSP allows only its own inline script and style (by hash).

import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  DIST, startSession, openPage, watch, waitForReady, typeQuery, waitForResults, waitForReader,
  waitForMode, readResults, hashParams, screenshot, entityCount, assertNoProblems, downloadText,
  ENTITY, KELLOGG_IDS, DESKTOP,
} from './helpers.mjs';

const FILE = path.join(DIST, 'dossier.html');
const URL_ = pathToFileURL(FILE).href;

/** Open the single file in a fresh context, recording every request. */
async function openFile(browser, hash = '') {
  const context = await browser.newContext({ viewport: DESKTOP, locale: 'en-US', timezoneId: 'UTC', acceptDownloads: true });
  const page = await context.newPage();
  page.setDefaultTimeout(10_000);
  const problems = watch(page);
  const requests = [];
  page.on('request', (req) => requests.push(req.url()));
  await page.goto(`${URL_}${hash}`);
  return { page, context, problems, requests };
}

describe('single file (dist/dossier.html from file://)', () => {
  let session;
  let withEntities = false;
  before(async () => {
    assert.ok(fs.existsSync(FILE), `${FILE} is missing: the build writes it (scripts/single-file.mjs)`);
    session = await startSession();
    const probe = await openPage(session.browser, session.url);
    await waitForReady(probe.page);
    withEntities = await entityCount(probe.page) > 0;
    await probe.context.close();
  });
  after(async () => { await session?.close(); });

  it('is self-contained with a strict CSP', () => {
    const html = fs.readFileSync(FILE, 'utf8');
    assert.equal((html.match(/<script\b/g) ?? []).length, 1, 'one script element');
    assert.equal((html.match(/<style\b/g) ?? []).length, 1, 'one style element');
    assert.doesNotMatch(html, /<script[^>]+src=|<link[^>]+rel="(stylesheet|modulepreload|preload)"/, 'nothing loaded from files');
    const csp = html.match(/http-equiv="Content-Security-Policy" content="([^"]+)"/)[1];
    assert.match(csp, /default-src 'none'/);
    assert.match(csp, /script-src 'sha256-[A-Za-z0-9+/=]+' 'wasm-unsafe-eval'/);
    assert.match(csp, /style-src 'sha256-[A-Za-z0-9+/=]+'/);
    assert.doesNotMatch(csp, /'unsafe-inline'|'unsafe-eval'/);
  });

  it('searches, reads and shows the timeline from file://, loading nothing else', async () => {
    const { page, context, problems, requests } = await openFile(session.browser);
    try {
      await waitForReady(page);
      await typeQuery(page, 'kellogg');
      await waitForResults(page, 'kellogg');
      assert.deepEqual(new Set((await readResults(page)).map((r) => r.id)), new Set(KELLOGG_IDS));
      await screenshot(page, 'single-file');

      await page.locator('#results a.result-link').first().click();
      await waitForReader(page);
      assert.ok((await page.locator('#reader .reader-body mark').count()) >= 1);
      assert.ok(await page.locator('#reader #related').count(), 'related articles too');
      await page.keyboard.press('Escape');
      await waitForResults(page, 'kellogg');

      const [file] = await Promise.all([page.waitForEvent('download'),
        page.getByRole('button', { name: 'Download results as CSV' }).click()]);
      assert.match(await downloadText(file), /^\uFEFFid,title,date,source,url,score,excerpt,entities\r\n/);

      await page.locator('.views-nav a', { hasText: 'Timeline' }).click();
      await waitForMode(page, 'timeline');
      assert.ok(await page.locator('#timeline-view a.bar').count() >= 1);

      const elsewhere = requests.filter((url) => !url.startsWith(URL_) && !url.startsWith('data:') && !url.startsWith('blob:'));
      assert.deepEqual(elsewhere, [], 'no other file or network request');
      assertNoProblems(problems); // a CSP violation would be a console error
    } finally {
      await context.close();
    }
  });

  it('opens a shared view from its hash, including an entity page', async () => {
    const hash = `#q=kellogg&doc=${KELLOGG_IDS[0]}`;
    const { page, context, problems } = await openFile(session.browser, hash);
    try {
      await waitForReady(page);
      await waitForReader(page);
      assert.equal(hashParams(page).get('doc'), KELLOGG_IDS[0]);
      assert.equal(await page.locator('#q').inputValue(), 'kellogg');

      await page.goto(`${URL_}#entity=${encodeURIComponent(ENTITY.kellogg)}`);
      await waitForReady(page);
      await waitForMode(page, 'entity');
      if (withEntities) {
        await page.waitForFunction(() => document.querySelector('#entity-title')?.textContent === 'Keith Kellogg');
        assert.ok(await page.locator('#entity-view svg.graph-svg a').count() >= 1, 'the network is drawn');
        await screenshot(page, 'single-file-entity');
      } else {
        await page.locator('#entity-view [role="alert"]').waitFor();
      }
      assertNoProblems(problems);
    } finally {
      await context.close();
    }
  });
});
