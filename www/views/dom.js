// Tiny DOM builders shared by the views. Text is always set with textContent, never parsed as HTML.

import { formatDate } from './format.js';

/** Create `<tag class=className>text</tag>`. */
export function el(tag, className = '', text = '') {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text) node.textContent = text;
  return node;
}

/** A <time> for a YYYY-MM-DD date, or a plain "Undated" label. */
export function dateElement(date) {
  if (!date) return el('span', 'undated', 'Undated');
  const time = el('time', 'date', formatDate(date));
  time.dateTime = date;
  return time;
}
