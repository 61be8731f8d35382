//! Chart 3: monthly net cash as bars (losses below the zero line), with the debt payment when financed and the
//! loan's balance on its own axis at the right.

use crate::chart::{bars, int_string, line_path, nice_scale, px, rects_path, Band, Row, Svg};
use crate::components::chart_parts::{axes, month_axis, x_range, y_range, Axis, ChartData, Layer, Readout, H};
use crate::components::chart_parts::Projection;
use crate::components::chart_words::Point;
use crate::format::{num, usd, usd_tick, Txt};
use crate::model::projection::Loan;
use crate::model::{Results, Scenario};
#[cfg(target_arch = "wasm32")]
use crate::{
    components::chart_frame::projection,
    ctx::Ctx,
    view::{dom::Bind, Html},
};

/// View-box pixels the plot gives up at the right for the loan balance's ticks.
const BALANCE_AXIS_W: f64 = 56.0;

pub fn chart(s: &Scenario, r: &Results, w: f64, with_table: bool) -> ChartData {
    let term_months = s.debt_term_months as usize;
    let monthly = &r.projection.monthly_net_usd;
    let payment = r.projection.debt_payment_usd_month;
    let balance = &r.projection.equity.loan_balance_usd;
    let loan = Loan::new(s, r.snapshot.capex_usd);
    // The plot's own width: narrower with a loan, whose balance axis takes the room at its right.
    let pw = if loan.is_some() { w - BALANCE_AXIS_W } else { w };
    let n = monthly.len();
    let lo = monthly.iter().copied().fold(0.0_f64, f64::min);
    let hi = monthly.iter().copied().fold(payment, f64::max);
    let (y, yt) = nice_scale(lo, hi, y_range(), 5);
    let band = Band::new(n, x_range(pw), 0.2);
    // Ticks on the month boundaries, as on the cash chart above: the bar right of tick 10 is month 11.
    let (_, xa) = month_axis(n.max(1) as f64, pw);
    // Layers, each patched on its own: a slider move resizes the bars in place.
    let mut svg = Svg::new();
    axes(&mut svg, pw, &xa, &Axis::new(&y, &yt, usd_tick, "USD per month"));
    let ax = svg.take();
    let (losses, gains): (Vec<_>, Vec<_>) = bars(monthly, &band, &y).into_iter().partition(|b| b.negative);
    svg.path("bar", &rects_path(&gains));
    svg.path("bar neg", &rects_path(&losses));
    let bar = svg.take();
    let debt_months = term_months.min(n);
    let half = band.step_px() / 2.0;
    if payment > 0.0 && debt_months > 0 {
        let yp = int_string(px(y.map(payment)));
        // From the first month's slot edge to the last financed month's, so it stops inside the plot.
        let x0 = int_string(px(band.center(0) - half));
        let x1 = int_string(px(band.center(debt_months - 1) + half));
        svg.path("debt-line", &["M", &x0, " ", &yp, "H", &x1].concat());
    }
    if let Some(loan) = loan.filter(|_| n > 0) {
        // The balance from the loan's start to each month's end, on its own scale.
        let (yb, ticks) = nice_scale(0.0, loan.debt_usd, y_range(), 5);
        let right = px(x_range(pw).1);
        for t in ticks {
            svg.text("tick", right + 6, px(yb.map(t)) + 4, "start", &usd_tick(t));
        }
        svg.text("axis-title", px(w - 4.0), 16, "end", "loan balance");
        let mut pts = vec![(band.center(0) - half, yb.map(loan.debt_usd))];
        pts.extend(balance.iter().enumerate().map(|(m, b)| (band.center(m) + half, yb.map(*b))));
        svg.path("balance-line", &line_path(&pts));
    }
    let (mut points, mut table) = (Vec::new(), Vec::new());
    for (m, &net) in monthly.iter().enumerate() {
        let paid = if m < term_months { payment } else { 0.0 };
        let owed = balance.get(m).copied().unwrap_or(0.0);
        points.push(Readout::at(band.center(m), Point::Monthly { month: (m + 1) as f64, net, debt_payment: paid, balance: owed }));
        if with_table {
            table.push(Row::new(vec![num((m + 1) as f64, 0), usd(net), usd(paid), usd(net - paid), usd(owed)]));
        }
    }
    ChartData {
        layers: vec![Layer::new("axes", ax), Layer::new("bars", bar), Layer::new("", svg.take())],
        points,
        table,
        desc: desc(payment, r.projection.equity.loan_balance_end_usd),
        w,
        h: H,
        ..ChartData::default()
    }
}

/// The chart's description: what the bars are, and with a loan what its two lines are.
pub fn desc(payment: f64, balance_end: f64) -> String {
    if payment <= 0.0 {
        return "Net cash per month after power and fixed costs; bars below zero are losing months.".to_string();
    }
    let t = Txt::default()
        .t("Net cash per month after power and fixed costs; the dashed line is the debt payment of ")
        .s(usd(payment))
        .t(" a month, the solid line the loan's balance (right axis)");
    if balance_end > 0.0 {
        t.t(": ").s(usd(balance_end)).t(" is left at the horizon and must be refinanced.").0
    } else {
        t.t(", repaid within the horizon.").0
    }
}

pub const CARD: Projection = Projection {
    id: "monthly",
    chart_id: "monthly-chart",
    heading: "Monthly net cash",
    title: "Monthly net cash",
    caption: "Net cash, debt service and loan balance by month",
    headers: &["Month", "Net cash", "Debt payment", "Cash after debt service", "Loan balance"],
    swatch: "",
};

#[cfg(target_arch = "wasm32")]
pub fn section(c: Ctx, h: &mut Html) -> Bind {
    projection(c, h, &CARD, chart)
}
