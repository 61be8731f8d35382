//! Chart 4: every preset machine at the current network, fee, uptime and power price — which ones are
//! underwater today (the article's "shutting down less efficient hardware").
//!
//! Built once; on an input the rows are patched cell by cell (a BTC price move changes two cells a row), and
//! the body is rebuilt only when the row order or the selected machine changes. A row's button applies its
//! machine.

use crate::components::kpi_defs::{show, Fmt};
use crate::format::{num, pct, usd_kwh, Txt};
use crate::model::Scenario;
use crate::state::insights::HardwareRow;
use crate::view::parts::{close_scroller, header_row, open_scroller};
use crate::view::{Action, Html, Slot};
#[cfg(target_arch = "wasm32")]
use crate::{
    app::Ctx,
    state::insights::hardware_table,
    state::presets::machine_presets,
    view::dom::{effect, on_action, set_class, set_text, Bind, Dom, Ev},
};
#[cfg(target_arch = "wasm32")]
use leptos::prelude::*;
#[cfg(target_arch = "wasm32")]
use wasm_bindgen::JsCast;

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
#[cfg(target_arch = "wasm32")]
fn layout_key(rows: &[HardwareRow], s: &Scenario) -> Vec<(String, bool)> {
    rows.iter().map(|r| (r.model.clone(), is_current(r, s))).collect()
}

#[derive(Clone, Copy)]
enum Hardware {
    UseMachine,
}

impl Action for Hardware {
    const ALL: &'static [Hardware] = &[Hardware::UseMachine];
    fn name(self) -> &'static str {
        match self {
            Hardware::UseMachine => "use-machine",
        }
    }
}

/// One row's handles: the row, its button and its cells after the name.
#[derive(Clone, Copy)]
pub struct RowSlots {
    pub tr: Slot,
    pub button: Slot,
    pub cells: [Slot; CELLS],
}

/// Writes the table's body rows.
pub fn rows(h: &mut Html, rows: &[HardwareRow], s: &Scenario) -> Vec<RowSlots> {
    rows.iter()
        .map(|r| {
            let current = is_current(r, s);
            h.open(
                "tr",
                match (r.underwater, current) {
                    (true, true) => "class=\"underwater current\"",
                    (true, false) => "class=\"underwater \"",
                    (false, true) => "class=\"current\"",
                    (false, false) => "class=\"\"",
                },
            );
            let tr = h.slot();
            h.open("th", "scope=\"row\"").open("button", "type=\"button\" class=\"link\" title=\"Use this machine\"");
            h.attr("data-model", &r.model).on(Hardware::UseMachine);
            let button = h.slot();
            h.text(&r.model).close("button");
            if current {
                h.raw(" <span class=\"tag\">selected</span>");
            }
            h.close("th");
            let texts = cells(r);
            let cells = std::array::from_fn(|i| {
                h.open("td", if i == 0 { "class=\"status-cell\"" } else { "" });
                let slot = h.slot();
                h.text(&texts[i]).close("td");
                slot
            });
            h.close("tr");
            RowSlots { tr, button, cells }
        })
        .collect()
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

/// The card's handles.
pub struct HardwareSlots {
    pub note: Slot,
    pub body: Slot,
    pub rows: Vec<RowSlots>,
}

/// Writes the card with the machines of `table`.
pub fn card(h: &mut Html, table: &[HardwareRow], s: &Scenario) -> HardwareSlots {
    h.raw("<section class=\"card\" id=\"hardware\" aria-labelledby=\"hardware-h\"><h2 id=\"hardware-h\">Which machines are underwater now</h2>");
    h.open("p", "class=\"muted\"");
    let note = h.slot();
    h.text(&summary(table, s)).close("p");
    open_scroller(h, Some("Machines by day-0 margin"));
    h.raw("<table class=\"hardware\"><thead>");
    header_row(h, &["Machine", "Status", "Breakeven power", "Day-0 margin", "Shutdown hashprice", "J/TH"]);
    h.raw("</thead>").open("tbody", "");
    let body = h.slot();
    let slots = rows(h, table, s);
    h.close("tbody").close("table");
    close_scroller(h);
    h.close("section");
    HardwareSlots { note, body, rows: slots }
}

/// Keeps the summary and rows current and applies a clicked machine.
#[cfg(target_arch = "wasm32")]
pub fn section(c: Ctx, h: &mut Html) -> Bind {
    let presets = machine_presets();
    let (slots, mut layout) = c.scenario.with_untracked(|s| {
        let table = hardware_table(s, &presets);
        (card(h, &table, s), layout_key(&table, s))
    });
    Box::new(move |dom| {
        let (note, body) = (dom.el(slots.note), dom.el(slots.body));
        let resolve = |dom: &Dom, rows: &[RowSlots]| -> Vec<(web_sys::Element, web_sys::Element, Vec<web_sys::Element>)> {
            rows.iter().map(|r| (dom.el(r.tr), dom.el(r.button), r.cells.iter().map(|c| dom.el(*c)).collect())).collect()
        };
        let mut shown = resolve(dom, &slots.rows);
        // The machine whose button was clicked, for the rebuild to give the focus back to.
        let refocus = StoredValue::new(None::<String>);
        let list = presets.clone();
        let clicks = body.clone();
        effect(move |_| {
            c.scenario.with(|s| {
                let table = hardware_table(s, &list);
                set_text(&note, &summary(&table, s));
                let key = layout_key(&table, s);
                let clicked = refocus.try_update_value(Option::take).flatten();
                if key != layout {
                    let mut h = Html::new();
                    let slots = rows(&mut h, &table, s);
                    let fresh = Dom::fill(&body, h);
                    shown = resolve(&fresh, &slots);
                    layout = key;
                    // The clicked button was rebuilt: the focus goes to the same machine's new one, not the page's start.
                    if let Some(i) = clicked.and_then(|m| table.iter().position(|r| r.model == m)) {
                        if let Some(b) = shown.get(i).and_then(|(_, b, _)| b.dyn_ref::<web_sys::HtmlElement>()) {
                            let _ = b.focus();
                        }
                    }
                    return;
                }
                for (r, (tr, _, tds)) in table.iter().zip(&shown) {
                    set_class(tr, "underwater", r.underwater);
                    for (td, text) in tds.iter().zip(cells(r)) {
                        set_text(td, &text);
                    }
                }
            })
        });
        on_action(&clicks, Ev::Click, move |a, button, _| match a {
            Hardware::UseMachine => {
                let Some(model) = button.get_attribute("data-model") else { return };
                if let Some(m) = presets.iter().find(|m| m.model == model) {
                    let mut next = c.scenario.get_untracked();
                    if m.apply(&mut next).is_ok() {
                        refocus.set_value(Some(model));
                        c.scenario.set(next);
                    }
                }
            }
        });
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::state::insights::hardware_table;
    use crate::state::presets::machine_presets;
    use crate::view::html::check;

    #[test]
    fn the_table_builds_with_a_handle_per_cell_and_says_who_is_underwater() {
        let s = Scenario { power_price_usd_kwh: 0.09, ..Scenario::default() };
        let table = hardware_table(&s, &machine_presets());
        let mut h = Html::new();
        let slots = card(&mut h, &table, &s);
        assert_eq!(slots.rows.len(), table.len());
        let (m, n) = h.finish();
        assert_eq!(check(&m, n), Ok(()));
        let text = summary(&table, &s);
        assert!(text.contains(" current models lose money on power at $0.090/kWh today."), "{text}");
        assert!(table.iter().any(|r| r.underwater) && m.contains("▼ underwater"));
    }
}
