// Dossier: the wasm build (bench/out/dist/pkg) with the NewsArticles index embedded.
// Build time is the native indexer's (`dossier build`), timed in a child process with
// /usr/bin/time -v for wall time and peak RSS; the site itself is built by bench/run.sh.
import fs from 'node:fs';
import path from 'node:path';
import { execFileSync, spawnSync } from 'node:child_process';
import { sizes, timed, TOP } from './common.mjs';

const REPO = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../..');
const TARGET = path.join(REPO, process.env.CARGO_TARGET_DIR || 'target/bench');
const PKG = path.join(REPO, 'bench/out/dist/pkg');
const INDEX = path.join(TARGET, 'dossier/index.dsr');

let wasm;
let last = null; // the last response, for result counts

export const name = 'Dossier';
const VERSION_FILE = path.join(REPO, 'bench/out/dist.VERSION'); // written by run.sh after the build
export const version = fs.existsSync(VERSION_FILE) ? fs.readFileSync(VERSION_FILE, 'utf8').trim()
  : execFileSync('git', ['-C', REPO, 'describe', '--always', '--dirty'], { encoding: 'utf8' }).trim();
export const notes = {
  all: 'returns the best excerpt with highlight offsets for each of the top 10',
  single: 'trailing space: whole word (a query ending without space makes its last word a prefix)',
};

function timeIndexer(corpus) {
  const out = path.join(REPO, 'bench/out/dossier-rebuild.dsr');
  const t0 = process.hrtime.bigint();
  const run = spawnSync('/usr/bin/time', ['-v', path.join(TARGET, 'release/dossier'), 'build', corpus, '-o', out],
    { encoding: 'utf8', stdio: ['ignore', 'ignore', 'pipe'] });
  if (run.status !== 0) throw new Error(`dossier build failed: ${run.stderr}`);
  const report = run.stderr;
  const buildMs = Number(process.hrtime.bigint() - t0) / 1e6;
  const rssKb = Number(report.match(/Maximum resident set size \(kbytes\): (\d+)/)[1]);
  return { buildMs, buildPeakRssBytes: rssKb * 1024 };
}

export async function build(_docs, { corpus }) {
  const built = timeIndexer(corpus);
  fs.writeFileSync(path.join(PKG, 'package.json'), '{"type":"module"}\n');
  const bytes = fs.readFileSync(path.join(PKG, 'dossier_bg.wasm'));
  const [, loadMs] = await timed(async () => {
    wasm = await import(path.join(PKG, 'dossier.js'));
    await wasm.default({ module_or_path: bytes });
    return wasm.info();
  });
  return {
    ...built,
    loadMs,
    info: wasm.info(),
    index: sizes(fs.readFileSync(INDEX)),
    wasm: sizes(bytes),
    glue: sizes(fs.readFileSync(path.join(PKG, 'dossier.js'))),
  };
}

// Query syntax does each kind itself: "quoted" phrases, fuzzy matching of every word, and
// a prefix on the last word when the query does not end in a space. Like the anchors, the
// headline call asks for no entity facets (facetLimit 0); it still builds 10 excerpts.
const text = (kind, query) => (kind === 'prefix' ? query : `${query} `);

export function search(kind, query) {
  last = wasm.search(text(kind, query), { limit: TOP, facetLimit: 0 });
  return last.results.map((r) => r.id);
}

/** Other ways to call it, timed alongside to show where the time goes. */
export const diagnostics = {
  'top 1 (one excerpt)': (kind, query) => wasm.search(text(kind, query), { limit: 1, facetLimit: 0 }).results.map((r) => r.id),
  'top 10 + entity facets (what the page asks)': (kind, query) => wasm.search(text(kind, query), { limit: TOP }).results.map((r) => r.id),
};

/** Extra facts about the last response: total hits, and whether it was a partial match. */
export const lastInfo = () => ({ total: last.total, partial: last.partial });
