// An independent JS implementation of MODEL.md sections 2–4 (daily projection, financing, mining versus
// AI/HPC per MW), written from MODEL.md for the end-to-end checks of the page's KPIs (section 1 is model.mjs).
// calculator.test.mjs checks it against tests/data/reference_cases.json before trusting it.
import { snapshot, subsidyBtc, BLOCKS_PER_DAY, DAYS_PER_MONTH } from './model.mjs';

export const DAYS_PER_YEAR = 365.25;

/** Section 2 and 3 outputs for a scenario object with MODEL.md keys (monthly_net_usd included). */
export function projection(s) {
  const f = s.pool_fee_pct / 100;
  const u = s.uptime_pct / 100;
  const e = s.machine_efficiency_jth;
  const p = s.power_price_usd_kwh;
  const gh = s.hashrate_growth_pct_month / 100;
  const gp = s.btc_price_growth_pct_year / 100;
  const fleetThs = s.machine_hashrate_ths * s.machine_count;
  const fleetKw = (fleetThs * e) / 1000;
  const opexDay = s.opex_usd_month / DAYS_PER_MONTH;
  const capex = s.machine_price_usd_per_th * fleetThs;
  const months = s.horizon_months;
  const D = Math.floor(months * DAYS_PER_MONTH + 0.5);
  const sub0 = subsidyBtc(s.block_height);

  const nets = [];
  const monthly = new Array(months).fill(0);
  let cum = 0;
  let payback = capex === 0 ? 0 : null;
  let halving = null;
  let totBtc = 0, totRev = 0, totPow = 0, curtailed = 0;
  for (let d = 0; d < D; d++) {
    const H = s.network_hashrate_ehs * (1 + gh) ** (d / DAYS_PER_MONTH);
    const P = s.btc_price_usd * (1 + gp) ** (d / DAYS_PER_YEAR);
    const sub = subsidyBtc(s.block_height + BLOCKS_PER_DAY * d);
    let btc = ((BLOCKS_PER_DAY * (sub + s.fees_btc_per_block)) / (H * 1000)) * (fleetThs / 1000) * u * (1 - f);
    let rev = btc * P;
    let pow = fleetKw * 24 * u * p;
    if (s.curtail_when_unprofitable && rev < pow) {
      btc = rev = pow = 0;
      curtailed++;
    }
    const net = rev - pow - opexDay;
    nets.push(net);
    totBtc += btc;
    totRev += rev;
    totPow += pow;
    cum += net;
    if (payback === null && cum >= capex) payback = d + 1;
    if (halving === null && d > 0 && sub < sub0) halving = d;
    monthly[Math.min(Math.floor(d / DAYS_PER_MONTH), months - 1)] += net;
  }
  const npvAt = (r) => {
    let v = -capex;
    for (let d = 0; d < D; d++) v += nets[d] / (1 + r) ** ((d + 1) / DAYS_PER_YEAR);
    return v;
  };
  let irr = null;
  if (capex !== 0) {
    let lo = -0.99, hi = 10;
    let flo = npvAt(lo);
    const fhi = npvAt(hi);
    if (Math.sign(flo) !== Math.sign(fhi) && flo !== 0 && fhi !== 0) {
      while (hi - lo > 1e-12) {
        const mid = (lo + hi) / 2;
        const fm = npvAt(mid);
        if (fm === 0) { lo = hi = mid; break; }
        if (Math.sign(fm) === Math.sign(flo)) { lo = mid; flo = fm; } else hi = mid;
      }
      irr = 100 * ((lo + hi) / 2);
    }
  }

  // Section 3: financing.
  const debt = (capex * s.debt_pct) / 100;
  const n = s.debt_term_months;
  const i = s.debt_apr_pct / 100 / 12;
  let payment = 0, minDscr = null, equityPayback = null;
  if (debt > 0) {
    payment = i === 0 ? debt / n : (debt * i) / (1 - (1 + i) ** -n);
    for (let m = 0; m < Math.min(n, months); m++) {
      const dscr = monthly[m] / payment;
      if (minDscr === null || dscr < minDscr) minDscr = dscr;
    }
    let acc = 0;
    for (let m = 0; m < months; m++) {
      acc += monthly[m] - (m < n ? payment : 0);
      if (acc >= capex - debt) { equityPayback = m + 1; break; }
    }
  }

  return {
    horizon_days: D,
    halving_day: halving,
    payback_days: payback,
    curtailed_days: curtailed,
    total_btc_mined: totBtc,
    total_revenue_usd: totRev,
    total_power_cost_usd: totPow,
    total_net_usd: nets.reduce((a, b) => a + b, 0) - capex,
    npv_usd: npvAt(s.discount_rate_pct_year / 100),
    irr_pct_year: irr,
    monthly_net_usd: monthly,
    debt_payment_usd_month: payment,
    min_dscr: minDscr,
    equity_payback_months: equityPayback,
  };
}

/** Section 4 outputs (per MW, day 0). */
export function hpc(s) {
  const f = s.pool_fee_pct / 100;
  const u = s.uptime_pct / 100;
  const e = s.machine_efficiency_jth;
  const p = s.power_price_usd_kwh;
  const { hashprice_usd_per_ph_day: hashprice } = snapshot(s);
  const thsPerMw = 1e6 / e;
  const miningRevenue = ((hashprice * thsPerMw) / 1000) * u * (1 - f) * DAYS_PER_YEAR;
  const miningProfit = miningRevenue - 1000 * 24 * u * p * DAYS_PER_YEAR;
  const miningCapex = s.machine_price_usd_per_th * thsPerMw;
  const hpcRevenue = s.hpc_lease_usd_kw_month * 1000 * 12;
  const hpcProfit = hpcRevenue * (1 - s.hpc_opex_pct / 100);
  return {
    mining_revenue_usd_mw_year: miningRevenue,
    mining_gross_profit_usd_mw_year: miningProfit,
    mining_capex_usd_mw: miningCapex,
    mining_payback_years: miningProfit <= 0 ? null : miningCapex / miningProfit,
    hpc_revenue_usd_mw_year: hpcRevenue,
    hpc_profit_usd_mw_year: hpcProfit,
    hpc_payback_years: s.hpc_capex_usd_mw / hpcProfit,
    hpc_to_mining_profit_ratio: miningProfit <= 0 ? null : hpcProfit / miningProfit,
  };
}
