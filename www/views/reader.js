// Reader view: one full document, with entity mentions highlighted by kind and linked to their
// pages, the query's matches marked, the entities "in this article", and related articles.

import * as engine from '../engine.js';
import { hashFor, withState, parentOf, entityPageOf, KINDS } from '../state.js';
import { renderSpans, cleanMarks, sliceMarks } from './highlight.js';
import { httpUrl, kindLabel, entityLabel } from './format.js';
import { el, link, dateElement, notice, safeKind, section } from './dom.js';
import { renderRelated, renderSameStory } from './related.js';

const $reader = document.querySelector('#reader');

let current = -1; // index of the match "Next match" last moved to

/** The view's element. */
export function element() {
  return $reader;
}

/** What the view shows for `state` (an unchanged key is not reloaded). */
export function key(state) {
  return hashFor(state);
}

/** The document (with the query marked and its entities) and its related articles. */
export async function load(state) {
  const [doc, related] = await Promise.all([
    engine.getDocument(state.doc, state.query),
    engine.related(state.doc).catch(() => null), // an extra: never an error
  ]);
  return { doc, related };
}

/** Show the document in the reader, for the view state. */
export function render({ doc, related }, state) {
  current = -1;
  const entities = Array.isArray(doc.entities) ? doc.entities : [];
  const header = el('header', 'reader-header');
  const title = el('h2', 'reader-title');
  title.id = 'reader-title';
  title.tabIndex = -1;
  if (doc.title) renderSpans(title, doc.title, spansFor(entities, 'title', state), doc.titleMarks);
  else title.textContent = doc.id;
  header.append(title, renderMeta(doc));
  const same = renderSameStory(related, state);
  if (same) header.append(same);

  const body = el('div', 'reader-body');
  const count = renderParagraphs(body, doc.text, doc.marks, spansFor(entities, 'text', state));

  const main = el('div', 'reader-main');
  main.append(header);
  if (count) main.append(renderMatches(count, state.query));
  const toggles = renderHighlightToggles(entities);
  if (toggles) main.append(toggles);
  main.append(body);

  const aside = el('aside', 'reader-aside');
  aside.setAttribute('aria-label', 'About this article');
  const inArticle = renderInArticle(entities, state);
  const relatedBox = renderRelated(related, state);
  aside.append(...[inArticle, relatedBox].filter(Boolean));

  const grid = el('div', 'reader-grid');
  grid.append(main);
  if (aside.childElementCount) grid.append(aside);
  $reader.replaceChildren(backLink(state, entities), grid);
  applyHidden();
}

/** Show `message` (plain text) where the document would be. */
export function renderError(message, state) {
  current = -1;
  // A part of the index that failed to load is not a document that does not exist.
  const failed = engine.failedPart(message);
  const title = el('h2', 'view-title', failed ? 'Document unavailable' : 'Document not found');
  title.id = 'reader-title';
  title.tabIndex = -1;
  const head = failed ? 'This document’s text could not be loaded' : 'This document can’t be shown';
  $reader.replaceChildren(backLink(state, []), title, notice(head, message, { error: true }));
}

/** { title, status } for the page title and the status line. */
export function describe({ doc }) {
  return { title: doc.title || doc.id, status: `Reading “${doc.title || doc.id}”`, kind: 'quiet' };
}

/** Focus the title (or the back link); with a target mention (state.at), scroll to it. */
export function focus(state) {
  ($reader.querySelector('#reader-title') ?? $reader.querySelector('.back'))?.focus({ preventScroll: true });
  const target = $reader.querySelector('.is-target');
  if (target) target.scrollIntoView({ block: 'center' });
  else window.scrollTo(0, 0);
}

/** The reader has no list to move through. */
export function arrowItems() {
  return [];
}

/** Scroll to the next marked match in the document, wrapping around at the end. */
export function nextMatch() {
  const marks = [...$reader.querySelectorAll('.reader-body mark')];
  if (!marks.length) return;
  marks[current]?.classList.remove('is-current');
  current = (current + 1) % marks.length;
  marks[current].classList.add('is-current');
  marks[current].scrollIntoView({ block: 'center' });
  const status = $reader.querySelector('.match-position');
  if (status) status.textContent = `${current + 1} of ${marks.length}`;
}

// ---- Render

function backLink(state, entities) {
  const parent = parentOf(state);
  let label = '← Back to search';
  if (parent.entity) {
    const name = entities.find((e) => e.id === parent.entity)?.name;
    label = `← Back to ${name ? entityLabel(name, entities.find((e) => e.id === parent.entity).kind) : 'the entity'}`;
  } else if (parent.view === 'entities') label = '← Back to entities';
  else if (parent.view === 'timeline') label = '← Back to the timeline';
  else if (parent.query.trim() || parent.entities.length || parent.from || parent.to || parent.undated) {
    label = '← Back to results';
  }
  return link(hashFor(parent) || './', label, 'back');
}

/** Entity mentions in `field` as spans: links to the entity's page, coloured by kind. */
function spansFor(entities, field, state) {
  return entities.filter((e) => e.field === field && Array.isArray(e.mark)).map((e) => {
    const a = link(hashFor(entityPageOf(state, e.id)), '', `ent kind-${safeKind(e.kind)}`);
    a.title = `${kindLabel(e.kind)}: ${entityLabel(e.name, e.kind)}`;
    if (e.id === state.entity) a.classList.add('is-focus');
    if (field === 'text' && e.mark[0] === state.at) a.classList.add('is-target');
    return { start: e.mark[0], end: e.mark[1], node: a };
  });
}

// ---- Which kinds of entity are highlighted: a toggle per kind, kept in this browser. Dates
// and other names are off at first ("Thursday", "today" tinted in every sentence hide the
// people and places a reader looks for).

const HIDDEN_KEY = 'dossier:reader-hidden-kinds';
const HIDDEN_AT_FIRST = ['date', 'other'];

function hiddenKinds() {
  try {
    const saved = JSON.parse(localStorage.getItem(HIDDEN_KEY) ?? 'null');
    if (Array.isArray(saved)) return new Set(saved.filter((k) => KINDS.includes(k)));
  } catch { /* unreadable or unavailable storage: the defaults */ }
  return new Set(HIDDEN_AT_FIRST);
}

function setHiddenKinds(kinds) {
  try { localStorage.setItem(HIDDEN_KEY, JSON.stringify([...kinds])); } catch { /* kept for this page only */ }
}

/** Untint the mentions of hidden kinds (they stay links) and press the toggles that are on. */
function applyHidden() {
  const hidden = hiddenKinds();
  for (const kind of KINDS) $reader.classList.toggle(`hide-kind-${kind}`, hidden.has(kind));
  for (const button of $reader.querySelectorAll('.highlight-toggle')) {
    button.setAttribute('aria-pressed', String(!hidden.has(button.dataset.kind)));
  }
}

/** "Highlight: People · Organizations · …" for the kinds this article mentions, or null. */
function renderHighlightToggles(entities) {
  const present = KINDS.filter((kind) => entities.some((e) => safeKind(e.kind) === kind));
  if (!present.length) return null;
  const bar = el('div', 'highlight-toggles');
  bar.setAttribute('role', 'group');
  bar.setAttribute('aria-label', 'Highlight entities by kind');
  bar.append(el('span', 'highlight-label', 'Highlight'));
  for (const kind of present) {
    const button = el('button', `highlight-toggle kind-${kind}`, kindLabel(kind, 2));
    button.type = 'button';
    button.dataset.kind = kind;
    button.addEventListener('click', () => {
      const hidden = hiddenKinds();
      if (hidden.has(kind)) hidden.delete(kind);
      else hidden.add(kind);
      setHiddenKinds(hidden);
      applyHidden();
    });
    bar.append(button);
  }
  return bar;
}

function renderMeta(doc) {
  const meta = el('p', 'reader-meta');
  meta.append(dateElement(doc.date));
  if (doc.url) {
    meta.append(el('span', 'sep', ' · '));
    const site = httpUrl(doc.url);
    if (site) {
      // The outlet as its host name; the whole address on hover and in print.
      const a = el('a', 'source', site.hostname.replace(/^www\./, ''));
      a.title = doc.url;
      a.dataset.url = site.href;
      a.href = site.href;
      a.rel = 'noopener noreferrer';
      a.target = '_blank';
      meta.append(a);
    } else {
      meta.append(el('span', 'source', doc.url));
    }
  }
  return meta;
}

function renderMatches(count, query) {
  const line = el('div', 'matches');
  line.append(
    el('span', '', `${count} ${count === 1 ? 'match' : 'matches'} for “${query.trim()}”`),
    el('span', 'match-position'),
  );
  const next = el('button', 'next-match', count === 1 ? 'Go to match ↓' : 'Next match ↓');
  next.type = 'button';
  next.dataset.action = 'next-match';
  line.append(next);
  return line;
}

/** The entities mentioned, grouped by kind, most mentioned first: links to their pages. */
function renderInArticle(entities, state) {
  const byId = new Map();
  for (const e of entities) {
    const seen = byId.get(e.id) ?? { ...e, count: 0 };
    seen.count++;
    byId.set(e.id, seen);
  }
  if (!byId.size) return null;
  const box = section('in-article', 'In this article', 'in-article-title', 'h3');
  for (const kind of KINDS) {
    const group = [...byId.values()].filter((e) => safeKind(e.kind) === kind)
      .sort((a, b) => b.count - a.count || a.name.localeCompare(b.name));
    if (!group.length) continue;
    const heading = el('h4', `in-article-kind kind-${kind}`, kindLabel(kind, group.length));
    const list = el('ul', 'in-article-list');
    for (const e of group) {
      const item = el('li');
      const a = link(hashFor(entityPageOf(state, e.id)), entityLabel(e.name, e.kind), `ent-link kind-${kind}`);
      a.dataset.focusKey = `entity:${e.id}`;
      const count = el('span', 'count', String(e.count));
      count.append(el('span', 'visually-hidden', e.count === 1 ? ' mention' : ' mentions'));
      item.append(a, ' ', count);
      list.append(item);
    }
    box.append(heading, list);
  }
  return box;
}

/** Split `text` into <p>s at newlines, carrying marks and spans into each; returns the number of marks. */
function renderParagraphs(body, text, marks, spans) {
  const str = typeof text === 'string' ? text : '';
  const clean = cleanMarks(marks, str.length);
  let count = 0;
  let start = 0;
  while (start <= str.length) {
    let end = str.indexOf('\n', start);
    if (end === -1) end = str.length;
    const para = str.slice(start, end);
    if (para.trim()) {
      const p = el('p');
      const inside = spans.filter((s) => s.start >= start && s.end <= end)
        .map((s) => ({ ...s, start: s.start - start, end: s.end - start }));
      count += renderSpans(p, para, inside, sliceMarks(clean, start, end)).marks;
      body.append(p);
    }
    start = end + 1;
  }
  return count;
}
