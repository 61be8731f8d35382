//! Chart 1: cumulative net cash against the capex it must repay; payback and halving marked.

use crate::chart::{line_path, nice_scale, px, rows, rule_labels_collide, Svg};
use crate::components::chart_parts::{axes, level, month_axis, rule, x_range, y_range, Axis, ChartData, Layer, Readout, H};
use crate::components::chart_parts::Projection;
use crate::components::chart_words::Point;
use crate::components::kpi_defs::{show, Fmt};
use crate::format::{num, usd, usd_tick, Txt};
#[cfg(target_arch = "wasm32")]
use crate::{
    components::chart_frame::projection,
    ctx::Ctx,
    view::{dom::Bind, Html},
};
use crate::model::constants::DAYS_PER_MONTH;
use crate::model::{Results, Scenario};

pub fn chart(s: &Scenario, r: &Results, w: f64, with_table: bool) -> ChartData {
    let horizon_months = s.horizon_months;
    let capex = r.snapshot.capex_usd;
    let mut cash = vec![0.0];
    cash.extend(r.series.cumulative_cash_usd_month.iter().map(|c| c + capex));
    let months = (cash.len() - 1).max(1) as f64;
    let (x, xa) = month_axis(months, w);
    let lo = cash.iter().copied().fold(0.0_f64, f64::min);
    let hi = cash.iter().copied().fold(capex, f64::max);
    let (y, yt) = nice_scale(lo, hi, y_range(), 5);
    let pts: Vec<(f64, f64)> = cash.iter().enumerate().map(|(m, c)| (x.map(m as f64), y.map(*c))).collect();
    let at_day = |d: Option<usize>| d.map(|d| x.map(d as f64 / DAYS_PER_MONTH));
    let payback = match r.projection.payback_days {
        Some(0) if capex == 0.0 => "no capex to repay".to_string(),
        Some(d) => Txt::default().t("payback on day ").s(num(d as f64, 0)).0,
        None => Txt::default().t("no payback within ").s(show(Fmt::Months, horizon_months)).0,
    };
    // Layers, each patched on its own: a slider move mostly moves the line and the payback rule.
    let mut svg = Svg::new();
    axes(&mut svg, w, &xa, &Axis::new(&y, &yt, usd_tick, "USD"));
    let ax = svg.take();
    level(&mut svg, w, px(y.map(capex)), "capex", "capex-line");
    let lv = svg.take();
    svg.path("line-cash", &line_path(&pts));
    let line = svg.take();
    let (pay_x, halving_x) = (at_day(r.projection.payback_days), at_day(r.projection.halving_day));
    rule(&mut svg, w, pay_x, &payback, 0);
    let pay = svg.take();
    // The halving label goes a row up where it would cover the payback label.
    let row = match (pay_x, halving_x) {
        (Some(p), Some(h)) => rule_labels_collide((p, payback.len()), (h, 7), x_range(w)) as i64,
        _ => 0,
    };
    rule(&mut svg, w, halving_x, "halving", row);
    let capex_text = usd(capex);
    ChartData {
        layers: vec![
            Layer::new("axes", ax),
            Layer::new("", lv),
            Layer::new("", line),
            Layer::new("rule payback", pay),
            Layer::new("rule halving", svg.take()),
        ],
        points: cash
            .iter()
            .enumerate()
            .map(|(m, c)| Readout::at(x.map(m as f64), Point::Cash { month: m as f64, cumulative: *c, capex }))
            .collect(),
        table: if with_table {
            rows(cash.iter().enumerate().map(|(m, c)| vec![num(m as f64, 0), usd(*c), capex_text.clone()]).collect())
        } else {
            Vec::new()
        },
        desc: [
            "Cumulative net cash after power and fixed costs, by month, against the machine capex of ",
            &capex_text,
            ": ",
            &payback,
            ".",
        ]
        .concat(),
        w,
        h: H,
        ..ChartData::default()
    }
}

pub const CARD: Projection = Projection {
    id: "cash",
    chart_id: "cash-chart",
    heading: "Cumulative cash against capex",
    title: "Cumulative net cash against capex",
    caption: "Cumulative net cash by month",
    headers: &["Month", "Cumulative net cash, before capex", "Capex"],
    swatch: "",
};

#[cfg(target_arch = "wasm32")]
pub fn section(c: Ctx, h: &mut Html) -> Bind {
    projection(c, h, &CARD, chart)
}
