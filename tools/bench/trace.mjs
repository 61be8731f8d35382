// Development aid: traces N BTC-slider inputs (frame-aligned, whole page in view) and sums Chromium's main-thread
// events by name, to see where an input's frame goes.   node tools/bench/trace.mjs --dist DIR [--inputs N]
import { openCalculator, opt, SITE_QUERY } from './devpage.mjs';
const args = process.argv.slice(2);
const N = Number(opt(args, 'inputs', 40));
// TRACE_CSS: extra CSS to inject (e.g. hide one section to see its share of the frame).
// TRACE_SITE=1 opens the three-group site with debt (SITE_QUERY) instead of the default scenario; TRACE_QUERY
// adds to the query (e.g. '&panels=kpis,inputs').
// TRACE_SCREEN=1 keeps the 1440 × 900 viewport instead of one as tall as the page.
const { page, close } = await openCalculator({
  dist: opt(args, 'dist', 'dist'),
  screen: Boolean(process.env.TRACE_SCREEN),
  css: process.env.TRACE_CSS || '',
  query: (process.env.TRACE_SITE ? SITE_QUERY : '?') + (process.env.TRACE_QUERY || ''),
});
const cdp = await page.context().newCDPSession(page);
const events = [];
cdp.on('Tracing.dataCollected', (e) => events.push(...e.value));
const done = new Promise((r) => cdp.on('Tracing.tracingComplete', r));
await cdp.send('Tracing.start', { categories: 'devtools.timeline,disabled-by-default-devtools.timeline', transferMode: 'ReportEvents' });
const lat = await page.evaluate(async (n) => {
  const s = document.querySelector('input[type=range][name=btc_price_usd]');
  const raf = () => new Promise((r) => requestAnimationFrame(r));
  const out = [];
  for (let i = 0; i < n; i++) {
    await raf(); await raf();
    out.push(await new Promise((res) => {
      let t0, ts;
      requestAnimationFrame(() => {
        t0 = performance.now();
        s.value = String(50000 + 1000 * i);
        s.dispatchEvent(new Event('input', { bubbles: true }));
        setTimeout(() => res([performance.now() - t0, ts - t0]), 0);
      });
      // The next callback of the same frame: after the input's reactive updates, before rendering.
      requestAnimationFrame(() => (ts = performance.now()));
    }));
  }
  return out;
}, N);
await cdp.send('Tracing.end');
await done;
const main = events.filter((e) => e.ph === 'X' && e.dur);
const tids = {};
for (const e of main) if (e.name === 'UpdateLayoutTree' || e.name === 'Layout') tids[e.tid] = (tids[e.tid] || 0) + 1;
const tid = Number(Object.entries(tids).sort((a, b) => b[1] - a[1])[0]?.[0]);
const sum = {};
for (const e of main.filter((e) => e.tid === tid)) sum[e.name] = (sum[e.name] || 0) + e.dur;
if (process.env.TRACE_DETAIL) {
  for (const e of main.filter((e) => e.tid === tid && ['Layout', 'Paint', 'UpdateLayoutTree', 'PrePaint'].includes(e.name)).slice(0, 60))
    console.log(e.name, (e.dur / 1000).toFixed(2), JSON.stringify(e.args).slice(0, 300));
}
const rows = Object.entries(sum).sort((a, b) => b[1] - a[1]).slice(0, 25);
for (const [k, v] of rows) console.log(k.padEnd(40), (v / 1000 / N).toFixed(3), 'ms per input');
const t = lat.map((x) => x[0]).sort((a, b) => a - b), sc = lat.map((x) => x[1]).sort((a, b) => a - b);
console.log('latency p50', t[N >> 1].toFixed(2), 'p95', t[Math.ceil(0.95 * N) - 1].toFixed(2), ' script p50', sc[N >> 1].toFixed(2));
await close();
