// Static server for the benchmark: serves a dist/ folder on 127.0.0.1 the way a production host does,
// with every file precompressed once (brotli -q 11 when the browser accepts `br`, else gzip -9, else raw),
// so the cold load and Lighthouse see the transfer sizes the size table reports. No dependencies.
//   import { serveCompressed } from './serve.mjs';
//   const { url, close } = await serveCompressed(sizes);   // sizes: distSizes(dir) of scripts/check-size.mjs
import http from 'node:http';
import path from 'node:path';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
  '.woff2': 'font/woff2',
};

/** Serves the files of `sizes` (with their .raw/.gz/.br buffers) under "/". `compress: false` serves raw bytes. */
export function serveCompressed(sizes, { compress = true, host = '127.0.0.1' } = {}) {
  const byPath = new Map(sizes.map((s) => ['/' + s.file.split(path.sep).join('/'), s]));
  const server = http.createServer((req, res) => {
    let pathname;
    try {
      pathname = decodeURIComponent(new URL(req.url, 'http://localhost').pathname);
    } catch {
      res.writeHead(400).end();
      return;
    }
    if (pathname.endsWith('/')) pathname += 'index.html';
    const f = byPath.get(pathname);
    const type = f && TYPES[path.extname(pathname).toLowerCase()];
    if (!type || (req.method !== 'GET' && req.method !== 'HEAD')) {
      res.writeHead(404, { 'Content-Type': 'text/plain', 'Cache-Control': 'no-store' }).end('not found\n');
      return;
    }
    const accept = String(req.headers['accept-encoding'] || '');
    let body = f.raw;
    let encoding = null;
    if (compress && /\bbr\b/.test(accept)) [body, encoding] = [f.br, 'br'];
    else if (compress && /\bgzip\b/.test(accept)) [body, encoding] = [f.gz, 'gzip'];
    const headers = {
      'Content-Type': type,
      'Content-Length': body.length,
      // As a production host would: Trunk's content-hashed files never change, the page revalidates. (`no-store`
      // here made Lighthouse's bf-cache audit fail for the server's sake; each cold load has an empty cache anyway.)
      'Cache-Control': /-[0-9a-f]{16}(_bg)?\.(js|wasm)$/.test(pathname) ? 'public, max-age=31536000, immutable' : 'no-cache',
      'X-Content-Type-Options': 'nosniff',
      Vary: 'Accept-Encoding',
    };
    if (encoding) headers['Content-Encoding'] = encoding;
    res.writeHead(200, headers);
    res.end(req.method === 'HEAD' ? undefined : body);
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, host, () => {
      const origin = `http://${host}:${server.address().port}`;
      resolve({
        url: origin + '/',
        origin,
        close: () =>
          new Promise((done) => {
            server.closeAllConnections?.();
            server.close(() => done());
          }),
      });
    });
  });
}
