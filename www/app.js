// App: owns the view state and the navigation between views. The state lives in the URL hash
// (state.js) so reload, back/forward and shared links all reproduce the same view. Typing
// replaces the current history entry; following a link pushes one.
//
// Each view module (views/*.js) has the same shape: key(state) names what it shows (an
// unchanged key is not reloaded), load(state, corpus) asks the engine, render(data, state) and
// renderError(message, state) draw, describe(data, state) gives { title, status }, focus(state)
// moves focus to its heading, arrowItems() lists what the arrow keys move through.

import * as engine from './engine.js';
import { parseHash, hashFor, sameState, modeOf, parentOf, withState, searchOf } from './state.js';
import { bindKeyboard } from './keyboard.js';
import * as searchView from './views/search.js';
import * as readerView from './views/reader.js';
import * as entityView from './views/entity.js';
import * as entitiesView from './views/entities.js';
import * as timelineView from './views/timeline.js';
import * as batchView from './views/batch.js';
import * as nav from './views/nav.js';
import * as autocomplete from './views/autocomplete.js';
import * as share from './views/share.js';
import * as exporter from './views/export.js';

const $root = document.documentElement;
const $brand = document.querySelector('#brand');
const $form = document.querySelector('#search-form');
const $input = document.querySelector('#q');
const $status = document.querySelector('#status');
const $main = document.querySelector('#main');

const VIEWS = {
  search: searchView, reader: readerView, entity: entityView, entities: entitiesView, timeline: timelineView,
  batch: batchView,
};

let state = parseHash(location.hash); // the view the URL asks for
let corpus = null; // info(), once the index is loaded
let renderSeq = 0; // a newer render makes older pending ones stale
const rendered = {}; // mode -> { key, title, status, kind } of what that view holds now
const memory = new Map(); // mode + key -> { scrollY, focusKey } when it was left

// ---- Bind event listeners

$input.addEventListener('input', () => {
  // Typing searches, keeping the filters (a new query is typo-corrected again: exact off).
  // Leaving another view by typing gets its own history entry; refining a query does not.
  const next = withState(searchOf(state), { query: $input.value, exact: false });
  navigate(next, { push: modeOf(state) !== 'search', typing: true });
});
$form.addEventListener('submit', (event) => event.preventDefault());
$brand.addEventListener('click', (event) => {
  if (!isPlainClick(event)) return;
  event.preventDefault();
  const home = withState({}, {});
  navigate(home, { push: !sameState(state, home) });
  $input.focus();
});
document.addEventListener('click', (event) => {
  // Every link to a view (a hash, or "./" for the empty one) navigates here, so the history
  // entry remembers where it came from (for Esc and "Back").
  const a = event.target.closest?.('a[href^="#"], a[href="./"]');
  if (!a || event.defaultPrevented || !isPlainClick(event)) return;
  event.preventDefault();
  if (a.classList.contains('skip-link')) $main.focus();
  else navigate(parseHash(a.getAttribute('href').replace(/^\.\/$/, '')), { push: true });
});
$main.addEventListener('click', (event) => {
  const button = event.target.closest('button[data-action]');
  if (!button) return;
  const action = button.dataset.action;
  const failed = (err) => setStatus(engine.messageOf(err), 'error');
  if (action === 'more') VIEWS[modeOf(state)].loadMore?.(state).catch(failed);
  else if (action === 'next-match') readerView.nextMatch();
  else if (action.startsWith('export-')) exporter.run(action, state, button).catch(failed);
});
window.addEventListener('hashchange', onLocationChange);
window.addEventListener('popstate', onLocationChange);
share.bind(() => location.href);
autocomplete.bind($input, (query) => {
  navigate(withState(searchOf(state), { query }), { push: modeOf(state) !== 'search', typing: true });
});
entitiesView.bind((changes) => navigate(withState(state, changes), { typing: true }));
entityView.bind((changes) => navigate(withState(state, changes), { typing: true }));
batchView.bind((changes) => navigate(withState(state, changes), { push: true }));
bindKeyboard({
  ready: () => Boolean(corpus),
  mode: () => modeOf(state),
  arrowItems: () => VIEWS[modeOf(state)].arrowItems?.() ?? [],
  close,
  $input,
});

start();

// ---- State and navigation

async function start() {
  keepBackInTheExplorer();
  $input.value = state.query;
  showLoadProgress();
  try {
    corpus = await engine.info();
  } catch (err) {
    renderFatal(engine.messageOf(err));
    return;
  }
  $root.dataset.status = 'ready';
  performance.mark?.('dossier:ready');
  engine.hints().then((hints) => { $input.placeholder = hints.placeholder; }, () => {});
  await show(parseHash(location.hash), { initial: true });
}

/** A pasted link opens a view with nothing of ours behind it, so Back would leave the site:
 * put the explorer's first view under it (once: a reload finds its own entry). */
function keepBackInTheExplorer() {
  if (!hashFor(state) || history.state) return;
  const url = location.href;
  history.replaceState(null, '', location.pathname + location.search);
  history.pushState({ from: '' }, '', url);
}

/** Once loading has taken a second, say how far it is ("Loading index… 42% of 11.4 MB").
 * The search box stays usable meanwhile: what is typed is searched when the index is ready. */
function showLoadProgress() {
  const shownAfter = performance.now() + 1000;
  engine.onLoadProgress(({ loaded, total }) => {
    if (performance.now() < shownAfter || $root.dataset.status !== 'loading') return;
    setStatus(`Loading index… ${progressText(loaded, total)}`);
  });
}

/** `42% of 11.4 MB`, or `3.1 MB` when the total is not known. */
function progressText(loaded, total) {
  const mb = (bytes) => `${(bytes / 1e6).toFixed(1)} MB`;
  if (!total) return mb(loaded);
  return `${Math.min(100, Math.floor((100 * loaded) / total))}% of ${mb(total)}`;
}

/** Go to view `next`: push a history entry (remembering where from) or replace the current one. */
function navigate(next, { push = false, typing = false } = {}) {
  const url = hashFor(next) || location.pathname + location.search;
  if (push && !sameState(next, state)) history.pushState({ from: hashFor(state) }, '', url);
  else history.replaceState(history.state, '', url);
  show(next, { typing });
}

function onLocationChange() {
  const next = parseHash(location.hash);
  if (!sameState(next, state)) show(next);
}

/** Close the top layer (reader, entity page, directory or timeline): step back in history if
 * that is where we came from, else go to the layer below. */
function close() {
  const parent = parentOf(state);
  if (history.state?.from === hashFor(parent)) history.back();
  else navigate(parent, { push: true });
}

async function show(next, { initial = false, typing = false } = {}) {
  const previous = state;
  state = next;
  if (!corpus) return; // start() renders once the index is loaded
  if ($input.value !== next.query) {
    $input.value = next.query;
    autocomplete.close();
  }
  const seq = ++renderSeq;
  const mode = modeOf(next);
  const previousMode = modeOf(previous);
  const view = VIEWS[mode];
  const key = view.key(next);
  const focusKey = document.activeElement?.closest?.('[data-focus-key]')?.dataset.focusKey;
  if (!initial) remember(previousMode, previous, focusKey);

  const changed = rendered[mode]?.key !== key;
  if (changed) {
    let data = null;
    let message = '';
    try {
      data = await view.load(next, corpus);
    } catch (err) {
      message = engine.messageOf(err);
    }
    if (seq !== renderSeq) return;
    if (message) view.renderError(message, next);
    else view.render(data, next);
    const about = message ? { title: 'Error', status: message, kind: 'quiet' } : view.describe(data, next);
    rendered[mode] = { key: message ? null : key, ...about };
  }
  setMode(mode);
  nav.render(next);
  const { title = '', status = '', kind = '' } = rendered[mode];
  setStatus(status, kind);
  document.title = title ? `${title} — Dossier` : 'Dossier';
  if (typing) {
    if (mode !== previousMode) window.scrollTo(0, 0);
    return;
  }
  if (initial) {
    window.scrollTo(0, 0);
    view.focus(next, { initial });
  } else if (mode !== previousMode) {
    // Back to a view as it was left: same scroll, same focused item. Closing a layer opened
    // from a shared link: focus what it was about (the result, the name). Else the top.
    const saved = changed ? null : memory.get(`${mode}${key}`);
    const closing = sameState(next, parentOf(previous));
    window.scrollTo(0, saved ? saved.scrollY : 0);
    if (!focusBy(saved?.focusKey) && !(closing && focusBy(previous.doc ? `doc:${previous.doc}` : `entity:${previous.entity}`))) {
      view.focus(next);
    }
  } else if (changed && !$main.contains(document.activeElement) && !$input.contains(document.activeElement)) {
    // The focused control was redrawn (a filter, a period): focus its new self, or the view.
    if (!focusBy(focusKey)) view.focus(next);
  }
}

/** Remember the scroll position and focused item of the view being left. */
function remember(mode, previous, focusKey) {
  const key = VIEWS[mode].key(previous);
  if (rendered[mode]?.key === key) memory.set(`${mode}${key}`, { scrollY: window.scrollY, focusKey });
}

function focusBy(focusKey) {
  if (!focusKey) return false;
  const target = [...$main.querySelectorAll('[data-focus-key]')]
    .find((node) => node.dataset.focusKey === focusKey && node.getClientRects().length);
  target?.focus({ preventScroll: false });
  return Boolean(target);
}

// ---- Render

function setMode(mode) {
  $root.dataset.mode = mode;
  for (const [name, view] of Object.entries(VIEWS)) view.element().hidden = name !== mode;
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
  searchView.renderFatal('The search index didn’t load', message);
  setMode('search');
  $input.disabled = true;
}

function isPlainClick(event) {
  return event.button === 0 && !event.metaKey && !event.ctrlKey && !event.shiftKey && !event.altKey;
}
