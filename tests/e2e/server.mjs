// A tiny static file server for the end-to-end tests. Serves `rootDir` under a sub-path
// (so the page must use relative URLs), with the MIME types browsers insist on.

import http from 'node:http';
import fs from 'node:fs/promises';
import path from 'node:path';

const MIME = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
};

/** The sub-path the site is served under. */
export const BASE_PATH = '/static/dossier/v1/';

/**
 * Serve `rootDir` at http://127.0.0.1:<random port><base>.
 * Resolves to { url, close() }; `url` ends with "/".
 */
export async function startServer(rootDir, { base = BASE_PATH } = {}) {
  const root = path.resolve(rootDir);
  const server = http.createServer((req, res) => {
    handle(root, base, req, res).catch(() => send(res, 500, 'Internal error'));
  });
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const { port } = server.address();
  return {
    url: `http://127.0.0.1:${port}${base}`,
    close: () => new Promise((resolve) => {
      server.closeAllConnections?.();
      server.close(() => resolve());
    }),
  };
}

async function handle(root, base, req, res) {
  if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'Method not allowed');
  let pathname;
  try {
    pathname = decodeURIComponent(new URL(req.url, 'http://localhost').pathname);
  } catch {
    return send(res, 400, 'Bad request');
  }
  if (pathname === base.slice(0, -1)) {
    res.writeHead(301, { Location: base });
    return res.end();
  }
  if (!pathname.startsWith(base) || pathname.includes('\0')) return send(res, 404, 'Not found');

  let file = path.resolve(root, `.${path.posix.sep}${pathname.slice(base.length)}`);
  if (file !== root && !file.startsWith(root + path.sep)) return send(res, 403, 'Forbidden');
  let stat = await fs.stat(file).catch(() => null);
  if (stat?.isDirectory()) {
    file = path.join(file, 'index.html');
    stat = await fs.stat(file).catch(() => null);
  }
  if (!stat?.isFile()) return send(res, 404, 'Not found');

  const type = MIME[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
  res.writeHead(200, {
    'Content-Type': type,
    'Content-Length': stat.size,
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
  });
  if (req.method === 'HEAD') return res.end();
  res.end(await fs.readFile(file));
}

function send(res, status, text) {
  if (res.headersSent) return res.destroy();
  res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' });
  res.end(text);
}
