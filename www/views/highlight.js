// Highlighting: turn (text, marks) into text nodes and <mark> elements.
//
// Marks are [start, end) pairs of UTF-16 offsets (plain JS string indices) into `text`.
// They come from the index, but a bad pair must never throw or inject markup, so every
// function here validates first and builds DOM with createTextNode/createElement only.

/**
 * Keep only well-formed marks for a text of `length` code units: integer pairs with
 * 0 <= start < end <= length, sorted by start, dropping any that overlap an earlier one.
 */
export function cleanMarks(marks, length) {
  if (!Array.isArray(marks)) return [];
  const valid = marks.filter((m) =>
    Array.isArray(m) && Number.isInteger(m[0]) && Number.isInteger(m[1]) &&
    m[0] >= 0 && m[0] < m[1] && m[1] <= length);
  valid.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const clean = [];
  for (const [start, end] of valid) {
    if (clean.length && start < clean[clean.length - 1][1]) continue;
    clean.push([start, end]);
  }
  return clean;
}

/** Clip clean marks to the window [from, to) of their text and shift them to window offsets. */
export function sliceMarks(marks, from, to) {
  const out = [];
  for (const [start, end] of marks) {
    const s = Math.max(start, from);
    const e = Math.min(end, to);
    if (s < e) out.push([s - from, e - from]);
  }
  return out;
}

/** Append `text` to `parent` with each valid mark wrapped in <mark>; returns the number of marks. */
export function renderMarked(parent, text, marks) {
  const doc = parent.ownerDocument;
  const str = typeof text === 'string' ? text : String(text ?? '');
  let at = 0;
  let count = 0;
  for (const [start, end] of cleanMarks(marks, str.length)) {
    if (start > at) parent.append(doc.createTextNode(str.slice(at, start)));
    const mark = doc.createElement('mark');
    mark.textContent = str.slice(start, end);
    parent.append(mark);
    at = end;
    count++;
  }
  if (at < str.length) parent.append(doc.createTextNode(str.slice(at)));
  return count;
}

/**
 * Keep only well-formed spans ({ start, end, ... }) for a text of `length`: integer bounds inside
 * it, sorted, dropping any that overlap an earlier (or longer, at the same start) one.
 */
export function cleanSpans(spans, length) {
  if (!Array.isArray(spans)) return [];
  const valid = spans.filter((s) => s && Number.isInteger(s.start) && Number.isInteger(s.end) &&
    s.start >= 0 && s.start < s.end && s.end <= length);
  valid.sort((a, b) => a.start - b.start || b.end - a.end);
  const clean = [];
  for (const span of valid) {
    if (clean.length && span.start < clean[clean.length - 1].end) continue;
    clean.push(span);
  }
  return clean;
}

/**
 * Append `text` to `parent` in two layers: spans ({ start, end, node }, each `node` an element
 * the caller made, e.g. a link to an entity, which receives its slice of the text) and the
 * query `marks` (<mark>). Where one contains the other they nest either way round
 * (<a><mark>Kellogg</mark></a> or <mark><a>Kellogg</a>’s</mark>). Where they only overlap, a
 * mark stays whole and the span is split in two (a copy of its node continues inside or after
 * the mark), so every <mark> is one whole match. Offsets are UTF-16. Returns { marks }.
 */
export function renderSpans(parent, text, spans, marks) {
  const str = typeof text === 'string' ? text : String(text ?? '');
  const queue = [
    ...cleanSpans(spans, str.length).map((s) => ({ start: s.start, end: s.end, node: s.node, children: [] })),
    ...cleanMarks(marks, str.length).map(([start, end]) => ({ start, end, mark: true, children: [] })),
  ];
  const order = (a, b) => a.start - b.start || b.end - a.end || (a.mark ? 1 : 0) - (b.mark ? 1 : 0);
  const enqueue = (item, after) => {
    const at = queue.findIndex((other, j) => j > after && order(item, other) < 0);
    queue.splice(at === -1 ? queue.length : at, 0, item);
  };
  queue.sort(order);
  const root = { start: 0, end: str.length, children: [] };
  const stack = [root];
  for (let i = 0; i < queue.length; i++) {
    const item = queue[i];
    while (stack.length > 1 && stack[stack.length - 1].end <= item.start) stack.pop();
    let top = stack[stack.length - 1];
    if (item.end > top.end && item.mark) {
      // A mark running past the end of a span: the span ends where the mark starts, and
      // the rest of it (a copy of its node) goes inside the mark.
      enqueue({ start: item.start, end: top.end, node: top.node.cloneNode(false), children: [] }, i);
      top.end = item.start;
      stack.pop();
      top = stack[stack.length - 1];
    } else if (item.end > top.end) {
      // A span running past the end of a mark: the rest of it follows the mark.
      enqueue({ ...item, start: top.end, node: item.node.cloneNode(false), children: [] }, i);
      item.end = top.end;
    }
    top.children.push(item);
    stack.push(item);
  }
  return { marks: build(parent, str, root) };
}

/** Append `node`'s text [start, end) with its children as elements; returns the number of marks. */
function build(parent, str, node) {
  const doc = parent.ownerDocument;
  let at = node.start;
  let count = 0;
  for (const child of node.children) {
    if (child.start > at) parent.append(doc.createTextNode(str.slice(at, child.start)));
    const element = child.mark ? doc.createElement('mark') : child.node;
    if (child.mark) count++;
    count += build(element, str, child);
    parent.append(element);
    at = child.end;
  }
  if (node.end > at) parent.append(doc.createTextNode(str.slice(at, node.end)));
  return count;
}
