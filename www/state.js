// View state <-> URL hash. The whole view lives in the hash so every view is a link:
//   #q=kellogg                          results for "kellogg"
//   #q=kellogg&doc=003_3ddd5eb3ece5e1af  that document, with "kellogg" marked

/** Parse a location hash ("#q=…&doc=…") into { query, doc }. */
export function parseHash(hash) {
  const params = new URLSearchParams(String(hash || '').replace(/^#/, ''));
  return { query: params.get('q') ?? '', doc: params.get('doc') || null };
}

/** The hash for a state ("#q=…&doc=…"), or "" for the empty state. */
export function hashFor({ query = '', doc = null }) {
  const params = new URLSearchParams();
  if (query.trim()) params.set('q', query);
  if (doc) params.set('doc', doc);
  const text = params.toString();
  return text ? `#${text}` : '';
}

/** True if two states describe the same view. */
export function sameState(a, b) {
  return a.query.trim() === b.query.trim() && (a.doc || null) === (b.doc || null);
}
