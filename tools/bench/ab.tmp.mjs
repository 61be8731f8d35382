// A/B of CSS variants inside one page, interleaved input by input (cancels machine drift).
import { chromium } from '/work/main/node_modules/playwright-core/index.mjs';
import { CHROMIUM_PATH, CHROMIUM_ARGS } from '/work/main/tests/e2e/helpers.mjs';
import { serveCompressed } from '/work/main/tools/bench/serve.mjs';
import { distSizes } from '/work/main/scripts/check-size.mjs';
const [dist, n, ...variants] = process.argv.slice(2);
const N = Number(n);
const server = await serveCompressed(distSizes(dist));
const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_ARGS });
const page = await (await browser.newContext({ viewport: { width: 1440, height: 900 } })).newPage();
await page.goto(server.url, { waitUntil: 'load' });
await page.waitForSelector('[data-kpi=hashprice_usd_per_ph_day][data-value]');
await page.waitForTimeout(500);
const h = await page.evaluate(() => Math.ceil(document.documentElement.scrollHeight));
if (!process.env.SCREEN) await page.setViewportSize({ width: 1440, height: h + 200 });
await page.waitForTimeout(300);
const res = await page.evaluate(async ({ n, variants }) => {
  const styles = variants.map((css) => { const s = document.createElement('style'); s.textContent = css; s.disabled = true; document.head.appendChild(s); return s; });
  const s = document.querySelector('input[type=range][name=btc_price_usd]');
  const raf = () => new Promise((r) => requestAnimationFrame(r));
  const out = variants.map(() => []);
  for (let i = 0; i < n * variants.length; i++) {
    const v = i % variants.length;
    styles.forEach((st, j) => (st.disabled = j !== v));
    await raf(); await raf(); await raf(); await new Promise((r) => setTimeout(r, 30)); await raf();
    const k = Math.floor(i / variants.length);
    const q = i % 200; const val = 40000 + 1000 * (q < 100 ? q : 200 - q);
    out[v].push(await new Promise((res) => requestAnimationFrame(() => {
      const t0 = performance.now();
      s.value = String(val);
      s.dispatchEvent(new Event('input', { bubbles: true }));
      setTimeout(() => res(performance.now() - t0), 0);
    })));
  }
  return out;
}, { n: N, variants });
const pct = (xs, p) => { const a = [...xs].sort((x, y) => x - y); return a[Math.min(a.length - 1, Math.ceil(p * a.length) - 1)]; };
variants.forEach((v, i) => console.log(`p50 ${pct(res[i], 0.5).toFixed(2).padStart(6)}  p95 ${pct(res[i], 0.95).toFixed(2).padStart(6)}  mean ${(res[i].reduce((a, b) => a + b) / N).toFixed(2).padStart(6)}   ${v || '(baseline)'}`));
await browser.close(); await server.close();
