// Timeline: documents (and the dates they mention) along time, for the current query and entity
// filters. The full view (#view=timeline) and a compact strip above the search results; in
// both, a period links to the results dated in it, and undated documents are counted apart.

import * as engine from '../engine.js';
import { hashFor, withState, searchOf } from '../state.js';
import { formatPeriod, plural, entityLabel } from './format.js';
import { el, link, notice } from './dom.js';
import { entityNames } from './names.js';

const $view = document.querySelector('#timeline-view');

/** The view's element. */
export function element() {
  return $view;
}

/** What the view shows for `state` (an unchanged key is not reloaded). */
export function key(state) {
  return hashFor(withState(searchOf(state), { view: 'timeline', from: null, to: null, undated: false }));
}

/** The timeline of the state's query and entity filters, with the filters' names. */
export async function load(state) {
  const [timeline, names] = await Promise.all([
    engine.timeline(state.query, { entities: state.entities }),
    entityNames(state.entities),
  ]);
  return { timeline, names };
}

/** Draw the full timeline view. */
export function render({ timeline, names }, state) {
  const title = el('h2', 'view-title', 'Timeline');
  title.id = 'timeline-title';
  title.tabIndex = -1;
  $view.setAttribute('aria-labelledby', title.id);
  const dated = timeline.buckets.reduce((n, b) => n + b.documents, 0);
  const scope = el('p', 'view-lede', scopeLine(state, names, dated + timeline.undated));
  $view.replaceChildren(title, scope);
  if (!dated && !timeline.undated) {
    $view.append(notice('No documents to place in time', 'Nothing matches this search.'));
    return;
  }
  $view.append(renderChart(timeline, state));
  if (timeline.buckets.length) $view.append(renderTable(timeline, state));
  if (timeline.undated) $view.append(renderUndated(timeline.undated, state, 'undated-note'));
}

/** Show `message` (plain text) in place of the timeline. */
export function renderError(message) {
  const title = el('h2', 'view-title', 'Timeline');
  title.id = 'timeline-title';
  title.tabIndex = -1;
  $view.replaceChildren(title, notice('The timeline can’t be shown', message, { error: true }));
}

/** { title, status } for the page title and the status line. */
export function describe({ timeline }) {
  const dated = timeline.buckets.reduce((n, b) => n + b.documents, 0);
  return {
    title: 'Timeline',
    status: `${plural(dated, 'dated document')}, ${timeline.undated.toLocaleString()} undated, by ${timeline.granularity}`,
    kind: 'quiet',
  };
}

/** Focus the view's heading. */
export function focus() {
  $view.querySelector('.view-title')?.focus({ preventScroll: true });
}

/** The period links, for the arrow keys. */
export function arrowItems() {
  return [...$view.querySelectorAll('a.bar')];
}

/**
 * The compact strip above search results: one bar per period of `timeline`, each a link to the
 * results of `state` dated in it, and the undated count. Null when there is nothing to show.
 */
export function renderStrip(timeline, state) {
  if (!timeline || (!timeline.buckets.length && !timeline.undated)) return null;
  const box = el('nav', 'strip');
  box.setAttribute('aria-label', 'Results over time');
  if (timeline.buckets.length) {
    const max = Math.max(1, ...timeline.buckets.map((b) => b.documents));
    const bars = el('ol', 'strip-bars');
    for (const bucket of timeline.buckets) bars.append(renderStripBar(bucket, max, state, timeline.granularity));
    const first = timeline.buckets[0].period;
    const last = timeline.buckets[timeline.buckets.length - 1].period;
    const axis = el('p', 'strip-axis');
    axis.setAttribute('aria-hidden', 'true');
    axis.append(el('span', '', formatPeriod(first)));
    if (last !== first) axis.append(el('span', '', formatPeriod(last)));
    const chart = el('div', 'strip-chart');
    chart.append(bars, axis);
    box.append(chart);
  }
  if (timeline.undated) box.append(renderUndated(timeline.undated, state, 'strip-undated'));
  return box;
}

// ---- Render

function renderStripBar(bucket, max, state, granularity) {
  const item = el('li', 'strip-slot');
  const fill = el('span', 'strip-fill');
  fill.style.height = `${bucket.documents ? Math.max(12, (100 * bucket.documents) / max) : 0}%`;
  if (!bucket.documents) {
    item.append(fill);
    return item;
  }
  const bar = link(periodHash(state, bucket.period), '', 'strip-bar');
  bar.append(fill);
  bar.dataset.focusKey = `period:${bucket.period}`;
  bar.setAttribute('aria-label', `${formatPeriod(bucket.period)}: ${plural(bucket.documents, 'document')}`);
  bar.title = `${formatPeriod(bucket.period)} · ${plural(bucket.documents, 'document')} (by ${granularity})`;
  if (inFilter(state, bucket.period)) bar.setAttribute('aria-current', 'true');
  item.append(bar);
  return item;
}

function renderChart(timeline, state) {
  const figure = el('figure', 'chart');
  const max = Math.max(1, timeline.undated, ...timeline.buckets.map((b) => Math.max(b.documents, b.mentions)));
  const bars = el('ol', 'bars');
  bars.setAttribute('aria-label', `Documents by ${timeline.granularity}`);
  const every = Math.ceil(timeline.buckets.length / 8); // about eight axis labels
  timeline.buckets.forEach((bucket, i) => {
    const item = el('li', 'bar-slot');
    const docs = el('span', 'bar-docs');
    docs.style.height = `${(100 * bucket.documents) / max}%`;
    const mentions = el('span', 'bar-mentions');
    mentions.style.height = `${(100 * bucket.mentions) / max}%`;
    const label = `${formatPeriod(bucket.period)}: ${plural(bucket.documents, 'document')}, ${plural(bucket.mentions, 'date mention')}`;
    const target = bucket.documents ? link(periodHash(state, bucket.period), '', 'bar') : el('span', 'bar is-empty');
    target.append(docs, mentions);
    if (bucket.documents) {
      target.setAttribute('aria-label', label);
      target.dataset.focusKey = `period:${bucket.period}`;
    } else {
      target.setAttribute('aria-hidden', 'true');
    }
    target.title = label;
    // About eight labels; the last period always has one, so the label just before it is dropped
    // when the two would touch. On a phone only the first and last remain (see views.css).
    const last = timeline.buckets.length - 1;
    const labelled = i === last || (i % every === 0 && last - i >= every);
    const tick = el('span', i === 0 || i === last ? 'bar-label major' : 'bar-label', labelled ? formatPeriod(bucket.period) : '');
    tick.setAttribute('aria-hidden', 'true');
    item.append(target, tick);
    bars.append(item);
  });
  if (timeline.undated) bars.append(renderUndatedBar(timeline.undated, max, state));
  const caption = el('figcaption', 'chart-legend');
  caption.append(el('span', 'legend-docs', 'Documents'), el('span', 'legend-mentions', 'Dates mentioned'));
  const axis = el('span', 'axis-max', max.toLocaleString());
  axis.setAttribute('aria-hidden', 'true');
  const plot = el('div', 'plot');
  plot.style.setProperty('--slots', String(timeline.buckets.length + (timeline.undated ? 2 : 0)));
  plot.append(axis, bars);
  figure.append(plot, caption);
  return figure;
}

/** The undated documents as a last, hatched bar set apart from the time axis. */
function renderUndatedBar(count, max, state) {
  const item = el('li', 'bar-slot is-undated');
  const target = link(hashFor(withState(searchOf(state), { from: null, to: null, undated: true })), '', 'bar');
  const docs = el('span', 'bar-docs');
  docs.style.height = `${(100 * count) / max}%`;
  target.append(docs);
  target.setAttribute('aria-label', `Undated: ${plural(count, 'document')}`);
  target.title = `Undated: ${plural(count, 'document')}`;
  target.dataset.focusKey = 'period:undated-bar';
  if (state.undated) target.setAttribute('aria-current', 'true');
  const tick = el('span', 'bar-label major', 'Undated');
  tick.setAttribute('aria-hidden', 'true');
  item.append(target, tick);
  return item;
}

function renderTable(timeline, state) {
  const table = el('table', 'periods');
  const caption = el('caption', '', `Periods with documents (by ${timeline.granularity})`);
  const head = el('tr');
  for (const label of ['Period', 'Documents', 'Dates mentioned']) {
    const th = el('th', '', label);
    th.scope = 'col';
    head.append(th);
  }
  const thead = el('thead');
  thead.append(head);
  const body = el('tbody');
  for (const bucket of timeline.buckets.filter((b) => b.documents || b.mentions)) {
    const row = el('tr');
    const period = el('th');
    period.scope = 'row';
    period.append(bucket.documents ? link(periodHash(state, bucket.period), formatPeriod(bucket.period)) : formatPeriod(bucket.period));
    row.append(period, el('td', 'num', bucket.documents.toLocaleString()), el('td', 'num', bucket.mentions.toLocaleString()));
    body.append(row);
  }
  table.append(caption, thead, body);
  return table;
}

function renderUndated(count, state, className) {
  const target = withState(searchOf(state), { from: null, to: null, undated: true });
  const a = link(hashFor(target), `${plural(count, 'undated document')}`, className);
  a.dataset.focusKey = 'period:undated';
  if (state.undated) a.setAttribute('aria-current', 'true');
  const box = el('p', `${className}-line`);
  box.append(a, el('span', 'undated-hint', ' — counted here, not placed on the time axis'));
  return box;
}

function scopeLine(state, names, total) {
  const parts = [];
  if (state.query.trim()) parts.push(`matching “${state.query.trim()}”`);
  if (state.entities.length) {
    parts.push(`mentioning ${state.entities.map((id) => (names.has(id) ? entityLabel(names.get(id).name, names.get(id).kind) : id)).join(' and ')}`);
  }
  return `${plural(total, 'document')}${parts.length ? ` ${parts.join(', ')}` : ' in the corpus'}, by date.`;
}

function periodHash(state, period) {
  return hashFor(withState(searchOf(state), { from: period, to: period, undated: false }));
}

function inFilter(state, period) {
  if (!state.from && !state.to) return false;
  return (!state.from || period.slice(0, state.from.length) >= state.from) &&
    (!state.to || period.slice(0, state.to.length) <= state.to);
}
