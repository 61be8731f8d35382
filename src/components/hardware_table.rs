//! Chart 4: the site's machine groups and every preset machine at the current network, fee, uptime, power
//! price and PUE — which ones are underwater today and when the projection first switches each off (the
//! article's "shutting down less efficient hardware"; issue 18's "who switches off when").
//!
//! Built once; on an input the rows are patched cell by cell (a BTC price move changes two cells a row), and
//! the body is rebuilt only when the row order, the site's groups or the selected machine changes. A preset
//! row's button applies its machine.

use crate::components::kpi_defs::{show, Fmt};
use crate::format::{num, pct, usd_kwh, Txt};
use crate::model::Scenario;
use crate::state::insights::hardware_table;
use crate::state::insights::HardwareRow;
use crate::state::fleet::extra_groups;
use crate::state::merit::{group_rows, preset_first_days, status_words};
use crate::state::presets::MachinePreset;
use crate::state::words::by_count;
use crate::view::{Action, Html, Slot};
use crate::view::parts::{close_scroller, header_row, open_scroller};
#[cfg(target_arch = "wasm32")]
use crate::{
    ctx::{Ctx, Replacement},
    state::presets::machine_presets,
    view::dom::{effect, on_action, set_attr, set_class, set_text, Bind, Dom, Ev},
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

/// The texts of a row's cells after its name, in column order: its status today and when the projection
/// first switches it off (`first_day`), as one phrase, then its figures.
fn cells(r: &HardwareRow, first_day: Option<usize>, s: &Scenario) -> [String; CELLS] {
    [
        status_words(r.margin_usd_per_th_day, first_day, s),
        show(Fmt::UsdKwh, r.breakeven_power_price_usd_kwh),
        r.gross_margin_pct.map(pct).unwrap_or_else(|| "none".into()),
        show(Fmt::UsdPerPhDay, r.shutdown_hashprice_usd_per_ph_day),
        num(r.efficiency_jth, 1),
    ]
}

/// One row of the table: a group of the site (`group`, 0-based) or a preset machine, with its first projected
/// day off (MODEL.md's `group_first_curtailed_day` for a group; the hashprice path for a preset).
pub struct Line {
    pub row: HardwareRow,
    pub first_day: Option<usize>,
    pub group: Option<usize>,
}

/// The table's lines: the site's groups, then every preset by breakeven power price (without results, no group
/// and no day off).
#[inline(never)]
pub fn lines(s: &Scenario, r: Option<&crate::model::Results>, presets: &[MachinePreset]) -> Vec<Line> {
    let table = hardware_table(s, presets);
    let days = r.map(|r| preset_first_days(&table, s, r)).unwrap_or_default();
    let groups = r.map(|r| group_rows(s, r, presets)).unwrap_or_default();
    let site = groups.into_iter().map(|g| Line { row: g.row, first_day: g.first_day, group: Some(g.group) });
    let rest = table.into_iter().enumerate().map(|(i, row)| Line {
        row,
        first_day: days.get(i).copied().flatten(),
        group: None,
    });
    site.chain(rest).collect()
}

/// What decides the row structure: each row's label and whether it is the selected machine (or a group).
#[cfg(target_arch = "wasm32")]
fn layout_key(lines: &[Line], s: &Scenario) -> Vec<(String, bool)> {
    lines.iter().map(|l| (l.row.model.clone(), l.group.is_some() || is_current(&l.row, s))).collect()
}

/// The `data-first-off` hook of a row: its first projected day off (0-based), empty when never.
fn first_off_hook(first_day: Option<usize>) -> String {
    first_day.map(|d| crate::chart::int_string(d as i64)).unwrap_or_default()
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

/// Writes the table's body rows: a site group's name is a label, a preset's a button that applies it.
pub fn rows(h: &mut Html, lines: &[Line], s: &Scenario) -> Vec<RowSlots> {
    lines
        .iter()
        .map(|l| {
            let r = &l.row;
            let current = l.group.is_none() && is_current(r, s);
            h.open(
                "tr",
                match (l.group.is_some(), r.underwater, current) {
                    (true, true, _) => "class=\"site-group underwater\"",
                    (true, false, _) => "class=\"site-group\"",
                    (_, true, true) => "class=\"underwater current\"",
                    (_, true, false) => "class=\"underwater \"",
                    (_, false, true) => "class=\"current\"",
                    (_, false, false) => "class=\"\"",
                },
            );
            if let Some(g) = l.group {
                h.attr("data-group", &crate::chart::int_string(g as i64 + 1));
            }
            h.attr("data-first-off", &first_off_hook(l.first_day));
            let tr = h.slot();
            h.open("th", "scope=\"row\"");
            if l.group.is_none() {
                h.open("button", "type=\"button\" class=\"link\"").attr("title", use_title(s));
                h.attr("data-model", &r.model).on(Hardware::UseMachine);
            }
            let button = h.slot();
            h.text(&r.model);
            if l.group.is_none() {
                h.close("button");
            }
            if current {
                h.raw(" <span class=\"tag\">selected</span>");
            }
            h.close("th");
            let cells = row_cells(h, &cells(r, l.first_day, s));
            h.close("tr");
            RowSlots { tr, button, cells }
        })
        .collect()
}

/// Writes a row's cells after its name.
fn row_cells(h: &mut Html, texts: &[String; CELLS]) -> [Slot; CELLS] {
    std::array::from_fn(|i| {
        h.open("td", if i == 0 { "class=\"status-cell\"" } else { "" });
        let slot = h.slot();
        h.text(&texts[i]).close("td");
        slot
    })
}

/// What a preset's button does: on a site of several groups it sets group 1's machine.
fn use_title(s: &Scenario) -> &'static str {
    if extra_groups(s).next().is_some() {
        "Use this machine for group 1"
    } else {
        "Use this machine"
    }
}

/// What a preset's button did, said beside the table: the machine clicked is now in use, or `already` was (at
/// its prices, so nothing changed). The header's status offers the Undo; the card's line points there, the
/// header being out of view.
pub fn used_words(model: &str, s: &Scenario, already: bool) -> String {
    let whose = match (extra_groups(s).next().is_some(), already) {
        (true, false) => "Group 1 now runs the ",
        (true, true) => "Group 1 already runs the ",
        (false, false) => "Now mining with the ",
        (false, true) => "Already mining with the ",
    };
    [whose, model, ", at its price and resale value."].concat()
}

/// "3 of 13 current models lose money on power at $0.050/kWh today. …" (the presets of `lines`).
fn summary(lines: &[Line], s: &Scenario) -> String {
    let presets = lines.iter().filter(|l| l.group.is_none());
    let t = Txt::default()
        .s(num(presets.clone().filter(|l| l.row.underwater).count() as f64, 0))
        .t(" of ")
        .s(num(presets.count() as f64, 0))
        .t(" current models lose money on power at ")
        .s(usd_kwh(s.power_price_usd_kwh))
        .t("/kWh today");
    let t = if s.pue == 1.0 { t } else { t.t(" with the site's PUE of ").s(num(s.pue, 2)) };
    // The site's rows are named as the merit list names them: "Your machine", "Your machines" or by group.
    let site = if lines.iter().filter(|l| l.group.is_some()).count() > 1 {
        "Your site's groups"
    } else {
        by_count(["Your machines", "Your machine"], s)
    };
    t.t(". ")
        .t(site)
        .t(" first, then every model by breakeven power price; \"off from month 10\": the first projected month \
            a machine is switched off.")
        .0
}

/// The card's handles.
pub struct HardwareSlots {
    pub note: Slot,
    /// Says what a preset's button did.
    pub status: Slot,
    pub body: Slot,
    pub rows: Vec<RowSlots>,
}

/// Writes the card with the site's groups and the preset machines of `lines`.
pub fn card(h: &mut Html, lines: &[Line], s: &Scenario) -> HardwareSlots {
    h.raw("<section class=\"card\" id=\"hardware\" aria-labelledby=\"hardware-h\"><h2 id=\"hardware-h\">Which machines are underwater now, and when they switch off</h2>");
    h.open("p", "class=\"muted\"");
    let note = h.slot();
    h.text(&summary(lines, s)).close("p");
    open_scroller(h, Some("Machines by day-0 margin"));
    h.raw("<table class=\"hardware\"><thead>");
    header_row(h, &["Machine", "Today and ahead", "Breakeven power", "Day-0 margin", "Shutdown hashprice", "J/TH"]);
    h.raw("</thead>").open("tbody", "");
    let body = h.slot();
    let slots = rows(h, lines, s);
    h.close("tbody").close("table");
    close_scroller(h);
    // Not a live region: the header's status says the same to a screen reader.
    h.open("p", "class=\"status\"");
    let status = h.slot();
    h.close("p").close("section");
    HardwareSlots { note, status, body, rows: slots }
}

/// A row of the table in the document: what a patch touches.
#[cfg(target_arch = "wasm32")]
struct ShownRow {
    tr: web_sys::Element,
    /// A preset's button that applies its machine (a site group's row: its name cell).
    button: web_sys::Element,
    cells: Vec<web_sys::Element>,
}

/// Keeps the summary and rows current and applies a clicked machine.
#[cfg(target_arch = "wasm32")]
pub fn section(c: Ctx, h: &mut Html) -> Bind {
    let presets = machine_presets();
    let embed = c.page.with_value(|p| p.embed);
    let (slots, mut layout) = c.drawn.with_untracked(|s| {
        c.results.with_untracked(|r| {
            let lines = lines(s, r.as_ref(), &presets);
            (card(h, &lines, s), layout_key(&lines, s))
        })
    });
    Box::new(move |dom| {
        let (note, body, status) = (dom.el(slots.note), dom.el(slots.body), dom.el(slots.status));
        let said = status.clone();
        let resolve = |dom: &Dom, rows: &[RowSlots]| -> Vec<ShownRow> {
            rows.iter()
                .map(|r| ShownRow {
                    tr: dom.el(r.tr),
                    button: dom.el(r.button),
                    cells: r.cells.iter().map(|c| dom.el(*c)).collect(),
                })
                .collect()
        };
        let mut shown = resolve(dom, &slots.rows);
        // The machine whose button was clicked, for the rebuild to give the focus back to.
        let refocus = StoredValue::new(None::<String>);
        // The scenario the card's status line speaks of: the next edit makes it history.
        let said_for = StoredValue::new(None::<Scenario>);
        let list = presets.clone();
        let clicks = body.clone();
        effect(move |_| {
            c.drawn.with(|s| {
                c.results.with(|r| {
                    let lines = lines(s, r.as_ref(), &list);
                    set_text(&note, &summary(&lines, s));
                    if said_for.with_value(|w| w.as_ref().is_some_and(|w| w != s)) {
                        said_for.set_value(None);
                        set_text(&said, "");
                    }
                    let key = layout_key(&lines, s);
                    let clicked = refocus.try_update_value(Option::take).flatten();
                    if key != layout {
                        let mut h = Html::new();
                        let slots = rows(&mut h, &lines, s);
                        let fresh = Dom::fill(&body, h);
                        shown = resolve(&fresh, &slots);
                        layout = key;
                        // The clicked button was rebuilt: the focus goes to the same machine's new one, not the page's start.
                        let at = clicked.and_then(|m| lines.iter().position(|l| l.group.is_none() && l.row.model == m));
                        if let Some(b) =
                            at.and_then(|i| shown.get(i)).and_then(|r| r.button.dyn_ref::<web_sys::HtmlElement>())
                        {
                            let _ = b.focus();
                        }
                        return;
                    }
                    for (l, row) in lines.iter().zip(&shown) {
                        set_class(&row.tr, "underwater", l.row.underwater);
                        set_attr(&row.tr, "data-first-off", &first_off_hook(l.first_day));
                        for (td, text) in row.cells.iter().zip(cells(&l.row, l.first_day, s)) {
                            set_text(td, &text);
                        }
                    }
                })
            })
        });
        on_action(&clicks, Ev::Click, move |a, button, _| match a {
            Hardware::UseMachine => {
                let Some(model) = button.get_attribute("data-model") else { return };
                if let Some(m) = presets.iter().find(|m| m.model == model) {
                    let mut next = c.scenario.get_untracked();
                    if m.apply(&mut next).is_err() {
                        return;
                    }
                    // Nothing changes (the machine in use, at its prices): said, and nothing to undo or refocus.
                    if c.scenario.with_untracked(|s| *s == next) {
                        set_text(&status, &used_words(&m.model, &next, true));
                        said_for.set_value(Some(next));
                        return;
                    }
                    refocus.set_value(Some(model));
                    // A replace: every input is rewritten and the header's Undo brings the machine back (an
                    // embed, without a header, has none).
                    let said = used_words(&m.model, &next, false);
                    let undo = if embed { "" } else { " Undo is at the top of the page." };
                    set_text(&status, &[&said, undo].concat());
                    said_for.set_value(Some(next.clone()));
                    c.replace.set(Some(Replacement { scenario: next, said }));
                }
            }
        });
    })
}

#[cfg(test)]
#[path = "hardware_table_tests.rs"]
mod tests;
