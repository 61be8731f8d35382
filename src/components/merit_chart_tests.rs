//! Tests of the "Who switches off when" section, kept beside it.

use super::*;
use crate::components::chart_words::{month_words, running_words};
use crate::model::evaluate;
use crate::state::merit::group_rows;
use crate::state::merit::tests::three_generations;
use crate::state::presets::machine_presets;
use crate::view::html::check;

#[test]
fn the_chart_stacks_each_group_and_tables_its_exact_running_power() {
    let s = three_generations();
    let r = evaluate(&s).unwrap();
    let d = merit_chart(&s, &r, 720.0, true);
    assert_eq!(d.points.len(), 36);
    assert_eq!(d.table.len(), 36);
    // One path per group, the most efficient (group 1) at the bottom: drawn first.
    let stack = &d.layers[1].nodes;
    assert_eq!(stack.len(), 3);
    // Each month's running MW: the group's site MW (machine power with PUE) times the share of the month's days
    // it ran.
    let fleet = crate::model::days::Fleet::new(&s);
    let site_mw = |g: usize| fleet.groups[g].kw * s.pue / 1000.0;
    let at = |g: usize, m: usize| {
        site_mw(g) * r.series.group_running_days_month[g][m] as f64 / r.series.months[m].days as f64
    };
    assert!((site_mw(2) - 3000.0 * 104.0 * 29.5 / 1e6 * 1.1).abs() < 1e-9, "10.1244 MW with PUE");
    let row = &d.table[20];
    assert_eq!(row.data[0], ("data-month", "21".to_string()));
    assert_eq!(row.data[1], ("data-g1", plain(at(0, 20))));
    assert_eq!(row.data[3], ("data-g3", plain(at(2, 20))));
    assert_eq!(
        row.cells,
        ["21".to_string(), running_words(&[at(0, 20), at(1, 20), at(2, 20), f64::NAN, f64::NAN, f64::NAN])]
    );
    assert_eq!(at(2, 0), site_mw(2), "month 1: every group runs every day");
    assert_eq!(at(2, 35), 0.0, "month 36: the S19j Pro is off");
    // The stack: group 1's path (the most efficient) is drawn first, at the bottom; group 3's last.
    let classes: Vec<&str> =
        stack.iter().map(|n| n.attrs.iter().find(|a| a.0 == "class").unwrap().1.as_str()).collect();
    assert_eq!(classes, ["g1", "g2", "g3"]);
    assert!(d.desc.starts_with("Site power running each month, PUE included"), "{}", d.desc);
    // The readout names each group's MW, and "off" for a group that ran no day that month.
    let words = month_words(36.0, &[12.5, 0.0, 0.0, f64::NAN, f64::NAN, f64::NAN]);
    assert!(words.starts_with("month 36: 12.5 MW · group 1 12.5 · group 2 off · group 3 off"), "{words}");
    assert_eq!(month_words(3.0, &[3.85, f64::NAN, f64::NAN, f64::NAN, f64::NAN, f64::NAN]), "month 3: 3.9 MW");
    // Without the table open, no rows are built.
    assert!(merit_chart(&s, &r, 720.0, false).table.is_empty());
}

#[test]
fn the_words_list_the_groups_in_the_order_they_switch_off() {
    let s = three_generations();
    let r = evaluate(&s).unwrap();
    let rows = group_rows(&s, &r, &machine_presets());
    let m = crate::state::decision::first_off(r.projection.group_first_curtailed_day[2]);
    let crate::state::decision::FirstOff::FromMonth(m) = m else { panic!("the S19j Pro runs today: {m:?}") };
    let mut h = Html::new();
    list(&mut h, &s, &rows);
    let (shown, _) = h.finish();
    let groups: Vec<&str> = shown.split("data-group=\"").skip(1).map(|t| &t[..1]).collect();
    assert_eq!(groups, ["3", "2", "1"], "the oldest first");
    assert!(shown.contains(&format!("Group 3 · Antminer S19j Pro: ▲ runs today; off from month {m}</li>")), "{shown}");
    assert!(lead(&s, &rows, true).contains("the least efficient go first"));
    let mut h = Html::new();
    let d = merit_chart(&s, &r, 720.0, false);
    let slots = card(&mut h, &s, &rows, &d, true);
    let (markup, n) = h.finish();
    assert_eq!(check(&markup, n), Ok(()));
    assert!(
        markup.contains("id=\"fleet\"") && markup.contains("role=\"img\"") && markup.contains("Who switches off when")
    );
    let list_at = markup.find("merit-list").unwrap();
    assert!(markup[list_at..].contains("<li data-group=\"3\">"));
    assert!(
        markup[list_at..].find("<li data-group=\"3\">") < markup[list_at..].find("<li data-group=\"2\">"),
        "group 3 first"
    );
    let _ = slots;
    // One group: the words say how to see a merit order; the table has no group columns.
    let one = Scenario::default();
    let r1 = evaluate(&one).unwrap();
    let rows1 = group_rows(&one, &r1, &machine_presets());
    assert!(lead(&one, &rows1, true).contains("add a machine group (Machine & fleet)"));
    assert!(lead(&one, &rows1, false).contains("on a site of several machine groups"), "an embed may not show the inputs");
    // Curtailment off: nothing is switched off, and the words say when each group starts losing money.
    let off = Scenario { curtail_when_unprofitable: false, ..s };
    let r_off = evaluate(&off).unwrap();
    let rows_off = group_rows(&off, &r_off, &machine_presets());
    let loss = rows_off.iter().find(|g| g.group == 2).and_then(|g| g.first_day);
    assert_eq!(loss, rows.iter().find(|g| g.group == 2).and_then(|g| g.first_day), "at a loss on the day it would have been off");
    let month = crate::state::decision::first_off(loss);
    let crate::state::decision::FirstOff::FromMonth(m) = month else { panic!("the old generation loses money within the horizon: {month:?}") };
    let mut h = Html::new();
    list(&mut h, &off, &rows_off);
    let words = ["S19j Pro: ▲ runs today; at a loss from month ", &m.to_string(), " (curtailment is off)</li>"].concat();
    assert!(h.finish().0.contains(&words), "{words}");
}
