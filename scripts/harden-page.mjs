// Trunk post_build hook (Trunk.toml, after minify-glue.mjs): locks the built page down (issue 20).
//   1. Replaces Trunk's start-up script, which publishes every WASM export as `window.wasmBindings` and fetches
//      the WASM without its integrity (Chromium ignores `integrity` on the preload and warns about it), with one
//      that fetches the WASM with its SRI hash, so a tampered file is refused before it is compiled, and
//      publishes nothing. The WASM's preload link goes (its integrity could not be honoured anyway).
//   2. Minifies embed.js (a classic script hosts load, not part of the page) as a script, not a module.
//   3. Writes the Content-Security-Policy `<meta>`: itself, 'wasm-unsafe-eval', the hashes of the page's own
//      inline scripts and styles (known only now: Trunk inlines and minifies them), the live-data host, and
//      itself in a frame (the Embed dialog's preview).
import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';
import { minify } from 'terser';

const dir = process.env.TRUNK_STAGING_DIR;
if (!dir) throw new Error('TRUNK_STAGING_DIR is not set: run this as a Trunk hook');

/** The only origin the page may fetch from besides itself: live network data (src/state/live.rs, ORIGIN). */
export const LIVE_ORIGIN = 'https://mempool.space';

const digest = (algo, text) => `${algo}-` + crypto.createHash(algo).update(text).digest('base64');
const htmlPath = path.join(dir, 'index.html');
let html = fs.readFileSync(htmlPath, 'utf8');

// 1. Start-up.
const wasm = fs.readdirSync(dir).find((f) => /^hashprice-[0-9a-f]+_bg\.wasm$/.test(f));
const glue = fs.readdirSync(dir).find((f) => /^hashprice-[0-9a-f]+\.js$/.test(f));
if (!wasm || !glue) throw new Error(`harden-page: no hashprice-*_bg.wasm / hashprice-*.js in ${dir}`);
const trunkStart = /<script type="?module"?>[^<]*wasmBindings[^<]*<\/script>/;
if (!trunkStart.test(html)) throw new Error('harden-page: Trunk\'s start-up script (window.wasmBindings) not found in index.html');
const wasmIntegrity = digest('sha384', fs.readFileSync(path.join(dir, wasm)));
const start =
  `const w=fetch("./${wasm}",{integrity:"${wasmIntegrity}"});` +
  `const{default:init}=await import("./${glue}");await init({module_or_path:w});`;
html = html.replace(trunkStart, `<script type="module">${start}</script>`);
const isWasmPreload = (tag) => /\srel="?preload[\s">]/.test(tag) && tag.includes(wasm);
if (!(html.match(/<link[^>]*>/g) || []).some(isWasmPreload)) throw new Error('harden-page: the WASM preload link not found in index.html');
html = html.replace(/<link[^>]*>/g, (tag) => (isWasmPreload(tag) ? '' : tag));

// 2. embed.js.
const embedPath = path.join(dir, 'embed.js');
if (fs.existsSync(embedPath) && process.env.TRUNK_PROFILE === 'release') {
  const out = await minify(fs.readFileSync(embedPath, 'utf8'), { module: false, compress: { passes: 2 }, mangle: true });
  if (!out.code) throw new Error('terser produced nothing for embed.js');
  fs.writeFileSync(embedPath, out.code);
}

// 3. CSP. Trunk writes one <style> per inlined stylesheet: one element, one hash.
html = html.replace(/<\/style><style>/g, '');
const hashes = (tag) =>
  [...html.matchAll(new RegExp(`<${tag}(\\s[^>]*)?>([\\s\\S]*?)</${tag}>`, 'g'))]
    .filter((m) => !/\ssrc=/.test(m[1] || '') && !/type="?importmap/.test(m[1] || ''))
    .map((m) => `'${digest('sha256', m[2])}'`);
const csp = [
  "default-src 'none'",
  `script-src 'self' 'wasm-unsafe-eval' ${hashes('script').join(' ')}`,
  `style-src 'self' ${hashes('style').join(' ')}`,
  "img-src 'self' data:",
  `connect-src 'self' ${LIVE_ORIGIN}`,
  // The Embed dialog's live preview is this page in an iframe.
  "frame-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');
if (/http-equiv="?Content-Security-Policy/i.test(html)) throw new Error('harden-page: index.html already has a CSP meta');
html = html.replace(/<meta charset="?utf-8"?>/i, (m) => `${m}<meta http-equiv="Content-Security-Policy" content="${csp}">`);
if (!html.includes('Content-Security-Policy')) throw new Error('harden-page: no <meta charset> to put the CSP after');
fs.writeFileSync(htmlPath, html);
console.log(`harden-page: start-up with WASM integrity, CSP with ${hashes('script').length} script and ${hashes('style').length} style hashes`);
