// Tiny DOM builders shared by the views. Text is always set with textContent, never parsed as HTML.

import { formatDate, kindLabel } from './format.js';
import { KINDS } from '../state.js';

const SVG_NS = 'http://www.w3.org/2000/svg';

/** Create `<tag class=className>text</tag>`. */
export function el(tag, className = '', text = '') {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text) node.textContent = text;
  return node;
}

/** Create `<a href=href class=className>text</a>` (href is a hash built by state.js). */
export function link(href, text, className = '') {
  const a = el('a', className, text);
  a.href = href || './';
  return a;
}

/** Create an SVG element with attributes (values set with setAttribute, never parsed). */
export function svg(tag, attributes = {}) {
  const node = document.createElementNS(SVG_NS, tag);
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, String(value));
  return node;
}

/** A <time> for a YYYY-MM-DD date, or a plain "Undated" label. */
export function dateElement(date) {
  if (!date) return el('span', 'undated', 'Undated');
  const time = el('time', 'date', formatDate(date));
  time.dateTime = date;
  return time;
}

/** A small badge naming an entity kind ("Person"), coloured by kind. */
export function kindBadge(kind) {
  return el('span', `kind-badge kind-${safeKind(kind)}`, kindLabel(kind));
}

/** The kind as a CSS class suffix: one of the known kinds, else "other". */
export function safeKind(kind) {
  return KINDS.includes(kind) ? kind : 'other';
}

/** A section with a heading (h2 by default) and an id for aria-labelledby. */
export function section(className, title, id, level = 'h2') {
  const box = el('section', className);
  const heading = el(level, `${className}-title section-title`, title);
  heading.id = id;
  box.setAttribute('aria-labelledby', id);
  box.append(heading);
  return box;
}

/** A notice box: a title and a message (both plain text); `error` makes it an alert. */
export function notice(title, message = '', { error = false } = {}) {
  const box = el('div', error ? 'notice is-error' : 'notice');
  if (error) box.setAttribute('role', 'alert');
  box.append(el('p', 'notice-title', title));
  if (message) box.append(el('p', '', message));
  return box;
}
