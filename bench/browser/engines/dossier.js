// Dossier in the page: the site's own wasm (bench/out/dist/pkg), called as engines/dossier.mjs calls it.
let wasm;
let last;
export const name = 'Dossier';
export const version = '';

/** Fetches, compiles and instantiates the wasm (index embedded): that is its load time. */
export async function build() {
  const t0 = performance.now();
  wasm = await import('/dist/pkg/dossier.js');
  await wasm.default({ module_or_path: new URL('/dist/pkg/dossier_bg.wasm', location.href) });
  return { loadMs: performance.now() - t0, documents: wasm.info().documents };
}

const text = (kind, query) => (kind === 'prefix' ? query : `${query} `);

export function search(kind, query) {
  last = wasm.search(text(kind, query), { limit: 10, facetLimit: 0 });
  return last.results.map((r) => r.id);
}
export const lastInfo = () => ({ total: last.total, partial: last.partial });
