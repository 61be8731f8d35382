//! MODEL.md sections 5–6 against `tests/data/reference_risk_cases.json` (a byte-identical copy of
//! ../shared/reference/risk_cases.json), every value to 1e-9 relative.

use hashprice::model::{evaluate, evaluate_risk, Scenario};
use serde_json::Value;

mod common;
use common::{assert_cases_match, close};

fn cases() -> Vec<Value> {
    common::cases("tests/data/reference_risk_cases.json")
}

#[test]
fn risk_reference_cases_match_to_1e9() {
    let cases = cases();
    assert!(!cases.is_empty());
    assert_cases_match(&cases, evaluate_risk);
}

#[test]
fn zero_volatility_reproduces_the_deterministic_projection() {
    for seed in [0.0, 1.0, 99.0] {
        let s = Scenario { btc_volatility_pct_year: 0.0, mc_paths: 3.0, mc_seed: seed, btc_price_growth_pct_year: 25.0, ..Scenario::default() };
        let det = evaluate(&s).expect("valid").projection;
        let risk = evaluate_risk(&s).expect("valid").risk;
        assert!(close(risk.mc_npv_usd_p50, det.npv_usd), "{} vs {}", risk.mc_npv_usd_p50, det.npv_usd);
        assert_eq!(risk.mc_payback_probability, if det.payback_days.is_some() { 1.0 } else { 0.0 });
        let mut cum = -(s.machine_price_usd_per_th * s.machine_hashrate_ths * s.machine_count);
        for (m, net) in det.monthly_net_usd.iter().enumerate() {
            cum += net;
            assert!(close(risk.mc_cum_cash_usd_p50[m], cum), "month {m}");
            assert!(close(risk.mc_cum_cash_usd_p10[m], cum) && close(risk.mc_cum_cash_usd_p90[m], cum));
        }
    }
}

#[test]
fn heatmap_centre_is_the_scenario_npv() {
    let s = Scenario::default();
    let det = evaluate(&s).expect("valid").projection;
    let r = evaluate_risk(&s).expect("valid");
    assert_eq!(r.heatmap_npv_usd.len(), 21);
    assert!(r.heatmap_npv_usd.iter().all(|row| row.len() == 21));
    assert!(close(r.heatmap_npv_usd[10][10], det.npv_usd));
}
