//! Tests of the decision card (`components::decision`) and of the loan on the monthly chart, on the reference
//! site cases.

use super::*;
use crate::state::decision::{mine_convert_crossing, Crossing};
use crate::chart::Node;
use crate::components::chart_parts::{x_range};
use crate::components::chart_words::Point;
use crate::components::monthly_chart;
use crate::model::evaluate;
use crate::view::html::check;
use serde_json::Value;

/// A reference site case by the start of its name: its scenario, results and expected outputs.
fn case(name: &str) -> (Scenario, Results, Value) {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/reference_site_cases.json");
    let doc: Value = serde_json::from_str(&std::fs::read_to_string(path).expect("the reference file")).expect("JSON");
    let c = doc["cases"]
        .as_array()
        .expect("cases")
        .iter()
        .find(|c| c["name"].as_str().is_some_and(|n| n.starts_with(name)));
    let c = c.expect("the case").clone();
    let s: Scenario = serde_json::from_value(c["scenario"].clone()).expect("a scenario");
    let r = evaluate(&s).expect("valid");
    (s, r, c["expected"].clone())
}

fn num(v: &Value) -> f64 {
    v.as_f64().expect("a number")
}

/// The nodes of every layer, flattened.
fn nodes(d: &ChartData) -> Vec<&Node> {
    d.layers.iter().flat_map(|l| &l.nodes).collect()
}

/// The points of the path with class `class` (`M x y L x y …`).
fn path_points(d: &ChartData, class: &str) -> Vec<(i64, i64)> {
    let node =
        nodes(d).into_iter().find(|n| n.tag == "path" && n.attrs.iter().any(|(k, v)| *k == "class" && v == class));
    let path = node.and_then(|n| n.attrs.iter().find(|(k, _)| *k == "d")).map(|(_, v)| v.clone()).unwrap_or_default();
    path.split(['M', 'L'])
        .filter(|p| !p.is_empty())
        .map(|p| {
            let mut xy = p.split(' ').map(|v| v.parse::<i64>().expect("an integer"));
            (xy.next().expect("x"), xy.next().expect("y"))
        })
        .collect()
}

fn texts(d: &ChartData) -> Vec<String> {
    nodes(d).iter().filter_map(|n| n.text.clone()).collect()
}

#[test]
fn the_card_builds_with_all_its_handles_and_owns_the_hooks_it_shows() {
    let (s, r, _) = case("debt 60%");
    for (w, strip) in [(380.0, true), (720.0, false)] {
        let d = decision_chart(&s, &r, w, true);
        let mut h = Html::new();
        let slots = card(&mut h, &s, Some(&r), &d, strip);
        assert_eq!(slots.cards.len(), NPVS.len() + LOAN.len());
        let (m, n) = h.finish();
        assert_eq!(check(&m, n), Ok(()));
        for key in [
            "mine_npv_usd",
            "sell_npv_usd",
            "convert_npv_usd",
            "equity_npv_usd",
            "loan_balance_end_usd",
            "first_shortfall_month",
        ] {
            assert!(m.contains(&["data-kpi=\"", key, "\""].concat()), "{key}");
        }
        // The project's NPV keeps its hook in the strip while the strip is shown; without it, here.
        assert_eq!(m.contains("data-kpi=\"npv_usd\""), !strip);
        assert!(m.contains("role=\"img\"") && m.contains("<title") && m.contains("class=\"data-table\""));
        assert!(m.contains("aria-busy=\"true\""), "the crossing price is found after the mount");
    }
    assert!(owns_hook("irr_pct_year", true) && !owns_hook("npv_usd", true) && owns_hook("npv_usd", false));
    assert!(!owns_hook("capex_usd", false), "a KPI the card does not show stays in the grid");
}

#[test]
fn the_words_name_the_winner_and_the_lease() {
    let (s, r, e) = case("convert beats mine");
    let d = &e["decision"];
    let (mine, sell, convert) = (num(&d["mine_npv_usd"]), num(&d["sell_npv_usd"]), num(&d["convert_npv_usd"]));
    assert!(convert > sell && sell > mine, "test set-up: converting, then selling, then mining");
    let words = decision_words(&r.decision, &s, &usd);
    let want =
        ["Selling the machines today beats mining by ", &usd(sell - mine), "; converting to AI/HPC beats both by "]
            .concat();
    assert!(words.starts_with(&want), "{words}");
    assert!(words.ends_with(" over its 15-year lease."), "{words}");
    assert_eq!(
        life_words(&s),
        "Each NPV covers its own life: mining to the 36-month horizon, the machines sold at its end; selling today; \
         converting through the 12-month build, the machines sold at its end, and the 15-year lease, with nothing after it."
    );
    let (at_once, _, _) = case("zero-month build");
    assert!(life_words(&at_once)
        .ends_with("converting at once, the machines sold today, through the 12-year lease, with nothing after it."));
}

#[test]
fn the_crossing_is_a_price_or_says_who_wins_everywhere() {
    assert_eq!(
        crossing_words(Crossing::At(123_400.0)),
        "Mining and converting are worth the same at a BTC price of $123,400, the other inputs as they are."
    );
    let (s, r, _) = case("defaults");
    assert!(r.decision.mine_npv_usd > r.decision.convert_npv_usd);
    let found = mine_convert_crossing(&s).expect("valid");
    assert!(crossing_words(found).starts_with("Mining beats converting at every BTC price from $100 to $10M"));
    // Converting now, mining above some price: a crossing, found to $100.
    let (s, r, _) = case("zero-month build");
    assert!(r.decision.convert_npv_usd > r.decision.mine_npv_usd);
    let Some(Crossing::At(p)) = mine_convert_crossing(&s) else { panic!("a crossing") };
    assert!(p > s.btc_price_usd && p % 100.0 == 0.0, "{p}");
    assert!(crossing_words(Crossing::ConvertAhead).starts_with("Converting beats mining at every BTC price"));
    assert!(crossing_words(Crossing::Same).starts_with("Mining and converting are worth the same at every BTC price"));
}

#[test]
fn the_loan_is_said_with_the_reference_figures() {
    let (s, r, e) = case("debt 60%");
    let p = &e["projection"];
    assert_eq!(
        loan_words(&s, &r),
        [
            "The mine's net cash first falls short of the ",
            &usd(num(&p["debt_payment_usd_month"])),
            " loan payment in month 15; ",
            &usd(num(&p["loan_balance_end_usd"])),
            " is still owed at the horizon and must be refinanced."
        ]
        .concat()
    );
    assert_eq!(num(&p["first_shortfall_month"]), 15.0);
    let (s, r, e) = case("interest-free debt");
    assert!(loan_words(&s, &r).ends_with("loan payment in month 8; the loan is repaid in month 18."));
    assert_eq!(num(&e["projection"]["loan_balance_end_usd"]), 0.0);
    let carried = Scenario { debt_pct: 10.0, ..Scenario::default() };
    let r = evaluate(&carried).expect("valid");
    assert_eq!(r.projection.equity.first_shortfall_month, None);
    assert!(loan_words(&carried, &r).starts_with("The mine's net cash covers the $"), "{}", loan_words(&carried, &r));
    let (s, r, _) = case("defaults");
    assert_eq!(loan_words(&s, &r), "No debt: the owners' NPV and IRR are the project's.");
}

#[test]
fn the_chart_draws_each_choice_over_its_own_life() {
    let (s, r, e) = case("owned S19 XP");
    let w = 720.0;
    let d = decision_chart(&s, &r, w, true);
    let (months, life) = (s.horizon_months as usize, (s.hpc_build_months + s.hpc_lease_term_months) as usize);
    assert!(life > months, "test set-up: the lease outlasts mining");
    assert_eq!(d.points.len(), life + 1, "a readout per month, 0 … the end of the lease");
    let at = |m: usize| match d.points[m].point {
        Point::Decision { mine, sell, convert, .. } => (mine, sell, convert),
        other => panic!("{other:?}"),
    };
    let total = num(&e["projection"]["total_net_usd"]);
    assert!(at(months).0.is_some_and(|v| (v - total).abs() < 1e-6 * total.abs()), "mining ends at its total net cash");
    assert_eq!(at(months + 1).0, None, "and then has ended");
    assert_eq!(at(life).1, num(&e["decision"]["sell_npv_usd"]));
    assert!(at(life).2.is_some());
    assert!(d.points.windows(2).all(|p| p[0].x_px < p[1].x_px), "left to right");
    assert!(d.points[months + 1].text().starts_with("month 37: sell "), "{}", d.points[months + 1].text());
    // Mining: one point a month, and the resale at the horizon as a vertical step up at its end (seen on a
    // scale the conversion's capex does not stretch).
    let free = Scenario { hpc_capex_usd_mw: 0.0, hpc_lease_term_months: 12.0, ..s.clone() };
    let mine = path_points(&decision_chart(&free, &evaluate(&free).expect("valid"), w, false), "line-mine");
    let [.., before, after] = mine[..] else { panic!("a mining line") };
    assert!(num(&e["projection"]["salvage_usd"]) > 0.0 && before.0 == after.0 && after.1 < before.1 - 4, "{mine:?}");
    // Selling: a vertical step on day 0 from the capex spent to the resale, then flat to the end.
    let sell = path_points(&d, "line-sell");
    assert_eq!(sell.len(), 3);
    assert!(sell[0].0 == sell[1].0 && sell[1].1 == sell[2].1 && sell[2].0 == x_range(w).1 as i64, "{sell:?}");
    assert!(sell[1].1 < sell[0].1, "the resale ($2.52M) lifts it above −capex (0)");
    // Converting: to the end of the lease, with the lease's start marked.
    assert_eq!(path_points(&d, "line-convert").last().map(|p| p.0), Some(x_range(w).1 as i64));
    assert!(texts(&d).contains(&"lease starts".to_string()));
    // The table: a row per month, "ended" once a choice's life is over.
    assert_eq!(d.table.len(), life + 1);
    assert_eq!(d.table[months + 1].cells[1], "ended");
    assert_eq!(d.table[0].cells[3], usd(-num(&e["snapshot"]["capex_usd"])));
    assert_eq!(
        d.desc,
        "Cumulative cash by month, undiscounted, from the capex already spent ($0.00): keep mining to month 36 with the \
         machines' resale at its end, sell them on day 0, or convert and lease the site to month 198. Undiscounted, \
         converting ends with the most cash, but selling the machines today is worth the most: the NPVs count later \
         cash for less (mining's at 10.0% a year, the conversion's at 8.0% a year)."
    );
    // A zero-month build: no lease rule.
    let (s, r, _) = case("zero-month build");
    let d = decision_chart(&s, &r, 380.0, false);
    assert!(
        !texts(&d).contains(&"lease starts".to_string())
            && d.desc.ends_with("convert and lease the site to month 144.")
    );
    assert!(d.table.is_empty(), "rows only while the table is open");
}

#[test]
fn the_monthly_chart_draws_the_loan_balance_on_its_own_axis_and_tables_debt_service() {
    let (s, r, e) = case("debt 60%");
    let p = &e["projection"];
    let w = 720.0;
    let d = monthly_chart::chart(&s, &r, w, true);
    let payment = num(&p["debt_payment_usd_month"]);
    let (months, term) = (s.horizon_months as usize, s.debt_term_months as usize);
    assert!(term > months, "test set-up: the loan outlasts the horizon");
    assert_eq!(d.table.len(), months);
    for (m, row) in d.table.iter().enumerate() {
        let net = r.projection.monthly_net_usd[m];
        assert_eq!(
            row.cells[1..],
            [usd(net), usd(payment), usd(net - payment), usd(r.projection.equity.loan_balance_usd[m])]
        );
    }
    assert_eq!(d.table[months - 1].cells[4], usd(num(&p["loan_balance_end_usd"])));
    // The balance falls from the debt (the top of its scale) to what is left, ending inside the narrower plot.
    let line = path_points(&d, "balance-line");
    assert_eq!(line.len(), months + 1);
    assert!(line.windows(2).all(|p| p[1].1 >= p[0].1), "the balance only falls: {line:?}");
    let right = (x_range(w - 56.0).1) as i64;
    assert!(line.iter().all(|p| p.0 <= right) && line[months].0 >= right - 1, "{line:?}");
    assert!(texts(&d).contains(&"loan balance".to_string()));
    assert!(
        d.desc.ends_with(
            &[
                " a month, the solid line the loan's balance (right axis): ",
                &usd(num(&p["loan_balance_end_usd"])),
                " is left at the horizon and must be refinanced."
            ]
            .concat()
        ),
        "{}",
        d.desc
    );
    assert!(d.points[0].text().contains(" · loan balance $"), "{}", d.points[0].text());
    // Without debt: no balance, the plot runs to the right edge.
    let (s, r, _) = case("defaults");
    let d = monthly_chart::chart(&s, &r, w, true);
    assert!(path_points(&d, "balance-line").is_empty() && !texts(&d).contains(&"loan balance".to_string()));
    assert!(d.table.iter().all(|row| row.cells[2] == usd(0.0) && row.cells[1] == row.cells[3]));
}

/// One machine is sold, resold and said as one: "Selling the machine today", "the machine sold at its end",
/// "the machine's resale at its end, sell it on day 0" (they said "the machines" and "them").
#[test]
fn one_machines_decision_words_are_singular() {
    // Resold today for nearly its price, at a power price that makes mining on poor: selling is said.
    let d = Scenario::default();
    let s = Scenario { machine_count: 1.0, machine_resale_usd_per_th: 14.0, power_price_usd_kwh: 0.09, ..d };
    let r = evaluate(&s).expect("valid");
    let words = decision_words(&r.decision, &s, &usd);
    assert!(words.contains("elling the machine today"), "{words}");
    assert_eq!(
        life_words(&s),
        "Each NPV covers its own life: mining to the 36-month horizon, the machine sold at its end; selling today; \
         converting through the 18-month build, the machine sold at its end, and the 15-year lease, with nothing \
         after it."
    );
    let at_once = Scenario { hpc_build_months: 0.0, ..s.clone() };
    assert!(life_words(&at_once).contains("converting at once, the machine sold today, through the "));
    let d = decision_chart(&s, &r, 380.0, false);
    assert!(d.desc.contains(" with the machine's resale at its end, sell it on day 0, or convert"), "{}", d.desc);
    for text in [words, life_words(&s), d.desc] {
        assert!(!text.contains("machines") && !text.contains(" them "), "{text}");
    }
}
