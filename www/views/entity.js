// Entity page: everything the corpus says about one name. Its kind and aliases, the network of
// entities it appears with, every mention in its sentence (linking into the reader at that
// point), and the documents that mention it.

import * as engine from '../engine.js';
import { hashFor, withState, parentOf, searchOf } from '../state.js';
import { renderMarked } from './highlight.js';
import { kindLabel, plural, entityLabel } from './format.js';
import { el, link, dateElement, notice, kindBadge, safeKind, section } from './dom.js';
import { renderGraph } from './graph.js';

const $view = document.querySelector('#entity-view');
const $main = document.querySelector('#main');

const CONTEXTS = 50;
const GRAPH_NODES = 12;
const GRAPH_NODES_NARROW = 8;
const SIDE_EDGES = 16; // the strongest links between neighbours drawn (all of them is a hairball)
const LISTED = 12; // co-occurring names listed before "more"

let drawn = null; // { data, state, width } of the graph on screen, to redraw it on resize
let resizeTimer = 0;

// ---- Bind event listeners

window.addEventListener('resize', () => {
  clearTimeout(resizeTimer);
  resizeTimer = setTimeout(redrawGraph, 150);
});

/** The view's element. */
export function element() {
  return $view;
}

/** What the view shows for `state` (an unchanged key is not reloaded). */
export function key(state) {
  return hashFor(state);
}

/** The entity, and the co-occurrences among its neighbours (for the network's side edges). */
export async function load(state) {
  const entity = await engine.entity(state.entity, CONTEXTS);
  const neighbours = entity.cooccurring.slice(0, GRAPH_NODES);
  const ids = new Set(neighbours.map((n) => n.id));
  const edges = [];
  for (const n of neighbours) {
    const other = await engine.entity(n.id, 0).catch(() => null);
    for (const c of other?.cooccurring ?? []) {
      if (ids.has(c.id) && n.id < c.id) edges.push({ a: n.id, b: c.id, documents: c.documents });
    }
  }
  // Keep the strongest: pairs sharing more than one document if there are any, at most SIDE_EDGES.
  const strong = edges.some((e) => e.documents > 1) ? edges.filter((e) => e.documents > 1) : edges;
  strong.sort((x, y) => y.documents - x.documents || x.a.localeCompare(y.a) || x.b.localeCompare(y.b));
  return { entity, edges: strong.slice(0, SIDE_EDGES) };
}

/** Draw the entity page. */
export function render(data, state) {
  const entity = labelled(data.entity);
  data = { ...data, entity };
  const header = renderHeader(entity, state);
  const network = el('div', 'entity-network');
  const graphBox = renderGraphBox(data, state);
  network.append(...[graphBox, renderCooccurring(entity, state)].filter(Boolean));
  const grid = el('div', 'entity-grid');
  grid.append(renderContexts(entity, state), renderDocuments(entity, state));
  $view.setAttribute('aria-labelledby', 'entity-title');
  $view.replaceChildren(backLink(state), header, network, grid);
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
  $view.replaceChildren(backLink(state), title, notice(head, message, { error: true }));
}

/** { title, status } for the page title and the status line. */
export function describe(data) {
  const entity = labelled(data.entity);
  return {
    title: entity.name,
    status: `${entity.name}, ${kindLabel(entity.kind).toLowerCase()}: ${plural(entity.mentions, 'mention')} in ${plural(entity.documents.length, 'document')}`,
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

/** The entity with display names (dates as dates) for itself and its co-occurring names. */
function labelled(entity) {
  return {
    ...entity,
    name: entityLabel(entity.name, entity.kind),
    aliases: entity.kind === 'date' ? [] : entity.aliases,
    cooccurring: entity.cooccurring.map((c) => ({ ...c, name: entityLabel(c.name, c.kind) })),
  };
}

function renderHeader(entity, state) {
  const header = el('header', 'entity-header');
  const title = el('h2', 'view-title entity-name', entity.name);
  title.id = 'entity-title';
  title.tabIndex = -1;
  const line = el('div', 'entity-title-line');
  line.append(title, kindBadge(entity.kind));
  header.append(line);
  const facts = el('p', 'entity-facts');
  const aliases = (entity.aliases ?? []).filter((a) => a && a !== entity.name);
  if (aliases.length) {
    const also = el('span', 'entity-aliases');
    also.append('Also written ');
    aliases.forEach((alias, i) => also.append(i ? ', ' : '', el('q', 'alias', alias)));
    facts.append(also, el('span', 'sep', ' · '));
  }
  facts.append(el('span', 'entity-stats', `${plural(entity.mentions, 'mention')} in ${plural(entity.documents.length, 'document')}`));
  header.append(facts);
  const actions = el('p', 'entity-actions');
  const filter = link(hashFor({ entities: [entity.id] }), `Search documents mentioning ${entity.name}`, 'action');
  const timeline = link(hashFor({ view: 'timeline', entities: [entity.id] }), 'On the timeline', 'action');
  actions.append(filter, timeline);
  header.append(actions);
  return header;
}

function renderGraphBox(data, state) {
  const { entity } = data;
  if (!entity.cooccurring.length) {
    drawn = null;
    return null;
  }
  const box = section('network', 'Network', 'network-title');
  const caption = el('p', 'network-caption',
    `${entity.name} and the names most often in the same documents. Bigger circles share more documents; ` +
    'lines join names that also appear together.');
  caption.id = 'network-caption';
  const width = graphWidth();
  drawn = { data, state, width };
  box.append(caption, drawGraph(data, state, width));
  return box;
}

function drawGraph({ entity, edges }, state, width) {
  const count = width < 520 ? GRAPH_NODES_NARROW : GRAPH_NODES;
  const neighbours = entity.cooccurring.slice(0, count);
  return renderGraph(entity, neighbours, edges, {
    width, captionId: 'network-caption', hrefFor: (id) => entityHash(state, id),
  });
}

function redrawGraph() {
  if (!drawn || $view.hidden) return;
  const width = graphWidth();
  const figure = $view.querySelector('figure.graph');
  if (!figure || Math.abs(width - drawn.width) < 40) return;
  drawn.width = width;
  figure.replaceWith(drawGraph(drawn.data, drawn.state, width));
}

/** The graph's drawing width: the network column (most of the page when wide). */
function graphWidth() {
  const page = $main.clientWidth - 32;
  return Math.round(Math.max(300, Math.min(720, page >= 900 ? page * 0.64 : page)));
}

function renderCooccurring(entity, state) {
  const box = section('cooccurring', 'Appears with', 'cooccurring-title');
  if (!entity.cooccurring.length) {
    box.append(el('p', 'muted', 'No other names appear in the same documents.'));
    return box;
  }
  const list = el('ol', 'cooccurring-list');
  const more = el('ol', 'cooccurring-list');
  entity.cooccurring.forEach((other, i) => {
    const item = el('li', 'cooccurring-item');
    const a = link(entityHash(state, other.id), other.name, `ent-link kind-${safeKind(other.kind)}`);
    a.dataset.focusKey = `entity:${other.id}`;
    a.title = kindLabel(other.kind);
    const both = link(hashFor({ entities: [entity.id, other.id] }), plural(other.documents, 'doc'), 'both');
    both.append(el('span', 'visually-hidden', ` mentioning both ${entity.name} and ${other.name}`));
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

function renderContexts(entity, state) {
  const box = section('contexts', 'Mentions in context', 'contexts-title');
  if (!entity.contexts.length) {
    box.append(el('p', 'muted', 'No mentions to show.'));
    return box;
  }
  if (entity.contexts.length < entity.mentions) {
    box.append(el('p', 'muted', `The first ${entity.contexts.length} of ${entity.mentions.toLocaleString()} mentions.`));
  }
  let list = null;
  let doc = null;
  for (const context of entity.contexts) {
    if (context.doc !== doc) {
      doc = context.doc;
      const heading = el('h3', 'context-doc');
      heading.append(link(readerHash(state, doc, null), context.title || doc, 'context-doc-link'));
      list = el('ul', 'context-list');
      box.append(heading, list);
    }
    const item = el('li');
    const at = context.field === 'text' ? context.offset : null;
    const a = link(readerHash(state, doc, at), '', `context kind-${safeKind(entity.kind)}`);
    a.dataset.focusKey = `context:${doc}:${context.field}:${context.offset}`;
    if (context.field === 'title') a.append(el('span', 'context-field', 'Headline: '));
    renderMarked(a, context.text, [context.mark]);
    item.append(a);
    list.append(item);
  }
  return box;
}

function renderDocuments(entity, state) {
  const box = section('entity-docs', 'Documents', 'entity-docs-title');
  const list = el('ol', 'doc-list');
  for (const doc of entity.documents) {
    const item = el('li', 'doc-item');
    const a = link(readerHash(state, doc.id, null), doc.title || doc.id, 'doc-link');
    a.dataset.focusKey = `doc:${doc.id}`;
    const meta = el('p', 'doc-meta');
    meta.append(dateElement(doc.date), el('span', 'sep', ' · '), plural(doc.mentions, 'mention'));
    item.append(a, meta);
    list.append(item);
  }
  box.append(list);
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

function entityHash(state, id) {
  return hashFor(withState(state, { entity: id, doc: null, at: null }));
}

function readerHash(state, doc, at) {
  return hashFor(withState(state, { doc, at }));
}
