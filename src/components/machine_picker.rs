//! One-click machine presets (from `data/machines.csv`); picking one sets a machine group's hashrate,
//! efficiency and price. Part of the inputs: markup here (group 1's in the panel, the other groups' in the
//! fleet editor), the panel listens to the select's `change` and calls [`on_change`].

use crate::ctx::Ctx;
use crate::format::{num, Txt};
use crate::model::Scenario;
use crate::state::presets::MachinePreset;
use crate::view::dom::{set_text, Dom};
use crate::view::{Html, Slot};
use leptos::prelude::*;
use std::cell::Cell;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlSelectElement};

const CUSTOM: &str = "Custom machine: set TH/s and either J/TH or watts below.";

fn matching(presets: &[MachinePreset], s: &Scenario, group: usize) -> Option<usize> {
    presets.iter().position(|m| m.matches_group(s, group))
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
            .t("; and the resale value today to ")
            .s(crate::format::usd(m.resale_usd_per_th))
            .t("/TH, a rough second-hand estimate, late 2025 (editable).")
            .0,
        None => CUSTOM.into(),
    }
}

#[derive(Clone, Copy)]
pub struct PickerSlots {
    group: usize,
    select: Slot,
    note: Slot,
}

/// Writes the picker of machine group `group` (0-based), with the preset matching `s` selected.
pub fn markup(h: &mut Html, presets: &[MachinePreset], s: &Scenario, group: usize) -> PickerSlots {
    let at = matching(presets, s, group);
    // Group 1's keys have no number (`machine_…`), the others' do (`machine2_…`).
    let n = if group == 0 { String::new() } else { (group + 1).to_string() };
    let id = ["machine", &n, "-preset"].concat();
    h.raw("<div class=\"input-row machine-picker\">").open("label", "").attr("for", &id).text("Machine model").close("label");
    h.open("select", "").attr("id", &id).attr("name", &["machine", &n, "_preset"].concat());
    let select = h.slot();
    h.raw("<option value=\"\">Custom</option>");
    for (i, m) in presets.iter().enumerate() {
        h.open("option", "").attr("value", &i.to_string()).flag("selected", at == Some(i));
        h.text(&Txt::default().t(m.model.as_str()).t(" · ").s(num(m.hashrate_ths, 0)).t(" TH/s · ").s(num(m.efficiency_jth, 1)).t(" J/TH").0);
        h.close("option");
    }
    h.close("select").open("p", "class=\"help\"");
    let note_slot = h.slot();
    h.text(&note(at.and_then(|a| presets.get(a)))).close("p").close("div");
    PickerSlots { group, select, note: note_slot }
}

/// The picker in the document and the preset it last showed.
pub struct Picker {
    pub group: usize,
    pub select: HtmlSelectElement,
    note: Element,
    /// `Some(matching preset)` once patched.
    last: Cell<Option<Option<usize>>>,
}

impl Picker {
    pub fn new(dom: &Dom, s: PickerSlots) -> Picker {
        Picker { group: s.group, select: dom.el(s.select).unchecked_into(), note: dom.el(s.note), last: Cell::new(None) }
    }
}

/// Selects the preset the scenario's machine is (or "Custom"), when that changes.
pub fn patch(p: &Picker, presets: &[MachinePreset], s: &Scenario) {
    let at = matching(presets, s, p.group);
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

/// A preset picked for group `group`: hashrate, efficiency and price in one update ("Custom" changes nothing).
pub fn on_change(c: Ctx, presets: &[MachinePreset], group: usize, value: &str) {
    if let Some(m) = value.parse::<usize>().ok().and_then(|i| presets.get(i)) {
        let mut next = c.scenario.get_untracked();
        if m.apply_to(&mut next, group).is_ok() {
            c.scenario.set(next);
        }
    }
}
