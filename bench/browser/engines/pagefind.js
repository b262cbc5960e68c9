// Pagefind in the page: its own pagefind.js (search runs in its web worker, as by default).
// A query is search(q) then data() of the top 10 (each fetches the page's fragment: title,
// url, excerpt with <mark>s). Pagefind keeps every index chunk and fragment it has fetched
// in memory, so after a query's first run nothing more is fetched for it.
const BUNDLE = '/pagefind-site/pagefind/pagefind.js';
let pagefind;
let last;
export const name = 'Pagefind';
export const version = '';
export const async = true;

/** Loads pagefind.js and its wasm, and the index's meta file (what init() fetches). */
export async function build() {
  const t0 = performance.now();
  pagefind = await import(BUNDLE);
  await pagefind.init();
  return { loadMs: performance.now() - t0 };
}

/** The article id from a result url ("/a/<id>.html"). */
export const idOf = (url) => decodeURIComponent(url.replace(/^.*\/a\//, '').replace(/\.html$/, ''));

// Quoted phrases are exact phrases in Pagefind; other queries are passed as typed.
export async function search(kind, query) {
  last = await pagefind.search(query);
  const data = await Promise.all(last.results.slice(0, 10).map((r) => r.data()));
  return data.map((d) => idOf(d.url));
}
export const lastInfo = () => ({ total: last.results.length });

export const diagnostics = {
  'search() only (no data())': async (kind, query) => (await pagefind.search(query)).results.slice(0, 10).map((r) => r.id),
};
