// Where the wasm bytes come from. Served as a folder, the page fetches pkg/dossier_bg.wasm
// next to this file. scripts/single-file.mjs replaces this module with one that decodes the
// wasm embedded in dist/dossier.html, so the same engine.js runs in both builds.

/** The `module_or_path` to instantiate the core from (a URL here; bytes in the single file). */
export async function wasmSource() {
  return new URL('./pkg/dossier_bg.wasm', import.meta.url);
}
