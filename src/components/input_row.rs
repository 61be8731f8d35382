//! One numeric input: label with unit, a text field that accepts the whole valid range, and a slider
//! over the common range. A bad value shows a message under the field and leaves the model untouched.
//!
//! Part of the inputs (see `crate::components::input_panel`): [`markup`] writes a row and hands back its
//! slots, [`Row`] keeps its elements and the value it last showed, and the panel's `input` listener calls
//! [`on_input`]. Nothing is written to the DOM unless it changes.
//!
//! Typing follows the edit-in-force rule (`state::edit::FieldEdit`): text with units (`4.5¢`, `1.1 ZH/s`) is
//! read by `state::units`; while the text is invalid the scenario holds the value the field had when the edit
//! began; on blur an invalid text goes back to that value and says so. A valid value far outside the usual
//! range is applied and flagged under the field (`state::plausible`).

use crate::fields::{read, Field};
use crate::format::{fixed, plain, Txt};
use crate::model::Scenario;
use crate::state::plausible::row_warning;
use crate::state::words::group_name;
use crate::view::{Html, Slot};
#[cfg(target_arch = "wasm32")]
use crate::{
    ctx::Ctx,
    fields::write,
    state::edit::FieldEdit,
    state::units::text_matches,
    view::dom::{set_attr, set_class, set_text, Dom},
};
#[cfg(target_arch = "wasm32")]
use leptos::prelude::*;
#[cfg(target_arch = "wasm32")]
use std::cell::{Cell, RefCell};
#[cfg(target_arch = "wasm32")]
use wasm_bindgen::JsCast;
#[cfg(target_arch = "wasm32")]
use web_sys::{Element, Event, HtmlInputElement};

/// Scenario inputs show their exact value; derived rows (difficulty, watts) a rounded one.
fn is_derived(f: &Field) -> bool {
    crate::fields::source_key(f.key) != f.key
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
#[cfg(target_arch = "wasm32")]
fn tolerance(f: &Field, s: &Scenario, typing: bool) -> f64 {
    if !is_derived(f) {
        return 0.0;
    }
    let digits = 0.5 * 10f64.powi(-(f.decimals as i32));
    match crate::fields::mw_group(f.key).filter(|_| typing) {
        Some(g) => digits.max(0.5 * s.group(g).hashrate_ths * s.group(g).efficiency_jth / 1e6),
        None => digits,
    }
}

/// A row's handles.
#[derive(Clone, Copy)]
pub struct RowSlots {
    pub field: &'static Field,
    pub row: Slot,
    pub text: Slot,
    pub slider: Slot,
    pub error: Slot,
    pub warn: Slot,
    pub note: Option<Slot>,
}

/// Writes one row, showing the values of `s`.
pub fn markup(h: &mut Html, f: &'static Field, s: &Scenario) -> RowSlots {
    let k = f.key;
    let v = read(k, s);
    h.open("div", "class=\"input-row\"");
    let row = h.slot();
    h.open("label", "").attr("for", &["in-", k].concat());
    // Every group's rows have the same labels: the group is in their names, not only in the fieldset's legend.
    if let Some(g) = crate::fields::group_of_row(k) {
        h.el("span", "class=\"visually-hidden\"", &(group_name(g) + ", "));
    }
    // The space keeps label and unit apart in the field's name ("BTC price USD", not "BTC priceUSD").
    h.el("span", "class=\"label\"", f.label).text(" ").el("span", "class=\"unit\"", f.unit).close("label");
    h.open("input", "").attr("id", &["in-", k].concat());
    h.attr("class", "num").attr("type", "text").attr("inputmode", "decimal").attr("autocomplete", "off").attr("spellcheck", "false");
    h.attr("name", k).attr("aria-describedby", &["err-", k, " warn-", k, " help-", k].concat()).attr("aria-invalid", "false");
    h.attr("value", &shown(f, v));
    let text = h.slot();
    // The range comes before the value, or the browser clamps the value to the default 0–100.
    h.open("input", "class=\"slider\" type=\"range\"").attr("name", k).attr("min", &plain(f.slider_min));
    h.attr("max", &plain(f.slider_max)).attr("step", &plain(f.step)).attr("aria-label", &slider_name(f));
    h.attr("aria-describedby", &["help-", k].concat()).attr("aria-valuetext", &value_text(f, v)).attr("value", &plain(v));
    let slider = h.slot();
    h.open("p", "class=\"error\"").attr("id", &["err-", k].concat()).attr("role", "alert");
    let error = h.slot();
    h.close("p").open("p", "class=\"warn\"").attr("id", &["warn-", k].concat()).attr("aria-live", "polite");
    let warn = h.slot();
    h.text(&row_warning(k, v, s).unwrap_or_default());
    h.close("p").open("p", "class=\"help\"").attr("id", &["help-", k].concat()).text(f.help);
    let note = note_input(k, s).map(|x| {
        h.text(" ").open("span", "class=\"live-note\"");
        let note = h.slot();
        h.text(&note_text(k, x)).close("span");
        note
    });
    h.close("p").close("div");
    RowSlots { field: f, row, text, slider, error, warn, note }
}

/// A slider's accessible name: the label with its unit ("BTC price, USD"), and its group's name for a row of
/// groups 2–6 ("Group 2 machine hashrate, TH/s"; "Group 2 power, MW", not "group power").
fn slider_name(f: &Field) -> String {
    let label = match crate::fields::group_of_row(f.key) {
        Some(g) => {
            let own = f.label.strip_prefix("Group ").unwrap_or(f.label);
            group_name(g) + " " + &crate::format::first_letter_case(own, false)
        }
        None => f.label.to_string(),
    };
    if f.unit.is_empty() {
        label
    } else {
        label + ", " + f.unit
    }
}

/// What a screen reader says for a slider's value: the field's value and unit, and where the value lies
/// beyond the slider (typed or from a link), that the slider only shows its end.
pub fn value_text(f: &Field, v: f64) -> String {
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
#[cfg(target_arch = "wasm32")]
pub struct Row {
    field: &'static Field,
    row: Element,
    text: HtmlInputElement,
    slider: HtmlInputElement,
    error: Element,
    /// The plausibility warning for the value in force.
    warn: Element,
    /// The edit in progress (`state::edit`).
    edit: RefCell<FieldEdit>,
    /// The live note and the number it last showed.
    note: Option<(Element, Cell<f64>)>,
    /// The value last shown (NaN before the first patch).
    last: Cell<f64>,
}

#[cfg(target_arch = "wasm32")]
impl Row {
    pub fn new(dom: &Dom, s: &RowSlots) -> Row {
        Row {
            field: s.field,
            row: dom.el(s.row),
            text: dom.input(s.text),
            slider: dom.input(s.slider),
            error: dom.el(s.error),
            warn: dom.el(s.warn),
            edit: RefCell::new(FieldEdit::new(s.field.key)),
            note: s.note.map(|n| (dom.el(n), Cell::new(f64::NAN))),
            last: Cell::new(f64::NAN),
        }
    }
}

#[cfg(target_arch = "wasm32")]
/// Shows `message` under the row (or clears it), with `aria-invalid` and the row's `.invalid` class.
fn show_error(r: &Row, message: Option<&str>) {
    set_text(&r.error, message.unwrap_or_default());
    set_attr(&r.text, "aria-invalid", if message.is_some() { "true" } else { "false" });
    set_class(&r.row, "invalid", message.is_some());
}

#[cfg(target_arch = "wasm32")]
/// Follows changes made elsewhere (slider, preset, URL, live data): a row whose value changed gets the new
/// value in its slider, its plausibility warning, and the new value in its text field unless the field
/// already says the same number (`4.5¢` is left as typed) or holds its own invalid text while the value from
/// when its edit began is in force. `force` (the scenario was replaced whole) rewrites every field and clears
/// its error, also where a field's typed (invalid) text stands for a value that did not change.
pub fn patch(rows: &[Row], s: &Scenario, force: bool) {
    let active = document().active_element();
    for r in rows {
        let k = r.field.key;
        let v = read(k, s);
        if let (Some((el, last)), Some(x)) = (&r.note, note_input(k, s)) {
            if last.get() != x {
                last.set(x);
                // Rewrites the note's text node in place (no node replaced, so no child-list change).
                let t = note_text(k, x);
                match el.first_child() {
                    Some(n) if n.node_value().as_deref() != Some(t.as_str()) => n.set_node_value(Some(&t)),
                    Some(_) => {}
                    None => set_text(el, &t),
                }
            }
        }
        if r.last.get() == v && !force {
            // The fleet's share of the network also moves with the network's hashrate.
            if k == crate::state::plausible::FLEET_ROW {
                let w = row_warning(k, v, s).unwrap_or_default();
                if r.warn.text_content().as_deref() != Some(w.as_str()) {
                    set_text(&r.warn, &w);
                }
            }
            continue;
        }
        r.last.set(v);
        set_text(&r.warn, &row_warning(k, v, s).unwrap_or_default());
        let typing = active.as_ref() == Some(r.text.as_ref());
        let tol = tolerance(r.field, s, typing);
        let mut edit = r.edit.borrow_mut();
        let held = edit.is_invalid() && edit.in_force() == s.get(crate::fields::source_key(k));
        let same = !force && (held || text_matches(k, &r.text.value(), v, tol));
        if !same {
            edit.on_outside_change(s);
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

#[cfg(target_arch = "wasm32")]
fn target_row<'a>(rows: &'a [Row], ev: &Event) -> Option<(&'a Row, HtmlInputElement)> {
    let t = ev.target()?.dyn_into::<HtmlInputElement>().ok()?;
    rows.iter().find(|r| t == r.text || t == r.slider).map(|r| (r, t))
}

#[cfg(target_arch = "wasm32")]
/// The panel's `input` listener for rows: typing goes through the row's edit (the value in force, or why
/// not); a slider move applies its value and copies it into the text field.
pub fn on_input(c: Ctx, rows: &[Row], ev: &Event) {
    let Some((r, t)) = target_row(rows, ev) else { return };
    let raw = t.value();
    if t == r.text {
        let example = shown(r.field, read(r.field.key, &Scenario::default()));
        let step = c.scenario.with_untracked(|s| r.edit.borrow_mut().on_input(&raw, s, &example));
        if let Some(next) = step.next {
            c.scenario.set(next);
        }
        if step.error.is_some() {
            // Print shows this beside the error (print.css): on paper the invalid text would otherwise read as
            // the input the results were computed from.
            set_attr(&r.error, "data-in-force", &c.scenario.with_untracked(|s| shown(r.field, read(r.field.key, s))));
        }
        show_error(r, step.error.as_deref());
        return;
    }
    let mut next = c.scenario.get_untracked();
    let Some(v) = crate::state::query::parse_number(&raw) else { return };
    match write(r.field.key, &mut next, v) {
        Ok(()) => {
            r.edit.borrow_mut().on_outside_change(&next);
            c.scenario.set(next);
            // A derived row shows what the slider's value gave (29 MW is 29.0010 MW of whole machines).
            let text = if is_derived(r.field) { c.scenario.with_untracked(|s| shown(r.field, read(r.field.key, s))) } else { raw };
            if r.text.value() != text {
                r.text.set_value(&text);
            }
            show_error(r, None);
        }
        // A position the scenario cannot take (the fleet's MW below what the other groups draw): the thumb
        // goes back to the value in force, the field shows that value (valid, so not marked invalid), and the
        // row says why.
        Err(e) => {
            let now = c.scenario.with_untracked(|s| {
                r.edit.borrow_mut().on_outside_change(s);
                read(r.field.key, s)
            });
            r.slider.set_value(&plain(now));
            r.text.set_value(&shown(r.field, now));
            show_error(r, None);
            set_text(&r.error, &crate::format::first_letter_case(&e.reason, true));
        }
    }
}

#[cfg(target_arch = "wasm32")]
/// The panel's `focusout` listener for rows: leaving a field whose text is invalid puts the value from when
/// its edit began back in the field and says so. (An edit begins at its first keystroke, `FieldEdit::on_input`,
/// with the value in force then: the same as at focus, as anything that changes the value meanwhile also
/// rewrites the field.)
pub fn on_blur(c: Ctx, rows: &[Row], ev: &Event) {
    let Some((r, t)) = target_row(rows, ev) else { return };
    if t != r.text {
        return;
    }
    let blur = c.scenario.with_untracked(|s| r.edit.borrow_mut().on_blur(s));
    if let Some(next) = blur.next {
        c.scenario.set(next);
    }
    if let Some(rev) = blur.reverted {
        let text = shown(r.field, rev.value);
        r.text.set_value(&text);
        show_error(r, None);
        set_text(&r.error, &rev.message(&text));
    }
}

/// The one number a row's live note depends on, for the rows that have one (block height, growth).
pub fn note_input(key: &str, s: &Scenario) -> Option<f64> {
    match key {
        "block_height" => Some(s.block_height),
        "hashrate_growth_pct_month" => Some(s.hashrate_growth_pct_month),
        _ => None,
    }
}

/// Help that depends on the current value: subsidy and next halving, growth per difficulty adjustment
/// (`x` from [`note_input`]).
pub fn note_text(key: &str, x: f64) -> String {
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::view::html::check;

    #[test]
    fn every_row_builds_with_its_handles() {
        let s = Scenario::default();
        let mut h = Html::new();
        let all = crate::fields::FIELDS.iter().chain(crate::fields::GROUP_FIELDS.iter().flatten());
        let rows: Vec<RowSlots> = all.map(|f| markup(&mut h, f, &s)).collect();
        assert!(rows.iter().filter(|r| r.note.is_some()).count() == 2, "block height and growth carry a live note");
        let (m, n) = h.finish();
        assert_eq!(check(&m, n), Ok(()));
    }

    #[test]
    fn a_slider_reads_its_value_with_its_unit_and_says_when_beyond_its_range() {
        let Some(btc) = crate::fields::find("btc_price_usd") else { panic!("no BTC price field") };
        assert_eq!(value_text(btc, 95_000.0), "95,000 USD");
        assert_eq!(value_text(btc, 500_000.0), "500,000 USD (above the slider's range)");
        assert_eq!(slider_name(btc), "BTC price, USD");
        let Some(height) = crate::fields::find("block_height") else { panic!("no block height field") };
        assert_eq!(value_text(height, 925_000.0), "block 925,000");
    }

    #[test]
    fn a_groups_rows_carry_the_group_in_their_names() {
        let name = |k: &str| crate::fields::find(k).map(slider_name).unwrap_or_default();
        assert_eq!(name("machine2_hashrate_ths"), "Group 2 machine hashrate, TH/s");
        assert_eq!(name("machine6_mw"), "Group 6 power, MW");
        assert_eq!(name("machine_hashrate_ths"), "Machine hashrate, TH/s", "group 1's rows are the machine panel's");
        assert_eq!(name("fleet_mw"), "Fleet power, MW");
        let mut h = Html::new();
        if let Some(f) = crate::fields::find("machine3_count") {
            markup(&mut h, f, &Scenario::default());
        }
        let m = h.finish().0;
        assert!(m.contains("<span class=\"visually-hidden\">Group 3, </span><span class=\"label\">Machines</span>"));
    }

    /// A field's name is its label's text: label and unit must not run together ("BTC priceUSD").
    #[test]
    fn a_fields_label_keeps_its_unit_apart() {
        let mut h = Html::new();
        if let Some(f) = crate::fields::find("btc_price_usd") {
            markup(&mut h, f, &Scenario::default());
        }
        let m = h.finish().0;
        let label = m.split_once("<label").and_then(|(_, l)| l.split_once("</label>")).map(|(l, _)| l).unwrap_or("");
        let text: String = label.split('<').filter_map(|p| p.split_once('>').map(|(_, t)| t)).collect();
        assert_eq!(text, "BTC price USD");
    }

    #[test]
    fn live_notes_say_the_subsidy_and_the_growth_per_adjustment() {
        let t = note_text("block_height", 925_000.0);
        assert!(t.starts_with("Subsidy now 3.1250 BTC; next halving at block 1,050,000, in about "), "{t}");
        assert_eq!(note_text("block_height", 7_000_000.0), "No block subsidy left at this height: fees are the whole reward.");
        assert!(note_text("hashrate_growth_pct_month", 2.0).ends_with("% per difficulty adjustment (every 2,016 blocks)."));
    }
}
