// Header navigation: Search · Entities · Timeline. The links carry the current query and filters
// (so "Timeline" shows the timeline of what you searched), and the current view is marked.

import { hashFor, modeOf, searchOf, withState } from '../state.js';

const $links = [...document.querySelectorAll('.views-nav a[data-view]')];

/** Point the nav links at the views for `state` and mark the one shown. */
export function render(state) {
  const search = searchOf(state);
  const targets = {
    search: hashFor(search) || './',
    entities: hashFor({ view: 'entities' }),
    timeline: hashFor(withState(search, { view: 'timeline', from: null, to: null, undated: false })),
  };
  const mode = modeOf(state);
  const current = mode === 'reader' || mode === 'entity' ? state.view : mode;
  for (const $link of $links) {
    const view = $link.dataset.view;
    $link.setAttribute('href', targets[view]);
    if (view === current) $link.setAttribute('aria-current', 'page');
    else $link.removeAttribute('aria-current');
  }
}
