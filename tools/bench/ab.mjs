// Development aid: compares CSS variants of the page on the BTC-slider drag, interleaved input by input in one
// page, so that machine drift (this VM's timings move by ±2 ms between runs) hits every variant alike.
//   node tools/bench/ab.mjs --dist DIR [--inputs N] [--screen] [--site] -- CSS_A CSS_B …   ('' is the page as built;
//   --site opens SITE_QUERY; the page's CSP refuses the variants' <style>s: give a DIR whose index.html has no CSP meta)
// Each variant is a <style> that is enabled alone for its inputs. Every input moves the price by $1,000 from
// the previous one whichever variant it belongs to (smaller moves change fewer texts and would favour a variant).
// The latency is measured as in bench.mjs (frame-aligned input → setTimeout(0) after the frame), with the
// viewport as tall as the page unless --screen.
import { openCalculator, opt, SITE_QUERY } from './devpage.mjs';

const argv = process.argv.slice(2);
const cut = argv.indexOf('--');
const args = cut >= 0 ? argv.slice(0, cut) : argv;
const variants = cut >= 0 ? argv.slice(cut + 1) : ['', ''];
const N = Number(opt(args, 'inputs', 100));
const { page, close } = await openCalculator({ dist: opt(args, 'dist', 'dist'), screen: args.includes('--screen'), query: args.includes('--site') ? SITE_QUERY : '' });
const res = await page.evaluate(
  async ({ n, variants }) => {
    const styles = variants.map((css) => {
      const s = document.createElement('style');
      s.textContent = css;
      s.disabled = true;
      document.head.appendChild(s);
      return s;
    });
    const slider = document.querySelector('input[type=range][name=btc_price_usd]');
    const raf = () => new Promise((r) => requestAnimationFrame(r));
    const out = variants.map(() => []);
    for (let i = 0; i < n * variants.length; i++) {
      const v = i % variants.length;
      styles.forEach((st, j) => (st.disabled = j !== v));
      // Let the style switch (and the risk run of the previous input) settle.
      await raf();
      await raf();
      await new Promise((r) => setTimeout(r, 30));
      await raf();
      const q = i % 200;
      const price = 40000 + 1000 * (q < 100 ? q : 200 - q);
      out[v].push(
        await new Promise((resolve) =>
          requestAnimationFrame(() => {
            const t0 = performance.now();
            slider.value = String(price);
            slider.dispatchEvent(new Event('input', { bubbles: true }));
            setTimeout(() => resolve(performance.now() - t0), 0);
          }),
        ),
      );
    }
    return out;
  },
  { n: N, variants },
);
const pct = (xs, p) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.ceil(p * xs.length) - 1)];
const f = (x) => x.toFixed(2).padStart(6);
variants.forEach((v, i) => {
  const xs = res[i];
  console.log(`p50 ${f(pct(xs, 0.5))}  p95 ${f(pct(xs, 0.95))}  mean ${f(xs.reduce((a, b) => a + b, 0) / xs.length)} ms   ${v || '(as built)'}`);
});
await close();
