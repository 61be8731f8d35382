//! Chart 2: daily hashprice against this machine's shutdown hashprice; curtailed days shaded.

use crate::app::ctx;
use crate::chart::{downsample_minmax, int_string, line_path, nice_scale, nice_ticks, px, run_rects, shaded_runs, Scale};
use crate::components::chart_frame::{axes, rule, x_range, y_range, Axis, ChartSvg, Readout};
use crate::components::kpi_defs::{show, Fmt};
use crate::format::num;
use leptos::prelude::*;

#[derive(Clone, Debug, PartialEq)]
struct Geometry {
    x: Axis,
    y: Axis,
    hashprice_path: String,
    shutdown_y: i64,
    shaded: Vec<(i64, i64, i64, i64)>,
    halving_x: Option<f64>,
    points: Vec<Readout>,
    curtailed_days: usize,
    shutdown: f64,
    /// (day, hashprice, curtailed) every 30 days, for the data table.
    rows: Vec<(usize, f64, bool)>,
}

fn geometry(r: &crate::model::Results) -> Geometry {
    let hp = &r.series.hashprice_usd_per_ph_day;
    let shutdown = r.snapshot.shutdown_hashprice_usd_per_ph_day;
    let days = hp.len().max(2);
    let x = Scale::new((0.0, (days - 1) as f64), x_range());
    let lo = hp.iter().copied().fold(shutdown, f64::min).min(0.0);
    let hi = hp.iter().copied().fold(shutdown, f64::max);
    let (y, yt) = nice_scale(lo, hi, y_range(), 5);
    let sampled = downsample_minmax(hp, 240);
    let pts: Vec<(f64, f64)> = sampled.iter().map(|&(d, v)| (x.map(d as f64), y.map(v))).collect();
    let (top, bottom) = (y_range().1, y_range().0);
    let shaded = run_rects(&shaded_runs(&r.series.curtailed), &x, top, bottom)
        .into_iter()
        .map(|rc| (rc.x, rc.y, rc.w, rc.h))
        .collect();
    let xt = nice_ticks(0.0, (days - 1) as f64, 6);
    let step = (hp.len() / 60).max(1);
    Geometry {
        x: Axis::new(&x, &xt.into_iter().filter(|t| *t <= (days - 1) as f64).collect::<Vec<_>>(), |t| num(t, 0), "days"),
        y: Axis::new(&y, &yt, |v| show(Fmt::Usd, v), "USD per PH/s per day"),
        hashprice_path: line_path(&pts),
        shutdown_y: px(y.map(shutdown)),
        shaded,
        halving_x: r.projection.halving_day.map(|d| x.map(d as f64)),
        points: (0..hp.len())
            .step_by(step)
            .map(|d| Readout {
                x_px: x.map(d as f64),
                text: [
                    "day ",
                    &num(d as f64, 0),
                    ": ",
                    &show(Fmt::UsdPerPhDay, hp[d]),
                    if r.series.curtailed.get(d).copied().unwrap_or(false) { " (curtailed)" } else { "" },
                ]
                .concat(),
            })
            .collect(),
        curtailed_days: r.projection.curtailed_days,
        shutdown,
        rows: (0..hp.len()).step_by(30).map(|d| (d, hp[d], r.series.curtailed[d])).collect(),
    }
}

#[component]
pub fn HashpriceChart() -> impl IntoView {
    let c = ctx();
    let geo = Memo::new(move |_| c.results.with(|r| r.as_ref().map(geometry)));
    let points = Memo::new(move |_| geo.with(|g| g.as_ref().map(|g| g.points.clone()).unwrap_or_default()));
    let desc = Signal::derive(move || {
        geo.with(|g| match g {
            Some(g) => [
                "Daily hashprice with network growth, price drift and halvings, against this machine's shutdown hashprice of ",
                &show(Fmt::UsdPerPhDay, g.shutdown),
                ". ",
                &num(g.curtailed_days as f64, 0),
                " days fall below it and are curtailed (shaded).",
            ]
            .concat(),
            None => String::new(),
        })
    });
    let (x0, x1) = x_range();
    view! {
        <section class="card chart-card" id="hashprice" aria-labelledby="hashprice-h">
            <h2 id="hashprice-h">"Hashprice against the shutdown hashprice"</h2>
            <ChartSvg id="hashprice-chart" title="Daily hashprice against shutdown hashprice" desc=desc points=points>
                {move || geo.get().map(|g| view! {
                    <g class="curtailed" aria-hidden="true">
                        {g.shaded.iter().map(|&(x, y, w, h)| view! {
                            <rect x=int_string(x) y=int_string(y) width=int_string(w) height=int_string(h)/>
                        }).collect_view()}
                    </g>
                    {axes(g.x.clone(), g.y.clone())}
                    <line class="shutdown-line" x1=int_string(px(x0)) x2=int_string(px(x1)) y1=int_string(g.shutdown_y) y2=int_string(g.shutdown_y)/>
                    <text class="series-label" x=int_string(px(x1) - 4) y=int_string(g.shutdown_y - 6) text-anchor="end">"shutdown hashprice"</text>
                    <path class="line-hashprice" d=g.hashprice_path.clone()/>
                    {rule(g.halving_x, "halving".to_string(), "halving")}
                })}
            </ChartSvg>
            <p class="chart-note">
                <span class="swatch swatch-shade" aria-hidden="true"></span>
                {move || desc.get()}
            </p>
            <details class="data-table">
                <summary>"Data table"</summary>
                <table>
                    <caption>"Hashprice every 30 days"</caption>
                    <thead><tr><th scope="col">"Day"</th><th scope="col">"Hashprice"</th><th scope="col">"Curtailed"</th></tr></thead>
                    <tbody>
                        {move || geo.with(|g| g.as_ref().map(|g| g.rows.iter().map(|&(d, v, off)| view! {
                            <tr><td>{num(d as f64, 0)}</td><td>{show(Fmt::UsdPerPhDay, v)}</td><td>{if off { "yes" } else { "no" }}</td></tr>
                        }).collect_view()))}
                    </tbody>
                </table>
            </details>
        </section>
    }
}
