//! Risk (MODEL.md sections 5–6): Monte Carlo odds, fan chart, tornado and NPV heatmap.
//!
//! The work runs right after the frame that shows the new KPIs and deterministic charts has been painted,
//! so they never wait for it; a newer input supersedes a pending run. A result computed for an older scenario is
//! marked stale (`data-stale="true"`, `aria-busy`) until the fresh one arrives, never shown as current.

use crate::app::ctx;
use crate::chart::{
    area_path, css_hex, diverging_color, heatmap_cell, line_path, nice_scale, nice_ticks, px, table_rows, zero_contour, Scale,
    Svg,
};
use crate::components::chart_frame::{axes, level, rule, x_range, y_range, Axis, ChartBlock, ChartData, DataTable, Readout};
use crate::components::kpi_defs::{show, Fmt};
use crate::fields::find;
use crate::format::{num, pct, plain, usd};
use crate::model::risk::{heatmap_multiplier, HEATMAP_STEPS};
use crate::model::{evaluate_risk, RiskResults, Scenario};
use leptos::prelude::*;
use std::time::Duration;

/// A risk result and the scenario it belongs to.
#[derive(Clone, Debug, PartialEq)]
pub struct RiskState {
    pub scenario: Scenario,
    pub results: RiskResults,
}

#[component]
pub fn RiskPanel() -> impl IntoView {
    let c = ctx();
    let state = RwSignal::new(None::<RiskState>);
    // Each input bumps the generation; a scheduled run that is no longer the latest does nothing.
    let generation = StoredValue::new(0u64);
    Effect::new(move |_| {
        let s = c.scenario.get();
        generation.update_value(|g| *g += 1);
        let mine = generation.get_value();
        // After the next frame is painted (KPIs and deterministic charts first), then compute.
        request_animation_frame(move || {
            set_timeout(
                move || {
                    if generation.get_value() != mine {
                        return;
                    }
                    if let Ok(results) = evaluate_risk(&s) {
                        state.set(Some(RiskState { scenario: s, results }));
                    }
                },
                Duration::from_millis(0),
            );
        });
    });
    let stale = Memo::new(move |_| state.with(|st| st.as_ref().is_none_or(|st| c.scenario.with(|s| *s != st.scenario))));
    let results = Memo::new(move |_| state.with(|st| st.as_ref().map(|st| st.results.clone())));
    let horizon = Memo::new(move |_| state.with(|st| st.as_ref().map(|st| st.scenario.horizon_months).unwrap_or(36.0)));

    let kpi = move |key: &'static str, label: &'static str, value: fn(&RiskResults) -> f64, fmt: fn(f64) -> String| {
        let v = Memo::new(move |_| results.with(|r| r.as_ref().map(value)));
        view! {
            <div class="kpi" data-kpi=key data-value=move || v.get().map(plain).unwrap_or_default()>
                <span class="kpi-label">{label}</span>
                <output class="kpi-value">{move || v.get().map(fmt).unwrap_or_else(|| "computing…".into())}</output>
            </div>
        }
    };
    let prob = |x: f64| pct(100.0 * x);
    view! {
        <section class="card risk" id="risk" aria-labelledby="risk-h" data-stale=move || stale.get().to_string() aria-busy=move || stale.get().to_string()>
            <h2 id="risk-h">"Risk: the odds this machine pays back"</h2>
            <p class="muted">
                {move || c.scenario.with(|s| [
                    &num(s.mc_paths, 0), " simulated BTC price paths at ", &pct(s.btc_volatility_pct_year),
                    " yearly volatility (seed ", &num(s.mc_seed, 0), "); network growth, halvings and curtailment as above. Edit them under Risk in the inputs.",
                ].concat())}
                <span class="stale-note">{move || if stale.get() { " Updating…" } else { "" }}</span>
            </p>
            <div class="kpi-grid">
                {kpi("mc_payback_probability", "P(payback within the horizon)", |r| r.risk.mc_payback_probability, prob)}
                {kpi("mc_npv_positive_probability", "P(NPV > 0)", |r| r.risk.mc_npv_positive_probability, prob)}
                {kpi("mc_npv_usd_p10", "NPV, P10 (bad case)", |r| r.risk.mc_npv_usd_p10, usd)}
                {kpi("mc_npv_usd_p50", "NPV, P50 (median)", |r| r.risk.mc_npv_usd_p50, usd)}
                {kpi("mc_npv_usd_p90", "NPV, P90 (good case)", |r| r.risk.mc_npv_usd_p90, usd)}
            </div>
            <FanChart results=results horizon=horizon/>
            <Tornado results=results/>
            <Heatmap results=results/>
        </section>
    }
}

fn fan_chart(r: &RiskResults, capex: f64, halving_day: Option<usize>, horizon_months: f64) -> ChartData {
    let risk = &r.risk;
    // Cumulative net cash with the capex added back, against the capex line, like the deterministic chart.
    let add = |v: &[f64]| -> Vec<f64> { std::iter::once(0.0).chain(v.iter().map(|x| x + capex)).collect() };
    let (p10, p50, p90) = (add(&risk.mc_cum_cash_usd_p10), add(&risk.mc_cum_cash_usd_p50), add(&risk.mc_cum_cash_usd_p90));
    let months = (p50.len() - 1).max(1) as f64;
    let x = Scale::new((0.0, months), x_range());
    let lo = p10.iter().copied().fold(0.0_f64, f64::min);
    let hi = p90.iter().copied().fold(capex, f64::max);
    let (y, yt) = nice_scale(lo, hi, y_range(), 5);
    let xs: Vec<f64> = (0..p50.len()).map(|m| x.map(m as f64)).collect();
    let ys = |v: &[f64]| v.iter().map(|c| y.map(*c)).collect::<Vec<_>>();
    let xt: Vec<f64> = nice_ticks(0.0, months, 6).into_iter().filter(|t| *t <= months).collect();
    let mut svg = Svg::new();
    axes(&mut svg, &Axis::new(&x, &xt, |t| num(t, 0), "months"), &Axis::new(&y, &yt, usd, "USD"));
    svg.path("fan-band", &area_path(&xs, &ys(&p10), &ys(&p90)));
    level(&mut svg, px(y.map(capex)), "capex", "capex-line");
    svg.path("line-cash", &line_path(&xs.iter().copied().zip(ys(&p50)).collect::<Vec<_>>()));
    rule(&mut svg, halving_day.map(|d| x.map(d as f64 / crate::model::constants::DAYS_PER_MONTH)), "halving", "halving");
    let row = |m: usize| vec![num(m as f64, 0), usd(p10[m]), usd(p50[m]), usd(p90[m])];
    ChartData {
        body: svg.out,
        points: (0..p50.len())
            .map(|m| Readout {
                x_px: xs[m],
                text: ["month ", &num(m as f64, 0), ": P10 ", &usd(p10[m]), " · P50 ", &usd(p50[m]), " · P90 ", &usd(p90[m])].concat(),
            })
            .collect(),
        table: table_rows(&(0..p50.len()).map(row).collect::<Vec<_>>()),
        desc: [
            "Cumulative net cash by month across simulated price paths: the band spans the 10th to 90th percentile, the line is the median. ",
            &pct(100.0 * risk.mc_payback_probability),
            " of paths repay the capex within ",
            &num(horizon_months, 0),
            " months.",
        ]
        .concat(),
    }
}

#[component]
fn FanChart(results: Memo<Option<RiskResults>>, horizon: Memo<f64>) -> impl IntoView {
    let c = ctx();
    let data = Memo::new(move |_| {
        let capex = c.results.with(|r| r.as_ref().map(|r| r.snapshot.capex_usd).unwrap_or(0.0));
        let halving = c.results.with(|r| r.as_ref().and_then(|r| r.projection.halving_day));
        results.with(|r| r.as_ref().map(|r| fan_chart(r, capex, halving, horizon.get())).unwrap_or_default())
    });
    view! {
        <h3>"Cumulative cash, P10–P90 across price paths"</h3>
        <ChartBlock id="fan-chart" title="Fan chart of cumulative net cash" caption="Cumulative net cash percentiles by month"
            headers=&["Month", "P10", "P50", "P90"] data=data/>
    }
}

fn input_value(key: &str, v: f64) -> String {
    let f = find(key);
    let decimals = f.map(|f| f.decimals).unwrap_or(2);
    let unit = f.map(|f| f.unit).unwrap_or("");
    let decimals = if v != 0.0 && v.abs() < 1.0 { decimals.max(3) } else { decimals };
    [num(v, decimals).as_str(), " ", unit].concat()
}

fn label_of(key: &str) -> &'static str {
    find(key).map(|f| f.label).unwrap_or("input")
}

const TORNADO_ROW: f64 = 34.0;
const TORNADO_LABEL: f64 = 250.0;

fn tornado_chart(r: &RiskResults, base_npv: f64) -> ChartData {
    let mut rows = r.tornado.clone();
    rows.sort_by(|a, b| (b.npv_high_usd - b.npv_low_usd).abs().total_cmp(&(a.npv_high_usd - a.npv_low_usd).abs()));
    let lo = rows.iter().flat_map(|r| [r.npv_low_usd, r.npv_high_usd]).fold(base_npv, f64::min);
    let hi = rows.iter().flat_map(|r| [r.npv_low_usd, r.npv_high_usd]).fold(base_npv, f64::max);
    let (x, ticks) = nice_scale(lo, hi, (TORNADO_LABEL, 700.0), 4);
    let bx = x.map(base_npv);
    let total_h = TORNADO_ROW * rows.len() as f64 + 10.0;
    let mut svg = Svg::new();
    for t in &ticks {
        let tx = px(x.map(*t));
        svg.line("grid", tx, 4, tx, px(total_h));
        svg.text("tick", tx, px(total_h + 16.0), "middle", &usd(*t));
    }
    for (i, r) in rows.iter().enumerate() {
        let y = px(8.0 + i as f64 * TORNADO_ROW);
        let label = [label_of(r.key), ": ", &input_value(r.key, r.low_input), " → ", &input_value(r.key, r.high_input)].concat();
        svg.text("tick", 0, y + 15, "start", &label);
        for (v, class) in [(r.npv_low_usd, "bar-low"), (r.npv_high_usd, "bar-high")] {
            let (a, z) = (px(bx.min(x.map(v))), px(bx.max(x.map(v))));
            svg.rect(class, a, y, (z - a).max(1), 20);
        }
    }
    svg.line("axis", px(bx), 0, px(bx), px(total_h));
    ChartData {
        body: svg.out,
        points: Vec::new(),
        table: rows
            .iter()
            .map(|r| {
                // `data-tornado` names the input, a stable hook for tests.
                let cells = table_rows(&[vec![
                    label_of(r.key).to_string(),
                    input_value(r.key, r.low_input),
                    usd(r.npv_low_usd),
                    input_value(r.key, r.high_input),
                    usd(r.npv_high_usd),
                ]]);
                cells.replacen("<tr>", &["<tr data-tornado=\"", r.key, "\">"].concat(), 1)
            })
            .collect(),
        desc: rows
            .first()
            .map(|top| {
                ["NPV when each input moves to its low and high value, sorted by swing. The largest swing comes from ", label_of(top.key), "."]
                    .concat()
            })
            .unwrap_or_default(),
    }
}

#[component]
fn Tornado(results: Memo<Option<RiskResults>>) -> impl IntoView {
    let c = ctx();
    let data = Memo::new(move |_| {
        let base = c.results.with(|r| r.as_ref().map(|r| r.projection.npv_usd).unwrap_or(0.0));
        results.with(|r| r.as_ref().map(|r| tornado_chart(r, base)).unwrap_or_default())
    });
    let rows = Memo::new(move |_| results.with(|r| r.as_ref().map(|r| r.tornado.len()).unwrap_or(9)));
    let view_box = move || {
        let mut v = String::from("0 0 720 ");
        crate::chart::push_int(&mut v, px(TORNADO_ROW * rows.get() as f64 + 40.0));
        v
    };
    let desc = move || data.with(|d| d.desc.clone());
    view! {
        <h3>"Which assumption matters most (tornado)"</h3>
        <svg class="chart tornado" viewBox=view_box role="img" aria-labelledby="tornado-title tornado-desc">
            <title id="tornado-title">"Tornado chart of NPV sensitivity"</title>
            <desc id="tornado-desc">{desc}</desc>
            <g inner_html=move || data.with(|d| d.body.clone())></g>
        </svg>
        <p class="chart-note">
            <span class="swatch swatch-low" aria-hidden="true"></span>"low value "
            <span class="swatch swatch-high" aria-hidden="true"></span>"high value; the vertical line is this scenario's NPV. "
            {desc}
        </p>
        <DataTable caption="NPV at each input's low and high value" headers=&["Input", "Low", "NPV at low", "High", "NPV at high"]
            rows=Signal::derive(move || data.with(|d| d.table.clone()))/>
    }
}

const HEAT_LEFT: f64 = 84.0;
const HEAT_TOP: f64 = 10.0;
const HEAT_SIZE: f64 = 420.0;
const HEAT_LABELS: [usize; 5] = [0, 5, 10, 15, 20];

fn heatmap_chart(r: &RiskResults, price: f64, hashrate: f64) -> ChartData {
    let cell = HEAT_SIZE / HEATMAP_STEPS as f64;
    let grid = &r.heatmap_npv_usd;
    let lo = grid.iter().flatten().copied().fold(0.0_f64, f64::min);
    let hi = grid.iter().flatten().copied().fold(0.0_f64, f64::max);
    let (left, top) = (px(HEAT_LEFT), px(HEAT_TOP));
    let mut svg = Svg::new();
    svg.open_group("cells");
    for (j, row) in grid.iter().enumerate() {
        for (i, v) in row.iter().enumerate() {
            let rc = heatmap_cell(i, j, grid.len(), cell, cell);
            svg.rect_fill("", rc.x + left, rc.y + top, rc.w, rc.h, &css_hex(diverging_color(*v, lo, hi)));
        }
    }
    svg.close_group();
    svg.out.push_str("<g transform=\"translate(");
    crate::chart::push_int(&mut svg.out, left);
    svg.out.push(' ');
    crate::chart::push_int(&mut svg.out, top);
    svg.out.push_str(")\">");
    svg.path("contour", &zero_contour(grid, cell, cell));
    svg.close_group();
    for k in HEAT_LABELS {
        let m = heatmap_multiplier(k);
        let x = px(HEAT_LEFT + (k as f64 + 0.5) * cell);
        let y = px(HEAT_TOP + HEAT_SIZE - (k as f64 + 0.5) * cell);
        svg.text("tick", x, px(HEAT_TOP + HEAT_SIZE + 16.0), "middle", &show(Fmt::Usd, price * m));
        svg.text("tick", px(HEAT_LEFT - 6.0), y + 4, "end", &num(hashrate * m, 0));
    }
    svg.circle("current", px(HEAT_LEFT + 10.5 * cell), px(HEAT_TOP + HEAT_SIZE - 10.5 * cell), 8);
    svg.text("axis-title", px(HEAT_LEFT + HEAT_SIZE / 2.0), px(HEAT_TOP + HEAT_SIZE + 36.0), "middle", "BTC price (USD)");
    svg.text("axis-title", 0, px(HEAT_TOP + HEAT_SIZE + 36.0), "start", "EH/s ↑");
    // Legend: colour is never the only cue (sign words and the contour line go with it).
    let legend = [
        (crate::chart::heatmap::PROFIT_RGB, "NPV > 0"),
        (crate::chart::heatmap::NEUTRAL_RGB, "≈ 0"),
        (crate::chart::heatmap::LOSS_RGB, "NPV < 0"),
    ];
    for (k, (rgb, label)) in legend.iter().enumerate() {
        let y = 40 + 28 * k as i64;
        svg.rect_fill("", 540, y, 16, 16, &css_hex(*rgb));
        svg.text("tick", 564, y + 13, "start", label);
    }
    svg.line("legend-contour", 540, 132, 556, 132);
    svg.text("tick", 564, 136, "start", "NPV = 0");
    svg.circle("legend-current", 548, 158, 7);
    svg.text("tick", 564, 162, "start", "this scenario");
    let mut rows = Vec::new();
    for j in HEAT_LABELS.iter().rev() {
        let mut row = vec![num(hashrate * heatmap_multiplier(*j), 0)];
        row.extend(HEAT_LABELS.iter().map(|i| usd(grid[*j][*i])));
        rows.push(row);
    }
    ChartData {
        body: svg.out,
        points: Vec::new(),
        table: table_rows(&rows),
        desc: [
            "NPV for BTC prices from 50% to 150% of ",
            &usd(price),
            " (left to right) and network hashrates from 50% to 150% of ",
            &num(hashrate, 0),
            " EH/s (bottom to top). Green is positive, red negative; the dark line is NPV = 0; the ring marks this scenario.",
        ]
        .concat(),
    }
}

#[component]
fn Heatmap(results: Memo<Option<RiskResults>>) -> impl IntoView {
    let c = ctx();
    let base = Memo::new(move |_| c.scenario.with(|s| (s.btc_price_usd, s.network_hashrate_ehs)));
    let data = Memo::new(move |_| {
        let (p, h) = base.get();
        results.with(|r| r.as_ref().map(|r| heatmap_chart(r, p, h)).unwrap_or_default())
    });
    let head = move || {
        let p = base.get().0;
        let mut cells = vec!["EH/s \\ BTC".to_string()];
        cells.extend(HEAT_LABELS.iter().map(|i| show(Fmt::Usd, p * heatmap_multiplier(*i))));
        crate::components::chart_frame::header_row(&cells)
    };
    view! {
        <h3>"NPV over BTC price × network hashrate"</h3>
        <svg class="chart heatmap" viewBox="0 0 720 480" role="img" aria-labelledby="heatmap-title heatmap-desc">
            <title id="heatmap-title">"NPV heatmap over BTC price and network hashrate"</title>
            <desc id="heatmap-desc">{move || data.with(|d| d.desc.clone())}</desc>
            <g inner_html=move || data.with(|d| d.body.clone())></g>
        </svg>
        <details class="data-table">
            <summary>"Data table"</summary>
            <div class="table-scroll" tabindex="0" role="region" aria-label="NPV heatmap data">
                <table>
                    <caption>"NPV (rows: network hashrate; columns: BTC price), every fifth step"</caption>
                    <thead inner_html=head></thead>
                    <tbody inner_html=move || data.with(|d| d.table.clone())></tbody>
                </table>
            </div>
        </details>
    }
}
