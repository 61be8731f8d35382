//! Every output of `tests/data/reference_cases.json` (a byte-identical copy of ../shared/reference/cases.json)
//! must match the model to 1e-9 relative (1e-6 absolute near zero).

use hashprice::model::{evaluate, Scenario};

mod common;
use common::{assert_cases_match_with, cases, close, Keys};

const REFERENCE: &str = "tests/data/reference_cases.json";

#[test]
fn reference_cases_match_to_1e9() {
    let cases = cases(REFERENCE);
    assert_eq!(cases.len(), 14, "the reference holds 14 cases");
    // Written before MODEL.md sections 7–9: the model's newer outputs are not in it.
    assert_cases_match_with(&cases, evaluate, Keys::Expected);
}

#[test]
fn every_scalar_output_is_reachable_by_key() {
    use hashprice::model::{HPC_KEYS, PROJECTION_KEYS, SNAPSHOT_KEYS};
    for case in &cases(REFERENCE) {
        let scenario: Scenario = serde_json::from_value(case["scenario"].clone()).expect("scenario");
        let r = evaluate(&scenario).expect("valid");
        for section in ["snapshot", "projection", "hpc"] {
            let expected = case["expected"][section].as_object().expect("section");
            for (key, value) in expected.iter().filter(|(_, v)| !v.is_array()) {
                assert!(
                    SNAPSHOT_KEYS.iter().chain(PROJECTION_KEYS).chain(HPC_KEYS).any(|k| k == key),
                    "{key} has no KPI key"
                );
                let got = r.value(key).unwrap_or_else(|| panic!("{key} unknown"));
                match value.as_f64() {
                    None => assert!(got.is_none(), "{key} should be none"),
                    Some(e) => assert!(close(got.unwrap_or(f64::NAN), e), "{key}"),
                }
            }
        }
    }
}
