//! Chart 2: daily hashprice against the shutdown hashprice (one line per machine group of a site); curtailed
//! days shaded.

use crate::chart::{downsample_minmax, line_path, nice_scale, px, rows, run_rects, shaded_runs, stepped, whole_ticks, Scale, Svg};
use crate::components::chart_parts::{axes, level, rule, x_range, x_tick_target, y_range, Axis, ChartData, Layer, Projection, Readout, H};
use crate::components::chart_words::Point;
use crate::components::kpi_defs::{show, Fmt};
use crate::format::{num, usd_tick, Txt};
#[cfg(target_arch = "wasm32")]
use crate::{
    components::chart_frame::projection,
    ctx::Ctx,
    view::{dom::Bind, Html},
};
use crate::model::{Results, Scenario};

/// How many days fall below the shutdown hashprice, and what happens to them: curtailed (and shaded), or run
/// at a loss when curtailment is off.
pub fn below_words(s: &Scenario, r: &Results, shutdown: f64) -> String {
    let on = s.curtail_when_unprofitable;
    let n = if on {
        r.projection.curtailed_days as f64
    } else {
        r.series.hashprice_usd_per_ph_day.iter().filter(|h| **h < shutdown).count() as f64
    };
    if on && n == 0.0 {
        return "No day falls below it.".into();
    }
    let one = n == 1.0;
    let fate = match (on, one) {
        (true, true) => "is curtailed (shaded).",
        (true, false) => "are curtailed (shaded).",
        (false, true) => "runs at a loss.",
        (false, false) => "run at a loss.",
    };
    let lead = if on { "" } else { "Curtailment is off: " };
    [lead, &show(Fmt::Days, n), if one { " falls below it and " } else { " fall below it and " }, fate].concat()
}

/// Each present group's shutdown hashprice (MODEL.md section 7), in group order: a group is off on the days
/// hashprice is below its own line, so a site of several groups has several lines and no single one.
fn group_shutdowns(r: &Results) -> Vec<(usize, f64)> {
    crate::model::present_groups(&r.snapshot.group_shutdown_hashprice_usd_per_ph_day).collect()
}

/// The description of a site of several groups: each group's line, then what the shading counts (days with at
/// least one group off) or, with curtailment off, each group's days at a loss.
pub fn groups_words(s: &Scenario, r: &Results, lines: &[(usize, f64)]) -> String {
    let hp = &r.series.hashprice_usd_per_ph_day;
    // "group 1 …, group 2 …", each group's figure after its number.
    let each = |t: Txt, figure: &dyn Fn(f64) -> String| {
        lines.iter().enumerate().fold(t, |t, (i, &(g, v))| {
            t.t(if i == 0 { "group " } else { ", group " }).s(num((g + 1) as f64, 0)).s(figure(v))
        })
    };
    let lead = Txt::default()
        .t("Daily hashprice with network growth, price drift and halvings, against each group's shutdown hashprice (");
    let mut t = each(lead, &|v| [" ", &show(Fmt::UsdPerPhDay, v)].concat());
    t = t.t("): a group is off on the days below its line. ");
    if s.curtail_when_unprofitable {
        let n = r.projection.curtailed_days as f64;
        if n == 0.0 {
            return t.t("No day falls below any group's line.").0;
        }
        let days = if n == 1.0 { " day" } else { " days" };
        return t.t("On ").s(num(n, 0)).t(days).t(" at least one group is off (shaded).").0;
    }
    t = t.t("Curtailment is off: each group runs at a loss on the days below its line (");
    let days_below = |v: f64| [": ", &show(Fmt::Days, hp.iter().filter(|h| **h < v).count() as f64)].concat();
    each(t, &days_below).t(").").0
}

pub fn chart(s: &Scenario, r: &Results, w: f64, with_table: bool) -> ChartData {
    let hp = &r.series.hashprice_usd_per_ph_day;
    let curtailed = &r.series.curtailed;
    let shutdown = r.snapshot.shutdown_hashprice_usd_per_ph_day;
    let lines = group_shutdowns(r);
    let last = (hp.len().max(2) - 1) as f64;
    let x = Scale::new((0.0, last), x_range(w));
    let lo = lines.iter().map(|l| l.1).chain(hp.iter().copied()).fold(shutdown, f64::min).min(0.0);
    let hi = lines.iter().map(|l| l.1).chain(hp.iter().copied()).fold(shutdown, f64::max);
    let (y, yt) = nice_scale(lo, hi, y_range(), 5);
    let xt: Vec<f64> = whole_ticks(0.0, last, x_tick_target(w)).into_iter().filter(|t| *t <= last).collect();
    let pts: Vec<(f64, f64)> = downsample_minmax(hp, 240).iter().map(|&(d, v)| (x.map(d as f64), y.map(v))).collect();
    // Layers, each patched on its own.
    let mut svg = Svg::new();
    for rc in run_rects(&shaded_runs(curtailed), &x, y_range().1, y_range().0) {
        svg.rect("", rc.x, rc.y, rc.w, rc.h);
    }
    let shade = svg.take();
    axes(&mut svg, w, &Axis::new(&x, &xt, |t| num(t, 0), "days"), &Axis::new(&y, &yt, usd_tick, "USD per PH/s per day"));
    let ax = svg.take();
    if lines.len() > 1 {
        // One line a group, labelled unless it would sit on a label already drawn (the description lists them all).
        let mut labelled: Vec<i64> = Vec::new();
        for &(g, v) in &lines {
            let y_px = px(y.map(v));
            if labelled.iter().any(|l| (l - y_px).abs() < 14) {
                svg.line("shutdown-line", px(x_range(w).0), y_px, px(x_range(w).1), y_px);
            } else {
                labelled.push(y_px);
                level(&mut svg, w, y_px, &["group ", &num((g + 1) as f64, 0), " shutdown"].concat(), "shutdown-line");
            }
        }
    } else {
        level(&mut svg, w, px(y.map(shutdown)), "shutdown hashprice", "shutdown-line");
    }
    let lv = svg.take();
    svg.path("line-hashprice", &line_path(&pts));
    let line = svg.take();
    rule(&mut svg, w, r.projection.halving_day.map(|d| x.map(d as f64)), "halving", 0);
    let off = |d: usize| curtailed.get(d).copied().unwrap_or(false);
    let step = (hp.len() / 60).max(1);
    ChartData {
        // The shutdown level last: its label (with a halo) reads over the line and the halving rule.
        layers: vec![
            Layer::new("curtailed", shade),
            Layer::new("axes", ax),
            Layer::new("", line),
            Layer::new("rule halving", svg.take()),
            Layer::new("", lv),
        ],
        points: stepped(hp.len(), step)
            .map(|d| Readout::at(x.map(d as f64), Point::Hashprice { day: d as f64, hashprice: hp[d], curtailed: off(d) }))
            .collect(),
        table: if with_table {
            rows(
                stepped(hp.len(), 30)
                    .map(|d| vec![num(d as f64, 0), show(Fmt::UsdPerPhDay, hp[d]), (if off(d) { "yes" } else { "no" }).to_string()])
                    .collect(),
            )
        } else {
            Vec::new()
        },
        desc: if lines.len() > 1 {
            groups_words(s, r, &lines)
        } else {
            Txt::default()
                .t("Daily hashprice with network growth, price drift and halvings, against this machine's shutdown hashprice of ")
                .s(show(Fmt::UsdPerPhDay, shutdown))
                .t(". ")
                .s(below_words(s, r, shutdown))
                .0
        },
        w,
        h: H,
        ..ChartData::default()
    }
}

pub const CARD: Projection = Projection {
    id: "hashprice",
    chart_id: "hashprice-chart",
    heading: "Hashprice against the shutdown hashprice",
    title: "Daily hashprice against shutdown hashprice",
    caption: "Hashprice every 30 days and on the last day",
    headers: &["Day", "Hashprice", "Curtailed"],
    swatch: "<span class=\"swatch swatch-shade\" aria-hidden=\"true\"></span>",
};

#[cfg(target_arch = "wasm32")]
pub fn section(c: Ctx, h: &mut Html) -> Bind {
    projection(c, h, &CARD, chart)
}
