//! MODEL.md section 1: day 0, no curtailment.

use super::constants::*;
use super::scenario::Scenario;
use serde::Serialize;

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Snapshot {
    pub difficulty: f64,
    pub block_subsidy_btc: f64,
    pub hashvalue_btc_per_ph_day: f64,
    pub hashprice_usd_per_ph_day: f64,
    pub fees_share_pct: Option<f64>,
    pub fleet_hashrate_ths: f64,
    pub fleet_power_kw: f64,
    pub revenue_usd_day: f64,
    pub power_cost_usd_day: f64,
    pub profit_usd_day: f64,
    pub gross_margin_pct: Option<f64>,
    pub btc_mined_day: f64,
    pub power_cost_usd_per_btc: Option<f64>,
    pub all_in_cost_usd_per_btc: Option<f64>,
    pub breakeven_power_price_usd_kwh: f64,
    pub shutdown_hashprice_usd_per_ph_day: f64,
    pub breakeven_btc_price_usd: Option<f64>,
    pub capex_usd: f64,
}

/// Divides, or gives none when the denominator is zero (a "none" output, never infinity or NaN).
pub fn ratio(numerator: f64, denominator: f64) -> Option<f64> {
    if denominator == 0.0 {
        None
    } else {
        Some(numerator / denominator).filter(|x| x.is_finite())
    }
}

pub fn snapshot(s: &Scenario) -> Snapshot {
    let f = s.pool_fee_pct / 100.0;
    let u = s.uptime_pct / 100.0;
    let e = s.machine_efficiency_jth;
    let p = s.power_price_usd_kwh;
    let subsidy = subsidy_btc(s.block_height as u64);
    let hashvalue = BLOCKS_PER_DAY * (subsidy + s.fees_btc_per_block) / (s.network_hashrate_ehs * 1000.0);
    let hashprice = hashvalue * s.btc_price_usd;
    let fleet_ths = s.machine_hashrate_ths * s.machine_count;
    let fleet_power_kw = fleet_ths * e / 1000.0;
    let btc_mined_day = hashvalue * fleet_ths / 1000.0 * u * (1.0 - f);
    let revenue = btc_mined_day * s.btc_price_usd;
    let power = fleet_power_kw * 24.0 * u * p;
    let opex_day = s.opex_usd_month / DAYS_PER_MONTH;
    let shutdown = 24.0 * e * p / (1.0 - f);
    Snapshot {
        difficulty: difficulty_from_hashrate_ehs(s.network_hashrate_ehs),
        block_subsidy_btc: subsidy,
        hashvalue_btc_per_ph_day: hashvalue,
        hashprice_usd_per_ph_day: hashprice,
        fees_share_pct: ratio(100.0 * s.fees_btc_per_block, subsidy + s.fees_btc_per_block),
        fleet_hashrate_ths: fleet_ths,
        fleet_power_kw,
        revenue_usd_day: revenue,
        power_cost_usd_day: power,
        profit_usd_day: revenue - power - opex_day,
        gross_margin_pct: ratio(100.0 * (revenue - power), revenue),
        btc_mined_day,
        power_cost_usd_per_btc: ratio(power, btc_mined_day),
        all_in_cost_usd_per_btc: ratio(power + opex_day, btc_mined_day),
        breakeven_power_price_usd_kwh: hashprice * (1.0 - f) / (24.0 * e),
        shutdown_hashprice_usd_per_ph_day: shutdown,
        breakeven_btc_price_usd: ratio(s.btc_price_usd * shutdown, hashprice),
        capex_usd: s.machine_price_usd_per_th * fleet_ths,
    }
}
