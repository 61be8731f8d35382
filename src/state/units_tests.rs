//! Tests of `units`, kept beside it.

use super::*;
use crate::model::Scenario;
use crate::state::query::parse_user_number;

fn ok(key: &str, text: &str) -> f64 {
    parse_entry(key, text).unwrap_or_else(|e| panic!("{key} {text:?}: {e:?}"))
}

#[test]
fn power_price_takes_cents_and_per_mwh() {
    let k = "power_price_usd_kwh";
    // Each unit form is the same f64 as the number typed out in $/kWh (no multiplication rounding).
    for t in ["0.045", "$0.045", "4.5¢", "4.5 ¢", "4.5c", "4.5 c", "4.5 C", "4.5 cents", "4.5¢/kWh", "45 $/MWh", "45$/MWh", "$45/MWh", "45 USD/MWh", "0.045 $/kWh", "$0.045/kWh", " 45 /MWh "] {
        assert_eq!(ok(k, t), 0.045, "{t}");
    }
    assert_eq!(ok(k, "4.5"), 4.5, "a bare number is $/kWh");
    assert_eq!(ok(k, "7¢"), 0.07);
    // As typed on a European phone: cents as "ct", a decimal comma, units and all.
    for t in ["7 ct", "7ct", "7 ct/kWh", "0,07", "0,07 $/kWh", "$0,07/kWh", "7,0 ct", "70 $/MWh"] {
        assert_eq!(ok(k, t), 0.07, "{t}");
    }
    assert_eq!(ok(k, "1e1 ¢"), 0.1, "an exponent and a unit combine");
    assert_eq!(ok(k, "1,234 $/MWh"), 1.234);
}

#[test]
fn hashrates_take_their_prefixes() {
    let n = "network_hashrate_ehs";
    for t in ["1100", "1,100", "1 100", "1100 EH", "1100 EH/s", "1100eh/s", "1.1 ZH/s", "1.1ZH", "1100000 PH/s"] {
        assert_eq!(ok(n, t), 1100.0, "{t}");
    }
    let m = "machine_hashrate_ths";
    for t in ["200", "200 TH/s", "200TH", "0.2 PH/s", "200000 GH/s"] {
        assert_eq!(ok(m, t), 200.0, "{t}");
    }
    // Keys of the same kind take the same units: a second machine group needs no new code.
    assert_eq!(ok("machine2_hashrate_ths", "0.5 PH/s"), 500.0);
    assert_eq!(ok("difficulty_t", "150 T"), 150.0);
}

#[test]
fn power_fields_take_kw_and_mw() {
    assert_eq!(ok("machine_power_w", "3.5 kW"), 3500.0);
    assert_eq!(ok("machine_power_w", "3,500 W"), 3500.0);
    assert_eq!(ok("machine_power_w", "3500"), 3500.0);
    assert_eq!(ok("fleet_mw", "30,000 kW"), 30.0);
    assert_eq!(ok("fleet_mw", "0.03 GW"), 30.0);
    assert_eq!(ok("fleet_power_kw", "3.5 MW"), 3500.0);
    assert_eq!(ok("fees_btc_per_block", "2,000,000 sats"), 0.02);
    assert_eq!(ok("fees_btc_per_block", "0.02 BTC"), 0.02);
}

#[test]
fn money_takes_k_m_bn_but_per_mw_is_money_not_megawatts() {
    assert_eq!(ok("btc_price_usd", "$95k"), 95_000.0);
    assert_eq!(ok("btc_price_usd", "95K"), 95_000.0);
    assert_eq!(ok("hpc_capex_usd_mw", "$10M"), 10_000_000.0);
    assert_eq!(ok("hpc_capex_usd_mw", "10 million"), 10_000_000.0);
    assert_eq!(ok("opex_usd_month", "1.5bn"), 1.5e9);
    assert_eq!(family("hpc_capex_usd_mw").expect("money").what, "an amount in USD per MW", "money, not megawatts");
    assert!(parse_entry("hpc_capex_usd_mw", "10 MW").is_err());
    // The units of the row's label, with or without a size before them.
    assert_eq!(ok("hpc_capex_usd_mw", "$10M/MW"), 10_000_000.0);
    assert_eq!(ok("hpc_capex_usd_mw", "9.5M per MW"), 9_500_000.0);
    assert_eq!(ok("opex_usd_month", "$25k/month"), 25_000.0);
    assert_eq!(ok("opex_usd_month", "25,000 a month"), 25_000.0);
    assert_eq!(ok("hpc_lease_usd_kw_month", "$121/kW-month"), 121.0);
    assert_eq!(ok("hosting_usd_kw_month", "10 $/kW/mo"), 10.0);
    assert_eq!(ok("btc_price_usd", "95,000 USD"), 95_000.0);
    assert_eq!(ok("btc_price_usd", "95k USD"), 95_000.0);
    assert!(parse_entry("btc_price_usd", "95 USD k").is_err(), "the size goes before the unit");
    assert!(parse_entry("btc_price_usd", "95kk").is_err());
    assert!(parse_entry("opex_usd_month", "25k/MW").is_err(), "a unit of another money row");
    // Sizes are for money only.
    assert!(parse_entry("power_price_usd_kwh", "5k").is_err());
    assert!(parse_entry("network_hashrate_ehs", "1.1k EH/s").is_err());
}

#[test]
fn every_form_accepted_before_is_still_accepted() {
    // Whatever the field's family, a number people typed before reads exactly as before.
    let keys = ["btc_price_usd", "network_hashrate_ehs", "power_price_usd_kwh", "machine_power_w", "pool_fee_pct", "machine_count", "hashrate_growth_pct_month"];
    for t in ["95,000", "95 000", "95\u{a0}000", "$95000", "$ 95,000", "−20", "-20", "-$20", "$-20", "+5", "2%", "1e3", ".5", "5.", "1,234,567.5"] {
        let want = parse_user_number(t).expect(t);
        for k in keys {
            assert_eq!(parse_entry(k, t), Ok(want), "{k} {t}");
        }
    }
    for k in keys {
        assert!(parse_entry(k, "").is_err(), "{k}");
        // A decimal comma where a comma cannot group thousands (a phone's decimal keypad may have no point).
        assert_eq!(parse_entry(k, "0,05"), Ok(0.05), "{k}");
        assert_eq!(parse_entry(k, "9,5"), Ok(9.5), "{k}");
        assert_eq!(parse_entry(k, "1,100"), Ok(1100.0), "{k}: a group of three is thousands, as before");
        assert!(parse_entry(k, "1,2,3").is_err() && parse_entry(k, "0,05.5").is_err(), "{k}");
    }
    assert_eq!(ok("hashrate_growth_pct_month", "2 %/month"), 2.0);
    assert_eq!(ok("btc_price_growth_pct_year", "-20 %/yr"), -20.0);
}

#[test]
fn anything_else_is_an_error_with_an_example() {
    let e = parse_entry("power_price_usd_kwh", "4.5p").expect_err("p is no unit");
    assert_eq!(e, EntryError::UnknownUnit { unit: "p".into() });
    assert_eq!(e.message("power_price_usd_kwh", "0.05"), "“p” is not a unit this field takes: enter a power price in $/kWh, e.g. 0.05, $0.05, 5¢ or 50 $/MWh");
    // A unit of another kind of field is refused.
    let e = parse_entry("machine_hashrate_ths", "3.5 kW").expect_err("power, not hashrate");
    assert_eq!(e, EntryError::UnknownUnit { unit: "kW".into() });
    assert!(e.message("machine_hashrate_ths", "200").ends_with("e.g. 200, 200 TH/s or 0.2 PH/s"));
    let e = parse_entry("pool_fee_pct", "2 TH").expect_err("a plain field");
    assert_eq!(e.message("pool_fee_pct", "2"), "“TH” is not a unit this field takes: enter a plain number, e.g. 2");
    let e = parse_entry("network_hashrate_ehs", "lots").expect_err("no number");
    assert_eq!(e.message("network_hashrate_ehs", "1100"), "Enter a hashrate in EH/s, e.g. 1,100, 1100 EH/s or 1.1 ZH/s");
    let e = parse_entry("power_price_usd_kwh", "0,0,5").expect_err("two commas");
    assert_eq!(e.message("power_price_usd_kwh", "0.05"), "Use a point for decimals, e.g. 0.05, $0.05, 5¢ or 50 $/MWh");
    assert_eq!(parse_entry("machine_count", "x").expect_err("x").message("machine_count", "1000"), "Enter a number, e.g. 1000");
    for bad in ["¢", "4.5¢¢", "c4.5", "4..5¢", "4.5 ZH/s", "1e999 ¢", "5 parsecs", "ZH/s", "1.1 ZH/s/s"] {
        let k = if bad.contains("ZH") && bad != "4.5 ZH/s" { "network_hashrate_ehs" } else { "power_price_usd_kwh" };
        assert!(parse_entry(k, bad).is_err(), "{k} {bad:?}");
    }
    assert!(parse_entry("network_hashrate_ehs", "1e400 EH").is_err(), "overflow is refused");
    assert_eq!(ok("network_hashrate_ehs", "1e-400 ZH"), 0.0, "underflow reads as 0 (the range check refuses it)");
}

#[test]
fn enter_reads_units_and_leaves_the_scenario_alone_on_error() {
    let mut s = Scenario::default();
    enter("power_price_usd_kwh", "4.5¢", &mut s, "0.05").expect("cents");
    assert_eq!(s.power_price_usd_kwh, 0.045);
    enter("network_hashrate_ehs", "1.2 ZH/s", &mut s, "1100").expect("ZH/s");
    assert_eq!(s.network_hashrate_ehs, 1200.0);
    enter("machine_power_w", "4 kW", &mut s, "3500").expect("kW");
    assert_eq!(s.machine_efficiency_jth, 4000.0 / 200.0);
    let before = s.clone();
    let e = enter("power_price_usd_kwh", "4.5p", &mut s, "0.05").expect_err("unknown unit");
    assert!(e.contains("e.g. 0.05, $0.05, 5¢ or 50 $/MWh"), "{e}");
    let e = enter("pool_fee_pct", "100", &mut s, "2").expect_err("out of range");
    assert_eq!(e, "Must be from 0 to below 100");
    assert_eq!(s, before);
    assert!(text_matches("power_price_usd_kwh", "4.5¢", 0.045, 0.0));
    assert!(text_matches("network_hashrate_ehs", "1.1 ZH/s", 1100.0, 0.0));
    assert!(!text_matches("power_price_usd_kwh", "4.5", 0.045, 0.0));
    assert!(!text_matches("power_price_usd_kwh", "4.5p", 0.045, 1.0), "an invalid text matches nothing");
    assert!(text_matches("fleet_mw", "30", 30.0003, 0.001));
}
