// Helpers shared by the engine adapters: byte sizes raw / gzip / brotli, and a stopwatch.
import zlib from 'node:zlib';

/** Sizes of one payload, or of several payloads served as separate files (summed). */
export function sizes(...parts) {
  let raw = 0, gzip = 0, brotli = 0;
  for (const part of parts) {
    const buf = Buffer.isBuffer(part) ? part : Buffer.from(part);
    raw += buf.length;
    gzip += zlib.gzipSync(buf, { level: 9 }).length;
    brotli += zlib.brotliCompressSync(buf, {
      params: {
        [zlib.constants.BROTLI_PARAM_QUALITY]: 11,
        [zlib.constants.BROTLI_PARAM_SIZE_HINT]: buf.length,
        [zlib.constants.BROTLI_PARAM_LGWIN]: 24,
      },
    }).length;
  }
  return { raw, gzip, brotli };
}

/** Milliseconds taken by fn (awaited). Returns [result, ms]. */
export async function timed(fn) {
  const t0 = process.hrtime.bigint();
  const result = await fn();
  return [result, Number(process.hrtime.bigint() - t0) / 1e6];
}

/** The words of a query with its quotes removed: for engines without phrase search. */
export const unquote = (query) => query.replace(/["\u201c\u201d]/g, '').trim();

export const TOP = 10;
