//! The native formatter: what `Intl.NumberFormat("en-US")` writes for the page's styles, in plain Rust, so
//! native tests read the page's words. Not in the WASM (Rust float formatting is large there).

use super::{Numbers, Style};

pub struct PlainRust;

/// `a` (not negative) with `decimals` fraction digits and thousands grouping.
fn grouped(a: f64, decimals: usize) -> String {
    let s = format!("{a:.decimals$}");
    let (int, frac) = s.split_once('.').map_or((s.as_str(), ""), |(i, f)| (i, f));
    let mut out = String::new();
    for (i, ch) in int.chars().enumerate() {
        if i > 0 && (int.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(ch);
    }
    if !frac.is_empty() {
        out.push('.');
        out.push_str(frac);
    }
    out
}

/// Trailing fraction zeros (and a bare point) removed.
fn trim(s: String) -> String {
    if !s.contains('.') {
        return s;
    }
    s.trim_end_matches('0').trim_end_matches('.').to_string()
}

/// Fraction digits giving `sig` significant digits for `a`, at least `min_frac` ("morePrecision").
fn more_precise(a: f64, sig: i32, min_frac: i32) -> usize {
    let sig_frac = if a == 0.0 { 0 } else { sig - 1 - a.log10().floor() as i32 };
    sig_frac.max(min_frac).max(0) as usize
}

/// `a` scaled to K/M/B/T and its suffix, moving up a unit when rounding reaches 1000 of the one below.
fn compact(a: f64, decimals: impl Fn(f64) -> usize) -> (f64, &'static str, usize) {
    let units = [(1e12, "T"), (1e9, "B"), (1e6, "M"), (1e3, "K"), (1.0, "")];
    let mut pick = units.len() - 1;
    for (i, (u, _)) in units.iter().enumerate() {
        if a >= *u {
            pick = i;
            break;
        }
    }
    let (u, suffix) = units[pick];
    let v = a / u;
    let d = decimals(v);
    if pick > 0 && format!("{v:.d$}").starts_with("1000") {
        let (u, suffix) = units[pick - 1];
        return (a / u, suffix, decimals(a / u));
    }
    (v, suffix, d)
}

fn sci(a: f64) -> String {
    let s = format!("{a:.2e}");
    let (m, e) = s.split_once('e').unwrap_or((s.as_str(), "0"));
    [trim(m.to_string()).as_str(), "E", e].concat()
}

impl Numbers for PlainRust {
    fn format(&self, style: Style, x: f64) -> String {
        let a = x.abs();
        let body = match style {
            Style::Usd2 => ["$", &grouped(a, 2)].concat(),
            Style::Usd0 => ["$", &grouped(a, 0)].concat(),
            Style::Usd3 => ["$", &grouped(a, 3)].concat(),
            Style::UsdCompact => {
                let (v, s, d) = compact(a, |_| 2);
                ["$", &grouped(v, d), s].concat()
            }
            Style::UsdShort => {
                let (v, s, d) = compact(a, |v| more_precise(v, 3, 2));
                ["$", &trim(grouped(v, d)), s].concat()
            }
            Style::Dec(n) => grouped(a, n as usize),
            Style::Compact => {
                let (v, s, d) = compact(a, |_| 2);
                [trim(grouped(v, d)).as_str(), s].concat()
            }
            Style::NumTick => trim(grouped(a, more_precise(a, 3, 0))),
            Style::UsdSci => ["$", &sci(a)].concat(),
            Style::Sci => sci(a),
        };
        if x < 0.0 || (x == 0.0 && x.is_sign_negative()) {
            ["-", &body].concat()
        } else {
            body
        }
    }

    fn plain(&self, x: f64) -> String {
        format!("{x}")
    }

    fn fixed(&self, x: f64, decimals: usize) -> String {
        format!("{x:.decimals$}")
    }
}
