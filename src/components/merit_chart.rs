//! Who switches off when (issue 18): the site's running power by machine group, month by month, stacked with
//! the most efficient group at the bottom, so the merit order shows as the old generation drops out first;
//! and in words, each group's first month off. The chart, the words and the markup are pure and tested
//! natively; the section patches texts and attributes on an input (no rebuild).

use crate::chart::{int_string, nice_scale, stacked_bars, Band, Row, Svg};
use crate::components::chart_parts::{
    axes, chart, month_axis, x_range, y_range, Axis, ChartData, ChartSlots, Layer, Point, Readout, H,
};
use crate::format::{num, num_tick, plain, Txt};
use crate::model::days::Fleet;
use crate::model::{Results, Scenario, MAX_GROUPS};
use crate::state::merit::{group_rows, running_mw, switch_off_order, when_words, GroupRow};
use crate::view::{Html, Slot};
#[cfg(target_arch = "wasm32")]
use crate::{
    app::Ctx,
    components::chart_frame::Chart,
    view::dom::{effect, on, set_attr, set_opt_attr, set_text, Bind, Ev},
};
#[cfg(target_arch = "wasm32")]
use leptos::prelude::*;

/// Each group's colour class (group 1 is `g1`), on its bars and its swatch.
const CLASS: [&str; MAX_GROUPS] = ["g1", "g2", "g3", "g4", "g5", "g6"];
const SWATCH: [&str; MAX_GROUPS] = ["swatch g1", "swatch g2", "swatch g3", "swatch g4", "swatch g5", "swatch g6"];
/// The data table's row attributes: each group's running MW, exact.
const DATA: [&str; MAX_GROUPS] = ["data-g1", "data-g2", "data-g3", "data-g4", "data-g5", "data-g6"];

/// A month's running power in words: "28.4 MW · group 1 12.0 · group 3 off" (the readout and the data table
/// say it; `mw` is NaN for a group not on the site).
#[inline(never)]
pub fn running_words(mw: &[f64; MAX_GROUPS]) -> String {
    let total: f64 = mw.iter().filter(|v| !v.is_nan()).sum();
    let mut t = Txt::default().s(num(total, 1)).t(" MW");
    if mw.iter().filter(|v| !v.is_nan()).count() > 1 {
        for (g, &v) in mw.iter().enumerate().filter(|(_, v)| !v.is_nan()) {
            t = t.t(" · group ").s(int_string(g as i64 + 1)).t(" ");
            t = if v == 0.0 { t.t("off") } else { t.s(num(v, 1)) };
        }
    }
    t.0
}

/// The readout under the chart at a month: "month 10: 28.4 MW · group 1 12.0 · group 3 off".
pub fn month_words(month: f64, mw: &[f64; MAX_GROUPS]) -> String {
    Txt::default().t("month ").s(num(month, 0)).t(": ").s(running_words(mw)).0
}

/// The stacked chart of the groups' running site power (PUE included) by month; each data table row carries
/// `data-month` and each group's running MW, exact, in `data-g1` … `data-g6`.
pub fn merit_chart(s: &Scenario, r: &Results, w: f64, with_table: bool) -> ChartData {
    let fleet = Fleet::new(s);
    let mw: Vec<(usize, f64)> = fleet.groups.iter().map(|g| (g.index, g.kw * s.pue / 1000.0)).collect();
    let run = running_mw(r, &mw);
    let n = r.series.months.len();
    let (y, yt) = nice_scale(0.0, fleet.site_power_kw / 1000.0, y_range(), 5);
    let band = Band::new(n, x_range(w), 0.15);
    let (_, xa) = month_axis(n.max(1) as f64, w);
    let mut svg = Svg::new();
    axes(&mut svg, w, &xa, &Axis::new(&y, &yt, num_tick, "MW of site power running"));
    let ax = svg.take();
    // The most efficient group at the bottom: it runs longest.
    let mut order: Vec<(usize, f64)> = fleet.groups.iter().map(|g| (g.index, g.efficiency_jth)).collect();
    crate::sort::sort_small_by(&mut order, |a, b| a.1 < b.1);
    let layers: Vec<&[f64]> = order.iter().map(|&(g, _)| run[g].as_slice()).collect();
    for (rects, &(g, _)) in stacked_bars(&layers, &band, &y).iter().zip(&order) {
        svg.path(CLASS[g], &crate::chart::rects_path(rects));
    }
    let bars = svg.take();
    let (mut points, mut table) = (Vec::with_capacity(n), Vec::new());
    for m in 0..n {
        let mut at = [f64::NAN; MAX_GROUPS];
        for &(g, _) in &mw {
            at[g] = run[g][m];
        }
        points.push(Readout::at(band.center(m), Point::Merit { month: (m + 1) as f64, mw: at }));
        if with_table {
            let mut data = vec![("data-month", int_string(m as i64 + 1))];
            data.extend(mw.iter().map(|&(g, _)| (DATA[g], plain(at[g]))));
            table.push(Row { cells: vec![num((m + 1) as f64, 0), running_words(&at)], hook: None, data });
        }
    }
    ChartData {
        layers: vec![Layer::new("axes", ax), Layer::new("stack", bars)],
        points,
        table,
        desc: DESC.into(),
        w,
        h: H,
        ..ChartData::default()
    }
}

const DESC: &str = "Site power running each month, PUE included: each group's MW times the share of the month's days it runs, the most efficient group at the bottom.";

/// The lines of the words list, in the order the groups switch off: (group, text).
pub fn lines(s: &Scenario, rows: &[GroupRow]) -> Vec<(usize, String)> {
    switch_off_order(rows)
        .into_iter()
        .map(|g| (g.group, [g.row.model.as_str(), ": ", &when_words(g.first_day, s)].concat()))
        .collect()
}

/// The sentence above the list.
pub fn lead(s: &Scenario, rows: &[GroupRow]) -> &'static str {
    if !s.curtail_when_unprofitable {
        "Curtailment is off: every machine runs every day, at a loss when its revenue falls below its power cost."
    } else if rows.len() > 1 {
        "A machine group is switched off on the days its revenue falls below its power cost, so the least efficient go first:"
    } else {
        "Your machines are switched off on the days their revenue falls below their power cost; add a machine group (Machine & fleet) to see which generation goes first."
    }
}

/// The section's handles.
pub struct MeritSlots {
    pub lead: Slot,
    /// Six list items (one per possible group), each with its swatch and text.
    pub items: [(Slot, Slot, Slot); MAX_GROUPS],
    pub chart: ChartSlots,
}

/// Writes the section with its words for `rows` and the chart `d`.
pub fn card(h: &mut Html, s: &Scenario, rows: &[GroupRow], d: &ChartData) -> MeritSlots {
    h.raw("<section class=\"card chart-card merit\" id=\"fleet\" aria-labelledby=\"fleet-h\"><h2 id=\"fleet-h\">Who switches off when</h2>");
    h.open("p", "class=\"muted\"");
    let lead_slot = h.slot();
    h.text(lead(s, rows)).close("p").open("ol", "class=\"merit-list\"");
    let shown = lines(s, rows);
    let items = std::array::from_fn(|i| {
        let line = shown.get(i);
        h.open("li", "").flag("hidden", line.is_none());
        if let Some((g, _)) = line {
            h.attr("data-group", &int_string(*g as i64 + 1));
        }
        let li = h.slot();
        h.open("span", "aria-hidden=\"true\"").attr("class", line.map_or("swatch", |(g, _)| SWATCH[*g]));
        let swatch = h.slot();
        h.close("span").open("span", "");
        let text = h.slot();
        h.text(line.map_or("", |(_, t)| t.as_str())).close("span").close("li");
        (li, swatch, text)
    });
    h.close("ol");
    let caption = "Site power running by machine group and month";
    let chart = chart(h, "fleet-chart", "Site power running by machine group, month by month", d)
        .note(h, "", &d.desc)
        .table(h, caption, caption, &["Month", "Site power running"]);
    h.close("section");
    MeritSlots { lead: lead_slot, items, chart }
}

#[cfg(target_arch = "wasm32")]
pub fn section(c: Ctx, h: &mut Html) -> Bind {
    use crate::components::chart_frame::build;
    use std::rc::Rc;
    let presets: Rc<Vec<crate::state::presets::MachinePreset>> = Rc::new(crate::state::presets::machine_presets());
    let first = build(c, merit_chart, false);
    let slots = c.scenario.with_untracked(|s| {
        c.results.with_untracked(|r| {
            let rows = r.as_ref().map(|r| group_rows(s, r, &presets)).unwrap_or_default();
            card(h, s, &rows, &first)
        })
    });
    Box::new(move |dom| {
        let chart = Chart::new(dom, slots.chart, first);
        let lead_el = dom.el(slots.lead);
        let items: Vec<_> = slots.items.iter().map(|(li, sw, t)| (dom.el(*li), dom.el(*sw), dom.el(*t))).collect();
        let ch = chart.clone();
        effect(move |_| {
            c.chart_w.track();
            c.scenario.with(|s| {
                c.results.with(|r| {
                    let Some(r) = r else { return };
                    let rows = group_rows(s, r, &presets);
                    set_text(&lead_el, lead(s, &rows));
                    let shown = lines(s, &rows);
                    for (i, (li, sw, text)) in items.iter().enumerate() {
                        let line = shown.get(i);
                        set_opt_attr(li, "hidden", line.is_none().then_some(""));
                        if let Some((g, t)) = line {
                            set_attr(li, "data-group", &int_string(*g as i64 + 1));
                            set_attr(sw, "class", SWATCH[*g]);
                            set_text(text, t);
                        }
                    }
                    ch.update(merit_chart(s, r, c.chart_w.get_untracked(), ch.table_open()));
                })
            })
        });
        if let Some(details) = chart.details().cloned() {
            let ch = chart.clone();
            on(&details, Ev::Toggle, move |_| ch.update(build(c, merit_chart, ch.table_open())));
        }
    })
}

#[cfg(test)]
#[path = "merit_chart_tests.rs"]
mod tests;
