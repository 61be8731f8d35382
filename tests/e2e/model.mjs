// An independent JS implementation of MODEL.md section 1 (the day-0 snapshot), for end-to-end checks
// of the page's KPIs. Deliberately written from MODEL.md, not from the Rust code.

export const BLOCKS_PER_DAY = 144;
export const DAYS_PER_MONTH = 30.4375;

/** Block subsidy in BTC at height h, in integer satoshi arithmetic; 0 from 64 halvings on. */
export function subsidyBtc(height) {
  const halvings = Math.floor(height / 210000);
  if (halvings >= 64) return 0;
  return Number(5000000000n >> BigInt(halvings)) / 1e8;
}

/** Section 1 outputs for a scenario object with MODEL.md keys. */
export function snapshot(s) {
  const f = s.pool_fee_pct / 100;
  const u = s.uptime_pct / 100;
  const e = s.machine_efficiency_jth;
  const p = s.power_price_usd_kwh;
  const subsidy = subsidyBtc(s.block_height);
  const hashvalue = (BLOCKS_PER_DAY * (subsidy + s.fees_btc_per_block)) / (s.network_hashrate_ehs * 1000);
  const hashprice = hashvalue * s.btc_price_usd;
  const fleetThs = s.machine_hashrate_ths * s.machine_count;
  const fleetKw = (fleetThs * e) / 1000;
  const btcMinedDay = ((hashvalue * fleetThs) / 1000) * u * (1 - f);
  const revenue = btcMinedDay * s.btc_price_usd;
  const power = fleetKw * 24 * u * p;
  const opexDay = s.opex_usd_month / DAYS_PER_MONTH;
  const shutdown = (24 * e * p) / (1 - f);
  return {
    block_subsidy_btc: subsidy,
    hashvalue_btc_per_ph_day: hashvalue,
    hashprice_usd_per_ph_day: hashprice,
    fees_share_pct: subsidy + s.fees_btc_per_block === 0 ? null : (100 * s.fees_btc_per_block) / (subsidy + s.fees_btc_per_block),
    fleet_hashrate_ths: fleetThs,
    fleet_power_kw: fleetKw,
    btc_mined_day: btcMinedDay,
    revenue_usd_day: revenue,
    power_cost_usd_day: power,
    profit_usd_day: revenue - power - opexDay,
    gross_margin_pct: revenue === 0 ? null : (100 * (revenue - power)) / revenue,
    breakeven_power_price_usd_kwh: (hashprice * (1 - f)) / (24 * e),
    shutdown_hashprice_usd_per_ph_day: shutdown,
    breakeven_btc_price_usd: hashprice === 0 ? null : (s.btc_price_usd * shutdown) / hashprice,
    capex_usd: s.machine_price_usd_per_th * fleetThs,
  };
}
