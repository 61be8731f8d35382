//! MODEL.md section 1 with the site of section 7: day 0, no curtailment.

use super::constants::*;
use super::days::Fleet;
use super::scenario::{Scenario, MAX_GROUPS};
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
    pub site_power_kw: f64,
    pub resale_now_usd: f64,
    /// Per group 1–6 (none for an absent group): hashprice × (1 − f) / (24 × e_g × pue).
    pub group_breakeven_power_price_usd_kwh: [Option<f64>; MAX_GROUPS],
    /// 24 × e_g × pue × p / (1 − f)
    pub group_shutdown_hashprice_usd_per_ph_day: [Option<f64>; MAX_GROUPS],
    /// Day-0 revenue_g − power_g, no fixed costs, no curtailment.
    pub group_profit_usd_day: [Option<f64>; MAX_GROUPS],
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
    snapshot_of(s, &Fleet::new(s))
}

/// Section 1 for a site whose [`Fleet`] is already built.
pub fn snapshot_of(s: &Scenario, fleet: &Fleet) -> Snapshot {
    let f = s.pool_fee_pct / 100.0;
    let u = s.uptime_pct / 100.0;
    let p = s.power_price_usd_kwh;
    let subsidy = subsidy_btc(s.block_height as u64);
    let hashvalue = BLOCKS_PER_DAY * (subsidy + s.fees_btc_per_block) / (s.network_hashrate_ehs * 1000.0);
    let hashprice = hashvalue * s.btc_price_usd;
    let fleet_ths = fleet.fleet_ths;
    let fleet_power_kw = fleet.fleet_power_kw;
    let e_fleet = fleet.efficiency_jth();
    let btc_mined_day = hashvalue * fleet_ths / 1000.0 * u * (1.0 - f);
    let revenue = btc_mined_day * s.btc_price_usd;
    let power = fleet_power_kw * s.pue * 24.0 * u * p;
    let fixed_day = fleet.fixed_usd_day;
    let shutdown = 24.0 * e_fleet * s.pue * p / (1.0 - f);
    let mut group_breakeven = [None; MAX_GROUPS];
    let mut group_shutdown = [None; MAX_GROUPS];
    let mut group_profit = [None; MAX_GROUPS];
    for g in &fleet.groups {
        let e = g.efficiency_jth;
        group_breakeven[g.index] = finite(hashprice * (1.0 - f) / (24.0 * e * s.pue));
        group_shutdown[g.index] = finite(24.0 * e * s.pue * p / (1.0 - f));
        group_profit[g.index] = finite(fleet.btc(g, hashvalue) * s.btc_price_usd - g.power_usd_day);
    }
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
        profit_usd_day: revenue - power - fixed_day,
        gross_margin_pct: ratio(100.0 * (revenue - power), revenue),
        btc_mined_day,
        power_cost_usd_per_btc: ratio(power, btc_mined_day),
        all_in_cost_usd_per_btc: ratio(power + fixed_day, btc_mined_day),
        breakeven_power_price_usd_kwh: hashprice * (1.0 - f) / (24.0 * e_fleet * s.pue),
        shutdown_hashprice_usd_per_ph_day: shutdown,
        breakeven_btc_price_usd: ratio(s.btc_price_usd * shutdown, hashprice),
        capex_usd: fleet.capex_usd,
        site_power_kw: fleet.site_power_kw,
        resale_now_usd: fleet.resale_now_usd,
        group_breakeven_power_price_usd_kwh: group_breakeven,
        group_shutdown_hashprice_usd_per_ph_day: group_shutdown,
        group_profit_usd_day: group_profit,
    }
}

/// A finite value, or none (an overflow of valid but extreme inputs).
pub fn finite(x: f64) -> Option<f64> {
    Some(x).filter(|v| v.is_finite())
}
