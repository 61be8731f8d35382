//! Shared by the native test crates: loading a reference file, tolerant comparison of the model's JSON
//! against it, and building a scenario from raw field values. Each crate uses only some of these.
#![allow(dead_code)]

use hashprice::model::Scenario;
use serde::Serialize;
use serde_json::Value;

/// The `cases` of a reference file under `tests/data/`.
pub fn cases(path: &str) -> Vec<Value> {
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{path}: {e}"));
    let doc: Value = serde_json::from_str(&text).unwrap_or_else(|e| panic!("{path}: {e}"));
    doc["cases"].as_array().unwrap_or_else(|| panic!("{path}: no cases array")).clone()
}

/// Runs `eval` on every case's scenario and asserts its JSON matches the case's `expected` (see [`compare`]).
pub fn assert_cases_match<R: Serialize, E: std::fmt::Display>(cases: &[Value], eval: impl Fn(&Scenario) -> Result<R, E>) {
    let mut failures = Vec::new();
    for case in cases {
        let name = case["name"].as_str().unwrap_or("?");
        let scenario: Scenario = serde_json::from_value(case["scenario"].clone()).expect("scenario parses");
        let results = eval(&scenario).unwrap_or_else(|e| panic!("{name}: {e}"));
        let actual = serde_json::to_value(&results).expect("serialise");
        compare(name, &actual, &case["expected"], &mut failures);
    }
    assert!(failures.is_empty(), "{} mismatches:\n{}", failures.len(), failures.join("\n"));
}

/// 1e-9 relative, or 1e-6 absolute for values near zero (MODEL.md "Checks").
pub fn close(actual: f64, expected: f64) -> bool {
    let diff = (actual - expected).abs();
    diff <= 1e-6 || diff <= 1e-9 * expected.abs()
}

/// Compares two JSON trees; pushes the paths that differ (numbers within [`close`], arrays element-wise,
/// objects key by key in both directions, everything else exactly).
pub fn compare(path: &str, actual: &Value, expected: &Value, out: &mut Vec<String>) {
    match (actual, expected) {
        (Value::Number(a), Value::Number(e)) => {
            let (a, e) = (
                a.as_f64().unwrap_or(f64::NAN),
                e.as_f64().unwrap_or(f64::NAN),
            );
            if !close(a, e) {
                out.push(format!("{path}: got {a}, expected {e}"));
            }
        }
        (Value::Array(a), Value::Array(e)) => {
            if a.len() != e.len() {
                out.push(format!("{path}: length {} vs {}", a.len(), e.len()));
            }
            for (i, (x, y)) in a.iter().zip(e).enumerate() {
                compare(&format!("{path}[{i}]"), x, y, out);
            }
        }
        (Value::Object(a), Value::Object(e)) => {
            for (k, y) in e {
                match a.get(k) {
                    Some(x) => compare(&format!("{path}.{k}"), x, y, out),
                    None => out.push(format!("{path}.{k}: missing")),
                }
            }
            for k in a.keys() {
                if !e.contains_key(k) {
                    out.push(format!("{path}.{k}: not in the reference"));
                }
            }
        }
        (a, e) if a == e => {}
        (a, e) => out.push(format!("{path}: got {a}, expected {e}")),
    }
}

/// Number of fields in a [`Scenario`] besides `curtail_when_unprofitable`.
pub const SCENARIO_F64_FIELDS: usize = 26;

/// A scenario with any values at all in its public fields (NaN, infinities, negatives), in MODEL.md order.
pub fn scenario_from_values(v: &[f64], curtail: bool) -> Scenario {
    Scenario {
    btc_price_usd: v[0], network_hashrate_ehs: v[1], block_height: v[2], fees_btc_per_block: v[3],
    machine_hashrate_ths: v[4], machine_efficiency_jth: v[5], machine_count: v[6],
    machine_price_usd_per_th: v[7], power_price_usd_kwh: v[8], pool_fee_pct: v[9], uptime_pct: v[10],
    opex_usd_month: v[11], horizon_months: v[12], hashrate_growth_pct_month: v[13],
    btc_price_growth_pct_year: v[14], discount_rate_pct_year: v[15], curtail_when_unprofitable: curtail,
    debt_pct: v[16], debt_apr_pct: v[17], debt_term_months: v[18], hpc_lease_usd_kw_month: v[19],
    hpc_capex_usd_mw: v[20], hpc_opex_pct: v[21], btc_volatility_pct_year: v[22], mc_paths: v[23],
    mc_seed: v[24], sensitivity_pct: v[25],
}
}
