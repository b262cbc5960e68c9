#!/usr/bin/env node
// Makes a larger news corpus from the real one by recombining its sentences.
//
//   node bench/scale/generate.mjs --docs 100000 [--seed 1] [--source FILE.jsonl.gz] [--out FILE.jsonl]
//
// Reads the real corpus (default ../shared/bench/newsarticles.jsonl.gz, JSONL with id, title,
// date, text), splits every text into sentences, then writes N new articles as JSONL
// (id, title, date, text), one line at a time: memory is the real corpus's sentences (about
// 100 MB), whatever N is. The same seed and source give byte-identical output.
//
// Each new article:
// - length: the sentence count of a real article drawn at random (the real distribution);
// - text: a "base" real article is drawn; about 40% of the sentences are a contiguous run
//   from the base (so an article keeps a topic, its entities and their co-occurrences), the
//   rest are drawn from the whole corpus; digit runs other than years are rewritten at random
//   (numbers vary, so the vocabulary still grows a little with N);
// - title: the base's real title (half the time), else its first sentence cut to 12 words;
// - date: uniform over the real range of dates; id: `scale-<seed>-<n>`, unique.
import fs from 'node:fs';
import path from 'node:path';
import readline from 'node:readline';
import zlib from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { rng } from '../rng.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../..');

function parseArgs(argv) {
  const opts = { docs: 10000, seed: 1, source: path.resolve(root, '../shared/bench/newsarticles.jsonl.gz'), out: null };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = () => {
      if (i + 1 >= argv.length) throw new Error(`${a} needs a value`);
      return argv[++i];
    };
    if (a === '--docs') opts.docs = Number(value());
    else if (a === '--seed') opts.seed = Number(value());
    else if (a === '--source') opts.source = value();
    else if (a === '--out') opts.out = value();
    else if (a === '-h' || a === '--help') {
      console.log(fs.readFileSync(fileURLToPath(import.meta.url), 'utf8').split('\n').slice(1, 19).join('\n'));
      process.exit(0);
    } else throw new Error(`unknown option ${a}`);
  }
  if (!Number.isInteger(opts.docs) || opts.docs < 1) throw new Error('--docs needs a positive integer');
  if (!Number.isInteger(opts.seed)) throw new Error('--seed needs an integer');
  opts.out ??= path.resolve(root, `bench/out/scale/news-${opts.docs}.jsonl`);
  return opts;
}


/** Sentences of a text: cut after . ! ? (and a closing quote) before a space and a capital or quote. */
function sentences(text) {
  return text
    .split(/(?<=[.!?]["'”’]?)\s+(?=["“‘']?[A-Z0-9])/u)
    .map((s) => s.trim())
    .filter((s) => s.length >= 20);
}

const DAY = 86400000;

async function readSource(file) {
  const input = fs.createReadStream(file).pipe(file.endsWith('.gz') ? zlib.createGunzip() : new (await import('node:stream')).PassThrough());
  const lines = readline.createInterface({ input, crlfDelay: Infinity });
  const articles = []; // { title, first: index into pool, count }
  const pool = [];
  let minDate = Infinity;
  let maxDate = -Infinity;
  for await (const line of lines) {
    if (!line.trim()) continue;
    const doc = JSON.parse(line);
    const text = typeof doc.text === 'string' ? doc.text : '';
    const s = sentences(text);
    if (s.length === 0) continue;
    const time = Date.parse(doc.date);
    if (!Number.isNaN(time)) {
      minDate = Math.min(minDate, time);
      maxDate = Math.max(maxDate, time);
    }
    articles.push({ title: String(doc.title ?? '').trim(), first: pool.length, count: s.length });
    pool.push(...s);
  }
  if (articles.length === 0) throw new Error(`${file}: no article with text`);
  if (minDate > maxDate) minDate = maxDate = Date.parse('2017-01-01');
  return { articles, pool, minDate, maxDate };
}

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  const { articles, pool, minDate, maxDate } = await readSource(opts.source);
  const random = rng(opts.seed);
  const pick = (n) => Math.floor(random() * n);
  const digits = (s) => s.replace(/\d+/g, (run) => (/^(19|20)\d\d$/.test(run) ? run : String(pick(10 ** Math.min(run.length, 6)))));
  const days = Math.round((maxDate - minDate) / DAY);

  fs.mkdirSync(path.dirname(opts.out), { recursive: true });
  const out = fs.createWriteStream(opts.out);
  const write = (chunk) => (out.write(chunk) ? null : new Promise((resolve) => out.once('drain', resolve)));
  let buffer = '';
  const width = String(opts.docs).length;
  for (let n = 1; n <= opts.docs; n++) {
    const length = articles[pick(articles.length)].count;
    const base = articles[pick(articles.length)];
    const run = Math.min(base.count, Math.max(1, Math.round(length * 0.4)));
    const start = base.first + pick(base.count - run + 1);
    const at = pick(length - run + 1); // where the base's run goes among the others
    const body = [];
    for (let i = 0; i < length; i++) {
      body.push(i >= at && i < at + run ? pool[start + i - at] : digits(pool[pick(pool.length)]));
    }
    let title = base.title;
    if (!title || random() < 0.5) {
      const words = pool[base.first].split(/\s+/);
      title = words.slice(0, 12).join(' ').replace(/[.,;:]$/, '');
    }
    const date = new Date(minDate + pick(days + 1) * DAY).toISOString().slice(0, 10);
    const id = `scale-${opts.seed}-${String(n).padStart(width, '0')}`;
    buffer += JSON.stringify({ id, title, date, text: body.join(' ') }) + '\n';
    if (buffer.length > 1 << 20 || n === opts.docs) {
      const wait = write(buffer);
      buffer = '';
      if (wait) await wait;
    }
  }
  await new Promise((resolve, reject) => out.end((error) => (error ? reject(error) : resolve())));
  console.error(`generate: ${opts.docs} articles from ${articles.length} real ones (${pool.length} sentences) → ${opts.out}`);
}

main().catch((error) => {
  console.error(`generate: ${error.message}`);
  process.exit(1);
});
