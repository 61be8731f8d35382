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

fn with<R>(f: impl FnOnce(&Formatters) -> R) -> R {
    FORMATTERS.with(|cell| {
        let mut slot = cell.borrow_mut();
        let fm = slot.get_or_insert_with(|| {
            let usd = |extra: &[(&str, JsValue)]| {
                let mut opts = vec![("style", JsValue::from_str("currency")), ("currency", JsValue::from_str("USD"))];
                opts.extend(extra.iter().cloned());
                make(&opts)
            };
            Formatters {
                usd2: usd(&[("minimumFractionDigits", 2.into()), ("maximumFractionDigits", 2.into())]),
                usd_compact: usd(&[
                    ("notation", "compact".into()),
                    ("minimumFractionDigits", 2.into()),
                    ("maximumFractionDigits", 2.into()),
                ]),
                usd0: usd(&[("maximumFractionDigits", 0.into())]),
                usd3: usd(&[("minimumFractionDigits", 3.into()), ("maximumFractionDigits", 3.into())]),
                usd_short: usd(&[("notation", "compact".into()), ("minimumFractionDigits", 0.into()), ("maximumFractionDigits", 2.into())]),
                dec: [decimals(0), decimals(1), decimals(2), decimals(3), decimals(4)],
                compact: make(&[("notation", "compact".into()), ("maximumFractionDigits", 2.into())]),
                usd_sci: usd(&[("notation", "scientific".into()), ("maximumFractionDigits", 2.into())]),
                sci: make(&[("notation", "scientific".into()), ("maximumFractionDigits", 2.into())]),
            }
        });
        f(fm)
    })
}

/// Negatives take a true minus sign (−$1.70M), as DESIGN.md writes them; `Intl` gives a hyphen.
fn call(f: &Function, x: f64) -> String {
    let s = f.call1(&JsValue::NULL, &JsValue::from_f64(x)).ok().and_then(|v| v.as_string()).unwrap_or_default();
    match s.strip_prefix('-') {
        Some(rest) => ["−", rest].concat(),
        None => s,
    }
}

/// USD: 2 decimals below $1,000, compact above ($1.70M).
pub fn usd(x: f64) -> String {
    with(|f| call(if x.abs() < 1000.0 { &f.usd2 } else { usd_big(f, x, &f.usd_compact) }, x))
}

fn usd_big<'a>(f: &'a Formatters, x: f64, normal: &'a Function) -> &'a Function {
    if huge(x) {
        &f.usd_sci
    } else {
        normal
    }
}

/// USD for axis ticks: no trailing zeros ("$0", "$2.5M", "$40").
pub fn usd_tick(x: f64) -> String {
    with(|f| call(usd_big(f, x, &f.usd_short), x))
}

/// USD as a whole number with grouping ($52,048), for prices where the digits matter.
pub fn usd_whole(x: f64) -> String {
    with(|f| call(if x.abs() < 1000.0 { &f.usd2 } else { usd_big(f, x, &f.usd0) }, x))
}

/// USD with 3 decimals, for $/kWh.
pub fn usd_kwh(x: f64) -> String {
    with(|f| call(usd_big(f, x, &f.usd3), x))
}

/// A grouped number with a fixed number of decimals (0–4).
pub fn num(x: f64, decimals: usize) -> String {
    with(|f| call(if huge(x) { &f.sci } else { &f.dec[decimals.min(4)] }, x))
}

/// Compact number (1.2K, 3.4M).
pub fn compact(x: f64) -> String {
    with(|f| call(if huge(x) { &f.sci } else { &f.compact }, x))
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
