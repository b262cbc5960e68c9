// Small text helpers shared by the views. Pure functions, no DOM.

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MONTH = /^(\d{4})-(\d{2})$/;
const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeZone: 'UTC' });
const monthFormat = new Intl.DateTimeFormat(undefined, { month: 'short', year: 'numeric', timeZone: 'UTC' });

const KIND_NAMES = {
  person: ['Person', 'People'],
  organization: ['Organization', 'Organizations'],
  place: ['Place', 'Places'],
  event: ['Event', 'Events'],
  date: ['Date', 'Dates'],
  other: ['Other', 'Other'],
};

/** "2025-08-29" -> a short localised date ("Aug 29, 2025"); anything else is returned as is. */
export function formatDate(date) {
  const m = DATE.exec(date || '');
  if (!m) return String(date || '');
  const value = new Date(Date.UTC(+m[1], +m[2] - 1, +m[3]));
  return Number.isNaN(value.getTime()) ? date : dateFormat.format(value);
}

/** A timeline period ("2025", "2025-08" or "2025-08-29") as a short label ("Aug 2025"). */
export function formatPeriod(period) {
  const m = MONTH.exec(period || '');
  if (m) return monthFormat.format(new Date(Date.UTC(+m[1], +m[2] - 1, 1)));
  return formatDate(period);
}

/**
 * An entity's name for display: dates (named by their ISO value, "2025-08-29", "2025-08",
 * or a range "2025-08-01/2025-08-31") read as dates; other names as they are.
 */
export function entityLabel(name, kind) {
  const text = String(name ?? '');
  if (kind !== 'date') return text;
  const parts = text.split('/');
  if (!parts.every((p) => /^\d{4}(-\d{2}(-\d{2})?)?$/.test(p))) return text;
  return parts.map(formatPeriod).join(' – ');
}

/** "Person" / "People" for a kind (singular unless `count` is not 1); unknown kinds as given. */
export function kindLabel(kind, count = 1) {
  const names = KIND_NAMES[kind];
  if (!names) return String(kind ?? '');
  return count === 1 ? names[0] : names[1];
}

/** "1 document", "3 documents", with the number localised. */
export function plural(count, one, many = `${one}s`) {
  return `${Number(count).toLocaleString()} ${count === 1 ? one : many}`;
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

/** The count line of a browse (filters, no query): "4 documents", "No documents". */
export function browseLine(total) {
  return total ? `${plural(total, 'document')} match the filters` : 'No documents match the filters';
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

/** `text` cut to at most `max` characters, with "…" when cut. */
export function truncate(text, max) {
  const str = String(text ?? '');
  return str.length <= max ? str : `${str.slice(0, Math.max(1, max - 1)).trimEnd()}…`;
}
