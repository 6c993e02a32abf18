// A bare static file server for the end-to-end tests and benchmarks: no SPA fallback and no rewrite rules
// (like an object-store bucket), path prefixes, the production Content-Security-Policy and cache headers, and
// precompressed .br files when the client accepts brotli.
//
//   node serve.mjs --port 8091 --mount /=../../dist [--mount /tools/marketplace/2.1.0/=../../dist]
//                  [--mount /intranet/=../../examples/intranet] [--no-csp] [--log requests.log]
import { createServer } from 'node:http';
import { appendFileSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';

export const CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'";

const argv = process.argv.slice(2);
const flag = (name) => argv.includes(`--${name}`);
const values = (name) => argv.flatMap((a, i) => (a === `--${name}` && argv[i + 1] ? [argv[i + 1]] : []));
const port = Number(values('port')[0] ?? 8091);
const log = values('log')[0];
const mounts = values('mount').map((m) => {
  const [prefix, dir] = m.split('=');
  return { prefix: prefix.replace(/\/?$/, '/'), root: resolve(dir) };
});
if (mounts.length === 0) mounts.push({ prefix: '/', root: resolve('dist') });
// Longest prefix first.
mounts.sort((a, b) => b.prefix.length - a.prefix.length);

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
};
const SHORT_CACHE = /(^|\/)(index\.html|boot\.js|embed\.js|sw\.js)$/;

createServer(async (req, res) => {
  const url = new URL(req.url, 'http://localhost');
  if (log) appendFileSync(log, `${req.method} ${url.pathname}\n`);
  const headers = { 'Access-Control-Allow-Origin': '*' };
  if (!flag('no-csp')) headers['Content-Security-Policy'] = CSP;
  const mount = mounts.find((m) => url.pathname.startsWith(m.prefix));
  if (!mount) {
    res.writeHead(404, headers).end('not found');
    return;
  }
  let rel = decodeURIComponent(url.pathname.slice(mount.prefix.length)) || 'index.html';
  if (rel.endsWith('/')) rel += 'index.html';
  const path = normalize(join(mount.root, rel));
  if (!path.startsWith(mount.root)) {
    res.writeHead(403, headers).end('forbidden');
    return;
  }
  try {
    if (!(await stat(path)).isFile()) throw new Error('not a file');
  } catch {
    res.writeHead(404, headers).end('not found');
    return;
  }
  headers['Content-Type'] = TYPES[extname(path)] ?? 'application/octet-stream';
  headers['Cache-Control'] = SHORT_CACHE.test(rel) ? 'no-cache' : 'public, max-age=31536000, immutable';
  let body;
  if (/\bbr\b/.test(req.headers['accept-encoding'] ?? '')) {
    try {
      body = await readFile(path + '.br');
      headers['Content-Encoding'] = 'br';
      headers['Vary'] = 'Accept-Encoding';
    } catch {}
  }
  body ??= await readFile(path);
  res.writeHead(200, headers).end(body);
}).listen(port, '127.0.0.1', () => {
  for (const m of mounts) console.log(`serving ${m.root} at http://127.0.0.1:${port}${m.prefix}`);
});
