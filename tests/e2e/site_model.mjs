// An independent JS implementation of MODEL.md sections 1, 2, 3, 4, 7, 8 and 9 for a site of up to six machine
// groups (the day-0 snapshot, the daily projection with per-group curtailment, PUE, hosting and salvage, the
// financing and the loan month by month, and the keep / sell / convert decision). Written from MODEL.md (the
// shared model spec) only, NOT from the Rust code in src/model/, so that the two can check each other.
// site_model.test.mjs checks it against tests/data/reference_site_cases.json and reference_cases.json.
//
// evaluateSite(scenario) returns { snapshot, projection, hpc, decision } with the same keys as the model's JSON
// (null for none; group arrays have 6 entries, null for an absent group). Missing scenario keys take MODEL.md's
// defaults.

export const BLOCKS_PER_DAY = 144;
export const DAYS_PER_MONTH = 30.4375;
export const DAYS_PER_YEAR = 365.25;
export const GROUPS = 6;

/** MODEL.md's defaults for every input of sections 1–4 and 7–9. */
export const DEFAULTS = Object.freeze({
  btc_price_usd: 95000,
  network_hashrate_ehs: 1100,
  block_height: 925000,
  fees_btc_per_block: 0.02,
  machine_hashrate_ths: 200,
  machine_efficiency_jth: 17.5,
  machine_count: 1000,
  machine_price_usd_per_th: 15,
  power_price_usd_kwh: 0.05,
  pool_fee_pct: 2,
  uptime_pct: 97,
  opex_usd_month: 0,
  horizon_months: 36,
  hashrate_growth_pct_month: 2,
  btc_price_growth_pct_year: 0,
  discount_rate_pct_year: 10,
  curtail_when_unprofitable: true,
  debt_pct: 0,
  debt_apr_pct: 12,
  debt_term_months: 24,
  hpc_lease_usd_kw_month: 120,
  hpc_capex_usd_mw: 10000000,
  hpc_opex_pct: 20,
  machine_resale_usd_per_th: 0,
  ...Object.fromEntries([2, 3, 4, 5, 6].flatMap((g) => [
    [`machine${g}_hashrate_ths`, 200],
    [`machine${g}_efficiency_jth`, 17.5],
    [`machine${g}_count`, 0],
    [`machine${g}_price_usd_per_th`, 0],
    [`machine${g}_resale_usd_per_th`, 0],
  ])),
  resale_decline_pct_year: 40,
  pue: 1,
  hosting_usd_kw_month: 0,
  hpc_pue: 1.3,
  hpc_build_months: 18,
  hpc_lease_term_months: 180,
  hpc_discount_rate_pct_year: 8,
});

/** Block subsidy in BTC at height h, in integer satoshi arithmetic; 0 from 64 halvings on. */
export function subsidyBtc(height) {
  const halvings = Math.floor(height / 210000);
  if (halvings >= 64) return 0;
  return Number(5000000000n >> BigInt(halvings)) / 1e8;
}

/** Input key of group g (1-based) for a field: group 1 is `machine_<field>`, group g is `machine<g>_<field>`. */
export const groupKey = (g, field) => (g === 1 ? `machine_${field}` : `machine${g}_${field}`);

/** The six groups: null for an absent one, else { th, kw, e, price, resale }. */
function groupsOf(s) {
  const out = [];
  for (let g = 1; g <= GROUPS; g++) {
    const n = s[groupKey(g, 'count')];
    if (!(n >= 1)) { out.push(null); continue; }
    const h = s[groupKey(g, 'hashrate_ths')];
    const e = s[groupKey(g, 'efficiency_jth')];
    const th = h * n;
    const price = s[groupKey(g, 'price_usd_per_th')];
    out.push({ th, kw: (th * e) / 1000, e, price, resale: s[groupKey(g, 'resale_usd_per_th')] });
  }
  return out;
}

/** Bisection of MODEL.md section 2: the r in [−0.99, 10] with npv(r) = 0, to 1e-12; null if no sign change. */
export function bisect(npvAt) {
  let lo = -0.99;
  let hi = 10;
  let flo = npvAt(lo);
  const fhi = npvAt(hi);
  if (!(flo < 0 && fhi > 0) && !(flo > 0 && fhi < 0)) return null;
  while (hi - lo > 1e-12) {
    const mid = (lo + hi) / 2;
    const fm = npvAt(mid);
    if (fm === 0) return 100 * mid;
    if ((fm < 0) === (flo < 0)) { lo = mid; flo = fm; } else hi = mid;
  }
  return 100 * ((lo + hi) / 2);
}

/** NPV of −outlay (day 0), flows[d] at (d + 1) / 365.25 years and `end` at D / 365.25 years, at rate r. */
function npvOf(r, outlay, flows, end, D) {
  let v = -outlay;
  for (let d = 0; d < flows.length; d++) v += flows[d] / (1 + r) ** ((d + 1) / DAYS_PER_YEAR);
  return v + end / (1 + r) ** (D / DAYS_PER_YEAR);
}

/** Sections 1–4 and 7–9 for a scenario object with MODEL.md keys. */
export function evaluateSite(input) {
  const s = { ...DEFAULTS, ...input };
  const f = s.pool_fee_pct / 100;
  const u = s.uptime_pct / 100;
  const p = s.power_price_usd_kwh;
  const pue = s.pue;
  const price0 = s.btc_price_usd;
  const H0 = s.network_hashrate_ehs;
  const fees = s.fees_btc_per_block;
  const groups = groupsOf(s);

  // ---- Section 7: the site ----
  let fleetThs = 0, fleetKw = 0, capex = 0, resaleNow = 0;
  for (const g of groups) {
    if (!g) continue;
    fleetThs += g.th;
    fleetKw += g.kw;
    capex += g.price * g.th;
    resaleNow += g.resale * g.th;
  }
  const sitePowerKw = fleetKw * pue;
  const eFleet = (1000 * fleetKw) / fleetThs;
  const fixedDay = s.opex_usd_month / DAYS_PER_MONTH + (s.hosting_usd_kw_month * sitePowerKw) / DAYS_PER_MONTH;

  // ---- Section 1: snapshot ----
  const subsidy0 = subsidyBtc(s.block_height);
  const hashvalue = (BLOCKS_PER_DAY * (subsidy0 + fees)) / (H0 * 1000);
  const hashprice = hashvalue * price0;
  const btcDay = ((hashvalue * fleetThs) / 1000) * u * (1 - f);
  const revenueDay = btcDay * price0;
  const powerDay = fleetKw * pue * 24 * u * p;
  const shutdown = (24 * eFleet * pue * p) / (1 - f);
  const snapshot = {
    difficulty: (H0 * 1e18 * 600) / 2 ** 32,
    block_subsidy_btc: subsidy0,
    hashvalue_btc_per_ph_day: hashvalue,
    hashprice_usd_per_ph_day: hashprice,
    fees_share_pct: subsidy0 + fees === 0 ? null : (100 * fees) / (subsidy0 + fees),
    fleet_hashrate_ths: fleetThs,
    fleet_power_kw: fleetKw,
    revenue_usd_day: revenueDay,
    power_cost_usd_day: powerDay,
    profit_usd_day: revenueDay - powerDay - fixedDay,
    gross_margin_pct: revenueDay === 0 ? null : (100 * (revenueDay - powerDay)) / revenueDay,
    btc_mined_day: btcDay,
    power_cost_usd_per_btc: btcDay === 0 ? null : powerDay / btcDay,
    all_in_cost_usd_per_btc: btcDay === 0 ? null : (powerDay + fixedDay) / btcDay,
    breakeven_power_price_usd_kwh: (hashprice * (1 - f)) / (24 * eFleet * pue),
    shutdown_hashprice_usd_per_ph_day: shutdown,
    breakeven_btc_price_usd: hashprice === 0 ? null : (price0 * shutdown) / hashprice,
    capex_usd: capex,
    site_power_kw: sitePowerKw,
    resale_now_usd: resaleNow,
    group_breakeven_power_price_usd_kwh: groups.map((g) => (g ? (hashprice * (1 - f)) / (24 * g.e * pue) : null)),
    group_shutdown_hashprice_usd_per_ph_day: groups.map((g) => (g ? (24 * g.e * pue * p) / (1 - f) : null)),
    group_profit_usd_day: groups.map((g) => (g
      ? ((hashvalue * g.th) / 1000) * u * (1 - f) * price0 - g.kw * pue * 24 * u * p
      : null)),
  };

  // ---- Section 2 (with section 7): the daily engine, run to the horizon or to the end of the build ----
  const M = s.horizon_months;
  const D = Math.floor(M * DAYS_PER_MONTH + 0.5);
  const Bm = s.hpc_build_months;
  const Bdays = Math.floor(Bm * DAYS_PER_MONTH + 0.5);
  const engineDays = Math.max(D, Bdays);
  const gh = s.hashrate_growth_pct_month / 100;
  const gp = s.btc_price_growth_pct_year / 100;
  const nets = new Array(engineDays);
  const groupOff = new Array(GROUPS).fill(0);
  const groupFirstOff = new Array(GROUPS).fill(null);
  const groupGross = new Array(GROUPS).fill(0);
  let totBtc = 0, totRev = 0, totPow = 0, curtailedDays = 0, halvingDay = null;
  for (let d = 0; d < engineDays; d++) {
    const H = H0 * (1 + gh) ** (d / DAYS_PER_MONTH);
    const P = price0 * (1 + gp) ** (d / DAYS_PER_YEAR);
    const sub = subsidyBtc(s.block_height + BLOCKS_PER_DAY * d);
    const perTh = (BLOCKS_PER_DAY * (sub + fees)) / (H * 1000);
    let btc = 0, rev = 0, pow = 0, anyOff = false;
    for (let gi = 0; gi < GROUPS; gi++) {
      const g = groups[gi];
      if (!g) continue;
      let b = perTh * (g.th / 1000) * u * (1 - f);
      let r = b * P;
      let w = g.kw * pue * 24 * u * p;
      if (s.curtail_when_unprofitable && r < w) {
        b = r = w = 0;
        anyOff = true;
        if (d < D) {
          groupOff[gi]++;
          if (groupFirstOff[gi] === null) groupFirstOff[gi] = d;
        }
      }
      if (d < D) groupGross[gi] += r - w;
      btc += b;
      rev += r;
      pow += w;
    }
    nets[d] = rev - pow - fixedDay;
    if (d < D) {
      totBtc += btc;
      totRev += rev;
      totPow += pow;
      if (anyOff) curtailedDays++;
      if (halvingDay === null && d > 0 && sub < subsidy0) halvingDay = d;
    }
  }
  const net = nets.slice(0, D);
  const monthly = new Array(M).fill(0);
  let cum = 0;
  let payback = capex === 0 ? 0 : null;
  for (let d = 0; d < D; d++) {
    monthly[Math.min(Math.floor(d / DAYS_PER_MONTH), M - 1)] += net[d];
    cum += net[d];
    if (payback === null && cum >= capex) payback = d + 1;
  }
  const decline = 1 - s.resale_decline_pct_year / 100;
  const salvage = resaleNow * decline ** (D / DAYS_PER_YEAR);
  const r = s.discount_rate_pct_year / 100;
  const npv = npvOf(r, capex, net, salvage, D);
  const irr = capex === 0 ? null : bisect((x) => npvOf(x, capex, net, salvage, D));
  const sumNet = net.reduce((a, b) => a + b, 0);

  // ---- Section 3: financing ----
  const debt = (capex * s.debt_pct) / 100;
  const n = s.debt_term_months;
  const i = s.debt_apr_pct / 100 / 12;
  const hasDebt = debt > 0;
  const payment = !hasDebt ? 0 : i === 0 ? debt / n : (debt * i) / (1 - (1 + i) ** -n);
  const outlay = s.debt_pct === 100 ? 0 : capex * (1 - s.debt_pct / 100);
  let minDscr = null, equityPayback = null;
  if (hasDebt) {
    for (let m = 0; m < Math.min(n, M); m++) {
      const x = monthly[m] / payment;
      if (minDscr === null || x < minDscr) minDscr = x;
    }
    if (outlay === 0) equityPayback = 0;
    else {
      let acc = 0;
      for (let m = 0; m < M; m++) {
        acc += monthly[m] - (m < n ? payment : 0);
        if (acc >= outlay) { equityPayback = m + 1; break; }
      }
    }
  }

  // ---- Section 8: the loan month by month ----
  const balances = new Array(M).fill(0);
  let interestPaid = 0, balanceEnd = 0, shortfall = null;
  const equityNet = net.slice();
  if (hasDebt) {
    const last = Math.min(n, M);
    let B = debt;
    for (let m = 1; m <= last; m++) {
      const interest = B * i;
      B = m === n ? 0 : B - (payment - interest);
      interestPaid += interest;
      balances[m - 1] = B;
      const day = m === M ? D - 1 : Math.ceil(m * DAYS_PER_MONTH) - 1;
      equityNet[day] -= payment;
      if (shortfall === null && monthly[m - 1] < payment) shortfall = m;
    }
    balanceEnd = B;
    if (n > M) equityNet[D - 1] -= B;
  }
  const equityNpv = npvOf(r, outlay, equityNet, salvage, D);
  const equityIrr = outlay <= 0 ? null : bisect((x) => npvOf(x, outlay, equityNet, salvage, D));

  const projection = {
    horizon_days: D,
    halving_day: halvingDay,
    payback_days: payback,
    curtailed_days: curtailedDays,
    total_btc_mined: totBtc,
    total_revenue_usd: totRev,
    total_power_cost_usd: totPow,
    total_net_usd: sumNet - capex + salvage,
    npv_usd: npv,
    irr_pct_year: irr,
    monthly_net_usd: monthly,
    debt_payment_usd_month: payment,
    min_dscr: minDscr,
    equity_payback_months: equityPayback,
    salvage_usd: salvage,
    full_cost_usd_per_btc: totBtc === 0 ? null : (totPow + D * fixedDay + capex - salvage) / totBtc,
    group_curtailed_days: groups.map((g, gi) => (g ? groupOff[gi] : null)),
    group_first_curtailed_day: groups.map((g, gi) => (g ? groupFirstOff[gi] : null)),
    group_gross_profit_usd: groups.map((g, gi) => (g ? groupGross[gi] : null)),
    equity_npv_usd: equityNpv,
    equity_irr_pct_year: equityIrr,
    loan_balance_end_usd: balanceEnd,
    interest_paid_usd: interestPaid,
    first_shortfall_month: shortfall,
    loan_balance_usd: balances,
  };

  // ---- Section 4 (with section 7): mining versus AI/HPC per MW, day 0 ----
  const thsPerMw = 1e6 / (eFleet * pue);
  const miningRevenue = ((hashprice * thsPerMw) / 1000) * u * (1 - f) * DAYS_PER_YEAR;
  const miningProfit = miningRevenue - 1000 * 24 * u * p * DAYS_PER_YEAR;
  const miningCapex = (capex * 1000) / sitePowerKw;
  const hpcRevenue = s.hpc_lease_usd_kw_month * 1000 * 12;
  const hpcProfit = hpcRevenue * (1 - s.hpc_opex_pct / 100);
  const hpc = {
    mining_revenue_usd_mw_year: miningRevenue,
    mining_gross_profit_usd_mw_year: miningProfit,
    mining_capex_usd_mw: miningCapex,
    mining_payback_years: miningProfit <= 0 ? null : miningCapex / miningProfit,
    hpc_revenue_usd_mw_year: hpcRevenue,
    hpc_profit_usd_mw_year: hpcProfit,
    hpc_payback_years: hpcProfit <= 0 ? null : s.hpc_capex_usd_mw / hpcProfit,
    hpc_to_mining_profit_ratio: miningProfit <= 0 ? null : hpcProfit / miningProfit,
  };

  // ---- Section 9: keep, sell or convert ----
  const itKw = sitePowerKw / s.hpc_pue;
  const itMw = itKw / 1000;
  const convertCapex = s.hpc_capex_usd_mw * itMw;
  const leaseMonths = s.hpc_lease_term_months;
  const L = Bm + leaseMonths;
  const Ldays = Bdays + Math.floor(leaseMonths * DAYS_PER_MONTH + 0.5);
  const rh = s.hpc_discount_rate_pct_year / 100;
  const mine = nets.slice(0, Bdays);
  if (Bdays > 0) mine[Bdays - 1] += resaleNow * decline ** (Bdays / DAYS_PER_YEAR);
  const hpcCash = new Array(Ldays).fill(0);
  if (Bm > 0) {
    const part = convertCapex / Bm;
    for (let m = 1; m <= Bm; m++) hpcCash[m < Bm ? Math.ceil(m * DAYS_PER_MONTH) - 1 : Bdays - 1] -= part;
  }
  const leaseDay = ((s.hpc_lease_usd_kw_month * itKw) / DAYS_PER_MONTH) * (1 - s.hpc_opex_pct / 100);
  for (let d = Bdays; d < Ldays; d++) hpcCash[d] += leaseDay;
  let convertNpv = -capex + (Bm === 0 ? resaleNow - convertCapex : 0);
  for (let d = 0; d < Bdays; d++) convertNpv += mine[d] / (1 + r) ** ((d + 1) / DAYS_PER_YEAR);
  for (let d = 0; d < Ldays; d++) convertNpv += hpcCash[d] / (1 + rh) ** ((d + 1) / DAYS_PER_YEAR);
  const convertMonthly = new Array(L).fill(0);
  for (let d = 0; d < Ldays; d++) {
    const cash = (d < Bdays ? mine[d] : 0) + hpcCash[d];
    convertMonthly[Math.min(Math.floor(d / DAYS_PER_MONTH), L - 1)] += cash;
  }
  if (Bm === 0) convertMonthly[0] += resaleNow - convertCapex;
  const decision = {
    mine_npv_usd: npv,
    sell_npv_usd: resaleNow - capex,
    convert_npv_usd: convertNpv,
    convert_it_mw: itMw,
    convert_capex_usd: convertCapex,
    convert_monthly_net_usd: convertMonthly,
  };

  return { snapshot, projection, hpc, decision };
}
