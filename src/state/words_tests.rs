//! Tests of `words`, kept beside it.

use super::*;
use crate::model::projection::EndAmount;
use crate::model::{evaluate, Scenario};

/// Review: the owners' cash turns negative again when the balance left is repaid on the last day, so their NPV
/// is negative at both ends of the search and positive between: two rates, not "above 1,000%".
#[test]
fn an_equity_irr_at_two_rates_is_said_as_such() {
    let s = Scenario {
        btc_price_usd: 200_000.0,
        debt_pct: 50.0,
        debt_term_months: 60.0,
        horizon_months: 24.0,
        ..Scenario::default()
    };
    let r = evaluate(&s).expect("valid");
    assert_eq!(r.projection.equity.equity_irr_pct_year, None);
    assert!(r.projection.irr_pct_year.is_some(), "the project has its IRR");
    assert_eq!(equity_irr_none_words(&s, &r), IrrNone::TwoRates.text());
    // Without a loan the owners' IRR is the project's, and so are its words.
    let plain = Scenario { uptime_pct: 0.0, ..Scenario::default() };
    let r0 = evaluate(&plain).expect("valid");
    assert_eq!(equity_irr_none_words(&plain, &r0), IrrNone::NoSignChange.text());
    // All debt: nothing paid in.
    let all = Scenario { debt_pct: 100.0, ..Scenario::default() };
    assert_eq!(equity_irr_none_words(&all, &evaluate(&all).expect("valid")), "no IRR (no equity paid in)");
}

fn end(usd: f64, days: usize) -> EndAmount {
    EndAmount { usd, days }
}

fn cause(s: &Scenario) -> Option<IrrNone> {
    let r = evaluate(s).expect("valid");
    irr_none_cause(&r.series.net_usd, r.snapshot.capex_usd, end(r.projection.salvage_usd, r.projection.horizon_days), None)
}

#[test]
fn irr_none_names_each_of_its_causes() {
    let d = Scenario::default();
    assert_eq!(cause(&Scenario { machine_price_usd_per_th: 0.0, ..d.clone() }), Some(IrrNone::NoCapex));
    // Every day curtailed and no fixed costs: every flow is 0, cash never turns positive.
    assert_eq!(cause(&Scenario { power_price_usd_kwh: 5.0, ..d.clone() }), Some(IrrNone::NoSignChange));
    // One month of a little cash against a huge capex: the root lies below −99 % a year.
    assert_eq!(
        cause(&Scenario { horizon_months: 1.0, machine_price_usd_per_th: 10_000.0, ..d.clone() }),
        Some(IrrNone::BelowFloor)
    );
    // Nearly free machines: the NPV is still positive at +1,000 % a year.
    assert_eq!(cause(&Scenario { machine_price_usd_per_th: 0.001, ..d.clone() }), Some(IrrNone::AboveCeiling));
    assert_eq!(irr_none_cause(&[f64::MAX; 10], 1.0, EndAmount::default(), None), Some(IrrNone::Overflow));
    assert_eq!(IrrNone::BelowFloor.text(), "below −99% a year (the cash that comes back is a small part of the capex)");
    assert_eq!(IrrNone::NoSignChange.text(), "no IRR (the cash flow never turns positive)");
    assert_eq!(IrrNone::AboveCeiling.text(), "above +1,000% a year (the top of the search range)");
}

#[test]
fn irr_none_agrees_with_the_model_on_whether_there_is_an_irr() {
    let d = Scenario::default();
    let cases = [
        d.clone(),
        Scenario { btc_price_usd: 150_000.0, ..d.clone() },
        Scenario { btc_price_usd: 40_000.0, curtail_when_unprofitable: false, ..d.clone() },
        Scenario { power_price_usd_kwh: 5.0, opex_usd_month: 10_000.0, ..d.clone() },
        Scenario { horizon_months: 1.0, ..d.clone() },
        Scenario { machine_price_usd_per_th: 0.01, ..d.clone() },
        Scenario { machine_price_usd_per_th: 0.0, ..d.clone() },
        Scenario { power_price_usd_kwh: 5.0, machine_resale_usd_per_th: 10.0, ..d.clone() },
        Scenario { power_price_usd_kwh: 5.0, machine_resale_usd_per_th: 0.5, horizon_months: 1.0, ..d.clone() },
        Scenario { btc_price_usd: 5e-324, network_hashrate_ehs: 5e-324, machine_hashrate_ths: 5e-324, ..d },
    ];
    for s in cases {
        let r = evaluate(&s).expect("valid");
        let c = irr_none_cause(
            &r.series.net_usd,
            r.snapshot.capex_usd,
            end(r.projection.salvage_usd, r.projection.horizon_days),
            Some(r.projection.npv_usd),
        );
        assert_eq!(c.is_none(), r.projection.irr_pct_year.is_some(), "{s:?}: {c:?} vs {:?}", r.projection.irr_pct_year);
    }
}

#[test]
fn two_rates_between_the_probes_are_found_from_the_npv_shown() {
    // Out 100 today, 218.04 back after half a year, 118.72 out at the end of the year: the NPV is positive only
    // between ~10.2% and ~29% a year, between the probed rates, and negative at both ends of the search.
    let mut net = vec![0.0; 365];
    net[181] = 218.04;
    net[364] = -118.72;
    let at = |r: f64| npv(&net, 100.0, EndAmount::default(), r);
    assert!(at(-0.99) < 0.0 && at(10.0) < 0.0 && at(0.1) < 0.0 && at(0.3) < 0.0 && at(0.18) > 0.0);
    assert_eq!(irr_none_cause(&net, 100.0, EndAmount::default(), None), Some(IrrNone::BelowFloor));
    assert_eq!(irr_none_cause(&net, 100.0, EndAmount::default(), Some(at(0.18))), Some(IrrNone::TwoRates));
}

#[test]
fn salvage_counts_as_cash_coming_back() {
    // No operating cash, but machines sold after a year for half their price: an IRR exists.
    assert_eq!(irr_none_cause(&[0.0; 365], 100.0, end(50.0, 365), None), None);
    assert_eq!(irr_none_cause(&[0.0; 365], 100.0, EndAmount::default(), None), Some(IrrNone::NoSignChange));
    // Sold the next day for half: the loss is beyond −99 % a year, but cash did come back.
    assert_eq!(irr_none_cause(&[0.0; 1], 100.0, end(50.0, 1), None), Some(IrrNone::BelowFloor));
}

#[test]
fn machines_off_every_day_say_so_with_the_fixed_costs() {
    let usd = |x: f64| format!("${:.2}K", x / 1000.0);
    let s = Scenario { power_price_usd_kwh: 5.0, opex_usd_month: 128_000.0, ..Scenario::default() };
    let r = evaluate(&s).expect("valid");
    assert!(r.snapshot.profit_usd_day < 0.0);
    let note = off_today_note(&s, &r.series, &usd).expect("all curtailed");
    assert!(
        note.starts_with("Machines off: mining would earn less than its power costs every day of the projection"),
        "{note}"
    );
    assert!(note.ends_with("The site's fixed costs still cost $4.21K a day."), "{note}");
    // Hosting is a fixed cost too.
    let hosted = Scenario { opex_usd_month: 0.0, hosting_usd_kw_month: 10.0, ..s.clone() };
    let r2 = evaluate(&hosted).expect("valid");
    let note = off_today_note(&hosted, &r2.series, &usd).expect("all curtailed");
    assert!(note.ends_with("still cost $1.15K a day."), "3,500 kW × $10 a month ÷ 30.4375: {note}");
    let free = Scenario { opex_usd_month: 0.0, ..s.clone() };
    let none = off_today_note(&free, &evaluate(&free).expect("valid").series, &usd).expect("all curtailed");
    assert!(none.ends_with("With no fixed costs, an idle site costs nothing."));
    // Not when the machines run on some day, nor without curtailment.
    let running = Scenario::default();
    assert_eq!(off_today_note(&running, &evaluate(&running).expect("valid").series, &usd), None);
    let no_curtail = Scenario { curtail_when_unprofitable: false, ..s.clone() };
    assert_eq!(off_today_note(&no_curtail, &evaluate(&no_curtail).expect("valid").series, &usd), None);
    // Two groups, one of them efficient enough to run: not every machine is off.
    let mixed = Scenario {
        power_price_usd_kwh: 0.09,
        machine_efficiency_jth: 40.0,
        machine2_count: 10.0,
        machine2_efficiency_jth: 10.0,
        ..Scenario::default()
    };
    let rm = evaluate(&mixed).expect("valid");
    assert!(rm.series.curtailed.iter().all(|c| *c), "group 1 is off every day");
    assert_eq!(off_today_note(&mixed, &rm.series, &usd), None, "group 2 runs");
    assert_eq!(present_groups_mask(&mixed), 0b11);
    assert_eq!(total_machines(&mixed), 1_010.0);
    assert!(!all_off_every_day(&[], 1));
    assert!(!all_off_every_day(&[1, 1], 0));
    assert!(all_off_every_day(&[0b11, 0b111], 0b11));
    assert!(!all_off_every_day(&[0b11, 0b01], 0b11));
}

#[test]
fn labels_follow_the_machine_count_and_the_per_mw_payback_is_static() {
    assert_eq!(fleet_label("Fleet profit per day", 1.0), "Profit per day");
    assert_eq!(fleet_label("Fleet hashrate", 1.0), "Hashrate");
    assert_eq!(fleet_label("Fleet profit per day", 2.0), "Fleet profit per day");
    assert_eq!(fleet_label("Hashprice", 1.0), "Hashprice", "only fleet labels change");
    assert_eq!(risk_title(1.0), "Risk: the odds this machine pays back");
    assert_eq!(risk_title(1000.0), "Risk: the odds this fleet pays back");
    // One machine in group 1 and one in group 2 is a fleet of two.
    let two = Scenario { machine_count: 1.0, machine2_count: 1.0, ..Scenario::default() };
    assert_eq!(fleet_label("Fleet profit per day", total_machines(&two)), "Fleet profit per day");
    assert_eq!(
        fleet_label("Fleet profit per day", total_machines(&Scenario { machine_count: 1.0, ..Scenario::default() })),
        "Profit per day"
    );
    assert_eq!(
        static_payback_text(Some("1.8 years")),
        "1.8 years (static: at today's hashprice, before network growth, halvings and curtailment)"
    );
    assert_eq!(
        static_payback_text(None),
        "never at today's hashprice (static: at today's hashprice, before network growth, halvings and curtailment)"
    );
    assert!(STATIC_PAYBACK_LABEL.starts_with("Static"));
}

#[test]
fn small_fleets_start_with_hpc_and_risk_closed() {
    for m in [1.0, 2.0] {
        assert!(starts_collapsed("hpc", m) && starts_collapsed("risk", m), "{m}");
        assert!(!starts_collapsed("market", m) && !starts_collapsed("costs", m));
    }
    assert!(!starts_collapsed("hpc", 3.0) && !starts_collapsed("risk", 1000.0));
    // The ids are the panels' own.
    for id in ["hpc", "risk"] {
        assert!(crate::fields::Panel::ALL.iter().any(|p| p.id() == id), "{id}");
    }
}

#[test]
fn the_irr_kpi_says_which_cause() {
    let r = evaluate(&Scenario { power_price_usd_kwh: 5.0, ..Scenario::default() }).expect("valid");
    assert_eq!(irr_none_words(&r), "no IRR (the cash flow never turns positive)");
    let free = evaluate(&Scenario { machine_price_usd_per_th: 0.0, ..Scenario::default() }).expect("valid");
    assert_eq!(irr_none_words(&free), "no IRR (no capex to earn a return on)");
}

#[test]
fn groups_are_listed_as_the_page_names_them() {
    assert_eq!(group_list(&[2]), "group 3");
    assert_eq!(group_list(&[1, 2]), "groups 2 and 3");
    assert_eq!(group_list(&[0, 1, 2]), "groups 1, 2 and 3");
}

/// A review's link: the strip's "$386.20K per month" counted group 3, which the page said was off today.
#[test]
fn the_profits_month_says_which_groups_it_counts_at_a_loss() {
    let q = "power_price_usd_kwh=0.06&pue=1.1&machine_hashrate_ths=270&machine_efficiency_jth=13.5&machine_count=3000\
             &machine2_hashrate_ths=140&machine2_efficiency_jth=21.5&machine2_count=3300\
             &machine3_hashrate_ths=104&machine3_efficiency_jth=29.5&machine3_count=3000";
    let (s, _) = crate::state::query::from_query(q, &Scenario::default());
    let r = crate::model::evaluate(&s).expect("valid");
    let first = &r.projection.group_first_curtailed_day;
    assert_eq!((first[0] == Some(0), first[2]), (false, Some(0)), "group 3 is off from today, group 1 is not");
    assert_eq!(at_a_loss_today_note(&s, first), "; group 3 running at a loss");
    // Every group off: the strip says so in its own words, not as a loss of one.
    let all = [Some(0); MAX_GROUPS];
    assert_eq!(at_a_loss_today_note(&s, &all), "");
    assert_eq!(at_a_loss_today_note(&s, &[None; MAX_GROUPS]), "");
}

/// One machine is "the machine", "it" and no fleet; a fleet, one machine in each of two groups included, keeps
/// the plural (the count is every group's together).
#[test]
fn words_about_the_machines_follow_the_count() {
    let one = Scenario { machine_count: 1.0, ..Scenario::default() };
    let two = Scenario { machine_count: 1.0, machine2_count: 1.0, ..Scenario::default() };
    let words = [FLEET, MACHINES, MACHINES_OF, THEM];
    assert_eq!(words.map(|w| by_count(w, &one)), ["", "machine", "machine's", "it"]);
    assert_eq!(words.map(|w| by_count(w, &two)), ["fleet ", "machines", "machines'", "them"]);
    assert_eq!(by_count(MACHINES, &Scenario::default()), "machines");
    assert_eq!(fleet_label("Sell the machines today: NPV", 1.0), "Sell the machine today: NPV");
    assert_eq!(fleet_label("Sell the machines today: NPV", 2.0), "Sell the machines today: NPV");
    assert!(label_follows_count("Sell the machines today: NPV") && label_follows_count("Fleet power"));
    assert!(!label_follows_count("Hashprice"));
    // Switched off on every day: "Machine off: … so the machine would be switched off today".
    let usd = |x: f64| format!("${x:.2}");
    let off = Scenario { power_price_usd_kwh: 5.0, ..one };
    let note = off_today_note(&off, &evaluate(&off).expect("valid").series, &usd).expect("all curtailed");
    assert_eq!(
        note,
        "Machine off: mining would earn less than its power costs every day of the projection, so the machine \
         would be switched off today. With no fixed costs, an idle site costs nothing."
    );
    let many = Scenario { power_price_usd_kwh: 5.0, ..Scenario::default() };
    let note = off_today_note(&many, &evaluate(&many).expect("valid").series, &usd).expect("all curtailed");
    assert!(note.starts_with("Machines off: ") && note.contains(", so the machines would be switched off today."));
}
