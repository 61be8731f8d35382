//! Chart 5: one MW used for mining versus leased to an AI/HPC tenant — revenue, profit, capex, payback.

use crate::app::ctx;
use crate::chart::{px, Scale, Svg};
use crate::components::chart_frame::{ChartData, ChartSvg};
use crate::components::kpi_defs::{show, Fmt};
use crate::format::usd;
use crate::model::Hpc;
use leptos::prelude::*;

const LABEL_W: f64 = 130.0;
const ROW_H: f64 = 56.0;

/// (metric, mining value, AI/HPC value)
fn metrics(h: &Hpc, hpc_capex_usd_mw: f64) -> [(&'static str, f64, f64); 3] {
    [
        ("Revenue per year", h.mining_revenue_usd_mw_year, h.hpc_revenue_usd_mw_year),
        ("Profit per year", h.mining_gross_profit_usd_mw_year, h.hpc_profit_usd_mw_year),
        ("Capex", h.mining_capex_usd_mw, hpc_capex_usd_mw),
    ]
}

fn payback(years: Option<f64>) -> String {
    years.map(|y| show(Fmt::Years, y)).unwrap_or_else(|| "never".into())
}

#[component]
pub fn HpcCompare() -> impl IntoView {
    let c = ctx();
    let data = Memo::new(move |_| {
        let capex = c.scenario.with(|s| s.hpc_capex_usd_mw);
        c.results.with(|r| r.as_ref().map(|r| (r.hpc.clone(), capex)))
    });
    let desc = move || {
        data.get()
            .map(|(h, _)| {
                let ratio = h.hpc_to_mining_profit_ratio.map(|r| show(Fmt::Ratio, r)).unwrap_or_else(|| "infinitely".into());
                [
                    "Per MW a year, mining earns ",
                    &usd(h.mining_gross_profit_usd_mw_year),
                    " gross profit and an AI/HPC lease ",
                    &usd(h.hpc_profit_usd_mw_year),
                    " (",
                    &ratio,
                    " as much), but AI/HPC capex pays back in ",
                    &payback(h.hpc_payback_years),
                    " against ",
                    &payback(h.mining_payback_years),
                    " for mining machines.",
                ]
                .concat()
            })
            .unwrap_or_default()
    };
    // Wide: label left of the bars; narrow: label above them, bars across the whole width.
    let chart = Memo::new(move |_| {
        let w = c.chart_w.get();
        let narrow = w < 600.0;
        let (label_w, row_h, bar_dy) = if narrow { (0.0, 74.0, 20.0) } else { (LABEL_W, ROW_H, 0.0) };
        let body = data.get().map(|(h, capex)| {
            let m = metrics(&h, capex);
            let max = m.iter().flat_map(|r| [r.1.abs(), r.2.abs()]).fold(1.0_f64, f64::max);
            // Room for the value label after the longest bar.
            let x = Scale::new((0.0, max), (0.0, w - label_w - 150.0));
            let mut svg = Svg::new();
            for (i, (label, mining, hpc)) in m.into_iter().enumerate() {
                let y = 8.0 + i as f64 * row_h;
                svg.text("tick", 0, px(y + if narrow { 12.0 } else { 24.0 }), "start", label);
                for (v, dy, class, who) in [
                    (mining, bar_dy, if mining < 0.0 { "bar-mining neg" } else { "bar-mining" }, "mining: "),
                    (hpc, bar_dy + 22.0, "bar-hpc", "AI/HPC: "),
                ] {
                    let bw = px(x.map(v.abs())).max(1);
                    svg.rect(class, px(label_w), px(y + dy), bw, 18);
                    svg.text("tick", px(label_w) + bw + 6, px(y + dy + 14.0), "start", &[who, &usd(v)].concat());
                }
            }
            svg.out
        });
        ChartData { body: body.unwrap_or_default(), desc: desc(), w, h: 3.0 * row_h + 8.0, ..ChartData::default() }
    });
    view! {
        <section class="card chart-card" id="hpc" aria-labelledby="hpc-h">
            <h2 id="hpc-h">"Mining versus AI/HPC, per MW"</h2>
            <ChartSvg id="hpc-chart" title="Mining versus AI/HPC per MW" data=chart/>
            <p class="chart-note">{desc}</p>
            <div class="table-scroll">
                <table class="compare">
                    <caption class="visually-hidden">"Mining versus AI/HPC per MW"</caption>
                    <thead><tr><th scope="col">"Per MW"</th><th scope="col">"Mining"</th><th scope="col">"AI/HPC"</th></tr></thead>
                    <tbody>
                        {move || data.get().map(|(h, capex)| view! {
                            {metrics(&h, capex).into_iter().map(|(l, a, b)| view! {
                                <tr><th scope="row">{l}</th><td>{usd(a)}</td><td>{usd(b)}</td></tr>
                            }).collect_view()}
                            <tr><th scope="row">"Payback"</th><td>{payback(h.mining_payback_years)}</td><td>{payback(h.hpc_payback_years)}</td></tr>
                        })}
                    </tbody>
                </table>
            </div>
        </section>
    }
}
