//! Property tests: the invariants at the end of MODEL.md, and that every output is finite or none over
//! random valid scenarios; the evaluator never panics, whatever the scenario holds.

mod common;
use common::{scenario_from_values, SCENARIO_F64_FIELDS};
use hashprice::model::{
    evaluate, evaluate_risk, GroupField, Scenario, DECISION_KEYS, HPC_KEYS, INPUTS, PROJECTION_GROUP_KEYS,
    PROJECTION_KEYS, SNAPSHOT_GROUP_KEYS, SNAPSHOT_KEYS,
};
use proptest::prelude::*;

fn rel_close(a: f64, b: f64, rel: f64) -> bool {
    (a - b).abs() <= rel * a.abs().max(b.abs()).max(1e-12)
}

/// Random scenarios inside every input's valid range (horizon kept short enough for many cases).
fn valid_scenario() -> impl Strategy<Value = Scenario> {
    (
        (1.0..1e6_f64, 1.0..1e5_f64, 0u32..6_930_000, 0.0..5.0_f64, 1.0..1e3_f64, 5.0..100.0_f64, 1u32..10_000),
        (0.0..100.0_f64, 0.0..0.5_f64, 0.0..99.0_f64, 0.0..=100.0_f64, 0.0..1e6_f64, 1u32..=60, -50.0..100.0_f64),
        (-99.0..1000.0_f64, 0.0..100.0_f64, any::<bool>(), 0.0..=100.0_f64, 0.0..100.0_f64, 1u32..=360),
        (0.0..10_000.0_f64, 0.0..1e9_f64, 0.0..=100.0_f64),
    )
        .prop_map(|(a, b, c, d)| Scenario {
            btc_price_usd: a.0,
            network_hashrate_ehs: a.1,
            block_height: a.2 as f64,
            fees_btc_per_block: a.3,
            machine_hashrate_ths: a.4,
            machine_efficiency_jth: a.5,
            machine_count: a.6 as f64,
            machine_price_usd_per_th: b.0,
            power_price_usd_kwh: b.1,
            pool_fee_pct: b.2,
            uptime_pct: b.3,
            opex_usd_month: b.4,
            horizon_months: b.5 as f64,
            hashrate_growth_pct_month: b.6,
            btc_price_growth_pct_year: c.0,
            discount_rate_pct_year: c.1,
            curtail_when_unprofitable: c.2,
            debt_pct: c.3,
            debt_apr_pct: c.4,
            debt_term_months: c.5 as f64,
            hpc_lease_usd_kw_month: d.0,
            hpc_capex_usd_mw: d.1,
            hpc_opex_pct: d.2,
            ..Scenario::default()
        })
}

fn any_f64() -> impl Strategy<Value = f64> {
    prop_oneof![any::<f64>(), Just(f64::NAN), Just(f64::INFINITY), Just(-0.0), -1e7..1e7_f64]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 200, ..ProptestConfig::default() })]

    #[test]
    fn every_output_is_finite_or_none(s in valid_scenario()) {
        let r = evaluate(&s).expect("a valid scenario evaluates");
        for key in SNAPSHOT_KEYS.iter().chain(PROJECTION_KEYS).chain(HPC_KEYS) {
            let v = r.value(key).expect("known key");
            prop_assert!(v.is_none_or(f64::is_finite), "{key} = {v:?}");
        }
        prop_assert!(r.projection.monthly_net_usd.iter().all(|x| x.is_finite()));
        prop_assert_eq!(r.projection.monthly_net_usd.len(), s.horizon_months as usize);
    }

    #[test]
    fn breakeven_btc_price_equals_power_cost_per_btc(s in valid_scenario()) {
        let snap = evaluate(&s).expect("valid").snapshot;
        if let (Some(a), Some(b)) = (snap.breakeven_btc_price_usd, snap.power_cost_usd_per_btc) {
            prop_assert!(rel_close(a, b, 1e-9), "{a} vs {b}");
        }
    }

    #[test]
    fn gross_margin_is_zero_at_the_breakeven_power_price(s in valid_scenario()) {
        let be = evaluate(&s).expect("valid").snapshot.breakeven_power_price_usd_kwh;
        let at = Scenario { power_price_usd_kwh: be, ..s };
        prop_assume!(at.validate().is_ok());
        if let Some(m) = evaluate(&at).expect("valid").snapshot.gross_margin_pct {
            prop_assert!(m.abs() < 1e-9, "margin {m}");
        }
    }

    #[test]
    fn hashprice_is_linear_in_price_and_inverse_in_hashrate(s in valid_scenario(), k in 0.1..5.0_f64) {
        let base = evaluate(&s).expect("valid").snapshot.hashprice_usd_per_ph_day;
        let priced = Scenario { btc_price_usd: s.btc_price_usd * k, ..s.clone() };
        let hashed = Scenario { network_hashrate_ehs: s.network_hashrate_ehs * k, ..s.clone() };
        prop_assume!(priced.validate().is_ok() && hashed.validate().is_ok());
        let hp_price = evaluate(&priced).expect("valid").snapshot.hashprice_usd_per_ph_day;
        let hp_hash = evaluate(&hashed).expect("valid").snapshot.hashprice_usd_per_ph_day;
        prop_assert!(rel_close(hp_price, base * k, 1e-12));
        prop_assert!(rel_close(hp_hash, base / k, 1e-12));
    }

    #[test]
    fn more_hashrate_growth_never_raises_npv(s in valid_scenario(), extra in 0.0..20.0_f64) {
        let faster = Scenario { hashrate_growth_pct_month: (s.hashrate_growth_pct_month + extra).min(100.0), ..s.clone() };
        let slow = evaluate(&s).expect("valid").projection.npv_usd;
        let fast = evaluate(&faster).expect("valid").projection.npv_usd;
        prop_assert!(fast <= slow + 1e-9 * slow.abs().max(1.0), "{fast} > {slow}");
    }

    #[test]
    fn the_evaluator_never_panics(v in prop::collection::vec(any_f64(), SCENARIO_F64_FIELDS), curtail in any::<bool>()) {
        // Fields are public: any value at all can reach the evaluator, NaN and infinities included.
        let s = scenario_from_values(&v, curtail);
        let valid = s.validate().is_ok();
        prop_assert_eq!(evaluate(&s).is_ok(), valid);
        if !valid {
            prop_assert!(evaluate_risk(&s).is_err());
        }
    }

    #[test]
    fn one_bad_value_is_refused_and_named(s in valid_scenario(), which in 0usize..SCENARIO_F64_FIELDS, bad in prop_oneof![Just(-1e18), Just(1e18)]) {
        let key = INPUTS.iter().map(|i| i.key).filter(|k| *k != "curtail_when_unprofitable").nth(which).expect("numeric inputs");
        for refused in [bad, f64::NAN, f64::INFINITY] {
            let mut copy = s.clone();
            prop_assert!(copy.set(key, refused).is_err(), "set refuses {refused} for {key}");
            prop_assert_eq!(&copy, &s, "a refused value changes nothing");
        }
        // Forced past `set`, the evaluator refuses the scenario and names the key.
        let mut json = serde_json::to_value(&s).expect("serialise");
        json[key] = serde_json::json!(bad);
        let broken: Scenario = serde_json::from_value(json).expect("deserialise");
        let err = evaluate(&broken).expect_err("out of range");
        prop_assert_eq!(err.key.as_str(), key, "{}", err);
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 40, ..ProptestConfig::default() })]

    #[test]
    fn risk_outputs_are_finite_and_probabilities_in_range(s in valid_scenario(), vol in 0.0..300.0_f64, paths in 1u32..60, seed in any::<u32>()) {
        let s = Scenario { btc_volatility_pct_year: vol, mc_paths: paths as f64, mc_seed: seed as f64, ..s };
        let r = evaluate_risk(&s).expect("valid");
        let risk = &r.risk;
        for p in [risk.mc_payback_probability, risk.mc_npv_positive_probability] {
            prop_assert!((0.0..=1.0).contains(&p));
        }
        prop_assert!(risk.mc_npv_usd_p10 <= risk.mc_npv_usd_p50 && risk.mc_npv_usd_p50 <= risk.mc_npv_usd_p90);
        for v in risk.mc_cum_cash_usd_p10.iter().chain(&risk.mc_cum_cash_usd_p50).chain(&risk.mc_cum_cash_usd_p90) {
            prop_assert!(v.is_finite());
        }
        prop_assert_eq!(r.tornado.len(), 9);
        prop_assert!(r.heatmap_npv_usd.iter().flatten().all(|v| v.is_finite()));
    }
}

/// MODEL.md: IRR is none when NPV has the same sign at both ends, however small both NPVs are (their
/// product underflows to 0, which must not read as a crossing).
#[test]
fn irr_is_none_when_tiny_npvs_share_a_sign() {
    use hashprice::model::projection::{irr_pct_year, EndAmount};
    let net = vec![0.0; 30];
    let none = EndAmount::default();
    assert_eq!(irr_pct_year(&net, 1e-170, none), None);
    let s = Scenario { machine_price_usd_per_th: 1e-170, power_price_usd_kwh: 10.0, ..Scenario::default() };
    let r = evaluate(&s).expect("valid scenario");
    assert_eq!(r.projection.irr_pct_year, None);
    // A real crossing is still found: pay 290 now, get 10 a day for 30 days.
    assert!(irr_pct_year(&[10.0; 30], 290.0, none).is_some_and(|v| v > 0.0 && v < 1000.0));
}

/// MODEL.md's annuity payment where `1 + i` rounds to 1 (its formula would divide by zero): the payment is
/// the limit debt / n, never infinity; and at a small but ordinary APR the formula as written still follows
/// its series debt / n × (1 + (n + 1) i / 2 + (n² − 1) i² / 12) to within the 1e-9 the reference allows.
#[test]
fn loan_payment_at_tiny_aprs() {
    let at = |apr: f64| {
        let s = Scenario { debt_pct: 50.0, debt_apr_pct: apr, debt_term_months: 24.0, ..Scenario::default() };
        evaluate(&s).expect("valid scenario").projection.debt_payment_usd_month
    };
    let flat = at(0.0);
    assert_eq!(at(1e-14), flat);
    assert_eq!(at(f64::MIN_POSITIVE), flat);
    let i = 1e-3 / 100.0 / 12.0;
    assert!(rel_close(at(1e-3), flat * (1.0 + 25.0 * i / 2.0 + 575.0 * i * i / 12.0), 1e-9));
}

// ---------------------------------------------------------------------------------------------------------
// The site (MODEL.md sections 7–9)
// ---------------------------------------------------------------------------------------------------------

/// One machine group: hashrate, efficiency, count (0 = absent), price, resale.
fn group() -> impl Strategy<Value = [f64; 5]> {
    (1.0..500.0_f64, 9.0..60.0_f64, prop_oneof![Just(0u32), 1u32..5_000], 0.0..40.0_f64, 0.0..20.0_f64)
        .prop_map(|(h, e, n, c, v)| [h, e, n as f64, c, v])
}

/// A valid scenario with up to six groups and random site and decision inputs.
fn valid_site() -> impl Strategy<Value = Scenario> {
    (
        valid_scenario(),
        prop::collection::vec(group(), 5),
        (0.0..=15.0_f64, 0.0..=100.0_f64, 1.0..=3.0_f64, 0.0..50.0_f64),
        (1.0..=3.0_f64, 0u32..=60, 1u32..=360, 0.0..=100.0_f64),
    )
        .prop_map(|(mut s, groups, (resale1, decline, pue, hosting), (hpc_pue, build, term, hpc_rate))| {
            for (g, values) in groups.iter().enumerate() {
                for (field, v) in GROUP_FIELDS.into_iter().zip(values) {
                    s.set(Scenario::group_key(g + 1, field), *v).expect("valid group value");
                }
            }
            Scenario {
                machine_resale_usd_per_th: resale1,
                resale_decline_pct_year: decline,
                pue,
                hosting_usd_kw_month: hosting,
                hpc_pue,
                hpc_build_months: build as f64,
                hpc_lease_term_months: term as f64,
                hpc_discount_rate_pct_year: hpc_rate,
                ..s
            }
        })
}

const GROUP_FIELDS: [GroupField; 5] = [
    GroupField::HashrateThs,
    GroupField::EfficiencyJth,
    GroupField::Count,
    GroupField::PriceUsdPerTh,
    GroupField::ResaleUsdPerTh,
];

/// MODEL.md sections 1–3 for one machine, written out as plainly as the text reads (the model before
/// section 7), to check that a one-group site without PUE, hosting or resale reproduces it.
struct OneMachine {
    profit_usd_day: f64,
    breakeven_power_price_usd_kwh: f64,
    npv_usd: f64,
    payback_days: Option<usize>,
    curtailed_days: usize,
    total_net_usd: f64,
    monthly_net_usd: Vec<f64>,
}

fn one_machine(s: &Scenario) -> OneMachine {
    let (f, u, e, p) = (s.pool_fee_pct / 100.0, s.uptime_pct / 100.0, s.machine_efficiency_jth, s.power_price_usd_kwh);
    let subsidy = |h: f64| {
        if (h as u64) / 210_000 >= 64 {
            0.0
        } else {
            (5_000_000_000u64 >> ((h as u64) / 210_000)) as f64 / 1e8
        }
    };
    let hashvalue = 144.0 * (subsidy(s.block_height) + s.fees_btc_per_block) / (s.network_hashrate_ehs * 1000.0);
    let hashprice = hashvalue * s.btc_price_usd;
    let ths = s.machine_hashrate_ths * s.machine_count;
    let kw = ths * e / 1000.0;
    let revenue = hashvalue * ths / 1000.0 * u * (1.0 - f) * s.btc_price_usd;
    let power = kw * 24.0 * u * p;
    let opex = s.opex_usd_month / 30.4375;
    let capex = s.machine_price_usd_per_th * ths;
    let days = (s.horizon_months * 30.4375 + 0.5).floor() as usize;
    let months = s.horizon_months as usize;
    let r = s.discount_rate_pct_year / 100.0;
    let (mut npv, mut cum, mut payback, mut curtailed) = (-capex, 0.0, if capex == 0.0 { Some(0) } else { None }, 0);
    let mut monthly = vec![0.0; months];
    for d in 0..days {
        let h = s.network_hashrate_ehs * (1.0 + s.hashrate_growth_pct_month / 100.0).powf(d as f64 / 30.4375);
        let price = s.btc_price_usd * (1.0 + s.btc_price_growth_pct_year / 100.0).powf(d as f64 / 365.25);
        let btc = 144.0 * (subsidy(s.block_height + 144.0 * d as f64) + s.fees_btc_per_block) / (h * 1000.0) * ths
            / 1000.0
            * u
            * (1.0 - f);
        let (mut rev_d, mut pow_d) = (btc * price, power);
        if s.curtail_when_unprofitable && rev_d < pow_d {
            rev_d = 0.0;
            pow_d = 0.0;
            curtailed += 1;
        }
        let net = rev_d - pow_d - opex;
        npv += net / (1.0 + r).powf((d + 1) as f64 / 365.25);
        cum += net;
        if payback.is_none() && cum >= capex {
            payback = Some(d + 1);
        }
        monthly[((d as f64 / 30.4375).floor() as usize).min(months - 1)] += net;
    }
    OneMachine {
        profit_usd_day: revenue - power - opex,
        breakeven_power_price_usd_kwh: hashprice * (1.0 - f) / (24.0 * e),
        npv_usd: npv,
        payback_days: payback,
        curtailed_days: curtailed,
        total_net_usd: cum - capex,
        monthly_net_usd: monthly,
    }
}

fn close_or_tiny(a: f64, b: f64, rel: f64, scale: f64) -> bool {
    (a - b).abs() <= rel * a.abs().max(b.abs()) + 1e-9 * scale.max(1.0)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 120, ..ProptestConfig::default() })]

    /// One group, PUE 1, no hosting and no resale: the model before section 7, whatever the absent groups hold.
    #[test]
    fn one_group_site_is_the_single_machine_model(site in valid_site()) {
        let mut s = Scenario { pue: 1.0, hosting_usd_kw_month: 0.0, machine_resale_usd_per_th: 0.0, ..site };
        for g in 1..6 {
            s.set(Scenario::group_key(g, GroupField::Count), 0.0).expect("absent");
        }
        let r = evaluate(&s).expect("valid");
        let plain = one_machine(&s);
        let scale = plain.monthly_net_usd.iter().map(|x| x.abs()).sum::<f64>() + r.snapshot.capex_usd;
        prop_assert!(close_or_tiny(r.snapshot.profit_usd_day, plain.profit_usd_day, 1e-9, scale / 1000.0));
        prop_assert!(rel_close(r.snapshot.breakeven_power_price_usd_kwh, plain.breakeven_power_price_usd_kwh, 1e-12));
        prop_assert!(close_or_tiny(r.projection.npv_usd, plain.npv_usd, 1e-9, scale), "{} vs {}", r.projection.npv_usd, plain.npv_usd);
        prop_assert!(close_or_tiny(r.projection.total_net_usd, plain.total_net_usd, 1e-9, scale));
        prop_assert_eq!(r.projection.curtailed_days, plain.curtailed_days);
        prop_assert_eq!(r.projection.payback_days.is_some(), plain.payback_days.is_some());
        for (a, b) in r.projection.monthly_net_usd.iter().zip(&plain.monthly_net_usd) {
            prop_assert!(close_or_tiny(*a, *b, 1e-9, scale / 100.0));
        }
        prop_assert_eq!(r.projection.salvage_usd, 0.0);
        prop_assert_eq!(r.snapshot.site_power_kw, r.snapshot.fleet_power_kw);
    }

    #[test]
    fn equity_npv_is_the_npv_without_debt(site in valid_site()) {
        let s = Scenario { debt_pct: 0.0, ..site };
        let p = evaluate(&s).expect("valid").projection;
        prop_assert_eq!(p.equity.equity_npv_usd, p.npv_usd);
        prop_assert_eq!(p.equity.equity_irr_pct_year, p.irr_pct_year);
        prop_assert_eq!(p.equity.loan_balance_end_usd, 0.0);
        prop_assert_eq!(p.equity.first_shortfall_month, None);
        prop_assert!(p.equity.loan_balance_usd.iter().all(|b| *b == 0.0));
    }

    #[test]
    fn site_breakeven_btc_price_is_the_power_cost_per_btc(site in valid_site(), pue in 1.0..=3.0_f64) {
        let s = Scenario { pue, ..site };
        let snap = evaluate(&s).expect("valid").snapshot;
        if let (Some(a), Some(b)) = (snap.breakeven_btc_price_usd, snap.power_cost_usd_per_btc) {
            prop_assert!(rel_close(a, b, 1e-9), "{a} vs {b}");
        }
    }

    /// Merit order: a group is never running on a day a more efficient one is off.
    #[test]
    fn the_least_efficient_switch_off_first(site in valid_site()) {
        let s = Scenario { curtail_when_unprofitable: true, ..site };
        let r = evaluate(&s).expect("valid");
        let present: Vec<(usize, f64)> =
            (0..6).map(|g| (g, s.group(g))).filter(|(_, m)| m.is_present()).map(|(g, m)| (g, m.efficiency_jth)).collect();
        for (d, mask) in r.series.group_off_mask.iter().enumerate() {
            for &(a, e_a) in &present {
                for &(b, e_b) in &present {
                    let a_runs = mask & (1 << a) == 0;
                    let b_off = mask & (1 << b) != 0;
                    prop_assert!(!(e_a > e_b && a_runs && b_off), "day {d}: group {a} ({e_a} J/TH) runs, group {b} ({e_b} J/TH) is off");
                }
            }
        }
        // The per-group counts agree with the days.
        for &(g, _) in &present {
            let off = r.series.group_off_mask.iter().filter(|m| *m & (1 << g) != 0).count();
            prop_assert_eq!(r.projection.group_curtailed_days[g], Some(off));
        }
    }

    /// Undiscounted (both rates 0), the convert strategy's monthly cash sums to its NPV plus the capex spent today.
    #[test]
    fn convert_cash_undiscounted_sums_to_its_npv(site in valid_site()) {
        let s = Scenario { discount_rate_pct_year: 0.0, hpc_discount_rate_pct_year: 0.0, ..site };
        let r = evaluate(&s).expect("valid");
        let d = &r.decision;
        let sum: f64 = d.convert_monthly_net_usd.iter().sum();
        let scale = d.convert_monthly_net_usd.iter().map(|x| x.abs()).sum::<f64>() + r.snapshot.capex_usd;
        prop_assert!(close_or_tiny(sum, d.convert_npv_usd + r.snapshot.capex_usd, 1e-9, scale), "{sum} vs {}", d.convert_npv_usd);
        let lease = (s.hpc_build_months + s.hpc_lease_term_months) as usize;
        prop_assert_eq!(d.convert_monthly_net_usd.len(), lease);
        prop_assert_eq!(d.mine_npv_usd, r.projection.npv_usd);
    }

    #[test]
    fn site_outputs_are_finite_or_none(site in valid_site()) {
        let r = evaluate(&site).expect("a valid site evaluates");
        for key in SNAPSHOT_KEYS.iter().chain(PROJECTION_KEYS).chain(HPC_KEYS).chain(DECISION_KEYS) {
            let v = r.value(key).expect("known key");
            prop_assert!(v.is_none_or(f64::is_finite), "{key} = {v:?}");
        }
        for key in SNAPSHOT_GROUP_KEYS.iter().chain(PROJECTION_GROUP_KEYS) {
            let v = r.group_values(key).expect("known key");
            for (g, value) in v.iter().enumerate() {
                let present = site.group(g).is_present();
                if !present || *key != "group_first_curtailed_day" {
                    prop_assert_eq!(value.is_some(), present, "{}[{}] = {:?}", key, g, value);
                }
            }
        }
        prop_assert!(r.decision.convert_monthly_net_usd.iter().all(|x| x.is_finite()));
        prop_assert!(r.projection.equity.loan_balance_usd.iter().all(|x| x.is_finite() && *x >= -1e-6));
    }
}

/// Month starts from ceil(m × 30.4375) are the days where min(floor(d / 30.4375), months − 1) changes, for
/// every horizon the model and the conversion's lease can have.
#[test]
fn month_starts_match_the_per_day_definition() {
    use hashprice::model::constants::{horizon_days, month_of_day};
    use hashprice::model::projection::month_starts;
    for months in 1..=420usize {
        let days = horizon_days(months as f64);
        let mut want: Vec<usize> = (0..days).filter(|&d| d == 0 || month_of_day(d, months) != month_of_day(d - 1, months)).collect();
        want.push(days);
        assert_eq!(month_starts(days, months), want, "{months} months");
    }
}
