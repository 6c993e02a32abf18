// A bare static file server for the end-to-end tests: no SPA fallback and no rewrite rules (like an
// object-store bucket), an optional path prefix, the strict Content-Security-Policy of production, and
// precompressed .br files when the client accepts brotli.
//   node serve.mjs --root dist --port 8091 [--prefix /tools/marketplace/2.1.0/] [--no-csp]
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';

const args = Object.fromEntries(
  process.argv.slice(2).reduce((acc, a, i, all) => (a.startsWith('--') ? [...acc, [a.slice(2), all[i + 1]?.startsWith('--') || all[i + 1] === undefined ? true : all[i + 1]]] : acc), []),
);
const root = resolve(args.root ?? 'dist');
const port = Number(args.port ?? 8091);
const prefix = (args.prefix ?? '/').replace(/\/?$/, '/');
export const CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'";

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
  '.json': 'application/json',
  '.webmanifest': 'application/manifest+json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
};

createServer(async (req, res) => {
  const url = new URL(req.url, 'http://localhost');
  const headers = {};
  if (!args['no-csp']) headers['Content-Security-Policy'] = CSP;
  if (!url.pathname.startsWith(prefix)) {
    res.writeHead(404, headers).end('not found');
    return;
  }
  let rel = decodeURIComponent(url.pathname.slice(prefix.length)) || 'index.html';
  if (rel.endsWith('/')) rel += 'index.html';
  const path = normalize(join(root, rel));
  if (!path.startsWith(root)) {
    res.writeHead(403, headers).end('forbidden');
    return;
  }
  try {
    await stat(path);
  } catch {
    res.writeHead(404, headers).end('not found');
    return;
  }
  headers['Content-Type'] = TYPES[extname(path)] ?? 'application/octet-stream';
  headers['Cache-Control'] = rel === 'index.html' || rel === 'boot.js' ? 'no-cache' : 'public, max-age=31536000, immutable';
  let body;
  if (/\bbr\b/.test(req.headers['accept-encoding'] ?? '')) {
    try {
      body = await readFile(path + '.br');
      headers['Content-Encoding'] = 'br';
    } catch {}
  }
  body ??= await readFile(path);
  res.writeHead(200, headers).end(body);
}).listen(port, '127.0.0.1', () => console.log(`serving ${root} at http://127.0.0.1:${port}${prefix}`));
