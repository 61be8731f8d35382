use super::*;
use crate::components::kpi_defs::find;
use crate::model::{evaluate, Scenario};
use crate::view::html::check;

fn def(key: &str) -> &'static KpiDef {
    find(key).unwrap_or_else(|| panic!("no KPI {key}"))
}

#[test]
fn strip_cards_build_with_every_handle_resolving() {
    let s = Scenario::default();
    let r = evaluate(&s).ok();
    let mut h = Html::new();
    let cards: Vec<KpiCard> = strip_defs()
        .into_iter()
        .map(|d| card(&mut h, d, Form { compact: true, hooks: true }, r.as_ref(), &s))
        .collect();
    assert_eq!(cards.len(), IN_STRIP.len());
    assert!(cards[0].sub.is_some() && cards.iter().all(|c| c.formula.is_none()));
    let (m, n) = h.finish();
    assert_eq!(check(&m, n), Ok(()));
    assert!(m.contains("data-kpi=\"hashprice_usd_per_ph_day\""));
}

#[test]
fn grid_cards_carry_a_formula_and_no_hooks_when_asked() {
    let s = Scenario::default();
    let r = evaluate(&s).ok();
    let mut h = Html::new();
    let c = card(&mut h, def("npv_usd"), Form { compact: false, hooks: false }, r.as_ref(), &s);
    assert!(c.formula.is_some() && c.sub.is_none());
    let (m, n) = h.finish();
    assert_eq!(check(&m, n), Ok(()));
    assert!(!m.contains("data-kpi") && m.contains("How is this computed?"));
}

#[test]
fn zero_capex_payback_and_low_dscr_are_said_in_words() {
    let s = Scenario { machine_price_usd_per_th: 0.0, ..Scenario::default() };
    let r = evaluate(&s).ok();
    let now = shown(def("payback_days"), r.as_ref(), &s);
    assert_eq!(now.text, "no capex to repay");
    assert_eq!(now.data_value, "0");
    assert_eq!(now.look, Look::Words, "words, set as words");
    let indebted = Scenario { debt_pct: 90.0, btc_price_usd: 60_000.0, ..Scenario::default() };
    let r = evaluate(&indebted).ok();
    let dscr = r.as_ref().and_then(|r| r.value("min_dscr")).flatten().unwrap_or(f64::NAN);
    assert!(dscr < 1.0, "the case needs a DSCR below 1: {dscr}");
    let now = shown(def("min_dscr"), r.as_ref(), &indebted);
    assert!(now.look == Look::Loss && now.text.ends_with("× (below 1)"), "{now:?}");
    assert_eq!(show(Fmt::Dscr, 0.997), "0.99× (below 1)", "never '1.00× (below 1)'");
    assert_eq!(show(Fmt::Dscr, 1.0), "1.00×");
    assert!(!Fmt::Dscr.is_loss(1.0) && !Fmt::Ratio.is_loss(0.5));
}

#[test]
fn only_the_strip_kpis_with_a_second_line_get_one() {
    let s = Scenario::default();
    let r = evaluate(&s).ok();
    assert!(sub_line(def("hashprice_usd_per_ph_day"), r.as_ref(), &s).ends_with(" per PH/s per day"));
    assert!(sub_line(def("profit_usd_day"), r.as_ref(), &s).ends_with(" per month"));
    assert_eq!(sub_line(def("npv_usd"), r.as_ref(), &s), "");
    assert_eq!(sub_line(def("profit_usd_day"), None, &s), "", "no results, no second line");
}

#[test]
fn a_loss_is_marked_and_signed() {
    let s = Scenario { btc_price_usd: 20_000.0, ..Scenario::default() };
    let r = evaluate(&s).ok();
    let now = shown(def("npv_usd"), r.as_ref(), &s);
    assert_eq!(now.look, Look::Loss, "{now:?}");
    assert!(now.text.starts_with('−'), "a loss reads with a true minus: {}", now.text);
}

#[test]
fn the_summary_names_each_strip_kpi() {
    let s = Scenario::default();
    let r = evaluate(&s).ok();
    let text = summary(&strip_defs(), r.as_ref(), &s);
    assert!(text.starts_with("Hashprice: $"), "{text}");
    assert!(text.ends_with('.'));
    assert_eq!(text.matches(": ").count(), IN_STRIP.len());
}

#[test]
fn every_scalar_output_of_sections_1_to_9_has_a_card() {
    use crate::model::{DECISION_KEYS, HPC_KEYS, PROJECTION_KEYS, SNAPSHOT_KEYS};
    for key in SNAPSHOT_KEYS.iter().chain(PROJECTION_KEYS).chain(HPC_KEYS).chain(DECISION_KEYS) {
        def(key);
    }
}

#[test]
fn the_loan_and_the_decision_are_said_in_words() {
    // A 48-month loan on a 36-month horizon: a balance is left to refinance, and the payment falls short.
    let s = Scenario { debt_pct: 60.0, debt_term_months: 48.0, ..Scenario::default() };
    let r = evaluate(&s).expect("valid");
    assert!(r.projection.equity.loan_balance_end_usd > 0.0);
    let formula = (def("loan_balance_end_usd").formula)(&s, &r);
    assert!(formula.contains("must be refinanced"), "{formula}");
    let short = shown(def("first_shortfall_month"), Some(&r), &s);
    assert_eq!(short.text, "month 15", "a month of the projection, not a duration");
    // Without debt: no shortfall because there is no loan, said as such.
    let plain = Scenario::default();
    let r0 = evaluate(&plain).expect("valid");
    assert_eq!(shown(def("first_shortfall_month"), Some(&r0), &plain).text, "no debt");
    assert_eq!(shown(def("loan_balance_end_usd"), Some(&r0), &plain).text, "$0.00");
    // The sell NPV's formula has the two figures it subtracts.
    let sell = (def("sell_npv_usd").formula)(&plain, &r0);
    assert!(sell.starts_with("resale value today − capex = $0.00 − $3"), "{sell}");
    // IT load in MW: 3.5 MW of machines at PUE 1 over an AI hall's 1.3.
    assert_eq!(shown(def("convert_it_mw"), Some(&r0), &plain).text, "2.69 MW");
}

#[test]
fn curtailed_days_of_a_site_count_days_with_any_group_off() {
    let s = Scenario {
        machine2_count: 500.0,
        machine2_hashrate_ths: 104.0,
        machine2_efficiency_jth: 29.5,
        ..Scenario::default()
    };
    let r = evaluate(&s).expect("valid");
    let f = (def("curtailed_days").formula)(&s, &r);
    assert!(f.contains("at least one machine group was off"), "{f}");
    let one = Scenario::default();
    let f1 = (def("curtailed_days").formula)(&one, &evaluate(&one).expect("valid"));
    assert!(f1.contains("shutdown hashprice"), "{f1}");
}

#[test]
fn profit_in_the_strip_gives_its_month_or_says_the_machines_would_be_off_today() {
    let s = Scenario::default();
    let r = evaluate(&s).ok();
    let month = sub_line(def("profit_usd_day"), r.as_ref(), &s);
    let per_day = r.as_ref().map_or(0.0, |r| r.snapshot.profit_usd_day);
    assert_eq!(month, show(Fmt::Usd, per_day * 30.4375) + " per month");
    let off = Scenario { power_price_usd_kwh: 5.0, opex_usd_month: 30_437.5, ..Scenario::default() };
    let line = sub_line(def("profit_usd_day"), evaluate(&off).ok().as_ref(), &off);
    assert!(line.starts_with("Machines off:") && line.contains("still cost $1.00K a day"), "{line}");
    assert_eq!(sub_line(def("npv_usd"), r.as_ref(), &s), "", "other KPIs have no second line");
}

#[test]
fn one_machine_is_not_a_fleet_in_the_labels() {
    let one = Scenario { machine_count: 1.0, ..Scenario::default() };
    let r = evaluate(&one).ok();
    let mut h = Html::new();
    card(&mut h, def("profit_usd_day"), Form { compact: false, hooks: true }, r.as_ref(), &one);
    let (m, _) = h.finish();
    assert!(m.contains(">Profit per day<") && !m.contains("Fleet profit"), "{m}");
    assert_eq!(label(def("profit_usd_day"), &Scenario::default()), "Fleet profit per day");
    assert!(summary(&strip_defs(), r.as_ref(), &one).contains("Profit per day: "));
}

/// Issue 18: every number the site, the decision and the loan added explains itself with the current figures.
#[test]
fn the_site_decision_and_loan_formulas_carry_the_current_numbers() {
    let s = Scenario { machine2_count: 500.0, machine2_efficiency_jth: 21.5, machine2_resale_usd_per_th: 4.0, machine_resale_usd_per_th: 8.0, debt_pct: 50.0, debt_term_months: 48.0, pue: 1.1, hosting_usd_kw_month: 5.0, ..Scenario::default() };
    let Ok(r) = evaluate(&s) else { panic!("evaluates") };
    let keys = [
        "all_in_cost_usd_per_btc", "full_cost_usd_per_btc", "salvage_usd", "site_power_kw", "resale_now_usd", "mine_npv_usd", "sell_npv_usd",
        "convert_npv_usd", "convert_it_mw", "convert_capex_usd", "equity_npv_usd", "interest_paid_usd", "first_shortfall_month", "loan_balance_end_usd",
    ];
    for key in keys {
        let text = (def(key).formula)(&s, &r);
        assert!(text.chars().any(|c| c.is_ascii_digit()), "{key}: {text}");
    }
    let cash = (def("all_in_cost_usd_per_btc").formula)(&s, &r);
    assert_eq!(def("all_in_cost_usd_per_btc").label, "Cash cost per BTC", "issue 18 renames the all-in cost");
    assert!(cash.contains(&crate::format::usd(r.snapshot.power_cost_usd_day)), "{cash}");
    let full = (def("full_cost_usd_per_btc").formula)(&s, &r);
    assert!(full.contains(&crate::format::usd(r.projection.salvage_usd)) && full.contains(&crate::format::usd(r.snapshot.capex_usd)), "{full}");
    let salvage = (def("salvage_usd").formula)(&s, &r);
    assert!(salvage.starts_with("resale value today × (1 − yearly decline)^years = $") && salvage.contains(")^3.0"), "{salvage}");
}

/// The second review of the explanations: each one's figures are the terms it adds up, in matching units.
#[test]
fn explanations_add_up_in_their_own_units() {
    use crate::format::usd;
    // Fixed costs are a term of the total net cash.
    let s = Scenario { opex_usd_month: 20_000.0, ..Scenario::default() };
    let r = evaluate(&s).expect("valid");
    let fixed: f64 = r.series.months.iter().map(|m| m.fixed_cost_usd).sum();
    assert!((fixed - 20_000.0 / 30.4375 * r.projection.horizon_days as f64).abs() < 1e-6 * fixed);
    let net = (def("total_net_usd").formula)(&s, &r);
    assert!(net.contains(&["fixed costs ", &usd(fixed)].concat()), "{net}");
    // Hashvalue per PH/s times the hashrate in PH/s, for one machine too.
    let one = Scenario { machine_count: 1.0, ..Scenario::default() };
    let r1 = evaluate(&one).expect("valid");
    let btc = (def("btc_mined_day").formula)(&one, &r1);
    assert!(btc.contains(" sats/PH/s/day × 0.2000 PH/s × "), "{btc}");
    // A small site's IT load in kW, in the KPI, the capex's explanation and the per-MW note.
    assert_eq!(shown(def("convert_it_mw"), Some(&r1), &one).text, "2.69 kW");
    let capex = (def("convert_capex_usd").formula)(&one, &r1);
    assert!(capex.ends_with("/MW × 2.69 kW"), "{capex}");
    // The NPVs give their terms, and the months read before their nouns.
    let d = &r.decision;
    let convert = (def("convert_npv_usd").formula)(&s, &r);
    assert!(convert.contains(&usd(d.convert_hpc_pv_usd.abs())), "{convert}");
    assert!(convert.contains("the 18-month build") && convert.contains("the 15-year lease"), "{convert}");
    let now = Scenario { hpc_build_months: 0.0, ..Scenario::default() };
    let at_once = (def("convert_npv_usd").formula)(&now, &evaluate(&now).expect("valid"));
    assert!(at_once.contains("the machines sold today − the whole conversion capex, paid today"), "{at_once}");
    let mine = (def("mine_npv_usd").formula)(&s, &r);
    assert!(mine.contains("the 36-month horizon") && mine.contains(&["= −", &usd(r.snapshot.capex_usd)].concat()), "{mine}");
    let loan = Scenario { debt_pct: 50.0, debt_term_months: 48.0, ..Scenario::default() };
    let rl = evaluate(&loan).expect("valid");
    assert!((def("interest_paid_usd").formula)(&loan, &rl).contains("of the 48-month loan"));
    assert!((def("loan_balance_end_usd").formula)(&loan, &rl).starts_with("the 48-month loan outlasts"));
    // At 0% uptime the breakeven price is not the cost of a BTC mined: none is.
    let idle = Scenario { uptime_pct: 0.0, ..Scenario::default() };
    let bp = (def("breakeven_btc_price_usd").formula)(&idle, &evaluate(&idle).expect("valid"));
    assert!(bp.ends_with("at 0% uptime none is mined)"), "{bp}");
}

/// Day 0 runs every group; the projection may switch one off at once: the fleet's profit says which it counts.
#[test]
fn the_day_zero_profit_names_groups_the_projection_switches_off_today() {
    let mut s = crate::state::merit::tests::three_generations();
    s.power_price_usd_kwh = 0.06;
    let r = evaluate(&s).expect("valid");
    assert_eq!(r.projection.group_first_curtailed_day[2], Some(0), "the old generation is off from today");
    let f = (def("profit_usd_day").formula)(&s, &r);
    assert!(f.contains("(day 0, no curtailment; it counts group 3, which the projection switches off from today)"), "{f}");
    let plain = Scenario::default();
    let f0 = (def("profit_usd_day").formula)(&plain, &evaluate(&plain).expect("valid"));
    assert!(f0.contains("(day 0, no curtailment)"), "{f0}");
}

#[test]
fn the_breakeven_power_price_of_a_site_says_it_is_the_average_and_which_group_breaks_even_first() {
    let one = Scenario::default();
    let r = evaluate(&one).ok();
    assert_eq!(sub_line(def("breakeven_power_price_usd_kwh"), r.as_ref(), &one), "", "one group: nothing to add");
    let site = Scenario { machine2_count: 500.0, machine2_efficiency_jth: 29.5, machine2_hashrate_ths: 104.0, ..Scenario::default() };
    let Ok(r) = evaluate(&site) else { panic!("evaluates") };
    let old = r.snapshot.group_breakeven_power_price_usd_kwh[1].unwrap_or(f64::NAN);
    assert!(old < r.snapshot.breakeven_power_price_usd_kwh);
    assert_eq!(sub_line(def("breakeven_power_price_usd_kwh"), Some(&r), &site), ["fleet average; group 2 at ", &show(Fmt::UsdKwh, old)].concat());
}

#[test]
fn a_kpi_without_a_value_is_set_as_words() {
    let s = Scenario::default();
    let r = evaluate(&s).ok();
    let none = shown(def("min_dscr"), r.as_ref(), &s);
    assert_eq!((none.look, none.text.as_str(), none.data_value.as_str()), (Look::Words, "no debt", ""));
    let mut h = Html::new();
    card(&mut h, def("min_dscr"), Form { compact: false, hooks: true }, r.as_ref(), &s);
    let m = h.finish().0;
    assert!(m.contains("class=\"kpi-value words\""), "{m}");
    assert_eq!(shown(def("hashprice_usd_per_ph_day"), r.as_ref(), &s).look, Look::Figure);
}

#[test]
fn the_sell_side_figures_show_in_their_reports_units_and_say_when_the_fleet_loses_cash() {
    let s = Scenario { power_price_usd_kwh: 0.05, pool_fee_pct: 0.0, uptime_pct: 100.0, ..Scenario::default() };
    let r = evaluate(&s).expect("valid");
    let per_eh = shown(def("revenue_usd_per_eh_day"), Some(&r), &s);
    assert!(per_eh.text.ends_with("/EH/s/day") && per_eh.look == Look::Figure, "{per_eh:?}");
    let hashprice_k = r.snapshot.hashprice_usd_per_ph_day * 1000.0;
    assert_eq!(per_eh.text, show(Fmt::UsdPerEhDay, hashprice_k), "no fee, no downtime: the network's figure");
    let per_mwh = shown(def("revenue_usd_per_mwh"), Some(&r), &s);
    assert!(per_mwh.text.starts_with('$') && per_mwh.text.ends_with("/MWh"));
    assert!((def("revenue_usd_per_mwh").formula)(&s, &r).ends_with("per MWh. The power costs $50.00/MWh"));
    let hashcost = (def("hashcost_usd_per_ph_day").formula)(&s, &r);
    assert!(hashcost.contains("below the hashcost the fleet loses cash"), "{hashcost}");

    let dear = Scenario { power_price_usd_kwh: 0.2, ..s };
    let r = evaluate(&dear).expect("valid");
    assert_eq!(shown(def("gross_profit_usd_per_eh_day"), Some(&r), &dear).look, Look::Loss);
    let idle = Scenario { uptime_pct: 0.0, ..s };
    let r = evaluate(&idle).expect("valid");
    let none = shown(def("revenue_usd_per_mwh"), Some(&r), &idle);
    assert_eq!((none.text.as_str(), none.data_value.as_str()), ("none (no power drawn)", ""));
}

#[test]
fn a_home_machines_sell_side_formulas_divide_by_what_they_show() {
    // One 200 TH/s, 3.5 kW machine: its 0.0002 EH/s and 0.0815 MWh a day were shown with fixed decimals as
    // "0.0002 EH/s" and "0.08 MWh", and the revenue shown divided by them was not the figure shown.
    let s = Scenario { machine_count: 1.0, machine_hashrate_ths: 255.0, ..Scenario::default() };
    let r = evaluate(&s).expect("valid");
    let per_eh = (def("revenue_usd_per_eh_day").formula)(&s, &r);
    assert!(per_eh.contains(" ÷ 0.000255 EH/s, after the pool fee"), "{per_eh}");
    let profit_eh = (def("gross_profit_usd_per_eh_day").formula)(&s, &r);
    assert!(profit_eh.contains(") ÷ 0.000255 EH/s (before fixed costs)"), "{profit_eh}");
    let per_mwh = (def("revenue_usd_per_mwh").formula)(&s, &r);
    assert!(per_mwh.contains(" ÷ 0.104 MWh (site power"), "4.46 kW × 24 h × 97%: {per_mwh}");
    // A fleet keeps its fixed decimals: 200 PH/s is 0.2000 EH/s, 3.5 MW × 24 h × 97% runs 81.48 MWh a day.
    let fleet = Scenario::default();
    let r = evaluate(&fleet).expect("valid");
    assert!((def("revenue_usd_per_eh_day").formula)(&fleet, &r).contains(" ÷ 0.2000 EH/s, after"));
    assert!((def("revenue_usd_per_mwh").formula)(&fleet, &r).contains(" ÷ 81.48 MWh (site"));
    // Three groups: 1,000 × 270 + 2,000 × 140 + 500 × 104 TH/s = 0.6020 EH/s, four digits that divide exactly.
    let site = Scenario {
        machine_hashrate_ths: 270.0,
        machine2_count: 2000.0,
        machine2_hashrate_ths: 140.0,
        machine3_count: 500.0,
        machine3_hashrate_ths: 104.0,
        ..Scenario::default()
    };
    let r = evaluate(&site).expect("valid");
    let per_eh = (def("gross_profit_usd_per_eh_day").formula)(&site, &r);
    assert!(per_eh.contains(") ÷ 0.6020 EH/s (before"), "{per_eh}");
}

#[test]
fn one_machine_is_not_a_fleet_in_any_label() {
    // "BTC mined per day, fleet" kept its "fleet" for one machine beside "Revenue per day" and "Hashrate".
    let one = Scenario { machine_count: 1.0, ..Scenario::default() };
    for d in crate::components::kpi_defs::KPIS {
        let shown = label(d, &one);
        assert!(!shown.to_ascii_lowercase().contains("fleet"), "{}: {shown}", d.key);
    }
    assert_eq!(label(def("btc_mined_day"), &one), "BTC mined per day");
    assert_eq!(label(def("btc_mined_day"), &Scenario::default()), "Fleet BTC mined per day");
}

/// A home miner's "How is this computed?": with one machine the formulas said "fleet power", "fleet hashrate",
/// "fleet revenue", "the fleet loses cash", "the machines' capex" and "the machines sold at its end" beside
/// labels that had dropped "Fleet". Every formula, at every branch that names the machines, for one machine.
#[test]
fn one_machine_is_not_a_fleet_or_several_machines_in_any_formula() {
    let one = Scenario { machine_count: 1.0, machine_resale_usd_per_th: 8.0, ..Scenario::default() };
    let cases = [
        one.clone(),
        Scenario { hpc_build_months: 0.0, ..one.clone() },
        Scenario { uptime_pct: 0.0, ..one.clone() },
        Scenario { debt_pct: 50.0, debt_term_months: 60.0, ..one.clone() },
    ];
    for s in &cases {
        let r = evaluate(s).expect("valid");
        for d in crate::components::kpi_defs::KPIS {
            let f = (d.formula)(s, &r).to_ascii_lowercase();
            for plural in ["fleet", "the machines", "machines'", "machines only", "machines ran"] {
                assert!(!f.contains(plural), "{}: {plural:?} in {f}", d.key);
            }
        }
    }
    let r = evaluate(&one).expect("valid");
    let formula = |key: &str| (def(key).formula)(&one, &r);
    assert!(formula("power_cost_usd_day").starts_with("power × 24 h × uptime × power price = 3.50 kW × 24 h"));
    assert!(formula("btc_mined_day").starts_with("hashvalue × hashrate × uptime × (1 − pool fee) = "));
    assert!(formula("site_power_kw").starts_with("power × PUE = 3.50 kW × "));
    assert!(formula("revenue_usd_per_eh_day").starts_with("revenue per day ÷ hashrate = "));
    assert!(formula("gross_profit_usd_per_eh_day").starts_with("(revenue − power) per day ÷ hashrate = ("));
    assert!(formula("hashcost_usd_per_ph_day").ends_with("; below the hashcost the machine loses cash"));
    assert!(formula("revenue_usd_per_mwh").starts_with("revenue per day ÷ energy per day = "));
    assert!(formula("fleet_power_kw").starts_with("hashrate × efficiency, machine only (before PUE) = "));
    let cash_cost = formula("all_in_cost_usd_per_btc");
    assert!(cash_cost.ends_with("; without the machine's capex (the full cost per BTC adds it)"), "{cash_cost}");
    assert!(formula("full_cost_usd_per_btc").ends_with(": the cash cost plus the machine's depreciation"));
    assert_eq!(formula("total_power_cost_usd"), "Σ power cost of the days the machine ran");
    assert!(formula("npv_usd").contains(", + the machine's resale at the horizon ("));
    assert!(formula("mine_npv_usd").contains(" and the machine's resale at its end ("));
    assert!(formula("convert_npv_usd").contains(" build, the machine sold at its end, discounted at "));
    assert_eq!(label(def("sell_npv_usd"), &one), "Sell the machine today: NPV");
    assert!(def("sell_npv_usd").names_the_fleet(), "its label follows the count");
    // Two machines are a fleet, and keep its words.
    let two = Scenario { machine_count: 2.0, ..one };
    let r = evaluate(&two).expect("valid");
    let formula = |key: &str| (def(key).formula)(&two, &r);
    assert!(formula("power_cost_usd_day").starts_with("fleet power × 24 h"));
    assert!(formula("revenue_usd_per_eh_day").starts_with("fleet revenue per day ÷ fleet hashrate = "));
    assert!(formula("hashcost_usd_per_ph_day").ends_with("the fleet loses cash"));
    assert!(formula("convert_npv_usd").contains(" build, the machines sold at its end, "));
    assert!(formula("full_cost_usd_per_btc").ends_with("the machines' depreciation"));
    assert_eq!(label(def("sell_npv_usd"), &two), "Sell the machines today: NPV");
}
