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
