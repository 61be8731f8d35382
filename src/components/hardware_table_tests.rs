//! Tests of the hardware table, kept beside it.

use super::*;
use crate::model::{evaluate, GroupField};
use crate::state::presets::machine_presets;
use crate::view::html::check;

#[test]
fn the_table_builds_with_a_handle_per_cell_and_says_who_is_underwater() {
    let s = Scenario { power_price_usd_kwh: 0.09, ..Scenario::default() };
    let r = evaluate(&s).unwrap();
    let lines = lines(&s, Some(&r), &machine_presets());
    let mut h = Html::new();
    let slots = card(&mut h, &lines, &s);
    assert_eq!(slots.rows.len(), lines.len());
    assert_eq!(lines.len(), machine_presets().len() + 1, "the site's one group, then every preset");
    let (m, n) = h.finish();
    assert_eq!(check(&m, n), Ok(()));
    let text = summary(&lines, &s);
    assert!(text.contains(" current models lose money on power at $0.090/kWh today."), "{text}");
    assert!(lines.iter().any(|l| l.row.underwater) && m.contains("▼ underwater: off today"));
    // The site's rows first, named as their rows are: "Your machines", "Your machine" (not "Your site's groups").
    assert!(text.contains(". Your machines first, then every model by breakeven power price;"), "{text}");
    let one = Scenario { machine_count: 1.0, ..s.clone() };
    let r1 = evaluate(&one).unwrap();
    let home = summary(&super::lines(&one, Some(&r1), &machine_presets()), &one);
    assert!(home.contains(". Your machine first, then every model"), "{home}");
    // Without results there is no projection: the day-0 status alone, and no site rows.
    let bare = super::lines(&s, None, &machine_presets());
    assert_eq!(bare.len(), 13);
    assert!(bare.iter().all(|l| l.first_day.is_none() && l.group.is_none()));
}

/// A review's links: valid but extreme inputs whose outputs overflow read "not defined", never "$NaN/kWh" or "∞%".
#[test]
fn overflowed_figures_read_not_defined() {
    for s in [
        Scenario { machine_efficiency_jth: 4.9406564584e-314, ..Scenario::default() },
        Scenario { network_hashrate_ehs: 1e-300, ..Scenario::default() },
    ] {
        let r = evaluate(&s).expect("valid");
        for line in lines(&s, Some(&r), &machine_presets()) {
            for cell in cells(&line.row, line.first_day, &s) {
                assert!(!cell.contains("NaN") && !cell.contains('∞') && !cell.contains("inf"), "{cell}");
            }
        }
        let profit = crate::components::kpi_defs::find("profit_usd_day").expect("a KPI");
        let sub = crate::components::kpi_card::sub_line(profit, Some(&r), &s);
        assert!(!sub.contains('∞') && !sub.contains("NaN"), "{sub}");
        let words = crate::state::decision::decision_words(&r.decision, &s, &crate::format::usd);
        assert!(!words.contains('∞') && !words.contains("NaN"), "{words}");
    }
}

#[test]
fn the_site_groups_come_first_and_every_row_says_when_it_switches_off() {
    let mut s = Scenario { power_price_usd_kwh: 0.045, pue: 1.1, ..Scenario::default() };
    for (g, (ths, e)) in [(270.0, 13.5), (104.0, 29.5)].into_iter().enumerate() {
        s.set(Scenario::group_key(g, GroupField::HashrateThs), ths).unwrap();
        s.set(Scenario::group_key(g, GroupField::EfficiencyJth), e).unwrap();
        s.set(Scenario::group_key(g, GroupField::Count), 1000.0).unwrap();
    }
    let r = evaluate(&s).unwrap();
    let lines = lines(&s, Some(&r), &machine_presets());
    let mut h = Html::new();
    let slots = card(&mut h, &lines, &s);
    assert_eq!(slots.rows.len(), 13 + 2);
    assert_eq!((lines[0].group, lines[1].group, lines[2].group), (Some(0), Some(1), None));
    let (m, n) = h.finish();
    assert_eq!(check(&m, n), Ok(()));
    let day = r.projection.group_first_curtailed_day[1].unwrap();
    let month = (day as f64 / 30.4375).floor() as i64 + 1;
    let hook = ["data-group=\"2\" data-first-off=\"", &crate::chart::int_string(day as i64), "\""].concat();
    assert!(m.contains(&hook), "group 2 carries its first day off");
    assert!(m.contains(&["▲ runs today; off from month ", &crate::chart::int_string(month)].concat()));
    assert!(m.contains(">Group 1 · Antminer S21 XP</th>"), "a group's name is a label, not a button");
    assert!(summary(&lines, &s).contains(". Your site's groups first, then every model"));
    // The S19j Pro preset is the same machine as group 2: the same day, the same words.
    let p = lines.iter().find(|l| l.group.is_none() && l.row.model == "Antminer S19j Pro").unwrap();
    assert_eq!(p.first_day, Some(day));
    assert_eq!(cells(&p.row, p.first_day, &s)[0], cells(&lines[1].row, lines[1].first_day, &s)[0]);
    assert!(summary(&lines, &s).contains("with the site's PUE of 1.10."));
}

#[test]
fn a_presets_button_says_which_group_it_sets() {
    let one = Scenario::default();
    assert_eq!(use_title(&one), "Use this machine");
    let now = used_words("Antminer S21 Pro", &one, false);
    assert_eq!(now, "Now mining with the Antminer S21 Pro, at its price and resale value.");
    let mut site = Scenario::default();
    let _ = site.set(Scenario::group_key(1, GroupField::Count), 10.0);
    assert_eq!(use_title(&site), "Use this machine for group 1");
    let already = used_words("Antminer S21", &one, true);
    assert_eq!(already, "Already mining with the Antminer S21, at its price and resale value.");
    assert!(used_words("Antminer S21", &site, true).starts_with("Group 1 already runs the Antminer S21"));
    assert!(used_words("Antminer S21 Pro", &site, false).starts_with("Group 1 now runs the Antminer S21 Pro"));
    let r = evaluate(&site).unwrap();
    let mut h = Html::new();
    card(&mut h, &lines(&site, Some(&r), &machine_presets()), &site);
    let (m, _) = h.finish();
    assert!(m.contains("title=\"Use this machine for group 1\"") && !m.contains("title=\"Use this machine\""));
}
