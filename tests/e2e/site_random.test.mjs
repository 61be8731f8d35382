// Seeded random sites in a real browser: ten scenarios of 2–4 machine groups (an absent group between present
// ones allowed), PUE, hosting, resale and debt, opened by URL on the built page (dist/). Every `[data-kpi]` whose
// key is an output of sections 1–4 and 7–9 must carry in data-value what site_model.mjs (an independent JS reading
// of MODEL.md, checked against the reference files by site_model.test.mjs) computes, to 1e-9 relative (1e-6
// absolute near 0; empty = none). The page's own `window.hashprice.compute` (the WASM model) is then compared
// with site_model.mjs on every output of those sections, the monthly and six-group arrays included.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { uniforms, draws, drawGroups } from './random_site.mjs';
import { useSuite, withPage, scenarioQuery, allKpis, eventually } from './helpers.mjs';
import { evaluateSite, DEFAULTS } from './site_model.mjs';

const suite = useSuite({ prefix: '/tools/hashprice/' });
const SECTIONS = ['snapshot', 'projection', 'hpc', 'decision'];
const SCENARIOS = 10;

/** A random site with 2–4 groups and debt; values with few decimals, so the URL carries them exactly. */
function randomSite(seed) {
  const rnd = uniforms(seed);
  const { pick, int } = draws(rnd);
  const s = drawGroups(rnd, { ...DEFAULTS }, int(2, 4));
  Object.assign(s, {
    btc_price_usd: pick(40000, 200000, 0),
    network_hashrate_ehs: pick(600, 2000, 0),
    block_height: int(880000, 1060000),
    fees_btc_per_block: pick(0, 0.2, 3),
    power_price_usd_kwh: pick(0.02, 0.09, 4),
    pool_fee_pct: pick(0, 4, 1),
    uptime_pct: pick(85, 100, 1),
    opex_usd_month: rnd() < 0.5 ? 0 : pick(0, 50000, 0),
    horizon_months: int(6, 72),
    hashrate_growth_pct_month: pick(-2, 5, 1),
    btc_price_growth_pct_year: pick(-30, 80, 0),
    discount_rate_pct_year: pick(4, 20, 1),
    curtail_when_unprofitable: rnd() < 0.7,
    debt_pct: pick(10, 100, 0),
    debt_apr_pct: rnd() < 0.2 ? 0 : pick(3, 18, 1),
    debt_term_months: int(6, 72),
    resale_decline_pct_year: pick(0, 70, 0),
    pue: pick(1, 1.6, 2),
    hosting_usd_kw_month: rnd() < 0.5 ? 0 : pick(0, 12, 1),
    hpc_lease_usd_kw_month: pick(60, 220, 0),
    hpc_capex_usd_mw: int(40, 140) * 1e5,
    hpc_build_months: int(0, 30),
    hpc_lease_term_months: int(60, 180),
  });
  return s;
}

const close = (a, e) => {
  if (a === null || e === null) return a === e;
  const diff = Math.abs(a - e);
  return diff <= 1e-6 || diff <= 1e-9 * Math.abs(e);
};

/** Every scalar output of site_model.mjs by key (keys are unique across the sections). */
function scalars(r) {
  const out = {};
  for (const sec of SECTIONS) {
    for (const [k, v] of Object.entries(r[sec])) if (!Array.isArray(v)) out[k] = v;
  }
  return out;
}

function diffTrees(where, got, want, out) {
  if (Array.isArray(want)) {
    if (!Array.isArray(got) || got.length !== want.length) {
      return out.push(`${where}: length ${got?.length} vs ${want.length}`);
    }
    want.forEach((w, i) => diffTrees(`${where}[${i}]`, got[i], w, out));
  } else if (want !== null && typeof want === 'object') {
    for (const k of Object.keys(want)) diffTrees(`${where}.${k}`, got?.[k], want[k], out);
  } else if (typeof want === 'number' || want === null) {
    const ok = (typeof got === 'number' || got === null) && close(got, want);
    if (!ok) out.push(`${where}: page ${got}, JS model ${want}`);
  }
  return out;
}

const TITLE = 'random sites by URL: every data-kpi of sections 1–4 and 7–9 equals the independent JS model';
test(TITLE, { timeout: 300000 }, async () => {
  const compared = new Set();
  for (let seed = 1; seed <= SCENARIOS; seed++) {
    const s = randomSite(seed);
    const want = evaluateSite(s);
    assert.ok(want.projection.debt_payment_usd_month > 0, `seed ${seed}: test set-up, the site carries debt`);
    const wanted = scalars(want);
    await withPage(suite.browser, `${suite.url}${scenarioQuery(s)}`, async (page) => {
      await eventually(async () => {
        const kpis = await allKpis(page);
        const bad = [];
        for (const [key, raw] of Object.entries(kpis)) {
          if (!(key in wanted)) continue;
          compared.add(key);
          const got = raw === '' ? null : Number(raw);
          if (!close(got, wanted[key])) bad.push(`${key}: page ${JSON.stringify(raw)}, JS model ${wanted[key]}`);
        }
        assert.deepEqual(bad, [], `seed ${seed} ${JSON.stringify(s)}`);
      }, { timeout: 5000 });
      const wasm = await page.evaluate((x) => window.hashprice.compute(x), s);
      const bad = [];
      for (const sec of SECTIONS) diffTrees(sec, wasm[sec], want[sec], bad);
      assert.deepEqual(bad, [], `seed ${seed}: compute() against the JS model`);
    });
  }
  // The page must have shown the site's, the loan's and the decision's figures, not just a few.
  for (const key of ['npv_usd', 'irr_pct_year', 'equity_npv_usd', 'interest_paid_usd', 'loan_balance_end_usd',
    'mine_npv_usd', 'sell_npv_usd', 'convert_npv_usd', 'hashprice_usd_per_ph_day', 'profit_usd_day']) {
    assert.ok(compared.has(key), `[data-kpi="${key}"] was on the page and compared`);
  }
});
