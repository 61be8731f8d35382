//! Tests of `state::sell_side`, kept beside it: the identities the reports' figures rest on (DOMAIN.md).

use super::*;
use crate::model::evaluate;

fn results(s: &Scenario) -> Results {
    evaluate(s).expect("valid scenario")
}

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() <= 1e-12 * b.abs().max(1.0)
}

fn figure(key: &str, s: &Scenario) -> f64 {
    value(key, s, &results(s)).flatten().expect("a value")
}

/// At full uptime, no pool fee and PUE 1, the fleet's revenue per EH/s per day is the network's hashprice × 1,000,
/// and its revenue per MWh is Hashrate Index's hashprice ÷ (J/TH × 0.024), whatever the machine.
#[test]
fn without_fee_or_downtime_the_figures_are_the_reports_formulas() {
    for efficiency in [13.5, 17.5, 29.5] {
        let s = Scenario {
            uptime_pct: 100.0,
            pool_fee_pct: 0.0,
            machine_efficiency_jth: efficiency,
            ..Scenario::default()
        };
        let hashprice = results(&s).snapshot.hashprice_usd_per_ph_day;
        assert!(close(figure("revenue_usd_per_eh_day", &s), hashprice * 1000.0));
        assert!(close(figure("revenue_usd_per_mwh", &s), hashprice / (efficiency * 0.024)));
    }
}

/// The site's cooling draws power that earns nothing: each MWh bought earns PUE times less.
#[test]
fn revenue_per_mwh_counts_the_sites_power() {
    let s = Scenario::default();
    let with_pue = Scenario { pue: 1.25, ..Scenario::default() };
    assert!(close(figure("revenue_usd_per_mwh", &with_pue) * 1.25, figure("revenue_usd_per_mwh", &s)));
    assert!(close(figure("revenue_usd_per_eh_day", &with_pue), figure("revenue_usd_per_eh_day", &s)));
}

/// The fleet makes a cash profit today exactly when its hashcost is below what a PH/s earns after the pool fee
/// and downtime, fixed costs and hosting included.
#[test]
fn hashcost_below_the_earned_hashprice_means_a_cash_profit() {
    for price in [0.02, 0.05, 0.08, 0.11, 0.2] {
        let s = Scenario {
            power_price_usd_kwh: price,
            opex_usd_month: 2000.0,
            hosting_usd_kw_month: 3.0,
            pue: 1.1,
            ..Scenario::default()
        };
        let r = results(&s);
        let earned = r.snapshot.hashprice_usd_per_ph_day * (1.0 - s.pool_fee_pct / 100.0) * s.uptime_pct / 100.0;
        let hashcost = figure("hashcost_usd_per_ph_day", &s);
        assert_eq!(hashcost < earned, r.snapshot.profit_usd_day > 0.0, "at ${price}/kWh");
        let gross = figure("gross_profit_usd_per_eh_day", &s);
        assert_eq!(gross > 0.0, r.snapshot.revenue_usd_day > r.snapshot.power_cost_usd_day);
    }
}

/// At 0 % uptime nothing is earned and nothing is drawn: revenue per MWh has no value, the rest are 0 or the
/// fixed costs alone.
#[test]
fn at_zero_uptime_revenue_per_mwh_is_none() {
    let s = Scenario { uptime_pct: 0.0, opex_usd_month: 30_437.5, ..Scenario::default() };
    let r = results(&s);
    assert_eq!(value("revenue_usd_per_mwh", &s, &r), Some(None));
    assert_eq!(value("gross_profit_usd_per_eh_day", &s, &r), Some(Some(0.0)));
    let ph = r.snapshot.fleet_hashrate_ths / 1000.0;
    assert!(close(figure("hashcost_usd_per_ph_day", &s), 1000.0 / ph));
    assert_eq!(value("npv_usd", &s, &r), None, "a model key is not one of these");
}

/// A MWh earns what the breakeven power price pays for it: revenue per MWh is that price × 1,000, at any uptime,
/// pool fee or PUE (the formula on the page says so).
#[test]
fn revenue_per_mwh_is_the_breakeven_power_price_per_mwh() {
    let s = Scenario { uptime_pct: 83.0, pool_fee_pct: 2.5, pue: 1.3, machine_efficiency_jth: 21.5, ..Scenario::default() };
    let breakeven = results(&s).snapshot.breakeven_power_price_usd_kwh;
    assert!(close(figure("revenue_usd_per_mwh", &s), breakeven * 1000.0));
}
