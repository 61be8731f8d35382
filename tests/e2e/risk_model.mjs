// An independent JavaScript implementation of MODEL.md sections 5 (risk: the Monte Carlo) and 6 (sensitivity:
// tornado and heatmap), with the site of section 7 underneath (up to six machine groups, PUE, hosting, resale and
// salvage, per-group curtailment) and the parts of sections 1–2 they need. Written from /work/shared/MODEL.md
// ONLY, without reading the Rust model in src/model/, so that it is a second opinion on that code.
// risk_model.test.mjs checks it against tests/data/reference_risk_cases.json and the site cases with `risk`.
import { subsidyBtc, BLOCKS_PER_DAY, DAYS_PER_MONTH } from './model.mjs';

export const DAYS_PER_YEAR = 365.25;
export const GROUPS = 6;

/** MODEL.md's defaults for the inputs sections 5–7 add (the others are the caller's). */
export const RISK_SITE_DEFAULTS = {
  btc_volatility_pct_year: 60,
  mc_paths: 1000,
  mc_seed: 1,
  sensitivity_pct: 20,
  machine_resale_usd_per_th: 0,
  resale_decline_pct_year: 40,
  pue: 1,
  hosting_usd_kw_month: 0,
};
for (let g = 2; g <= GROUPS; g++) {
  Object.assign(RISK_SITE_DEFAULTS, {
    [`machine${g}_hashrate_ths`]: 200,
    [`machine${g}_efficiency_jth`]: 17.5,
    [`machine${g}_count`]: 0,
    [`machine${g}_price_usd_per_th`]: 0,
    [`machine${g}_resale_usd_per_th`]: 0,
  });
}

/** The key of group g's (1-based) field `name` (`hashrate_ths`, `efficiency_jth`, `count`, ...). */
export function groupKey(g, name) {
  return g === 1 ? `machine_${name}` : `machine${g}_${name}`;
}

/** Section 7: the present groups and the site's sums, in group order 1 … 6. */
export function site(s) {
  const groups = [];
  let fleetThs = 0, fleetKw = 0, capex = 0, resaleNow = 0;
  for (let g = 1; g <= GROUPS; g++) {
    const n = s[groupKey(g, 'count')];
    if (!(n >= 1)) continue;
    const h = s[groupKey(g, 'hashrate_ths')];
    const e = s[groupKey(g, 'efficiency_jth')];
    const th = h * n;
    const kw = (th * e) / 1000;
    groups.push({ g, th, kw, e });
    fleetThs += th;
    fleetKw += kw;
    capex += s[groupKey(g, 'price_usd_per_th')] * th;
    resaleNow += s[groupKey(g, 'resale_usd_per_th')] * th;
  }
  const sitePowerKw = fleetKw * s.pue;
  const fixedDay = s.opex_usd_month / DAYS_PER_MONTH + (s.hosting_usd_kw_month * sitePowerKw) / DAYS_PER_MONTH;
  return { groups, fleetThs, fleetKw, sitePowerKw, capex, resaleNow, fixedDay };
}

/**
 * What a projection needs that does not depend on the BTC price path: per group and day, the BTC mined while on
 * (section 7's btc_{g,d}) and the power cost while on; the daily discount factors; the salvage.
 */
export function prepare(s) {
  const st = site(s);
  const f = s.pool_fee_pct / 100;
  const u = s.uptime_pct / 100;
  const p = s.power_price_usd_kwh;
  const gh = s.hashrate_growth_pct_month / 100;
  const r = s.discount_rate_pct_year / 100;
  const M = s.horizon_months;
  const D = Math.floor(M * DAYS_PER_MONTH + 0.5);
  const btc = st.groups.map(() => new Float64Array(D));
  const power = st.groups.map((grp) => grp.kw * s.pue * 24 * u * p);
  const discount = new Float64Array(D);
  const month = new Int32Array(D);
  for (let d = 0; d < D; d++) {
    const H = s.network_hashrate_ehs * (1 + gh) ** (d / DAYS_PER_MONTH);
    const sub = subsidyBtc(s.block_height + BLOCKS_PER_DAY * d);
    const hv = (BLOCKS_PER_DAY * (sub + s.fees_btc_per_block)) / (H * 1000);
    st.groups.forEach((grp, k) => {
      btc[k][d] = ((hv * grp.th) / 1000) * u * (1 - f);
    });
    discount[d] = (1 + r) ** ((d + 1) / DAYS_PER_YEAR);
    month[d] = Math.min(Math.floor(d / DAYS_PER_MONTH), M - 1);
  }
  const salvage = st.resaleNow * (1 - s.resale_decline_pct_year / 100) ** (D / DAYS_PER_YEAR);
  const salvagePv = salvage / (1 + r) ** (D / DAYS_PER_YEAR);
  return { s, st, M, D, btc, power, discount, month, salvage, salvagePv, curtail: s.curtail_when_unprofitable };
}

/**
 * Section 2 with a site for one price path (`price(d)` is P_d): npv_usd (with the salvage), payback_days,
 * monthly_net_usd, and cumulative cash at each month end (Σ monthly_net_usd[k ≤ m] − capex, no salvage).
 */
export function run(prep, price) {
  const { st, M, D, btc, power, discount, month, salvagePv, curtail } = prep;
  const capex = st.capex;
  const monthly = new Array(M).fill(0);
  let npv = -capex;
  let cum = 0;
  let payback = capex === 0 ? 0 : null;
  for (let d = 0; d < D; d++) {
    const P = price(d);
    let rev = 0, pow = 0;
    for (let k = 0; k < st.groups.length; k++) {
      const revG = btc[k][d] * P;
      const powG = power[k];
      if (curtail && revG < powG) continue;
      rev += revG;
      pow += powG;
    }
    const net = rev - pow - st.fixedDay;
    npv += net / discount[d];
    cum += net;
    if (payback === null && cum >= capex) payback = d + 1;
    monthly[month[d]] += net;
  }
  npv += salvagePv;
  const cumCash = [];
  let acc = 0;
  for (let m = 0; m < M; m++) {
    acc += monthly[m];
    cumCash.push(acc - capex);
  }
  return { npv_usd: npv, payback_days: payback, monthly_net_usd: monthly, cum_cash_usd: cumCash };
}

/** The deterministic price P_d = P_0 × (1 + g_p)^(d / 365.25). */
export function deterministicPrice(s) {
  const gp = s.btc_price_growth_pct_year / 100;
  return (d) => s.btc_price_usd * (1 + gp) ** (d / DAYS_PER_YEAR);
}

/** Section 2 (with the site) for a scenario: npv_usd, payback_days, monthly_net_usd, cum_cash_usd. */
export function projectionNpv(s) {
  return run(prepare(s), deterministicPrice(s));
}

const MASK64 = (1n << 64n) - 1n;

/** splitmix64, wrapping u64 arithmetic, state = seed. */
export function splitmix64(seed) {
  let state = BigInt(seed) & MASK64;
  return () => {
    state = (state + 0x9e3779b97f4a7c15n) & MASK64;
    let z = state;
    z = ((z ^ (z >> 30n)) * 0xbf58476d1ce4e5b9n) & MASK64;
    z = ((z ^ (z >> 27n)) * 0x94d049bb133111ebn) & MASK64;
    return z ^ (z >> 31n);
  };
}

/** Standard normals: Box–Muller on consecutive uniforms u = ((x >> 11) + 0.5) / 2^53, z0 then z1. */
export function normals(seed) {
  const next = splitmix64(seed);
  const uniform = () => (Number(next() >> 11n) + 0.5) / 2 ** 53;
  let spare = null;
  return () => {
    if (spare !== null) {
      const z = spare;
      spare = null;
      return z;
    }
    const u1 = uniform();
    const u2 = uniform();
    const r = Math.sqrt(-2 * Math.log(u1));
    spare = r * Math.sin(2 * Math.PI * u2);
    return r * Math.cos(2 * Math.PI * u2);
  };
}

/** Percentile q of ascending-sorted values (MODEL.md section 5's interpolation). */
export function percentile(sorted, q) {
  const n = sorted.length;
  const h = (n - 1) * q;
  const k = Math.floor(h);
  if (k >= n - 1) return sorted[n - 1];
  return sorted[k] + (h - k) * (sorted[k + 1] - sorted[k]);
}

const ascending = (a, b) => a - b;

/** Section 5 (with the site): the `risk` object. */
export function monteCarlo(s) {
  const prep = prepare(s);
  const M = prep.M;
  const sigma = s.btc_volatility_pct_year / 100;
  const gp = s.btc_price_growth_pct_year / 100;
  const mu = Math.log(1 + gp);
  const drift = (mu - (sigma * sigma) / 2) / 12;
  const shock = sigma * Math.sqrt(1 / 12);
  const z = normals(s.mc_seed);
  const paths = s.mc_paths;
  const npvs = [];
  const cums = Array.from({ length: M }, () => []);
  let paidBack = 0, positive = 0;
  const monthPrice = new Float64Array(M);
  for (let path = 0; path < paths; path++) {
    monthPrice[0] = s.btc_price_usd;
    for (let m = 1; m < M; m++) monthPrice[m] = monthPrice[m - 1] * Math.exp(drift + shock * z());
    const price = (d) => {
      const m = Math.floor(d / DAYS_PER_MONTH);
      return monthPrice[m] * (1 + gp) ** ((d - DAYS_PER_MONTH * m) / DAYS_PER_YEAR);
    };
    const out = run(prep, price);
    if (out.payback_days !== null) paidBack++;
    if (out.npv_usd > 0) positive++;
    npvs.push(out.npv_usd);
    out.cum_cash_usd.forEach((c, m) => cums[m].push(c));
  }
  npvs.sort(ascending);
  cums.forEach((c) => c.sort(ascending));
  return {
    mc_payback_probability: paidBack / paths,
    mc_npv_positive_probability: positive / paths,
    mc_npv_usd_p10: percentile(npvs, 0.1),
    mc_npv_usd_p50: percentile(npvs, 0.5),
    mc_npv_usd_p90: percentile(npvs, 0.9),
    mc_cum_cash_usd_p10: cums.map((c) => percentile(c, 0.1)),
    mc_cum_cash_usd_p50: cums.map((c) => percentile(c, 0.5)),
    mc_cum_cash_usd_p90: cums.map((c) => percentile(c, 0.9)),
  };
}

/** Valid ranges (MODEL.md's scenario table) of the keys the tornado moves; lower bounds "> 0" read as 0. */
const RANGES = {
  btc_price_usd: [0, 1e7],
  network_hashrate_ehs: [0, 1e6],
  fees_btc_per_block: [0, 100],
  power_price_usd_kwh: [0, 10],
  machine_price_usd_per_th: [0, 10000],
  machine_efficiency_jth: [0, 1000],
  uptime_pct: [0, 100],
  hashrate_growth_pct_month: [-50, 100],
  btc_price_growth_pct_year: [-99, 1000],
};
const clamp = (key, x) => Math.min(Math.max(x, RANGES[key][0]), RANGES[key][1]);

const SCALED = [
  'btc_price_usd', 'network_hashrate_ehs', 'fees_btc_per_block', 'power_price_usd_kwh',
  'machine_price_usd_per_th', 'machine_efficiency_jth', 'uptime_pct',
];
/** Keys of every group's value the tornado scales with group 1's (section 7). */
const PER_GROUP = { machine_price_usd_per_th: 'price_usd_per_th', machine_efficiency_jth: 'efficiency_jth' };

/** The scenario with one tornado key moved: `factor` scales (1 ∓ s), or `shift` points are added. */
function moved(s, key, side) {
  const sens = s.sensitivity_pct / 100;
  const out = { ...s };
  let at;
  if (SCALED.includes(key)) {
    const factor = side === 'low' ? 1 - sens : 1 + sens;
    const field = PER_GROUP[key];
    if (field) {
      for (let g = 1; g <= GROUPS; g++) {
        const k = groupKey(g, field);
        if (g === 1 || s[groupKey(g, 'count')] >= 1) out[k] = clamp(key, s[k] * factor);
      }
    } else {
      out[key] = clamp(key, s[key] * factor);
    }
    at = out[key];
  } else {
    const points = key === 'hashrate_growth_pct_month' ? 10 * sens : 100 * sens;
    out[key] = clamp(key, side === 'low' ? s[key] - points : s[key] + points);
    at = out[key];
  }
  return { scenario: out, input: at };
}

export const TORNADO_KEYS = [...SCALED, 'hashrate_growth_pct_month', 'btc_price_growth_pct_year'];

/** Section 6's tornado (with the site). */
export function tornado(s) {
  return TORNADO_KEYS.map((key) => {
    const lo = moved(s, key, 'low');
    const hi = moved(s, key, 'high');
    return {
      key,
      low_input: lo.input,
      high_input: hi.input,
      npv_low_usd: projectionNpv(lo.scenario).npv_usd,
      npv_high_usd: projectionNpv(hi.scenario).npv_usd,
    };
  });
}

/** Section 6's heatmap: [j][i] with price × (0.5 + 0.05 i), network hashrate × (0.5 + 0.05 j). */
export function heatmap(s) {
  const rows = [];
  for (let j = 0; j <= 20; j++) {
    const row = [];
    for (let i = 0; i <= 20; i++) {
      const cell = {
        ...s,
        btc_price_usd: s.btc_price_usd * (0.5 + 0.05 * i),
        network_hashrate_ehs: s.network_hashrate_ehs * (0.5 + 0.05 * j),
      };
      row.push(projectionNpv(cell).npv_usd);
    }
    rows.push(row);
  }
  return rows;
}

/** What the Rust `evaluate_risk` returns: { risk, tornado, heatmap_npv_usd }; missing site/risk keys default. */
export function evaluateRisk(scenario) {
  const s = { ...RISK_SITE_DEFAULTS, ...scenario };
  return { risk: monteCarlo(s), tornado: tornado(s), heatmap_npv_usd: heatmap(s) };
}
