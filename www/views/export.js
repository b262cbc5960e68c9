// Export: the current results (with excerpt, source, date and entities), the entity list (with
// aliases), the entity list's counts per document, or an entity's mentions with their
// sentences, as CSV or JSON downloads (a Blob behind a temporary download link). Every row is
// fetched, not just the page on screen. CSV follows
// RFC 4180 (quoted where needed, CRLF) with a UTF-8 byte-order mark so spreadsheets read the
// curly quotes right, and text cells that a spreadsheet would run as a formula are prefixed "'".

import * as engine from '../engine.js';
import { filtersOf } from '../state.js';
import { el } from './dom.js';

const PAGE = 1000; // the engine's largest page
const COLUMNS = {
  results: ['id', 'title', 'date', 'source', 'url', 'score', 'excerpt', 'entities'],
  entities: ['id', 'name', 'kind', 'aliases', 'mentions', 'documents'],
  perdocument: ['entity_id', 'entity', 'kind', 'document_id', 'title', 'date', 'mentions'],
  mentions: ['entity_id', 'entity', 'document_id', 'title', 'date', 'field', 'offset', 'sentence'],
  batch: ['query', 'documents', 'partial_documents', 'entity_id', 'entity', 'kind', 'mentions', 'entity_documents'],
};
const LIST_SEPARATOR = '; '; // between the entities or the aliases in one CSV cell

/** Run an export action ("export-results-csv", "export-entities-json", …) for `state`. */
export async function run(action, state, $button) {
  const [, what, format] = action.split('-');
  if (!COLUMNS[what] || !['csv', 'json'].includes(format)) return;
  $button.disabled = true;
  $button.setAttribute('aria-busy', 'true');
  try {
    if (!LOADERS[what]) return;
    const data = await LOADERS[what](state);
    const subject = { results: state.query, mentions: state.entity, batch: 'list' }[what] ?? state.kind ?? 'all';
    const name = `dossier-${what}-${slug(subject)}.${format}`;
    if (format === 'csv') download(name, toCsv(data.rows, COLUMNS[what]), 'text/csv;charset=utf-8');
    else download(name, `${JSON.stringify(data.json, null, 2)}\n`, 'application/json');
  } finally {
    $button.disabled = false;
    $button.removeAttribute('aria-busy');
  }
}

const LOADERS = { results: allResults, entities: allEntities, perdocument: perDocument, mentions: allMentions };

/** Let a view supply the rows of its own export `what` (batch.js, for its table as sorted on
 * screen): `load(state)` resolves to { rows, json }. */
export function registerExport(what, load) {
  LOADERS[what] = load;
}

/** Rows as CSV text: a header of `columns`, then one line per row (BOM first, CRLF line ends). */
export function toCsv(rows, columns) {
  const lines = [columns.join(',')];
  for (const row of rows) lines.push(columns.map((c) => csvCell(row[c])).join(','));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

/** One CSV cell: numbers as they are, null as empty, text quoted when it has to be. */
export function csvCell(value) {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  let text = String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) || text !== text.trim() ? `"${text.replaceAll('"', '""')}"` : text;
}

/** Offer `text` as a file download named `filename`. */
export function download(filename, text, type) {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = el('a');
  a.href = url;
  a.download = filename;
  a.hidden = true;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

async function allResults(state) {
  const filters = filtersOf(state);
  const rows = [];
  let total = 0;
  do {
    const page = await engine.search(state.query, { limit: PAGE, offset: rows.length, facetLimit: 0, details: true, ...filters });
    total = page.total;
    for (const r of page.results) {
      // A result whose part failed to load keeps its row, saying so.
      const title = r.unavailable ? `(unavailable: part ${r.unavailable.part} failed to load: ${r.unavailable.reason})` : r.title;
      rows.push({
        id: r.id, title, date: r.date, source: r.source ?? null, url: r.url, score: r.score,
        excerpt: r.excerpt?.text ?? '', entities: r.entities ?? [],
      });
    }
    if (!page.results.length) break;
  } while (rows.length < total);
  const json = { query: state.query.trim(), filters, total, results: rows };
  const names = rows.map((r) => ({ ...r, entities: r.entities.map((e) => e.name).join(LIST_SEPARATOR) }));
  return { rows: names, json };
}

async function allEntities(state) {
  const rows = [];
  let total = 0;
  do {
    const page = await engine.entities({
      kind: state.kind, name: state.name, sort: state.sort, limit: PAGE, offset: rows.length, aliases: true,
    });
    total = page.total;
    for (const e of page.entities) {
      // The canonical name is not repeated among its aliases.
      const aliases = (e.aliases ?? []).filter((a) => a !== e.name);
      rows.push({ id: e.id, name: e.name, kind: e.kind, aliases, mentions: e.mentions, documents: e.documents });
    }
    if (!page.entities.length) break;
  } while (rows.length < total);
  const json = { kind: state.kind, name: state.name.trim() || null, sort: state.sort ?? 'mentions', total, entities: rows };
  return { rows: rows.map((r) => ({ ...r, aliases: r.aliases.join(LIST_SEPARATOR) })), json };
}

/** One row per entity of the directory's list and document mentioning it, with the mentions
 * there (most first). */
async function perDocument(state) {
  const { json } = await allEntities(state);
  const rows = [];
  for (const e of json.entities) {
    let offset = 0;
    for (;;) {
      const page = await engine.entityDocuments(e.id, { offset, limit: PAGE });
      for (const d of page.documents) {
        rows.push({ entity_id: e.id, entity: e.name, kind: e.kind, document_id: d.id, title: d.title, date: d.date, mentions: d.mentions });
      }
      offset += page.documents.length;
      if (!page.documents.length || offset >= page.total) break;
    }
  }
  return { rows, json: { kind: json.kind, name: json.name, entities: json.total, rows } };
}

/** Every mention of the state's entity (as filtered and ordered on its page), with its sentence. */
async function allMentions(state) {
  const info = await engine.entityInfo(state.entity);
  const rows = [];
  let total = 0;
  do {
    const page = await engine.entityMentions(state.entity, { offset: rows.length, limit: PAGE, sort: state.order, filter: state.find });
    total = page.total;
    for (const m of page.mentions) {
      rows.push({
        entity_id: info.id, entity: info.name, document_id: m.doc, title: m.title, date: m.date,
        field: m.field, offset: m.offset, sentence: m.text,
      });
    }
    if (!page.mentions.length) break;
  } while (rows.length < total);
  const json = { entity: info, order: state.order, filter: state.find.trim() || null, total, mentions: rows };
  return { rows, json };
}

function slug(text) {
  return String(text ?? '').toLowerCase().normalize('NFKD').replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '').slice(0, 40).replace(/-+$/, '') || 'all';
}

/** The "Download CSV · JSON" control for `what` ("results", "entities", "perdocument" or
 * "mentions"), under the visible `title` ("Download" by default). */
export function renderExport(what, label, title = 'Download') {
  const box = el('div', 'export');
  box.setAttribute('role', 'group');
  box.setAttribute('aria-label', label);
  box.append(el('span', 'export-label', title));
  for (const format of ['csv', 'json']) {
    const button = el('button', 'tool', format.toUpperCase());
    button.type = 'button';
    button.dataset.action = `export-${what}-${format}`;
    button.setAttribute('aria-label', `${label} as ${format.toUpperCase()}`);
    box.append(button);
  }
  return box;
}
