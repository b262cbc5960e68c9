// Relevance metrics of one ranking against one judged set, and their means per kind.
// Definitions (also in README.md): K = 10.
//   P@10      |top 10 ∩ relevant| / 10  (a ranking shorter than 10 still divides by 10; a repeated id counts once)
//   R@10      |top 10 ∩ relevant| / |relevant|
//   R@all     |whole ranking ∩ relevant| / |relevant|  (used for the exclusion kind, whose sets are large)
//   MRR       1 / rank of the first relevant result, 0 if none in the ranking (mean over queries)
//   exact     1 if the top |relevant| results are exactly the relevant set (order free), else 0
//             (for exclusion: the whole ranking is exactly the relevant set)

export const K = 10;

/** Every metric of one query. ranking: ids best first; relevant: array or Set of ids. */
export function scoreQuery(ranking, relevant, { all = false } = {}) {
  const rel = relevant instanceof Set ? relevant : new Set(relevant);
  const top = ranking.slice(0, K);
  const hits = new Set(top.filter((id) => rel.has(id))).size; // an id repeated counts once
  const firstRel = ranking.findIndex((id) => rel.has(id));
  const head = all ? ranking : ranking.slice(0, rel.size);
  const headSet = new Set(head);
  const exact = rel.size > 0 && head.length === rel.size && headSet.size === rel.size && head.every((id) => rel.has(id));
  const recallAll = rel.size ? [...new Set(ranking)].filter((id) => rel.has(id)).length / rel.size : 0;
  return {
    p10: hits / K,
    r10: rel.size ? hits / rel.size : 0,
    rAll: recallAll,
    mrr: firstRel < 0 ? 0 : 1 / (firstRel + 1),
    exact: exact ? 1 : 0,
    // the recall shown in tables: R@all for exclusion sets, R@10 otherwise
    recall: all ? recallAll : (rel.size ? hits / rel.size : 0),
  };
}

/** Means of each metric over a list of per-query scores. */
export function mean(scores) {
  const keys = ['p10', 'r10', 'rAll', 'mrr', 'exact', 'recall'];
  const out = Object.fromEntries(keys.map((k) => [k, 0]));
  if (!scores.length) return { ...out, n: 0 };
  for (const s of scores) for (const k of keys) out[k] += s[k];
  for (const k of keys) out[k] /= scores.length;
  return { ...out, n: scores.length };
}

/** The words of a text as the exclusion kind sees them: lower case, letters/digits, curly
 * apostrophes folded, diacritics removed. */
export const words = (text) => text.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[\u2018\u2019]/g, "'")
  .match(/[a-z0-9]+(?:'[a-z]+)?/g) ?? [];

/** The relevant set of an exclusion-only query `-w`: every document none of whose title/text
 * words is w or an inflection/possessive of it (w, ws, wes, wed, wing, w's). */
export function exclusionSet(docs, w) {
  const bad = new Set([w, `${w}s`, `${w}es`, `${w}ed`, `${w}ing`, `${w}'s`]);
  return new Set(docs.filter((d) => !words(`${d.title} ${d.text}`).some((x) => bad.has(x))).map((d) => d.id));
}
