// Export: the current results, or the entity list, as CSV or JSON downloads (a Blob behind a
// temporary download link). Every row is fetched, not just the page on screen. CSV follows
// RFC 4180 (quoted where needed, CRLF) with a UTF-8 byte-order mark so spreadsheets read the
// curly quotes right, and text cells that a spreadsheet would run as a formula are prefixed "'".

import * as engine from '../engine.js';
import { filtersOf } from '../state.js';
import { el } from './dom.js';

const PAGE = 1000; // the engine's largest page
const COLUMNS = {
  results: ['id', 'title', 'date', 'url', 'score'],
  entities: ['id', 'name', 'kind', 'mentions', 'documents'],
};

/** Run an export action ("export-results-csv", "export-entities-json", …) for `state`. */
export async function run(action, state, $button) {
  const [, what, format] = action.split('-');
  if (!COLUMNS[what] || !['csv', 'json'].includes(format)) return;
  $button.disabled = true;
  $button.setAttribute('aria-busy', 'true');
  try {
    const data = what === 'results' ? await allResults(state) : await allEntities(state);
    const name = `dossier-${what}-${slug(what === 'results' ? state.query : state.kind ?? 'all')}.${format}`;
    if (format === 'csv') download(name, toCsv(data.rows, COLUMNS[what]), 'text/csv;charset=utf-8');
    else download(name, `${JSON.stringify(data.json, null, 2)}\n`, 'application/json');
  } finally {
    $button.disabled = false;
    $button.removeAttribute('aria-busy');
  }
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
    const page = await engine.search(state.query, { limit: PAGE, offset: rows.length, facetLimit: 0, ...filters });
    total = page.total;
    for (const r of page.results) {
      // A result whose part failed to load keeps its row, saying so.
      const title = r.unavailable ? `(unavailable: part ${r.unavailable.part} failed to load: ${r.unavailable.reason})` : r.title;
      rows.push({ id: r.id, title, date: r.date, url: r.url, score: r.score });
    }
    if (!page.results.length) break;
  } while (rows.length < total);
  return { rows, json: { query: state.query.trim(), filters, total, results: rows } };
}

async function allEntities(state) {
  const rows = [];
  let total = 0;
  do {
    const page = await engine.entities({ kind: state.kind, name: state.name, sort: state.sort, limit: PAGE, offset: rows.length });
    total = page.total;
    for (const e of page.entities) {
      rows.push({ id: e.id, name: e.name, kind: e.kind, mentions: e.mentions, documents: e.documents });
    }
    if (!page.entities.length) break;
  } while (rows.length < total);
  const json = { kind: state.kind, name: state.name.trim() || null, sort: state.sort ?? 'mentions', total, entities: rows };
  return { rows, json };
}

function slug(text) {
  return String(text ?? '').toLowerCase().normalize('NFKD').replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '').slice(0, 40).replace(/-+$/, '') || 'all';
}

/** The "Download CSV · JSON" control for `what` ("results" or "entities"). */
export function renderExport(what, label) {
  const box = el('div', 'export');
  box.setAttribute('role', 'group');
  box.setAttribute('aria-label', label);
  box.append(el('span', 'export-label', 'Download'));
  for (const format of ['csv', 'json']) {
    const button = el('button', 'tool', format.toUpperCase());
    button.type = 'button';
    button.dataset.action = `export-${what}-${format}`;
    button.setAttribute('aria-label', `${label} as ${format.toUpperCase()}`);
    box.append(button);
  }
  return box;
}
