//! Number formatting through the browser's `Intl.NumberFormat` (Rust float formatting is large in WASM).

use js_sys::{Function, Intl, Object, Reflect};
use std::cell::RefCell;
use wasm_bindgen::JsValue;

struct Formatters {
    usd2: Function,
    usd_compact: Function,
    usd0: Function,
    usd3: Function,
    usd_short: Function,
    dec: [Function; 5],
    compact: Function,
    num_tick: Function,
    usd_sci: Function,
    sci: Function,
}

/// From a thousand trillion on, numbers are written as 4.31E28: compact notation stops at "T" and would
/// print every digit before it.
fn huge(x: f64) -> bool {
    x.abs() >= 1e15
}

thread_local! {
    static FORMATTERS: RefCell<Option<Formatters>> = const { RefCell::new(None) };
}

fn make(opts: &[(&str, JsValue)]) -> Function {
    let o = Object::new();
    for (k, v) in opts {
        let _ = Reflect::set(&o, &JsValue::from_str(k), v);
    }
    Intl::NumberFormat::new(&js_sys::Array::new(), &o).format()
}

fn decimals(n: u32) -> Function {
    make(&[
        ("minimumFractionDigits", JsValue::from(n)),
        ("maximumFractionDigits", JsValue::from(n)),
    ])
}

/// `x` in the formatter that `pick` chooses. Not generic, so the set-up exists once in the WASM rather than
/// once per public function (~1.2 KB raw each).
fn fmt(x: f64, pick: &dyn Fn(&Formatters) -> &Function) -> String {
    FORMATTERS.with(|cell| {
        let mut slot = cell.borrow_mut();
        let fm = slot.get_or_insert_with(|| {
            let usd = |extra: &[(&str, JsValue)]| {
                let mut opts = vec![("style", JsValue::from_str("currency")), ("currency", JsValue::from_str("USD"))];
                opts.extend(extra.iter().cloned());
                make(&opts)
            };
            // Tick labels keep 3 significant digits where the fraction digits alone would round small
            // ticks alike ("$0 $0.01 $0.01"): the more precise of the two roundings wins.
            let sig3 = || ("maximumSignificantDigits", JsValue::from(3));
            let more = || ("roundingPriority", JsValue::from_str("morePrecision"));
            Formatters {
                usd2: usd(&[("minimumFractionDigits", 2.into()), ("maximumFractionDigits", 2.into())]),
                usd_compact: usd(&[
                    ("notation", "compact".into()),
                    ("minimumFractionDigits", 2.into()),
                    ("maximumFractionDigits", 2.into()),
                ]),
                usd0: usd(&[("maximumFractionDigits", 0.into())]),
                usd3: usd(&[("minimumFractionDigits", 3.into()), ("maximumFractionDigits", 3.into())]),
                usd_short: usd(&[("notation", "compact".into()), ("minimumFractionDigits", 0.into()), ("maximumFractionDigits", 2.into()), sig3(), more()]),
                dec: [decimals(0), decimals(1), decimals(2), decimals(3), decimals(4)],
                compact: make(&[("notation", "compact".into()), ("maximumFractionDigits", 2.into())]),
                num_tick: make(&[("maximumFractionDigits", 0.into()), sig3(), more()]),
                usd_sci: usd(&[("notation", "scientific".into()), ("maximumFractionDigits", 2.into())]),
                sci: make(&[("notation", "scientific".into()), ("maximumFractionDigits", 2.into())]),
            }
        });
        call(pick(fm), x)
    })
}

/// Negatives take a true minus sign (−$1.70M), as DESIGN.md writes them; `Intl` gives a hyphen.
fn call(f: &Function, x: f64) -> String {
    let s = f.call1(&JsValue::NULL, &JsValue::from_f64(x)).ok().and_then(|v| v.as_string()).unwrap_or_default();
    match s.strip_prefix('-') {
        // A loss that rounds to nothing ("-$0.00", or -0 itself) shows no sign.
        Some(rest) if !rest.bytes().any(|b| (b'1'..=b'9').contains(&b)) => rest.to_string(),
        Some(rest) => ["−", rest].concat(),
        None => s,
    }
}

/// The USD formatter for `x`: `normal`, or scientific notation for a huge amount.
fn usd_or_sci<'a>(f: &'a Formatters, x: f64, normal: &'a Function) -> &'a Function {
    if huge(x) {
        &f.usd_sci
    } else {
        normal
    }
}

/// USD: 2 decimals below $1,000, compact above ($1.70M).
pub fn usd(x: f64) -> String {
    fmt(x, &|f| if x.abs() < 1000.0 { &f.usd2 } else { usd_or_sci(f, x, &f.usd_compact) })
}

/// USD for axis ticks: no trailing zeros ("$0", "$2.5M", "$40", "$0.015").
pub fn usd_tick(x: f64) -> String {
    fmt(x, &|f| usd_or_sci(f, x, &f.usd_short))
}

/// A whole number for axis ticks, with up to 3 significant digits below 100 ("1,650", "0.00075").
pub fn num_tick(x: f64) -> String {
    fmt(x, &|f| &f.num_tick)
}

/// USD as a whole number with grouping ($52,048), for prices where the digits matter.
pub fn usd_whole(x: f64) -> String {
    fmt(x, &|f| if x.abs() < 1000.0 { &f.usd2 } else { usd_or_sci(f, x, &f.usd0) })
}

/// USD with 3 decimals, for $/kWh.
pub fn usd_kwh(x: f64) -> String {
    fmt(x, &|f| usd_or_sci(f, x, &f.usd3))
}

/// A grouped number with a fixed number of decimals (0–4).
pub fn num(x: f64, decimals: usize) -> String {
    fmt(x, &|f| if huge(x) { &f.sci } else { &f.dec[decimals.min(4)] })
}

/// Compact number (1.2K, 3.4M).
pub fn compact(x: f64) -> String {
    fmt(x, &|f| if huge(x) { &f.sci } else { &f.compact })
}

/// Percent with one decimal: "45.2%".
pub fn pct(x: f64) -> String {
    let mut s = num(x, 1);
    s.push('%');
    s
}

/// The shortest round-trip text of a number (JS `Number.prototype.toString`), for `data-value` and URLs.
pub fn plain(x: f64) -> String {
    js_sys::Number::from(x).to_string_with_radix(10).ok().map(String::from).unwrap_or_default()
}

/// Fixed decimals without grouping (`toFixed`), for editable fields that show a derived value.
pub fn fixed(x: f64, decimals: usize) -> String {
    js_sys::Number::from(x).to_fixed(decimals.min(20) as u8).ok().map(String::from).unwrap_or_default()
}

pub use crate::chart::Txt;

