//! The hashprice & margin model of MODEL.md: pure Rust, tested natively; no browser imports except the
//! engine's `Math` functions in the WASM build (see `crate::math`).

pub mod bench_sites;
pub mod constants;
pub mod days;
pub mod decision;
pub mod hpc;
pub mod projection;
pub mod risk;
pub mod scenario;
pub mod snapshot;

pub use decision::Decision;
pub use hpc::Hpc;
pub use projection::{Projection, Series};
pub use risk::{Risk, RiskResults, TornadoRow};
pub use scenario::{
    input_spec, GroupField, InputError, InputSpec, Kind, MachineGroup, Scenario, GROUP_KEYS, INPUTS, MAX_GROUPS,
};
pub use snapshot::Snapshot;

use serde::Serialize;

/// Sections 1–4 and 7–9 of MODEL.md for one scenario, with the output keys of `reference/site_cases.json`.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Results {
    pub snapshot: Snapshot,
    pub projection: Projection,
    pub hpc: Hpc,
    pub decision: Decision,
    /// Chart series; not part of the output contract.
    #[serde(skip)]
    pub series: Series,
}

/// Validates and evaluates a scenario. Never panics: an invalid scenario is an error naming the key.
pub fn evaluate(s: &Scenario) -> Result<Results, InputError> {
    s.validate()?;
    let fleet = days::Fleet::new(s);
    let snapshot = snapshot::snapshot_of(s, &fleet);
    let (projection, series) = projection::project(s, &fleet);
    let hpc = hpc::hpc(s, snapshot.hashprice_usd_per_ph_day, &fleet);
    let decision = decision::decision(s, &fleet, projection.npv_usd, &series.net_usd);
    Ok(Results { snapshot, projection, hpc, decision, series })
}

/// Sections 5–6 (Monte Carlo, tornado, heatmap): heavier, so the page runs it apart from `evaluate`.
pub fn evaluate_risk(s: &Scenario) -> Result<RiskResults, InputError> {
    s.validate()?;
    let mut run = risk::RiskRun::new(s);
    loop {
        if let Some(results) = run.step() {
            return Ok(results);
        }
    }
}

/// Output keys of sections 1, 2–3 and 4 that hold one number (the page's KPIs), in display order.
pub const SNAPSHOT_KEYS: &[&str] = &[
    "hashprice_usd_per_ph_day",
    "hashvalue_btc_per_ph_day",
    "breakeven_power_price_usd_kwh",
    "shutdown_hashprice_usd_per_ph_day",
    "breakeven_btc_price_usd",
    "profit_usd_day",
    "revenue_usd_day",
    "power_cost_usd_day",
    "gross_margin_pct",
    "btc_mined_day",
    "power_cost_usd_per_btc",
    "all_in_cost_usd_per_btc",
    "fees_share_pct",
    "block_subsidy_btc",
    "difficulty",
    "fleet_hashrate_ths",
    "fleet_power_kw",
    "capex_usd",
    "site_power_kw",
    "resale_now_usd",
];

pub const PROJECTION_KEYS: &[&str] = &[
    "payback_days",
    "npv_usd",
    "irr_pct_year",
    "total_net_usd",
    "total_btc_mined",
    "total_revenue_usd",
    "total_power_cost_usd",
    "curtailed_days",
    "halving_day",
    "horizon_days",
    "debt_payment_usd_month",
    "min_dscr",
    "equity_payback_months",
    "salvage_usd",
    "full_cost_usd_per_btc",
    "equity_npv_usd",
    "equity_irr_pct_year",
    "loan_balance_end_usd",
    "interest_paid_usd",
    "first_shortfall_month",
];

pub const HPC_KEYS: &[&str] = &[
    "mining_revenue_usd_mw_year",
    "mining_gross_profit_usd_mw_year",
    "mining_capex_usd_mw",
    "mining_payback_years",
    "hpc_revenue_usd_mw_year",
    "hpc_profit_usd_mw_year",
    "hpc_payback_years",
    "hpc_to_mining_profit_ratio",
];

/// Output keys of section 9 (the `decision` object) that hold one number.
pub const DECISION_KEYS: &[&str] =
    &["mine_npv_usd", "sell_npv_usd", "convert_npv_usd", "convert_it_mw", "convert_capex_usd"];

/// Output keys that hold one value per machine group (6 entries, none for an absent group), by section.
pub const SNAPSHOT_GROUP_KEYS: &[&str] =
    &["group_breakeven_power_price_usd_kwh", "group_shutdown_hashprice_usd_per_ph_day", "group_profit_usd_day"];
pub const PROJECTION_GROUP_KEYS: &[&str] =
    &["group_curtailed_days", "group_first_curtailed_day", "group_gross_profit_usd"];

fn count(x: Option<usize>) -> Option<f64> {
    x.map(|v| v as f64)
}

impl Results {
    /// A scalar output by its key (see [`output_value`]).
    pub fn value(&self, key: &str) -> Option<Option<f64>> {
        output_value(&self.snapshot, &self.projection, &self.hpc, key).or_else(|| self.decision.value(key))
    }

    /// A per-group output by its key (see [`group_output`]).
    pub fn group_values(&self, key: &str) -> Option<[Option<f64>; MAX_GROUPS]> {
        group_output(&self.snapshot, &self.projection, key)
    }
}

/// The entries of a per-group output that are there (present groups, no overflow), with their 0-based group,
/// in group order.
pub fn present_groups(values: &[Option<f64>; MAX_GROUPS]) -> impl Iterator<Item = (usize, f64)> + '_ {
    values.iter().enumerate().filter_map(|(g, v)| v.map(|v| (g, v)))
}

/// A per-group output by its key (see [`SNAPSHOT_GROUP_KEYS`], [`PROJECTION_GROUP_KEYS`]): `None` for an
/// unknown key; an entry is none for an absent group, and for an overflow.
pub fn group_output(s: &Snapshot, p: &Projection, key: &str) -> Option<[Option<f64>; MAX_GROUPS]> {
    let counts = |a: &[Option<usize>; MAX_GROUPS]| a.map(count);
    let v = match key {
        "group_breakeven_power_price_usd_kwh" => s.group_breakeven_power_price_usd_kwh,
        "group_shutdown_hashprice_usd_per_ph_day" => s.group_shutdown_hashprice_usd_per_ph_day,
        "group_profit_usd_day" => s.group_profit_usd_day,
        "group_curtailed_days" => counts(&p.group_curtailed_days),
        "group_first_curtailed_day" => counts(&p.group_first_curtailed_day),
        "group_gross_profit_usd" => p.group_gross_profit_usd,
        _ => return None,
    };
    Some(v.map(|x| x.filter(|v| v.is_finite())))
}

impl Decision {
    /// A scalar output of section 9 by its key.
    pub fn value(&self, key: &str) -> Option<Option<f64>> {
        let v = match key {
            "mine_npv_usd" => self.mine_npv_usd,
            "sell_npv_usd" => self.sell_npv_usd,
            "convert_npv_usd" => self.convert_npv_usd,
            "convert_it_mw" => self.convert_it_mw,
            "convert_capex_usd" => self.convert_capex_usd,
            _ => return None,
        };
        Some(Some(v).filter(|x| x.is_finite()))
    }
}

/// A scalar output of sections 1–4, 7 and 8 by its key: `None` for an unknown key, `Some(None)` for an output that is
/// none. An output that overflowed (valid but extreme inputs, e.g. a network hashrate of 1e-300 EH/s) is none
/// too.
pub fn output_value(s: &Snapshot, p: &Projection, h: &Hpc, key: &str) -> Option<Option<f64>> {
    let v = match key {
        "difficulty" => Some(s.difficulty),
        "block_subsidy_btc" => Some(s.block_subsidy_btc),
        "hashvalue_btc_per_ph_day" => Some(s.hashvalue_btc_per_ph_day),
        "hashprice_usd_per_ph_day" => Some(s.hashprice_usd_per_ph_day),
        "fees_share_pct" => s.fees_share_pct,
        "fleet_hashrate_ths" => Some(s.fleet_hashrate_ths),
        "fleet_power_kw" => Some(s.fleet_power_kw),
        "revenue_usd_day" => Some(s.revenue_usd_day),
        "power_cost_usd_day" => Some(s.power_cost_usd_day),
        "profit_usd_day" => Some(s.profit_usd_day),
        "gross_margin_pct" => s.gross_margin_pct,
        "btc_mined_day" => Some(s.btc_mined_day),
        "power_cost_usd_per_btc" => s.power_cost_usd_per_btc,
        "all_in_cost_usd_per_btc" => s.all_in_cost_usd_per_btc,
        "breakeven_power_price_usd_kwh" => Some(s.breakeven_power_price_usd_kwh),
        "shutdown_hashprice_usd_per_ph_day" => Some(s.shutdown_hashprice_usd_per_ph_day),
        "breakeven_btc_price_usd" => s.breakeven_btc_price_usd,
        "capex_usd" => Some(s.capex_usd),
        "site_power_kw" => Some(s.site_power_kw),
        "resale_now_usd" => Some(s.resale_now_usd),
        "horizon_days" => Some(p.horizon_days as f64),
        "halving_day" => count(p.halving_day),
        "payback_days" => count(p.payback_days),
        "curtailed_days" => Some(p.curtailed_days as f64),
        "total_btc_mined" => Some(p.total_btc_mined),
        "total_revenue_usd" => Some(p.total_revenue_usd),
        "total_power_cost_usd" => Some(p.total_power_cost_usd),
        "total_net_usd" => Some(p.total_net_usd),
        "npv_usd" => Some(p.npv_usd),
        "irr_pct_year" => p.irr_pct_year,
        "debt_payment_usd_month" => Some(p.debt_payment_usd_month),
        "min_dscr" => p.min_dscr,
        "equity_payback_months" => count(p.equity_payback_months),
        "salvage_usd" => Some(p.salvage_usd),
        "full_cost_usd_per_btc" => p.full_cost_usd_per_btc,
        "equity_npv_usd" => Some(p.equity.equity_npv_usd),
        "equity_irr_pct_year" => p.equity.equity_irr_pct_year,
        "loan_balance_end_usd" => Some(p.equity.loan_balance_end_usd),
        "interest_paid_usd" => Some(p.equity.interest_paid_usd),
        "first_shortfall_month" => count(p.equity.first_shortfall_month),
        "mining_revenue_usd_mw_year" => Some(h.mining_revenue_usd_mw_year),
        "mining_gross_profit_usd_mw_year" => Some(h.mining_gross_profit_usd_mw_year),
        "mining_capex_usd_mw" => Some(h.mining_capex_usd_mw),
        "mining_payback_years" => h.mining_payback_years,
        "hpc_revenue_usd_mw_year" => Some(h.hpc_revenue_usd_mw_year),
        "hpc_profit_usd_mw_year" => Some(h.hpc_profit_usd_mw_year),
        "hpc_payback_years" => h.hpc_payback_years,
        "hpc_to_mining_profit_ratio" => h.hpc_to_mining_profit_ratio,
        _ => return None,
    };
    Some(v.filter(|x| x.is_finite()))
}
