// A hostile corpus (tests/fixtures/hostile-corpus: script tags, onerror/onload/onclick
// attributes, javascript: URLs, </textarea>, quotes that try to close attributes, look-alike
// and bidi Unicode, HTML in ids and titles) built into its own dist/, then searched, read and
// browsed in Chromium. Nothing may run: the sentinel window.__pwned stays unset, no dialog
// opens, no element is created from document text, no javascript: link exists.
//
// Run by build.sh test with DOSSIER_E2E_DIST pointing at that build (the file name keeps it
// out of the default `node --test tests/e2e/` run).

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  startSession, openPage, waitForReady, typeQuery, waitForResults, readResults, waitForReader,
  assertNoProblems, screenshot,
} from '../helpers.mjs';

let session;
before(async () => { session = await startSession(); });
after(async () => { await session?.close(); });

/** Everything a hostile document could have produced, and whether the sentinel was set. */
async function damage(page) {
  return page.evaluate(() => ({
    pwned: typeof window.__pwned,
    scripts: document.querySelectorAll('body script').length,
    images: document.querySelectorAll('main img, main iframe, main svg image, main object, main embed').length,
    handlers: [...document.querySelectorAll('main *')].filter((el) =>
      [...el.attributes].some((a) => a.name.startsWith('on'))).length,
    jsLinks: [...document.querySelectorAll('a[href]')].filter((a) =>
      a.getAttribute('href').trim().toLowerCase().startsWith('javascript:')).length,
  }));
}

const SAFE = { pwned: 'undefined', scripts: 0, images: 0, handlers: 0, jsLinks: 0 };

test('hostile documents are searched, read and browsed as plain text', async () => {
  const { page, context, problems } = await openPage(session.browser, session.url);
  await waitForReady(page);
  await typeQuery(page, 'ceasefire');
  await waitForResults(page, 'ceasefire');
  const results = await readResults(page);
  assert.equal(results.length, 5, 'all five hostile documents match');
  const titles = results.map((r) => r.title).join('\n');
  assert.match(titles, /<script>window\.__pwned=9<\/script> Sanctions/, 'markup in a title is shown as text');
  assert.match(titles, /" onfocus="window\.__pwned=13/, 'quotes in a title do not break out of anything');
  assert.deepEqual(await damage(page), SAFE);
  await screenshot(page, 'hostile-results');

  for (const [i, { id }] of results.entries()) {
    await page.locator('#results [data-id] a.result-link').nth(i).click();
    await waitForReader(page);
    assert.deepEqual(await damage(page), SAFE, `reading ${id}`);
    const text = await page.locator('#reader').textContent();
    assert.ok(!text.includes('undefined'), 'no broken rendering');
    if (id === 'xss') {
      assert.match(text, /<img src=x onerror=window\.__pwned=5> was written in the text/);
      assert.match(text, /<\/textarea><script>window\.__pwned=6<\/script>/);
      await screenshot(page, 'hostile-reader');
    }
    await page.keyboard.press('Escape');
    await waitForResults(page, 'ceasefire');
  }

  // The entity pages and the directory built from the hostile corpus.
  await page.goto(`${session.url}#view=entities`);
  await page.waitForFunction(() => document.documentElement.dataset.mode !== 'loading');
  assert.deepEqual(await damage(page), SAFE, 'entity directory');
  await page.goto(`${session.url}#view=timeline`);
  await page.waitForFunction(() => document.documentElement.dataset.mode !== 'loading');
  assert.deepEqual(await damage(page), SAFE, 'timeline');

  // Give any deferred handler (onload, onerror, onfocus) a chance to fire, then check again.
  await page.waitForTimeout(300);
  assert.deepEqual(await damage(page), SAFE);
  assertNoProblems(problems);
  await context.close();
});

test('a hostile shared link is read as text', async () => {
  const hostile = new URLSearchParams({
    q: '"><img src=x onerror=window.__pwned=20>',
    doc: '<script>window.__pwned=21</script>',
    entity: 'javascript:window.__pwned=22',
    e: '"><svg onload=window.__pwned=23>',
    from: '<b>2025</b>',
  });
  const { page, context } = await openPage(session.browser, `${session.url}#${hostile}`);
  await waitForReady(page);
  await page.waitForTimeout(300);
  assert.deepEqual(await damage(page), SAFE);
  assert.equal(await page.locator('#q').inputValue(), '"><img src=x onerror=window.__pwned=20>',
    'the query is shown as typed');
  await screenshot(page, 'hostile-link');
  await context.close();
});
