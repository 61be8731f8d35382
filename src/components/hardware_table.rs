//! Chart 4: every preset machine at the current network, fee, uptime and power price — which ones are
//! underwater today (the article's "shutting down less efficient hardware").
//!
//! An island (see `crate::dom`): markup once; on an input the rows are patched cell by cell (a BTC
//! price move changes two cells a row), and the body is rebuilt only when the row order or the selected
//! machine changes. One delegated click on the island root applies the machine of the row's button.

use crate::app::Ctx;
use crate::chart::push_escaped;
use crate::components::kpi_defs::{show, Fmt};
use crate::dom::{find, find_all, on, set_class, set_text, target, Section};
use crate::format::{num, pct, usd_kwh, Txt};
use crate::model::Scenario;
use crate::state::insights::{hardware_table, HardwareRow};
use crate::state::presets::{machine_presets, MachinePreset};
use leptos::prelude::*;
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::JsCast;
use web_sys::Element;

/// Cells after the machine name in each row: status, then these four.
const CELLS: usize = 5;

fn is_current(r: &HardwareRow, s: &Scenario) -> bool {
    r.efficiency_jth == s.machine_efficiency_jth && r.hashrate_ths == s.machine_hashrate_ths
}

fn status(r: &HardwareRow) -> &'static str {
    if r.underwater {
        "▼ underwater"
    } else if r.margin_usd_per_th_day > 0.0 {
        "▲ profitable"
    } else {
        "= breakeven"
    }
}

/// The texts of a row's cells after its name, in column order.
fn cells(r: &HardwareRow) -> [String; CELLS] {
    [
        status(r).to_string(),
        show(Fmt::UsdKwh, r.breakeven_power_price_usd_kwh),
        r.gross_margin_pct.map(pct).unwrap_or_else(|| "none".into()),
        show(Fmt::UsdPerPhDay, r.shutdown_hashprice_usd_per_ph_day),
        num(r.efficiency_jth, 1),
    ]
}

/// What decides the row structure: each row's model and whether it is the selected machine.
fn layout_key(rows: &[HardwareRow], s: &Scenario) -> String {
    let mut key = String::new();
    for r in rows {
        key.push_str(&r.model);
        key.push(if is_current(r, s) { '*' } else { '|' });
    }
    key
}

fn rows_markup(rows: &[HardwareRow], s: &Scenario) -> String {
    let mut out = String::with_capacity(rows.len() * 400);
    for r in rows {
        let current = is_current(r, s);
        out.push_str("<tr class=\"");
        if r.underwater {
            out.push_str("underwater ");
        }
        if current {
            out.push_str("current");
        }
        out.push_str("\"><th scope=\"row\"><button type=\"button\" class=\"link\" title=\"Use this machine\" data-model=\"");
        push_escaped(&mut out, &r.model);
        out.push_str("\">");
        push_escaped(&mut out, &r.model);
        out.push_str("</button>");
        if current {
            out.push_str(" <span class=\"tag\">selected</span>");
        }
        out.push_str("</th>");
        for (i, cell) in cells(r).iter().enumerate() {
            out.push_str(if i == 0 { "<td class=\"status-cell\">" } else { "<td>" });
            push_escaped(&mut out, cell);
            out.push_str("</td>");
        }
        out.push_str("</tr>");
    }
    out
}

/// "3 of 13 current models lose money on power at $0.050/kWh today. …"
fn summary(rows: &[HardwareRow], s: &Scenario) -> String {
    Txt::default()
        .s(num(rows.iter().filter(|r| r.underwater).count() as f64, 0))
        .t(" of ")
        .s(num(rows.len() as f64, 0))
        .t(" current models lose money on power at ")
        .s(usd_kwh(s.power_price_usd_kwh))
        .t("/kWh today. Sorted by breakeven power price, most resilient first.")
        .0
}

/// Keeps the summary and rows current and applies a clicked machine.
/// Event handlers run outside the reactive owner, so the context is taken here, once.
fn bind(c: Ctx, root: &Element) {
    let presets: Rc<Vec<MachinePreset>> = Rc::new(machine_presets());
    let (Some(note), Some(body)) = (find(root, "#hardware > p.muted"), find(root, "table.hardware > tbody")) else { return };
    let list = presets.clone();
    // What the body was last built from (the markup did it first); the `<td>`s of that build, row by row.
    let mut layout = c.scenario.with_untracked(|s| layout_key(&hardware_table(s, &list), s));
    let mut tds: Vec<Element> = find_all(&body, "td");
    let mut trs: Vec<Element> = find_all(&body, "tr");
    // The machine whose button was clicked, for the rebuild to give the focus back to.
    let refocus = Rc::new(RefCell::new(None::<String>));
    let pending = refocus.clone();
    crate::dom::effect(move |_| {
        c.scenario.with(|s| {
            let rows = hardware_table(s, &list);
            set_text(&note, &summary(&rows, s));
            let key = layout_key(&rows, s);
            let clicked = pending.borrow_mut().take();
            if key != layout || tds.len() != rows.len() * CELLS {
                body.set_inner_html(&rows_markup(&rows, s));
                layout = key;
                tds = find_all(&body, "td");
                trs = find_all(&body, "tr");
                // The clicked button was rebuilt: the focus goes to the same machine's new one, not the page's start.
                if let Some(model) = clicked {
                    let same = find_all(&body, "button[data-model]").into_iter().find(|b| b.get_attribute("data-model").as_deref() == Some(&*model));
                    if let Some(b) = same.and_then(|b| b.dyn_into::<web_sys::HtmlElement>().ok()) {
                        let _ = b.focus();
                    }
                }
                return;
            }
            for (i, r) in rows.iter().enumerate() {
                if let Some(tr) = trs.get(i) {
                    set_class(tr, "underwater", r.underwater);
                }
                for (j, text) in cells(r).iter().enumerate() {
                    if let Some(td) = tds.get(i * CELLS + j) {
                        set_text(td, text);
                    }
                }
            }
        })
    });
    on(root, "click", false, move |ev| {
        let Some(model) = target(&ev)
            .and_then(|el| el.closest("button[data-model]").ok().flatten())
            .and_then(|b| b.get_attribute("data-model"))
        else {
            return;
        };
        if let Some(m) = presets.iter().find(|m| m.model == model) {
            let mut next = c.scenario.get_untracked();
            if m.apply(&mut next).is_ok() {
                *refocus.borrow_mut() = Some(model);
                c.scenario.set(next);
            }
        }
    });
}

pub fn section(c: Ctx) -> Section {
    let (note, body) = c.scenario.with_untracked(|s| {
        let rows = hardware_table(s, &machine_presets());
        (summary(&rows, s), rows_markup(&rows, s))
    });
    let m = Txt::default()
        .t("<section class=\"card\" id=\"hardware\" aria-labelledby=\"hardware-h\"><h2 id=\"hardware-h\">Which machines are underwater now</h2><p class=\"muted\">")
        .s(crate::dom::esc(&note))
        .t("</p><div class=\"table-scroll\" tabindex=\"0\" role=\"region\" aria-label=\"Machines by day-0 margin\"><table class=\"hardware\"><thead><tr><th scope=\"col\">Machine</th><th scope=\"col\">Status</th>\
         <th scope=\"col\">Breakeven power</th><th scope=\"col\">Day-0 margin</th><th scope=\"col\">Shutdown hashprice</th>\
         <th scope=\"col\">J/TH</th></tr></thead><tbody>")
        .t(&body)
        .t("</tbody></table></div></section>")
        .0;
    Section::new(m, move |root| bind(c, root))
}
