//! Derived views for the page: the headline check, the hardware table, unit scaling and halving timing.
//! All numbers; the page formats them.

use super::presets::MachinePreset;
use crate::model::constants::{
    blocks_to_next_halving, subsidy_btc, BLOCKS_PER_DAY, HALVING_INTERVAL_BLOCKS, SATS_PER_BTC,
};
use crate::model::snapshot::snapshot;
use crate::model::{GroupField, Scenario, GROUP_KEYS, MAX_GROUPS};

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
            // One preset machine alone on the site (its PUE included), not blended with the other groups.
            for g in 1..MAX_GROUPS {
                one.set_unchecked(GROUP_KEYS[g][GroupField::Count as usize], 0.0);
            }
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
    crate::sort::sort_small_by(&mut rows, |a, b| {
        b.breakeven_power_price_usd_kwh
            .total_cmp(&a.breakeven_power_price_usd_kwh)
            .then(b.hashrate_ths.total_cmp(&a.hashrate_ths))
            .is_lt()
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
    // Wrapping, as the release build already does: `height` turns huge or infinite input into u64::MAX, where a
    // plain `+` panics in debug builds. Valid heights (≤ 6,930,000) are far from it. (Saturating costs ~100 B
    // of brotli WASM.)
    h.wrapping_add(blocks_to_next_halving(h)) as f64
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
#[path = "insights_tests.rs"]
mod tests;
