//! Tests of `state::decision`, kept beside it.

use super::*;

fn money(x: f64) -> String {
    format!("${:.2}M", x / 1e6)
}

fn decision(mine: f64, sell: f64, convert: f64) -> Decision {
    Decision {
        mine_npv_usd: mine,
        sell_npv_usd: sell,
        convert_npv_usd: convert,
        convert_it_mw: 1.0,
        convert_capex_usd: 0.0,
        convert_monthly_net_usd: Vec::new(),
        convert_mining_pv_usd: 0.0,
        convert_hpc_pv_usd: 0.0,
    }
}

#[test]
fn the_sentence_goes_from_the_worst_to_the_best() {
    let s = Scenario { hpc_lease_term_months: 120.0, ..Scenario::default() };
    let d = decision(-3.0e6, -1.8e6, 12.2e6);
    assert_eq!(
        decision_words(&d, &s, &money),
        "Selling the machines today beats mining by $1.20M; converting to AI/HPC beats both by $14.00M over its 10-year lease."
    );
    let d = decision(2.0e6, -1.0e6, 0.5e6);
    assert_eq!(
        decision_words(&d, &Scenario { hpc_lease_term_months: 126.0, ..s.clone() }, &money),
        "Converting to AI/HPC beats selling by $1.50M over its 126-month lease; mining on beats both by $1.50M."
    );
    assert_eq!(ranked(&d), [Choice::Mine, Choice::Convert, Choice::Sell]);
}

#[test]
fn ties_are_said_as_ties() {
    let s = Scenario::default();
    assert!(decision_words(&decision(1.0, 1.0, 1.0), &s, &money).contains("are worth the same"));
    let w = decision_words(&decision(-1e6, -1e6, 2e6), &s, &money);
    assert!(
        w.starts_with("Mining on and selling are worth the same; converting to AI/HPC beats both by $3.00M"),
        "{w}"
    );
    let w = decision_words(&decision(2e6, -1e6, 2e6), &s, &money);
    assert!(w.contains("is worth as much"), "{w}");
}

#[test]
fn mine_and_convert_cross_at_the_price_the_model_gives() {
    let gap = |s: &Scenario, price: f64| {
        let d = evaluate(&Scenario { btc_price_usd: price, ..s.clone() }).expect("valid").decision;
        d.mine_npv_usd - d.convert_npv_usd
    };
    // Old machines on dear power and a rich lease: converting wins today, mining wins at a high enough price.
    let s = Scenario {
        machine_hashrate_ths: 104.0,
        machine_efficiency_jth: 29.5,
        machine_price_usd_per_th: 0.0,
        power_price_usd_kwh: 0.055,
        hpc_lease_usd_kw_month: 160.0,
        hpc_capex_usd_mw: 8e6,
        ..Scenario::default()
    };
    assert!(gap(&s, s.btc_price_usd) < 0.0, "converting wins at $95k");
    let Some(Crossing::At(p)) = mine_convert_crossing(&s) else { panic!("a crossing between $100 and $10M") };
    assert_eq!(p % 100.0, 0.0, "to $100");
    assert!(gap(&s, p - 100.0) < 0.0 && gap(&s, p + 100.0) > 0.0, "the two swap places around ${p}");
    // The defaults: a $10M/MW build at $120/kW-month never beats mining at any price, so there is no crossing.
    let d = Scenario::default();
    assert!(gap(&d, 100.0) > 0.0 && gap(&d, 1e7) > 0.0);
    assert_eq!(mine_convert_crossing(&d), Some(Crossing::MineAhead));
}

#[test]
fn first_off_is_a_month_of_the_projection() {
    assert_eq!(first_off(Some(0)), FirstOff::Today);
    assert_eq!(first_off(Some(30)), FirstOff::FromMonth(1));
    assert_eq!(first_off(Some(31)), FirstOff::FromMonth(2));
    assert_eq!(first_off(Some(273)), FirstOff::FromMonth(9));
    assert_eq!(first_off(None), FirstOff::Never);
    let s = Scenario::default();
    assert_eq!(first_off_words(FirstOff::FromMonth(10), &s), "off from month 10");
    assert_eq!(first_off_words(FirstOff::FromMonth(1), &s), "off within month 1");
    assert_eq!(first_off_words(FirstOff::Never, &s), "never off within 36 months");
    let no_curtail = Scenario { curtail_when_unprofitable: false, ..s };
    assert_eq!(first_off_words(FirstOff::Never, &no_curtail), "runs every day (curtailment is off)");
    let one_month = Scenario { horizon_months: 1.0, ..s };
    assert_eq!(first_off_words(FirstOff::Never, &one_month), "never off within 1 month");
}

#[test]
fn months_read_as_counts_and_before_nouns() {
    assert_eq!(months_count(1.0), "1 month");
    assert_eq!(months_count(36.0), "36 months");
    assert_eq!(months_long(48.0), "48-month");
    assert_eq!(lease_term_words(180.0), "15-year");
    assert_eq!(lease_term_words(126.0), "126-month");
}

#[test]
fn the_convert_npv_is_minus_capex_plus_its_two_parts() {
    for build in [18.0, 0.0] {
        let s = Scenario { hpc_build_months: build, ..Scenario::default() };
        let r = evaluate(&s).expect("valid");
        let d = &r.decision;
        let sum = -r.snapshot.capex_usd + d.convert_mining_pv_usd + d.convert_hpc_pv_usd;
        assert!((sum - d.convert_npv_usd).abs() <= 1e-9 * d.convert_npv_usd.abs(), "{sum} vs {}", d.convert_npv_usd);
        if build == 0.0 {
            // Converting at once: the machines sold today and the whole conversion capex paid today, undiscounted.
            assert_eq!(d.convert_mining_pv_usd, r.snapshot.resale_now_usd - d.convert_capex_usd);
        }
    }
}

#[test]
fn the_old_generation_goes_off_first() {
    // S21 beside S19j Pro: the less efficient group is off earlier, and day 0's words agree with the model.
    let s = Scenario {
        machine2_count: 1_000.0,
        machine2_hashrate_ths: 104.0,
        machine2_efficiency_jth: 29.5,
        ..Scenario::default()
    };
    let r = evaluate(&s).expect("valid");
    // Each group's first month off, in group order (as the hardware table's group rows carry it).
    let merit_order = |r: &Results| -> Vec<(usize, FirstOff)> {
        crate::state::merit::group_rows(&s, r, &[]).iter().map(|g| (g.group, first_off(g.first_day))).collect()
    };
    let order = merit_order(&r);
    assert_eq!(order.len(), 2);
    let month = |f: FirstOff| match f {
        FirstOff::Today => 0,
        FirstOff::FromMonth(m) => m,
        FirstOff::Never => usize::MAX,
    };
    assert!(month(order[1].1) <= month(order[0].1), "{order:?}");
    // A group losing money on day 0 is off from today, never "from month N".
    let old = Scenario { machine2_efficiency_jth: 60.0, ..s };
    let r = evaluate(&old).expect("valid");
    assert!(r.snapshot.group_profit_usd_day[1].is_some_and(|p| p < 0.0));
    assert_eq!(merit_order(&r)[1].1, FirstOff::Today);
}

#[test]
fn the_cash_paths_follow_the_reference_month_by_month() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/reference_site_cases.json");
    let doc: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(path).expect("the reference file")).expect("JSON");
    let num = |v: &serde_json::Value| v.as_f64().expect("a number");
    for case in doc["cases"].as_array().expect("cases") {
        let name = case["name"].as_str().unwrap_or("?");
        let s: Scenario = serde_json::from_value(case["scenario"].clone()).expect("a scenario");
        let (snap, proj, dec) =
            (&case["expected"]["snapshot"], &case["expected"]["projection"], &case["expected"]["decision"]);
        let p = cash_paths(&evaluate(&s).expect("valid"));
        let capex = num(&snap["capex_usd"]);
        // Sums of many months: within 1e-9 of the largest amount on the path.
        let scale = capex.abs() + num(&dec["convert_capex_usd"]).abs() + 1.0;
        let close = |a: f64, e: f64, what: &str| assert!((a - e).abs() <= 1e-9 * scale, "{name}: {what} {a} ≠ {e}");
        assert_eq!((p.mine[0], p.convert[0]), (-capex, -capex), "{name}: every choice starts from the capex spent");
        assert_eq!(p.mine.len(), s.horizon_months as usize + 1, "{name}");
        close(
            *p.mine.last().expect("months"),
            num(&proj["total_net_usd"]),
            "mining ends at the total net cash with the salvage",
        );
        close(p.salvage_usd, num(&proj["salvage_usd"]), "salvage");
        close(p.sell, num(&snap["resale_now_usd"]) - capex, "selling");
        close(p.sell, num(&dec["sell_npv_usd"]), "selling's NPV (day 0, undiscounted)");
        let monthly = dec["convert_monthly_net_usd"].as_array().expect("monthly cash");
        assert_eq!(monthly.len(), (s.hpc_build_months + s.hpc_lease_term_months) as usize, "{name}: build and lease");
        assert_eq!(p.convert.len(), monthly.len() + 1, "{name}");
        for (m, v) in monthly.iter().enumerate() {
            close(p.convert[m + 1] - p.convert[m], num(v), "a month of converting");
        }
    }
}


/// A review's link: a conversion at no capex and no lease whose build lasts the whole horizon is mining by
/// another name. The two NPVs differ only by rounding (cents on $18M), which once read "converting beats mining by
/// $0.00" and found a crossing at $9,833,300.
#[test]
fn choices_that_differ_by_rounding_are_worth_the_same() {
    let q = "machine2_count=3300&machine2_hashrate_ths=140&machine2_efficiency_jth=21.5&machine2_resale_usd_per_th=5\
             &debt_pct=50&hpc_lease_usd_kw_month=0&hpc_capex_usd_mw=0&hpc_build_months=36&horizon_months=36\
             &hpc_discount_rate_pct_year=10";
    let (s, _) = crate::state::query::from_query(q, &Scenario::default());
    let d = evaluate(&s).expect("valid").decision;
    assert!(d.mine_npv_usd != d.convert_npv_usd && same_worth(d.mine_npv_usd, d.convert_npv_usd), "{d:?}");
    assert_eq!(mine_convert_crossing(&s), Some(Crossing::Same));
    let w = decision_words(&d, &s, &|x| crate::format::usd(x));
    assert!(!w.contains("beats mining by") && !w.contains("beats converting by"), "{w}");
    assert!(w.contains("worth the same") || w.contains("worth as much"), "{w}");
    assert!(!same_worth(1e6, 1e6 + 0.01) && same_worth(1e6, 1e6 + 0.004) && same_worth(2e10, 2e10 + 10.0));
    // Each gap within rounding, the two together not: still no difference to speak of (never "by $0.00").
    let chain = decision_words(&decision(1e6, 1e6 + 0.004, 1e6 + 0.008), &s, &|x| crate::format::usd(x));
    assert!(chain.ends_with("are worth the same."), "{chain}");
}

#[test]
fn the_chart_says_why_a_choice_ending_with_more_cash_can_be_worth_less() {
    let pct = |x: f64| format!("{x:.1}%");
    // The default site: converting ends its 198 months far ahead of mining's 36, yet mining is worth the most.
    let s = Scenario::default();
    let r = evaluate(&s).expect("valid");
    let p = cash_paths(&r);
    assert!(p.end_usd(Choice::Convert) > p.end_usd(Choice::Mine));
    assert_eq!(ranked(&r.decision)[0], Choice::Mine);
    assert_eq!(
        cash_versus_worth(&p, &r.decision, &s, &pct),
        " Undiscounted, converting ends with the most cash, but mining on is worth the most: the NPVs count later \
cash for less (mining's at 10.0% a year, the conversion's at 8.0% a year)."
    );
    // A lease rich enough to be worth the most too: nothing to explain.
    let rich = Scenario { hpc_lease_usd_kw_month: 400.0, ..s };
    let r = evaluate(&rich).expect("valid");
    assert_eq!(ranked(&r.decision)[0], Choice::Convert);
    assert_eq!(cash_versus_worth(&cash_paths(&r), &r.decision, &rich, &pct), "");
    // Undiscounted, the same: at 0 % on both sides the cash that ends ahead is the one worth the most.
    let flat = Scenario { discount_rate_pct_year: 0.0, hpc_discount_rate_pct_year: 0.0, ..s };
    let r = evaluate(&flat).expect("valid");
    assert_eq!(cash_versus_worth(&cash_paths(&r), &r.decision, &flat, &pct), "");
}
