//! The input panels: collapsible groups of inputs (`<details>` works without script and is accessible),
//! all in one island (see `crate::dom`). The markup is built once with the current values; one effect
//! then patches only the rows, notes, picker, checkbox and badge whose values changed, and three listeners
//! on the island root (`input`, `change`, `click`) serve every field by its `name` or `data-action`.

use crate::app::Ctx;
use crate::components::{input_row, live_data, machine_picker};
use crate::dom::{esc, find, on, Section};
use crate::fields::{Panel, FIELDS};
use crate::model::Scenario;
use crate::state::presets::{machine_presets, MachinePreset};
use leptos::prelude::*;
use std::rc::Rc;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlInputElement};

const CURTAIL: &str = "curtail_when_unprofitable";

/// Difficulty sits under network hashrate, watts under efficiency and MW under machines: each follows the other.
fn follower(key: &str) -> Option<&'static crate::fields::Field> {
    match key {
        "network_hashrate_ehs" => crate::fields::find("difficulty_t"),
        "machine_efficiency_jth" => crate::fields::find("machine_power_w"),
        "machine_count" => crate::fields::find("fleet_mw"),
        _ => None,
    }
}

/// `wide`: the inputs sit beside the results, so every panel but Risk starts open; in one column (phones,
/// tablets) only Market & network does, or the results would start screens below.
fn panel_markup(out: &mut String, panel: Panel, s: &Scenario, presets: &[MachinePreset], live: bool, wide: bool) {
    out.push_str("<details class=\"panel\" id=\"panel-");
    out.push_str(panel.id());
    out.push('"');
    if panel == Panel::Market || (wide && panel != Panel::Risk) {
        out.push_str(" open");
    }
    out.push_str("><summary>");
    out.push_str(&esc(panel.title()));
    out.push_str("</summary>");
    if panel == Panel::Market && live {
        live_data::markup(out, s);
    }
    if panel == Panel::Machine {
        machine_picker::markup(out, presets, s);
    }
    for f in FIELDS.iter().filter(|f| f.panel == panel) {
        input_row::markup(out, f, s);
        if let Some(g) = follower(f.key) {
            input_row::markup(out, g, s);
        }
    }
    if panel == Panel::Projection {
        out.push_str("<div class=\"input-row check-row\"><label><input type=\"checkbox\" name=\"");
        out.push_str(CURTAIL);
        out.push('"');
        if s.curtail_when_unprofitable {
            out.push_str(" checked");
        }
        out.push_str("> Switch machines off on days that lose money on power (curtail)</label></div>");
    }
    out.push_str("</details>");
}

/// Everything the island patches and its listeners serve.
struct Parts {
    rows: Vec<input_row::Row>,
    presets: Vec<MachinePreset>,
    picker: Option<machine_picker::Picker>,
    curtail: Option<HtmlInputElement>,
    live: Option<live_data::Live>,
}

fn patch(p: &Parts, s: &Scenario) {
    input_row::patch(&p.rows, s);
    if let Some(m) = &p.picker {
        machine_picker::patch(m, &p.presets, s);
    }
    if let Some(b) = p.curtail.as_ref().filter(|b| b.checked() != s.curtail_when_unprofitable) {
        b.set_checked(s.curtail_when_unprofitable);
    }
    if let Some(l) = &p.live {
        live_data::patch_badge(l, s);
    }
}

/// Event handlers run outside the reactive owner, so the context is taken here, once.
fn bind(c: Ctx, root: &Element) {
    let parts = Rc::new(Parts {
        rows: input_row::rows(root),
        presets: machine_presets(),
        picker: machine_picker::picker(root),
        curtail: find(root, "input[name=\"curtail_when_unprofitable\"]").and_then(|e| e.dyn_into().ok()),
        live: live_data::live(root),
    });

    let p = parts.clone();
    crate::dom::effect(move |_| c.scenario.with(|s| patch(&p, s)));

    let p = parts.clone();
    on(root, "input", false, move |ev| input_row::on_input(c, &p.rows, &ev));

    let p = parts.clone();
    on(root, "change", false, move |ev| {
        let Some(t) = crate::dom::target(&ev) else { return };
        match t.get_attribute("name").as_deref() {
            Some(CURTAIL) => {
                let on = t.dyn_ref::<HtmlInputElement>().is_some_and(|b| b.checked());
                c.scenario.update(|s| s.curtail_when_unprofitable = on);
            }
            Some("machine_preset") => {
                machine_picker::on_change(c, &p.presets, &crate::dom::target_value(&ev).unwrap_or_default())
            }
            _ => {}
        }
    });

    on(root, "click", false, move |ev| {
        let hit = crate::dom::target(&ev).and_then(|t| t.closest("[data-action=\"live-data\"]").ok().flatten());
        if let (Some(_), Some(l)) = (hit, &parts.live) {
            live_data::on_click(c, l);
        }
    });
}

/// Every input panel, in page order (goes inside `<aside class="inputs">`).
pub fn section(c: Ctx) -> Section {
    let live = c.page.with_value(|p| p.live);
    let presets = machine_presets();
    // The page's one-column breakpoint (style/main.css); unknown width counts as wide.
    let wide = window().inner_width().ok().and_then(|w| w.as_f64()).map_or(true, |w| w >= 1024.0);
    let mut m = String::new();
    c.scenario.with_untracked(|s| {
        for p in Panel::ALL {
            panel_markup(&mut m, p, s, &presets, live, wide);
        }
    });
    Section::new(m, move |root| bind(c, root))
}
