// Search view: the intro (empty query), the result list, and moving focus through it.
// Builds DOM with createElement/textContent only; document data never goes through HTML parsing.

import { renderMarked } from './highlight.js';
import { httpUrl, siteName } from './format.js';
import { el, dateElement } from './dom.js';
import { hashFor } from '../state.js';

const $results = document.querySelector('#results');

const SUGGESTIONS = ['kellogg', 'witkoff', 'patriot missile', 'peace plan'];

/** Show the intro for an empty query, with the corpus size from info(). */
export function renderIntro(info) {
  const intro = el('section', 'intro');
  intro.append(el('h2', 'intro-title', 'Explore the corpus'));

  const about = el('p');
  const docs = el('strong', '', `${info.documents.toLocaleString()} news ${info.documents === 1 ? 'document' : 'documents'}`);
  about.append('Search ', docs,
    ` (${info.terms.toLocaleString()} distinct terms) right here in your browser. ` +
    'The index is built into the page, so nothing you type leaves it.');
  intro.append(about);

  const tryLine = el('p', 'suggestions', 'Try ');
  SUGGESTIONS.forEach((query, i) => {
    const link = el('a', 'suggestion', query);
    link.href = hashFor({ query });
    tryLine.append(i ? ', ' : '', link);
  });
  intro.append(tryLine);

  const keys = el('p', 'keys');
  keys.append(kbd('/'), ' search  ', kbd('↓'), kbd('↑'), ' move  ', kbd('Enter'), ' open  ', kbd('Esc'), ' close');
  intro.append(keys);

  $results.replaceChildren(intro);
}

/** Show a page of results for `query`; with `append`, add them below the ones already shown. */
export function renderResults(data, { query = data.query, append = false } = {}) {
  if (!data.total) {
    $results.replaceChildren(renderEmpty(query));
    return;
  }
  let $list = append ? $results.querySelector('ol.results') : null;
  if (!$list) {
    $list = el('ol', 'results');
    $list.setAttribute('aria-label', 'Search results');
    $results.replaceChildren($list);
  }
  $results.querySelector('.more')?.remove();
  for (const result of data.results) $list.append(renderResult(result, query));

  const shown = $list.children.length;
  if (shown < data.total) {
    const more = el('button', 'more', `Show more (${shown} of ${data.total.toLocaleString()})`);
    more.type = 'button';
    $results.append(more);
  }
}

/** Show an error notice: a short `title` and the `message`, both as plain text. */
export function renderError(title, message) {
  const box = el('div', 'notice is-error');
  box.setAttribute('role', 'alert');
  box.append(el('p', 'notice-title', title), el('p', '', message));
  $results.replaceChildren(box);
}

/** The result links, in order. */
export function resultLinks() {
  return [...$results.querySelectorAll('a.result-link')];
}

/** Focus the result link for document `id`, if it is listed; returns whether it was. */
export function focusResult(id) {
  const link = resultLinks().find((a) => a.closest('[data-id]')?.dataset.id === id);
  link?.focus();
  return Boolean(link);
}

/** Move focus `step` results down (+1) or up (-1) from the focused one; up from the first goes to `$input`. */
export function moveFocus(step, $input) {
  const links = resultLinks();
  if (!links.length) return false;
  const active = document.activeElement;
  const at = links.findIndex((a) => a.closest('li').contains(active));
  if (at === -1) {
    if (step < 0) return false;
    links[0].focus();
    return true;
  }
  const next = at + step;
  if (next < 0) $input.focus();
  else if (next < links.length) links[next].focus();
  else $results.querySelector('.more')?.focus();
  return true;
}

function renderResult(result, query) {
  const item = el('li', 'result');
  item.dataset.id = result.id;

  const title = el('h2', 'result-title');
  const link = el('a', 'result-link');
  link.href = hashFor({ query, doc: result.id });
  if (result.title) renderMarked(link, result.title, result.titleMarks);
  else link.textContent = result.id;
  title.append(link);

  const meta = el('p', 'result-meta');
  meta.append(dateElement(result.date));
  const site = httpUrl(result.url);
  if (site) meta.append(el('span', 'sep', ' · '), el('span', 'site', siteName(site)));

  const excerpt = el('p', 'result-excerpt');
  renderMarked(excerpt, result.excerpt?.text ?? '', result.excerpt?.marks);

  item.append(title, meta, excerpt);
  return item;
}

function renderEmpty(query) {
  const box = el('div', 'notice');
  box.append(
    el('p', 'notice-title', `No documents match “${query.trim()}”`),
    el('p', '', 'Check the spelling, or try fewer or different words.'),
  );
  return box;
}

function kbd(text) {
  return el('kbd', '', text);
}
