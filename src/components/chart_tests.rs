use super::*;
use crate::components::{cash_chart, hashprice_chart, monthly_chart, risk_charts};
use crate::components::chart_words::Point;
use crate::components::kpi_defs::{show, Fmt};
use crate::model::{evaluate, evaluate_risk, Scenario};
use crate::view::html::check;

#[test]
fn every_projection_card_builds_with_all_its_handles() {
    let s = Scenario::default();
    let Ok(r) = evaluate(&s) else { panic!("the default scenario evaluates") };
    for (card, draw) in [
        (&cash_chart::CARD, cash_chart::chart as fn(&Scenario, &crate::model::Results, f64, bool) -> ChartData),
        (&hashprice_chart::CARD, hashprice_chart::chart),
        (&monthly_chart::CARD, monthly_chart::chart),
    ] {
        for w in [380.0, 720.0] {
            let d = draw(&s, &r, w, true);
            assert!(!d.points.is_empty() && !d.table.is_empty() && !d.layers.is_empty(), "{}", card.id);
            let mut h = Html::new();
            let slots = projection_card(&mut h, card, &d);
            assert!(slots.note.is_some() && slots.table.is_some());
            let (m, n) = h.finish();
            assert_eq!(check(&m, n), Ok(()), "{}", card.id);
        }
    }
}

#[test]
fn the_cash_chart_says_when_it_pays_back_in_words() {
    let s = Scenario::default();
    let Ok(r) = evaluate(&s) else { panic!("the default scenario evaluates") };
    let d = cash_chart::chart(&s, &r, 720.0, false);
    assert!(d.desc.starts_with("Cumulative net cash after power and fixed costs, by month, against the machine capex of $"), "{}", d.desc);
    assert!(d.desc.contains("payback on day ") || d.desc.contains("no payback within 36 months"), "{}", d.desc);
    assert!(d.table.is_empty(), "rows only while the table is open");
    assert_eq!(d.points[0].text(), ["month 0: cumulative $0.00 · capex ", &crate::format::usd(r.snapshot.capex_usd)].concat());
    let free = Scenario { machine_price_usd_per_th: 0.0, ..s };
    let Ok(r) = evaluate(&free) else { panic!("a free machine evaluates") };
    assert!(cash_chart::chart(&free, &r, 720.0, false).desc.ends_with(": no capex to repay."));
}

#[test]
fn the_hashprice_chart_counts_the_days_below_shutdown() {
    let s = Scenario { btc_price_usd: 40_000.0, ..Scenario::default() };
    let Ok(r) = evaluate(&s) else { panic!("evaluates") };
    let d = hashprice_chart::chart(&s, &r, 560.0, false);
    assert!(d.desc.contains("are curtailed (shaded).") || d.desc.contains("is curtailed (shaded)."), "{}", d.desc);
    let off = Scenario { curtail_when_unprofitable: false, ..s };
    let Ok(r) = evaluate(&off) else { panic!("evaluates") };
    assert!(hashprice_chart::below_words(&off, &r, r.snapshot.shutdown_hashprice_usd_per_ph_day).starts_with("Curtailment is off: "));
}

/// A site of three generations: the old one first off, each with its own line.
fn three_generations(curtail: bool) -> Scenario {
    Scenario {
        machine_count: 1000.0,
        machine_efficiency_jth: 15.0,
        machine2_count: 1000.0,
        machine2_hashrate_ths: 140.0,
        machine2_efficiency_jth: 21.5,
        machine3_count: 1000.0,
        machine3_hashrate_ths: 104.0,
        machine3_efficiency_jth: 29.5,
        power_price_usd_kwh: 0.045,
        pue: 1.1,
        curtail_when_unprofitable: curtail,
        ..Scenario::default()
    }
}

#[test]
fn the_hashprice_chart_draws_a_line_per_group_and_counts_what_its_shading_shows() {
    let s = three_generations(true);
    let Ok(r) = evaluate(&s) else { panic!("evaluates") };
    let d = hashprice_chart::chart(&s, &r, 720.0, false);
    let lines: Vec<&crate::chart::Node> = d.layers.iter().flat_map(|l| &l.nodes).filter(|n| n.attrs.iter().any(|a| a.1 == "shutdown-line")).collect();
    assert_eq!(lines.len(), 3, "one line a group");
    assert!(!d.desc.contains("this machine"), "{}", d.desc);
    let old = r.snapshot.group_shutdown_hashprice_usd_per_ph_day[2].unwrap_or(f64::NAN);
    assert!(d.desc.contains(&[", group 3 ", &show(Fmt::UsdPerPhDay, old), "): a group is off on the days below its line."].concat()), "{}", d.desc);
    assert!(r.projection.curtailed_days > 1, "the old generation switches off within the horizon");
    assert!(d.desc.ends_with(&["On ", &crate::format::num(r.projection.curtailed_days as f64, 0), " days at least one group is off (shaded)."].concat()), "{}", d.desc);

    let s = three_generations(false);
    let Ok(r) = evaluate(&s) else { panic!("evaluates") };
    let d = hashprice_chart::chart(&s, &r, 720.0, false);
    let below = |g: usize| {
        let v = r.snapshot.group_shutdown_hashprice_usd_per_ph_day[g].unwrap_or(f64::NAN);
        r.series.hashprice_usd_per_ph_day.iter().filter(|h| **h < v).count() as f64
    };
    assert!(below(2) > below(0), "the least efficient group is below its line longest");
    let counts = ["group 1: ", &show(Fmt::Days, below(0)), ", group 2: ", &show(Fmt::Days, below(1)), ", group 3: ", &show(Fmt::Days, below(2)), ")."].concat();
    assert!(d.desc.contains("Curtailment is off: each group runs at a loss on the days below its line (") && d.desc.ends_with(&counts), "{}", d.desc);
}

#[test]
fn the_monthly_chart_names_the_debt_payment_only_when_financed() {
    let s = Scenario::default();
    let Ok(r) = evaluate(&s) else { panic!("evaluates") };
    let d = monthly_chart::chart(&s, &r, 720.0, false);
    if r.projection.debt_payment_usd_month > 0.0 {
        assert!(d.desc.contains("the dashed line is the debt payment of $"), "{}", d.desc);
    } else {
        assert_eq!(d.desc, "Net cash per month after power and fixed costs; bars below zero are losing months.");
    }
}

#[test]
fn risk_charts_word_their_points_and_the_centre_cell_is_this_scenario() {
    let s = Scenario { mc_paths: 200.0, ..Scenario::default() };
    let Ok(r) = evaluate_risk(&s) else { panic!("the risk model evaluates") };
    let heat = risk_charts::heatmap_chart(&r, s.btc_price_usd, s.network_hashrate_ehs, 720.0);
    let centre = heat.points.iter().find(|p| matches!(p.point, Point::Heat { this_scenario: true, .. }));
    assert!(centre.is_some_and(|p| p.text().starts_with("BTC $95.00K · 1,100 EH/s: NPV ") && p.text().ends_with(" (this scenario)")));
    let tornado = risk_charts::tornado_chart(&r, 0.0, 720.0, false);
    assert!(tornado.desc.starts_with("NPV when each input moves to its low and high value, sorted by swing. The largest swing comes from the "));
    assert!(!tornado.desc.contains("group"), "one machine type: no groups to speak of");
    // A site: the machine price and efficiency rows move every group, while their labels give group 1's values.
    let site = risk_charts::tornado_chart(&r, 0.0, 720.0, true);
    let said = ". Machine price and efficiency move every group's value by the same share; ";
    assert!(site.desc.ends_with(&[said, "the values shown are group 1's."].concat()), "{}", site.desc);
    assert!(tornado.table.iter().all(|row| row.hook.is_some_and(|(name, _)| name == "data-tornado")));
    let fan = risk_charts::fan_chart(&r, 0.0, None, s.horizon_months, 380.0, false);
    assert!(fan.desc.ends_with("There is no capex to repay."));
    let p = &risk_charts::KPIS[0];
    assert_eq!(risk_charts::kpi_text(p, 1.0, 0.0), "no capex to repay");
    assert_eq!(risk_charts::kpi_text(p, 0.452, 1.0), "45.2%");
    assert_eq!(risk_charts::kpi_text(p, f64::NAN, 1.0), "not defined");
}

#[test]
fn a_readout_outlines_its_mark_or_crosses_the_plot() {
    let line = Readout::at(100.4, Point::Cash { month: 1.0, cumulative: 0.0, capex: 0.0 }).crosshair();
    assert_eq!(line[0].tag, "line");
    assert_eq!(line[0].attrs[0], ("x1", "100".to_string()));
    let boxed = Readout { mark: Some(Mark { x: 1.0, y: 2.0, w: 0.5, h: 10.0 }), ..Readout::at(0.0, Point::Cash { month: 1.0, cumulative: 0.0, capex: 0.0 }) };
    let rect = boxed.crosshair();
    assert_eq!(rect[0].tag, "rect");
    assert!(rect[0].attrs.contains(&("width", "2".to_string())), "at least 2 px wide");
}
