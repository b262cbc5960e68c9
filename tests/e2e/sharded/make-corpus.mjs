// Makes a larger corpus from the default one for the sharded end-to-end test: N articles
// (JSONL) whose sentences are real sentences of corpus/*.txt, recombined with a fixed seed,
// so every build of it is the same. Usage: node make-corpus.mjs OUT.jsonl [N=1500]
import fs from 'node:fs';
import path from 'node:path';

const [out, n = '1500'] = process.argv.slice(2);
if (!out) throw new Error('usage: node make-corpus.mjs OUT.jsonl [N]');
const corpus = path.resolve(import.meta.dirname, '../../../corpus');
const sentences = fs.readdirSync(corpus).filter((f) => f.endsWith('.txt')).sort()
  .flatMap((f) => fs.readFileSync(path.join(corpus, f), 'utf8').split(/(?<=[.!?”"])\s+/))
  .map((s) => s.replace(/\s+/g, ' ').trim())
  .filter((s) => s.length > 40 && !s.includes(':'));

let state = 20250829; // xorshift32: the same corpus on every machine
const random = (k) => {
  state ^= state << 13; state ^= state >>> 17; state ^= state << 5;
  return (state >>> 0) % k;
};
const lines = [];
for (let i = 0; i < Number(n); i++) {
  const picked = Array.from({ length: 6 + random(10) }, () => sentences[random(sentences.length)]);
  const month = String(1 + random(12)).padStart(2, '0');
  const day = String(1 + random(28)).padStart(2, '0');
  lines.push(JSON.stringify({
    id: `gen-${String(i).padStart(5, '0')}`,
    title: picked[0].split(' ').slice(0, 8).join(' '),
    date: `2025-${month}-${day}`,
    url: `https://www.example-news.org/2025/${month}/${day}/gen-${String(i).padStart(5, '0')}`,
    text: picked.join(' '),
  }));
}
fs.mkdirSync(path.dirname(path.resolve(out)), { recursive: true });
fs.writeFileSync(out, `${lines.join('\n')}\n`);
console.log(`${lines.length} articles from ${sentences.length} sentences → ${out}`);
