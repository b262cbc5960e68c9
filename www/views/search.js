// Search view: the intro (no query, no filters), the results with excerpts, the "did you mean"
// and partial-match notices, the active filters as chips, the timeline strip and the entity
// facets. Builds DOM with createElement/textContent only; document data is never parsed as HTML.

import * as engine from '../engine.js';
import { hashFor, withState, searchOf, filtersOf, hasFilters } from '../state.js';
import { renderMarked } from './highlight.js';
import { httpUrl, siteName, countLine, browseLine, plural, entityLabel } from './format.js';
import { el, link, dateElement, notice, safeKind } from './dom.js';
import { renderFacets, renderChips } from './facets.js';
import { renderStrip } from './timeline.js';
import { renderExport } from './export.js';
import { entityNames } from './names.js';

const $results = document.querySelector('#results');

const PAGE_SIZE = 20;
// A sharded index fetches each result's document part: its first page is shorter, to show sooner.
const FIRST_PAGE_SHARDED = 10;
const FACETS_PER_KIND = 8;

let shown = { key: '', count: 0, total: 0 }; // which search the list holds, how many results of how many

/** The view's element. */
export function element() {
  return $results;
}

/** What the view shows for `state` (an unchanged key is not reloaded). */
export function key(state) {
  return hashFor(searchOf(state)) || '#';
}

/** Ask the engine for the intro (no query, no filters) or the first page of results. */
export async function load(state, corpus) {
  if (!state.query.trim() && !hasFilters(state)) {
    const [top, timeline, sharded, hints] = await Promise.all([
      engine.entities({ limit: 12 }),
      engine.timeline('', {}),
      engine.isSharded(),
      engine.hints(),
    ]);
    return { intro: true, corpus, top: top.entities, timeline, sharded, examples: hints.examples };
  }
  const names = await entityNames(state.entities);
  const filters = filtersOf(state);
  try {
    if (await engine.isSharded()) {
      // Results first: facets and the timeline need the entity and date shards, fetched after
      // (one more matching pass for both).
      const data = await engine.search(state.query, { limit: FIRST_PAGE_SHARDED, facetLimit: 0, ...filters });
      const later = engine.search(state.query,
        { limit: 0, facetLimit: FACETS_PER_KIND, timeline: true, ...filters }).catch(() => null);
      return { data, timeline: null, names, later };
    }
    // One matching pass for the results, the facets and the timeline.
    const data = await engine.search(state.query,
      { limit: PAGE_SIZE, facetLimit: FACETS_PER_KIND, timeline: true, ...filters });
    return { data, timeline: data.timeline ?? null, names };
  } catch (err) {
    return { error: engine.messageOf(err), names };
  }
}

/** Draw the intro, the results, or the search error (with the chips, to undo a bad filter). */
export function render(loaded, state) {
  if (loaded.intro) return renderIntro(loaded);
  const chips = renderChips(state, loaded.names);
  if (loaded.error) {
    const query = state.query.trim();
    const box = notice(query ? `Couldn’t search for “${query}”` : 'Couldn’t apply these filters', loaded.error, { error: true });
    $results.replaceChildren(...[chips, box].filter(Boolean));
    return;
  }
  const { data, timeline } = loaded;
  const main = el('div', 'search-main');
  main.append(...renderNotices(data, state));
  if (data.total) {
    main.append(...[timeline?.buckets.length ? renderStrip(timeline, state) : null, renderTools(data)].filter(Boolean));
    const list = el('ol', 'results');
    list.setAttribute('aria-label', 'Search results');
    for (const result of data.results) list.append(renderResult(result, state));
    main.append(list);
  } else {
    main.append(renderEmpty(state));
  }
  shown = { key: key(state), count: data.results.length, total: data.total };
  renderMore(main);
  const grid = el('div', 'search-grid');
  const facets = renderFacets(data.facets, state);
  grid.classList.toggle('has-facets', Boolean(facets));
  grid.append(...[main, facets].filter(Boolean));
  $results.replaceChildren(...[chips, grid].filter(Boolean));
  loaded.later?.then((counted) => {
    if (!grid.isConnected) return; // the reader moved on
    const spread = counted?.timeline;
    const tools = main.querySelector('.results-tools');
    if (tools && spread?.buckets.length) main.insertBefore(renderStrip(spread, state), tools);
    const aside = renderFacets(counted?.facets, state);
    grid.classList.toggle('has-facets', Boolean(aside));
    if (aside) grid.append(aside);
  });
}

/** Show the error notice in place of everything (the index did not load). */
export function renderFatal(title, message) {
  $results.replaceChildren(notice(title, message, { error: true }));
}

/** Show a search error (from app.js; load() already catches the engine's). */
export function renderError(message, state) {
  $results.replaceChildren(notice(`Couldn’t search for “${state.query.trim()}”`, message, { error: true }));
}

/** { title, status } for the page title and the status line. */
export function describe(loaded, state) {
  const query = state.query.trim();
  if (loaded.intro) return { title: '', status: '' };
  if (loaded.error) return { title: query ? `“${query}”` : 'Search', status: loaded.error, kind: 'quiet' };
  const { total, partial } = loaded.data;
  const status = query ? countLine(total, query, partial) : browseLine(total);
  return { title: query ? `“${query}”` : 'Filtered documents', status, kind: total ? '' : 'quiet' };
}

/** Focus the start of the results (not on first load: the page should not jump). */
export function focus(state, { initial = false } = {}) {
  if (!initial) document.querySelector('#main').focus({ preventScroll: true });
}

/** The result links, in order (for the arrow keys). */
export function arrowItems() {
  return [...$results.querySelectorAll('a.result-link')];
}

/** Fetch and append the next page of results. */
export async function loadMore(state) {
  const offset = shown.count;
  const data = await engine.search(state.query, { limit: PAGE_SIZE, offset, facetLimit: 0, ...filtersOf(state) });
  const list = $results.querySelector('ol.results');
  if (!list || shown.key !== key(state) || shown.count !== offset) return; // the view moved on
  for (const result of data.results) list.append(renderResult(result, state));
  shown.count += data.results.length;
  renderMore(list.parentElement);
  arrowItems()[offset]?.focus();
}

// ---- Render

function renderIntro({ corpus, top, timeline, sharded, examples }) {
  const intro = el('section', 'intro');
  intro.setAttribute('aria-labelledby', 'intro-title');
  const title = el('h2', 'intro-title', 'Explore the corpus');
  title.id = 'intro-title';
  intro.append(title);

  const about = el('p');
  const docs = el('strong', '', `${corpus.documents.toLocaleString()} news ${corpus.documents === 1 ? 'document' : 'documents'}`);
  about.append('Search ', docs,
    ` (${corpus.terms.toLocaleString()} distinct terms) right here in your browser. ` +
    (sharded
      ? 'The index comes from this site in pieces as you search, so the site can see roughly which words you look for.'
      : 'The index is built into the page, so nothing you type leaves it.'));
  intro.append(about);

  if (examples.length) { // drawn from this corpus by the core
    const tryLine = el('p', 'try', 'Try ');
    examples.forEach((query, i) => {
      tryLine.append(i ? ', ' : '', link(hashFor({ query }), query, 'try-query'));
    });
    intro.append(tryLine);
  }

  const keys = el('p', 'keys');
  keys.append(kbd('/'), ' search  ', kbd('↓'), kbd('↑'), ' move  ', kbd('Enter'), ' open  ', kbd('Esc'), ' close');
  intro.append(keys);

  const side = el('div', 'intro-side');
  if (top.length) side.append(renderTopEntities(top));
  const strip = renderStrip(timeline, withState({}, {}));
  if (strip) {
    const when = el('div', 'intro-when');
    when.append(el('h3', 'intro-subtitle', 'When'), strip);
    side.append(when);
  }
  if (side.childElementCount) {
    const grid = el('div', 'intro-grid');
    grid.append(intro, side);
    $results.replaceChildren(grid);
  } else {
    $results.replaceChildren(intro);
  }
  shown = { key: '', count: 0, total: 0 };
}

function renderTopEntities(top) {
  const box = el('div', 'intro-who');
  box.append(el('h3', 'intro-subtitle', 'Most mentioned'));
  const list = el('ul', 'name-cloud');
  for (const entity of top) {
    const item = el('li');
    const a = link(hashFor({ entity: entity.id }), entityLabel(entity.name, entity.kind), `name-pill kind-${safeKind(entity.kind)}`);
    a.dataset.focusKey = `entity:${entity.id}`;
    a.title = `${plural(entity.mentions, 'mention')} in ${plural(entity.documents, 'document')}`;
    item.append(a);
    list.append(item);
  }
  box.append(list);
  return box;
}

function renderNotices(data, state) {
  const notices = [];
  if (data.didYouMean && data.didYouMean.trim() !== state.query.trim()) {
    // The results are the corrected query's: link to it, and to the query as typed, searched
    // without correction (exact=1 in the URL).
    const line = el('p', 'did-you-mean');
    const corrected = link(hashFor(withState(state, { query: data.didYouMean, exact: false })), data.didYouMean, 'corrected');
    corrected.setAttribute('aria-label', `Showing results for ${data.didYouMean}: search for exactly that`);
    const original = link(hashFor(withState(state, { exact: true })), state.query.trim(), 'search-instead');
    original.setAttribute('aria-label', `Search instead for ${state.query.trim()}, as typed`);
    line.append('Showing results for ', corrected, ' · search instead for ', original);
    notices.push(line);
  }
  if (data.suggestion && data.suggestion.trim() !== state.query.trim()) {
    // Offered only: the results are the query's as typed (a rare word of the corpus).
    const line = el('p', 'did-you-mean');
    line.append('Did you mean ', link(hashFor(withState(state, { query: data.suggestion, exact: false })), data.suggestion, 'suggested'), '?');
    notices.push(line);
  }
  if (data.partial && data.total) {
    notices.push(el('p', 'partial-note',
      'No document contains every word, so these contain some of them — the most matched first.'));
  }
  return notices;
}

function renderTools(data) {
  const bar = el('div', 'results-tools');
  const count = el('h2', 'results-count', plural(data.total, 'result'));
  count.id = 'results-count';
  bar.append(count, renderExport('results', 'Download results'));
  return bar;
}

function renderResult(result, state) {
  if (result.unavailable) return renderUnavailable(result.unavailable);
  const item = el('li', 'result');
  item.dataset.id = result.id;

  const title = el('h3', 'result-title');
  const a = link(hashFor({ ...searchOf(state), doc: result.id }), '', 'result-link');
  a.dataset.focusKey = `doc:${result.id}`;
  if (result.title) renderMarked(a, result.title, result.titleMarks);
  else a.textContent = result.id;
  title.append(a);

  const meta = el('p', 'result-meta');
  meta.append(dateElement(result.date));
  const site = httpUrl(result.url);
  if (site) meta.append(el('span', 'sep', ' · '), el('span', 'site', siteName(site)));

  const excerpt = el('p', 'result-excerpt');
  renderMarked(excerpt, result.excerpt?.text ?? '', result.excerpt?.marks);

  item.append(title, meta, excerpt);
  return item;
}

/** A result the core knows but cannot show: its document part failed to load. */
function renderUnavailable({ part, reason }) {
  const item = el('li', 'result is-unavailable');
  item.dataset.unavailable = part;
  item.append(el('h3', 'result-title', 'Article unavailable'),
    el('p', 'result-excerpt', `This article’s part ${part} failed to load (${reason}).`));
  return item;
}

function renderMore(container) {
  container.querySelector('button[data-action="more"]')?.remove();
  if (shown.count >= shown.total) return;
  const more = el('button', 'more', `Show more (${shown.count} of ${shown.total.toLocaleString()})`);
  more.type = 'button';
  more.dataset.action = 'more';
  container.append(more);
}

function renderEmpty(state) {
  const query = state.query.trim();
  return notice(query ? `No documents match “${query}”` : 'No documents match these filters',
    hasFilters(state) ? 'Remove a filter, or try fewer or different words.' : 'Check the spelling, or try fewer or different words.');
}

function kbd(text) {
  return el('kbd', '', text);
}
