//! One numeric input: label with unit, a text field that accepts the whole valid range, and a slider
//! over the common range. A bad value shows a message under the field and leaves the model untouched.
//!
//! Part of the inputs island (see `crate::components::input_panel`): the row is markup, [`Row`] keeps
//! its elements and the value it last showed, and the island's delegated `input` listener calls
//! [`on_input`]. Nothing is written to the DOM unless it changes.

use crate::app::Ctx;
use crate::dom::{find, push_escaped, set_attr, set_class, set_text};
use crate::fields::{read, write, Field, FIELDS};
use crate::format::{fixed, plain, Txt};
use crate::model::Scenario;
use crate::state::query::parse_user_number;
use leptos::prelude::*;
use std::cell::Cell;
use wasm_bindgen::JsCast;
use web_sys::{Element, Event, HtmlInputElement};

/// Scenario inputs show their exact value; derived rows (difficulty, watts) a rounded one.
fn is_derived(f: &Field) -> bool {
    !FIELDS.iter().any(|g| g.key == f.key)
}

fn shown(f: &Field, v: f64) -> String {
    if is_derived(f) {
        fixed(v, f.decimals)
    } else {
        plain(v)
    }
}

/// How far the typed number may be from the value before the field is rewritten: derived rows are rounded,
/// and the fleet MW being typed stands for the whole machine count it gives (30 MW of 3,300 W machines is
/// 30.0003): `typing` says the field has the focus.
fn tolerance(f: &Field, s: &Scenario, typing: bool) -> f64 {
    if !is_derived(f) {
        return 0.0;
    }
    let digits = 0.5 * 10f64.powi(-(f.decimals as i32));
    if f.key == "fleet_mw" && typing {
        digits.max(0.5 * read("machine_power_w", s) / 1e6)
    } else {
        digits
    }
}

/// Appends one row's markup, showing the values of `s`.
pub fn markup(out: &mut String, f: &Field, s: &Scenario) {
    let k = f.key;
    let v = read(k, s);
    out.push_str("<div class=\"input-row\"><label for=\"in-");
    out.push_str(k);
    out.push_str("\"><span class=\"label\">");
    push_escaped(out, f.label);
    out.push_str("</span><span class=\"unit\">");
    push_escaped(out, f.unit);
    out.push_str("</span></label><input id=\"in-");
    out.push_str(k);
    out.push_str("\" class=\"num\" type=\"text\" inputmode=\"decimal\" autocomplete=\"off\" spellcheck=\"false\" name=\"");
    out.push_str(k);
    out.push_str("\" aria-describedby=\"err-");
    out.push_str(k);
    out.push_str(" help-");
    out.push_str(k);
    out.push_str("\" aria-invalid=\"false\" value=\"");
    out.push_str(&shown(f, v));
    // The range comes before the value, or the browser clamps the value to the default 0–100.
    out.push_str("\"><input class=\"slider\" type=\"range\" name=\"");
    out.push_str(k);
    out.push_str("\" min=\"");
    out.push_str(&plain(f.slider_min));
    out.push_str("\" max=\"");
    out.push_str(&plain(f.slider_max));
    out.push_str("\" step=\"");
    out.push_str(&plain(f.step));
    out.push_str("\" aria-label=\"");
    push_escaped(out, &slider_name(f));
    out.push_str("\" aria-describedby=\"help-");
    out.push_str(k);
    out.push_str("\" aria-valuetext=\"");
    push_escaped(out, &value_text(f, v));
    out.push_str("\" value=\"");
    out.push_str(&plain(v));
    out.push_str("\"><p class=\"error\" id=\"err-");
    out.push_str(k);
    out.push_str("\" role=\"alert\"></p><p class=\"help\" id=\"help-");
    out.push_str(k);
    out.push_str("\">");
    push_escaped(out, f.help);
    if let Some(x) = note_input(k, s) {
        out.push_str(" <span class=\"live-note\">");
        push_escaped(out, &note_text(k, x));
        out.push_str("</span>");
    }
    out.push_str("</p></div>");
}

/// A slider's accessible name: the label with its unit ("BTC price, USD").
fn slider_name(f: &Field) -> String {
    if f.unit.is_empty() {
        f.label.to_string()
    } else {
        [f.label, ", ", f.unit].concat()
    }
}

/// What a screen reader says for a slider's value: the field's value and unit, and where the value lies
/// beyond the slider (typed or from a link), that the slider only shows its end.
fn value_text(f: &Field, v: f64) -> String {
    let beyond = if v > f.slider_max {
        " (above the slider's range)"
    } else if v < f.slider_min {
        " (below the slider's range)"
    } else {
        ""
    };
    // Grouped like the page's other numbers ("95,000 USD"), with the decimals the field shows (up to 4), so
    // the difficulty row reads "153.67 T" as its field does; "block 925,000" and "±20%" read in that order.
    let p = shown(f, v);
    let decimals = p.split_once('.').map_or(0, |(_, frac)| frac.len().min(4));
    let (pre, unit) = match f.unit {
        "block" => ("block ", ""),
        u => u.strip_prefix('±').map_or(("", u), |rest| ("±", rest)),
    };
    let gap = if unit.is_empty() || unit.starts_with('%') { "" } else { " " };
    [pre, crate::format::num(v, decimals).as_str(), gap, unit, beyond].concat()
}

/// One row in the document, with what it last showed.
pub struct Row {
    field: &'static Field,
    row: Element,
    text: HtmlInputElement,
    slider: HtmlInputElement,
    error: Element,
    /// The live note and the number it last showed.
    note: Option<(Element, Cell<f64>)>,
    /// The value last shown (NaN before the first patch).
    last: Cell<f64>,
}

/// The rows under `root` (the island), in page order.
pub fn rows(root: &Element) -> Vec<Row> {
    let mut out = Vec::new();
    for el in crate::dom::find_all(root, ".input-row input.num") {
        let Some(row) = el.parent_element() else { continue };
        let Some(field) = el.get_attribute("name").and_then(|k| crate::fields::find(&k)) else { continue };
        let (Ok(text), Some(Ok(slider)), Some(error)) = (
            el.dyn_into::<HtmlInputElement>(),
            find(&row, ".slider").map(|s| s.dyn_into::<HtmlInputElement>()),
            find(&row, ".error"),
        ) else {
            continue;
        };
        let note = find(&row, ".live-note").map(|n| (n, Cell::new(f64::NAN)));
        out.push(Row { field, row, text, slider, error, note, last: Cell::new(f64::NAN) });
    }
    out
}

/// Shows `message` under the row (or clears it), with `aria-invalid` and the row's `.invalid` class.
fn show_error(r: &Row, message: Option<&str>) {
    set_text(&r.error, message.unwrap_or_default());
    set_attr(&r.text, "aria-invalid", if message.is_some() { "true" } else { "false" });
    set_class(&r.row, "invalid", message.is_some());
}

thread_local! {
    static REWRITE: Cell<bool> = const { Cell::new(false) };
}

/// Reset and presets replace the scenario as a whole: the next [`patch`] rewrites every field and clears its
/// error, also where a field's typed (invalid) text stands for a value that did not change.
pub fn rewrite_all() {
    REWRITE.with(|f| f.set(true));
}

/// Follows changes made elsewhere (slider, preset, URL, live data): a row whose value changed gets the new
/// value in its slider, and in its text field unless the field already says the same number.
pub fn patch(rows: &[Row], s: &Scenario) {
    let force = REWRITE.with(|f| f.replace(false));
    let active = document().active_element();
    for r in rows {
        let v = read(r.field.key, s);
        if let (Some((el, last)), Some(x)) = (&r.note, note_input(r.field.key, s)) {
            if last.get() != x {
                last.set(x);
                // Rewrites the note's text node in place (no node replaced, so no child-list change).
                let t = note_text(r.field.key, x);
                match el.first_child() {
                    Some(n) if n.node_value().as_deref() != Some(t.as_str()) => n.set_node_value(Some(&t)),
                    Some(_) => {}
                    None => set_text(el, &t),
                }
            }
        }
        if r.last.get() == v && !force {
            continue;
        }
        r.last.set(v);
        let typing = active.as_ref() == Some(r.text.as_ref());
        let tol = tolerance(r.field, s, typing);
        let same = !force && parse_user_number(&r.text.value()).is_some_and(|x| (x - v).abs() <= tol);
        if !same {
            let t = shown(r.field, v);
            if r.text.value() != t {
                r.text.set_value(&t);
            }
            show_error(r, None);
        }
        let p = plain(v);
        if r.slider.value() != p {
            r.slider.set_value(&p);
        }
        set_attr(&r.slider, "aria-valuetext", &value_text(r.field, v));
    }
}

/// Parses and applies a row's text; on error the scenario is unchanged and the message says why (with the
/// field's default as the example).
fn apply(c: Ctx, f: &Field, raw: &str) -> Result<(), String> {
    let v = parse_user_number(raw).ok_or_else(|| {
        let hint = if raw.contains(',') && !raw.contains('.') { "Use a point for decimals" } else { "Enter a number" };
        Txt::default().t(hint).t(", e.g. ").s(shown(f, read(f.key, &Scenario::default()))).0
    })?;
    let mut next = c.scenario.get_untracked();
    write(f.key, &mut next, v).map_err(|e| crate::chart::first_letter_case(&e.reason, true))?;
    c.scenario.set(next);
    Ok(())
}

/// The island's `input` listener for rows: typing applies the text (or shows why not); a slider move
/// applies its value and copies it into the text field.
pub fn on_input(c: Ctx, rows: &[Row], ev: &Event) {
    let Some(t) = ev.target().and_then(|t| t.dyn_into::<HtmlInputElement>().ok()) else { return };
    let name = t.name();
    let Some(r) = rows.iter().find(|r| r.field.key == name) else { return };
    let raw = t.value();
    if t == r.text {
        let err = apply(c, r.field, &raw).err();
        if err.is_some() {
            // Print shows this beside the error (print.css): on paper the invalid text would otherwise read as
            // the input the results were computed from.
            set_attr(&r.error, "data-in-force", &c.scenario.with_untracked(|s| shown(r.field, read(r.field.key, s))));
        }
        show_error(r, err.as_deref());
    } else if t == r.slider && apply(c, r.field, &raw).is_ok() {
        // A derived row shows what the slider's value gave (29 MW is 29.0010 MW of whole machines).
        let text = if is_derived(r.field) { c.scenario.with_untracked(|s| shown(r.field, read(r.field.key, s))) } else { raw };
        if r.text.value() != text {
            r.text.set_value(&text);
        }
        show_error(r, None);
    }
}

/// The one number a row's live note depends on, for the rows that have one (block height, growth).
fn note_input(key: &str, s: &Scenario) -> Option<f64> {
    match key {
        "block_height" => Some(s.block_height),
        "hashrate_growth_pct_month" => Some(s.hashrate_growth_pct_month),
        _ => None,
    }
}

/// Help that depends on the current value: subsidy and next halving, growth per difficulty adjustment
/// (`x` from [`note_input`]).
fn note_text(key: &str, x: f64) -> String {
    use crate::format::num;
    use crate::model::constants::growth_pct_per_adjustment;
    use crate::state::insights::{current_subsidy_btc, days_to_next_halving, next_halving_height};
    match key {
        "block_height" if current_subsidy_btc(x) == 0.0 => "No block subsidy left at this height: fees are the whole reward.".into(),
        // Rounded up, as the projection counts the halving on the first day with the lower subsidy.
        "block_height" => Txt::default()
            .t("Subsidy now ")
            .s(num(current_subsidy_btc(x), 4))
            .t(" BTC; next halving at block ")
            .s(num(next_halving_height(x), 0))
            .t(", in about ")
            .s(crate::components::kpi_defs::show(crate::components::kpi_defs::Fmt::Days, days_to_next_halving(x).ceil()))
            .t(".")
            .0,
        _ => Txt::default()
            .t("≈ ")
            .s(num(growth_pct_per_adjustment(x), 3))
            .t("% per difficulty adjustment (every 2,016 blocks).")
            .0,
    }
}
