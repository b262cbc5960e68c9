// Export: the current results (all of them, not just the page shown) and the entity list as
// CSV and JSON downloads. CSV is properly quoted: titles with commas and quotes survive.

import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  startSession, openPage, waitForReady, waitForResults, waitForMode, readResults, downloadText,
  parseCsv, needEntities, KELLOGG_IDS, ALL_IDS, DATED, ENTITY, withPage,
} from './helpers.mjs';

/** Click `button` and return the download it starts: { name, text }. */
async function download(page, button) {
  const [file] = await Promise.all([page.waitForEvent('download'), button.click()]);
  return { name: file.suggestedFilename(), text: await downloadText(file) };
}

/** The engine's own answer, to compare the files with. */
function engineSearch(page, query, options) {
  return page.evaluate(async ([q, o]) => (await import('./engine.js')).search(q, o), [query, options]);
}

describe('export', () => {
  let session;
  before(async () => { session = await startSession(); });
  after(async () => { await session?.close(); });

  it('downloads the results as CSV and JSON', async () => {
    await withPage(session.browser, `${session.url}#q=kellogg`, async ({ page }) => {
      await waitForReady(page);
      await waitForResults(page, 'kellogg');
      const expected = (await engineSearch(page, 'kellogg', { limit: 100, details: true })).results;

      const csv = await download(page, page.getByRole('button', { name: 'Download results as CSV' }));
      assert.equal(csv.name, 'dossier-results-kellogg.csv');
      assert.ok(csv.text.startsWith('\uFEFFid,title,date,source,url,score,excerpt,entities\r\n'), 'a BOM, then the header, CRLF');
      const rows = parseCsv(csv.text);
      assert.deepEqual(rows[0], ['id', 'title', 'date', 'source', 'url', 'score', 'excerpt', 'entities']);
      const body = rows.slice(1);
      assert.deepEqual(body.map((r) => r[0]), expected.map((r) => r.id), 'every result, in rank order');
      assert.deepEqual(new Set(body.map((r) => r[0])), new Set(KELLOGG_IDS));
      for (const [i, row] of body.entries()) {
        assert.equal(row.length, 8);
        assert.equal(row[1], expected[i].title, 'titles survive quoting (commas, quotes)');
        assert.equal(row[2], expected[i].date ?? '');
        assert.equal(row[3], expected[i].source ?? '');
        assert.equal(Number(row[5]), expected[i].score);
        assert.match(row[6], /Kellogg/, 'the excerpt, with the match');
        assert.equal(row[6], expected[i].excerpt.text);
        assert.ok(row[7].split('; ').includes('Keith Kellogg'), `the entities of the document: ${row[7]}`);
        assert.equal(row[7], expected[i].entities.map((e) => e.name).join('; '));
      }
      // A title with a comma is quoted in the file itself.
      const comma = expected.find((r) => r.title.includes(','));
      assert.ok(comma, 'the corpus has a title with a comma');
      assert.ok(csv.text.includes(`"${comma.title.replaceAll('"', '""')}"`));

      const json = await download(page, page.getByRole('button', { name: 'Download results as JSON' }));
      assert.equal(json.name, 'dossier-results-kellogg.json');
      const data = JSON.parse(json.text);
      assert.equal(data.query, 'kellogg');
      assert.equal(data.total, 3);
      assert.deepEqual(data.results, expected.map(({ id, title, date, source, url, score, excerpt, entities }) =>
        ({ id, title, date, source: source ?? null, url, score, excerpt: excerpt.text, entities })));
      assert.ok(data.results[0].entities.every((e) => e.id && e.name && e.kind && e.mentions > 0));
    });
  });

  it('exports what the filters select, all pages of it', async () => {
    await withPage(session.browser, `${session.url}#undated=1`, async ({ page }) => {
      await waitForReady(page);
      await page.waitForFunction(() => /match the filters$/.test(document.querySelector('#status').textContent));
      assert.equal((await readResults(page)).length, ALL_IDS.length - 1);
      const json = JSON.parse((await download(page, page.getByRole('button', { name: 'Download results as JSON' }))).text);
      assert.deepEqual(json.filters, { entities: [], undated: true });
      assert.deepEqual(new Set(json.results.map((r) => r.id)), new Set(ALL_IDS.filter((id) => id !== DATED.id)));
    });
  });

  it('quotes every awkward cell (unit check of the CSV writer in the page)', async () => {
    const { page, context } = await openPage(session.browser, session.url);
    try {
      await waitForReady(page);
      const csv = await page.evaluate(async () => {
        const { toCsv } = await import('./views/export.js');
        return toCsv([
          { a: 'plain', b: 'with, comma', c: 'say "hi"' },
          { a: 'two\nlines', b: '=SUM(A1)', c: 1.5 },
          { a: null, b: ' padded ', c: -2 },
        ], ['a', 'b', 'c']);
      });
      assert.equal(csv, '\uFEFFa,b,c\r\nplain,"with, comma","say ""hi"""\r\n"two\nlines",\'=SUM(A1),1.5\r\n," padded ",-2\r\n');
      assert.deepEqual(parseCsv(csv), [['a', 'b', 'c'], ['plain', 'with, comma', 'say "hi"'], ['two\nlines', "'=SUM(A1)", '1.5'], ['', ' padded ', '-2']]);
    } finally {
      await context.close();
    }
  });

  it('downloads the entity list as CSV and JSON', async (t) => {
    await withPage(session.browser, `${session.url}#view=entities&kind=person`, async ({ page }) => {
      await waitForReady(page);
      if (!await needEntities(t, page)) return;
      await waitForMode(page, 'entities');
      const expected = await page.evaluate(async () =>
        (await import('./engine.js')).entities({ kind: 'person', limit: 1000, aliases: true }));
      const csv = await download(page, page.getByRole('button', { name: 'Download entity list as CSV' }));
      assert.equal(csv.name, 'dossier-entities-person.csv');
      const rows = parseCsv(csv.text);
      assert.deepEqual(rows[0], ['id', 'name', 'kind', 'aliases', 'mentions', 'documents']);
      assert.equal(rows.length - 1, expected.total);
      assert.deepEqual(rows.slice(1).map((r) => r[0]), expected.entities.map((e) => e.id));
      assert.ok(rows.slice(1).every((r) => r[2] === 'person'));
      assert.ok(rows.some((r) => r[1] === 'Keith Kellogg'));
      const zelenskyy = rows.find((r) => r[1] === 'Volodymyr Zelenskyy');
      for (const spelling of ['Zelensky', 'Zelenskiy']) assert.ok(zelenskyy[3].split('; ').includes(spelling), zelenskyy[3]);

      const json = JSON.parse((await download(page, page.getByRole('button', { name: 'Download entity list as JSON' }))).text);
      assert.equal(json.kind, 'person');
      assert.equal(json.total, expected.total);
      assert.deepEqual(json.entities, expected.entities.map((e) => ({ ...e, aliases: e.aliases.filter((a) => a !== e.name) })));

      // Counts per document: one row per entity and document mentioning it.
      const per = parseCsv((await download(page, page.getByRole('button', { name: 'Download the counts per document of the entity list as CSV' }))).text);
      assert.deepEqual(per[0], ['entity_id', 'entity', 'kind', 'document_id', 'title', 'date', 'mentions']);
      assert.equal(per.length - 1, expected.entities.reduce((n, e) => n + e.documents, 0), 'a row per entity and document');
      const kellogg = per.filter((r) => r[1] === 'Keith Kellogg');
      assert.deepEqual(new Set(kellogg.map((r) => r[3])), new Set(KELLOGG_IDS));
      assert.equal(kellogg.reduce((n, r) => n + Number(r[6]), 0), expected.entities.find((e) => e.name === 'Keith Kellogg').mentions);
    });
  });

  it('downloads an entity’s mentions with their sentences', async (t) => {
    await withPage(session.browser, `${session.url}#entity=${ENTITY.zelenskyy}`, async ({ page }) => {
      await waitForReady(page);
      if (!await needEntities(t, page)) return;
      await waitForMode(page, 'entity');
      await page.waitForFunction(() => document.querySelector('#entity-view .contexts .list-range'));
      const info = await page.evaluate(async (id) => (await import('./engine.js')).entityInfo(id), ENTITY.zelenskyy);
      const csv = await download(page, page.getByRole('button', { name: 'Download the mentions of Volodymyr Zelenskyy, with their sentences as CSV' }));
      assert.equal(csv.name, 'dossier-mentions-person-volodymyr-zelenskyy.csv');
      const rows = parseCsv(csv.text);
      assert.deepEqual(rows[0], ['entity_id', 'entity', 'document_id', 'title', 'date', 'field', 'offset', 'sentence']);
      assert.equal(rows.length - 1, info.mentions, 'every mention');
      assert.ok(rows.slice(1).every((r) => /Zelensk/.test(r[7]) && ALL_IDS.includes(r[2])));
      const json = JSON.parse((await download(page, page.getByRole('button', { name: 'Download the mentions of Volodymyr Zelenskyy, with their sentences as JSON' }))).text);
      assert.equal(json.total, info.mentions);
      assert.equal(json.entity.id, ENTITY.zelenskyy);
    });
  });
});
