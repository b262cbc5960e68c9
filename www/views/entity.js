// Entity page: everything the corpus says about one name, at any scale. Its kind and aliases;
// the network of entities it appears with (one engine call: neighbours and the edges among
// them), with a kind filter that is also the legend, hubs hidden by default, and a node's own
// neighbours shown on demand; then every mention in its sentence (linking into the reader at
// that point) beside the documents that mention it, both paged, sortable by date and
// filterable by text. Everything but the typing is in the URL (state.js).
//
// The filter box and the order menu are built once and kept (typing keeps focus); each load
// redraws the rest.

import * as engine from '../engine.js';
import { hashFor, withState, parentOf, searchOf, entityPageOf, ORDERS, KINDS } from '../state.js';
import { renderMarked } from './highlight.js';
import { kindLabel, plural, entityLabel } from './format.js';
import { el, link, dateElement, notice, kindBadge, safeKind, section } from './dom.js';
import { renderGraph } from './graph.js';
import { renderExport } from './export.js';

const $view = document.querySelector('#entity-view');
const $main = document.querySelector('#main');

/** Mentions and documents a page. */
export const MENTION_PAGE = 25;
export const DOCUMENT_PAGE = 25;
const GRAPH_NODES = 12;
const LIST_NODES = 30; // neighbours asked for: the graph draws the first GRAPH_NODES, the list shows them all
const GRAPH_NODES_NARROW = 8;
const AROUND_NODES = 8; // an expanded node's own neighbours
const SIDE_EDGES = 16; // the strongest links between neighbours drawn (all of them is a hairball)
const LISTED = 12; // co-occurring names listed before "more"
const TYPING_DELAY = 250; // ms of quiet before the filter box filters
const ORDER_LABELS = { relevance: 'Most mentions first', newest: 'Newest first', oldest: 'Oldest first' };

let drawn = null; // { data, state, width } of the graph on screen, to redraw it on resize
let resizeTimer = 0;
let typingTimer = 0;
let onChange = () => {};
const graphs = new Map(); // graph key -> graph, this session (the graph does not change with the lists)

const $top = el('div', 'entity-top');
const $controls = buildControls();
const $lists = el('div', 'entity-grid');
$view.replaceChildren($top, $controls, $lists);

// ---- Bind event listeners

window.addEventListener('resize', () => {
  clearTimeout(resizeTimer);
  resizeTimer = setTimeout(redrawGraph, 150);
});

/** `change(changes)` is called with the state changes the page's controls ask for (replacing
 * the history entry: they refine the page, they do not leave it). */
export function bind(change) {
  onChange = change;
  const $find = $controls.querySelector('#entity-find');
  $find.addEventListener('input', () => {
    busy(); // a first filter of a sharded index fetches the text of the entity's documents
    clearTimeout(typingTimer);
    typingTimer = setTimeout(() => onChange({ find: $find.value, mentionPage: 1, documentPage: 1 }), TYPING_DELAY);
  });
  $controls.querySelector('#entity-order').addEventListener('change', (event) => {
    busy();
    onChange({ order: event.target.value, mentionPage: 1, documentPage: 1 });
  });
  $controls.addEventListener('submit', (event) => event.preventDefault());
  $view.addEventListener('change', (event) => {
    const box = event.target.closest?.('input[data-graph]');
    if (!box) return;
    if (box.dataset.graph === 'hubs') {
      onChange({ hubs: !box.checked });
      return;
    }
    const shown = [...$view.querySelectorAll('input[data-graph="kind"]:not(:disabled)')];
    const kinds = shown.filter((b) => b.checked).map((b) => b.value);
    // Every kind ticked is no filter (so a kind that appears later is not left out).
    onChange({ graphKinds: kinds.length === shown.length ? [] : kinds });
  });
}

/** Dim the lists until the next render, saying they are being updated. */
function busy() {
  $lists.classList.add('is-busy');
  $lists.setAttribute('aria-busy', 'true');
}

/** The view's element. */
export function element() {
  return $view;
}

/** What the view shows for `state` (an unchanged key is not reloaded). */
export function key(state) {
  return hashFor(withState(state, { doc: null, at: null }));
}

/** The entity's header, its graph (and those of expanded nodes), and the pages of mentions and
 * documents the state asks for. */
export async function load(state) {
  const id = state.entity;
  const list = { sort: state.order, filter: state.find };
  const options = { hideHubs: !state.hubs, kinds: state.graphKinds };
  // Asked together: in a sharded index their shards are fetched at the same time.
  const [info, mentions, documents, graph] = await Promise.all([
    engine.entityInfo(id),
    engine.entityMentions(id, { ...list, offset: (state.mentionPage - 1) * MENTION_PAGE, limit: MENTION_PAGE }),
    engine.entityDocuments(id, { ...list, offset: (state.documentPage - 1) * DOCUMENT_PAGE, limit: DOCUMENT_PAGE }),
    graphOf(id, { ...options, limit: LIST_NODES }),
  ]);
  const around = [];
  for (const other of state.expanded) {
    if (other === id) continue;
    const node = graph.nodes.find((n) => n.id === other);
    const sub = await graphOf(other, { ...options, limit: AROUND_NODES + 1 }).catch(() => null);
    if (node && sub) around.push({ ...sub, nodes: sub.nodes.filter((n) => n.id !== id).slice(0, AROUND_NODES) });
  }
  return { info, mentions, documents, graph, around };
}

async function graphOf(id, options) {
  const graphKey = JSON.stringify([id, options]);
  if (!graphs.has(graphKey)) graphs.set(graphKey, await engine.entityGraph(id, options));
  return graphs.get(graphKey);
}

/** Draw the entity page. */
export function render(data, state) {
  // A control redrawn under the keyboard (a legend box) keeps the focus in its new self.
  const focusKey = $view.contains(document.activeElement) ? document.activeElement.dataset?.focusKey : null;
  const info = labelled(data.info);
  const network = el('div', 'entity-network');
  network.append(renderGraphBox(data, info, state), renderCooccurring(info, data.graph, state));
  $top.replaceChildren(backLink(state), renderHeader(info, state), network);
  $controls.hidden = false;
  const $find = $controls.querySelector('#entity-find');
  if (document.activeElement !== $find) $find.value = state.find;
  $controls.querySelector('#entity-order').value = state.order;
  $lists.hidden = false;
  $lists.classList.remove('is-busy');
  $lists.removeAttribute('aria-busy');
  $lists.replaceChildren(renderContexts(data, info, state), renderDocuments(data, state));
  $view.setAttribute('aria-labelledby', 'entity-title');
  $view.dataset.shown = key(state); // what is on screen (for tests: the URL it answers)
  if (focusKey && !$view.contains(document.activeElement)) {
    [...$view.querySelectorAll('[data-focus-key]')].find((node) => node.dataset.focusKey === focusKey)?.focus();
  }
}

/** Show `message` (plain text) in place of the page: an unknown id, say. */
export function renderError(message, state) {
  drawn = null;
  // A part of the index that failed to load is not an entity that does not exist.
  const failed = engine.failedPart(message);
  const title = el('h2', 'view-title', failed ? 'Entity unavailable' : 'Entity not found');
  title.id = 'entity-title';
  title.tabIndex = -1;
  $view.setAttribute('aria-labelledby', 'entity-title');
  const head = failed ? `The page of “${state.entity}” could not be loaded` : `There is no entity “${state.entity}” in this corpus`;
  $top.replaceChildren(backLink(state), title, notice(head, message, { error: true }));
  $view.dataset.shown = key(state);
  $controls.hidden = true;
  $lists.hidden = true;
  $lists.replaceChildren();
}

/** { title, status } for the page title and the status line. */
export function describe(data) {
  const info = labelled(data.info);
  const found = data.mentions.total !== info.mentions ? ` (${plural(data.mentions.total, 'mention')} match the filter)` : '';
  return {
    title: info.name,
    status: `${info.name}, ${kindLabel(info.kind).toLowerCase()}: ${plural(info.mentions, 'mention')} in ${plural(info.documents, 'document')}${found}`,
    kind: 'quiet',
  };
}

/** Focus the entity's name. */
export function focus() {
  $view.querySelector('#entity-title')?.focus({ preventScroll: true });
}

/** The mention and document links, for the arrow keys. */
export function arrowItems() {
  return [...$view.querySelectorAll('a.context, a.doc-link')];
}

// ---- Render

/** The entity with its display name (dates as dates). */
function labelled(info) {
  return { ...info, name: entityLabel(info.name, info.kind), aliases: info.kind === 'date' ? [] : info.aliases };
}

function buildControls() {
  const form = el('form', 'entity-controls');
  form.setAttribute('role', 'search');
  form.setAttribute('aria-label', 'Filter and order the mentions and documents');
  form.hidden = true;
  const findLabel = el('label', 'entity-find-label', 'Filter mentions and documents');
  findLabel.htmlFor = 'entity-find';
  const find = el('input', 'entity-find');
  find.id = 'entity-find';
  find.type = 'search';
  find.autocomplete = 'off';
  find.spellcheck = false;
  find.placeholder = 'a word in the sentence or the headline';
  find.dataset.focusKey = 'entity-find';
  const orderLabel = el('label', 'entity-order-label', 'Order');
  orderLabel.htmlFor = 'entity-order';
  const order = el('select', 'entity-order');
  order.id = 'entity-order';
  order.dataset.focusKey = 'entity-order';
  for (const value of ORDERS) {
    const option = el('option', '', ORDER_LABELS[value]);
    option.value = value;
    order.append(option);
  }
  const findBox = el('div', 'control');
  findBox.append(findLabel, find);
  const orderBox = el('div', 'control');
  orderBox.append(orderLabel, order);
  form.append(findBox, orderBox);
  return form;
}

function renderHeader(info, state) {
  const header = el('header', 'entity-header');
  const title = el('h2', 'view-title entity-name', info.name);
  title.id = 'entity-title';
  title.tabIndex = -1;
  const line = el('div', 'entity-title-line');
  line.append(title, kindBadge(info.kind));
  header.append(line);
  const facts = el('p', 'entity-facts');
  const aliases = (info.aliases ?? []).filter((a) => a && a !== info.name);
  if (aliases.length) {
    const also = el('span', 'entity-aliases');
    also.append('Also written ');
    aliases.forEach((alias, i) => also.append(i ? ', ' : '', el('q', 'alias', alias)));
    facts.append(also, el('span', 'sep', ' · '));
  }
  facts.append(el('span', 'entity-stats', `${plural(info.mentions, 'mention')} in ${plural(info.documents, 'document')}`));
  header.append(facts);
  const actions = el('div', 'entity-actions');
  const filter = link(hashFor({ entities: [info.id] }), `Search documents mentioning ${info.name}`, 'action');
  const timeline = link(hashFor({ view: 'timeline', entities: [info.id] }), 'On the timeline', 'action');
  actions.append(filter, timeline, renderExport('mentions', `Download the mentions of ${info.name}, with their sentences`, 'Download mentions'));
  header.append(actions);
  return header;
}

function renderGraphBox(data, info, state) {
  const box = section('network', 'Network', 'network-title');
  const { graph } = data;
  const caption = el('p', 'network-caption',
    `${info.name} and the names most often in the same documents. Bigger circles share more documents; ` +
    'lines join names that also appear together in them. Select a name to see the names around it.');
  caption.id = 'network-caption';
  box.append(caption, renderLegend(graph, state));
  if (!graph.nodes.length) {
    drawn = null;
    const why = graph.neighbours === 0 ? 'No other names appear in the same documents.'
      : 'No names of the kinds ticked above; tick more, or show the hubs.';
    box.append(el('p', 'muted graph-empty', why));
    return box;
  }
  const width = graphWidth();
  drawn = { data, info, state, width };
  box.append(drawGraph(data, info, state, width));
  for (const [i, sub] of data.around.entries()) box.append(renderAround(sub, state, width, i));
  return box;
}

/** The kind filter, which is also the legend (each kind's colour and count), and the hubs box. */
function renderLegend(graph, state) {
  const box = el('fieldset', 'graph-legend');
  box.append(el('legend', 'graph-legend-title', 'Show'));
  const kinds = graph.kinds.filter((k) => KINDS.includes(k.kind));
  for (const { kind, count } of kinds) {
    const label = el('label', `legend-item kind-${safeKind(kind)}`);
    const input = el('input');
    input.type = 'checkbox';
    input.value = kind;
    input.dataset.graph = 'kind';
    input.dataset.focusKey = `graph-kind:${kind}`;
    input.checked = !state.graphKinds.length || state.graphKinds.includes(kind);
    // Every date is a hub: while hubs are hidden, the dates box has nothing to show.
    if (kind === 'date' && !state.hubs) input.disabled = true;
    label.append(input, el('span', 'swatch'), `${kindLabel(kind, count)} (${count.toLocaleString()})`);
    box.append(label);
  }
  const hubs = el('label', 'legend-item legend-hubs');
  const input = el('input');
  input.type = 'checkbox';
  input.dataset.graph = 'hubs';
  input.dataset.focusKey = 'graph-hubs';
  input.checked = !state.hubs;
  hubs.append(input, el('span', 'swatch swatch-hub'), `Hide hubs (${graph.hubs.toLocaleString()}): dates, and places and organizations in over 10% of documents`);
  box.append(hubs);
  return box;
}

function drawGraph({ graph, around }, info, state, width) {
  const count = width < 520 ? GRAPH_NODES_NARROW : GRAPH_NODES;
  const neighbours = graph.nodes.slice(0, count).map(named);
  const expanded = new Set(around.map((a) => a.center.id));
  return renderGraph({ ...graph.center, name: info.name }, neighbours, sideEdges(graph.edges, neighbours), {
    width,
    captionId: 'network-caption',
    hrefFor: (id) => hashFor(withState(state, { expanded: toggled(state.expanded, id) })),
    titleFor: (n) => `${n.name}, ${kindLabel(n.kind).toLowerCase()}: ${plural(n.documents, 'document')} together` +
      (expanded.has(n.id) ? ' (names around it shown below)' : ''),
    expanded,
  });
}

/** An expanded node's own network, below the main one, with a link to its page and a close link. */
function renderAround(sub, state, width, i) {
  const box = el('div', 'graph-around');
  const name = entityLabel(sub.center.name, sub.center.kind);
  const id = `around-caption-${i}`;
  const head = el('p', 'around-caption');
  head.id = id;
  head.append(`Around ${name}: `);
  const open = link(hashFor(entityPageOf(state, sub.center.id)), `open ${name}’s page`, 'around-open');
  const close = link(hashFor(withState(state, { expanded: toggled(state.expanded, sub.center.id) })), 'hide', 'around-close');
  close.setAttribute('aria-label', `Hide the names around ${name}`);
  head.append(open, ' · ', close);
  box.append(head);
  if (!sub.nodes.length) {
    box.append(el('p', 'muted', 'No other names (of the kinds shown).'));
    return box;
  }
  const count = width < 520 ? Math.min(6, AROUND_NODES) : AROUND_NODES;
  const shown = sub.nodes.slice(0, count).map(named);
  box.append(renderGraph({ ...sub.center, name }, shown, sideEdges(sub.edges, shown), {
    width, captionId: id, hrefFor: (other) => hashFor(entityPageOf(state, other)),
  }));
  return box;
}

function named(node) {
  return { ...node, name: entityLabel(node.name, node.kind) };
}

/** The strongest links among the drawn `nodes`: pairs sharing more than one document if there are any. */
function sideEdges(edges, nodes) {
  const drawn = new Set(nodes.map((n) => n.id));
  const among = edges.filter((e) => drawn.has(e.a) && drawn.has(e.b));
  const strong = among.some((e) => e.documents > 1) ? among.filter((e) => e.documents > 1) : among;
  return strong.slice(0, SIDE_EDGES);
}

function toggled(list, id) {
  return list.includes(id) ? list.filter((x) => x !== id) : [...list, id].slice(-4);
}

function redrawGraph() {
  if (!drawn || $view.hidden) return;
  const width = graphWidth();
  const figure = $view.querySelector('.network > figure.graph');
  if (!figure || Math.abs(width - drawn.width) < 40) return;
  drawn.width = width;
  figure.replaceWith(drawGraph(drawn.data, drawn.info, drawn.state, width));
}

/** The graph's drawing width: the network column (most of the page when wide). */
function graphWidth() {
  const page = $main.clientWidth - 32;
  return Math.round(Math.max(300, Math.min(720, page >= 900 ? page * 0.64 : page)));
}

function renderCooccurring(info, graph, state) {
  const box = section('cooccurring', 'Appears with', 'cooccurring-title');
  if (!graph.nodes.length) {
    box.append(el('p', 'muted', graph.neighbours ? 'No names of the kinds shown.' : 'No other names appear in the same documents.'));
    return box;
  }
  const list = el('ol', 'cooccurring-list');
  const more = el('ol', 'cooccurring-list');
  graph.nodes.map(named).forEach((other, i) => {
    const item = el('li', 'cooccurring-item');
    const a = link(hashFor(entityPageOf(state, other.id)), other.name, `ent-link kind-${safeKind(other.kind)}`);
    a.dataset.focusKey = `entity:${other.id}`;
    a.title = kindLabel(other.kind);
    const both = link(hashFor({ entities: [info.id, other.id] }), plural(other.documents, 'doc'), 'both');
    both.append(el('span', 'visually-hidden', ` mentioning both ${info.name} and ${other.name}`));
    both.title = `${plural(other.documents, 'document')} mentioning both`;
    item.append(a, both);
    (i < LISTED ? list : more).append(item);
  });
  box.append(list);
  if (more.childElementCount) {
    const details = el('details', 'more-names');
    details.append(el('summary', '', `${more.childElementCount} more`), more);
    box.append(details);
  }
  return box;
}

/** "Mentions 26–50 of 5,972" (and "matching “kyiv”" when filtered). */
function rangeText(what, page, shown, state) {
  const filtered = state.find.trim() ? ` matching “${state.find.trim()}”` : '';
  if (!page.total) return `No ${what}${filtered}.`;
  const from = page.offset + 1;
  const to = page.offset + shown;
  return `${what[0].toUpperCase()}${what.slice(1)} ${from.toLocaleString()}–${to.toLocaleString()} of ${page.total.toLocaleString()}${filtered}`;
}

/** First · Previous · Page n of m · Next · Last, as links (the page is in the URL). */
function renderPager(what, label, page, size, current, state) {
  const pages = Math.max(1, Math.ceil(page.total / size));
  const nav = el('nav', 'pager');
  nav.setAttribute('aria-label', `Pages of ${label}`);
  if (pages <= 1) return null;
  const at = Math.min(current, pages);
  const key = what === 'mentions' ? 'mentionPage' : 'documentPage';
  const item = (text, n, rel, aria) => {
    if (n < 1 || n > pages || n === at) return el('span', 'pager-off', text);
    const a = link(hashFor(withState(state, { [key]: n })), text, `pager-link pager-${rel}`);
    a.dataset.focusKey = `pager:${what}:${rel}`;
    a.setAttribute('aria-label', aria);
    return a;
  };
  nav.append(
    item('« First', 1, 'first', `First page of ${label}`),
    item('‹ Previous', at - 1, 'previous', `Previous page of ${label}`),
    el('span', 'pager-at', `Page ${at.toLocaleString()} of ${pages.toLocaleString()}`),
    item('Next ›', at + 1, 'next', `Next page of ${label}`),
    item('Last »', pages, 'last', `Last page of ${label}`),
  );
  return nav;
}

function renderContexts({ mentions }, info, state) {
  const box = section('contexts', 'Mentions in context', 'contexts-title');
  box.append(el('p', 'muted list-range', rangeText('mentions', mentions, mentions.mentions.length, state)));
  let list = null;
  let doc = null;
  for (const context of mentions.mentions) {
    if (context.doc !== doc) {
      doc = context.doc;
      const heading = el('h3', 'context-doc');
      heading.append(link(readerHash(state, doc, null), context.title || doc, 'context-doc-link'));
      const when = el('span', 'context-date');
      when.append(' · ', dateElement(context.date));
      heading.append(when);
      list = el('ul', 'context-list');
      box.append(heading, list);
    }
    const item = el('li');
    const at = context.field === 'text' ? context.offset : null;
    const a = link(readerHash(state, doc, at), '', `context kind-${safeKind(info.kind)}`);
    a.dataset.focusKey = `context:${doc}:${context.field}:${context.offset}`;
    if (context.field === 'title') a.append(el('span', 'context-field', 'Headline: '));
    renderMarked(a, context.text, [context.mark]);
    item.append(a);
    list.append(item);
  }
  const pager = renderPager('mentions', 'mentions', mentions, MENTION_PAGE, state.mentionPage, state);
  if (pager) box.append(pager);
  return box;
}

function renderDocuments({ documents }, state) {
  const box = section('entity-docs', 'Documents', 'entity-docs-title');
  box.append(el('p', 'muted list-range', rangeText('documents', documents, documents.documents.length, state)));
  const list = el('ol', 'doc-list');
  list.start = documents.offset + 1;
  for (const doc of documents.documents) {
    const item = el('li', 'doc-item');
    const a = link(readerHash(state, doc.id, null), doc.title || doc.id, 'doc-link');
    a.dataset.focusKey = `doc:${doc.id}`;
    const meta = el('p', 'doc-meta');
    meta.append(dateElement(doc.date), el('span', 'sep', ' · '), plural(doc.mentions, 'mention'));
    item.append(a, meta);
    list.append(item);
  }
  box.append(list);
  const pager = renderPager('documents', 'documents', documents, DOCUMENT_PAGE, state.documentPage, state);
  if (pager) box.append(pager);
  return box;
}

function backLink(state) {
  const parent = parentOf(state);
  let label = '← Back to search';
  if (parent.view === 'entities') label = '← Back to entities';
  else if (parent.view === 'timeline') label = '← Back to the timeline';
  else if (hashFor(searchOf(parent))) label = '← Back to results';
  return link(hashFor(parent) || './', label, 'back');
}

function readerHash(state, doc, at) {
  return hashFor(withState(state, { doc, at }));
}
