// A tiny static file server for dist/ (node:http + node:fs only, no dependencies).
//   import { startServer } from './server.mjs';
//   const { url, close } = await startServer({ root: 'dist', prefix: '/tools/hashprice/' });
// or from the shell: node tests/e2e/server.mjs --root dist [--port 8080] [--host 127.0.0.1] [--prefix /sub/]
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
  '.woff2': 'font/woff2',
};

/**
 * The response headers docs/embedding.md asks a host to send with the calculator: a Content-Security-Policy
 * that adds `frame-ancestors` (which a `<meta>` cannot set) to the page's own policy in its `<meta>` tag,
 * nosniff and a referrer policy. `frameAncestors` lists who may frame the page (the tests' hosts are other
 * ports of 127.0.0.1).
 */
export function securityHeaders(frameAncestors = "'self' http://127.0.0.1:*") {
  return {
    'Content-Security-Policy': `frame-ancestors ${frameAncestors}; object-src 'none'; base-uri 'none'`,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'strict-origin-when-cross-origin',
  };
}

function normalizePrefix(prefix) {
  let p = prefix || '/';
  if (!p.startsWith('/')) p = '/' + p;
  if (!p.endsWith('/')) p += '/';
  return p;
}

/**
 * Serves `root` on 127.0.0.1 under `prefix` (default "/"), with `headers` (default: `securityHeaders()`).
 * Resolves to { url, origin, port, close }; `url` is the prefix's full URL, ending in "/".
 */
export function startServer({ root, prefix = '/', host = '127.0.0.1', port = 0, log = false, headers = securityHeaders() } = {}) {
  const rootDir = path.resolve(root);
  const base = normalizePrefix(prefix);
  if (!fs.existsSync(path.join(rootDir, 'index.html'))) {
    return Promise.reject(new Error(`${rootDir}/index.html not found: build first (./scripts/build.sh)`));
  }

  const server = http.createServer((req, res) => {
    const send = (status, body, headers = {}) => {
      res.writeHead(status, { 'Cache-Control': 'no-store', ...headers });
      res.end(req.method === 'HEAD' ? undefined : body);
      if (log) console.log(`${status} ${req.method} ${req.url}`);
    };
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      return send(405, 'method not allowed\n', { Allow: 'GET, HEAD', 'Content-Type': 'text/plain' });
    }
    let pathname;
    try {
      pathname = decodeURIComponent(new URL(req.url, 'http://localhost').pathname);
    } catch {
      return send(400, 'bad request\n', { 'Content-Type': 'text/plain' });
    }
    // The prefix without its trailing slash redirects to the folder, as static hosts do.
    if (base !== '/' && pathname === base.slice(0, -1)) {
      const q = req.url.includes('?') ? req.url.slice(req.url.indexOf('?')) : '';
      return send(301, '', { Location: base + q });
    }
    if (!pathname.startsWith(base) || pathname.includes('\0')) {
      return send(404, 'not found\n', { 'Content-Type': 'text/plain' });
    }
    let rel = pathname.slice(base.length);
    if (rel === '' || rel.endsWith('/')) rel += 'index.html';
    const file = path.resolve(rootDir, rel);
    if (file !== rootDir && !file.startsWith(rootDir + path.sep)) {
      return send(404, 'not found\n', { 'Content-Type': 'text/plain' });
    }
    fs.stat(file, (err, st) => {
      if (err || !st.isFile()) return send(404, 'not found\n', { 'Content-Type': 'text/plain' });
      const type = TYPES[path.extname(file).toLowerCase()];
      if (!type) return send(404, 'not found\n', { 'Content-Type': 'text/plain' });
      fs.readFile(file, (err2, body) => {
        if (err2) return send(500, 'read error\n', { 'Content-Type': 'text/plain' });
        send(200, body, { ...headers, 'Content-Type': type, 'Content-Length': body.length });
      });
    });
  });

  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      const actual = server.address().port;
      const origin = `http://${host}:${actual}`;
      resolve({
        url: origin + base,
        origin,
        port: actual,
        close: () =>
          new Promise((done) => {
            server.closeAllConnections?.();
            server.close(() => done());
          }),
      });
    });
  });
}

// CLI: used by scripts/serve.sh
if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const opt = (name, dflt) => {
    const i = args.indexOf(`--${name}`);
    return i >= 0 && i + 1 < args.length ? args[i + 1] : dflt;
  };
  const here = path.dirname(fileURLToPath(import.meta.url));
  startServer({
    root: opt('root', path.join(here, '..', '..', 'dist')),
    prefix: opt('prefix', '/'),
    host: opt('host', '127.0.0.1'),
    port: Number(opt('port', '8080')),
    log: args.includes('--log'),
  }).then(
    ({ url }) => console.log(`serving on ${url}  (Ctrl-C to stop)`),
    (e) => {
      console.error(e.message);
      process.exit(1);
    },
  );
}
