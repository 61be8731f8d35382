//! Chart 3: monthly net cash as bars (losses below the zero line), with the debt payment when financed.

use crate::chart::{bars, int_string, nice_scale, px, rects_path, rows, Band, Svg};
use crate::components::chart_parts::{axes, month_axis, x_range, y_range, Axis, ChartData, Layer, Point, Readout, H};
use crate::format::{num, usd, usd_tick, Txt};
use crate::components::chart_parts::Projection;
#[cfg(target_arch = "wasm32")]
use crate::{
    app::Ctx,
    components::chart_frame::projection,
    view::{dom::Bind, Html},
};
use crate::model::{Results, Scenario};

pub fn chart(s: &Scenario, r: &Results, w: f64, with_table: bool) -> ChartData {
    let term_months = s.debt_term_months as usize;
    let monthly = &r.projection.monthly_net_usd;
    let payment = r.projection.debt_payment_usd_month;
    let n = monthly.len();
    let lo = monthly.iter().copied().fold(0.0_f64, f64::min);
    let hi = monthly.iter().copied().fold(payment, f64::max);
    let (y, yt) = nice_scale(lo, hi, y_range(), 5);
    let band = Band::new(n, x_range(w), 0.2);
    // Ticks on the month boundaries, as on the cash chart above: the bar right of tick 10 is month 11.
    let (_, xa) = month_axis(n.max(1) as f64, w);
    // Layers, each patched on its own: a slider move resizes the bars in place.
    let mut svg = Svg::new();
    axes(&mut svg, w, &xa, &Axis::new(&y, &yt, usd_tick, "USD per month"));
    let ax = svg.take();
    let (losses, gains): (Vec<_>, Vec<_>) = bars(monthly, &band, &y).into_iter().partition(|b| b.negative);
    svg.path("bar", &rects_path(&gains));
    svg.path("bar neg", &rects_path(&losses));
    let bar = svg.take();
    let debt_months = term_months.min(n);
    if payment > 0.0 && debt_months > 0 {
        let yp = int_string(px(y.map(payment)));
        // From the first month's slot edge to the last financed month's, so it stops inside the plot.
        let half = band.step_px() / 2.0;
        let x0 = int_string(px(band.center(0) - half));
        let x1 = int_string(px(band.center(debt_months - 1) + half));
        svg.path("debt-line", &["M", &x0, " ", &yp, "H", &x1].concat());
    }
    ChartData {
        layers: vec![Layer::new("axes", ax), Layer::new("bars", bar), Layer::new("", svg.take())],
        points: monthly
            .iter()
            .enumerate()
            .map(|(m, v)| {
                let debt_payment = if m < term_months { payment } else { 0.0 };
                Readout::at(band.center(m), Point::Monthly { month: (m + 1) as f64, net: *v, debt_payment })
            })
            .collect(),
        table: if with_table {
            rows(
                monthly
                    .iter()
                    .enumerate()
                    .map(|(m, v)| vec![num((m + 1) as f64, 0), usd(*v), usd(if m < term_months { payment } else { 0.0 })])
                    .collect(),
            )
        } else {
            Vec::new()
        },
        desc: if payment > 0.0 {
            Txt::default()
                .t("Net cash per month after power and fixed costs; the dashed line is the debt payment of ")
                .s(usd(payment))
                .t(" a month.")
                .0
        } else {
            "Net cash per month after power and fixed costs; bars below zero are losing months.".to_string()
        },
        w,
        h: H,
        ..ChartData::default()
    }
}

pub const CARD: Projection = Projection {
    id: "monthly",
    chart_id: "monthly-chart",
    heading: "Monthly net cash",
    title: "Monthly net cash",
    caption: "Net cash and debt payment by month",
    headers: &["Month", "Net cash", "Debt payment"],
    swatch: "",
};

#[cfg(target_arch = "wasm32")]
pub fn section(c: Ctx, h: &mut Html) -> Bind {
    projection(c, h, &CARD, chart)
}
