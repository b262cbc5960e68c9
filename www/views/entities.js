// Entity directory (#view=entities): every name the corpus mentions, by kind, filterable by
// name, sortable, exportable. The controls are built once and kept (so typing in the name
// filter keeps focus); each load redraws the kind tabs and the table.

import * as engine from '../engine.js';
import { hashFor, withState, KINDS, SORTS } from '../state.js';
import { kindLabel, plural, entityLabel } from './format.js';
import { el, link, notice, kindBadge } from './dom.js';
import { renderExport } from './export.js';

const $view = document.querySelector('#entities-view');

const PAGE_SIZE = 100;
const SORT_LABELS = { mentions: 'Most mentioned', documents: 'In most documents', name: 'Name (A–Z)' };

let $tabs;
let $name;
let $sort;
let $body;
let onChange = () => {};
let shown = { key: '', count: 0, total: 0 };

buildSkeleton();

// ---- Bind event listeners

/** `change(next)` is called with the state the controls ask for (replacing the history entry). */
export function bind(change) {
  onChange = change;
  $name.addEventListener('input', () => onChange({ name: $name.value }));
  $sort.addEventListener('change', () => onChange({ sort: $sort.value === 'mentions' ? null : $sort.value }));
  $view.querySelector('form').addEventListener('submit', (event) => event.preventDefault());
}

/** The view's element. */
export function element() {
  return $view;
}

/** What the view shows for `state` (an unchanged key is not reloaded). */
export function key(state) {
  return hashFor({ view: 'entities', kind: state.kind, sort: state.sort, name: state.name });
}

/** The first page of entities for the state's kind, name filter and sort, and the count per kind. */
export async function load(state) {
  const counts = {};
  const all = await engine.entities({ limit: 0, name: state.name });
  for (const kind of KINDS) counts[kind] = (await engine.entities({ kind, limit: 0, name: state.name })).total;
  const page = await engine.entities({ kind: state.kind, name: state.name, sort: state.sort, limit: PAGE_SIZE });
  return { page, counts, all: all.total, any: (await engine.entities({ limit: 0 })).total };
}

/** Draw the tabs and the table for `data`. */
export function render(data, state) {
  if (document.activeElement !== $name) $name.value = state.name;
  $sort.value = state.sort ?? 'mentions';
  $view.querySelector('.entities-controls').hidden = data.any === 0;
  renderTabs(data, state);
  if (data.any === 0) {
    $body.replaceChildren(notice('This index has no named entities',
      'The corpus was indexed without entity extraction, or its documents name no one. Search still works.'));
    shown = { key: key(state), count: 0, total: 0 };
    return;
  }
  if (!data.page.total) {
    $body.replaceChildren(notice('No names match', `Nothing here matches “${state.name.trim()}”.`));
    shown = { key: key(state), count: 0, total: 0 };
    return;
  }
  const table = el('table', 'entity-table');
  const caption = el('caption', 'visually-hidden', `${state.kind ? kindLabel(state.kind, 2) : 'All entities'}, ${SORT_LABELS[state.sort ?? 'mentions'].toLowerCase()}`);
  const head = el('tr');
  for (const [label, cls] of [['Name', ''], ['Kind', 'col-kind'], ['Mentions', 'num'], ['Documents', 'num']]) {
    const th = el('th', cls, label);
    th.scope = 'col';
    head.append(th);
  }
  const thead = el('thead');
  thead.append(head);
  const tbody = el('tbody');
  for (const entity of data.page.entities) tbody.append(renderRow(entity, state));
  table.append(caption, thead, tbody);
  $body.replaceChildren(table);
  shown = { key: key(state), count: data.page.entities.length, total: data.page.total };
  renderMore();
}

/** Show `message` (plain text) in place of the table. */
export function renderError(message) {
  $body.replaceChildren(notice('The entity list can’t be shown', message, { error: true }));
}

/** { title, status } for the page title and the status line. */
export function describe(data, state) {
  const what = state.kind ? kindLabel(state.kind, 2) : 'Entities';
  return { title: what, status: `${plural(data.page.total, 'entity', 'entities')}`, kind: 'quiet' };
}

/** Focus the view's heading. */
export function focus() {
  $view.querySelector('.view-title')?.focus({ preventScroll: true });
}

/** The entity links, for the arrow keys. */
export function arrowItems() {
  return [...$view.querySelectorAll('a.entity-link')];
}

/** Fetch and append the next page. */
export async function loadMore(state) {
  const offset = shown.count;
  const page = await engine.entities({ kind: state.kind, name: state.name, sort: state.sort, limit: PAGE_SIZE, offset });
  const tbody = $body.querySelector('tbody');
  if (!tbody || shown.key !== key(state) || shown.count !== offset) return;
  for (const entity of page.entities) tbody.append(renderRow(entity, state));
  shown.count += page.entities.length;
  renderMore();
  arrowItems()[offset]?.focus();
}

// ---- Render

function buildSkeleton() {
  const title = el('h2', 'view-title', 'Entities');
  title.id = 'entities-title';
  title.tabIndex = -1;
  $view.setAttribute('aria-labelledby', title.id);
  const lede = el('p', 'view-lede', 'The people, organizations, places, events and dates the corpus names. Pick one for everything the corpus says about it.');
  $tabs = el('nav', 'kind-tabs');
  $tabs.setAttribute('aria-label', 'Entity kinds');

  const form = el('form', 'entities-controls');
  form.setAttribute('role', 'search');
  form.setAttribute('aria-label', 'Filter entities');
  const nameLabel = el('label', 'field');
  nameLabel.append(el('span', 'field-label', 'Name contains'));
  $name = el('input');
  $name.type = 'search';
  $name.id = 'entity-name';
  $name.autocomplete = 'off';
  $name.spellcheck = false;
  nameLabel.append($name);
  const sortLabel = el('label', 'field');
  sortLabel.append(el('span', 'field-label', 'Sort'));
  $sort = el('select');
  $sort.id = 'entity-sort';
  for (const sort of SORTS) {
    const option = el('option', '', SORT_LABELS[sort]);
    option.value = sort;
    $sort.append(option);
  }
  sortLabel.append($sort);
  form.append(nameLabel, sortLabel, renderExport('entities', 'Download entity list'),
    renderExport('perdocument', 'Download the counts per document of the entity list', 'Per document'));
  $body = el('div', 'entities-body');
  const batch = el('p', 'batch-invite');
  batch.append(link('#view=batch', 'Look up a list of names at once →', 'action'));
  $view.replaceChildren(title, lede, batch, $tabs, form, $body);
}

function renderTabs(data, state) {
  const tabs = [[null, 'All', data.all], ...KINDS.map((kind) => [kind, kindLabel(kind, 2), data.counts[kind]])];
  $tabs.replaceChildren(...tabs.filter(([kind, , count]) => !kind || count > 0 || kind === state.kind).map(([kind, label, count]) => {
    const a = link(hashFor(withState(state, { kind, entity: null, doc: null })), '', `kind-tab${kind ? ` kind-${kind}` : ''}`);
    a.append(el('span', 'tab-label', label), el('span', 'tab-count', count.toLocaleString()));
    a.dataset.focusKey = `tab:${kind ?? 'all'}`;
    if ((state.kind ?? null) === kind) a.setAttribute('aria-current', 'page');
    return a;
  }));
}

function renderRow(entity, state) {
  const row = el('tr');
  const name = el('th');
  name.scope = 'row';
  const a = link(hashFor(withState(state, { entity: entity.id })), entityLabel(entity.name, entity.kind), 'entity-link');
  a.dataset.focusKey = `entity:${entity.id}`;
  const inline = kindBadge(entity.kind); // shown under the name where the Kind column is hidden
  inline.classList.add('kind-inline');
  inline.setAttribute('aria-hidden', 'true');
  name.append(a, inline);
  const kind = el('td', 'col-kind');
  kind.append(kindBadge(entity.kind));
  row.append(name, kind, el('td', 'num', entity.mentions.toLocaleString()), el('td', 'num', entity.documents.toLocaleString()));
  return row;
}

function renderMore() {
  $view.querySelector('button[data-action="more"]')?.remove();
  if (shown.count >= shown.total) return;
  const more = el('button', 'more', `Show more (${shown.count} of ${shown.total.toLocaleString()})`);
  more.type = 'button';
  more.dataset.action = 'more';
  $body.append(more);
}
