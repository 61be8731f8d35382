//! The input panels: collapsible groups of inputs (`<details>` works without script and is accessible).
//! Written in two sections: Market & network with the first screen (`first`), the other panels after the first
//! paint (`rest`), which keeps most of the panels' ~760 elements out of the page's first task. Each section is
//! built once with the current values; one effect then patches only the rows, notes, picker, checkbox and badge
//! whose values changed, and one `input` listener on each panel serves its rows.

use crate::components::chart_parts::TWO_COLUMNS_FROM_PX;
use crate::components::fleet_editor::{self, Fleet, FleetSlots};
use crate::components::growth_history::{self, GrowthSlots};
use crate::components::input_row::{self, RowSlots};
use crate::components::live_data::{self, Live, LiveSlots};
use crate::components::machine_picker::{self, Picker, PickerSlots};
use crate::ctx::Ctx;
use crate::fields::{Panel, DERIVED, FIELDS};
use crate::model::{Scenario, GROUP_KEYS};
use crate::state::live::LiveApplied;
use crate::state::presets::{machine_presets, MachinePreset};
use crate::state::words::{starts_collapsed, total_machines};
use crate::view::dom::{effect, on, Bind, Ev};
use crate::view::{Html, Slot};
use leptos::prelude::*;
use std::rc::Rc;
use web_sys::{Element, HtmlInputElement};

/// What the panels' markup hands its binder.
#[derive(Default)]
struct Slots {
    /// Each panel's `<details>`, which its rows' `input` events bubble to.
    panels: Vec<Slot>,
    rows: Vec<RowSlots>,
    picker: Option<PickerSlots>,
    /// Group 1's box (`fleet_editor::group_one_open`).
    group_one: Option<Slot>,
    fleet: Option<FleetSlots>,
    growth: Option<GrowthSlots>,
    curtail: Option<Slot>,
    live: Option<LiveSlots>,
}

/// `wide`: the inputs sit beside the results, so every panel but Risk starts open; in one column (phones,
/// tablets) only Market & network does, or the results would start screens below.
/// A fleet of one or two machines (a home miner, often on a phone) starts with AI/HPC and Risk closed.
fn panel_markup(h: &mut Html, slots: &mut Slots, panel: Panel, s: &Scenario, presets: &[MachinePreset], live: bool, wide: bool) {
    h.open("details", "class=\"panel\"").attr("id", &["panel-", panel.id()].concat());
    let open = panel == Panel::Market || (wide && panel != Panel::Risk);
    h.flag("open", open && !starts_collapsed(panel.id(), total_machines(s)));
    slots.panels.push(h.slot());
    h.el("summary", "", panel.title());
    if panel == Panel::Market && live {
        slots.live = Some(live_data::markup(h, s));
    }
    // Group 1's picker and rows, in a box named "Machine group 1" once the site has more groups; then the rest.
    if panel == Panel::Machine {
        slots.group_one = Some(fleet_editor::group_one_open(h, s));
        slots.picker = Some(machine_picker::markup(h, presets, s, 0));
        rows_markup(h, slots, s, panel, true);
        h.close("fieldset");
    }
    rows_markup(h, slots, s, panel, false);
    if panel == Panel::Machine {
        slots.fleet = Some(fleet_editor::markup(h, s, presets, &mut slots.rows));
    }
    if panel == Panel::Projection {
        h.raw("<div class=\"input-row check-row\"><label>");
        h.open("input", "type=\"checkbox\" name=\"curtail_when_unprofitable\"").flag("checked", s.curtail_when_unprofitable);
        slots.curtail = Some(h.slot());
        h.raw(" Switch machines off on days that lose money on power (curtail)</label></div>");
    }
    h.close("details");
}

/// The rows of `panel`'s fields that are group 1's (`group_one`) or not, each with the derived rows that follow
/// it (difficulty under network hashrate) and the growth history under the growth input.
fn rows_markup(h: &mut Html, slots: &mut Slots, s: &Scenario, panel: Panel, group_one: bool) {
    for f in FIELDS.iter().filter(|f| f.panel == panel && GROUP_KEYS[0].contains(&f.key) == group_one) {
        slots.rows.push(input_row::markup(h, f, s));
        for d in DERIVED.iter().filter(|d| d.follows == f.key) {
            slots.rows.push(input_row::markup(h, &d.field, s));
        }
        if f.key == "hashrate_growth_pct_month" {
            slots.growth = Some(growth_history::markup(h));
        }
    }
}

/// Everything the panels patch.
struct Parts {
    rows: Vec<input_row::Row>,
    presets: Rc<Vec<MachinePreset>>,
    picker: Option<Picker>,
    group_one: Option<Element>,
    fleet: Option<Rc<Fleet>>,
    curtail: Option<HtmlInputElement>,
    live: Option<Live>,
}

/// `rewrite`: the scenario was replaced whole (Reset, a preset, Undo), so every field is rewritten.
fn patch(p: &Parts, s: &Scenario, live: Option<&LiveApplied>, rewrite: bool) {
    input_row::patch(&p.rows, s, rewrite);
    if let Some(m) = &p.picker {
        machine_picker::patch(m, &p.presets, s);
    }
    if let Some(g) = &p.group_one {
        fleet_editor::patch_group_one(g, s);
    }
    if let Some(f) = &p.fleet {
        fleet_editor::patch(f, &p.presets, s);
    }
    if let Some(b) = p.curtail.as_ref().filter(|b| b.checked() != s.curtail_when_unprofitable) {
        b.set_checked(s.curtail_when_unprofitable);
    }
    if let Some(l) = &p.live {
        live_data::patch_badge(l, s, live);
        live_data::drop_stale_pending(l, s);
    }
}

/// Market & network, the panel of the first screen.
pub fn first(c: Ctx, h: &mut Html) -> Bind {
    section(c, h, &Panel::ALL[..1])
}

/// The panels below it, written after the first paint.
pub fn rest(c: Ctx, h: &mut Html) -> Bind {
    section(c, h, &Panel::ALL[1..])
}

/// `panels` in page order (inside `<aside class="inputs">`).
fn section(c: Ctx, h: &mut Html, panels: &[Panel]) -> Bind {
    let live = c.page.with_value(|p| p.live);
    let presets = machine_presets();
    // Unknown width counts as wide.
    let wide = window().inner_width().ok().and_then(|w| w.as_f64()).is_none_or(|w| w >= TWO_COLUMNS_FROM_PX);
    let mut slots = Slots::default();
    c.scenario.with_untracked(|s| {
        for &p in panels {
            panel_markup(h, &mut slots, p, s, &presets, live, wide);
        }
    });
    Box::new(move |dom| {
        let presets = Rc::new(presets);
        let parts = Rc::new(Parts {
            rows: slots.rows.iter().map(|r| input_row::Row::new(dom, r)).collect(),
            picker: slots.picker.map(|p| Picker::new(dom, p)),
            group_one: slots.group_one.map(|g| dom.el(g)),
            fleet: slots.fleet.as_ref().map(|f| fleet_editor::bind(c, dom, f, presets.clone())),
            curtail: slots.curtail.map(|b| dom.input(b)),
            live: slots.live.map(|l| Live::new(c, dom, l)),
            presets,
        });

        if let Some(g) = &slots.growth {
            growth_history::bind(c, dom, g);
        }
        let p = parts.clone();
        let seen = std::cell::Cell::new(c.replaced.get_untracked());
        effect(move |_| {
            let replaced = c.replaced.get();
            let rewrite = seen.replace(replaced) != replaced;
            c.live.with(|live| c.scenario.with(|s| patch(&p, s, live.as_ref(), rewrite)))
        });

        for &panel in &slots.panels {
            let panel = dom.el(panel);
            let p = parts.clone();
            on(&panel, Ev::Input, move |ev| input_row::on_input(c, &p.rows, &ev));
            let p = parts.clone();
            on(&panel, Ev::FocusOut, move |e| input_row::on_blur(c, &p.rows, &e));
        }

        if let Some(b) = &parts.curtail {
            let box_ = b.clone();
            on(b, Ev::Change, move |_| {
                let on = box_.checked();
                c.scenario.update(|s| s.curtail_when_unprofitable = on);
            });
        }
        if let Some(m) = &parts.picker {
            let (p, select) = (parts.clone(), m.select.clone());
            on(&m.select, Ev::Change, move |_| machine_picker::on_change(c, &p.presets, 0, &select.value()));
        }
    })
}
