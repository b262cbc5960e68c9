// Builds every engine on the corpus, times every query of bench/queries.json on each, and
// writes bench/out/results.json, the results section of bench/README.md, and the table to stdout.
//   node --expose-gc bench/measure.mjs [CORPUS.jsonl] [--engines dossier,minisearch,flexsearch] [--no-readme]
//   node bench/measure.mjs --render     only rewrite the README section from bench/out/results.json
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { renderExtra } from './report.mjs';

const BENCH = path.dirname(new URL(import.meta.url).pathname);
const args = process.argv.slice(2);
const opt = (name, dflt) => { const i = args.indexOf(`--${name}`); return i < 0 ? dflt : args[i + 1]; };
const positional = args.filter((a, i) => !a.startsWith('--') && args[i - 1] !== '--engines');
const corpus = path.resolve(positional[0] ?? path.join(BENCH, 'out/newsarticles.jsonl'));
const ENGINES = opt('engines', 'dossier,minisearch,flexsearch').split(',');
const MIN_MS = 50; // per query: repeat until this much time has passed...
const MIN_REPS = 5; // ...and at least this many runs
const ROUNDS = 3; // all of that ROUNDS times, the median of the rounds' means kept (steadier on a busy machine)

const now = () => Number(process.hrtime.bigint()) / 1e6;
const gc = () => globalThis.gc?.();

// --- inputs --------------------------------------------------------------------------------
const { kinds } = JSON.parse(fs.readFileSync(path.join(BENCH, 'queries.json'), 'utf8'));
// The articles Dossier indexes: it skips the 36 with an empty text, so the anchors do too.
const docs = args.includes('--render') ? [] : fs.readFileSync(corpus, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l))
  .filter((d) => (d.text ?? '').trim() !== '');

// --- timing --------------------------------------------------------------------------------
function safeSearch(engine, kind, query) {
  try {
    return { ids: engine.search(kind, query) };
  } catch (e) {
    return { ids: [], error: String(e.message ?? e) };
  }
}

/** Mean milliseconds of one call, repeated until MIN_MS have passed and MIN_REPS were run. */
function meanMs(fn) {
  let reps = 0;
  const t0 = now();
  let elapsed;
  do {
    fn();
    reps++;
    elapsed = now() - t0;
  } while (elapsed < MIN_MS || reps < MIN_REPS);
  return { ms: elapsed / reps, reps };
}

const quantile = (values, q) => {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.max(0, Math.ceil(q * s.length) - 1)];
};

async function load(key) {
  const engine = await import(path.join(BENCH, 'engines', `${key}.mjs`));
  gc();
  console.error(`bench: building ${engine.name} ${engine.version} on ${docs.length} articles`);
  const build = await engine.build(docs, { corpus });
  gc();
  return { engine, build };
}

const summary = (queries) => {
  const times = queries.map((q) => q.ms);
  return {
    median: quantile(times, 0.5),
    p95: quantile(times, 0.95),
    withResults: queries.filter((q) => q.results > 0).length,
    medianTotal: queries.every((q) => q.total != null) ? quantile(queries.map((q) => q.total), 0.5) : null,
    partial: queries.filter((q) => q.partial).length,
    errors: queries.filter((q) => q.error).length,
    count: queries.length,
    queries,
  };
};

/** Times every query on every engine, engines interleaved query by query, so that a burst
 * of load on the machine hits them alike. Diagnostics (extra ways to call an engine) too. */
function runAll(loaded) {
  const runs = loaded.flatMap(({ engine }) => [
    { engine, key: engine.name, search: (kind, q) => safeSearch(engine, kind, q) },
    ...Object.entries(engine.diagnostics ?? {}).map(([label, fn]) => ({
      engine, key: `${engine.name}: ${label}`, diagnostic: true, search: (kind, q) => safeSearch({ search: fn }, kind, q),
    })),
  ]);
  for (const run of runs) for (const [kind, qs] of Object.entries(kinds)) for (const q of qs) run.search(kind, q); // warm-up
  const perRun = Object.fromEntries(runs.map((r) => [r.key, {}]));
  for (const [kind, qs] of Object.entries(kinds)) {
    console.error(`bench: timing ${kind} queries`);
    for (const run of runs) {
      perRun[run.key][kind] = qs.map((query) => {
        const { ids, error } = run.search(kind, query);
        const extra = run.engine.lastInfo?.() ?? {};
        return { query, rounds: [], reps: 0, results: ids.length, top: ids.slice(0, 3), ...extra, ...(error && { error }) };
      });
    }
    for (let round = 0; round < ROUNDS; round++) {
      qs.forEach((query, i) => {
        for (const run of runs) {
          const { ms, reps } = meanMs(() => run.search(kind, query));
          const q = perRun[run.key][kind][i];
          q.rounds.push(ms);
          q.reps += reps;
        }
      });
    }
    for (const run of runs) for (const q of perRun[run.key][kind]) q.ms = quantile(q.rounds, 0.5);
  }
  const kindsOf = (key) => Object.fromEntries(Object.entries(perRun[key]).map(([k, qs]) => [k, summary(qs)]));
  return {
    engines: loaded.map(({ engine, build }) => ({
      name: engine.name, version: engine.version, notes: engine.notes, build, kinds: kindsOf(engine.name),
    })),
    diagnostics: runs.filter((r) => r.diagnostic).map((r) => ({ name: r.key, kinds: kindsOf(r.key) })),
  };
}

// --- machine -------------------------------------------------------------------------------
function machine() {
  const sh = (cmd, a) => { try { return execFileSync(cmd, a, { encoding: 'utf8' }).trim(); } catch { return '?'; } };
  const osName = (fs.readFileSync('/etc/os-release', 'utf8').match(/PRETTY_NAME="(.+)"/) ?? [])[1] ?? os.type();
  return {
    cpu: os.cpus()[0].model,
    cores: os.cpus().length,
    memoryGiB: +(os.totalmem() / 2 ** 30).toFixed(1),
    os: `${osName}, Linux ${os.release()}`,
    node: process.version,
    rustc: sh('rustc', ['--version']),
  };
}

// --- report --------------------------------------------------------------------------------
const ms = (x) => (x == null ? '–' : x < 0.01 ? x.toFixed(4) : x < 1 ? x.toFixed(3) : x < 100 ? x.toFixed(2) : x.toFixed(0));
const ratio = (a, b) => {
  if (a == null || b == null || b === 0) return '–';
  const r = a / b;
  return `${r < 0.01 ? '<0.01' : r < 10 ? r.toFixed(2) : r.toFixed(0)}×`;
};
const mb = (n) => (n == null ? '–' : n >= 1e6 ? `${(n / 1e6).toFixed(2)} MB` : `${(n / 1e3).toFixed(1)} KB`);
const secs = (x) => (x == null ? '–' : `${(x / 1000).toFixed(2)} s`);
const loadavg = (l) => l.map((x) => x.toFixed(2)).join(' ');

function latencyTable(results, lines) {
  const by = Object.fromEntries(results.engines.map((e) => [e.name, e]));
  const [D, M, F] = [by.Dossier, by.MiniSearch, by.FlexSearch];
  const names = results.engines.map((e) => e.name);
  lines.push(`| kind | ${names.join(' | ')} | Dossier ÷ MiniSearch | Dossier ÷ FlexSearch | with results (${names.join(' / ')}) |`);
  lines.push(`|---|${names.map(() => '---:').join('|')}|---:|---:|---|`);
  for (const kind of Object.keys(results.queries)) {
    const cell = (e) => `${ms(e.kinds[kind].median)} / ${ms(e.kinds[kind].p95)}`;
    const counts = results.engines.map((e) => {
      const k = e.kinds[kind];
      return `${k.withResults}${k.partial ? ` (${k.partial} partial)` : ''}${k.errors ? ` (${k.errors} errors)` : ''}`;
    }).join(' / ');
    lines.push(`| ${kind} (${results.queries[kind].length}) | ${results.engines.map(cell).join(' | ')} | ` +
      `${ratio(D?.kinds[kind].median, M?.kinds[kind].median)} | ${ratio(D?.kinds[kind].median, F?.kinds[kind].median)} | ${counts} |`);
  }
  if (!(D && M && F)) return;
  // A kind counts only when Dossier answers as many queries as MiniSearch: finding nothing is fast.
  const kindNames = Object.keys(results.queries);
  const unanswered = kindNames.filter((k) => D.kinds[k].withResults < M.kinds[k].withResults);
  const slower = kindNames.filter((k) => !unanswered.includes(k) && D.kinds[k].median >= M.kinds[k].median);
  const single = D.kinds.single.median / F.kinds.single.median;
  const met = !slower.length && !unanswered.length;
  lines.push('', '**Targets.** Faster than MiniSearch on every kind: ' + (met ? '**met**' : '**not met**') +
    (slower.length ? ` (slower on ${slower.join(', ')})` : '') +
    (unanswered.length ? ` (${unanswered.map((k) => `${k}: Dossier answered ${D.kinds[k].withResults} of ${D.kinds[k].count} queries, MiniSearch ${M.kinds[k].withResults}`).join('; ')}, so its time there does not count)` : '') +
    `. Single term within 2× of FlexSearch: ${single <= 2 ? '**met**' : '**not met**'} (${ratio(D.kinds.single.median, F.kinds.single.median)}).`);
}

function render(results) {
  const m = results.machine;
  const lines = [];
  lines.push(`Run ${results.date} by \`bench/run.sh\` on ${m.cpu}, ${m.cores} cores, ${m.memoryGiB} GiB; ${m.os}; ` +
    `Node ${m.node}; ${m.rustc}. ${results.documents} articles; ` +
    results.engines.map((e) => `${e.name} ${e.version}`).join(', ') + '. ' +
    `Load average before / after the timings: ${loadavg(results.loadAverage.before)} / ${loadavg(results.loadAverage.after)}.`);
  lines.push('', '### Query latency', '',
    `Milliseconds per query (mean of ≥${MIN_REPS} runs and ≥${MIN_MS} ms, the median of ${ROUNDS} such rounds), median / p95 over the queries of each kind; ` +
    'ratios are of medians (below 1× = Dossier faster). "with results": queries that returned at least one result ' +
    '("partial": Dossier found no document with every word and showed the closest ones).', '');
  latencyTable(results, lines);
  const totals = results.engines.filter((e) => Object.values(e.kinds).every((k) => k.medianTotal != null));
  if (totals.length) {
    lines.push('', '### Matches found', '', 'Median over the queries of each kind of how many articles matched in all (engines that report it):', '',
      `| kind | ${totals.map((e) => e.name).join(' | ')} |`, `|---|${totals.map(() => '---:').join('|')}|`);
    for (const kind of Object.keys(results.queries)) lines.push(`| ${kind} | ${totals.map((e) => e.kinds[kind].medianTotal).join(' | ')} |`);
  }
  const D = results.engines.find((e) => e.name === 'Dossier');
  if (D && results.diagnostics.length) {
    lines.push('', '### Where Dossier\'s time goes', '', 'The same queries, median / p95 ms:', '',
      `| kind | Dossier (top 10) | ${results.diagnostics.map((d) => d.name).join(' | ')} |`,
      `|---|---:|${results.diagnostics.map(() => '---:').join('|')}|`);
    for (const kind of Object.keys(results.queries)) {
      const cell = (k) => `${ms(k.median)} / ${ms(k.p95)}`;
      lines.push(`| ${kind} | ${cell(D.kinds[kind])} | ${results.diagnostics.map((d) => cell(d.kinds[kind])).join(' | ')} |`);
    }
  }
  lines.push('', '### Build and index size', '',
    'Build: Dossier\'s native indexer (`dossier build`, its own process: wall time and peak RSS, reading the JSONL and ' +
    'writing the index); the anchors\' in-process indexing of the already parsed articles. Load: instantiating the wasm ' +
    '(Dossier) or restoring the serialized index (MiniSearch `loadJSON`, FlexSearch `import`). ' +
    'Sizes: gzip -9 and brotli 11; FlexSearch\'s export is several files, each compressed on its own.', '');
  lines.push('| engine | what | build | load | raw | gzip | brotli |', '|---|---|---:|---:|---:|---:|---:|');
  for (const e of results.engines) {
    const b = e.build;
    const rss = b.buildPeakRssBytes ? ` (peak RSS ${mb(b.buildPeakRssBytes)})` : '';
    const row = (what, s, first) => lines.push(`| ${first ? e.name : ''} | ${what} | ${first ? secs(b.buildMs) + rss : ''} | ` +
      `${first ? `${ms(b.loadMs)} ms` : ''} | ${mb(s.raw)} | ${mb(s.gzip)} | ${mb(s.brotli)} |`);
    if (e.name === 'Dossier') {
      row('index `index.dsr`', b.index, true);
      row('whole wasm (index embedded)', b.wasm, false);
      row('JS glue `dossier.js`', b.glue, false);
    } else {
      row(e.name === 'MiniSearch' ? '`JSON.stringify(index)`' : `\`export()\` (${b.chunks} files)`, b.index, true);
    }
  }
  if (results.siteBuildMs) {
    lines.push('', `The whole \`build.sh\` of the Dossier site (index, wasm compile, wasm-opt; cargo's cache as it was): ${secs(results.siteBuildMs)}.`);
  }
  if (D) {
    const slow = Object.entries(D.kinds).flatMap(([kind, k]) => k.queries.map((q) => ({ kind, ...q })))
      .sort((a, b) => b.ms - a.ms).slice(0, 5);
    lines.push('', '### Dossier\'s slowest queries', '', '| kind | query | ms | results (articles matched) |', '|---|---|---:|---:|');
    for (const q of slow) lines.push(`| ${q.kind} | \`${q.query}\` | ${ms(q.ms)} | ${q.results} (${q.total ?? '–'}) |`);
  }
  lines.push(...renderExtra(results)); // index by part, Pagefind, Chromium (from their own JSON files)
  return lines.join('\n');
}

// --- main ----------------------------------------------------------------------------------
const RESULTS = path.join(BENCH, 'out/results.json');
let results;
if (args.includes('--render')) {
  results = JSON.parse(fs.readFileSync(RESULTS, 'utf8')); // re-render the last run
} else {
  results = {
    date: new Date().toISOString().slice(0, 10),
    machine: machine(),
    corpus: path.basename(corpus),
    documents: docs.length,
    siteBuildMs: process.env.BENCH_SITE_BUILD_MS ? Number(process.env.BENCH_SITE_BUILD_MS) : undefined,
    timing: { minMsPerQuery: MIN_MS, minReps: MIN_REPS, rounds: ROUNDS, top: 10 },
    queries: kinds,
  };
  const loaded = [];
  for (const key of ENGINES) loaded.push(await load(key));
  results.loadAverage = { before: os.loadavg() };
  Object.assign(results, runAll(loaded));
  results.loadAverage.after = os.loadavg();
  fs.mkdirSync(path.dirname(RESULTS), { recursive: true });
  fs.writeFileSync(RESULTS, JSON.stringify(results, null, 1) + '\n');
}
const table = render(results);
if (!args.includes('--no-readme')) {
  const readme = path.join(BENCH, 'README.md');
  const text = fs.readFileSync(readme, 'utf8');
  const re = /(<!-- results:start -->)[\s\S]*?(<!-- results:end -->)/;
  if (!re.test(text)) throw new Error('bench/README.md lacks the <!-- results:start/end --> markers');
  fs.writeFileSync(readme, text.replace(re, `$1\n${table}\n$2`));
}
console.log(table);
