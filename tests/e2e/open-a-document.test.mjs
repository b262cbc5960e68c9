// Open a document from the kellogg results, check the reader, come back (Esc and the
// browser's Back), and open the shared link in a new browser context.

import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  startSession, openPage, waitForReady, typeQuery, waitForResults, waitForReader, readResults,
  hashParams, screenshot, assertNoProblems, KELLOGG_IDS, PHONE,
} from './helpers.mjs';

const DOC = '000_e9dab112098231ab';
// A sentence from corpus/000_e9dab112098231ab.txt (plain ASCII, so no quote normalisation matters).
const SENTENCE = 'Ukrainian President Volodymyr Zelenskyy met in Kyiv on Thursday with Keith Kellogg';

/** What the reader shows: title, paragraphs, marks, back link. */
async function readReader(page) {
  return page.$eval('#reader', (reader) => ({
    title: reader.querySelector('.reader-title')?.textContent ?? '',
    paragraphs: [...reader.querySelectorAll('.reader-body p')].map((p) => p.textContent),
    marks: [...reader.querySelectorAll('.reader-body mark')].map((m) => m.textContent),
    back: reader.querySelector('a.back')?.textContent ?? '',
  }));
}

function squash(text) {
  return text.replace(/\s+/g, ' ').trim();
}

describe('open a document', () => {
  let session;
  before(async () => { session = await startSession(); });
  after(async () => { await session?.close(); });

  it('opens a result, returns with Esc and Back, and round-trips the shared link', async () => {
    const { page, context, problems } = await openPage(session.browser, session.url);
    let sharedUrl;
    let reader;
    try {
      await waitForReady(page);
      await typeQuery(page, 'kellogg');
      await waitForResults(page, 'kellogg');
      const results = await readResults(page);
      assert.deepEqual(new Set(results.map((r) => r.id)), new Set(KELLOGG_IDS));
      const result = results.find((r) => r.id === DOC);

      // Click the title.
      await page.locator(`#results [data-id="${DOC}"] a.result-link`).click();
      await waitForReader(page);
      assert.equal(hashParams(page).get('doc'), DOC);
      assert.equal(hashParams(page).get('q'), 'kellogg');
      assert.equal(await page.locator('#results').isVisible(), false, 'results are hidden while reading');

      reader = await readReader(page);
      assert.equal(squash(reader.title), squash(result.title), 'reader shows the clicked document');
      assert.ok(reader.paragraphs.length >= 5, `the text is split into paragraphs (${reader.paragraphs.length})`);
      assert.ok(squash(reader.paragraphs.join(' ')).includes(SENTENCE), 'reader shows the document text');
      assert.ok(reader.marks.length >= 2, `query matches are marked (${reader.marks.length})`);
      for (const mark of reader.marks) assert.match(mark, /^kellogg/i);
      assert.match(reader.back, /Back to results/);
      assert.match(await page.title(), /Dossier/);
      await screenshot(page, 'reader');
      sharedUrl = page.url();

      // Esc closes the reader and returns focus to the result.
      await page.keyboard.press('Escape');
      await waitForResults(page, 'kellogg');
      assert.equal(hashParams(page).get('doc'), null);
      assert.equal(hashParams(page).get('q'), 'kellogg');
      assert.equal(await page.locator('#reader').isVisible(), false);
      assert.equal((await readResults(page)).length, 3);
      assert.equal(await page.evaluate(() => document.activeElement?.closest('[data-id]')?.dataset.id), DOC,
        'focus returns to the result that was open');

      // Open again, then the browser's Back and Forward.
      await page.locator(`#results [data-id="${DOC}"] a.result-link`).click();
      await waitForReader(page);
      await page.goBack();
      await waitForResults(page, 'kellogg');
      assert.equal(hashParams(page).get('doc'), null);
      assert.equal((await readResults(page)).length, 3);
      await page.goForward();
      await waitForReader(page);
      assert.equal(hashParams(page).get('doc'), DOC);
      assert.equal(squash((await readReader(page)).title), squash(result.title));

      // The "← Back to results" control.
      await page.locator('#reader a.back').click();
      await waitForResults(page, 'kellogg');
      assert.equal(hashParams(page).get('doc'), null);
      assertNoProblems(problems);
    } finally {
      await context.close();
    }

    // The shared link, in a brand-new context (no history, no storage).
    const shared = await openPage(session.browser, sharedUrl, { viewport: PHONE });
    try {
      await waitForReady(shared.page);
      await waitForReader(shared.page);
      const again = await readReader(shared.page);
      assert.equal(again.title, reader.title);
      assert.deepEqual(again.paragraphs, reader.paragraphs);
      assert.deepEqual(again.marks, reader.marks);
      assert.equal(await shared.page.locator('#q').inputValue(), 'kellogg');
      await screenshot(shared.page, 'reader-phone');

      // Back from a shared link goes to that query's results.
      await shared.page.locator('#reader a.back').click();
      await waitForResults(shared.page, 'kellogg');
      assert.deepEqual(new Set((await readResults(shared.page)).map((r) => r.id)), new Set(KELLOGG_IDS));
      assertNoProblems(shared.problems);
    } finally {
      await shared.context.close();
    }
  });

  it('shows a readable error for an unknown document id', async () => {
    const { page, context, problems } = await openPage(session.browser,
      `${session.url}#q=kellogg&doc=${encodeURIComponent('no_such_document')}`);
    try {
      await waitForReady(page);
      await waitForReader(page);
      const alert = page.locator('#reader [role="alert"]');
      await alert.waitFor();
      assert.match(await alert.textContent(), /Dossier: /);
      await page.keyboard.press('Escape');
      await waitForResults(page, 'kellogg');
      assertNoProblems(problems);
    } finally {
      await context.close();
    }
  });
});
