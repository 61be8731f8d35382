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

/// Runs `eval` on every case's scenario and asserts its JSON matches the case's `expected` (see [`compare`]),
/// every key of each side in the other.
pub fn assert_cases_match<R: Serialize, E: std::fmt::Display>(
    cases: &[Value],
    eval: impl Fn(&Scenario) -> Result<R, E>,
) {
    assert_cases_match_with(cases, eval, Keys::Both)
}

/// Which side's keys must all be on the other.
#[derive(Clone, Copy, PartialEq)]
pub enum Keys {
    Both,
    /// Every expected key; the model may return more (the files written before sections 7–9 lack their
    /// outputs).
    Expected,
}

pub fn assert_cases_match_with<R: Serialize, E: std::fmt::Display>(
    cases: &[Value],
    eval: impl Fn(&Scenario) -> Result<R, E>,
    keys: Keys,
) {
    let mut failures = Vec::new();
    for case in cases {
        let name = case["name"].as_str().unwrap_or("?");
        let scenario: Scenario = serde_json::from_value(case["scenario"].clone()).expect("scenario parses");
        let results = eval(&scenario).unwrap_or_else(|e| panic!("{name}: {e}"));
        let actual = serde_json::to_value(&results).expect("serialise");
        compare(name, &actual, &case["expected"], keys, &mut failures);
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
pub fn compare(path: &str, actual: &Value, expected: &Value, keys: Keys, out: &mut Vec<String>) {
    match (actual, expected) {
        (Value::Number(a), Value::Number(e)) => {
            let (a, e) = (a.as_f64().unwrap_or(f64::NAN), e.as_f64().unwrap_or(f64::NAN));
            if !close(a, e) {
                out.push(format!("{path}: got {a}, expected {e}"));
            }
        }
        (Value::Array(a), Value::Array(e)) => {
            if a.len() != e.len() {
                out.push(format!("{path}: length {} vs {}", a.len(), e.len()));
            }
            for (i, (x, y)) in a.iter().zip(e).enumerate() {
                compare(&format!("{path}[{i}]"), x, y, keys, out);
            }
        }
        (Value::Object(a), Value::Object(e)) => {
            for (k, y) in e {
                match a.get(k) {
                    Some(x) => compare(&format!("{path}.{k}"), x, y, keys, out),
                    None => out.push(format!("{path}.{k}: missing")),
                }
            }
            for k in a.keys() {
                if keys == Keys::Both && !e.contains_key(k) {
                    out.push(format!("{path}.{k}: not in the reference"));
                }
            }
        }
        (a, e) if a == e => {}
        (a, e) => out.push(format!("{path}: got {a}, expected {e}")),
    }
}

/// Number of fields in a [`Scenario`] besides `curtail_when_unprofitable`.
pub const SCENARIO_F64_FIELDS: usize = hashprice::model::INPUTS.len() - 1;

/// A scenario with any values at all in its numeric inputs (NaN, infinities, negatives), in `INPUTS` order.
pub fn scenario_from_values(v: &[f64], curtail: bool) -> Scenario {
    let mut s = Scenario { curtail_when_unprofitable: curtail, ..Scenario::default() };
    let keys = hashprice::model::INPUTS.iter().filter(|spec| spec.key != "curtail_when_unprofitable");
    for (spec, &x) in keys.zip(v) {
        s.set_unchecked(spec.key, x);
    }
    s
}
