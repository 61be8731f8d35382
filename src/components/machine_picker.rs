//! One-click machine presets (from `data/machines.csv`); picking one sets hashrate, efficiency and price.
//! Part of the inputs island: markup here, the island's `change` listener calls [`on_change`].

use crate::app::Ctx;
use crate::dom::{find, push_escaped, set_text};
use crate::format::{num, Txt};
use crate::model::Scenario;
use crate::state::presets::MachinePreset;
use leptos::prelude::*;
use std::cell::Cell;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlSelectElement};

const CUSTOM: &str = "Custom machine: set TH/s and either J/TH or watts below.";

fn matching(presets: &[MachinePreset], s: &Scenario) -> Option<usize> {
    presets.iter().position(|m| m.matches(s))
}

fn note(m: Option<&MachinePreset>) -> String {
    match m {
        // Picking a model replaces the machine price too: say so, with the figure, before a typed price is lost.
        Some(m) => Txt::default()
            .t(&m.cooling)
            .t(" cooling · ")
            .s(num(m.power_w, 0))
            .t(" W · picking it sets the machine price to ")
            .s(crate::format::usd(m.price_usd_per_th))
            .t("/TH: ")
            .t(&m.price_note)
            .t(".")
            .0,
        None => CUSTOM.into(),
    }
}

/// Appends the picker's markup, with the preset matching `s` selected.
pub fn markup(out: &mut String, presets: &[MachinePreset], s: &Scenario) {
    let at = matching(presets, s);
    out.push_str(
        "<div class=\"input-row machine-picker\"><label for=\"machine-preset\">Machine model</label>\
         <select id=\"machine-preset\" name=\"machine_preset\"><option value=\"\">Custom</option>",
    );
    for (i, m) in presets.iter().enumerate() {
        out.push_str("<option value=\"");
        out.push_str(&i.to_string());
        out.push('"');
        if at == Some(i) {
            out.push_str(" selected");
        }
        out.push('>');
        push_escaped(out, &Txt::default()
            .t(m.model.as_str())
            .t(" · ")
            .s(num(m.hashrate_ths, 0))
            .t(" TH/s · ")
            .s(num(m.efficiency_jth, 1))
            .t(" J/TH")
            .0);
        out.push_str("</option>");
    }
    out.push_str("</select><p class=\"help\">");
    push_escaped(out, &note(at.and_then(|a| presets.get(a))));
    out.push_str("</p></div>");
}

/// The picker in the document and the preset it last showed.
pub struct Picker {
    select: HtmlSelectElement,
    note: Element,
    /// `Some(matching preset)` once patched.
    last: Cell<Option<Option<usize>>>,
}

pub fn picker(root: &Element) -> Option<Picker> {
    let select = find(root, "#machine-preset")?.dyn_into::<HtmlSelectElement>().ok()?;
    let note = find(&select.parent_element()?, ".help")?;
    Some(Picker { select, note, last: Cell::new(None) })
}

/// Selects the preset the scenario's machine is (or "Custom"), when that changes.
pub fn patch(p: &Picker, presets: &[MachinePreset], s: &Scenario) {
    let at = matching(presets, s);
    if p.last.get() == Some(at) {
        return;
    }
    p.last.set(Some(at));
    let v = at.map(|a| a.to_string()).unwrap_or_default();
    if p.select.value() != v {
        p.select.set_value(&v);
    }
    set_text(&p.note, &note(at.and_then(|a| presets.get(a))));
}

/// A preset picked: hashrate, efficiency and price in one update ("Custom" changes nothing).
pub fn on_change(c: Ctx, presets: &[MachinePreset], value: &str) {
    if let Some(m) = value.parse::<usize>().ok().and_then(|i| presets.get(i)) {
        let mut next = c.scenario.get_untracked();
        if m.apply(&mut next).is_ok() {
            c.scenario.set(next);
        }
    }
}
