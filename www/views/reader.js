// Reader view: one full document with the query's matches marked.

import { renderMarked, cleanMarks, sliceMarks } from './highlight.js';
import { httpUrl } from './format.js';
import { el, dateElement } from './dom.js';
import { hashFor } from '../state.js';

const $reader = document.querySelector('#reader');

let current = -1; // index of the match "Next match" last moved to

/** Show `doc` (from getDocument) in the reader, for the view state { query, doc }. */
export function renderReader(doc, state) {
  current = -1;
  const header = el('header', 'reader-header');
  const title = el('h2', 'reader-title');
  title.id = 'reader-title';
  title.tabIndex = -1;
  if (doc.title) renderMarked(title, doc.title, doc.titleMarks);
  else title.textContent = doc.id;
  header.append(title, renderMeta(doc));

  const body = el('div', 'reader-body');
  const count = renderParagraphs(body, doc.text, doc.marks);

  $reader.replaceChildren(backLink(state), header);
  if (count) $reader.append(renderMatches(count, state.query));
  $reader.append(body);
}

/** Show `message` (plain text) where the document would be. */
export function renderReaderError(message, state) {
  current = -1;
  const box = el('div', 'notice is-error');
  box.setAttribute('role', 'alert');
  box.append(el('p', 'notice-title', 'This document can’t be shown'), el('p', '', message));
  $reader.replaceChildren(backLink(state), box);
}

/** Move focus to the reader's title (or its back link if there is no title). */
export function focusReader() {
  ($reader.querySelector('#reader-title') ?? $reader.querySelector('.back'))?.focus({ preventScroll: true });
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

function backLink(state) {
  const back = el('a', 'back', state.query.trim() ? '← Back to results' : '← Back to search');
  back.href = hashFor({ query: state.query }) || './';
  return back;
}

function renderMeta(doc) {
  const meta = el('p', 'reader-meta');
  meta.append(dateElement(doc.date));
  if (doc.url) {
    meta.append(el('span', 'sep', ' · '));
    const site = httpUrl(doc.url);
    if (site) {
      const link = el('a', 'source', doc.url);
      link.href = site.href;
      link.rel = 'noopener noreferrer';
      link.target = '_blank';
      meta.append(link);
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
  line.append(next);
  return line;
}

/** Split `text` into <p>s at newlines, carrying the marks into each; returns the number of marks. */
function renderParagraphs(body, text, marks) {
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
      count += renderMarked(p, para, sliceMarks(clean, start, end));
      body.append(p);
    }
    start = end + 1;
  }
  return count;
}
