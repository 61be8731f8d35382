//! Number formatting for every text the page shows. The styles are named here; who turns a number into digits
//! is a [`Numbers`] implementation: the browser's `Intl.NumberFormat` in the page (Rust float formatting is
//! large in WASM), a plain Rust formatter natively, so `cargo test` builds the same words the page shows.

/// One way of writing a number, as the page uses them.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Style {
    /// $1,234.56
    Usd2,
    /// $1.70M (2 fraction digits, compact)
    UsdCompact,
    /// $52,048
    Usd0,
    /// $0.091
    Usd3,
    /// Ticks: compact, no trailing zeros, 3 significant digits for small values ($2.5M, $0.015).
    UsdShort,
    /// Grouped with this many decimals (0–4).
    Dec(u8),
    /// 1.2K, 3.4M
    Compact,
    /// Ticks: whole, or 3 significant digits below 100 (1,650, 0.00075).
    NumTick,
    /// $4.31E28
    UsdSci,
    /// 4.31E28
    Sci,
}

/// Turns numbers into text. `format` may write a leading hyphen for a negative; [`fmt`] turns it into the
/// true minus sign DESIGN.md asks for.
pub trait Numbers {
    fn format(&self, style: Style, x: f64) -> String;
    /// The shortest round-trip text (JS `Number.prototype.toString`), for `data-value` and URLs.
    fn plain(&self, x: f64) -> String;
    /// Fixed decimals without grouping (`toFixed`).
    fn fixed(&self, x: f64, decimals: usize) -> String;
}

#[cfg(target_arch = "wasm32")]
pub use intl::Intl as Active;
#[cfg(not(target_arch = "wasm32"))]
pub use plain_rust::PlainRust as Active;

/// The formatter of this build.
const NUMBERS: Active = Active;

/// From a thousand trillion on, numbers are written as 4.31E28: compact notation stops at "T" and would
/// print every digit before it.
fn huge(x: f64) -> bool {
    x.abs() >= 1e15
}

/// What a number that overflowed (valid but extreme inputs) reads as, wherever it is written.
pub const NOT_DEFINED: &str = "not defined";

/// `x` in `style`, with a true minus sign (−$1.70M), as DESIGN.md writes them; a loss that rounds to nothing
/// ("-$0.00", or -0 itself) shows no sign. Never "∞" or "NaN": an overflow reads [`NOT_DEFINED`].
fn fmt(x: f64, style: Style) -> String {
    if !x.is_finite() {
        return NOT_DEFINED.into();
    }
    let s = NUMBERS.format(style, x);
    match s.strip_prefix('-') {
        Some(rest) if !rest.bytes().any(|b| (b'1'..=b'9').contains(&b)) => rest.to_string(),
        Some(rest) => ["−", rest].concat(),
        None => s,
    }
}

fn usd_or_sci(x: f64, normal: Style) -> Style {
    if huge(x) {
        Style::UsdSci
    } else {
        normal
    }
}

/// USD: 2 decimals below $1,000, compact above ($1.70M).
pub fn usd(x: f64) -> String {
    fmt(x, if x.abs() < 1000.0 { Style::Usd2 } else { usd_or_sci(x, Style::UsdCompact) })
}

/// USD for axis ticks: no trailing zeros ("$0", "$2.5M", "$40", "$0.015").
pub fn usd_tick(x: f64) -> String {
    fmt(x, usd_or_sci(x, Style::UsdShort))
}

/// A whole number for axis ticks, with up to 3 significant digits below 100 ("1,650", "0.00075").
pub fn num_tick(x: f64) -> String {
    fmt(x, Style::NumTick)
}

/// USD as a whole number with grouping ($52,048), for prices where the digits matter.
pub fn usd_whole(x: f64) -> String {
    fmt(x, if x.abs() < 1000.0 { Style::Usd2 } else { usd_or_sci(x, Style::Usd0) })
}

/// USD with 3 decimals, for $/kWh.
pub fn usd_kwh(x: f64) -> String {
    fmt(x, usd_or_sci(x, Style::Usd3))
}

/// A grouped number with a fixed number of decimals (0–4).
pub fn num(x: f64, decimals: usize) -> String {
    fmt(x, if huge(x) { Style::Sci } else { Style::Dec(decimals.min(4) as u8) })
}

/// Compact number (1.2K, 3.4M).
pub fn compact(x: f64) -> String {
    fmt(x, if huge(x) { Style::Sci } else { Style::Compact })
}

/// Percent with one decimal: "45.2%".
pub fn pct(x: f64) -> String {
    if !x.is_finite() {
        return NOT_DEFINED.into();
    }
    let mut s = num(x, 1);
    s.push('%');
    s
}

/// The shortest round-trip text of a number (JS `Number.prototype.toString`), for `data-value` and URLs.
pub fn plain(x: f64) -> String {
    NUMBERS.plain(x)
}

/// Fixed decimals without grouping (`toFixed`), for editable fields that show a derived value.
pub fn fixed(x: f64, decimals: usize) -> String {
    NUMBERS.fixed(x, decimals)
}

mod text;
pub use text::{first_letter_case, Txt};

#[cfg(target_arch = "wasm32")]
mod intl;
#[cfg(not(target_arch = "wasm32"))]
mod plain_rust;

#[cfg(test)]
mod tests;
