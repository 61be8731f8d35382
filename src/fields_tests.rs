//! Tests of `fields`, kept beside it.

use super::*;
use crate::model::{input_spec, Kind, Scenario, INPUTS};

#[test]
fn derived_rows_round_trip_through_their_source_input() {
    let mut s = Scenario::default();
    let d = read("difficulty_t", &s);
    assert!((d - 153.668).abs() < 0.001, "1.1 ZH/s is ~153.7 T");
    write("difficulty_t", &mut s, 150.0).expect("valid");
    assert!((read("difficulty_t", &s) - 150.0).abs() < 1e-9);
    assert!(s.network_hashrate_ehs < 1100.0);
    write("machine_power_w", &mut s, 3645.0).expect("valid");
    assert!((s.machine_efficiency_jth - 3645.0 / 200.0).abs() < 1e-12);
    // 30 MW of 3,645 W machines is 8,230.45 of them: the count is the nearest whole number.
    write("fleet_mw", &mut s, 30.0).expect("valid");
    assert_eq!(s.machine_count, 8_230.0);
    assert!((read("fleet_mw", &s) - 8_230.0 * 3_645.0 / 1e6).abs() < 1e-12);
    let before = s.clone();
    assert!(write("fleet_mw", &mut s, 0.001).is_err(), "less than one machine");
    assert!(write("fleet_mw", &mut s, f64::NAN).is_err());
    assert!(write("fleet_mw", &mut s, 1e12).is_err(), "more machines than the model takes");
    assert!(write("machine_power_w", &mut s, -1.0).is_err());
    assert!(write("difficulty_t", &mut s, 0.0).is_err());
    assert!(write("btc_price_usd", &mut s, f64::NAN).is_err());
    assert_eq!(s, before, "a refused value changes nothing");
}

/// Review: typing "0" into a group's Machines field (on the way to "05") took the group off the site.
#[test]
fn a_group_s_count_is_typed_at_one_or_more() {
    let mut s = Scenario { machine2_count: 250.0, ..Scenario::default() };
    let before = s.clone();
    let e = write("machine2_count", &mut s, 0.0).expect_err("a group keeps a machine");
    assert!(e.reason.contains("Remove button"), "{}", e.reason);
    assert!(write("machine6_count", &mut s, 0.5).is_err());
    assert_eq!(s, before, "a refused count changes nothing");
    write("machine2_count", &mut s, 5.0).expect("valid");
    assert_eq!(s.machine2_count, 5.0);
}

#[test]
fn every_numeric_input_has_exactly_one_field() {
    for spec in INPUTS {
        let n = FIELDS.iter().filter(|f| f.key == spec.key).count();
        let expected = if spec.kind == Kind::Bool || is_group_key(spec.key) { 0 } else { 1 };
        assert_eq!(n, expected, "{}", spec.key);
    }
    assert_eq!(FIELDS.len(), INPUTS.len() - 1 - 25, "every input but the checkbox and groups 2–6 (25 keys)");
}

#[test]
fn sliders_stay_inside_the_valid_range_and_hold_the_default() {
    let d = Scenario::default();
    for f in FIELDS {
        let spec = input_spec(f.key).expect("known key");
        assert!(spec.check(f.slider_min).is_ok() || (spec.min_exclusive && f.slider_min > spec.min), "{}", f.key);
        assert!(spec.check(f.slider_max).is_ok(), "{} max", f.key);
        assert!(f.slider_min < f.slider_max && f.step > 0.0, "{}", f.key);
        let v = d.get(f.key).expect("default");
        assert!(v >= f.slider_min && v <= f.slider_max, "{} default {v} outside slider", f.key);
        let steps = (v - f.slider_min) / f.step;
        assert!((steps - steps.round()).abs() < 1e-6, "{} default {v} is not on a slider step", f.key);
    }
}

#[test]
fn every_row_writes_an_input() {
    for f in FIELDS.iter().chain(DERIVED_FIELDS) {
        let k = source_key(f.key);
        assert!(input_spec(k).is_some(), "{} writes {k}", f.key);
    }
}

#[test]
fn fleet_power_counts_every_group_and_typing_it_sizes_group_one() {
    let mut s = Scenario {
        machine2_count: 500.0,
        machine2_hashrate_ths: 104.0,
        machine2_efficiency_jth: 29.5,
        ..Scenario::default()
    };
    // 1,000 × 3,500 W + 500 × 3,068 W
    assert!((read("fleet_mw", &s) - (3.5 + 1.534)).abs() < 1e-12);
    write("fleet_mw", &mut s, 10.0).expect("valid");
    assert_eq!(s.machine2_count, 500.0, "the other group keeps its machines");
    assert_eq!(s.machine_count, ((10e6 - 1.534e6) / 3_500.0_f64 + 0.5).floor());
    let before = s.clone();
    let err = write("fleet_mw", &mut s, 1.0).expect_err("the other group alone draws 1.5 MW");
    assert!(err.reason.contains("beside the other groups"), "{}", err.reason);
    assert_eq!(s, before);
    // An absent group's values do not count.
    let absent = Scenario { machine2_count: 0.0, machine2_hashrate_ths: 104.0, ..Scenario::default() };
    assert_eq!(read("fleet_mw", &absent), 3.5);
}

#[test]
fn a_groups_mw_row_follows_and_sets_its_machine_count() {
    let mut s = Scenario { machine2_count: 1_000.0, machine2_hashrate_ths: 104.0, machine2_efficiency_jth: 29.5, ..Scenario::default() };
    assert_eq!(read("machine2_mw", &s), 1_000.0 * 104.0 * 29.5 / 1e6);
    assert_eq!(source_key("machine2_mw"), "machine2_count");
    assert_eq!(source_key("machine6_mw"), "machine6_count");
    assert_eq!(mw_group("fleet_mw"), Some(0));
    assert_eq!(mw_group("machine7_mw"), None);
    // 10 MW of 3,068 W machines is 3,259.4: the whole number nearest.
    write("machine2_mw", &mut s, 10.0).expect("valid");
    assert_eq!(s.machine2_count, 3_259.0);
    assert_eq!(s.machine_count, 1_000.0, "group 1 is left alone");
    assert!(write("machine2_mw", &mut s, 0.0).is_err());
    // Every group row is found, with group 1's labels.
    for g in 2..=6 {
        let key = ["machine", &g.to_string(), "_efficiency_jth"].concat();
        assert_eq!(find(&key).map(|f| f.label), Some("Efficiency"));
    }
}

#[test]
fn every_derived_row_follows_an_input_shown_on_its_panel() {
    assert_eq!(DERIVED_FIELDS.len(), DERIVED.len());
    for (d, f) in DERIVED.iter().zip(DERIVED_FIELDS) {
        let k = d.field.key;
        assert_eq!(f.key, k, "DERIVED_FIELDS lists the table's fields in its order");
        assert!(input_spec(k).is_none(), "{k} is not a scenario key, so URLs and the API never see it");
        assert_eq!(source_key(k), d.follows);
        assert_eq!(find(k).map(|f| f.label), Some(d.field.label));
        let Some(under) = FIELDS.iter().find(|f| f.key == d.follows) else { panic!("{k} follows no input row") };
        assert_eq!(under.panel, d.field.panel, "{k} sits under {} on its panel", d.follows);
        assert!(input_spec(d.follows).is_some(), "{k} follows a scenario key");
    }
}

#[test]
fn every_derived_row_reads_back_what_it_writes() {
    let d = Scenario::default();
    let mut rows: Vec<(&str, Scenario)> = DERIVED.iter().map(|r| (r.field.key, d.clone())).collect();
    let fleet =
        Scenario { machine3_count: 400.0, machine3_hashrate_ths: 104.0, machine3_efficiency_jth: 29.5, ..d.clone() };
    rows.push(("machine3_mw", fleet.clone()));
    rows.push(("fleet_mw", fleet));
    for (key, s) in rows {
        let Some(f) = find(key) else { panic!("no field {key}") };
        // An MW row rounds to whole machines: within half of one machine's MW.
        let tol = |v: f64| match mw_group(key) {
            Some(g) => 0.5 * s.group(g).hashrate_ths * s.group(g).efficiency_jth / 1e6,
            None => 1e-12 * v,
        };
        for v in [read(key, &s), (f.slider_min + f.slider_max) / 2.0, f.slider_max] {
            let mut t = s.clone();
            write(key, &mut t, v).unwrap_or_else(|e| panic!("{key} = {v}: {}", e.message()));
            let back = read(key, &t);
            assert!((back - v).abs() <= tol(v), "{key}: wrote {v}, reads {back}");
            if mw_group(key).is_some() {
                let mut again = t.clone();
                write(key, &mut again, back).unwrap_or_else(|e| panic!("{key} = {back}: {}", e.message()));
                assert_eq!(again, t, "{key}: typing the MW it shows keeps the machine count");
            }
        }
    }
}
