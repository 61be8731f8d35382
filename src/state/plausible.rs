//! Plausibility, not just validity: the usual range of each input (DOMAIN.md) and a warning for a value that
//! is valid but far outside it ("A power price of $4.50/kWh is 30× the top of the usual $0.02–$0.15/kWh — did
//! you mean 4.5¢?"). The value still applies; the page shows the words under the field.
//!
//! Table-driven: a key of another machine group (`machine2_hashrate_ths`) reads the row of `machine_…`.

use super::numtext::decimal;

/// How a value of this input is written in a warning.
#[derive(Clone, Copy, Debug)]
pub struct Show {
    pub prefix: &'static str,
    pub suffix: &'static str,
    pub max_dec: usize,
    pub min_dec: usize,
}

const fn show(prefix: &'static str, suffix: &'static str, max_dec: usize, min_dec: usize) -> Show {
    Show { prefix, suffix, max_dec, min_dec }
}

impl Show {
    pub fn text(&self, x: f64) -> String {
        [self.bare(x).as_str(), self.suffix].concat()
    }

    /// [`Show::text`] without the suffix ("$0.02" of "$0.02/kWh").
    fn bare(&self, x: f64) -> String {
        // At least 3 significant digits (up to 8 decimals), for a small value of a quantity usually shown
        // whole (3.5 W, $0.5 per BTC).
        let mut max = self.max_dec;
        while max < 8 && x.abs() * 10_f64.powi(max as i32) < 100.0 {
            max += 1;
        }
        [self.prefix, &decimal(x, max, self.min_dec, true).unwrap_or_else(|| "?".into())].concat()
    }
}

/// A likely slip of unit: the typed number means `suffix` (a power of ten away), when that lands in the
/// usual range. `number ×10^exp10` is the value it would be.
#[derive(Clone, Copy, Debug)]
pub struct Slip {
    pub exp10: i32,
    /// How the suggestion is written after the typed number ("¢", " ZH/s", "k").
    pub suffix: &'static str,
    /// Written before the number ("$" for "$95k").
    pub prefix: &'static str,
}

const fn slip(exp10: i32, prefix: &'static str, suffix: &'static str) -> Slip {
    Slip { exp10, prefix, suffix }
}

/// One input's usual range and the values far enough outside it to flag.
#[derive(Clone, Copy, Debug)]
pub struct Usual {
    pub key: &'static str,
    /// "A power price of": how the warning names the value.
    pub name: &'static str,
    pub low: f64,
    pub high: f64,
    /// Flagged below this.
    pub flag_below: Option<f64>,
    /// Flagged at or above this.
    pub flag_from: Option<f64>,
    pub show: Show,
    /// Said after the range, e.g. "(FPPS pools charge ~2–4%)"; may be empty.
    pub note: &'static str,
    pub slips: &'static [Slip],
}

const NONE: &[Slip] = &[];
const USD0: Show = show("$", "", 0, 0);
/// Two decimals: a pool fee of 99.99% must not read as 100%, which is not a valid fee.
const PCT: Show = show("", "%", 2, 0);

/// The usual ranges (DOMAIN.md "Typical ranges", the machine and site notes, the AI/HPC leases). The flags
/// leave room for home miners: a Bitaxe makes ~1 TH/s on ~15 W at ~$125/TH, and is not flagged.
pub const USUAL: &[Usual] = &[
    Usual { key: "btc_price_usd", name: "A BTC price of", low: 10_000.0, high: 250_000.0, flag_below: Some(1_000.0), flag_from: Some(2_000_000.0), show: USD0, note: "", slips: &[slip(3, "$", "k")] },
    Usual { key: "network_hashrate_ehs", name: "A network hashrate of", low: 300.0, high: 3_000.0, flag_below: Some(100.0), flag_from: Some(30_000.0), show: show("", " EH/s", 1, 0), note: " (1,100 EH/s in Nov 2025)", slips: &[slip(3, "", " ZH/s"), slip(-3, "", " PH/s")] },
    Usual { key: "difficulty_t", name: "A difficulty of", low: 42.0, high: 420.0, flag_below: Some(14.0), flag_from: Some(4_200.0), show: show("", " T", 2, 0), note: " (153.67 T in Nov 2025)", slips: NONE },
    Usual { key: "fees_btc_per_block", name: "Fees of", low: 0.0, high: 0.5, flag_below: None, flag_from: Some(5.0), show: show("", " BTC per block", 4, 0), note: " (0.02 in late 2025, 0.09 in Dec 2024)", slips: &[slip(-8, "", " sats")] },
    Usual { key: "machine_hashrate_ths", name: "A machine hashrate of", low: 50.0, high: 500.0, flag_below: Some(0.5), flag_from: Some(2_000.0), show: show("", " TH/s", 1, 0), note: "", slips: &[slip(3, "", " PH/s"), slip(-3, "", " GH/s")] },
    Usual { key: "machine_efficiency_jth", name: "An efficiency of", low: 9.5, high: 40.0, flag_below: Some(5.0), flag_from: Some(150.0), show: show("", " J/TH", 1, 0), note: " (the 2026 frontier is ~9.5 J/TH)", slips: NONE },
    Usual { key: "machine_power_w", name: "A machine power of", low: 500.0, high: 8_000.0, flag_below: Some(10.0), flag_from: Some(30_000.0), show: show("", " W", 0, 0), note: "", slips: &[slip(3, "", " kW")] },
    Usual { key: "machine_price_usd_per_th", name: "A machine price of", low: 0.0, high: 40.0, flag_below: None, flag_from: Some(200.0), show: show("$", "/TH", 2, 0), note: " (new S21 XP $25.70/TH, Nov 2025)", slips: NONE },
    Usual { key: "power_price_usd_kwh", name: "A power price of", low: 0.02, high: 0.15, flag_below: None, flag_from: Some(0.5), show: show("$", "/kWh", 3, 2), note: "", slips: &[slip(-2, "", "¢"), slip(-3, "", " $/MWh")] },
    Usual { key: "pool_fee_pct", name: "A pool fee of", low: 0.0, high: 5.0, flag_below: None, flag_from: Some(20.0), show: PCT, note: " (FPPS pools charge ~2–4%)", slips: NONE },
    Usual { key: "uptime_pct", name: "An uptime of", low: 80.0, high: 100.0, flag_below: Some(50.0), flag_from: None, show: PCT, note: "", slips: NONE },
    Usual { key: "hashrate_growth_pct_month", name: "Network growth of", low: -5.0, high: 8.0, flag_below: Some(-20.0), flag_from: Some(20.0), show: show("", "%/month", 1, 0), note: " (historically ~2–6%/month)", slips: NONE },
    Usual { key: "btc_price_growth_pct_year", name: "BTC price drift of", low: -80.0, high: 200.0, flag_below: None, flag_from: Some(500.0), show: show("", "%/year", 1, 0), note: "", slips: NONE },
    Usual { key: "discount_rate_pct_year", name: "A discount rate of", low: 0.0, high: 30.0, flag_below: None, flag_from: Some(50.0), show: show("", "%/year", 1, 0), note: "", slips: NONE },
    Usual { key: "debt_apr_pct", name: "A loan APR of", low: 0.0, high: 30.0, flag_below: None, flag_from: Some(50.0), show: PCT, note: " (miner debt ~10–15% in 2025)", slips: NONE },
    Usual { key: "hpc_lease_usd_kw_month", name: "An AI/HPC lease of", low: 100.0, high: 190.0, flag_below: Some(20.0), flag_from: Some(1_000.0), show: show("$", " per kW-month", 0, 0), note: " (leases signed by miners: ~$100–190)", slips: NONE },
    Usual { key: "hpc_capex_usd_mw", name: "An AI/HPC build cost of", low: 8_000_000.0, high: 11_000_000.0, flag_below: Some(1_000_000.0), flag_from: Some(50_000_000.0), show: show("$", " per MW", 0, 0), note: " (TeraWulf, Cipher)", slips: &[slip(6, "$", "M")] },
    Usual { key: "hpc_opex_pct", name: "An AI/HPC operating cost of", low: 10.0, high: 20.0, flag_below: None, flag_from: Some(80.0), show: PCT, note: " (leases run at 80–90% margin)", slips: NONE },
    Usual { key: "btc_volatility_pct_year", name: "A BTC volatility of", low: 50.0, high: 70.0, flag_below: None, flag_from: Some(200.0), show: show("", "%/year", 1, 0), note: "", slips: NONE },
    Usual { key: "pue", name: "A PUE of", low: 1.03, high: 1.5, flag_below: None, flag_from: Some(2.0), show: show("", "", 2, 0), note: " (1.03–1.10 immersion/hydro, 1.1–1.5 air)", slips: NONE },
    Usual { key: "hpc_pue", name: "An AI hall PUE of", low: 1.2, high: 1.4, flag_below: None, flag_from: Some(2.0), show: show("", "", 2, 0), note: "", slips: NONE },
];

/// The key whose row applies: `machine2_count` → `machine_count` (machine groups share the first's ranges).
pub fn canonical(key: &str) -> String {
    if let Some(rest) = key.strip_prefix("machine") {
        let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
        if let Some(tail) = rest.get(digits..).filter(|t| digits > 0 && t.starts_with('_')) {
            return ["machine", tail].concat();
        }
    }
    key.to_string()
}

/// The usual-range row of a key, if it has one.
pub fn usual(key: &str) -> Option<&'static Usual> {
    let k = canonical(key);
    USUAL.iter().find(|u| u.key == k)
}

/// Whether a valid value is far outside its input's usual range.
pub fn is_implausible(key: &str, value: f64) -> bool {
    usual(key).is_some_and(|u| flagged(u, value))
}

fn flagged(u: &Usual, v: f64) -> bool {
    u.flag_below.is_some_and(|lo| v < lo) || u.flag_from.is_some_and(|hi| v >= hi)
}

/// The warning under a field for a valid but implausible value, or `None` when the value is plausible (or the
/// key has no usual range). Names the usual range and, when the typed number in another unit lands in it, asks
/// whether that was meant.
pub fn warning(key: &str, value: f64) -> Option<String> {
    let u = usual(key)?;
    if !value.is_finite() || !flagged(u, value) {
        return None;
    }
    let s = &u.show;
    // "$0.02–$0.15/kWh", not "$0.02/kWh–$0.15/kWh".
    let range = [s.bare(u.low).as_str(), "–", &s.text(u.high)].concat();
    let mut out = String::from(u.name);
    out.push(' ');
    out.push_str(&s.text(value));
    let ratio = if u.high > 0.0 { value / u.high } else { 0.0 };
    if u.flag_from.is_some_and(|hi| value >= hi) {
        if (3.0..1e6).contains(&ratio) {
            out.push_str(" is ");
            out.push_str(&decimal(ratio, 0, 0, true).unwrap_or_default());
            out.push_str("× the top of the usual ");
        } else {
            out.push_str(" is far above the usual ");
        }
    } else {
        out.push_str(" is far below the usual ");
    }
    out.push_str(&range);
    out.push_str(u.note);
    let typed = |x: f64| decimal(x, 6, 0, true).unwrap_or_default();
    if let Some(sl) = u.slips.iter().find(|sl| {
        let meant = value * 10_f64.powi(sl.exp10);
        meant >= u.low && meant <= u.high
    }) {
        out.push_str(" — did you mean ");
        out.push_str(sl.prefix);
        out.push_str(&typed(value));
        out.push_str(sl.suffix);
        out.push('?');
    }
    Some(out)
}

/// The share of the network a fleet may be before the page says so: far beyond any one operator (the largest
/// public miners run a few percent of the network).
const FLEET_SHARE_FLAGGED: f64 = 0.10;

/// A fleet that is a large share of the whole network, said under the fleet's power (the row that stands for
/// every group): valid, but no operator is that large, and a fleet is part of the network, so past 100% the
/// model's share of the blocks is meaningless.
pub fn fleet_share_warning(s: &crate::model::Scenario) -> Option<String> {
    let fleet_ths = crate::model::days::Fleet::new(s).fleet_ths;
    let network_ths = s.network_hashrate_ehs * 1e6;
    let share = fleet_ths / network_ths;
    if !(share.is_finite() && share >= FLEET_SHARE_FLAGGED) {
        return None;
    }
    let ehs = |ths: f64| [decimal(ths / 1e6, 1, 0, true).unwrap_or_default().as_str(), " EH/s"].concat();
    let why = if share > 1.0 {
        ": a fleet is part of the network, so it cannot be larger than it"
    } else {
        ", far more than any one operator runs (the largest public miners run a few percent)"
    };
    Some(
        [
            "This fleet's ",
            &ehs(fleet_ths),
            " is ",
            &decimal(share * 100.0, 0, 0, true).unwrap_or_default(),
            "% of the network's ",
            &ehs(network_ths),
            why,
        ]
        .concat(),
    )
}

/// The warning under a row: its own value's ([`warning`]), or for the fleet's power the fleet's share of the
/// network ([`fleet_share_warning`]), which also moves with the other rows.
pub fn row_warning(key: &str, value: f64, s: &crate::model::Scenario) -> Option<String> {
    warning(key, value).or_else(|| if key == FLEET_ROW { fleet_share_warning(s) } else { None })
}

/// The row whose warning depends on other inputs than its own value (see [`row_warning`]).
pub const FLEET_ROW: &str = "fleet_mw";

/// Every implausible input of a scenario with its warning, in `INPUTS` order: for the notice of a link or
/// a saved scenario that carries one (`?btc_price_usd=5e-324` is valid, and applied, but worth a word).
pub fn warnings(s: &crate::model::Scenario) -> Vec<(&'static str, String)> {
    crate::model::INPUTS.iter().filter_map(|spec| Some((spec.key, warning(spec.key, s.get(spec.key)?)?))).collect()
}

#[cfg(test)]
#[path = "plausible_tests.rs"]
mod tests;
