//! Chart 1: cumulative net cash against the capex it must repay; payback and halving marked.

use crate::app::ctx;
use crate::chart::{line_path, nice_scale, px, int_string, Scale};
use crate::components::chart_frame::{axes, rule, x_range, y_range, Axis, ChartSvg, Readout};
use crate::format::{num, usd};
use crate::model::constants::DAYS_PER_MONTH;
use leptos::prelude::*;

#[derive(Clone, Debug, PartialEq)]
struct Geometry {
    x: Axis,
    y: Axis,
    cash_path: String,
    capex_y: i64,
    payback_x: Option<f64>,
    halving_x: Option<f64>,
    payback_label: String,
    points: Vec<Readout>,
    /// (month, cumulative net cash) for the data table.
    rows: Vec<(usize, f64)>,
    capex: f64,
}

fn geometry(r: &crate::model::Results, horizon_months: f64) -> Geometry {
    let capex = r.snapshot.capex_usd;
    let mut rows = vec![(0usize, 0.0)];
    rows.extend(r.series.cumulative_cash_usd_month.iter().enumerate().map(|(m, c)| (m + 1, c + capex)));
    let lo = rows.iter().map(|p| p.1).fold(0.0_f64, f64::min);
    let hi = rows.iter().map(|p| p.1).fold(capex, f64::max);
    let months = rows.len().saturating_sub(1).max(1) as f64;
    let xt = crate::chart::nice_ticks(0.0, months, 6);
    let x = Scale::new((0.0, months), x_range());
    let (y, yt) = nice_scale(lo, hi, y_range(), 5);
    let pts: Vec<(f64, f64)> = rows.iter().map(|&(m, c)| (x.map(m as f64), y.map(c))).collect();
    let at_day = |d: Option<usize>| d.map(|d| x.map(d as f64 / DAYS_PER_MONTH));
    let payback_label = match r.projection.payback_days {
        Some(d) => ["payback day ", &num(d as f64, 0)].concat(),
        None => ["no payback in ", &num(horizon_months, 0), " months"].concat(),
    };
    Geometry {
        x: Axis::new(&x, &xt.into_iter().filter(|t| *t <= months).collect::<Vec<_>>(), |t| num(t, 0), "months"),
        y: Axis::new(&y, &yt, usd, "USD"),
        cash_path: line_path(&pts),
        capex_y: px(y.map(capex)),
        payback_x: at_day(r.projection.payback_days),
        halving_x: at_day(r.projection.halving_day),
        payback_label,
        points: rows
            .iter()
            .map(|&(m, c)| Readout {
                x_px: x.map(m as f64),
                text: ["month ", &num(m as f64, 0), ": ", &usd(c), " of ", &usd(capex)].concat(),
            })
            .collect(),
        rows,
        capex,
    }
}

#[component]
pub fn CashChart() -> impl IntoView {
    let c = ctx();
    let geo = Memo::new(move |_| {
        let h = c.scenario.with(|s| s.horizon_months);
        c.results.with(|r| r.as_ref().map(|r| geometry(r, h)))
    });
    let points = Memo::new(move |_| geo.with(|g| g.as_ref().map(|g| g.points.clone()).unwrap_or_default()));
    let desc = Signal::derive(move || {
        geo.with(|g| match g {
            Some(g) => [
                "Cumulative net cash after power and fixed costs, by month, against the machine capex of ",
                &usd(g.capex),
                ". ",
                &g.payback_label,
                ".",
            ]
            .concat(),
            None => String::new(),
        })
    });
    let (x0, x1) = x_range();
    view! {
        <section class="card chart-card" id="cash" aria-labelledby="cash-h">
            <h2 id="cash-h">"Cumulative cash against capex"</h2>
            <ChartSvg id="cash-chart" title="Cumulative net cash against capex" desc=desc points=points>
                {move || geo.get().map(|g| view! {
                    {axes(g.x.clone(), g.y.clone())}
                    <line class="capex-line" x1=int_string(px(x0)) x2=int_string(px(x1)) y1=int_string(g.capex_y) y2=int_string(g.capex_y)/>
                    <text class="series-label" x=int_string(px(x1) - 4) y=int_string(g.capex_y - 6) text-anchor="end">"capex"</text>
                    <path class="line-cash" d=g.cash_path.clone()/>
                    {rule(g.payback_x, g.payback_label.clone(), "payback")}
                    {rule(g.halving_x, "halving".to_string(), "halving")}
                })}
            </ChartSvg>
            <p class="chart-note">{move || desc.get()}</p>
            <details class="data-table">
                <summary>"Data table"</summary>
                <table>
                    <caption>"Cumulative net cash by month"</caption>
                    <thead><tr><th scope="col">"Month"</th><th scope="col">"Cumulative net cash"</th><th scope="col">"Capex"</th></tr></thead>
                    <tbody>
                        {move || geo.with(|g| g.as_ref().map(|g| g.rows.iter().map(|&(m, v)| {
                            let capex = usd(g.capex);
                            view! { <tr><td>{num(m as f64, 0)}</td><td>{usd(v)}</td><td>{capex}</td></tr> }
                        }).collect_view()))}
                    </tbody>
                </table>
            </details>
        </section>
    }
}
