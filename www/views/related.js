// Related articles for the reader: "same story" near-duplicates (flagged at build time) and
// other articles like this one. The data comes from the core's related(id); a build without
// it gives null here and the reader shows nothing.
//
// Shape: [{ id, title, date, similarity (0..1), sameStory (bool) }], most similar first.

import { hashFor, withState } from '../state.js';
import { el, link, dateElement, section } from './dom.js';

const MAX = 6;

/** The "Same story" / "Related articles" box for the reader, or null when there is nothing. */
export function renderRelated(related, state) {
  if (!Array.isArray(related)) return null;
  const valid = related.filter((r) => r && typeof r.id === 'string' && r.id !== state.doc);
  if (!valid.length) return null;
  const box = section('related', 'Related articles', 'related-title', 'h3');
  box.id = 'related';
  const same = valid.filter((r) => r.sameStory === true);
  const others = valid.filter((r) => r.sameStory !== true).slice(0, MAX);
  if (same.length) box.append(renderList(same, state, 'Same story', 'is-same'));
  if (others.length) box.append(renderList(others, state, same.length ? 'Also related' : '', ''));
  return box;
}

function renderList(items, state, heading, className) {
  const wrap = el('div', `related-group ${className}`.trim());
  if (heading) wrap.append(el('h4', 'related-kind', heading));
  const list = el('ul', 'related-list');
  for (const item of items) {
    const li = el('li', 'related-item');
    const a = link(hashFor(withState(state, { doc: item.id, at: null })), item.title || item.id, 'related-link');
    a.dataset.focusKey = `doc:${item.id}`;
    const meta = el('p', 'related-meta');
    meta.append(dateElement(item.date));
    const similarity = Number(item.similarity);
    if (Number.isFinite(similarity)) {
      meta.append(el('span', 'sep', ' · '), el('span', 'similarity', `${Math.round(similarity * 100)}% similar`));
    }
    if (item.sameStory === true) meta.append(el('span', 'sep', ' · '), el('strong', 'same-story', 'Same story'));
    li.append(a, meta);
    list.append(li);
  }
  wrap.append(list);
  return wrap;
}

/** A line under the reader's headline naming the near-duplicates ("Same story as …"), or null. */
export function renderSameStory(related, state) {
  const same = Array.isArray(related) ? related.filter((r) => r && r.sameStory === true && typeof r.id === 'string') : [];
  if (!same.length) return null;
  const line = el('p', 'same-story-note');
  line.append(el('strong', '', 'Same story'), ' also reported in ');
  same.forEach((item, i) => {
    if (i) line.append(i === same.length - 1 ? ' and ' : ', ');
    const a = link(hashFor(withState(state, { doc: item.id, at: null })), item.title || item.id, 'same-story-link');
    line.append(a);
  });
  return line;
}
