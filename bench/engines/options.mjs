// How the anchors are configured and asked, shared by the Node adapters (engines/*.mjs) and
// the in-page ones (browser/engines/*.js, served under /engines/): no Node imports here.

/** Results taken per query. */
export const TOP = 10;

/** A phrase without its quotes (for engines without phrase search: its words ANDed). */
export const unquote = (query) => query.replace(/["\u201c\u201d]/g, '').trim();

/** MiniSearch 7: fields title + text, title boosted 3x, title stored; per kind, how its docs
 * say to run it (no phrase search: a phrase runs as AND of its words). */
export const MINISEARCH = {
  options: { fields: ['title', 'text'], storeFields: ['title'], searchOptions: { boost: { title: 3 } } },
  kinds: {
    single: { combineWith: 'AND' },
    multi: { combineWith: 'AND' },
    phrase: { combineWith: 'AND' },
    typo: { combineWith: 'AND', fuzzy: 0.2 },
    prefix: { combineWith: 'AND', prefix: true },
  },
};

/** FlexSearch 0.8: a Document index on title + text, tokenize "forward", title stored; words
 * ANDed by default, results per field merged by id. */
export const FLEXSEARCH = {
  options: { tokenize: 'forward', document: { id: 'id', index: ['title', 'text'], store: ['title'] } },
  search: { limit: TOP, merge: true, enrich: true },
};
