//! Tests of `edit`, kept beside it: each case typed character by character, as a browser sends `input` events.

use super::*;

/// Types `text` one character at a time; returns the scenario in force after each keystroke and the last step.
fn type_in(e: &mut FieldEdit, s: &mut Scenario, text: &str) -> (Vec<f64>, Step) {
    let key = source_key(e.key()).to_string();
    let mut seen = Vec::new();
    let mut typed = String::new();
    let mut last = None;
    for c in text.chars() {
        typed.push(c);
        let step = e.on_input(&typed, s, "0.05");
        if let Some(n) = &step.next {
            *s = n.clone();
        }
        seen.push(s.get(&key).expect("key"));
        last = Some(step);
    }
    (seen, last.expect("at least one character"))
}

#[test]
fn an_entry_that_ends_invalid_leaves_the_value_from_before_the_edit() {
    let mut s = Scenario::default();
    let mut e = FieldEdit::new("power_price_usd_kwh");
    e.on_focus(&s);
    let (seen, last) = type_in(&mut e, &mut s, "4.5p");
    // 4 and 4.5 are valid and apply while typing; the final p puts $0.05 back, not $4.50.
    assert_eq!(seen, [4.0, 4.0, 4.5, 0.05]);
    assert_eq!(s, Scenario::default());
    assert!(e.is_invalid());
    assert_eq!(e.in_force(), Some(0.05));
    assert!(last.error.as_deref().is_some_and(|m| m.contains("“p” is not a unit")), "{last:?}");
    // Blur: the field goes back to the value in force and says so; nothing else changes.
    let b = e.on_blur(&s);
    assert_eq!(b.next, None, "already in force");
    let r = b.reverted.expect("reverted");
    assert_eq!(r, Reverted { typed: "4.5p".into(), value: 0.05 });
    assert_eq!(r.message("0.05"), "“4.5p” was not applied: back to 0.05, the value in force.");
    assert!(!e.is_invalid() && e.in_force().is_none());
}

#[test]
fn the_cents_the_issue_typed_now_apply() {
    let mut s = Scenario::default();
    let mut e = FieldEdit::new("power_price_usd_kwh");
    e.on_focus(&s);
    let (seen, last) = type_in(&mut e, &mut s, "4.5¢");
    assert_eq!(seen, [4.0, 4.0, 4.5, 0.045]);
    assert_eq!(last.error, None);
    assert_eq!(last.warning, None, "4.5¢ is a usual price");
    assert_eq!(e.on_blur(&s), Blur { next: None, reverted: None });
    assert_eq!(s.power_price_usd_kwh, 0.045);
}

#[test]
fn a_valid_but_implausible_value_applies_with_a_warning() {
    let mut s = Scenario::default();
    let mut e = FieldEdit::new("power_price_usd_kwh");
    e.on_focus(&s);
    let (_, last) = type_in(&mut e, &mut s, "4.5");
    assert_eq!(s.power_price_usd_kwh, 4.5);
    assert!(last.warning.as_deref().is_some_and(|w| w.ends_with("did you mean 4.5¢?")), "{last:?}");
    // Correcting it keeps the run: an invalid keystroke after that still returns to the value before the run.
    let (seen, _) = type_in(&mut e, &mut s, "4.5q");
    assert_eq!(seen.last(), Some(&0.05));
}

#[test]
fn without_focus_the_run_starts_at_the_first_keystroke() {
    let mut s = Scenario::default();
    s.set("btc_price_usd", 70_000.0).expect("valid");
    let mut e = FieldEdit::new("btc_price_usd");
    let (seen, _) = type_in(&mut e, &mut s, "8x");
    assert_eq!(seen, [8.0, 70_000.0]);
    // A change from elsewhere (a slider, live data) starts the edit again from the new value.
    s.set("btc_price_usd", 90_000.0).expect("valid");
    e.on_outside_change(&s);
    assert!(!e.is_invalid());
    assert_eq!(e.in_force(), Some(90_000.0));
    let (seen, _) = type_in(&mut e, &mut s, "1?");
    assert_eq!(seen, [1.0, 90_000.0]);
    // Blur after an invalid text that is not in force (the page applied nothing): blur puts the origin back.
    let mut other = s.clone();
    other.set("btc_price_usd", 1.0).expect("valid");
    let b = e.on_blur(&other);
    assert_eq!(b.next.as_ref().map(|n| n.btc_price_usd), Some(90_000.0));
    assert_eq!(b.reverted.map(|r| r.value), Some(90_000.0));
}

#[test]
fn the_threshold_field_holds_the_value_it_began_with_while_its_text_does_not_read() {
    let mut e = ThresholdEdit::default();
    e.on_focus(35.0);
    // "1e400" typed key by key passes through "1e4", a valid threshold.
    assert_eq!(e.on_input("1e4", 35.0), ThresholdStep { threshold: 10_000.0, reads: true });
    assert_eq!(e.on_input("1e40", 10_000.0), ThresholdStep { threshold: 35.0, reads: false });
    assert_eq!(e.on_input("1e400", 35.0), ThresholdStep { threshold: 35.0, reads: false });
    let back = e.on_blur("1e400", 35.0).expect("the text is dropped");
    assert_eq!(back.message("35"), "“1e400” was not applied: back to 35, the value in force.");
    // A valid edit ends in force; the next begins from it.
    e.on_focus(35.0);
    assert!(e.on_input("40", 35.0).reads);
    assert_eq!(e.on_blur("40", 40.0), None);
    assert_eq!(e.on_input("abc", 40.0), ThresholdStep { threshold: 40.0, reads: false }, "no focus event: begins now");
    // A decimal comma, as the input fields take it ("35," on the way reads 35, as "35." does).
    e.on_focus(40.0);
    assert_eq!(e.on_input("35,", 40.0), ThresholdStep { threshold: 35.0, reads: true });
    assert_eq!(e.on_input("35,5", 35.0), ThresholdStep { threshold: 35.5, reads: true });
    assert_eq!(e.on_blur("35,5", 35.5), None, "it stays as typed");
}

#[test]
fn derived_rows_return_their_source_input_exactly() {
    let mut s = Scenario::default();
    s.set("network_hashrate_ehs", 1_234.567).expect("valid");
    let before = s.clone();
    let mut e = FieldEdit::new("difficulty_t");
    e.on_focus(&s);
    let (_, last) = type_in(&mut e, &mut s, "150x");
    assert!(last.error.is_some());
    assert_eq!(s, before, "the hashrate is the exact value from before, not one converted back from T");
    let mut e = FieldEdit::new("fleet_mw");
    e.on_focus(&s);
    let (seen, _) = type_in(&mut e, &mut s, "30 MW");
    assert_eq!(seen[..2], [857.0, 8_571.0], "3 MW, then 30 MW of 3.5 kW machines (whole machines)");
    assert_eq!(s.machine_count, 8_571.0);
    type_in(&mut e, &mut s, "30 MWx");
    assert_eq!(s.machine_count, 1_000.0, "back to the fleet before the edit");
}

#[test]
fn an_out_of_range_value_is_an_error_too() {
    let mut s = Scenario::default();
    let mut e = FieldEdit::new("pool_fee_pct");
    e.on_focus(&s);
    let (seen, last) = type_in(&mut e, &mut s, "100");
    assert_eq!(seen, [1.0, 10.0, 2.0]);
    assert_eq!(last.error.as_deref(), Some("Must be from 0 to below 100"));
    let (_, last) = type_in(&mut e, &mut s, "25");
    assert_eq!(s.pool_fee_pct, 25.0);
    assert!(last.warning.is_some(), "25% is valid but flagged");
}
