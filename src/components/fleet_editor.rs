//! The fleet editor (issue 18): machine groups 2–6 of the site, under group 1's rows in the Machine & fleet
//! panel. One machine stays as simple as before: until a group is added, only "Add machine group" shows.
//!
//! All five groups are written once, absent ones `hidden`; adding shows the first absent group and removing
//! sets its count to 0 (`state::fleet`: MODEL.md's absent group). A group's rows are ordinary input rows that
//! the panel types, validates and patches like every other; this module keeps the groups' boxes, their model
//! pickers and the add and remove buttons.

use crate::components::input_row::{self, RowSlots};
use crate::components::machine_picker::{self, Picker, PickerSlots};
use crate::ctx::Ctx;
use crate::fields::GROUP_FIELDS;
use crate::model::{Scenario, MAX_GROUPS};
use crate::state::fleet::{add_group, extra_groups, remove_group};
use crate::state::presets::MachinePreset;
use crate::view::dom::{on, set_opt_attr, set_text, Dom, Ev};
use crate::view::{Html, Slot};
use leptos::prelude::*;
use std::rc::Rc;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement};

/// One group's handles (0-based `group`, 1…5).
#[derive(Clone, Copy)]
struct GroupSlots {
    group: usize,
    fieldset: Slot,
    picker: PickerSlots,
    remove: Slot,
}

/// What the editor's markup hands the panel's binder.
pub struct FleetSlots {
    groups: Vec<GroupSlots>,
    add: Slot,
    full: Slot,
    status: Slot,
}

/// Said where "Add machine group" was, once the site has every group it can.
const FULL: &str = "Six machine groups is the most a site can have: remove one to add another.";

fn all_present(s: &Scenario) -> bool {
    extra_groups(s).count() == MAX_GROUPS - 1
}

fn group_name(group: usize) -> String {
    ["Machine group ", &crate::chart::int_string(group as i64 + 1)].concat()
}

/// Opens group 1's box for its picker and rows (the panel closes it): named "Machine group 1" only once the site
/// has more groups, so one machine reads as before. Returns its legend, for [`patch_group_one`].
pub fn group_one_open(h: &mut Html, s: &Scenario) -> Slot {
    h.open("fieldset", "class=\"group-one\"");
    h.open("legend", "").flag("hidden", extra_groups(s).next().is_none());
    let legend = h.slot();
    h.text(&group_name(0)).close("legend");
    legend
}

/// Names group 1's box while the site has other groups.
pub fn patch_group_one(legend: &Element, s: &Scenario) {
    set_opt_attr(legend, "hidden", extra_groups(s).next().is_none().then_some(""));
}

/// Writes the five groups (their rows go into `rows`, for the panel to bind) and the add button.
pub fn markup(h: &mut Html, s: &Scenario, presets: &[MachinePreset], rows: &mut Vec<RowSlots>) -> FleetSlots {
    let mut groups = Vec::new();
    for group in 1..MAX_GROUPS {
        h.open("fieldset", "class=\"machine-group\"").flag("hidden", !s.group(group).is_present());
        let fieldset = h.slot();
        h.el("legend", "", &group_name(group));
        let picker = machine_picker::markup(h, presets, s, group);
        for f in &GROUP_FIELDS[group - 1] {
            rows.push(input_row::markup(h, f, s));
        }
        h.open("button", "type=\"button\" class=\"remove-group\"");
        let remove = h.slot();
        let remove_words = ["Remove ", &crate::format::first_letter_case(&group_name(group), false)].concat();
        h.text(&remove_words).close("button").close("fieldset");
        groups.push(GroupSlots { group, fieldset, picker, remove });
    }
    h.open("button", "type=\"button\" class=\"add-group\"").flag("hidden", all_present(s));
    let add = h.slot();
    h.text("Add machine group").close("button");
    // In place of the button when there is no room: why it went.
    h.open("p", "class=\"groups-full\"").flag("hidden", !all_present(s));
    let full = h.slot();
    h.text(FULL).close("p");
    h.open("p", "class=\"visually-hidden\" aria-live=\"polite\"");
    let status = h.slot();
    h.close("p");
    FleetSlots { groups, add, full, status }
}

struct Group {
    group: usize,
    fieldset: Element,
    picker: Picker,
}

/// The editor in the document.
pub struct Fleet {
    groups: Vec<Group>,
    add: HtmlElement,
    full: Element,
    status: Element,
}

/// Resolves the editor and listens to its buttons and pickers.
pub fn bind(c: Ctx, dom: &Dom, slots: &FleetSlots, presets: Rc<Vec<MachinePreset>>) -> Rc<Fleet> {
    let fleet = Rc::new(Fleet {
        groups: slots
            .groups
            .iter()
            .map(|g| Group { group: g.group, fieldset: dom.el(g.fieldset), picker: Picker::new(dom, g.picker) })
            .collect(),
        add: dom.el(slots.add).unchecked_into(),
        full: dom.el(slots.full),
        status: dom.el(slots.status),
    });
    let (f, kinds) = (fleet.clone(), presets.clone());
    on(&fleet.add, Ev::Click, move |_| {
        let Some((next, group)) = c.scenario.with_untracked(|s| add_group(s, &kinds)) else { return };
        c.scenario.set(next);
        if let Some(g) = f.groups.iter().find(|g| g.group == group) {
            // Shown now (the scenario's effect runs later and agrees), so the keyboard can move into it.
            set_opt_attr(&g.fieldset, "hidden", None);
            let _ = g.picker.select.focus();
            set_text(&f.status, &[&group_name(group), " added"].concat());
        }
    });
    // The header says what a remove did, with its Undo; an embed has no header, so the editor says it.
    let header_says = c.page.with_value(|p| !p.embed);
    for g in &slots.groups {
        let (f, group) = (fleet.clone(), g.group);
        on(&dom.el(g.remove), Ev::Click, move |_| {
            // Through the header, as a replace: its Undo brings the group back with its machines.
            let scenario = c.scenario.with_untracked(|s| remove_group(s, group));
            let said = [&group_name(group), " removed."].concat();
            c.replace.set(Some(crate::ctx::Replacement { scenario, said }));
            let _ = f.add.focus();
            if !header_says {
                set_text(&f.status, &[&group_name(group), " removed"].concat());
            }
        });
    }
    for g in &fleet.groups {
        let (presets, select, group) = (presets.clone(), g.picker.select.clone(), g.group);
        on(&g.picker.select, Ev::Change, move |_| machine_picker::on_change(c, &presets, group, &select.value()));
    }
    fleet
}

/// Shows the groups on the site, hides the others, and follows each group's machine in its picker.
pub fn patch(f: &Fleet, presets: &[MachinePreset], s: &Scenario) {
    for g in &f.groups {
        set_opt_attr(&g.fieldset, "hidden", (!s.group(g.group).is_present()).then_some(""));
        machine_picker::patch(&g.picker, presets, s);
    }
    set_opt_attr(&f.add, "hidden", all_present(s).then_some(""));
    set_opt_attr(&f.full, "hidden", (!all_present(s)).then_some(""));
}
