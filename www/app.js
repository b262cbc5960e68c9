// App: owns the view state { query, doc } and the events. The state lives in the URL hash
// (see state.js) so reload, back/forward and shared links all reproduce the same view.
// Typing replaces the current history entry; opening a document pushes a new one.

import * as engine from './engine.js';
import { parseHash, hashFor, sameState } from './state.js';
import { countLine } from './views/format.js';
import * as searchView from './views/search.js';
import * as readerView from './views/reader.js';

const $root = document.documentElement;
const $brand = document.querySelector('#brand');
const $form = document.querySelector('#search-form');
const $input = document.querySelector('#q');
const $status = document.querySelector('#status');
const $results = document.querySelector('#results');
const $reader = document.querySelector('#reader');

const PAGE_SIZE = 20;

let state = parseHash(location.hash); // the view the URL asks for
let listed = { query: null, count: 0, total: 0, partial: false }; // what the result list holds
let corpus = null; // info(), once the index is loaded
let renderSeq = 0; // a newer render makes older pending ones stale
let resultsScrollY = 0;

// ---- Bind event listeners

$input.addEventListener('input', () => {
  // Leaving the reader by typing gets its own history entry; refining a query does not.
  navigate({ query: $input.value, doc: null }, { push: Boolean(state.doc) });
});
$form.addEventListener('submit', (event) => event.preventDefault());
$brand.addEventListener('click', (event) => {
  if (!isPlainClick(event)) return;
  event.preventDefault();
  navigate({ query: '', doc: null }, { push: !sameState(state, { query: '', doc: null }) });
  $input.focus();
});
$results.addEventListener('click', (event) => {
  const link = event.target.closest('a.result-link');
  if (link && isPlainClick(event)) {
    event.preventDefault();
    navigate(parseHash(link.hash), { push: true, fromResults: true });
  } else if (event.target.closest('button.more')) {
    loadMore();
  }
});
$reader.addEventListener('click', (event) => {
  if (event.target.closest('a.back') && isPlainClick(event)) {
    event.preventDefault();
    closeReader();
  } else if (event.target.closest('button.next-match')) {
    readerView.nextMatch();
  }
});
document.addEventListener('keydown', onKeydown);
window.addEventListener('hashchange', onLocationChange);
window.addEventListener('popstate', onLocationChange);

start();

// ---- State and navigation

async function start() {
  $input.value = state.query;
  try {
    corpus = await engine.info();
  } catch (err) {
    renderFatal(engine.messageOf(err));
    return;
  }
  $root.dataset.status = 'ready';
  await show(parseHash(location.hash), { initial: true });
}

/** Go to view `next`: push a history entry or replace the current one, then render. */
function navigate(next, { push = false, fromResults = false } = {}) {
  const url = hashFor(next) || location.pathname + location.search;
  if (push) history.pushState({ fromResults }, '', url);
  else history.replaceState(history.state, '', url);
  show(next);
}

function onLocationChange() {
  const next = parseHash(location.hash);
  if (!sameState(next, state)) show(next);
}

/** Leave the reader: step back in history if we came from the results, else go to them. */
function closeReader() {
  if (history.state?.fromResults) history.back();
  else navigate({ query: state.query, doc: null }, { push: true });
}

async function show(next, { initial = false } = {}) {
  const previous = state;
  state = next;
  if (!corpus) return; // start() renders once the index is loaded
  if ($input.value !== next.query) $input.value = next.query;
  const seq = ++renderSeq;
  if (next.doc) await showReader(next, seq, previous, initial);
  else await showResults(next, seq, previous);
}

// ---- Render

async function showResults(next, seq, previous) {
  const query = next.query;
  if (!query.trim()) {
    searchView.renderIntro(corpus);
    listed = { query: '', count: 0, total: 0, partial: false };
    setStatus('');
  } else if (listed.query !== query) {
    let data;
    try {
      data = await engine.search(query, { limit: PAGE_SIZE, offset: 0 });
    } catch (err) {
      if (seq !== renderSeq) return;
      const message = engine.messageOf(err);
      searchView.renderError(`Couldn’t search for “${query.trim()}”`, message);
      listed = { query: null, count: 0, total: 0, partial: false };
      setStatus(message, 'quiet'); // the notice (role=alert) shows and announces it
      setMode('search', query);
      return;
    }
    if (seq !== renderSeq) return;
    searchView.renderResults(data, { query });
    listed = { query, count: data.results.length, total: data.total, partial: Boolean(data.partial) };
  }
  if (query.trim()) {
    setStatus(countLine(listed.total, query, listed.partial), listed.total ? '' : 'quiet');
  }
  setMode('search', query);
  if (previous.doc) {
    window.scrollTo(0, resultsScrollY);
    if (!searchView.focusResult(previous.doc)) $input.focus({ preventScroll: true });
  }
}

async function showReader(next, seq, previous, initial) {
  let doc = null;
  let message = '';
  try {
    doc = await engine.getDocument(next.doc, next.query);
  } catch (err) {
    message = engine.messageOf(err);
  }
  if (seq !== renderSeq) return;
  if (!previous.doc && !initial) resultsScrollY = window.scrollY;
  if (doc) readerView.renderReader(doc, next);
  else readerView.renderReaderError(message, next);
  setStatus(doc ? `Reading “${doc.title || doc.id}”` : message, doc ? '' : 'error');
  setMode('reader', doc?.title || '');
  window.scrollTo(0, 0);
  readerView.focusReader();
}

async function loadMore() {
  const seq = renderSeq;
  const { query, count } = listed;
  try {
    const data = await engine.search(query, { limit: PAGE_SIZE, offset: count });
    if (seq !== renderSeq || listed.query !== query) return;
    searchView.renderResults(data, { query, append: true });
    listed.count += data.results.length;
    searchView.resultLinks()[count]?.focus();
  } catch (err) {
    setStatus(engine.messageOf(err), 'error');
  }
}

function setMode(mode, title) {
  $root.dataset.mode = mode;
  $results.hidden = mode !== 'search';
  $reader.hidden = mode !== 'reader';
  if (mode === 'reader') document.title = title ? `${title} — Dossier` : 'Dossier';
  else document.title = title.trim() ? `“${title.trim()}” — Dossier` : 'Dossier';
}

function setStatus(text, kind = '') {
  $status.textContent = text;
  $status.classList.toggle('is-error', kind === 'error');
  $status.classList.toggle('is-quiet', kind === 'quiet'); // announced, but the page already says it
}

function renderFatal(message) {
  console.error(message);
  $root.dataset.status = 'error';
  setStatus(message, 'quiet');
  searchView.renderError('The search index didn’t load', message);
  $input.disabled = true;
  $results.hidden = false;
  $reader.hidden = true;
}

// ---- Keyboard

function onKeydown(event) {
  if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey || event.isComposing) return;
  if (!corpus) return;
  switch (event.key) {
    case '/':
      if (isEditable(event.target)) return;
      event.preventDefault();
      $input.focus();
      $input.select();
      break;
    case 'Escape':
      if (state.doc) {
        event.preventDefault();
        closeReader();
      } else if (state.query) {
        event.preventDefault();
        navigate({ query: '', doc: null });
        $input.focus();
      }
      break;
    case 'ArrowDown':
    case 'ArrowUp':
      if (state.doc || !(event.target === $input || $results.contains(event.target))) return;
      if (searchView.moveFocus(event.key === 'ArrowDown' ? 1 : -1, $input)) event.preventDefault();
      break;
  }
}

function isEditable(target) {
  return Boolean(target.closest?.('input, textarea, select, [contenteditable]:not([contenteditable="false"])'));
}

function isPlainClick(event) {
  return event.button === 0 && !event.metaKey && !event.ctrlKey && !event.shiftKey && !event.altKey;
}
