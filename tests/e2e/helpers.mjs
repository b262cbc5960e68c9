// Shared setup for the end-to-end tests: static server + system Chromium via playwright-core,
// a watcher that records every page error, console error, dialog and failed request, and
// small helpers for the things every test does (wait for the index, type, read results).

import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { startServer } from './server.mjs';

/** The built site the tests run against (DOSSIER_E2E_DIST overrides, to try another build). */
export const DIST = path.resolve(process.env.DOSSIER_E2E_DIST || path.resolve(import.meta.dirname, '../../dist'));
/** Where screenshot() writes PNGs. */
export const SCREENSHOTS = path.resolve(import.meta.dirname, 'screenshots');

export const DESKTOP = { width: 1280, height: 800 };
export const PHONE = { width: 390, height: 844 };

/** The documents in corpus/ that mention Kellogg. */
export const KELLOGG_IDS = ['000_e9dab112098231ab', '002_cd071ab01838d533', '004_05d5347f9e8ea8f7'];
/** Every document in corpus/. */
export const ALL_IDS = ['000_e9dab112098231ab', '001_5faf7213626f208b', '002_cd071ab01838d533',
  '003_3ddd5eb3ece5e1af', '004_05d5347f9e8ea8f7'];
/** The one dated document in corpus/, and its date. */
export const DATED = { id: '003_3ddd5eb3ece5e1af', date: '2025-08-29' };

/**
 * Entity ids the default corpus has (entity extraction is in the index). Tests that need
 * entities fail on an index without any; DOSSIER_E2E_ALLOW_NO_ENTITIES=1 makes them skip
 * instead (for an index built without extraction).
 */
export const ENTITY = {
  kellogg: 'person:keith-kellogg',
  zelenskyy: 'person:volodymyr-zelenskyy',
  witkoff: 'person:steve-witkoff',
  kyiv: 'place:kyiv',
};
export const ENTITIES_REQUIRED = process.env.DOSSIER_E2E_ALLOW_NO_ENTITIES !== '1';

const LAUNCH_ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];

/** Throw a clear error unless dist/ holds a built site. */
export function requireDist() {
  for (const file of ['index.html', 'app.js', 'pkg/dossier.js', 'pkg/dossier_bg.wasm']) {
    const full = path.join(DIST, file);
    if (!fs.existsSync(full)) {
      throw new Error(`Dossier e2e: ${full} is missing: run ./build.sh first`);
    }
  }
}

/** Serve dist/ under a sub-path and launch Chromium; returns { url, browser, close() }. */
export async function startSession() {
  requireDist();
  const server = await startServer(DIST);
  let browser;
  try {
    browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: LAUNCH_ARGS });
  } catch (err) {
    await server.close();
    throw err;
  }
  return {
    url: server.url,
    browser,
    async close() {
      await browser.close().catch(() => {});
      await server.close();
    },
  };
}

/** A fresh browser context + page at `url`; returns { page, context, problems }. */
export async function openPage(browser, url, { viewport = DESKTOP, colorScheme = 'light' } = {}) {
  const context = await browser.newContext({ viewport, colorScheme, locale: 'en-US', timezoneId: 'UTC' });
  const page = await context.newPage();
  page.setDefaultTimeout(10_000);
  const problems = watch(page);
  await page.goto(url);
  return { page, context, problems };
}

/**
 * Opens `url` in a fresh context (as `openPage`), runs `body({ page, context, problems })`,
 * then asserts the page had no problems; the context is closed whatever happens.
 */
export async function withPage(browser, url, options, body) {
  if (typeof options === 'function') [options, body] = [{}, options];
  const { page, context, problems } = await openPage(browser, url, options);
  try {
    await body({ page, context, problems });
    assertNoProblems(problems);
  } finally {
    await context.close();
  }
}

/** Record page errors, console errors, dialogs (dismissed) and failed requests of `page`. */
export function watch(page) {
  const problems = { pageErrors: [], consoleErrors: [], dialogs: [], failedRequests: [] };
  page.on('pageerror', (err) => problems.pageErrors.push(String(err?.stack ?? err)));
  page.on('console', (msg) => {
    if (msg.type() === 'error') problems.consoleErrors.push(msg.text());
  });
  page.on('dialog', (dialog) => {
    problems.dialogs.push(`${dialog.type()}: ${dialog.message()}`);
    dialog.dismiss().catch(() => {});
  });
  page.on('response', (res) => {
    if (res.status() >= 400) problems.failedRequests.push(`${res.status()} ${res.url()}`);
  });
  page.on('requestfailed', (req) => {
    const error = req.failure()?.errorText ?? 'failed';
    if (error === 'net::ERR_ABORTED') return; // cancelled by a navigation (a reload, goto): not the page's fault
    problems.failedRequests.push(`${error} ${req.url()}`);
  });
  return problems;
}

/** Fail if the page logged an error, threw, opened a dialog or had a request fail. */
export function assertNoProblems(problems) {
  assert.deepEqual(problems, { pageErrors: [], consoleErrors: [], dialogs: [], failedRequests: [] },
    'the page must run without errors, dialogs or failed requests');
}

/** Wait until the index has loaded; fail with the page's own message if it did not. */
export async function waitForReady(page) {
  await page.waitForFunction(() => document.documentElement.dataset.status !== 'loading', null,
    { timeout: 20_000 });
  const status = await page.evaluate(() => document.documentElement.dataset.status);
  if (status !== 'ready') {
    throw new Error(`Dossier did not load: ${await page.locator('#status').textContent()}`);
  }
}

/** Click into the search box and type `text` key by key, like a person. */
export async function typeQuery(page, text) {
  await page.locator('#q').click();
  await page.keyboard.type(text, { delay: 25 });
}

/** Wait until the results view shows the outcome for exactly `query`. */
export async function waitForResults(page, query) {
  await page.waitForFunction((q) => {
    const status = document.querySelector('#status')?.textContent ?? '';
    return document.documentElement.dataset.mode === 'search' &&
      !document.querySelector('#results').hidden &&
      status.endsWith(`“${q}”`);
  }, query);
}

/** Wait until the reader shows a document (or an error in its place). */
export async function waitForReader(page) {
  await page.waitForFunction(() => document.documentElement.dataset.mode === 'reader' &&
    !document.querySelector('#reader').hidden);
}

/** The results as shown: [{ id, title, href, excerpt, excerptMarks, visibleExcerptMarks }]. */
export async function readResults(page) {
  return page.$$eval('#results [data-id]', (items) => items.map((item) => {
    const link = item.querySelector('a.result-link');
    const marks = [...item.querySelectorAll('.result-excerpt mark')];
    return {
      id: item.dataset.id,
      title: link?.textContent ?? '',
      href: link?.getAttribute('href') ?? '',
      excerpt: item.querySelector('.result-excerpt')?.textContent ?? '',
      excerptMarks: marks.map((m) => m.textContent),
      visibleExcerptMarks: marks
        .filter((m) => m.getClientRects().length > 0 && getComputedStyle(m).visibility === 'visible')
        .map((m) => m.textContent),
    };
  }));
}

/** The parsed URL hash of `page`, as URLSearchParams. */
export function hashParams(page) {
  return new URLSearchParams(new URL(page.url()).hash.slice(1));
}

/** Save a PNG of the viewport (or the full page) to tests/e2e/screenshots/NAME.png. */
export async function screenshot(page, name, { fullPage = false } = {}) {
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  const file = path.join(SCREENSHOTS, `${name}.png`);
  await page.screenshot({ path: file, fullPage });
  return file;
}

/** How many entities the built index has (asks the page's engine). */
export async function entityCount(page) {
  return page.evaluate(async () => (await (await import('./engine.js')).entities({ limit: 0 })).total);
}

/**
 * For tests that need entities: resolves true if the index has them; else skips the test `t`
 * (or fails it when ENTITIES_REQUIRED) and resolves false.
 */
export async function needEntities(t, page) {
  if (await entityCount(page) > 0) return true;
  if (ENTITIES_REQUIRED) {
    throw new Error('Dossier e2e: the index has no entities (set DOSSIER_E2E_ALLOW_NO_ENTITIES=1 to skip the tests that need them)');
  }
  t.skip('the index has no entities');
  return false;
}

/** Run axe-core on the page (optionally on `include` only); fail listing every violation. */
export async function assertAccessible(page, label, { include } = {}) {
  const source = fs.readFileSync(path.resolve(import.meta.dirname, '../../node_modules/axe-core/axe.min.js'), 'utf8');
  // page.evaluate runs outside the page's CSP, which (rightly) forbids injected scripts.
  await page.evaluate(source);
  const result = await page.evaluate(async (context) => window.axe.run(context ?? document, {
    resultTypes: ['violations'],
  }), include ?? null);
  const lines = result.violations.map((v) => `${v.id} (${v.impact}): ${v.help}\n    ${
    v.nodes.slice(0, 5).map((n) => `${n.target.join(' ')} — ${n.failureSummary?.split('\n').slice(1).join(' ').trim()}`).join('\n    ')}`);
  assert.equal(lines.length, 0, `axe found accessibility violations on ${label}:\n  ${lines.join('\n  ')}`);
}

/** Which element has focus: "input#q", "result:<id>", or a short description. */
export function focused(page) {
  return page.evaluate(() => {
    const el = document.activeElement;
    if (el?.id === 'q') return 'input#q';
    const item = el?.closest?.('[data-id]');
    if (item && el.matches('a.result-link')) return `result:${item.dataset.id}`;
    if (el?.dataset?.focusKey) return el.dataset.focusKey;
    return el?.id ? `${el.tagName.toLowerCase()}#${el.id}` : el?.tagName.toLowerCase() ?? 'none';
  });
}

/** Wait until the view `mode` ("search", "reader", "entity", "entities", "timeline") is shown. */
export async function waitForMode(page, mode) {
  await page.waitForFunction((m) => document.documentElement.dataset.mode === m, mode);
}

/** Save screenshots of the page at its current state in light and dark. */
export async function screenshotThemes(page, name, options) {
  await page.emulateMedia({ colorScheme: 'light' });
  await screenshot(page, `${name}-light`, options);
  await page.emulateMedia({ colorScheme: 'dark' });
  await screenshot(page, `${name}-dark`, options);
  await page.emulateMedia({ colorScheme: 'light' });
}

/** Read a download (a Playwright Download) as UTF-8 text. */
export async function downloadText(download) {
  const file = await download.path();
  return fs.readFileSync(file, 'utf8');
}

/** Parse RFC 4180 CSV text (a leading BOM is dropped) into an array of rows of strings. */
export function parseCsv(text) {
  const rows = [];
  let row = [];
  let cell = '';
  let quoted = false;
  const input = text.replace(/^\uFEFF/, '');
  for (let i = 0; i < input.length; i++) {
    const c = input[i];
    if (quoted) {
      if (c === '"' && input[i + 1] === '"') { cell += '"'; i++; }
      else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') { row.push(cell); cell = ''; }
    else if (c === '\r' && input[i + 1] === '\n') { row.push(cell); rows.push(row); row = []; cell = ''; i++; }
    else if (c === '\n') { row.push(cell); rows.push(row); row = []; cell = ''; }
    else cell += c;
  }
  if (cell || row.length) { row.push(cell); rows.push(row); }
  return rows;
}
