// Facets: the sidebar of entities in the current results, by kind, with counts (click to
// filter, click again to remove), and the active filters as removable chips above the results.

import { hashFor, withState, KINDS } from '../state.js';
import { kindLabel, formatPeriod, entityLabel } from './format.js';
import { el, link, safeKind } from './dom.js';

/**
 * The facet sidebar for `facets` ([{ kind, entities: [{ id, name, count }] }]) of the results of
 * `state`, or null when there are none (an index without entities).
 */
export function renderFacets(facets, state) {
  const groups = (Array.isArray(facets) ? facets : []).filter((f) => f.entities?.length);
  if (!groups.length) return null;
  groups.sort((a, b) => rank(a.kind) - rank(b.kind));
  const aside = el('aside', 'facets');
  aside.setAttribute('aria-labelledby', 'facets-title');
  const title = el('h2', 'facets-title section-title', 'Filter by');
  title.id = 'facets-title';
  aside.append(title);
  for (const group of groups) {
    const box = el('section', 'facet-group');
    const heading = el('h3', `facet-kind kind-${safeKind(group.kind)}`, kindLabel(group.kind, 2));
    heading.id = `facets-${safeKind(group.kind)}`;
    box.setAttribute('aria-labelledby', heading.id);
    const list = el('ul', 'facet-list');
    for (const entity of group.entities) list.append(renderFacet(entity, group.kind, state));
    box.append(heading, list);
    aside.append(box);
  }
  return aside;
}

/**
 * The active filters of `state` as chips, each with a link to remove it; `names` maps entity
 * ids to { name, kind } (an id missing from it is shown as itself). Null when there are none.
 */
export function renderChips(state, names) {
  const chips = [];
  for (const id of state.entities) {
    const known = names.get(id);
    const label = known ? entityLabel(known.name, known.kind) : id;
    const chip = el('li', `chip kind-${safeKind(known?.kind)}${known ? '' : ' is-unknown'}`);
    const name = known ? link(hashFor({ ...state, entity: id, doc: null }), label, 'chip-label') : el('span', 'chip-label', label);
    if (known) name.dataset.focusKey = `entity:${id}`;
    chip.append(name, removeLink(withState(state, { entities: state.entities.filter((e) => e !== id) }), label));
    chips.push(chip);
  }
  const period = periodLabel(state);
  if (period) {
    const chip = el('li', 'chip chip-date');
    chip.append(el('span', 'chip-label', period), removeLink(withState(state, { from: null, to: null }), period));
    chips.push(chip);
  }
  if (state.undated) {
    const chip = el('li', 'chip chip-date');
    chip.append(el('span', 'chip-label', 'Undated only'), removeLink(withState(state, { undated: false }), 'undated only'));
    chips.push(chip);
  }
  if (!chips.length) return null;
  const box = el('div', 'chips-bar');
  const list = el('ul', 'chips');
  list.setAttribute('aria-label', 'Active filters');
  list.append(...chips);
  box.append(list);
  if (chips.length > 1) {
    box.append(link(hashFor({ query: state.query }) || './', 'Clear all', 'clear-filters'));
  }
  return box;
}

/** "Aug 2025", "From Aug 2025", "Aug 2025 – Sep 2025" for the date filter of `state`, or "". */
export function periodLabel({ from, to }) {
  if (from && to) return from === to ? formatPeriod(from) : `${formatPeriod(from)} – ${formatPeriod(to)}`;
  if (from) return `From ${formatPeriod(from)}`;
  if (to) return `Until ${formatPeriod(to)}`;
  return '';
}

function renderFacet(entity, kind, state) {
  const item = el('li', 'facet-item');
  const name = entityLabel(entity.name, kind);
  const active = state.entities.includes(entity.id);
  const entities = active ? state.entities.filter((e) => e !== entity.id) : [...state.entities, entity.id];
  const toggle = link(hashFor(withState(state, { entities })), '', `facet kind-${safeKind(kind)}`);
  toggle.dataset.focusKey = `facet:${entity.id}`;
  const count = el('span', 'facet-count', entity.count.toLocaleString());
  count.append(el('span', 'visually-hidden', `${entity.count === 1 ? ' document' : ' documents'}${active ? ', filtering: select to remove' : ''}`));
  toggle.append(el('span', 'facet-name', name), count);
  toggle.title = active ? `Remove the filter ${name}` : `Only documents mentioning ${name}`;
  if (active) toggle.setAttribute('aria-current', 'true');
  const about = link(hashFor({ ...state, entity: entity.id, doc: null }), '›', 'facet-page');
  about.setAttribute('aria-label', `About ${name}`);
  about.title = `Everything about ${name}`;
  item.append(toggle, about);
  return item;
}

function removeLink(state, label) {
  const remove = link(hashFor(state) || './', '×', 'chip-remove');
  remove.setAttribute('aria-label', `Remove filter: ${label}`);
  return remove;
}

function rank(kind) {
  const i = KINDS.indexOf(kind);
  return i === -1 ? KINDS.length : i;
}
