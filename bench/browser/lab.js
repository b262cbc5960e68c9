// The in-Chromium query timing, driven by run.mjs through window.lab. Same method as
// bench/measure.mjs: engines interleaved query by query, each query repeated until ≥ MIN_MS
// have passed and ≥ MIN_REPS runs were made, the mean kept, ROUNDS times, median of the rounds.
const ENGINES = ['dossier', 'minisearch', 'flexsearch', 'pagefind'];
const loaded = {};

/** The 3,788 non-empty articles, as the node run reads them. */
async function corpus() {
  const text = await (await fetch('/corpus.jsonl')).text();
  return text.split('\n').filter(Boolean).map((l) => JSON.parse(l)).filter((d) => (d.text ?? '').trim() !== '');
}

/** Builds (or loads) every engine; returns { name: { version, buildMs?, loadMs? } }. */
async function setup(keys = ENGINES) {
  const docs = await corpus();
  const out = {};
  for (const key of keys) {
    const engine = await import(`./engines/${key}.js`);
    out[engine.name] = { version: engine.version, ...(await engine.build(docs)) };
    loaded[engine.name] = engine;
    for (const [label, fn] of Object.entries(engine.diagnostics ?? {})) {
      loaded[`${engine.name}: ${label}`] = { ...engine, lastInfo: undefined, name: `${engine.name}: ${label}`, search: fn, diagnostic: true };
    }
  }
  return out;
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function meanMs(engine, kind, query, { minMs, minReps }) {
  let reps = 0;
  const t0 = performance.now();
  let elapsed;
  if (engine.async) {
    do { await engine.search(kind, query); reps++; elapsed = performance.now() - t0; } while (elapsed < minMs || reps < minReps);
  } else {
    do { engine.search(kind, query); reps++; elapsed = performance.now() - t0; } while (elapsed < minMs || reps < minReps);
  }
  return elapsed / reps;
}

/**
 * Times the queries of one kind on every loaded engine. The first call of each query is the
 * warm-up (timed once: for Pagefind that is the run that fetches its index chunks and fragments).
 */
async function time(kind, queries, { minMs = 50, minReps = 5, rounds = 3 } = {}) {
  const engines = Object.values(loaded);
  const rows = Object.fromEntries(engines.map((e) => [e.name, []]));
  for (const query of queries) {
    for (const e of engines) {
      const t0 = performance.now();
      let ids = [], error;
      try { ids = await e.search(kind, query); } catch (err) { error = String(err?.message ?? err); }
      const firstMs = performance.now() - t0;
      rows[e.name].push({ query, firstMs, rounds: [], results: ids.length, top: ids.slice(0, 3), ...(e.lastInfo?.() ?? {}), ...(error && { error }) });
    }
  }
  for (let round = 0; round < rounds; round++) {
    for (const [i, query] of queries.entries()) {
      for (const e of engines) rows[e.name][i].rounds.push(await meanMs(e, kind, query, { minMs, minReps }));
    }
  }
  for (const list of Object.values(rows)) for (const q of list) q.ms = median(q.rounds);
  return rows;
}

window.lab = { setup, time };
document.querySelector('#status').textContent = 'ready';
