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
use crate::state::insights::HardwareRow;
use crate::state::merit::{status_words, GroupRow};
use crate::view::parts::{close_scroller, header_row, open_scroller};
use crate::view::{Action, Html, Slot};
#[cfg(target_arch = "wasm32")]
use crate::{
    app::Ctx,
    state::insights::hardware_table,
    state::merit::{group_rows, preset_first_days},
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

/// What decides the row structure: the site's groups (their labels) and each preset row's model and whether
/// it is the selected machine.
#[cfg(target_arch = "wasm32")]
fn layout_key(groups: &[GroupRow], rows: &[HardwareRow], s: &Scenario) -> Vec<(String, bool)> {
    let site = groups.iter().map(|g| (g.row.model.clone(), true));
    site.chain(rows.iter().map(|r| (r.model.clone(), is_current(r, s)))).collect()
}

/// The `data-first-off` hook of a row: its first projected day off (0-based, MODEL.md's
/// `group_first_curtailed_day`), empty when never.
fn first_off_hook(first_day: Option<usize>) -> String {
    first_day.map(|d| crate::chart::int_string(d as i64)).unwrap_or_default()
}

/// The table's rows as the view writes them: the site's groups first, then the presets.
pub struct Lines<'a> {
    pub groups: &'a [GroupRow],
    pub presets: &'a [HardwareRow],
    /// Each preset's first day off, in `presets`' order (empty without results: none).
    pub preset_days: &'a [Option<usize>],
}

impl Lines<'_> {
    /// Each preset's first day off (none where there is no day).
    fn preset_days(&self) -> impl Iterator<Item = Option<usize>> + '_ {
        (0..self.presets.len()).map(|i| self.preset_days.get(i).copied().flatten())
    }

    /// Every row with its first day off, in table order.
    #[cfg(target_arch = "wasm32")]
    fn each(&self) -> impl Iterator<Item = (&HardwareRow, Option<usize>)> {
        let site = self.groups.iter().map(|g| (&g.row, g.first_day));
        site.chain(self.presets.iter().zip(self.preset_days()))
    }
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

/// Writes the table's body rows: the site's groups (a label, no button), then the presets.
pub fn rows(h: &mut Html, lines: &Lines, s: &Scenario) -> Vec<RowSlots> {
    let mut out = Vec::new();
    for g in lines.groups {
        h.open("tr", if g.row.underwater { "class=\"site-group underwater\"" } else { "class=\"site-group\"" });
        h.attr("data-group", &crate::chart::int_string(g.group as i64 + 1))
            .attr("data-first-off", &first_off_hook(g.first_day));
        let tr = h.slot();
        h.open("th", "scope=\"row\"");
        let button = h.slot();
        h.text(&g.row.model).close("th");
        let cells = row_cells(h, &cells(&g.row, g.first_day, s));
        h.close("tr");
        out.push(RowSlots { tr, button, cells });
    }
    out.extend(lines.presets.iter().zip(lines.preset_days()).map(|(r, first)| {
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
        h.attr("data-first-off", &first_off_hook(first));
        let tr = h.slot();
        h.open("th", "scope=\"row\"").open("button", "type=\"button\" class=\"link\" title=\"Use this machine\"");
        h.attr("data-model", &r.model).on(Hardware::UseMachine);
        let button = h.slot();
        h.text(&r.model).close("button");
        if current {
            h.raw(" <span class=\"tag\">selected</span>");
        }
        h.close("th");
        let cells = row_cells(h, &cells(r, first, s));
        h.close("tr");
        RowSlots { tr, button, cells }
    }));
    out
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

/// "3 of 13 current models lose money on power at $0.050/kWh today. …"
fn summary(rows: &[HardwareRow], s: &Scenario) -> String {
    let t = Txt::default()
        .s(num(rows.iter().filter(|r| r.underwater).count() as f64, 0))
        .t(" of ")
        .s(num(rows.len() as f64, 0))
        .t(" current models lose money on power at ")
        .s(usd_kwh(s.power_price_usd_kwh))
        .t("/kWh today");
    let t = if s.pue == 1.0 { t } else { t.t(" with the site's PUE of ").s(num(s.pue, 2)) };
    t.t(". Your site's machines first, then every model sorted by breakeven power price, most resilient first; \"off from month 10\" is the first month of the projection in which the machine would be switched off.")
        .0
}

/// The card's handles.
pub struct HardwareSlots {
    pub note: Slot,
    pub body: Slot,
    pub rows: Vec<RowSlots>,
}

/// Writes the card with the site's groups and the preset machines of `lines`.
pub fn card(h: &mut Html, lines: &Lines, s: &Scenario) -> HardwareSlots {
    h.raw("<section class=\"card\" id=\"hardware\" aria-labelledby=\"hardware-h\"><h2 id=\"hardware-h\">Which machines are underwater now, and when they switch off</h2>");
    h.open("p", "class=\"muted\"");
    let note = h.slot();
    h.text(&summary(lines.presets, s)).close("p");
    open_scroller(h, Some("Machines by day-0 margin"));
    h.raw("<table class=\"hardware\"><thead>");
    header_row(h, &["Machine", "Today and ahead", "Breakeven power", "Day-0 margin", "Shutdown hashprice", "J/TH"]);
    h.raw("</thead>").open("tbody", "");
    let body = h.slot();
    let slots = rows(h, lines, s);
    h.close("tbody").close("table");
    close_scroller(h);
    h.close("section");
    HardwareSlots { note, body, rows: slots }
}

/// Keeps the summary and rows current and applies a clicked machine.
/// The table's rows for a scenario and its results: the presets, the site's groups and the presets' first days
/// off (none without results).
#[cfg(target_arch = "wasm32")]
#[inline(never)]
fn build(
    s: &Scenario,
    r: Option<&crate::model::Results>,
    presets: &[crate::state::MachinePreset],
) -> (Vec<HardwareRow>, Vec<GroupRow>, Vec<Option<usize>>) {
    let table = hardware_table(s, presets);
    let groups = r.map(|r| group_rows(s, r, presets)).unwrap_or_default();
    let days = r.map(|r| preset_first_days(&table, r, s)).unwrap_or_default();
    (table, groups, days)
}

#[cfg(target_arch = "wasm32")]
pub fn section(c: Ctx, h: &mut Html) -> Bind {
    let presets = machine_presets();
    let (slots, mut layout) = c.scenario.with_untracked(|s| {
        c.results.with_untracked(|r| {
            let (table, groups, days) = build(s, r.as_ref(), &presets);
            let lines = Lines { groups: &groups, presets: &table, preset_days: &days };
            (card(h, &lines, s), layout_key(&groups, &table, s))
        })
    });
    Box::new(move |dom| {
        let (note, body) = (dom.el(slots.note), dom.el(slots.body));
        let resolve =
            |dom: &Dom, rows: &[RowSlots]| -> Vec<(web_sys::Element, web_sys::Element, Vec<web_sys::Element>)> {
                rows.iter()
                    .map(|r| (dom.el(r.tr), dom.el(r.button), r.cells.iter().map(|c| dom.el(*c)).collect()))
                    .collect()
            };
        let mut shown = resolve(dom, &slots.rows);
        // The machine whose button was clicked, for the rebuild to give the focus back to.
        let refocus = StoredValue::new(None::<String>);
        let list = presets.clone();
        let clicks = body.clone();
        effect(move |_| {
            c.scenario.with(|s| {
                c.results.with(|r| {
                    let (table, groups, days) = build(s, r.as_ref(), &list);
                    let lines = Lines { groups: &groups, presets: &table, preset_days: &days };
                    set_text(&note, &summary(&table, s));
                    let key = layout_key(&groups, &table, s);
                    let clicked = refocus.try_update_value(Option::take).flatten();
                    if key != layout {
                        let mut h = Html::new();
                        let slots = rows(&mut h, &lines, s);
                        let fresh = Dom::fill(&body, h);
                        shown = resolve(&fresh, &slots);
                        layout = key;
                        // The clicked button was rebuilt: the focus goes to the same machine's new one, not the page's start.
                        if let Some(i) = clicked.and_then(|m| table.iter().position(|r| r.model == m)) {
                            let b =
                                shown.get(groups.len() + i).and_then(|(_, b, _)| b.dyn_ref::<web_sys::HtmlElement>());
                            if let Some(b) = b {
                                let _ = b.focus();
                            }
                        }
                        return;
                    }
                    for ((r, first), (tr, _, tds)) in lines.each().zip(&shown) {
                        set_class(tr, "underwater", r.underwater);
                        set_attr(tr, "data-first-off", &first_off_hook(first));
                        for (td, text) in tds.iter().zip(cells(r, first, s)) {
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
        let r = crate::model::evaluate(&s).unwrap();
        let days = crate::state::merit::preset_first_days(&table, &r, &s);
        let lines = Lines { groups: &[], presets: &table, preset_days: &days };
        let slots = card(&mut h, &lines, &s);
        assert_eq!(slots.rows.len(), table.len());
        let (m, n) = h.finish();
        assert_eq!(check(&m, n), Ok(()));
        let text = summary(&table, &s);
        assert!(text.contains(" current models lose money on power at $0.090/kWh today."), "{text}");
        assert!(table.iter().any(|r| r.underwater) && m.contains("▼ underwater: off today"));
    }

    #[test]
    fn the_site_groups_come_first_and_every_row_says_when_it_switches_off() {
        use crate::model::{evaluate, GroupField};
        use crate::state::merit::{group_rows, preset_first_days};
        let mut s = Scenario { power_price_usd_kwh: 0.045, pue: 1.1, ..Scenario::default() };
        for (g, (ths, e)) in [(270.0, 13.5), (104.0, 29.5)].into_iter().enumerate() {
            s.set(Scenario::group_key(g, GroupField::HashrateThs), ths).unwrap();
            s.set(Scenario::group_key(g, GroupField::EfficiencyJth), e).unwrap();
            s.set(Scenario::group_key(g, GroupField::Count), 1000.0).unwrap();
        }
        let r = evaluate(&s).unwrap();
        let presets = machine_presets();
        let table = hardware_table(&s, &presets);
        let groups = group_rows(&s, &r, &presets);
        let days = preset_first_days(&table, &r, &s);
        let mut h = Html::new();
        let slots = card(&mut h, &Lines { groups: &groups, presets: &table, preset_days: &days }, &s);
        assert_eq!(slots.rows.len(), table.len() + 2);
        let (m, n) = h.finish();
        assert_eq!(check(&m, n), Ok(()));
        let day = r.projection.group_first_curtailed_day[1].unwrap();
        let month = (day as f64 / 30.4375).floor() as i64 + 1;
        let hook = ["data-group=\"2\" data-first-off=\"", &crate::chart::int_string(day as i64), "\""].concat();
        assert!(m.contains(&hook), "group 2 carries its first day off");
        assert!(m.contains(&["▲ runs today; off from month ", &crate::chart::int_string(month)].concat()));
        assert!(m.contains(">Group 1 · Antminer S21 XP</th>"));
        // The S19j Pro preset is the same machine as group 2: the same day, the same words.
        let i = table.iter().position(|r| r.model == "Antminer S19j Pro").unwrap();
        assert_eq!(days[i], Some(day));
        assert_eq!(cells(&table[i], days[i], &s)[0], cells(&groups[1].row, groups[1].first_day, &s)[0]);
        assert!(summary(&table, &s).contains("with the site's PUE of 1.10."));
    }
}
