// Trunk post_build hook (Trunk.toml): minifies the wasm-bindgen JS glue of release builds with terser and
// updates its subresource-integrity hash in index.html. Trunk 0.21's own minifier leaves this file as
// wasm-bindgen wrote it (comments, JSDoc, long names): 58 KB raw, 8.3 KB brotli (issue 5, page size).
import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';
import { minify } from 'terser';

const dir = process.env.TRUNK_STAGING_DIR;
if (!dir) throw new Error('TRUNK_STAGING_DIR is not set: run this as a Trunk hook');
if (process.env.TRUNK_PROFILE !== 'release') process.exit(0);

const sri = (buf) => 'sha384-' + crypto.createHash('sha384').update(buf).digest('base64');
const htmlPath = path.join(dir, 'index.html');
let html = fs.readFileSync(htmlPath, 'utf8');
// The glue only: embed.js, a classic script for host pages, is minified by harden-page.mjs.
for (const name of fs.readdirSync(dir).filter((f) => f.startsWith('hashprice-') && f.endsWith('.js'))) {
  const file = path.join(dir, name);
  const before = fs.readFileSync(file);
  const out = await minify(before.toString('utf8'), { module: true, ecma: 2020, compress: { passes: 2 }, mangle: true });
  if (!out.code) throw new Error(`terser produced nothing for ${name}`);
  fs.writeFileSync(file, out.code);
  const oldHash = sri(before);
  if (html.includes(oldHash)) html = html.split(oldHash).join(sri(Buffer.from(out.code)));
  console.log(`minify-glue: ${name} ${before.length} -> ${Buffer.byteLength(out.code)} bytes`);
}
fs.writeFileSync(htmlPath, html);
