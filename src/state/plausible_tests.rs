//! Tests of `plausible`, kept beside it.

use super::*;
use crate::model::{input_spec, Scenario};

/// Review: a difficulty of 5e-324 T was taken without a word, while the same network typed as EH/s is flagged.
#[test]
fn a_difficulty_far_from_the_network_s_is_flagged_as_the_hashrate_is() {
    let w = warning("difficulty_t", 5e-324).unwrap_or_default();
    assert!(w.starts_with("A difficulty of 0 T is far below the usual 42–420 T (153.67 T in Nov 2025)"), "{w}");
    assert_eq!(warning("difficulty_t", 153.67), None);
    assert!(warning("difficulty_t", 5_000.0).is_some());
}

#[test]
fn the_issues_examples_read_as_asked() {
    assert_eq!(
        warning("power_price_usd_kwh", 4.5).as_deref(),
        Some("A power price of $4.50/kWh is 30× the top of the usual $0.02–$0.15/kWh — did you mean 4.5¢?")
    );
    assert_eq!(
        warning("power_price_usd_kwh", 45.0).as_deref(),
        Some("A power price of $45.00/kWh is 300× the top of the usual $0.02–$0.15/kWh — did you mean 45 $/MWh?")
    );
    assert_eq!(warning("pool_fee_pct", 25.0).as_deref(), Some("A pool fee of 25% is 5× the top of the usual 0–5% (FPPS pools charge ~2–4%)"));
    assert_eq!(warning("pool_fee_pct", 20.0).as_deref(), Some("A pool fee of 20% is 4× the top of the usual 0–5% (FPPS pools charge ~2–4%)"));
    assert_eq!(warning("pool_fee_pct", 19.9), None);
    assert!(warning("pool_fee_pct", 99.99).is_some_and(|w| w.starts_with("A pool fee of 99.99% is ")), "not 100%, which is invalid");
    assert_eq!(warning("btc_price_usd", 95.0).as_deref(), Some("A BTC price of $95 is far below the usual $10,000–$250,000 — did you mean $95k?"));
    assert_eq!(warning("btc_price_usd", 999.0).as_deref(), Some("A BTC price of $999 is far below the usual $10,000–$250,000"));
    assert_eq!(warning("btc_price_usd", 1_000.0), None);
    assert_eq!(
        warning("network_hashrate_ehs", 1.1).as_deref(),
        Some("A network hashrate of 1.1 EH/s is far below the usual 300–3,000 EH/s (1,100 EH/s in Nov 2025) — did you mean 1.1 ZH/s?")
    );
    assert_eq!(warning("machine_power_w", 3.5).as_deref(), Some("A machine power of 3.5 W is far below the usual 500–8,000 W — did you mean 3.5 kW?"));
    assert!(warning("hpc_capex_usd_mw", 10.0).expect("flag").ends_with("did you mean $10M?"));
    assert!(warning("fees_btc_per_block", 20_000.0).expect("flag").ends_with("did you mean 20,000 sats?"));
    assert_eq!(warning("btc_price_usd", 5e-324).as_deref(), Some("A BTC price of $0 is far below the usual $10,000–$250,000"));
}

#[test]
fn defaults_and_usual_values_are_never_flagged() {
    let d = Scenario::default();
    for u in USUAL {
        if let Some(v) = d.get(u.key) {
            assert!(warning(u.key, v).is_none(), "default of {}", u.key);
        }
        for v in [u.low, u.high, 0.5 * (u.low + u.high)] {
            assert!(warning(u.key, v).is_none(), "{} {v}", u.key);
        }
        assert!(u.low < u.high, "{}", u.key);
        assert!(u.flag_below.is_none_or(|lo| lo <= u.low), "{}", u.key);
        assert!(u.flag_from.is_none_or(|hi| hi > u.high), "{}", u.key);
        // Every flag is reachable: a valid value exists beyond it (keys the model does not know yet are skipped).
        if let Some(spec) = input_spec(u.key) {
            if let Some(hi) = u.flag_from {
                assert!(spec.check(hi).is_ok(), "{} flag_from {hi} is not a valid value", u.key);
            }
            if let Some(lo) = u.flag_below {
                assert!(spec.check(lo).is_ok() && spec.min < lo, "{} flag_below {lo}", u.key);
            }
        }
    }
    assert!(warning("not_a_key", 1e300).is_none());
    assert!(warning("pool_fee_pct", f64::NAN).is_none());
}

#[test]
fn machine_groups_share_the_first_groups_rows() {
    assert_eq!(canonical("machine2_hashrate_ths"), "machine_hashrate_ths");
    assert_eq!(canonical("machine12_count"), "machine_count");
    assert_eq!(canonical("machine_count"), "machine_count");
    assert_eq!(canonical("machinery_x"), "machinery_x");
    assert!(is_implausible("machine3_hashrate_ths", 0.2));
    assert_eq!(warning("machine3_hashrate_ths", 0.2).as_deref(), Some("A machine hashrate of 0.2 TH/s is far below the usual 50–500 TH/s — did you mean 0.2 PH/s?"));
    assert!(!is_implausible("machine3_hashrate_ths", 200.0));
}

#[test]
fn a_scenario_lists_its_implausible_inputs_in_order() {
    assert!(warnings(&Scenario::default()).is_empty());
    let s = Scenario { btc_price_usd: 5e-324, pool_fee_pct: 30.0, ..Scenario::default() };
    let w = warnings(&s);
    assert_eq!(w.iter().map(|(k, _)| *k).collect::<Vec<_>>(), ["btc_price_usd", "pool_fee_pct"]);
    assert!(w[1].1.starts_with("A pool fee of 30%"), "{w:?}");
}

#[test]
fn a_home_miners_bitaxe_is_not_flagged() {
    assert_eq!(warning("machine_hashrate_ths", 1.2), None);
    assert_eq!(warning("machine_power_w", 15.0), None);
    assert_eq!(warning("machine_price_usd_per_th", 125.0), None);
    assert_eq!(warning("machine_efficiency_jth", 15.0), None);
    assert!(warning("machine_power_w", 3.5).is_some(), "3.5 W is a slip for 3.5 kW");
}

#[test]
fn a_fleet_that_is_a_large_share_of_the_network_is_said_under_the_fleet_power() {
    use crate::model::Scenario;
    assert_eq!(fleet_share_warning(&Scenario::default()), None, "1,000 machines are a sliver of the network");
    let big = Scenario { machine_count: 10_000_000.0, ..Scenario::default() };
    assert_eq!(
        fleet_share_warning(&big).as_deref(),
        Some("This fleet's 2,000 EH/s is 182% of the network's 1,100 EH/s: a fleet is part of the network, so it cannot be larger than it")
    );
    // 600,000 + 50,000 machines of 200 TH/s: 130 EH/s, 12% of the network, counted over every group.
    let site = Scenario { machine_count: 600_000.0, machine2_count: 50_000.0, machine2_hashrate_ths: 200.0, ..Scenario::default() };
    assert!(fleet_share_warning(&site).is_some_and(|w| w.starts_with("This fleet's 130 EH/s is 12% of the network's 1,100 EH/s, far more than")));
    assert_eq!(row_warning("fleet_mw", 1.0, &big), fleet_share_warning(&big));
    assert_eq!(row_warning("machine_count", 10_000_000.0, &big), None, "said once, under the fleet's power");
}
