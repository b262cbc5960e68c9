// Small text helpers shared by the views. Pure functions, no DOM.

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeZone: 'UTC' });

/** "2025-08-29" -> a short localised date ("Aug 29, 2025"); anything else is returned as is. */
export function formatDate(date) {
  const m = DATE.exec(date || '');
  if (!m) return String(date || '');
  const value = new Date(Date.UTC(+m[1], +m[2] - 1, +m[3]));
  return Number.isNaN(value.getTime()) ? date : dateFormat.format(value);
}

/**
 * The count line: "3 documents match “kellogg”", "1 document matches …", "No documents match …";
 * with `partial` (no document has every word) "2 documents match some of …".
 */
export function countLine(total, query, partial = false) {
  const q = `${partial ? 'some of ' : ''}“${query.trim()}”`;
  if (!total) return `No documents match ${q}`;
  if (total === 1) return `1 document matches ${q}`;
  return `${total.toLocaleString()} documents match ${q}`;
}

/** The URL object if `url` is an absolute http(s) URL, else null (never link anything else). */
export function httpUrl(url) {
  if (typeof url !== 'string' || !/^https?:\/\//i.test(url.trim())) return null;
  try {
    const parsed = new URL(url.trim());
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed : null;
  } catch {
    return null;
  }
}

/** "www.example.com" -> "example.com", for a compact source label. */
export function siteName(parsed) {
  return parsed.hostname.replace(/^www\./, '');
}
