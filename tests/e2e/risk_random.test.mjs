// Seeded random sites in a real browser, for the risk panel (MODEL.md sections 5–6 over section 7's site): four
// scenarios of 2–3 machine groups (an absent group between present ones allowed), PUE, hosting, resale, debt,
// curtailment on in most, and varied volatility, path count (kept small: the page's run takes a few seconds),
// seed and sensitivity, opened by URL on the built page (dist/). Once the panel shows a fresh result
// (`#risk[data-stale="false"]`) everything it exposes is compared with risk_model.mjs (an independent JS reading
// of MODEL.md, checked against the reference files by risk_model.test.mjs):
// - the five Monte Carlo KPIs' data-value, to 1e-9 relative (1e-6 absolute near 0; empty = none), and the paths
//   their "How is this computed?" counts for the two probabilities;
// - the tornado table (rows sorted by the oracle's swing; NPV cells), the heatmap table (every fifth step) and the
//   fan chart's table (every month, P10/P50/P90 with the capex added back): the text each cell shows equals the
//   oracle's value written the way the page writes USD (format::usd: Intl, 2 decimals below $1,000, compact
//   above; a true minus sign);
// - `window.hashprice.compute(scenario)`'s `risk`, `tornado` and `heatmap_npv_usd`: every number (arrays element by
//   element, the tornado's keys and order too) to 1e-9 relative / 1e-6 absolute, null as none.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { uniforms, draws, drawGroups } from './random_site.mjs';
import { useSuite, withPage, scenarioQuery, kpiRaw } from './helpers.mjs';
import { DEFAULTS } from './site_model.mjs';
import { evaluateRisk, prepare, deterministicPrice, site, groupKey } from './risk_model.mjs';

const suite = useSuite({ prefix: '/tools/hashprice/' });
const SEEDS = [11, 12, 13, 14];
const RISK_KPIS = ['mc_payback_probability', 'mc_npv_positive_probability', 'mc_npv_usd_p10', 'mc_npv_usd_p50',
  'mc_npv_usd_p90'];

/** A random site with 2–3 groups and random risk inputs; values with few decimals, so the URL carries them. */
function randomSite(seed, index) {
  const rnd = uniforms(seed);
  const { pick, int } = draws(rnd);
  const s = drawGroups(rnd, { ...DEFAULTS }, int(2, 3));
  Object.assign(s, {
    btc_price_usd: pick(50000, 160000, 0),
    network_hashrate_ehs: pick(700, 1600, 0),
    block_height: int(880000, 1060000),
    fees_btc_per_block: pick(0, 0.2, 3),
    power_price_usd_kwh: pick(0.03, 0.09, 4),
    pool_fee_pct: pick(0, 4, 1),
    uptime_pct: pick(85, 100, 1),
    opex_usd_month: rnd() < 0.5 ? 0 : pick(0, 50000, 0),
    horizon_months: int(12, 48),
    hashrate_growth_pct_month: pick(-2, 5, 1),
    btc_price_growth_pct_year: pick(-30, 80, 0),
    discount_rate_pct_year: pick(4, 20, 1),
    // Off in one scenario of four, on in the others.
    curtail_when_unprofitable: index !== 1,
    debt_pct: rnd() < 0.5 ? 0 : pick(10, 100, 0),
    debt_apr_pct: pick(3, 18, 1),
    debt_term_months: int(6, 72),
    resale_decline_pct_year: pick(0, 70, 0),
    pue: pick(1, 1.6, 2),
    hosting_usd_kw_month: rnd() < 0.5 ? 0 : pick(0, 12, 1),
    btc_volatility_pct_year: pick(10, 160, 1),
    mc_paths: int(100, 300),
    mc_seed: int(0, 2 ** 53),
    sensitivity_pct: pick(1, 90, 1),
  });
  return s;
}

/** Whether some present group is off on some day of the deterministic projection (curtailment bites). */
function curtails(s) {
  const prep = prepare(s);
  const price = deterministicPrice(s);
  for (let d = 0; d < prep.D; d++) {
    for (let k = 0; k < prep.st.groups.length; k++) if (prep.btc[k][d] * price(d) < prep.power[k]) return true;
  }
  return false;
}

/** Whether an absent group lies between present ones. */
function hasGap(s) {
  const present = [1, 2, 3, 4, 5, 6].map((g) => s[groupKey(g, 'count')] >= 1);
  return present.some((p, i) => !p && present.slice(i + 1).some(Boolean));
}

const close = (a, e) => {
  if (a === null || e === null) return a === e;
  const diff = Math.abs(a - e);
  return diff <= 1e-6 || diff <= 1e-9 * Math.abs(e);
};

/** Where `got` (the page) differs from `want` (the oracle): numbers within `close`, arrays and objects both ways. */
function diffTrees(where, got, want, out) {
  if (Array.isArray(want)) {
    if (!Array.isArray(got) || got.length !== want.length) {
      return out.push(`${where}: length ${got?.length} vs ${want.length}`);
    }
    want.forEach((w, i) => diffTrees(`${where}[${i}]`, got[i], w, out));
  } else if (want !== null && typeof want === 'object') {
    if (got === null || typeof got !== 'object') return out.push(`${where}: page ${JSON.stringify(got)}`);
    for (const k of Object.keys(want)) diffTrees(`${where}.${k}`, got[k], want[k], out);
    for (const k of Object.keys(got)) if (!(k in want)) out.push(`${where}.${k}: not in the JS model`);
  } else if (typeof want === 'number' || want === null) {
    const ok = (typeof got === 'number' || got === null) && close(got, Number.isFinite(want) ? want : null);
    if (!ok) out.push(`${where}: page ${got}, JS model ${want}`);
  } else if (got !== want) {
    out.push(`${where}: page ${JSON.stringify(got)}, JS model ${JSON.stringify(want)}`);
  }
  return out;
}

/** The body cells' text of the risk panel's data table captioned `caption`, opening it first if asked. */
async function tableCells(page, caption, open, rows) {
  const table = page.locator('#risk details.data-table', { hasText: caption });
  assert.equal(await table.count(), 1, `one data table "${caption}" in #risk`);
  if (open && !(await table.evaluate((el) => el.open))) await table.locator('summary').click();
  const body = table.locator('tbody tr');
  await body.nth(rows - 1).waitFor({ state: 'attached', timeout: 5000 });
  return body.evaluateAll((trs) => trs.map((tr) => ({
    hook: tr.getAttribute('data-tornado'),
    cells: [...tr.querySelectorAll('th, td')].map((c) => c.textContent),
  })));
}

/** `values` written as the page writes USD (format::usd with the browser's Intl, as the page's formatter). */
function usdTexts(page, values) {
  return page.evaluate((xs) => {
    const cur = (o) => new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD', ...o }).format;
    const usd2 = cur({ minimumFractionDigits: 2, maximumFractionDigits: 2 });
    const compact = cur({ notation: 'compact', minimumFractionDigits: 2, maximumFractionDigits: 2 });
    const sci = cur({ notation: 'scientific', maximumFractionDigits: 2 });
    return xs.map((x) => {
      if (x === null || !Number.isFinite(x)) return 'not defined';
      const s = (Math.abs(x) < 1000 ? usd2 : Math.abs(x) >= 1e15 ? sci : compact)(x);
      if (!s.startsWith('-')) return s;
      const rest = s.slice(1);
      return /[1-9]/.test(rest) ? `−${rest}` : rest;
    });
  }, values);
}

/** Compares shown texts with the oracle's values written as USD; pushes the mismatches. */
async function compareUsd(page, where, shown, values, bad) {
  const want = await usdTexts(page, values);
  want.forEach((w, i) => {
    if (shown[i] !== w) bad.push(`${where[i]}: page shows ${JSON.stringify(shown[i])}, JS model ${values[i]} → ${w}`);
  });
}

const TITLE = 'random sites by URL: the risk panel and compute()\'s risk, tornado and heatmap equal the JS model';
test(TITLE, { timeout: 120000 }, async () => {
  const scenarios = SEEDS.map((seed, i) => randomSite(seed, i));
  // The set-up covers what it says it covers.
  assert.ok(scenarios.some((s) => s.curtail_when_unprofitable && curtails(s)), 'a scenario where curtailment bites');
  assert.ok(scenarios.some((s) => !s.curtail_when_unprofitable), 'a scenario without curtailment');
  assert.ok(scenarios.some(hasGap), 'a scenario with an absent group between present ones');
  assert.ok(scenarios.some((s) => s.pue > 1 && s.hosting_usd_kw_month > 0), 'a scenario with PUE and hosting');
  assert.ok(scenarios.some((s) => s.machine_resale_usd_per_th > 0), 'a scenario with resale');
  let comparedCells = 0;
  for (const [i, s] of scenarios.entries()) {
    const seed = SEEDS[i];
    const want = evaluateRisk(s);
    const capex = site(s).capex;
    const M = s.horizon_months;
    await withPage(suite.browser, `${suite.url}${scenarioQuery(s)}`, async (page) => {
      await page.waitForSelector('#risk[data-stale="false"]', { timeout: 30000 });
      const bad = [];
      // The five Monte Carlo KPIs, and the paths the two probabilities count.
      for (const key of RISK_KPIS) {
        const raw = await kpiRaw(page, key);
        const got = raw === '' ? null : Number(raw);
        if (!close(got, want.risk[key])) bad.push(`${key}: page ${JSON.stringify(raw)}, JS model ${want.risk[key]}`);
      }
      for (const key of ['mc_payback_probability', 'mc_npv_positive_probability']) {
        const text = await page.locator(`#risk [data-kpi=${key}] details.formula p`).textContent();
        const n = s.mc_paths.toLocaleString('en-US');
        const k = Math.round(want.risk[key] * s.mc_paths).toLocaleString('en-US');
        if (!text.startsWith(`Of the ${n} simulated price paths, ${k} (`)) {
          bad.push(`${key}'s formula: ${JSON.stringify(text)}, JS model counts ${k} of ${n}`);
        }
      }
      // Tornado table: the nine keys, sorted by the oracle's swing, and the NPV at each end.
      const swing = Object.fromEntries(want.tornado.map((r) => [r.key, Math.abs(r.npv_high_usd - r.npv_low_usd)]));
      const tornado = await tableCells(page, 'NPV at each input\'s low and high value', false, 9);
      assert.deepEqual(tornado.map((r) => r.hook).sort(), want.tornado.map((r) => r.key).sort(), 'tornado rows');
      for (let r = 1; r < tornado.length; r++) {
        const [a, b] = [swing[tornado[r - 1].hook], swing[tornado[r].hook]];
        if (a < b - 1e-9 * b - 1e-6) {
          bad.push(`tornado order: ${tornado[r - 1].hook} (${a}) before ${tornado[r].hook} (${b})`);
        }
      }
      const byKey = Object.fromEntries(want.tornado.map((r) => [r.key, r]));
      await compareUsd(page,
        tornado.flatMap((r) => [`tornado ${r.hook} NPV low`, `tornado ${r.hook} NPV high`]),
        tornado.flatMap((r) => [r.cells[2], r.cells[4]]),
        tornado.flatMap((r) => [byKey[r.hook].npv_low_usd, byKey[r.hook].npv_high_usd]), bad);
      // Heatmap table: rows j = 20, 15, … 0 (highest hashrate first), columns i = 0, 5, … 20.
      const STEPS = [0, 5, 10, 15, 20];
      const heat = await tableCells(page, 'NPV heatmap data', false, 5);
      assert.equal(heat.length, 5, 'five heatmap table rows');
      const heatAt = [...STEPS].reverse().flatMap((j) => STEPS.map((i) => [j, i]));
      await compareUsd(page, heatAt.map(([j, i]) => `heatmap[${j}][${i}]`),
        heat.flatMap((r) => r.cells.slice(1)), heatAt.map(([j, i]) => want.heatmap_npv_usd[j][i]), bad);
      // Fan chart table (built when opened): month 0 at 0, then cumulative cash + capex per month.
      const fan = await tableCells(page, 'Cumulative net cash percentiles by month', true, M + 1);
      assert.equal(fan.length, M + 1, `${M + 1} fan table rows`);
      const band = ['p10', 'p50', 'p90'];
      const fanWant = (q, m) => (m === 0 ? 0 : want.risk[`mc_cum_cash_usd_${q}`][m - 1] + capex);
      await compareUsd(page, fan.flatMap((_, m) => band.map((q) => `fan month ${m} ${q}`)),
        fan.flatMap((r) => r.cells.slice(1, 4)), fan.flatMap((_, m) => band.map((q) => fanWant(q, m))), bad);
      comparedCells += 18 + 25 + 3 * (M + 1);
      assert.deepEqual(bad, [], `seed ${seed}: the risk panel against the JS model\n${JSON.stringify(s)}`);
      // The page's own model through its JS API.
      const wasm = await page.evaluate((x) => window.hashprice.compute(x), s);
      const out = [];
      diffTrees('risk', wasm.risk, want.risk, out);
      diffTrees('tornado', wasm.tornado, want.tornado, out);
      diffTrees('heatmap_npv_usd', wasm.heatmap_npv_usd, want.heatmap_npv_usd, out);
      assert.deepEqual(out, [], `seed ${seed}: compute() against the JS model (${out.length} differ)`);
    });
  }
  assert.ok(comparedCells > 4 * 43, `${comparedCells} table cells compared`);
});
