//! The day-0 figures sell-side analysts quote (`../shared/DOMAIN.md`): revenue and gross profit per EH/s per day
//! (the banks' monthly notes), hashcost per PH/s per day (public miners' filings) and revenue per MWh (Hashrate
//! Index's efficiency bands). They are not MODEL.md outputs: the page derives them from the model's snapshot,
//! under keys of its own, so that an analyst can set the fleet beside the figures in those reports.

use crate::model::{Results, Scenario};

/// The page's keys for these figures, in the order the results grid shows them.
pub const KEYS: &[&str] =
    &["revenue_usd_per_eh_day", "gross_profit_usd_per_eh_day", "hashcost_usd_per_ph_day", "revenue_usd_per_mwh"];

/// Opex and hosting on the site's power, per day, as the model counts them (`model::days::fixed_usd_day`).
pub fn fixed_usd_day(s: &Scenario, r: &Results) -> f64 {
    crate::model::days::fixed_usd_day(s, r.snapshot.site_power_kw)
}

/// The energy the site draws in a day, in MWh: site power × 24 h × uptime.
pub fn energy_mwh_day(s: &Scenario, r: &Results) -> f64 {
    r.snapshot.site_power_kw * 24.0 * (s.uptime_pct / 100.0) / 1000.0
}

/// A figure by its key: `None` for a key that is not one of [`KEYS`], `Some(None)` when it has no value (revenue
/// per MWh when the machines draw nothing, at 0 % uptime) or overflowed.
pub fn value(key: &str, s: &Scenario, r: &Results) -> Option<Option<f64>> {
    let snap = &r.snapshot;
    let fleet_ehs = snap.fleet_hashrate_ths / 1e6;
    let v = match key {
        "revenue_usd_per_eh_day" => snap.revenue_usd_day / fleet_ehs,
        "gross_profit_usd_per_eh_day" => (snap.revenue_usd_day - snap.power_cost_usd_day) / fleet_ehs,
        "hashcost_usd_per_ph_day" => (snap.power_cost_usd_day + fixed_usd_day(s, r)) / (fleet_ehs * 1000.0),
        "revenue_usd_per_mwh" => snap.revenue_usd_day / energy_mwh_day(s, r),
        _ => return None,
    };
    Some(Some(v).filter(|x| x.is_finite()))
}

#[cfg(test)]
#[path = "sell_side_tests.rs"]
mod tests;
