//! MODEL.md section 4: one MW used for mining versus leased to an AI/HPC tenant (day 0, static).

use super::constants::DAYS_PER_YEAR;
use super::days::Fleet;
use super::scenario::Scenario;
use serde::Serialize;

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Hpc {
    pub mining_revenue_usd_mw_year: f64,
    pub mining_gross_profit_usd_mw_year: f64,
    pub mining_capex_usd_mw: f64,
    pub mining_payback_years: Option<f64>,
    pub hpc_revenue_usd_mw_year: f64,
    pub hpc_profit_usd_mw_year: f64,
    pub hpc_payback_years: Option<f64>,
    pub hpc_to_mining_profit_ratio: Option<f64>,
}

fn positive_ratio(numerator: f64, denominator: f64) -> Option<f64> {
    if denominator > 0.0 {
        Some(numerator / denominator).filter(|x| x.is_finite())
    } else {
        None
    }
}

/// Section 4 with the site of section 7: a MW of site power (PUE included) at the fleet's efficiency.
pub fn hpc(s: &Scenario, hashprice_usd_per_ph_day: f64, fleet: &Fleet) -> Hpc {
    let f = s.pool_fee_pct / 100.0;
    let u = s.uptime_pct / 100.0;
    let e_fleet = fleet.efficiency_jth();
    let ths_per_mw = 1e6 / (e_fleet * s.pue);
    let mining_revenue = hashprice_usd_per_ph_day * ths_per_mw / 1000.0 * u * (1.0 - f) * DAYS_PER_YEAR;
    let mining_profit = mining_revenue - 1000.0 * 24.0 * u * s.power_price_usd_kwh * DAYS_PER_YEAR;
    let mining_capex = fleet.capex_usd * 1000.0 / fleet.site_power_kw;
    let hpc_revenue = s.hpc_lease_usd_kw_month * 1000.0 * 12.0;
    let hpc_profit = hpc_revenue * (1.0 - s.hpc_opex_pct / 100.0);
    Hpc {
        mining_revenue_usd_mw_year: mining_revenue,
        mining_gross_profit_usd_mw_year: mining_profit,
        mining_capex_usd_mw: mining_capex,
        mining_payback_years: positive_ratio(mining_capex, mining_profit),
        hpc_revenue_usd_mw_year: hpc_revenue,
        hpc_profit_usd_mw_year: hpc_profit,
        hpc_payback_years: positive_ratio(s.hpc_capex_usd_mw, hpc_profit),
        hpc_to_mining_profit_ratio: positive_ratio(hpc_profit, mining_profit),
    }
}
