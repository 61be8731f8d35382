//! Who switches off when (issue 18): the site's running power by machine group, month by month, stacked with
//! the most efficient group at the bottom, so the merit order shows as the old generation drops out first;
//! and in words, each group's first month off. The chart, the words and the markup are pure and tested
//! natively; the section patches texts and attributes on an input (no rebuild).

use crate::chart::{int_string, nice_scale, rects_path, Band, Rect, Row, Svg};
use crate::components::chart_parts::{
    axes, chart, month_axis, x_range, y_range, Axis, ChartData, ChartSlots, Layer, Readout, H,
};
use crate::components::chart_words::{running_words, Point};
use crate::format::{num, num_tick, plain, Txt};
use crate::model::days::{Fleet, GroupRun};
use crate::model::{Results, Scenario, MAX_GROUPS};
use crate::state::merit::{status_words, switch_off_order, GroupRow};
use crate::state::words::by_count;
use crate::view::{Html, Slot};
#[cfg(target_arch = "wasm32")]
use crate::{
    ctx::Ctx,
    view::dom::{effect, set_text, Bind},
};
#[cfg(target_arch = "wasm32")]
use leptos::prelude::*;

/// Each group's colour class (group 1 is `g1`), on its bars and its swatch.
const CLASS: [&str; MAX_GROUPS] = ["g1", "g2", "g3", "g4", "g5", "g6"];
const SWATCH: [&str; MAX_GROUPS] = ["swatch g1", "swatch g2", "swatch g3", "swatch g4", "swatch g5", "swatch g6"];
/// The data table's row attributes: each group's running MW, exact.
const DATA: [&str; MAX_GROUPS] = ["data-g1", "data-g2", "data-g3", "data-g4", "data-g5", "data-g6"];

/// The stacked chart of the groups' running site power (PUE included) by month: a group's MW times the share
/// of the month's days it ran (`Series::group_running_days_month`), the most efficient group at the bottom.
/// Each data table row carries `data-month` and each group's running MW, exact, in `data-g1` … `data-g6`.
pub fn merit_chart(s: &Scenario, r: &Results, w: f64, with_table: bool) -> ChartData {
    let fleet = Fleet::new(s);
    let mut groups: Vec<&GroupRun> = fleet.groups.iter().collect();
    crate::sort::sort_small_by(&mut groups, |a, b| a.efficiency_jth < b.efficiency_jth);
    let n = r.series.months.len();
    // A site under 1 MW (a home miner's few kW) is drawn and said in kW: in MW its ticks would read 0.002.
    let kw = fleet.site_power_kw < 1000.0;
    let (k, label) = if kw { (1000.0, "kW of site power running") } else { (1.0, "MW of site power running") };
    let (y, yt) = nice_scale(0.0, fleet.site_power_kw / 1000.0 * k, y_range(), 5);
    let band = Band::new(n, x_range(w), 0.15);
    let (_, xa) = month_axis(n.max(1) as f64, w);
    let mut svg = Svg::new();
    axes(&mut svg, w, &xa, &Axis::new(&y, &yt, num_tick, label));
    let ax = svg.take();
    let mut rects = vec![Vec::with_capacity(n); groups.len()];
    let (mut points, mut table) = (Vec::with_capacity(n), Vec::new());
    for (m, month) in r.series.months.iter().enumerate() {
        let (mut at, mut base, x0) = ([f64::NAN; MAX_GROUPS], 0.0, band.start(m));
        for (j, group) in groups.iter().enumerate() {
            let g = group.index;
            let ran = r.series.group_running_days_month[g].get(m).copied().unwrap_or(0);
            let site_mw = group.kw * s.pue / 1000.0;
            let v = site_mw * ran as f64 / month.days.max(1) as f64;
            rects[j].push(Rect::from_px(x0, y.map(base * k), x0 + band.width_px(), y.map((base + v) * k)));
            at[g] = v;
            base += v;
        }
        points.push(Readout::at(band.center(m), Point::Merit { month: (m + 1) as f64, mw: at, kw }));
        if with_table {
            let mut data = vec![("data-month", int_string(m as i64 + 1))];
            data.extend((0..MAX_GROUPS).filter(|&g| !at[g].is_nan()).map(|g| (DATA[g], plain(at[g]))));
            table.push(Row { cells: vec![num((m + 1) as f64, 0), running_words(&at, kw)], hook: None, data });
        }
    }
    for (j, group) in groups.iter().enumerate() {
        svg.path(CLASS[group.index], &rects_path(&rects[j]));
    }
    ChartData {
        layers: vec![Layer::new("axes", ax), Layer::new("stack", svg.take())],
        points,
        table,
        desc: desc(groups.len(), s, kw),
        w,
        h: H,
        ..ChartData::default()
    }
}

/// The chart's description: each group's share, or for a site of one group its own, in the axis's unit.
fn desc(groups: usize, s: &Scenario, kw: bool) -> String {
    let whose = if groups > 1 { "each group's " } else { by_count(["the site's ", "the machine's "], s) };
    let t = Txt::default().t("Site power running each month, PUE included: ").t(whose).t(if kw { "kW" } else { "MW" });
    let t = t.t(" times the share of the month's days it runs");
    t.t(if groups > 1 { ", the most efficient group at the bottom." } else { "." }).0
}

/// The words list, in the order the groups switch off: a swatch of each group's colour (the chart's legend),
/// its name and the status phrase of its hardware table row ("▲ runs today; off from month 5").
pub fn list(h: &mut Html, s: &Scenario, rows: &[GroupRow]) {
    for g in switch_off_order(rows) {
        h.open("li", "").attr("data-group", &int_string(g.group as i64 + 1));
        h.open("span", "aria-hidden=\"true\"").attr("class", SWATCH[g.group]).close("span");
        h.text(&g.row.model).text(": ").text(&status_words(g.row.margin_usd_per_th_day, g.first_day, s)).close("li");
    }
}

/// The sentence above the list; for one group, where a merit order comes from: the Machine & fleet panel when
/// the page shows the inputs (`inputs`), which an embed may not.
pub fn lead(s: &Scenario, rows: &[GroupRow], inputs: bool) -> String {
    if !s.curtail_when_unprofitable {
        return "Curtailment is off: every machine runs every day, at a loss when its revenue falls below its power cost.".into();
    }
    if rows.len() > 1 {
        return "A machine group is switched off on the days its revenue falls below its power cost, so the least efficient go first:".into();
    }
    let who = by_count(
        [
            "Your machines are switched off on the days their revenue falls below their power cost; ",
            "Your machine is switched off on the days its revenue falls below its power cost; ",
        ],
        s,
    );
    let groups = if inputs {
        "add a machine group (Machine & fleet) to see which generation goes first."
    } else {
        "on a site of several machine groups, this shows which generation goes first."
    };
    [who, groups].concat()
}

/// The section's handles.
pub struct MeritSlots {
    pub lead: Slot,
    pub list: Slot,
    pub chart: ChartSlots,
}

/// Writes the section with its words for `rows` and the chart `d`.
pub fn card(h: &mut Html, s: &Scenario, rows: &[GroupRow], d: &ChartData, inputs: bool) -> MeritSlots {
    h.raw("<section class=\"card chart-card merit\" id=\"fleet\" aria-labelledby=\"fleet-h\"><h2 id=\"fleet-h\">Who switches off when</h2>");
    h.open("p", "class=\"muted\"");
    let lead_slot = h.slot();
    h.text(&lead(s, rows, inputs)).close("p").open("ol", "class=\"merit-list\"");
    let list_slot = h.slot();
    list(h, s, rows);
    h.close("ol");
    let caption = "Site power running by machine group and month";
    let chart = chart(h, "fleet-chart", "Site power running by machine group, month by month", d)
        .note(h, "", &d.desc)
        .table(h, caption, caption, &["Month", "Site power running"]);
    h.close("section");
    MeritSlots { lead: lead_slot, list: list_slot, chart }
}

/// Keeps the words and the chart current: the list is rewritten only when its markup changes (a group's
/// month off), the chart patched in place.
#[cfg(target_arch = "wasm32")]
pub fn section(c: Ctx, h: &mut Html) -> Bind {
    use crate::components::chart_frame::{build, keep_chart};
    use crate::state::merit::group_rows;
    let presets = crate::state::presets::machine_presets();
    let first = build(c, merit_chart, false);
    let inputs = c.page.with_value(|p| p.shows("inputs"));
    let slots = c.drawn.with_untracked(|s| {
        c.results.with_untracked(|r| {
            card(h, s, &r.as_ref().map(|r| group_rows(s, r, &presets)).unwrap_or_default(), &first, inputs)
        })
    });
    Box::new(move |dom| {
        keep_chart(c, dom, slots.chart, first, merit_chart);
        let (lead_el, list_el) = (dom.el(slots.lead), crate::view::dom::Region::new(dom.el(slots.list)));
        effect(move |_| {
            c.drawn.with(|s| {
                c.results.with(|r| {
                    let Some(r) = r else { return };
                    let rows = group_rows(s, r, &presets);
                    set_text(&lead_el, &lead(s, &rows, inputs));
                    let mut h = Html::new();
                    list(&mut h, s, &rows);
                    list_el.write(h);
                })
            })
        });
    })
}

#[cfg(test)]
#[path = "merit_chart_tests.rs"]
mod tests;
