// The wasm build of a sharded index, in node: open the root, answer { need } from the files
// on disk, and compare with the native CLI searching the same corpus's whole index (same
// documents and totals; the order may differ, as a sharded index ranks without lengths).
//
// Run by build.sh test: DOSSIER_E2E_DIST=<sharded dist> DOSSIER_INDEX=<its index.dsr>.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';

const DIST = path.resolve(process.env.DOSSIER_E2E_DIST ?? 'target/sharded/dist');
const INDEX = path.resolve(process.env.DOSSIER_INDEX ?? 'target/hostile/dossier/index.dsr');
const CLI = path.resolve(process.env.DOSSIER_CLI ?? 'target/hostile/release/dossier');

const wasm = await import(path.join(DIST, 'pkg/dossier.js'));
await wasm.default({ module_or_path: fs.readFileSync(path.join(DIST, 'pkg/dossier_bg.wasm')) });
const fetched = [];

/** Call the core as engine.js does, reading shards from dist/index/. */
function ask(fn) {
  for (let round = 0; round < 6; round++) {
    const answer = fn();
    if (!answer?.need) return answer;
    for (const name of answer.need) {
      assert.ok(!fetched.includes(name), `${name} asked for twice`);
      wasm.addShard(name, fs.readFileSync(path.join(DIST, 'index', name)));
      fetched.push(name);
    }
  }
  throw new Error('still missing shards after 6 rounds');
}

test('the sharded wasm finds what the native CLI finds on the whole index', () => {
  assert.equal(wasm.hasEmbeddedIndex(), false);
  assert.throws(() => wasm.search('kellogg', {}), /dossier: /, 'no root yet: a clear error');
  wasm.openRoot(fs.readFileSync(path.join(DIST, 'index/root.dsr')));
  for (const query of ['kellogg', '"security guarantees"', 'witkof', 'kiev', 'peace -ukraine', 'zzqx']) {
    const got = ask(() => wasm.search(query, { limit: 1000, facetLimit: 0 }));
    const want = JSON.parse(execFileSync(CLI, ['search', query, '--index', INDEX, '--json', '--limit', '1000'], { encoding: 'utf8' }));
    assert.equal(Math.min(got.total, 1000), want.length, query);
    if (got.total <= 1000) {
      assert.deepEqual(got.results.map((r) => r.id).sort(), want.map((r) => r.id).sort(), query);
    }
  }
  const files = fs.readdirSync(path.join(DIST, 'index')).length;
  assert.ok(fetched.length < files, `fetched ${fetched.length} of ${files}`);
});

test('a damaged shard is refused with a clear error, and the good one still loads', () => {
  const need = wasm.getDocument('gen-00007', 'kellogg').need ?? [];
  assert.ok(need.length > 0, 'the document part is not loaded yet');
  const bytes = fs.readFileSync(path.join(DIST, 'index', need[0]));
  const bad = Uint8Array.from(bytes);
  bad[bad.length >> 1] ^= 0xff;
  assert.throws(() => wasm.addShard(need[0], bad), /dossier: index part .* is damaged: index checksum/);
  // Another part's intact bytes under its name (files swapped on the host): refused by name.
  const other = fs.readdirSync(path.join(DIST, 'index')).find((f) => f.endsWith('.dsr') && f.includes('-') && f !== need[0]);
  assert.throws(() => wasm.addShard(need[0], fs.readFileSync(path.join(DIST, 'index', other))),
    new RegExp(`dossier: index part ${need[0]} holds ${other}: the site's index files are mixed up`));
  const doc = ask(() => wasm.getDocument('gen-00007', 'kellogg'));
  assert.equal(doc.id, 'gen-00007');
  assert.ok(doc.text.length > 0);
});
