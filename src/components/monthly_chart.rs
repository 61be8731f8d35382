//! Chart 3: monthly net cash as bars (losses below the zero line), with the debt payment when financed.

use crate::app::ctx;
use crate::chart::{bars, int_string, nice_scale, px, Band};
use crate::components::chart_frame::{axes, x_range, y_range, Axis, ChartSvg, Readout};
use crate::format::{num, usd};
use leptos::prelude::*;

#[derive(Clone, Debug, PartialEq)]
struct Geometry {
    x: Axis,
    y: Axis,
    bars: Vec<(i64, i64, i64, i64, bool)>,
    debt_path: Option<String>,
    points: Vec<Readout>,
    rows: Vec<(usize, f64, f64)>,
    payment: f64,
}

fn geometry(r: &crate::model::Results, term_months: usize) -> Geometry {
    let monthly = &r.projection.monthly_net_usd;
    let payment = r.projection.debt_payment_usd_month;
    let lo = monthly.iter().copied().fold(0.0_f64, f64::min);
    let hi = monthly.iter().copied().fold(payment, f64::max);
    let (y, yt) = nice_scale(lo, hi, y_range(), 5);
    let band = Band::new(monthly.len(), x_range(), 0.2);
    let rects = bars(monthly, &band, &y).into_iter().map(|b| (b.x, b.y, b.w, b.h, b.negative)).collect();
    let n = monthly.len();
    let label_every = (n / 8).max(1);
    let xt: Vec<(i64, String)> = (0..n)
        .filter(|m| m % label_every == 0)
        .map(|m| (px(band.center(m)), num((m + 1) as f64, 0)))
        .collect();
    let debt_months = term_months.min(n);
    let debt_path = (payment > 0.0 && debt_months > 0).then(|| {
        let yp = int_string(px(y.map(payment)));
        ["M", &int_string(px(band.start(0))), " ", &yp, "H", &int_string(px(band.start(debt_months - 1) + band.step_px()))].concat()
    });
    Geometry {
        x: Axis { ticks: xt, label: "month" },
        y: Axis::new(&y, &yt, usd, "USD per month"),
        bars: rects,
        debt_path,
        points: monthly
            .iter()
            .enumerate()
            .map(|(m, v)| Readout { x_px: band.center(m), text: ["month ", &num((m + 1) as f64, 0), ": ", &usd(*v)].concat() })
            .collect(),
        rows: monthly
            .iter()
            .enumerate()
            .map(|(m, v)| (m + 1, *v, if m < term_months { payment } else { 0.0 }))
            .collect(),
        payment,
    }
}

#[component]
pub fn MonthlyChart() -> impl IntoView {
    let c = ctx();
    let geo = Memo::new(move |_| {
        let term = c.scenario.with(|s| s.debt_term_months as usize);
        c.results.with(|r| r.as_ref().map(|r| geometry(r, term)))
    });
    let points = Memo::new(move |_| geo.with(|g| g.as_ref().map(|g| g.points.clone()).unwrap_or_default()));
    let desc = Signal::derive(move || {
        geo.with(|g| match g {
            Some(g) if g.payment > 0.0 => {
                ["Net cash per month after power and fixed costs; the line is the debt payment of ", &usd(g.payment), " a month."]
                    .concat()
            }
            Some(_) => "Net cash per month after power and fixed costs; bars below zero are losing months.".to_string(),
            None => String::new(),
        })
    });
    view! {
        <section class="card chart-card" id="monthly" aria-labelledby="monthly-h">
            <h2 id="monthly-h">"Monthly net cash"</h2>
            <ChartSvg id="monthly-chart" title="Monthly net cash" desc=desc points=points>
                {move || geo.get().map(|g| view! {
                    {axes(g.x.clone(), g.y.clone())}
                    <g class="bars">
                        {g.bars.iter().map(|&(x, y, w, h, neg)| view! {
                            <rect class=if neg { "bar neg" } else { "bar" } x=int_string(x) y=int_string(y) width=int_string(w) height=int_string(h)/>
                        }).collect_view()}
                    </g>
                    {g.debt_path.clone().map(|d| view! {
                        <path class="debt-line" d=d/>
                    })}
                })}
            </ChartSvg>
            <p class="chart-note">{move || desc.get()}</p>
            <details class="data-table">
                <summary>"Data table"</summary>
                <table>
                    <caption>"Net cash and debt payment by month"</caption>
                    <thead><tr><th scope="col">"Month"</th><th scope="col">"Net cash"</th><th scope="col">"Debt payment"</th></tr></thead>
                    <tbody>
                        {move || geo.with(|g| g.as_ref().map(|g| g.rows.iter().map(|&(m, v, p)| view! {
                            <tr><td>{num(m as f64, 0)}</td><td>{usd(v)}</td><td>{usd(p)}</td></tr>
                        }).collect_view()))}
                    </tbody>
                </table>
            </details>
        </section>
    }
}
