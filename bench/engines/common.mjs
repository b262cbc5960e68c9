// Helpers shared by the engine adapters: byte sizes raw / gzip / brotli, and a stopwatch.
// Compressing large files at brotli 11 takes minutes, so results for payloads of 256 KB and
// more are kept in bench/out/cache/ (keyed by their SHA-256), shared by every script of a run.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import util from 'node:util';
import zlib from 'node:zlib';

const CACHE = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../out/cache');
const CACHE_FROM = 256 * 1024;

const options = (encoding, length) => (encoding === 'br'
  ? { params: {
    [zlib.constants.BROTLI_PARAM_QUALITY]: 11,
    [zlib.constants.BROTLI_PARAM_SIZE_HINT]: length,
    [zlib.constants.BROTLI_PARAM_LGWIN]: 24,
  } }
  : { level: 9 });
const SYNC = { br: zlib.brotliCompressSync, gzip: zlib.gzipSync };
const ASYNC = { br: util.promisify(zlib.brotliCompress), gzip: util.promisify(zlib.gzip) };

function cacheFile(buf, encoding) {
  if (buf.length < CACHE_FROM) return null;
  return path.join(CACHE, `${crypto.createHash('sha256').update(buf).digest('hex')}.${encoding}`);
}
function store(file, out) {
  if (!file) return out;
  fs.mkdirSync(CACHE, { recursive: true });
  fs.writeFileSync(`${file}.tmp`, out);
  fs.renameSync(`${file}.tmp`, file);
  return out;
}

/** buf compressed with 'br' (quality 11) or 'gzip' (level 9). */
export function compress(buf, encoding) {
  const file = cacheFile(buf, encoding);
  if (file && fs.existsSync(file)) return fs.readFileSync(file);
  return store(file, SYNC[encoding](buf, options(encoding, buf.length)));
}

/** The same, off the main thread (zlib's thread pool): several run at once on several cores. */
export async function compressAsync(buf, encoding) {
  const file = cacheFile(buf, encoding);
  if (file && fs.existsSync(file)) return fs.readFileSync(file);
  return store(file, await ASYNC[encoding](buf, options(encoding, buf.length)));
}

const toBuffer = (part) => (Buffer.isBuffer(part) ? part : Buffer.from(part));

/** Sizes of one payload, or of several payloads served as separate files (summed). */
export function sizes(...parts) {
  let raw = 0, gzip = 0, brotli = 0;
  for (const part of parts.map(toBuffer)) {
    raw += part.length;
    gzip += compress(part, 'gzip').length;
    brotli += compress(part, 'br').length;
  }
  return { raw, gzip, brotli };
}

/** sizes(), compressing the parts in parallel. */
export async function sizesAsync(...parts) {
  const bufs = parts.map(toBuffer);
  const [gz, br] = await Promise.all(['gzip', 'br'].map((e) => Promise.all(bufs.map((b) => compressAsync(b, e)))));
  const sum = (list) => list.reduce((n, b) => n + b.length, 0);
  return { raw: sum(bufs), gzip: sum(gz), brotli: sum(br) };
}

/** Milliseconds taken by fn (awaited). Returns [result, ms]. */
export async function timed(fn) {
  const t0 = process.hrtime.bigint();
  const result = await fn();
  return [result, Number(process.hrtime.bigint() - t0) / 1e6];
}

export { unquote, TOP } from './options.mjs';

