//! Derived views for the page: the headline check, the hardware table, unit scaling and halving timing.
//! All numbers; the page formats them.

use super::presets::MachinePreset;
use crate::model::constants::{
    blocks_to_next_halving, subsidy_btc, BLOCKS_PER_DAY, HALVING_INTERVAL_BLOCKS, SATS_PER_BTC,
};
use crate::model::snapshot::snapshot;
use crate::model::Scenario;

/// "Hashprice falls below $T when BTC < $X at this hashrate, or when network hashrate > Y EH/s at this price."
#[derive(Clone, Debug, PartialEq)]
pub struct Headline {
    pub threshold_usd_per_ph_day: f64,
    pub hashprice_usd_per_ph_day: f64,
    /// Hashprice is already below the threshold.
    pub below: bool,
    /// T / hashvalue; none when hashvalue or T is 0.
    pub btc_price_below_usd: Option<f64>,
    /// H × hashprice / T; none when hashprice or T is 0.
    pub network_hashrate_above_ehs: Option<f64>,
}

/// The BTC price and the network hashrate at which hashprice crosses `threshold` (USD per PH/s per day),
/// each with everything else of the scenario held.
pub fn headline(s: &Scenario, threshold: f64) -> Headline {
    let snap = snapshot(s);
    let hashvalue = snap.hashvalue_btc_per_ph_day;
    let hashprice = snap.hashprice_usd_per_ph_day;
    let usable = |x: f64| Some(x).filter(|x| x.is_finite() && *x > 0.0);
    let t = usable(threshold);
    Headline {
        threshold_usd_per_ph_day: threshold,
        hashprice_usd_per_ph_day: hashprice,
        below: hashprice < threshold,
        btc_price_below_usd: t.zip(usable(hashvalue)).and_then(|(t, hv)| usable(t / hv)),
        network_hashrate_above_ehs: t
            .zip(usable(hashprice))
            .and_then(|(t, hp)| usable(s.network_hashrate_ehs * hp / t)),
    }
}

/// One preset machine at the scenario's network, pool fee, uptime and power price (day 0).
#[derive(Clone, Debug, PartialEq)]
pub struct HardwareRow {
    pub model: String,
    pub efficiency_jth: f64,
    pub hashrate_ths: f64,
    pub breakeven_power_price_usd_kwh: f64,
    pub shutdown_hashprice_usd_per_ph_day: f64,
    /// (revenue − power cost) per TH/s per day.
    pub margin_usd_per_th_day: f64,
    pub gross_margin_pct: Option<f64>,
    /// Its day-0 margin is negative: it should be switched off.
    pub underwater: bool,
}

/// Every preset machine at this scenario's market and costs, most resilient (highest breakeven power price) first.
pub fn hardware_table(s: &Scenario, presets: &[MachinePreset]) -> Vec<HardwareRow> {
    let mut rows: Vec<HardwareRow> = presets
        .iter()
        .map(|m| {
            let mut one = s.clone();
            one.machine_hashrate_ths = m.hashrate_ths;
            one.machine_efficiency_jth = m.efficiency_jth;
            one.machine_price_usd_per_th = m.price_usd_per_th;
            one.machine_count = 1.0;
            let snap = snapshot(&one);
            let margin = (snap.revenue_usd_day - snap.power_cost_usd_day) / m.hashrate_ths;
            HardwareRow {
                model: m.model.clone(),
                efficiency_jth: m.efficiency_jth,
                hashrate_ths: m.hashrate_ths,
                breakeven_power_price_usd_kwh: snap.breakeven_power_price_usd_kwh,
                shutdown_hashprice_usd_per_ph_day: snap.shutdown_hashprice_usd_per_ph_day,
                margin_usd_per_th_day: margin,
                gross_margin_pct: snap.gross_margin_pct,
                underwater: margin < 0.0,
            }
        })
        .collect();
    rows.sort_by(|a, b| {
        b.breakeven_power_price_usd_kwh
            .total_cmp(&a.breakeven_power_price_usd_kwh)
            .then(b.hashrate_ths.total_cmp(&a.hashrate_ths))
    });
    rows
}

/// Hashrate in TH/s scaled to TH/s, PH/s, EH/s or ZH/s so the number is in [1, 1000) where possible.
pub fn scale_hashrate_ths(ths: f64) -> (f64, &'static str) {
    const UNITS: [(f64, &str); 4] = [(1e9, "ZH/s"), (1e6, "EH/s"), (1e3, "PH/s"), (1.0, "TH/s")];
    scale(ths, &UNITS)
}

/// BTC, or satoshis below 0.01 BTC.
pub fn btc_or_sats(btc: f64) -> (f64, &'static str) {
    if btc.abs() < 0.01 {
        (btc * SATS_PER_BTC, "sats")
    } else {
        (btc, "BTC")
    }
}

/// A compact USD amount: the number and its suffix "", "k", "M", "B" or "T" (1.70M).
pub fn compact_usd(x: f64) -> (f64, &'static str) {
    const UNITS: [(f64, &str); 5] = [(1e12, "T"), (1e9, "B"), (1e6, "M"), (1e3, "k"), (1.0, "")];
    scale(x, &UNITS)
}

fn scale(x: f64, units: &[(f64, &'static str)]) -> (f64, &'static str) {
    let last = units.len() - 1;
    if x.is_finite() {
        for &(factor, unit) in &units[..last] {
            if x.abs() >= factor {
                return (x / factor, unit);
            }
        }
    }
    (x, units[last].1)
}

/// Days until the next halving from a block height (blocks to go / 144).
pub fn days_to_next_halving(block_height: f64) -> f64 {
    blocks_to_next_halving(height(block_height)) as f64 / BLOCKS_PER_DAY
}

/// Block height at which the next halving happens.
pub fn next_halving_height(block_height: f64) -> f64 {
    let h = height(block_height);
    (h + blocks_to_next_halving(h)) as f64
}

/// Number of halvings so far at a block height (0 before block 210,000).
pub fn halvings_at(block_height: f64) -> f64 {
    (height(block_height) / HALVING_INTERVAL_BLOCKS) as f64
}

/// Block subsidy in BTC at a block height.
pub fn current_subsidy_btc(block_height: f64) -> f64 {
    subsidy_btc(height(block_height))
}

/// A height as an integer: negative or NaN is 0 (`as` saturates), fractions are dropped.
fn height(block_height: f64) -> u64 {
    block_height as u64
}

/// J/TH from a machine's watts and TH/s (for entering a custom machine by watts); none when TH/s is not positive.
pub fn efficiency_jth_from_power(power_w: f64, hashrate_ths: f64) -> Option<f64> {
    if hashrate_ths > 0.0 {
        Some(power_w / hashrate_ths).filter(|e| e.is_finite())
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
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
}
