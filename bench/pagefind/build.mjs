// Pagefind 1.x as an anchor: renders the corpus as one HTML page per article (title as <h1>,
// text in <p>s, inside data-pagefind-body), runs the Pagefind indexer from the npm package on
// it (its own process, under /usr/bin/time -v: wall time and peak RSS) and measures the bundle.
//   node bench/pagefind/build.mjs [CORPUS.jsonl]   writes bench/out/pagefind-site/ and bench/out/pagefind.json
import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { sizes } from '../engines/common.mjs';

const BENCH = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const SITE = path.join(BENCH, 'out/pagefind-site');
const corpus = path.resolve(process.argv[2] ?? path.join(BENCH, 'out/newsarticles.jsonl'));
// Installed by run.sh into bench/out/pagefind-npm (not in package.json: see run.sh).
const NPM = path.join(BENCH, 'out/pagefind-npm');
const version = JSON.parse(fs.readFileSync(path.join(NPM, 'node_modules/pagefind/package.json'), 'utf8')).version;

// The platform binary the npm package would run (its bin wrapper adds a Node process around it).
const require = createRequire(path.join(NPM, 'node_modules/pagefind/package.json'));
const binary = path.join(path.dirname(require.resolve(`@pagefind/${process.platform}-${process.arch}/package.json`)), 'bin/pagefind_extended');

const esc = (s) => String(s).replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]);
/** The file name of an article's page (ids are plain; anything else becomes "_"). */
export const pageName = (id) => `${String(id).replace(/[^A-Za-z0-9._-]/g, '_')}.html`;

function render(docs) {
  fs.rmSync(SITE, { recursive: true, force: true });
  fs.mkdirSync(path.join(SITE, 'a'), { recursive: true });
  for (const { id, title, text } of docs) {
    const paras = text.split(/\n+/).map((p) => p.trim()).filter(Boolean).map((p) => `<p>${esc(p)}</p>`).join('\n');
    fs.writeFileSync(path.join(SITE, 'a', pageName(id)), `<!doctype html>\n<html lang="en"><head><meta charset="utf-8">` +
      `<title>${esc(title)}</title></head>\n<body><main data-pagefind-body>\n<h1>${esc(title)}</h1>\n${paras}\n</main></body></html>\n`);
  }
}

/** Every file under dir, [relative path, bytes]. */
// Pagefind writes its pf_* files and wasm gzip-compressed already: a host serves them as they
// are (compressing them again gains nothing), so their raw size is also their gzip/brotli size.
const GZIPPED = (bytes) => bytes[0] === 0x1f && bytes[1] === 0x8b;
const served = (...buffers) => {
  const plain = buffers.filter((b) => !GZIPPED(b));
  const packed = buffers.filter(GZIPPED).reduce((n, b) => n + b.length, 0);
  const s = sizes(...plain);
  return { raw: s.raw + packed, gzip: s.gzip + packed, brotli: s.brotli + packed, precompressed: packed };
};

const walk = (dir) => fs.readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile())
  .map((e) => path.join(e.parentPath ?? e.path, e.name)).map((f) => [path.relative(dir, f), fs.readFileSync(f)]);

// What each kind of file in the bundle is for (Pagefind's names: pf_* files are gzip inside).
const PART = [
  [/\.pf_fragment$/, 'fragments (one per page: text for excerpts, title, url)'],
  [/\.pf_index$/, 'index chunks (words → pages, positions)'],
  [/\.pf_meta$/, 'meta (chunk ranges, page list)'],
  [/\.json$/, 'entry (pagefind-entry.json)'],
  [/\.pf_filter$/, 'filters'],
  [/\.pagefind$/, 'search wasm'],
  [/\.js$/, 'JavaScript (pagefind.js, UI)'],
  [/\.css$/, 'UI CSS'],
];

export function build() {
  const docs = fs.readFileSync(corpus, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l))
    .filter((d) => (d.text ?? '').trim() !== ''); // the 3,788 Dossier indexes
  render(docs);
  const t0 = process.hrtime.bigint();
  const run = spawnSync('/usr/bin/time', ['-v', binary, '--site', SITE, '--output-subdir', 'pagefind', '--force-language', 'en', '--quiet'],
    { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  const buildMs = Number(process.hrtime.bigint() - t0) / 1e6;
  if (run.status !== 0) throw new Error(`pagefind failed: ${run.stdout}\n${run.stderr}`);
  const rssKb = Number(run.stderr.match(/Maximum resident set size \(kbytes\): (\d+)/)[1]);
  const files = walk(path.join(SITE, 'pagefind'));
  const parts = {};
  for (const [rel, bytes] of files) {
    const label = PART.find(([re]) => re.test(rel))?.[1] ?? 'other';
    (parts[label] ??= { files: 0, buffers: [] }).files++;
    parts[label].buffers.push(bytes);
  }
  const all = files.map(([, b]) => b);
  const html = walk(path.join(SITE, 'a')).map(([, b]) => b);
  return {
    name: 'Pagefind', version, documents: docs.length, buildMs, buildPeakRssBytes: rssKb * 1024,
    binary: path.basename(binary),
    html: { files: html.length, raw: html.reduce((n, b) => n + b.length, 0) },
    bundle: { files: all.length, ...served(...all) },
    parts: Object.fromEntries(Object.entries(parts).map(([k, { files: n, buffers }]) => [k, { files: n, ...served(...buffers) }])),
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  console.error(`bench: Pagefind ${version}: rendering ${corpus} and indexing it`);
  const result = build();
  fs.writeFileSync(path.join(BENCH, 'out/pagefind.json'), JSON.stringify(result, null, 1) + '\n');
  console.error(`bench: Pagefind built in ${(result.buildMs / 1000).toFixed(2)} s, ${result.bundle.files} files, ` +
    `${(result.bundle.raw / 1e6).toFixed(2)} MB (brotli ${(result.bundle.brotli / 1e6).toFixed(2)} MB)`);
}
