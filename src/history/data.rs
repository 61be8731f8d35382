//! The shipped difficulty table: one compact target ("nBits") per 2016-block epoch, from Electrum's
//! `checkpoints.json` (MIT, `data/ELECTRUM_LICENCE`), written by `scripts/history-data.mjs`.
//!
//! nBits is the 32-bit form block headers carry (3-byte mantissa, 1-byte exponent), so the table is exact:
//! difficulty = 0xFFFF × 2^208 / target, computed here with one division (relative error below 1e-15).
//! Start dates are **estimates** (the data has no times), worked out as `../shared/data/README.md` says:
//! each epoch lasts 1,209,600 s × D_k / D_k+1 × 2016 / 2015 (what the next retarget measured), and the
//! running sum is rescaled piecewise so the halving blocks 0 … 840,000 fall on their known times; after
//! block 840,000 the sum runs on unscaled.

use crate::format::Txt;
use std::sync::OnceLock;

/// The table: `#` lines are comments, then one 8-digit hex nBits a line, epoch 0 first.
pub const DIFFICULTY_BITS: &str = include_str!("../../data/difficulty_bits.txt");

/// Blocks in a difficulty epoch.
pub const EPOCH_BLOCKS: u64 = 2016;

/// Two weeks: what an epoch lasts at one block per 600 s.
pub const EPOCH_TARGET_SECONDS: f64 = 1_209_600.0;

/// The genesis block and the four halvings so far: (height, block time, Unix seconds UTC).
pub const HALVINGS: [(u64, i64); 5] = [
    (0, 1_231_006_505),       // 2009-01-03 18:15:05
    (210_000, 1_354_116_278), // 2012-11-28 15:24:38
    (420_000, 1_468_082_773), // 2016-07-09 16:46:13
    (630_000, 1_589_225_023), // 2020-05-11 19:23:43
    (840_000, 1_713_571_767), // 2024-04-20 00:09:27
];

/// One difficulty epoch of the shipped table.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Epoch {
    /// 0 for blocks 0 … 2015.
    pub index: usize,
    pub start_height: u64,
    pub bits: u32,
    pub difficulty: f64,
    /// Change from the epoch before, in % (none for epoch 0).
    pub change_pct: Option<f64>,
    /// Estimated start, Unix seconds UTC: an estimate, say "about" wherever it is shown.
    pub est_start_unix: i64,
}

/// Difficulty of a compact target: 0xFFFF × 2^208 / (mantissa × 256^(exponent − 3)).
/// None for a zero or negative (sign bit) mantissa or an exponent outside 3 … 32.
pub fn bits_to_difficulty(bits: u32) -> Option<f64> {
    let exponent = (bits >> 24) as i32;
    let mantissa = bits & 0x00ff_ffff;
    if mantissa == 0 || mantissa & 0x0080_0000 != 0 || !(3..=32).contains(&exponent) {
        return None;
    }
    // 0xFFFF × 2^208 / (m × 2^(8e − 24)) = (0xFFFF / m) × 2^(232 − 8e); the power of two is exact.
    Some(65_535.0 / mantissa as f64 * pow2(232 - 8 * exponent))
}

/// 2^n for n in −1022 … 1023, built from its bits (exact, no libm).
fn pow2(n: i32) -> f64 {
    f64::from_bits(((n + 1023) as u64) << 52)
}

/// Reads a table of hex nBits, one a line (`#` comments and blank lines skipped). Errors name the line.
pub fn parse_bits(text: &str) -> Result<Vec<u32>, String> {
    let mut out = Vec::new();
    for (i, line) in text.lines().enumerate() {
        let t = line.trim();
        if t.is_empty() || t.starts_with('#') {
            continue;
        }
        let bits = (t.len() == 8 && t.bytes().all(|b| b.is_ascii_hexdigit()))
            .then(|| u32::from_str_radix(t, 16).ok())
            .flatten()
            .filter(|b| bits_to_difficulty(*b).is_some())
            .ok_or_else(|| Txt::default().t("line ").s(crate::chart::int_string(i as i64 + 1)).t(" is not a valid 8-digit hex nBits").0)?;
        out.push(bits);
    }
    if out.is_empty() {
        return Err("no epochs".into());
    }
    Ok(out)
}

/// The shipped epochs, decoded once (empty only if the shipped table were broken, which a test rules out).
pub fn epochs() -> &'static [Epoch] {
    static EPOCHS: OnceLock<Vec<Epoch>> = OnceLock::new();
    EPOCHS.get_or_init(|| parse_bits(DIFFICULTY_BITS).map(|b| build_epochs(&b)).unwrap_or_default())
}

/// Epochs from their nBits (each must decode: see [`parse_bits`]), with estimated start dates.
pub fn build_epochs(bits: &[u32]) -> Vec<Epoch> {
    let difficulty: Vec<f64> = bits.iter().map(|b| bits_to_difficulty(*b).unwrap_or(1.0)).collect();
    let starts = estimated_starts(&difficulty);
    (0..bits.len())
        .map(|k| Epoch {
            index: k,
            start_height: k as u64 * EPOCH_BLOCKS,
            bits: bits[k],
            difficulty: difficulty[k],
            change_pct: (k > 0).then(|| 100.0 * (difficulty[k] / difficulty[k - 1] - 1.0)),
            est_start_unix: starts[k].floor() as i64,
        })
        .collect()
}

/// Estimated start time (Unix seconds) of every epoch (see the module comment).
pub fn estimated_starts(difficulty: &[f64]) -> Vec<f64> {
    let n = difficulty.len();
    // Unscaled: epoch k lasts what the retarget after it measured (2015 intervals, so × 2016/2015).
    let span: Vec<f64> = (0..n.saturating_sub(1))
        .map(|k| EPOCH_TARGET_SECONDS * difficulty[k] / difficulty[k + 1] * 2016.0 / 2015.0)
        .collect();
    let mut raw = Vec::with_capacity(n);
    let mut t = 0.0;
    for k in 0..n {
        raw.push(t);
        t += span.get(k).copied().unwrap_or(EPOCH_TARGET_SECONDS);
    }
    // The unscaled time of a height: its epoch's start plus its share of the epoch.
    let raw_at = |h: u64| -> Option<f64> {
        let k = (h / EPOCH_BLOCKS) as usize;
        let frac = (h % EPOCH_BLOCKS) as f64 / EPOCH_BLOCKS as f64;
        Some(raw.get(k)? + frac * span.get(k)?)
    };
    // Anchors inside the table: (unscaled, real).
    let anchors: Vec<(f64, f64)> = HALVINGS.iter().filter_map(|&(h, real)| Some((raw_at(h)?, real as f64))).collect();
    raw.iter()
        .map(|&r| {
            let seg = anchors.windows(2).find(|w| r <= w[1].0);
            match (seg, anchors.last()) {
                (Some(w), _) => w[0].1 + (r - w[0].0) * (w[1].1 - w[0].1) / (w[1].0 - w[0].0),
                // After the last anchor: unscaled, from the anchor's real time.
                (None, Some(&(r1, t1))) => t1 + (r - r1),
                (None, None) => HALVINGS[0].1 as f64 + r,
            }
        })
        .collect()
}

/// (year, month 1–12, day 1–31) of a Unix time, UTC (proleptic Gregorian; H. Hinnant's algorithm).
pub fn civil(unix: i64) -> (i64, u32, u32) {
    let z = unix.div_euclid(86_400) + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let month = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let year = yoe + era * 400 + i64::from(month <= 2);
    (year, month, day)
}

/// Unix seconds at 00:00 UTC of a date (inverse of [`civil`]).
pub fn unix_of_date(year: i64, month: u32, day: u32) -> i64 {
    let y = if month <= 2 { year - 1 } else { year };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let m = i64::from(month);
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(day) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    (era * 146_097 + doe - 719_468) * 86_400
}

const MONTHS: [&str; 12] = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/// "2026-06-13".
pub fn date_iso(unix: i64) -> String {
    let (y, m, d) = civil(unix);
    let two = |t: Txt, x: u32| if x < 10 { t.t("0").s(crate::chart::int_string(i64::from(x))) } else { t.s(crate::chart::int_string(i64::from(x))) };
    two(two(Txt::default().s(crate::chart::int_string(y)).t("-"), m).t("-"), d).0
}

/// "13 Jun 2026".
pub fn date_words(unix: i64) -> String {
    let (y, m, d) = civil(unix);
    Txt::default().s(crate::chart::int_string(i64::from(d))).t(" ").t(MONTHS[m as usize - 1]).t(" ").s(crate::chart::int_string(y)).0
}

/// The line print adds at the end of the document: the day, and the link that reproduces what is printed.
pub fn printed_words(local_unix: i64, link: &str) -> String {
    Txt::default().t("Printed ").s(date_words(local_unix)).t(" from ").t(link).0
}

/// "Jun 2026".
pub fn month_words(unix: i64) -> String {
    let (y, m, _) = civil(unix);
    Txt::default().t(MONTHS[m as usize - 1]).t(" ").s(crate::chart::int_string(y)).0
}

/// A whole number with thousands commas: 953568 → "953,568".
pub fn group_thousands(n: u64) -> String {
    let digits = crate::chart::int_string(n as i64);
    let mut s = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, ch) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            s.push(',');
        }
        s.push(ch);
    }
    s
}

#[cfg(test)]
#[path = "data_tests.rs"]
mod tests;
