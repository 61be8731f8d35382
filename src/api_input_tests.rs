//! Tests of `api_input`, kept beside it.

use super::*;
use crate::model::INPUTS;
use serde_json::Value;

fn pairs(list: &[(&str, JsInput)]) -> Vec<(String, JsInput)> {
    list.iter().map(|(k, v)| (k.to_string(), v.clone())).collect()
}

fn err(list: &[(&str, JsInput)]) -> String {
    match scenario_from_pairs(&pairs(list), &Scenario::default()) {
        Ok(_) => panic!("expected an error for {list:?}"),
        Err(e) => e.message(),
    }
}

#[test]
fn empty_object_is_the_defaults() {
    assert_eq!(scenario_from_pairs(&[], &Scenario::default()), Ok(Scenario::default()));
}

#[test]
fn subset_overrides_and_keeps_the_rest() {
    let s = scenario_from_pairs(
        &pairs(&[
            ("btc_price_usd", JsInput::Number(86_000.0)),
            ("curtail_when_unprofitable", JsInput::Bool(false)),
            ("horizon_months", JsInput::Number(60.0)),
        ]),
        &Scenario::default(),
    )
    .expect("valid");
    assert_eq!(s.btc_price_usd, 86_000.0);
    assert!(!s.curtail_when_unprofitable);
    assert_eq!(s.horizon_months, 60.0);
    assert_eq!(s.network_hashrate_ehs, Scenario::default().network_hashrate_ehs);
}

#[test]
fn every_default_round_trips_through_pairs() {
    let d = Scenario::default();
    let list: Vec<(String, JsInput)> = INPUTS
        .iter()
        .map(|spec| {
            let v = d.get(spec.key).expect("known key");
            let js = if spec.kind == Kind::Bool { JsInput::Bool(v == 1.0) } else { JsInput::Number(v) };
            (spec.key.to_string(), js)
        })
        .collect();
    assert_eq!(scenario_from_pairs(&list, &d), Ok(d));
}

#[test]
fn errors_name_the_key_and_why() {
    let m = err(&[("btc_pricee_usd", JsInput::Number(1.0))]);
    assert!(m.starts_with("btc_pricee_usd: ") && m.contains("not an input"), "{m}");
    let m = err(&[("btc_price_usd", JsInput::Other("a string"))]);
    assert_eq!(m, "btc_price_usd: must be a number, got a string");
    let m = err(&[("btc_price_usd", JsInput::Bool(true))]);
    assert_eq!(m, "btc_price_usd: must be a number, got a boolean");
    let m = err(&[("curtail_when_unprofitable", JsInput::Number(1.0))]);
    assert_eq!(m, "curtail_when_unprofitable: must be true or false, got a number");
    let m = err(&[("curtail_when_unprofitable", JsInput::Other("null"))]);
    assert_eq!(m, "curtail_when_unprofitable: must be true or false, got null");
    let m = err(&[("btc_price_usd", JsInput::Number(f64::NAN))]);
    assert!(m.starts_with("btc_price_usd: ") && m.contains("finite"), "{m}");
    let m = err(&[("uptime_pct", JsInput::Number(f64::INFINITY))]);
    assert!(m.starts_with("uptime_pct: ") && m.contains("finite"), "{m}");
    let m = err(&[("btc_price_usd", JsInput::Number(0.0))]);
    assert!(m.starts_with("btc_price_usd: must be greater than 0"), "{m}");
    let m = err(&[("pool_fee_pct", JsInput::Number(100.0))]);
    assert!(m.starts_with("pool_fee_pct: ") && m.contains("below 100"), "{m}");
    let m = err(&[("horizon_months", JsInput::Number(36.5))]);
    assert!(m.starts_with("horizon_months: ") && m.contains("whole number"), "{m}");
    let m = err(&[("network_hashrate_ehs", JsInput::Other("undefined"))]);
    assert_eq!(m, "network_hashrate_ehs: must be a number, got undefined");
}

#[test]
fn all_or_nothing() {
    let base = Scenario { btc_price_usd: 70_000.0, ..Scenario::default() };
    let bad = pairs(&[("btc_price_usd", JsInput::Number(100_000.0)), ("uptime_pct", JsInput::Number(101.0))]);
    assert!(scenario_from_pairs(&bad, &base).is_err());
    let msg = HostMessage::Scenario(bad.clone());
    let e = scenario_from_pairs(&bad, &base).unwrap_err();
    assert_eq!(e.key, "uptime_pct");
    let refused = HostReply::Refused { message: e.message(), key: Some(e.key) };
    assert_eq!(apply_host_message(&msg, &base), refused);
    assert_eq!(apply_host_message(&HostMessage::Ignored, &base), HostReply::Ignored);
    let why = "the scenario must be an object".to_string();
    assert_eq!(
        apply_host_message(&HostMessage::Malformed(why.clone()), &base),
        HostReply::Refused { key: None, message: why }
    );
    let good = HostMessage::Scenario(pairs(&[("uptime_pct", JsInput::Number(90.0))]));
    let HostReply::Applied(next) = apply_host_message(&good, &base) else { panic!("valid") };
    assert_eq!((next.btc_price_usd, next.uptime_pct), (70_000.0, 90.0));
}

#[test]
fn unknown_keys_are_echoed_cut_to_a_readable_length() {
    let long = "k".repeat(10_000_000);
    let e = scenario_from_pairs(&pairs(&[(long.as_str(), JsInput::Number(1.0))]), &Scenario::default()).unwrap_err();
    assert_eq!(e.key, ["k".repeat(MAX_ECHOED_KEY_CHARS), "…".into()].concat());
    assert!(e.message().len() < 200, "{}", e.message().len());
    // Cut on a character, never inside one; short keys come back as they are.
    let wide = "é".repeat(100);
    assert_eq!(readable_key(&wide).chars().count(), MAX_ECHOED_KEY_CHARS + 1);
    assert_eq!(readable_key("btc_pricee_usd"), "btc_pricee_usd");
    assert_eq!(readable_key(&"x".repeat(MAX_ECHOED_KEY_CHARS)), "x".repeat(MAX_ECHOED_KEY_CHARS));
}

#[test]
fn compute_output_has_exactly_the_reference_keys() {
    let out = compute(&Scenario::default()).expect("defaults are valid");
    let v = serde_json::to_value(&out).expect("serialise");
    let keys: Vec<&str> = v.as_object().expect("object").keys().map(|k| k.as_str()).collect();
    let mut want = vec!["snapshot", "projection", "hpc", "decision", "risk", "tornado", "heatmap_npv_usd"];
    let mut got = keys.clone();
    want.sort_unstable();
    got.sort_unstable();
    assert_eq!(got, want);

    // The site file's cases with risk carry every output of every section.
    let refs: Value =
        serde_json::from_str(&std::fs::read_to_string("tests/data/reference_site_cases.json").expect("file"))
            .expect("json");
    let case = refs["cases"].as_array().expect("cases").iter().find(|c| c["expected"].get("risk").is_some());
    let expected = &case.expect("a case with risk")["expected"];
    let risk_expected = expected;
    for (section, doc) in [
        ("snapshot", expected),
        ("projection", expected),
        ("hpc", expected),
        ("decision", expected),
        ("risk", risk_expected),
    ] {
        let mut a: Vec<&String> = v[section].as_object().expect("section").keys().collect();
        let mut b: Vec<&String> = doc[section].as_object().expect("section").keys().collect();
        a.sort();
        b.sort();
        assert_eq!(a, b, "{section}");
    }
    let row_keys = |x: &Value| {
        let mut k: Vec<String> = x["tornado"][0].as_object().expect("row").keys().cloned().collect();
        k.sort();
        k
    };
    assert_eq!(row_keys(&v), row_keys(risk_expected));
    assert_eq!(v["heatmap_npv_usd"].as_array().map(|a| a.len()), Some(21));
}

#[test]
fn compute_matches_evaluate_for_every_reference_case() {
    for file in ["tests/data/reference_cases.json", "tests/data/reference_site_cases.json"] {
        let refs: Value = serde_json::from_str(&std::fs::read_to_string(file).expect("file")).expect("json");
        for case in refs["cases"].as_array().expect("cases") {
            let list: Vec<(String, JsInput)> = case["scenario"]
                .as_object()
                .expect("scenario")
                .iter()
                .map(|(k, v)| {
                    let js = match v {
                        Value::Bool(b) => JsInput::Bool(*b),
                        Value::Number(n) => JsInput::Number(n.as_f64().unwrap_or(f64::NAN)),
                        _ => JsInput::Other("something else"),
                    };
                    (k.clone(), js)
                })
                .collect();
            let s = scenario_from_pairs(&list, &Scenario::default()).expect("reference scenarios are valid");
            let out = compute(&s).expect("valid");
            let r = evaluate(&s).expect("valid");
            assert_eq!(out.snapshot, r.snapshot);
            assert_eq!(out.projection, r.projection);
            assert_eq!(out.decision, r.decision);
        }
    }
}

#[test]
fn a_foreign_origin_is_warned_about_once_naming_both_origins() {
    let mut warned = Vec::new();
    let first = foreign_origin_warning(&mut warned, "https://b.example", "https://a.example");
    let text = first.unwrap_or_default();
    assert!(text.contains("from https://b.example") && text.contains("origin= allows https://a.example only"), "{text}");
    assert_eq!(foreign_origin_warning(&mut warned, "https://b.example", "https://a.example"), None, "once per origin");
    assert!(foreign_origin_warning(&mut warned, "http://b.example", "https://a.example").is_some(), "a new origin");
    assert_eq!(warned.len(), 2);
}

#[test]
fn a_scenario_files_threshold_is_taken_when_the_page_takes_it_and_refuses_the_file_otherwise() {
    assert_eq!(file_threshold(None), Ok(None), "a file without one: the page keeps its own");
    assert_eq!(file_threshold(Some(&JsInput::Number(40.0))), Ok(Some(40.0)));
    assert_eq!(file_threshold(Some(&JsInput::Number(100_000.0))), Ok(Some(100_000.0)));
    let bad = [JsInput::Number(0.0), JsInput::Number(-35.0), JsInput::Number(f64::NAN), JsInput::Number(1e6)];
    for bad in bad.into_iter().chain([JsInput::Other("a string"), JsInput::Bool(true)]) {
        let why = file_threshold(Some(&bad)).expect_err("not a threshold");
        assert_eq!(why, "threshold: must be a number above 0 and at most 100,000", "{bad:?}");
    }
}
