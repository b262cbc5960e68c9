// Picks the benchmark queries from the corpus with a fixed seed and writes bench/queries.json.
// Run once; its output is committed so every run and every engine sees the same queries:
//   node bench/make-queries.mjs bench/out/newsarticles.jsonl > bench/queries.json
import fs from 'node:fs';

const PER_KIND = 25;
const SEED = 20161201;

// mulberry32: a tiny seeded PRNG, so the picks are reproducible.
function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const rand = rng(SEED);
const pick = (arr) => arr[Math.floor(rand() * arr.length)];

// Function words: never a query on their own, nor the first or last word of a phrase.
const STOP = new Set(`a about after again against all also am an and any are as at be because been
before being between both but by can could did do does doing down during each few for from further
had has have having he her here hers him his how i if in into is it its just me more most my no nor
not now of off on once only or other our out over own said same says she should so some such than
that the their them then there these they this those through to too under until up very was we were
what when where which while who whom why will with would you your year years new one two also told
mr mrs ms people like get got us week`.split(/\s+/));

const docs = fs
  .readFileSync(process.argv[2], 'utf8')
  .split('\n')
  .filter(Boolean)
  .map((line) => JSON.parse(line));

// Plain ASCII words only: all three engines tokenize these the same way.
const sentencesOf = (text) => text.split(/[.!?;:,"()\u201c\u201d\n]+/);
const wordsOf = (s) => s.split(/\s+/).filter((w) => /^[A-Za-z]+$/.test(w)).map((w) => w.toLowerCase());

const df = new Map(); // word -> number of documents containing it
for (const d of docs) {
  for (const w of new Set(wordsOf(`${d.title} ${d.text}`))) df.set(w, (df.get(w) || 0) + 1);
}
const content = (w) => w.length >= 4 && !STOP.has(w);
const vocab = [...df.keys()].filter(content).sort(); // sorted, so Map order does not matter
const band = (lo, hi) => vocab.filter((w) => df.get(w) >= lo && df.get(w) <= hi);
const withText = docs.filter((d) => d.text && d.text.length > 200);

function unique(n, make) {
  const out = new Set();
  for (let tries = 0; out.size < n && tries < 100000; tries++) {
    const q = make();
    if (q) out.add(q);
  }
  return [...out];
}

// single: a third rare (2-10 documents), a third medium (11-200), a third common (>200).
const single = [
  ...unique(8, () => pick(band(2, 10))),
  ...unique(9, () => pick(band(11, 200))),
  ...unique(8, () => pick(band(201, Infinity))),
];

// multi: 2-3 distinct content words from one sentence of one article (so they co-occur).
const multi = unique(PER_KIND, () => {
  const words = [...new Set(wordsOf(pick(sentencesOf(pick(withText).text))).filter(content))];
  const n = rand() < 0.5 ? 2 : 3;
  if (words.length < n) return null;
  const chosen = [];
  while (chosen.length < n) {
    const w = words.splice(Math.floor(rand() * words.length), 1)[0];
    if (df.get(w) >= 3) chosen.push(w);
    if (!words.length) break;
  }
  return chosen.length === n ? chosen.join(' ') : null;
});

// phrase: 2-3 consecutive words of one sentence, first and last not function words.
const phrase = unique(PER_KIND, () => {
  const raw = pick(sentencesOf(pick(withText).text)).split(/\s+/).filter(Boolean);
  const n = rand() < 0.6 ? 2 : 3;
  if (raw.length < n) return null;
  const start = Math.floor(rand() * (raw.length - n + 1));
  const seq = raw.slice(start, start + n);
  if (!seq.every((w) => /^[A-Za-z]+$/.test(w))) return null;
  const words = seq.map((w) => w.toLowerCase());
  if (!content(words[0]) || !content(words[n - 1])) return null;
  return `"${words.join(' ')}"`;
});

// typo: a word of 5+ letters seen in 5+ documents, with one edit after the first letter
// (deletion, insertion, substitution, transposition) that is not itself a corpus word.
const LETTERS = 'abcdefghijklmnopqrstuvwxyz';
const EDITS = {
  deletion: (w, i) => w.slice(0, i) + w.slice(i + 1),
  insertion: (w, i) => w.slice(0, i) + w[i] + w.slice(i), // a doubled letter: "obamma"
  substitution: (w, i) => w.slice(0, i) + pick([...LETTERS].filter((c) => c !== w[i])) + w.slice(i + 1),
  transposition: (w, i) => (i + 1 < w.length ? w.slice(0, i) + w[i + 1] + w[i] + w.slice(i + 2) : null),
};
const typoBase = vocab.filter((w) => w.length >= 5 && df.get(w) >= 5);
const typoOf = {};
const typo = unique(PER_KIND, () => {
  const word = pick(typoBase);
  const kind = pick(Object.keys(EDITS));
  const t = EDITS[kind](word, 1 + Math.floor(rand() * (word.length - 1)));
  if (!t || t === word || df.has(t)) return null;
  typoOf[t] = { word, edit: kind };
  return t;
});

// prefix: the first 3-5 letters of a word of 6+ letters seen in 3+ documents.
const prefix = unique(PER_KIND, () => {
  const word = pick(vocab.filter((w) => w.length >= 6 && df.get(w) >= 3));
  return word.slice(0, 3 + Math.floor(rand() * 3));
});

const out = {
  about: 'Generated by bench/make-queries.mjs from ../shared/bench/newsarticles.jsonl.gz; do not edit by hand.',
  seed: SEED,
  kinds: { single, multi, phrase, typo, prefix },
  typoOf: Object.fromEntries(typo.map((t) => [t, typoOf[t]])),
  documentFrequency: Object.fromEntries(single.map((w) => [w, df.get(w)])),
};
process.stdout.write(JSON.stringify(out, null, 2) + '\n');
