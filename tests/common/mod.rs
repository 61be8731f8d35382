//! Shared by the reference tests: loading a reference file and tolerant comparison of the model's JSON
//! against it.

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
