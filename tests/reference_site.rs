//! MODEL.md sections 7–9 (the site, the loan month by month, keep / sell / convert) against
//! `tests/data/reference_site_cases.json` (a byte-identical copy of ../shared/reference/site_cases.json): every
//! output of every case to 1e-9 relative (1e-6 absolute near 0), arrays element by element, `null` for none;
//! the cases with `risk` also through sections 5–6.

use hashprice::model::{evaluate, evaluate_risk, Scenario};
use hashprice::model::{
    DECISION_KEYS, HPC_KEYS, PROJECTION_GROUP_KEYS, PROJECTION_KEYS, SNAPSHOT_GROUP_KEYS, SNAPSHOT_KEYS,
};
use serde_json::Value;

mod common;
use common::{close, compare, Keys};

fn cases() -> Vec<Value> {
    common::cases("tests/data/reference_site_cases.json")
}

fn scenario(case: &Value) -> Scenario {
    serde_json::from_value(case["scenario"].clone()).expect("scenario parses")
}

#[test]
fn site_reference_cases_match_to_1e9() {
    let cases = cases();
    assert!(cases.len() >= 10, "the reference holds the site cases");
    let mut failures = Vec::new();
    let mut with_risk = 0;
    for case in &cases {
        let name = case["name"].as_str().unwrap_or("?");
        let s = scenario(case);
        let mut actual = serde_json::to_value(evaluate(&s).unwrap_or_else(|e| panic!("{name}: {e}"))).expect("json");
        if case["expected"].get("risk").is_some() {
            with_risk += 1;
            let risk = serde_json::to_value(evaluate_risk(&s).unwrap_or_else(|e| panic!("{name}: {e}"))).expect("json");
            if let (Some(a), Value::Object(r)) = (actual.as_object_mut(), risk) {
                a.extend(r);
            }
        }
        compare(name, &actual, &case["expected"], Keys::Both, &mut failures);
    }
    assert!(with_risk >= 1, "some site cases carry risk");
    assert!(failures.is_empty(), "{} mismatches:\n{}", failures.len(), failures.join("\n"));
}

#[test]
fn every_output_is_reachable_by_its_key() {
    let sections: [(&str, &[&str], &[&str]); 4] = [
        ("snapshot", SNAPSHOT_KEYS, SNAPSHOT_GROUP_KEYS),
        ("projection", PROJECTION_KEYS, PROJECTION_GROUP_KEYS),
        ("hpc", HPC_KEYS, &[]),
        ("decision", DECISION_KEYS, &[]),
    ];
    for case in &cases() {
        let r = evaluate(&scenario(case)).expect("valid");
        for (section, scalars, groups) in sections {
            let expected = case["expected"][section].as_object().expect("section");
            let scalar_count = expected.values().filter(|v| !v.is_array()).count();
            assert_eq!(scalars.len(), scalar_count, "{section}: every scalar output has a key");
            for key in scalars {
                let got = r.value(key).unwrap_or_else(|| panic!("{key} unknown"));
                match expected[*key].as_f64() {
                    None => assert!(got.is_none(), "{key} should be none"),
                    Some(e) => assert!(close(got.unwrap_or(f64::NAN), e), "{key}: {got:?} vs {e}"),
                }
            }
            for key in groups {
                let got = r.group_values(key).unwrap_or_else(|| panic!("{key} unknown"));
                let want = expected[*key].as_array().expect("six entries");
                assert_eq!(want.len(), 6);
                for (g, w) in want.iter().enumerate() {
                    match w.as_f64() {
                        None => assert!(got[g].is_none(), "{key}[{g}] should be none"),
                        Some(e) => assert!(close(got[g].unwrap_or(f64::NAN), e), "{key}[{g}]"),
                    }
                }
            }
        }
    }
}
