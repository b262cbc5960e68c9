// Shared setup for the end-to-end tests: static server + system Chromium via playwright-core,
// a watcher that records every page error, console error, dialog and failed request, and
// small helpers for the things every test does (wait for the index, type, read results).

import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { startServer } from './server.mjs';

/** The built site the tests run against. */
export const DIST = path.resolve(import.meta.dirname, '../../dist');
/** Where screenshot() writes PNGs. */
export const SCREENSHOTS = path.resolve(import.meta.dirname, 'screenshots');

export const DESKTOP = { width: 1280, height: 800 };
export const PHONE = { width: 390, height: 844 };

/** The documents in corpus/ that mention Kellogg. */
export const KELLOGG_IDS = ['000_e9dab112098231ab', '002_cd071ab01838d533', '004_05d5347f9e8ea8f7'];

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
    problems.failedRequests.push(`${req.failure()?.errorText ?? 'failed'} ${req.url()}`);
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
