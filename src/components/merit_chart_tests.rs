//! Tests of the "Who switches off when" section, kept beside it.

use super::*;
use crate::model::{evaluate, GroupField};
use crate::state::presets::machine_presets;
use crate::view::html::check;

fn three_generations() -> Scenario {
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
fn the_chart_stacks_each_group_and_tables_its_exact_running_power() {
    let s = three_generations();
    let r = evaluate(&s).unwrap();
    let d = merit_chart(&s, &r, 720.0, true);
    assert_eq!(d.points.len(), 36);
    assert_eq!(d.table.len(), 36);
    // One path per group, the most efficient (group 1) at the bottom: drawn first.
    let stack = &d.layers[1].nodes;
    assert_eq!(stack.len(), 3);
    let rows = group_rows(&s, &r, &[]);
    let mw: Vec<(usize, f64)> = rows.iter().map(|g| (g.group, g.site_mw)).collect();
    let run = running_mw(&r, &mw);
    let row = &d.table[20];
    assert_eq!(row.data[0], ("data-month", "21".to_string()));
    assert_eq!(row.data[1], ("data-g1", plain(run[0][20])));
    assert_eq!(row.data[3], ("data-g3", plain(run[2][20])));
    assert_eq!(
        row.cells,
        ["21".to_string(), running_words(&[run[0][20], run[1][20], run[2][20], f64::NAN, f64::NAN, f64::NAN])]
    );
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
    let shown = lines(&s, &rows);
    assert_eq!(shown.iter().map(|(g, _)| *g).collect::<Vec<_>>(), [2, 1, 0], "the oldest first");
    let m = crate::state::decision::first_off(r.projection.group_first_curtailed_day[2]);
    let crate::state::decision::FirstOff::FromMonth(m) = m else { panic!("the S19j Pro runs today: {m:?}") };
    assert_eq!(shown[0].1, format!("Group 3 · Antminer S19j Pro: off from month {m}"));
    assert!(lead(&s, &rows).contains("the least efficient go first"));
    let mut h = Html::new();
    let d = merit_chart(&s, &r, 720.0, false);
    let slots = card(&mut h, &s, &rows, &d);
    let (markup, n) = h.finish();
    assert_eq!(check(&markup, n), Ok(()));
    assert!(
        markup.contains("id=\"fleet\"") && markup.contains("role=\"img\"") && markup.contains("Who switches off when")
    );
    assert!(markup.contains("<li data-group=\"3\""), "the first line is group 3");
    assert_eq!(slots.items.len(), 6);
    // One group: the words say how to see a merit order; the table has no group columns.
    let one = Scenario::default();
    let r1 = evaluate(&one).unwrap();
    let rows1 = group_rows(&one, &r1, &machine_presets());
    assert!(lead(&one, &rows1).contains("add a machine group"));
    let off = Scenario { curtail_when_unprofitable: false, ..s };
    assert!(lines(&off, &rows)[0].1.ends_with("S19j Pro: runs every day (curtailment is off)"));
}
