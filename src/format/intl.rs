//! The page's formatter: the browser's `Intl.NumberFormat`, one formatter per style, made on first use.

use super::{Numbers, Style};
use js_sys::{Function, Object, Reflect};
use std::cell::OnceCell;
use wasm_bindgen::JsValue;

pub struct Intl;

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

thread_local! {
    /// A cache of browser objects (not page state): made once, never changed.
    static FORMATTERS: OnceCell<Formatters> = const { OnceCell::new() };
}

fn make(opts: &[(&str, JsValue)]) -> Function {
    let o = Object::new();
    for (k, v) in opts {
        let _ = Reflect::set(&o, &JsValue::from_str(k), v);
    }
    // The page's English, whatever the browser's language: a shared link says the same numbers to every reader
    // (and the fields, which take `95,000` and `0.045`, read what the results write).
    js_sys::Intl::NumberFormat::new(&js_sys::Array::of1(&JsValue::from_str("en-US")), &o).format()
}

fn decimals(n: u32) -> Function {
    make(&[("minimumFractionDigits", JsValue::from(n)), ("maximumFractionDigits", JsValue::from(n))])
}

fn formatters() -> Formatters {
    let usd = |extra: &[(&str, JsValue)]| {
        let mut opts = vec![("style", JsValue::from_str("currency")), ("currency", JsValue::from_str("USD"))];
        opts.extend(extra.iter().cloned());
        make(&opts)
    };
    // Tick labels keep 3 significant digits where the fraction digits alone would round small ticks alike
    // ("$0 $0.01 $0.01"): the more precise of the two roundings wins.
    let sig3 = || ("maximumSignificantDigits", JsValue::from(3));
    let more = || ("roundingPriority", JsValue::from_str("morePrecision"));
    Formatters {
        usd2: usd(&[("minimumFractionDigits", 2.into()), ("maximumFractionDigits", 2.into())]),
        usd_compact: usd(&[("notation", "compact".into()), ("minimumFractionDigits", 2.into()), ("maximumFractionDigits", 2.into())]),
        usd0: usd(&[("maximumFractionDigits", 0.into())]),
        usd3: usd(&[("minimumFractionDigits", 3.into()), ("maximumFractionDigits", 3.into())]),
        usd_short: usd(&[("notation", "compact".into()), ("minimumFractionDigits", 0.into()), ("maximumFractionDigits", 2.into()), sig3(), more()]),
        dec: [decimals(0), decimals(1), decimals(2), decimals(3), decimals(4)],
        compact: make(&[("notation", "compact".into()), ("maximumFractionDigits", 2.into())]),
        num_tick: make(&[("maximumFractionDigits", 0.into()), sig3(), more()]),
        usd_sci: usd(&[("notation", "scientific".into()), ("maximumFractionDigits", 2.into())]),
        sci: make(&[("notation", "scientific".into()), ("maximumFractionDigits", 2.into())]),
    }
}

impl Numbers for Intl {
    fn format(&self, style: Style, x: f64) -> String {
        FORMATTERS.with(|cell| {
            let f = cell.get_or_init(formatters);
            let func = match style {
                Style::Usd2 => &f.usd2,
                Style::UsdCompact => &f.usd_compact,
                Style::Usd0 => &f.usd0,
                Style::Usd3 => &f.usd3,
                Style::UsdShort => &f.usd_short,
                Style::Dec(n) => &f.dec[(n as usize).min(4)],
                Style::Compact => &f.compact,
                Style::NumTick => &f.num_tick,
                Style::UsdSci => &f.usd_sci,
                Style::Sci => &f.sci,
            };
            func.call1(&JsValue::NULL, &JsValue::from_f64(x)).ok().and_then(|v| v.as_string()).unwrap_or_default()
        })
    }

    fn plain(&self, x: f64) -> String {
        js_sys::Number::from(x).to_string_with_radix(10).ok().map(String::from).unwrap_or_default()
    }

    fn fixed(&self, x: f64, decimals: usize) -> String {
        js_sys::Number::from(x).to_fixed(decimals.min(20) as u8).ok().map(String::from).unwrap_or_default()
    }
}
