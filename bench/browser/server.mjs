// A static server for the in-Chromium benchmark that behaves like a real static host:
// brotli (quality 11) or gzip (level 9) by Accept-Encoding for compressible types, files that
// are already compressed (Pagefind's gzipped pf_* files and wasm) sent as they are, the right
// content types (application/wasm included). It counts what it sends: every response's
// bytes on the wire (headers + body, from the socket), so a page load can be weighed.
import http from 'node:http';
import fs from 'node:fs/promises';
import path from 'node:path';
import { compressAsync } from '../engines/common.mjs';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.jsonl': 'application/x-ndjson; charset=utf-8',
  '.wasm': 'application/wasm',
  '.dsr': 'application/octet-stream',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.txt': 'text/plain; charset=utf-8',
};
const COMPRESSIBLE = new Set(['.html', '.js', '.mjs', '.css', '.json', '.jsonl', '.wasm', '.dsr', '.svg', '.txt']);
const isGzipped = (buf) => buf[0] === 0x1f && buf[1] === 0x8b;

/**
 * Serve `mounts` ({ '/prefix/': directory or file }) on 127.0.0.1. Resolves to
 * { origin, log, reset(), prepare(file), close() }; `log` lists every response since reset().
 * Cross-origin isolation headers are sent so that performance.now() is precise in the page.
 */
export async function startServer(mounts) {
  const cache = new Map(); // file -> { mtime, raw, br, gzip }
  let log = [];

  async function load(file) {
    const stat = await fs.stat(file);
    let entry = cache.get(file);
    if (entry?.mtime !== stat.mtimeMs) {
      const raw = await fs.readFile(file);
      const ext = path.extname(file).toLowerCase();
      const squeeze = COMPRESSIBLE.has(ext) && !isGzipped(raw) && raw.length > 256;
      entry = { mtime: stat.mtimeMs, raw, ext,
        br: squeeze ? compressAsync(raw, 'br') : null, gzip: squeeze ? compressAsync(raw, 'gzip') : null };
      cache.set(file, entry);
    }
    return entry;
  }

  function resolve(pathname) {
    for (const [prefix, target] of Object.entries(mounts)) {
      if (pathname === prefix) return target;
      if (!prefix.endsWith('/') || !pathname.startsWith(prefix)) continue;
      const file = path.resolve(target, `.${path.posix.sep}${pathname.slice(prefix.length)}`);
      return file === target || file.startsWith(target + path.sep) ? file : null;
    }
    return null;
  }

  async function handle(req, res) {
    const url = new URL(req.url, 'http://localhost');
    let file = resolve(decodeURIComponent(url.pathname));
    if (file && (await fs.stat(file).catch(() => null))?.isDirectory()) file = path.join(file, 'index.html');
    const entry = file && await load(file).catch(() => null);
    if (!entry) {
      res.writeHead(404, { 'Content-Type': 'text/plain' });
      return res.end('Not found');
    }
    const accept = String(req.headers['accept-encoding'] ?? '');
    const encoding = entry.br && /\bbr\b/.test(accept) ? 'br' : entry.gzip && /\bgzip\b/.test(accept) ? 'gzip' : null;
    const body = encoding ? await entry[encoding] : entry.raw;
    res.writeHead(200, {
      'Content-Type': TYPES[entry.ext] ?? 'application/octet-stream',
      'Content-Length': body.length,
      ...(encoding && { 'Content-Encoding': encoding }),
      Vary: 'Accept-Encoding',
      'Cache-Control': 'no-cache',
      'Cross-Origin-Opener-Policy': 'same-origin',
      'Cross-Origin-Embedder-Policy': 'require-corp',
    });
    const socket = res.socket; // detached from res by the time 'finish' fires
    res.on('finish', () => {
      // Bytes this response put on the socket (a socket carries several, one after another).
      const wire = socket.bytesWritten - (socket.countedBytes ?? 0);
      socket.countedBytes = socket.bytesWritten;
      log.push({ path: url.pathname, encoding, raw: entry.raw.length, body: body.length, wire });
    });
    res.end(req.method === 'HEAD' ? undefined : body);
  }

  const server = http.createServer((req, res) => handle(req, res).catch((e) => {
    if (!res.headersSent) res.writeHead(500);
    res.end(String(e));
  }));
  await new Promise((ok, fail) => server.once('error', fail).listen(0, '127.0.0.1', ok));
  return {
    origin: `http://127.0.0.1:${server.address().port}`,
    get log() { return log; },
    reset() { log = []; },
    /** Compress a file ahead of time (brotli 11 of a large wasm takes a while). */
    async prepare(file) { const e = await load(file); await Promise.all([e.br, e.gzip]); },
    close: () => new Promise((ok) => { server.closeAllConnections(); server.close(() => ok()); }),
  };
}
