//! Numbers with the units people write after them: `4.5¢`, `45 $/MWh`, `1.1 ZH/s`, `3.5 kW`, `$10M`.
//!
//! Which units a field takes follows from its key's unit suffix (MODEL.md: "units are in every name"), so a
//! new input such as `machine2_hashrate_ths` takes `PH/s` like `machine_hashrate_ths` with no new code.
//! Every conversion is a power of ten applied to the typed decimal text, so `4.5¢` is the same f64 as `0.045`
//! typed out (no multiplication rounding). No float formatting here. `enter` applies a row's text to the scenario
//! through `fields::write`.

use super::query::{parse_number, user_number_text};
use crate::model::Scenario;

/// One unit a field takes: the ways people write it (matched without regard to case, spaces before it
/// allowed) and its size as a power of ten of the field's own unit.
#[derive(Clone, Copy, Debug)]
pub struct Unit {
    pub names: &'static [&'static str],
    pub exp10: i32,
}

/// The units of one kind of field, and how an error message asks for a value.
#[derive(Clone, Copy, Debug)]
pub struct UnitFamily {
    /// The key suffixes that select this family.
    pub suffixes: &'static [&'static str],
    /// "a power price": what the field wants, for messages.
    pub what: &'static str,
    /// Examples shown in an error message, with units ("0.05, 5¢ or 50 $/MWh"); empty: the caller's default.
    pub example: &'static str,
    pub units: &'static [Unit],
    /// Sizes written just before the unit, or alone (`$10M/MW`, `95k`): money only.
    pub multipliers: &'static [Unit],
}

const fn unit(names: &'static [&'static str], exp10: i32) -> Unit {
    Unit { names, exp10 }
}

const MONEY: &[Unit] = &[unit(&["k", "thousand"], 3), unit(&["m", "mn", "million"], 6), unit(&["bn", "b", "billion"], 9)];

/// Unit families; a key takes the family of its longest matching suffix (`hpc_capex_usd_mw` is money, not MW).
pub const FAMILIES: &[UnitFamily] = &[
    UnitFamily {
        suffixes: &["_usd_kwh"], multipliers: &[],
        what: "a power price in $/kWh",
        example: "0.05, $0.05, 5¢ or 50 $/MWh",
        units: &[
            unit(&["$/kwh", "usd/kwh", "/kwh", "$ per kwh", "per kwh"], 0),
            unit(&["¢", "c", "ct", "cent", "cents", "¢/kwh", "c/kwh", "ct/kwh", "cents/kwh", "cents per kwh"], -2),
            unit(&["$/mwh", "usd/mwh", "/mwh", "$ per mwh", "per mwh"], -3),
        ],
    },
    UnitFamily {
        suffixes: &["_ehs"], multipliers: &[],
        what: "a hashrate in EH/s",
        example: "1,100, 1100 EH/s or 1.1 ZH/s",
        units: &[
            unit(&["eh/s", "eh", "ehs", "eh/sec"], 0),
            unit(&["zh/s", "zh", "zhs", "zh/sec"], 3),
            unit(&["ph/s", "ph", "phs", "ph/sec"], -3),
        ],
    },
    UnitFamily {
        suffixes: &["_ths"], multipliers: &[],
        what: "a hashrate in TH/s",
        example: "200, 200 TH/s or 0.2 PH/s",
        units: &[
            unit(&["th/s", "th", "ths", "th/sec"], 0),
            unit(&["ph/s", "ph", "phs", "ph/sec"], 3),
            unit(&["gh/s", "gh", "ghs", "gh/sec"], -3),
        ],
    },
    UnitFamily {
        suffixes: &["_jth"], multipliers: &[],
        what: "an efficiency in J/TH",
        example: "17.5 or 17.5 J/TH",
        units: &[unit(&["j/th", "w/th", "j/t", "jth"], 0)],
    },
    UnitFamily {
        suffixes: &["_kw"], multipliers: &[],
        what: "a power in kW",
        example: "3.5, 3.5 kW or 3,500 W",
        units: &[unit(&["kw"], 0), unit(&["mw"], 3), unit(&["w"], -3)],
    },
    UnitFamily {
        suffixes: &["_mw"], multipliers: &[],
        what: "a power in MW",
        example: "30, 30 MW or 30,000 kW",
        units: &[unit(&["mw"], 0), unit(&["gw"], 3), unit(&["kw"], -3)],
    },
    UnitFamily {
        suffixes: &["_w"], multipliers: &[],
        what: "a power in watts",
        example: "3,500, 3500 W or 3.5 kW",
        units: &[unit(&["w", "watt", "watts"], 0), unit(&["kw"], 3)],
    },
    UnitFamily {
        suffixes: &["_btc_per_block"], multipliers: &[],
        what: "BTC per block",
        example: "0.02, 0.02 BTC or 2,000,000 sats",
        units: &[unit(&["btc", "₿"], 0), unit(&["sats", "sat", "sat/block", "sats/block"], -8)],
    },
    UnitFamily { suffixes: &["difficulty_t"], multipliers: &[], what: "a difficulty in T", example: "150 or 150 T", units: &[unit(&["t"], 0)] },
    UnitFamily { suffixes: &["_pct_month"], multipliers: &[], what: "a percentage per month", example: "", units: &[unit(&["%/month", "%/mo", "% a month", "% per month"], 0)] },
    UnitFamily { suffixes: &["_pct_year"], multipliers: &[], what: "a percentage per year", example: "", units: &[unit(&["%/year", "%/yr", "%/y", "% a year", "% per year"], 0)] },
    UnitFamily {
        suffixes: &["_usd_per_th"],
        multipliers: &[],
        what: "a price in USD per TH/s",
        example: "",
        units: &[unit(&["$/th", "/th", "usd/th", "$/th/s", "/th/s"], 0)],
    },
    UnitFamily { suffixes: &["_usd"], multipliers: MONEY, what: "an amount in USD", example: "", units: &[unit(&["usd", "us$"], 0)] },
    UnitFamily {
        suffixes: &["_usd_month"],
        multipliers: MONEY,
        what: "an amount in USD per month",
        example: "",
        units: &[unit(&["/month", "$/month", "usd/month", "/mo", "$/mo", "a month", "per month"], 0)],
    },
    UnitFamily {
        suffixes: &["_usd_mw"],
        multipliers: MONEY,
        what: "an amount in USD per MW",
        example: "",
        units: &[unit(&["/mw", "$/mw", "usd/mw", "per mw"], 0)],
    },
    UnitFamily {
        suffixes: &["_usd_kw_month"],
        multipliers: MONEY,
        what: "an amount in USD per kW-month",
        example: "",
        units: &[unit(&["/kw-month", "$/kw-month", "/kw/month", "$/kw/month", "/kw-mo", "$/kw-mo", "/kw/mo", "$/kw/mo", "per kw-month", "per kw per month"], 0)],
    },
];

/// The unit family of a key (`machine2_hashrate_ths` → the TH/s family); `None` for plain numbers (counts,
/// percentages, ratios such as `pue`).
pub fn family(key: &str) -> Option<&'static UnitFamily> {
    let mut best: Option<(&'static UnitFamily, usize)> = None;
    for f in FAMILIES {
        for s in f.suffixes {
            if key.ends_with(s) && best.is_none_or(|b| s.len() > b.1) {
                best = Some((f, s.len()));
            }
        }
    }
    best.map(|b| b.0)
}

/// Why typed text is not a number for the field.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum EntryError {
    /// Not a number at all; `decimal_comma` when it looks like `0,05`.
    NotANumber { decimal_comma: bool },
    /// A number followed by something that is not one of the field's units (`4.5p`, `200 kW` for a hashrate).
    UnknownUnit { unit: String },
}

impl EntryError {
    /// The message under the field, always with an example: the family's own (with units), or
    /// `default_shown` (the field's default as the page prints it) for a field without units.
    pub fn message(&self, key: &str, default_shown: &str) -> String {
        let fam = family(key);
        let example = match fam {
            Some(f) if !f.example.is_empty() => f.example,
            _ => default_shown,
        };
        match self {
            EntryError::NotANumber { decimal_comma: true } => ["Use a point for decimals, e.g. ", example].concat(),
            EntryError::NotANumber { decimal_comma: false } => match fam {
                Some(f) => ["Enter ", f.what, ", e.g. ", example].concat(),
                None => ["Enter a number, e.g. ", example].concat(),
            },
            EntryError::UnknownUnit { unit } => {
                let what = fam.map_or("a plain number", |f| f.what);
                ["“", unit.as_str(), "” is not a unit this field takes: enter ", what, ", e.g. ", example].concat()
            }
        }
    }
}

/// Parses a field's text with its units into the field's own unit. Plain numbers are read exactly as
/// [`super::query::parse_user_number`] reads them (`95,000`, `95 000`, `$95000`, `−20`, `2%`).
pub fn parse_entry(key: &str, text: &str) -> Result<f64, EntryError> {
    let t = text.trim();
    let fam = family(key);
    let (number, exp10) = match fam.and_then(|f| strip_unit(f.units, t)) {
        Some((rest, exp10)) => (rest, exp10),
        None => (t, 0),
    };
    // A size before the unit, or alone: `$10M/MW`, `95k`.
    let (number, exp10) = match fam.and_then(|f| strip_unit(f.multipliers, number)) {
        Some((rest, more)) => (rest, exp10 + more),
        None => (number, exp10),
    };
    if let Some(v) = scaled(number, exp10) {
        return Ok(v);
    }
    Err(diagnose(t))
}

/// Parses a row's text, units and all (`4.5¢`, `1.1 ZH/s`, `3.5 kW`: see [`parse_entry`]), and applies it
/// to `s`. On error `s` is unchanged and the message says why, always with an example; `default_shown` is the
/// row's default as the page prints it, the example for rows without units.
pub fn enter(key: &str, text: &str, s: &mut Scenario, default_shown: &str) -> Result<(), String> {
    let v = parse_entry(key, text).map_err(|e| e.message(key, default_shown))?;
    crate::fields::write(key, s, v).map_err(|e| crate::format::first_letter_case(&e.reason, true))
}

/// Whether a row's text already says `value` (within `tolerance`, for rounded derived rows), units and all:
/// the page leaves such a text alone instead of rewriting `4.5¢` as `0.045` under the user's fingers.
pub fn text_matches(key: &str, text: &str, value: f64, tolerance: f64) -> bool {
    parse_entry(key, text).is_ok_and(|x| x == value || (x - value).abs() <= tolerance)
}

/// The longest unit name the text ends with, and the text before it (trimmed).
fn strip_unit<'a>(units: &[Unit], t: &'a str) -> Option<(&'a str, i32)> {
    let mut best: Option<(&'a str, i32, usize)> = None;
    for u in units {
        for name in u.names {
            let n = name.len();
            if n >= t.len() || best.is_some_and(|b| b.2 >= n) {
                continue;
            }
            // Checked splits: no panic path (its message formatting is large in WASM).
            let Some((head, tail)) = t.split_at_checked(t.len() - n) else { continue };
            // A unit of letters must not be the end of a longer word ("5 parsecs" is not "5 c" … "s").
            let glued_to_letter = name.starts_with(|c: char| c.is_ascii_alphabetic())
                && head.ends_with(|c: char| c.is_ascii_alphabetic() || !c.is_ascii());
            if tail.eq_ignore_ascii_case(name) && !glued_to_letter {
                best = Some((head.trim_end(), u.exp10, n));
            }
        }
    }
    best.map(|(head, exp10, _)| (head, exp10))
}

/// The number in `text` times 10^exp10, converted from the decimal text (exact rounding, like typing the
/// shifted number). A text that does not read as typed is tried once more with a decimal comma
/// ([`decimal_comma`]), so `95,000` stays ninety-five thousand.
fn scaled(text: &str, exp10: i32) -> Option<f64> {
    let (negative, plain) =
        user_number_text(text).or_else(|| decimal_comma(text).and_then(|t| user_number_text(&t)))?;
    let v = if exp10 == 0 {
        parse_number(&plain)?
    } else {
        let (mantissa, exp) = match plain.split_once(['e', 'E']) {
            Some((m, e)) => (m, exponent(e)?),
            None => (plain.as_str(), 0),
        };
        let shifted = [mantissa, "e", &(exp.saturating_add(i64::from(exp10))).to_string()].concat();
        parse_number(&shifted)?
    };
    Some(if negative { -v } else { v })
}

/// An exponent's digits as a number; huge exponents saturate (they overflow or underflow either way).
fn exponent(text: &str) -> Option<i64> {
    let (neg, digits) = match text.strip_prefix('-') {
        Some(d) => (true, d),
        None => (false, text.strip_prefix('+').unwrap_or(text)),
    };
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let mut n: i64 = 0;
    for b in digits.bytes() {
        n = n.saturating_mul(10).saturating_add(i64::from(b - b'0')).min(1_000_000);
    }
    Some(if neg { -n } else { n })
}

/// Why text without a known unit is not a number: a unit we do not know after a number, or no number.
fn diagnose(text: &str) -> EntryError {
    let last_digit = text.rfind(|c: char| c.is_ascii_digit());
    if let Some(i) = last_digit {
        if let Some((head, tail)) = text.split_at_checked(i + 1) {
            let tail = tail.trim();
            if !tail.is_empty() && user_number_text(head).is_some() {
                return EntryError::UnknownUnit { unit: tail.to_string() };
            }
        }
    }
    EntryError::NotANumber { decimal_comma: text.contains(',') && !text.contains('.') }
}

/// `text` with its comma as a decimal point (`0,07`, `9,5`), which a phone's decimal keypad in many languages
/// has instead of a point: only with no point in the text; a second comma stays after the point and is refused.
fn decimal_comma(text: &str) -> Option<String> {
    let (int, frac) = text.split_once(',').filter(|_| !text.contains('.'))?;
    Some([int, ".", frac].concat())
}

/// A threshold as a person types it in a field (`40`, `$40`, `35,5`): what an input field without units takes
/// ([`parse_entry`], a decimal comma included), in the range of a link's `threshold=` (`query::parse_threshold`).
pub fn typed_threshold(text: &str) -> Option<f64> {
    parse_entry("", text).ok().filter(super::query::threshold_in_range)
}

#[cfg(test)]
#[path = "units_tests.rs"]
mod tests;
