//! Tests of the "Who switches off when" section, kept beside it.

use super::*;
use crate::components::chart_words::{month_words, running_words, Point};
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
        ["21".to_string(), running_words(&[at(0, 20), at(1, 20), at(2, 20), f64::NAN, f64::NAN, f64::NAN], false)]
    );
    assert_eq!(at(2, 0), site_mw(2), "month 1: every group runs every day");
    assert_eq!(at(2, 35), 0.0, "month 36: the S19j Pro is off");
    // The stack: group 1's path (the most efficient) is drawn first, at the bottom; group 3's last.
    let classes: Vec<&str> =
        stack.iter().map(|n| n.attrs.iter().find(|a| a.0 == "class").unwrap().1.as_str()).collect();
    assert_eq!(classes, ["g1", "g2", "g3"]);
    assert!(d.desc.starts_with("Site power running each month, PUE included"), "{}", d.desc);
    // The readout names each group's MW, and "off" for a group that ran no day that month.
    let words = month_words(36.0, &[12.5, 0.0, 0.0, f64::NAN, f64::NAN, f64::NAN], false);
    assert!(words.starts_with("month 36: 12.5 MW · group 1 12.5 · group 2 off · group 3 off"), "{words}");
    assert_eq!(month_words(3.0, &[3.85, f64::NAN, f64::NAN, f64::NAN, f64::NAN, f64::NAN], false), "month 3: 3.9 MW");
    // Without the table open, no rows are built.
    assert!(merit_chart(&s, &r, 720.0, false).table.is_empty());
}

/// Every text of a chart layer's nodes, depth first.
fn texts(nodes: &[crate::chart::Node], out: &mut Vec<String>) {
    for n in nodes {
        out.extend(n.text.clone());
        texts(&n.kids, out);
    }
}

#[test]
fn a_site_under_a_megawatt_is_drawn_and_said_in_kw() {
    // One machine (3.5 kW): in MW its axis read 0.002 … 0.004 and its readout and table "0.0 MW".
    let s = Scenario { machine_count: 1.0, ..Scenario::default() };
    let r = evaluate(&s).unwrap();
    let d = merit_chart(&s, &r, 720.0, true);
    let mut axis = Vec::new();
    texts(&d.layers[0].nodes, &mut axis);
    assert!(axis.iter().any(|t| t == "kW of site power running"), "{axis:?}");
    assert!(!axis.iter().any(|t| t.contains("MW")), "{axis:?}");
    assert!(axis.iter().any(|t| t == "4"), "a tick at 4 kW: {axis:?}");
    assert_eq!(d.table[0].cells[1], "3.5 kW", "month 1: the machine runs every day");
    assert_eq!(d.table[0].data[1], ("data-g1", plain(0.0035)), "the table's data stays in MW, exact");
    let Point::Merit { kw, .. } = d.points[0].point else { panic!("a merit point") };
    assert!(kw, "the readout says kW too");
    assert_eq!(month_words(1.0, &[0.0035, f64::NAN, f64::NAN, f64::NAN, f64::NAN, f64::NAN], true), "month 1: 3.5 kW");
    let two = month_words(2.0, &[0.0012, 0.0, f64::NAN, f64::NAN, f64::NAN, f64::NAN], true);
    assert_eq!(two, "month 2: 1.2 kW · group 1 1.2 · group 2 off");
    // From 1 MW, MW as before: the default fleet of 1,000 machines.
    let big = merit_chart(&Scenario::default(), &evaluate(&Scenario::default()).unwrap(), 720.0, true);
    let mut axis = Vec::new();
    texts(&big.layers[0].nodes, &mut axis);
    assert!(axis.iter().any(|t| t == "MW of site power running"), "{axis:?}");
    assert_eq!(big.table[0].cells[1], "3.5 MW");
    // The description says the unit the axis is in, and whose power: one machine's kW, not "each group's MW".
    let lead = "Site power running each month, PUE included: ";
    assert_eq!(d.desc, [lead, "the machine's kW times the share of the month's days it runs."].concat());
    assert_eq!(big.desc, [lead, "the site's MW times the share of the month's days it runs."].concat());
    let site = three_generations();
    assert!(merit_chart(&site, &evaluate(&site).unwrap(), 720.0, false)
        .desc
        .ends_with(": each group's MW times the share of the month's days it runs, the most efficient group at the \
                    bottom."));
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
    assert!(lead(&one, &rows1, true).starts_with("Your machines are switched off on the days their revenue"));
    // One machine is one machine.
    let home = Scenario { machine_count: 1.0, ..Scenario::default() };
    let rows_home = group_rows(&home, &evaluate(&home).unwrap(), &machine_presets());
    assert_eq!(
        lead(&home, &rows_home, true),
        "Your machine is switched off on the days its revenue falls below its power cost; add a machine group \
         (Machine & fleet) to see which generation goes first."
    );
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
