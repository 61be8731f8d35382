//! Tests of `insights`, kept beside it.

use super::*;
use crate::model::constants::DAYS_PER_MONTH;
use crate::state::presets::machine_presets;

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() <= 1e-9 * a.abs().max(b.abs()).max(1.0)
}

#[test]
fn headline_at_defaults() {
    let s = Scenario::default();
    let h = headline(&s, 35.0);
    let hashvalue = 144.0 * (3.125 + 0.02) / (1_100.0 * 1000.0);
    assert!(close(h.hashprice_usd_per_ph_day, hashvalue * 95_000.0));
    assert!(!h.below, "the article's $95k / 1.1 ZH/s give ≈ $39, not below $35");
    let btc = h.btc_price_below_usd.unwrap();
    assert!(close(btc, 35.0 / hashvalue));
    assert!((btc - 85_000.0).abs() < 100.0, "{btc}");
    let ehs = h.network_hashrate_above_ehs.unwrap();
    assert!(close(ehs, 1_100.0 * hashvalue * 95_000.0 / 35.0));
    assert!((ehs - 1_229.0).abs() < 1.0, "{ehs}");
    // At either threshold, hashprice is exactly T.
    let mut at_price = s.clone();
    at_price.btc_price_usd = btc;
    assert!(close(snapshot(&at_price).hashprice_usd_per_ph_day, 35.0));
    let mut at_hash = s.clone();
    at_hash.network_hashrate_ehs = ehs;
    assert!(close(snapshot(&at_hash).hashprice_usd_per_ph_day, 35.0));
    // A higher threshold than today's hashprice: already below.
    assert!(headline(&s, 40.0).below);
}

#[test]
fn headline_nones() {
    let s = Scenario::default();
    let h = headline(&s, 0.0);
    assert_eq!((h.btc_price_below_usd, h.network_hashrate_above_ehs), (None, None));
    assert!(!h.below);
    // No subsidy and no fees: hashvalue 0.
    let mut dry = s.clone();
    dry.block_height = 6_930_000.0;
    dry.fees_btc_per_block = 0.0;
    let h = headline(&dry, 35.0);
    assert_eq!(h.hashprice_usd_per_ph_day, 0.0);
    assert!(h.below);
    assert_eq!((h.btc_price_below_usd, h.network_hashrate_above_ehs), (None, None));
    assert_eq!(headline(&s, f64::NAN).btc_price_below_usd, None);
}

#[test]
fn hardware_table_sorted_and_underwater() {
    let presets = machine_presets();
    let mut s = Scenario::default();
    let rows = hardware_table(&s, &presets);
    assert_eq!(rows.len(), presets.len());
    for w in rows.windows(2) {
        assert!(w[0].breakeven_power_price_usd_kwh >= w[1].breakeven_power_price_usd_kwh);
    }
    assert_eq!(rows[0].model, "Antminer S21 XP Hydro");
    assert!(rows.last().unwrap().model.starts_with("Antminer S19"));
    assert!(rows.iter().all(|r| !r.underwater), "at $0.05/kWh everything still earns");

    s.power_price_usd_kwh = 0.06;
    let rows = hardware_table(&s, &presets);
    let row = |name: &str| rows.iter().find(|r| r.model == name).unwrap();
    let j = row("Antminer S19j Pro");
    assert!(j.underwater);
    assert!(j.margin_usd_per_th_day < 0.0);
    assert!(j.gross_margin_pct.unwrap() < 0.0);
    assert!(j.breakeven_power_price_usd_kwh < 0.06);
    assert!(!row("Antminer S21").underwater);
    assert!(!row("Antminer S21 XP").underwater);
    // Underwater exactly when the breakeven power price is below the power price.
    for r in &rows {
        assert_eq!(r.underwater, r.breakeven_power_price_usd_kwh < 0.06, "{}", r.model);
    }

    // Values from the formulas of MODEL.md for the S21 at defaults.
    let s = Scenario::default();
    let rows = hardware_table(&s, &presets);
    let r = rows.iter().find(|r| r.model == "Antminer S21").unwrap();
    let hashprice = snapshot(&s).hashprice_usd_per_ph_day;
    let (f, u, e, p) = (0.02, 0.97, 17.5, 0.05);
    assert!(close(r.breakeven_power_price_usd_kwh, hashprice * (1.0 - f) / (24.0 * e)));
    assert!(close(r.shutdown_hashprice_usd_per_ph_day, 24.0 * e * p / (1.0 - f)));
    let margin = hashprice / 1000.0 * u * (1.0 - f) - e / 1000.0 * 24.0 * u * p;
    assert!(close(r.margin_usd_per_th_day, margin), "{} vs {margin}", r.margin_usd_per_th_day);
    // The fleet size and machine of the scenario do not matter.
    let mut other = s.clone();
    other.machine_count = 7.0;
    other.machine_efficiency_jth = 40.0;
    assert_eq!(hardware_table(&other, &presets), rows);
}

#[test]
fn breakeven_sanity_check_of_domain_md() {
    // DOMAIN.md: breakeven power price at a $35 hashprice, 2% pool fee.
    let mut s = Scenario::default();
    s.btc_price_usd = headline(&s, 35.0).btc_price_below_usd.unwrap();
    let rows = hardware_table(&s, &machine_presets());
    for (name, want) in [
        ("Antminer S21 XP", 0.106),
        ("Antminer S21", 0.082),
        ("Antminer S19 XP", 0.067),
        ("Antminer S19j Pro", 0.048),
    ] {
        let r = rows.iter().find(|r| r.model == name).unwrap();
        assert!(
            (r.breakeven_power_price_usd_kwh - want).abs() < 0.0006,
            "{name}: {}",
            r.breakeven_power_price_usd_kwh
        );
    }
}

#[test]
fn hashrate_units() {
    assert_eq!(scale_hashrate_ths(200.0), (200.0, "TH/s"));
    assert_eq!(scale_hashrate_ths(200_000.0), (200.0, "PH/s"));
    assert_eq!(scale_hashrate_ths(1_100.0 * 1e6), (1.1, "ZH/s"));
    assert_eq!(scale_hashrate_ths(999.0 * 1e6), (999.0, "EH/s"));
    assert_eq!(scale_hashrate_ths(1e6), (1.0, "EH/s"));
    assert_eq!(scale_hashrate_ths(0.5), (0.5, "TH/s"));
    assert_eq!(scale_hashrate_ths(5e12), (5000.0, "ZH/s"));
    assert_eq!(scale_hashrate_ths(0.0), (0.0, "TH/s"));
    assert_eq!(scale_hashrate_ths(-2_000.0), (-2.0, "PH/s"));
    assert!(scale_hashrate_ths(f64::NAN).0.is_nan());
}

#[test]
fn btc_and_sats() {
    let (v, u) = btc_or_sats(0.00041171);
    assert_eq!(u, "sats");
    assert!((v - 41_171.0).abs() < 1e-6);
    assert_eq!(btc_or_sats(0.01), (0.01, "BTC"));
    assert_eq!(btc_or_sats(3.145), (3.145, "BTC"));
    assert_eq!(btc_or_sats(-0.5), (-0.5, "BTC"));
    assert_eq!(btc_or_sats(0.0), (0.0, "sats"));
}

#[test]
fn usd_suffixes() {
    assert_eq!(compact_usd(999.5), (999.5, ""));
    assert_eq!(compact_usd(95_000.0), (95.0, "k"));
    assert_eq!(compact_usd(-1_700_000.0), (-1.7, "M"));
    assert_eq!(compact_usd(3e9), (3.0, "B"));
    assert_eq!(compact_usd(2e13), (20.0, "T"));
    assert_eq!(compact_usd(0.0), (0.0, ""));
    assert_eq!(compact_usd(f64::INFINITY), (f64::INFINITY, ""));
}

#[test]
fn halving_timing() {
    // 925,000 → next halving at 1,050,000: 125,000 blocks ≈ 868 days.
    assert_eq!(days_to_next_halving(925_000.0), 125_000.0 / 144.0);
    assert_eq!(next_halving_height(925_000.0), 1_050_000.0);
    assert_eq!(current_subsidy_btc(925_000.0), 3.125);
    assert_eq!(halvings_at(925_000.0), 4.0);
    assert_eq!(current_subsidy_btc(1_050_000.0), 1.5625);
    assert_eq!(days_to_next_halving(1_050_000.0), 210_000.0 / 144.0);
    assert_eq!(current_subsidy_btc(0.0), 50.0);
    assert_eq!(current_subsidy_btc(-5.0), 50.0);
    assert_eq!(current_subsidy_btc(6_930_000.0), 0.0);
    assert!(days_to_next_halving(925_000.0) / DAYS_PER_MONTH > 28.0);
}

#[test]
fn custom_machine_by_watts() {
    assert_eq!(efficiency_jth_from_power(3500.0, 200.0), Some(17.5));
    assert_eq!(efficiency_jth_from_power(3500.0, 0.0), None);
    assert_eq!(efficiency_jth_from_power(3500.0, f64::NAN), None);
}

#[test]
fn hardware_rows_rate_each_preset_alone_with_the_sites_pue() {
    let presets = crate::state::presets::machine_presets();
    let plain = hardware_table(&Scenario::default(), &presets);
    let with_group = Scenario { machine2_count: 800.0, machine2_efficiency_jth: 38.0, ..Scenario::default() };
    assert_eq!(hardware_table(&with_group, &presets), plain, "another group does not blend into a preset's figures");
    let pue = Scenario { pue: 1.25, ..Scenario::default() };
    for (a, b) in hardware_table(&pue, &presets).iter().zip(&plain) {
        assert!((a.breakeven_power_price_usd_kwh * 1.25 - b.breakeven_power_price_usd_kwh).abs() < 1e-12 * b.breakeven_power_price_usd_kwh);
    }
}
