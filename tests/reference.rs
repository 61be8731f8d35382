//! Every output of `tests/data/reference_cases.json` (a byte-identical copy of ../shared/reference/cases.json)
//! must match the model to 1e-9 relative (1e-6 absolute near zero).

use hashprice::model::{evaluate, Scenario};
use serde_json::Value;

fn close(actual: f64, expected: f64) -> bool {
    let diff = (actual - expected).abs();
    diff <= 1e-6 || diff <= 1e-9 * expected.abs()
}

/// Compares two JSON trees; returns the paths that differ.
fn compare(path: &str, actual: &Value, expected: &Value, out: &mut Vec<String>) {
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

#[test]
fn reference_cases_match_to_1e9() {
    let text = std::fs::read_to_string("tests/data/reference_cases.json").expect("reference file");
    let doc: Value = serde_json::from_str(&text).expect("reference JSON");
    let cases = doc["cases"].as_array().expect("cases array");
    assert_eq!(cases.len(), 14, "the reference holds 14 cases");
    let mut failures = Vec::new();
    for case in cases {
        let name = case["name"].as_str().unwrap_or("?");
        let scenario: Scenario = serde_json::from_value(case["scenario"].clone()).expect("scenario parses");
        let results = evaluate(&scenario).unwrap_or_else(|e| panic!("{name}: {e}"));
        let actual = serde_json::to_value(&results).expect("serialise");
        compare(name, &actual, &case["expected"], &mut failures);
    }
    assert!(failures.is_empty(), "{} mismatches:\n{}", failures.len(), failures.join("\n"));
}

#[test]
fn every_scalar_output_is_reachable_by_key() {
    use hashprice::model::{HPC_KEYS, PROJECTION_KEYS, SNAPSHOT_KEYS};
    let text = std::fs::read_to_string("tests/data/reference_cases.json").expect("reference file");
    let doc: Value = serde_json::from_str(&text).expect("reference JSON");
    for case in doc["cases"].as_array().expect("cases") {
        let scenario: Scenario = serde_json::from_value(case["scenario"].clone()).expect("scenario");
        let r = evaluate(&scenario).expect("valid");
        for (section, keys) in [("snapshot", SNAPSHOT_KEYS), ("projection", PROJECTION_KEYS), ("hpc", HPC_KEYS)] {
            let expected = case["expected"][section].as_object().expect("section");
            let scalar_count = expected.values().filter(|v| !v.is_array()).count();
            assert_eq!(keys.len(), scalar_count, "{section}: every scalar output has a KPI key");
            for key in keys {
                let got = r.value(key).unwrap_or_else(|| panic!("{key} unknown"));
                match expected[*key].as_f64() {
                    None => assert!(got.is_none(), "{key} should be none"),
                    Some(e) => assert!(close(got.unwrap_or(f64::NAN), e), "{key}"),
                }
            }
        }
    }
}
