// Dossier's index size by part: reads the table of contents of index.dsr (src/format/mod.rs:
// "DOSSIER\0", u32 version, u32 section count, then tag[4] offset u32 len u32 per section,
// little-endian) and measures each part raw / gzip / brotli, plus the wasm it is embedded in.
//   node bench/index-parts.mjs     writes bench/out/parts.json
import fs from 'node:fs';
import path from 'node:path';
import { sizesAsync } from './engines/common.mjs';

const BENCH = path.dirname(new URL(import.meta.url).pathname);
const REPO = path.dirname(BENCH);
const INDEX = path.join(REPO, process.env.CARGO_TARGET_DIR || 'target/bench', 'dossier/index.dsr');
const WASM = path.join(BENCH, 'out/dist/pkg/dossier_bg.wasm');
export const TARGET_BROTLI = 4e6; // issue #6: index + text, brotli, ≤ 4 MB

// Sections grouped as the issue names them; any tag not listed is reported on its own.
const GROUPS = [
  ['terms (fst)', ['TERM']],
  ['postings', ['POST']],
  ['positions', ['POSN']],
  ['document store (text, titles, ids)', ['DOCS', 'DIDS']],
  ['entities', ['ENTS', 'DENT', 'EIDS', 'EALS']],
  ['related documents', ['RELS']],
  ['corpus statistics', ['META']],
];

export function tableOfContents(buf) {
  if (buf.subarray(0, 8).toString('latin1') !== 'DOSSIER\0') throw new Error('not a Dossier index');
  const version = buf.readUInt32LE(8);
  const count = buf.readUInt32LE(12);
  const sections = [];
  for (let i = 0; i < count; i++) {
    const at = 16 + 12 * i;
    sections.push({ tag: buf.subarray(at, at + 4).toString('latin1'), offset: buf.readUInt32LE(at + 4), len: buf.readUInt32LE(at + 8) });
  }
  return { version, sections, headerBytes: 16 + 12 * count };
}

export async function measure() {
  const buf = fs.readFileSync(INDEX);
  const { version, sections, headerBytes } = tableOfContents(buf);
  const slice = (s) => buf.subarray(s.offset, s.offset + s.len);
  const known = new Set(GROUPS.flatMap(([, tags]) => tags));
  const groups = [...GROUPS, ...sections.filter((s) => !known.has(s.tag)).map((s) => [s.tag, [s.tag]])];
  const wasm = fs.readFileSync(WASM);
  const at = wasm.indexOf(buf.subarray(0, 64)); // where the index sits inside the wasm
  const code = at >= 0 ? Buffer.concat([wasm.subarray(0, at), wasm.subarray(at + buf.length)]) : null;
  // Every part, the whole index and the wasm compressed at once (each section on its own).
  const [index, whole, withoutIndex, ...parts] = await Promise.all([
    sizesAsync(buf), sizesAsync(wasm), code && sizesAsync(code),
    ...groups.map(async ([label, tags]) => {
      const secs = sections.filter((s) => tags.includes(s.tag));
      return { label, tags: secs.map((s) => s.tag), ...(await sizesAsync(...secs.map(slice))) };
    }),
  ]);
  return {
    formatVersion: version,
    sections: sections.map((s) => ({ tag: s.tag, bytes: s.len })),
    headerBytes,
    parts: parts.filter((p) => p.tags.length),
    index,
    wasm: whole,
    wasmWithoutIndex: withoutIndex,
    targetBrotli: TARGET_BROTLI,
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const result = await measure();
  fs.writeFileSync(path.join(BENCH, 'out/parts.json'), JSON.stringify(result, null, 1) + '\n');
  for (const p of result.parts) console.error(`bench: ${p.label.padEnd(36)} ${(p.raw / 1e6).toFixed(2)} MB raw, ${(p.brotli / 1e6).toFixed(2)} MB brotli`);
}
