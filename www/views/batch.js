// Batch search (#view=batch&terms=…): paste a list of names or terms, one a line; a table of
// each with the documents its search finds and, when it names an entity, that entity and its
// mentions (the core's `batch`). Each row links to its results (and its entity's page); the
// table sorts by any column and downloads as CSV or JSON. The form is built once and kept.

import * as engine from '../engine.js';
import { hashFor } from '../state.js';
import { plural, entityLabel } from './format.js';
import { el, link, notice, kindBadge } from './dom.js';
import { renderExport, registerExport } from './export.js';

const $view = document.querySelector('#batch-view');

const COLUMNS = [
  ['query', 'Name or term', (r) => r.query.toLowerCase()],
  ['documents', 'Documents', (r) => r.documents],
  ['entity', 'Entity', (r) => (r.entity ? entityLabel(r.entity.name, r.entity.kind).toLowerCase() : '\uffff')],
  ['mentions', 'Mentions', (r) => r.entity?.mentions ?? -1],
];

let $terms;
let $body;
let onChange = () => {};
let sort = { by: 'documents', descending: true };
let last = null; // { data, state } drawn, to redraw on a sort

buildSkeleton();
registerExport('batch', exportRows);

/** The table as shown (sorted), for export.js. */
async function exportRows(state) {
  const data = await engine.batch(state.terms);
  const rows = sorted(data.rows).map((r) => ({
    query: r.query, documents: r.documents, partial_documents: r.partialDocuments,
    entity_id: r.entity?.id ?? null, entity: r.entity?.name ?? null, kind: r.entity?.kind ?? null,
    mentions: r.entity?.mentions ?? null, entity_documents: r.entity?.documents ?? null,
  }));
  return { rows, json: { truncated: data.truncated, rows } };
}

/** `change(next)` is called with the state the form asks for (a new history entry). */
export function bind(change) {
  onChange = change;
  $view.querySelector('form').addEventListener('submit', (event) => {
    event.preventDefault();
    onChange({ view: 'batch', terms: $terms.value });
  });
  $view.addEventListener('click', (event) => {
    const button = event.target.closest('button[data-sort]');
    if (!button || !last) return;
    const by = button.dataset.sort;
    sort = { by, descending: sort.by === by ? !sort.descending : by !== 'query' && by !== 'entity' };
    renderTable(last.data, last.state);
    $view.querySelector(`button[data-sort="${by}"]`)?.focus();
  });
}

/** The view's element. */
export function element() {
  return $view;
}

/** What the view shows for `state`. */
export function key(state) {
  return hashFor({ view: 'batch', terms: state.terms });
}

/** Every line looked up (nothing for an empty list). */
export async function load(state) {
  if (!state.terms.trim()) return { rows: [], truncated: false };
  return engine.batch(state.terms);
}

/** Draw the table for `data`. */
export function render(data, state) {
  if (document.activeElement !== $terms) $terms.value = state.terms;
  renderTable(data, state);
}

/** Show `message` in place of the table. */
export function renderError(message, state) {
  if (document.activeElement !== $terms) $terms.value = state.terms;
  last = null;
  $body.replaceChildren(notice('The list could not be looked up', message, { error: true }));
}

/** { title, status }. */
export function describe(data) {
  if (!data.rows.length) return { title: 'Look up a list', status: 'Paste names or terms, one a line', kind: 'quiet' };
  const found = data.rows.filter((r) => r.documents > 0).length;
  return { title: 'Look up a list', status: `${plural(data.rows.length, 'line')} looked up: ${found.toLocaleString()} found in the corpus`, kind: 'quiet' };
}

/** Focus the heading. */
export function focus() {
  $view.querySelector('#batch-title')?.focus({ preventScroll: true });
}

/** The row links, for the arrow keys. */
export function arrowItems() {
  return [...$view.querySelectorAll('a.batch-query')];
}

/** The rows in the table's current order. */
export function sorted(rows) {
  const [, , value] = COLUMNS.find(([id]) => id === sort.by) ?? COLUMNS[1];
  const order = [...rows].sort((a, b) => {
    const x = value(a);
    const y = value(b);
    return x < y ? -1 : x > y ? 1 : 0;
  });
  return sort.descending ? order.reverse() : order;
}

function buildSkeleton() {
  const title = el('h2', 'view-title', 'Look up a list');
  title.id = 'batch-title';
  title.tabIndex = -1;
  const lede = el('p', 'muted', 'Names of officials, companies or places, or any terms: one a line (200 at most). Each is searched as typed.');
  const form = el('form', 'batch-form');
  const label = el('label', 'batch-label', 'Names or terms, one a line');
  label.htmlFor = 'batch-terms';
  $terms = el('textarea', 'batch-terms');
  $terms.id = 'batch-terms';
  $terms.rows = 8;
  $terms.spellcheck = false;
  $terms.dataset.focusKey = 'batch-terms';
  const go = el('button', 'tool batch-go', 'Look up');
  go.type = 'submit';
  form.append(label, $terms, go);
  $body = el('div', 'batch-body');
  $view.setAttribute('aria-labelledby', 'batch-title');
  $view.replaceChildren(title, lede, form, $body);
}

function renderTable(data, state) {
  last = { data, state };
  if (!data.rows.length) {
    $body.replaceChildren();
    return;
  }
  const table = el('table', 'entity-table batch-table');
  table.append(el('caption', 'visually-hidden', 'Each line of the list, with what the corpus has of it'));
  const head = el('tr');
  for (const [id, label] of COLUMNS) {
    const th = el('th', id === 'documents' || id === 'mentions' ? 'num' : '');
    th.scope = 'col';
    const button = el('button', 'sort-button', label);
    button.type = 'button';
    button.dataset.sort = id;
    if (sort.by === id) th.setAttribute('aria-sort', sort.descending ? 'descending' : 'ascending');
    th.append(button);
    head.append(th);
  }
  const thead = el('thead');
  thead.append(head);
  const tbody = el('tbody');
  for (const row of sorted(data.rows)) {
    const tr = el('tr');
    const name = el('td');
    const a = link(hashFor({ query: row.query, exact: true }), row.query, 'batch-query');
    a.dataset.focusKey = `batch:${row.query}`;
    name.append(a);
    const docs = el('td', 'num', row.documents.toLocaleString());
    if (!row.documents && row.partialDocuments) docs.append(el('span', 'muted', ` (${row.partialDocuments.toLocaleString()} with some words)`));
    const entity = el('td');
    if (row.entity) {
      entity.append(link(hashFor({ entity: row.entity.id }), entityLabel(row.entity.name, row.entity.kind), 'entity-link'), ' ', kindBadge(row.entity.kind));
    } else {
      entity.append(el('span', 'muted', '—'));
    }
    const mentions = el('td', 'num', row.entity ? row.entity.mentions.toLocaleString() : '—');
    tr.append(name, docs, entity, mentions);
    tbody.append(tr);
  }
  table.append(thead, tbody);
  const bar = el('div', 'batch-bar');
  bar.append(renderExport('batch', 'Download the table'));
  const parts = [bar, table];
  if (data.truncated) parts.unshift(notice('Only the first 200 lines were looked up'));
  $body.replaceChildren(...parts);
}
