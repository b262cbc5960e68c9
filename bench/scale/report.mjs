#!/usr/bin/env node
// The bookkeeping of bench/scale/run.sh: records one size's measurements, predicts whether
// the next size fits the limits, and renders the results section of bench/scale/README.md.
//
//   node bench/scale/report.mjs --record N CORPUS INDEX GZIP_BYTES BUILD_LOG QUERY_JSON
//   node bench/scale/report.mjs --skip N REASON [BUILD_LOG]
//   node bench/scale/report.mjs --predict N LIMIT_MINUTES LIMIT_GB   (exit 1 and a reason if over)
//   node bench/scale/report.mjs                                       (rewrite the README section)
import fs from 'node:fs';
import path from 'node:path';
import { execSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../..');
const OUT = path.join(root, 'bench/out/scale');
const README = path.join(here, 'README.md');
const KINDS = ['single', 'multi', 'phrase', 'typo', 'prefix'];
const GiB = 2 ** 30;
const U32_LIMIT = 2 ** 32 - 1;

const resultFile = (n) => path.join(OUT, `result-${n}.json`);

function results() {
  if (!fs.existsSync(OUT)) return [];
  return fs
    .readdirSync(OUT)
    .filter((f) => /^result-\d+\.json$/.test(f))
    .map((f) => JSON.parse(fs.readFileSync(path.join(OUT, f), 'utf8')))
    .sort((a, b) => a.docs - b.docs);
}

/** Wall time, peak RSS and DOSSIER_TIMINGS phases from a build's stderr. */
function parseBuildLog(text) {
  const wall = /Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): (?:(\d+):)?(\d+):([\d.]+)/.exec(text);
  const rss = /Maximum resident set size \(kbytes\): (\d+)/.exec(text);
  const phases = [];
  for (const m of text.matchAll(/^ {2}(\S.*?)\s+([\d.]+) s(?:\s+([\d.]+) GB\s+([\d.]+) GB)?\s*$/gm)) {
    if (m[1] === 'total') continue;
    phases.push({ name: m[1], seconds: Number(m[2]), rssGB: m[3] ? Number(m[3]) : null, peakGB: m[4] ? Number(m[4]) : null });
  }
  return {
    buildSeconds: wall ? Number(wall[1] ?? 0) * 3600 + Number(wall[2]) * 60 + Number(wall[3]) : null,
    peakRssBytes: rss ? Number(rss[1]) * 1024 : null,
    phases,
  };
}

function commit() {
  try {
    return execSync('git describe --always --dirty', { cwd: root }).toString().trim();
  } catch {
    return 'unknown';
  }
}

function record([n, corpus, index, gzipBytes, buildLog, queryJson]) {
  const build = parseBuildLog(fs.readFileSync(buildLog, 'utf8'));
  const query = JSON.parse(fs.readFileSync(queryJson, 'utf8'));
  const result = {
    docs: Number(n),
    inputBytes: fs.statSync(corpus).size,
    ...build,
    indexBytes: fs.statSync(index).size,
    gzipBytes: Number(gzipBytes),
    sections: Object.fromEntries(query.sections),
    openMs: query.openMs,
    queries: Object.fromEntries(KINDS.map((k) => [k, query[k]])),
    commit: commit(),
    date: new Date().toISOString().slice(0, 10),
  };
  fs.writeFileSync(resultFile(n), JSON.stringify(result, null, 2) + '\n');
}

function skip([n, reason, buildLog]) {
  const result = { docs: Number(n), skipped: reason, commit: commit(), date: new Date().toISOString().slice(0, 10) };
  if (buildLog && fs.existsSync(buildLog)) Object.assign(result, parseBuildLog(fs.readFileSync(buildLog, 'utf8')));
  fs.writeFileSync(resultFile(n), JSON.stringify(result, null, 2) + '\n');
}

/** Power-law extrapolation from the last two measured sizes below n (linear from one). */
function extrapolate(done, n, key) {
  const pts = done.filter((r) => r[key] != null && r.docs < n).slice(-2);
  if (pts.length === 0) return null;
  if (pts.length === 1) return pts[0][key] * (n / pts[0].docs);
  const [a, b] = pts;
  const k = Math.log(b[key] / a[key]) / Math.log(b.docs / a.docs);
  return b[key] * (n / b.docs) ** Math.max(k, 1);
}

function predict([n, minutes, gb]) {
  n = Number(n);
  const done = results().filter((r) => !r.skipped);
  const seconds = extrapolate(done, n, 'buildSeconds');
  const rss = extrapolate(done, n, 'peakRssBytes');
  const over = [];
  if (seconds != null && seconds > Number(minutes) * 60) over.push(`build predicted ${(seconds / 60).toFixed(0)} min > ${minutes} min`);
  if (rss != null && rss > Number(gb) * GiB) over.push(`peak RSS predicted ${(rss / GiB).toFixed(1)} GiB > ${gb} GiB`);
  // A prediction from two noisy points is rough: only a clear overshoot skips a size (the
  // build's own limits stop the others).
  if (over.length && (seconds > 2 * Number(minutes) * 60 || rss > 2 * Number(gb) * GiB)) {
    console.log(`${over.join('; ')} (power law fitted to the two sizes below; skipped past twice the limit)`);
    process.exit(1);
  }
  console.log('fits');
}

const mb = (b) => (b / 1e6).toFixed(1);
const gib = (b) => (b / GiB).toFixed(2);
const ms = (x) => (x == null ? '–' : x < 10 ? x.toFixed(2) : x.toFixed(1));
const exponent = (a, b, key) => (a[key] > 0 && b[key] > 0 ? Math.log(b[key] / a[key]) / Math.log(b.docs / a.docs) : null);
const fmtExp = (k) => (k == null ? '–' : k.toFixed(2));

function render() {
  const all = results();
  const done = all.filter((r) => !r.skipped);
  const lines = [];
  lines.push(`Measured ${[...new Set(all.map((r) => r.date))].join(', ')} at ${[...new Set(all.map((r) => r.commit))].join(', ')}, on the shared 2-core machine (timings noisy: other builds ran at the same time).`, '');
  lines.push('| docs | JSONL MB | build s | peak RSS GiB | RSS ÷ input | index MB | gzip MB | open ms | single ms | multi ms | phrase ms | typo ms | prefix ms |');
  lines.push('|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
  for (const r of all) {
    if (r.skipped) {
      let note = r.skipped.replace(/; last:.*/, '');
      const phases = r.phases ?? [];
      const last = phases[phases.length - 1];
      if (last) {
        const done = phases.reduce((sum, p) => sum + p.seconds, 0);
        const rss = [...phases].reverse().find((p) => p.rssGB != null)?.rssGB;
        note += `: phases up to “${last.name}” took ${(done / 60).toFixed(1)} min${rss ? ` (RSS ${rss.toFixed(2)} GB)` : ''}; the next one did not end`;
      }
      lines.push(`| ${r.docs.toLocaleString('en')} | ${note} |||||||||||| `);
      continue;
    }
    const q = KINDS.map((k) => ms(r.queries[k]?.medianMs));
    lines.push(
      `| ${r.docs.toLocaleString('en')} | ${mb(r.inputBytes)} | ${r.buildSeconds.toFixed(1)} | ${gib(r.peakRssBytes)} | ${(r.peakRssBytes / r.inputBytes).toFixed(1)}× | ${mb(r.indexBytes)} | ${mb(r.gzipBytes)} | ${ms(r.openMs)} | ${q.join(' | ')} |`,
    );
  }
  lines.push('', 'Query times are medians over the 25 queries of each kind (p95 in `bench/out/scale/result-N.json`); `open ms` reads the file and verifies its checksum.');
  if (done.length >= 2) {
    lines.push('', '**Growth exponents** between consecutive sizes: `k` in time ∝ docs^k (1 = linear, 2 = quadratic).', '');
    const names = [...new Set(done.flatMap((r) => r.phases.map((p) => p.name)))];
    const header = ['docs', 'build', 'peak RSS', 'index', ...names];
    lines.push(`| ${header.join(' | ')} |`, `|${header.map(() => '---:').join('|')}|`);
    for (let i = 1; i < done.length; i++) {
      const [a, b] = [done[i - 1], done[i]];
      const phase = (name) => {
        const pa = a.phases.find((p) => p.name === name);
        const pb = b.phases.find((p) => p.name === name);
        return pa && pb && pa.seconds >= 0.05 ? fmtExp(Math.log(pb.seconds / pa.seconds) / Math.log(b.docs / a.docs)) : '–';
      };
      lines.push(
        `| ${a.docs / 1000}k → ${b.docs / 1000}k | ${fmtExp(exponent(a, b, 'buildSeconds'))} | ${fmtExp(exponent(a, b, 'peakRssBytes'))} | ${fmtExp(exponent(a, b, 'indexBytes'))} | ${names.map(phase).join(' | ')} |`,
      );
    }
    lines.push('', '**Phase times** (seconds; `DOSSIER_TIMINGS=1`), and the process RSS after the adds and after each finish step (GB):', '');
    lines.push(`| phase | ${done.map((r) => `${r.docs / 1000}k s`).join(' | ')} | ${done.map((r) => `${r.docs / 1000}k RSS`).join(' | ')} |`);
    lines.push(`|---|${done.map(() => '---:').join('|')}|${done.map(() => '---:').join('|')}|`);
    for (const name of names) {
      const s = done.map((r) => r.phases.find((p) => p.name === name)?.seconds?.toFixed(2) ?? '–');
      const m = done.map((r) => r.phases.find((p) => p.name === name)?.rssGB?.toFixed(2) ?? '');
      lines.push(`| ${name} | ${s.join(' | ')} | ${m.join(' | ')} |`);
    }
  }
  if (done.length) {
    const big = done[done.length - 1];
    lines.push('', `**Where the u32 offsets bite** (from the ${big.docs.toLocaleString('en')}-document index: bytes per document, and the corpus size at which the section — or the whole file, whose table of contents holds u32 offsets — reaches 4 GiB):`, '');
    lines.push('| section | bytes | bytes / doc | 4 GiB at docs |', '|---|---:|---:|---:|');
    const rows = Object.entries(big.sections).map(([tag, len]) => [tag, len]);
    rows.push(['whole file', big.indexBytes]);
    for (const [tag, len] of rows.sort((x, y) => y[1] - x[1])) {
      const perDoc = len / big.docs;
      lines.push(`| ${tag} | ${len.toLocaleString('en')} | ${perDoc.toFixed(0)} | ${perDoc > 0 ? Math.floor(U32_LIMIT / perDoc).toLocaleString('en') : '–'} |`);
    }
  }
  const text = fs.readFileSync(README, 'utf8');
  const start = '<!-- results:start -->';
  const end = '<!-- results:end -->';
  const a = text.indexOf(start);
  const b = text.indexOf(end);
  if (a < 0 || b < a) throw new Error(`${README}: no ${start} … ${end} section`);
  const out = `${text.slice(0, a + start.length)}\n${lines.join('\n')}\n${text.slice(b)}`;
  fs.writeFileSync(README, out);
  console.log(lines.join('\n'));
}

const [mode, ...rest] = process.argv.slice(2);
if (mode === '--record') record(rest);
else if (mode === '--skip') skip(rest);
else if (mode === '--predict') predict(rest);
else if (mode === undefined) render();
else {
  console.error(`report.mjs: unknown mode ${mode}`);
  process.exit(2);
}
