//! Tests of `state::merit`, kept beside it.

use super::*;
use crate::model::{evaluate, GroupField, MAX_GROUPS};
use crate::state::insights::hardware_table;
use crate::state::presets::machine_presets;

#[test]
fn at_uptime_zero_no_machine_is_off_as_the_model_says_for_the_groups() {
    let s = Scenario { uptime_pct: 0.0, ..three_generations() };
    let r = evaluate(&s).expect("valid");
    assert!(r.projection.group_first_curtailed_day.iter().all(Option::is_none));
    let rows = hardware_table(&s, &machine_presets());
    assert!(preset_first_days(&rows, &s, &r).iter().all(Option::is_none));
    let one = Scenario { horizon_months: 1.0, curtail_when_unprofitable: false, ..Scenario::default() };
    assert_eq!(status_words(1.0, None, &one), "▲ runs today; never at a loss within 1 month (curtailment is off)");
}

/// Three generations on one site: S21 XP (13.5 J/TH), S19 XP (21.5) and S19j Pro (29.5), PUE 1.1.
pub fn three_generations() -> Scenario {
    let mut s = Scenario { power_price_usd_kwh: 0.045, pue: 1.1, ..Scenario::default() };
    for (g, (ths, e, n)) in
        [(270.0, 13.5, 1000.0), (140.0, 21.5, 2000.0), (104.0, 29.5, 3000.0)].into_iter().enumerate()
    {
        s.set(Scenario::group_key(g, GroupField::HashrateThs), ths).unwrap();
        s.set(Scenario::group_key(g, GroupField::EfficiencyJth), e).unwrap();
        s.set(Scenario::group_key(g, GroupField::Count), n).unwrap();
    }
    s
}

#[test]
fn the_first_day_below_a_level_is_found_on_the_running_minimum() {
    let low = running_min(&[5.0, 6.0, 4.0, 7.0, 3.0]);
    assert_eq!(low, [5.0, 5.0, 4.0, 4.0, 3.0]);
    assert_eq!(first_below(&low, 5.5), Some(0));
    assert_eq!(first_below(&low, 5.0), Some(2), "at the level is not below it");
    assert_eq!(first_below(&low, 3.5), Some(4));
    assert_eq!(first_below(&low, 3.0), None);
    assert_eq!(first_below(&low, f64::NAN), None, "no shutdown level (no power price): never off");
    assert_eq!(first_below(&[], 1.0), None);
}

#[test]
fn status_and_switch_off_read_as_one_phrase() {
    let s = Scenario::default();
    assert_eq!(status_words(1.0, Some(300), &s), "▲ runs today; off from month 10");
    assert_eq!(status_words(1.0, Some(5), &s), "▲ runs today; off within month 1");
    assert_eq!(status_words(1.0, None, &s), "▲ runs today; never off within 36 months");
    assert_eq!(status_words(0.0, Some(40), &s), "= breakeven today; off from month 2");
    assert_eq!(status_words(-1.0, Some(0), &s), "▼ underwater: off today");
    // The projection decides what happens today: a rounding hair either way cannot make the words disagree.
    assert_eq!(status_words(1e-12, Some(0), &s), "▼ underwater: off today");
    assert_eq!(status_words(-1e-12, Some(3), &s), "= breakeven today; off within month 1");
    assert_eq!(status_words(-1.0, None, &s), "▼ underwater", "no projection: day 0 alone");
    let off = Scenario { curtail_when_unprofitable: false, ..s.clone() };
    assert_eq!(status_words(-1.0, None, &off), "▼ underwater; runs at a loss (curtailment is off)");
    assert_eq!(status_words(1.0, None, &off), "▲ runs today; never at a loss within 36 months (curtailment is off)");
    assert_eq!(status_words(1.0, Some(150), &off), "▲ runs today; at a loss from month 5 (curtailment is off)");
}

#[test]
fn a_machine_placed_on_the_hashprice_path_switches_off_when_the_model_switches_it_off() {
    // Each preset alone on the site, through the model, against the preset row's first day below its shutdown
    // hashprice on the site's projected hashprice path: the same day, at prices where some are off today.
    let presets = machine_presets();
    for price in [40_000.0, 70_000.0, 95_000.0, 150_000.0] {
        let s = Scenario { btc_price_usd: price, pue: 1.2, ..three_generations() };
        let r = evaluate(&s).unwrap();
        let low = running_min(&r.series.hashprice_usd_per_ph_day);
        for row in hardware_table(&s, &presets) {
            let p = presets.iter().find(|p| p.model == row.model).unwrap();
            let mut one = Scenario { machine_count: 1.0, ..s.clone() };
            p.apply(&mut one).unwrap();
            for g in 1..MAX_GROUPS {
                one.set(Scenario::group_key(g, GroupField::Count), 0.0).unwrap();
            }
            let model = evaluate(&one).unwrap().projection.group_first_curtailed_day[0];
            let ours = first_below(&low, row.shutdown_hashprice_usd_per_ph_day);
            assert_eq!(ours, model, "{} at ${price}", row.model);
            // Off today exactly when the day-0 status says underwater.
            assert_eq!(ours == Some(0), row.underwater, "{} at ${price}", row.model);
        }
    }
}

#[test]
fn the_site_groups_carry_the_model_figures_and_the_oldest_goes_first() {
    let s = three_generations();
    let r = evaluate(&s).unwrap();
    let rows = group_rows(&s, &r, &machine_presets());
    assert_eq!(rows.len(), 3);
    assert_eq!(rows[0].row.model, "Group 1 · Antminer S21 XP");
    assert_eq!(rows[2].row.model, "Group 3 · Antminer S19j Pro");
    for g in &rows {
        assert_eq!(g.first_day, r.projection.group_first_curtailed_day[g.group]);
        assert_eq!(Some(g.row.breakeven_power_price_usd_kwh), r.snapshot.group_breakeven_power_price_usd_kwh[g.group]);
        assert_eq!(
            Some(g.row.shutdown_hashprice_usd_per_ph_day),
            r.snapshot.group_shutdown_hashprice_usd_per_ph_day[g.group]
        );
    }
    // PUE is in the shutdown hashprice: 24 × e × pue × p / (1 − f).
    let want = 24.0 * 29.5 * 1.1 * 0.045 / 0.98;
    assert!((rows[2].row.shutdown_hashprice_usd_per_ph_day - want).abs() < 1e-12);
    // The merit order: S19j Pro first, then S19 XP, the S21 XP last;
    let order: Vec<usize> = switch_off_order(&rows).iter().map(|g| g.group).collect();
    assert_eq!(order, [2, 1, 0]);
    let (a, b) = (rows[2].first_day.unwrap(), rows[1].first_day.unwrap());
    assert!(a < b, "the oldest switches off first: {a} < {b}");
    let one = Scenario::default();
    let r1 = evaluate(&one).unwrap();
    assert_eq!(group_rows(&one, &r1, &machine_presets())[0].row.model, "Your machines · Antminer S21");
    let single = Scenario { machine_count: 1.0, machine_efficiency_jth: 18.0, ..one };
    assert_eq!(group_label(&single, 0, 1, &machine_presets()), "Your machine");
}
