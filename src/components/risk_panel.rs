//! Risk (MODEL.md sections 5–6): Monte Carlo odds, fan chart, tornado and NPV heatmap.
//!
//! The work runs right after the frame that shows the new KPIs and deterministic charts has been painted,
//! so they never wait for it; a newer input supersedes a pending run. A result computed for an older scenario is
//! marked stale (`data-stale="true"`, `aria-busy`) until the fresh one arrives, never shown as current.

use crate::app::ctx;
use crate::chart::{
    area_path, css_hex, diverging_color, heatmap_cell, int_string, line_path, nice_scale, nice_ticks, px, zero_contour, Scale,
};
use crate::components::chart_frame::{axes, rule, x_range, y_range, Axis, ChartSvg, Readout};
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

#[component]
fn FanChart(results: Memo<Option<RiskResults>>, horizon: Memo<f64>) -> impl IntoView {
    let c = ctx();
    let geo = Memo::new(move |_| {
        let capex = c.results.with(|r| r.as_ref().map(|r| r.snapshot.capex_usd).unwrap_or(0.0));
        let halving = c.results.with(|r| r.as_ref().and_then(|r| r.projection.halving_day));
        results.with(|r| {
            r.as_ref().map(|r| {
                let risk = &r.risk;
                // Cumulative net cash (capex added back) against the capex line, like the deterministic chart.
                let add = |v: &Vec<f64>| -> Vec<f64> { std::iter::once(0.0).chain(v.iter().map(|x| x + capex)).collect() };
                let (p10, p50, p90) = (add(&risk.mc_cum_cash_usd_p10), add(&risk.mc_cum_cash_usd_p50), add(&risk.mc_cum_cash_usd_p90));
                let months = (p50.len() - 1).max(1) as f64;
                let x = Scale::new((0.0, months), x_range());
                let lo = p10.iter().copied().fold(0.0_f64, f64::min);
                let hi = p90.iter().copied().fold(capex, f64::max);
                let (y, yt) = nice_scale(lo, hi, y_range(), 5);
                let xs: Vec<f64> = (0..p50.len()).map(|m| x.map(m as f64)).collect();
                let ys = |v: &[f64]| v.iter().map(|c| y.map(*c)).collect::<Vec<_>>();
                let band = area_path(&xs, &ys(&p10), &ys(&p90));
                let median = line_path(&xs.iter().copied().zip(ys(&p50)).collect::<Vec<_>>());
                let xt: Vec<f64> = nice_ticks(0.0, months, 6).into_iter().filter(|t| *t <= months).collect();
                let points = (0..p50.len())
                    .map(|m| Readout {
                        x_px: xs[m],
                        text: ["month ", &num(m as f64, 0), ": P10 ", &usd(p10[m]), " · P50 ", &usd(p50[m]), " · P90 ", &usd(p90[m])].concat(),
                    })
                    .collect::<Vec<_>>();
                (
                    Axis::new(&x, &xt, |t| num(t, 0), "months"),
                    Axis::new(&y, &yt, usd, "USD"),
                    band,
                    median,
                    px(y.map(capex)),
                    halving.map(|d| x.map(d as f64 / crate::model::constants::DAYS_PER_MONTH)),
                    points,
                    (p10, p50, p90),
                )
            })
        })
    });
    let points = Memo::new(move |_| geo.with(|g| g.as_ref().map(|g| g.6.clone()).unwrap_or_default()));
    let desc = Signal::derive(move || {
        results.with(|r| match r {
            Some(r) => [
                "Cumulative net cash by month across simulated price paths: the band spans the 10th to 90th percentile, the line is the median. ",
                &pct(100.0 * r.risk.mc_payback_probability),
                " of paths repay the capex within ",
                &num(horizon.get(), 0),
                " months.",
            ]
            .concat(),
            None => String::new(),
        })
    });
    let (x0, x1) = x_range();
    view! {
        <h3>"Cumulative cash, P10–P90 across price paths"</h3>
        <ChartSvg id="fan-chart" title="Fan chart of cumulative net cash" desc=desc points=points>
            {move || geo.get().map(|(xa, ya, band, median, capex_y, halving_x, _, _)| view! {
                {axes(xa, ya)}
                <path class="fan-band" d=band/>
                <line class="capex-line" x1=int_string(px(x0)) x2=int_string(px(x1)) y1=int_string(capex_y) y2=int_string(capex_y)/>
                <text class="series-label" x=int_string(px(x1) - 4) y=int_string(capex_y - 6) text-anchor="end">"capex"</text>
                <path class="line-cash" d=median/>
                {rule(halving_x, "halving".to_string(), "halving")}
            })}
        </ChartSvg>
        <p class="chart-note">{move || desc.get()}</p>
        <details class="data-table">
            <summary>"Data table"</summary>
            <table>
                <caption>"Cumulative net cash percentiles by month"</caption>
                <thead><tr><th scope="col">"Month"</th><th scope="col">"P10"</th><th scope="col">"P50"</th><th scope="col">"P90"</th></tr></thead>
                <tbody>
                    {move || geo.with(|g| g.as_ref().map(|g| {
                        let (p10, p50, p90) = &g.7;
                        (0..p50.len()).map(|m| view! {
                            <tr><td>{num(m as f64, 0)}</td><td>{usd(p10[m])}</td><td>{usd(p50[m])}</td><td>{usd(p90[m])}</td></tr>
                        }).collect_view()
                    }))}
                </tbody>
            </table>
        </details>
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

#[component]
fn Tornado(results: Memo<Option<RiskResults>>) -> impl IntoView {
    let c = ctx();
    const ROW: f64 = 34.0;
    const LABEL: f64 = 250.0;
    let rows = Memo::new(move |_| {
        results.with(|r| {
            r.as_ref()
                .map(|r| {
                    let mut rows = r.tornado.clone();
                    rows.sort_by(|a, b| {
                        let sa = (a.npv_high_usd - a.npv_low_usd).abs();
                        let sb = (b.npv_high_usd - b.npv_low_usd).abs();
                        sb.total_cmp(&sa)
                    });
                    rows
                })
                .unwrap_or_default()
        })
    });
    let base = Memo::new(move |_| c.results.with(|r| r.as_ref().map(|r| r.projection.npv_usd).unwrap_or(0.0)));
    let height = move || int_string(px(ROW * rows.with(|r| r.len()) as f64 + 40.0));
    let chart = move || {
        let rows = rows.get();
        let b = base.get();
        let lo = rows.iter().flat_map(|r| [r.npv_low_usd, r.npv_high_usd]).fold(b, f64::min);
        let hi = rows.iter().flat_map(|r| [r.npv_low_usd, r.npv_high_usd]).fold(b, f64::max);
        let (x, ticks) = nice_scale(lo, hi, (LABEL, 700.0), 4);
        let bx = x.map(b);
        let total_h = ROW * rows.len() as f64 + 10.0;
        let grid = ticks
            .iter()
            .map(|t| {
                let tx = int_string(px(x.map(*t)));
                view! {
                    <line class="grid" x1=tx.clone() x2=tx.clone() y1="4" y2=int_string(px(total_h))/>
                    <text class="tick" x=tx y=int_string(px(total_h + 16.0)) text-anchor="middle">{usd(*t)}</text>
                }
            })
            .collect_view();
        let bars = rows
            .into_iter()
            .enumerate()
            .map(|(i, r)| {
                let y = 8.0 + i as f64 * ROW;
                let seg = |v: f64, class: &'static str| {
                    let (a, z) = (bx.min(x.map(v)), bx.max(x.map(v)));
                    view! { <rect class=class x=int_string(px(a)) y=int_string(px(y)) width=int_string((px(z) - px(a)).max(1)) height="20"/> }
                };
                let label = [label_of(r.key), ": ", &input_value(r.key, r.low_input), " → ", &input_value(r.key, r.high_input)].concat();
                view! {
                    <text class="tick" x="0" y=int_string(px(y + 15.0))>{label}</text>
                    {seg(r.npv_low_usd, "bar-low")}
                    {seg(r.npv_high_usd, "bar-high")}
                }
            })
            .collect_view();
        view! {
            {grid}
            {bars}
            <line class="axis" x1=int_string(px(bx)) x2=int_string(px(bx)) y1="0" y2=int_string(px(total_h))/>
        }
    };
    let desc = move || {
        rows.with(|r| {
            r.first()
                .map(|top| {
                    ["NPV when each input moves to its low and high value, sorted by swing. The largest swing comes from ", label_of(top.key), "."]
                        .concat()
                })
                .unwrap_or_default()
        })
    };
    view! {
        <h3>"Which assumption matters most (tornado)"</h3>
        <svg class="chart tornado" viewBox=move || ["0 0 720 ", &height()].concat() role="img" aria-labelledby="tornado-title tornado-desc">
            <title id="tornado-title">"Tornado chart of NPV sensitivity"</title>
            <desc id="tornado-desc">{desc}</desc>
            {chart}
        </svg>
        <p class="chart-note">
            <span class="swatch swatch-low" aria-hidden="true"></span>"low value "
            <span class="swatch swatch-high" aria-hidden="true"></span>"high value; the vertical line is this scenario's NPV. "
            {desc}
        </p>
        <details class="data-table">
            <summary>"Data table"</summary>
            <table>
                <caption>"NPV at each input's low and high value"</caption>
                <thead><tr><th scope="col">"Input"</th><th scope="col">"Low"</th><th scope="col">"NPV at low"</th><th scope="col">"High"</th><th scope="col">"NPV at high"</th></tr></thead>
                <tbody>
                    {move || rows.get().into_iter().map(|r| view! {
                        <tr data-tornado=r.key>
                            <th scope="row">{label_of(r.key)}</th>
                            <td>{input_value(r.key, r.low_input)}</td><td>{usd(r.npv_low_usd)}</td>
                            <td>{input_value(r.key, r.high_input)}</td><td>{usd(r.npv_high_usd)}</td>
                        </tr>
                    }).collect_view()}
                </tbody>
            </table>
        </details>
    }
}

#[component]
fn Heatmap(results: Memo<Option<RiskResults>>) -> impl IntoView {
    let c = ctx();
    const LEFT: f64 = 84.0;
    const TOP: f64 = 10.0;
    const SIZE: f64 = 420.0;
    let cell = SIZE / HEATMAP_STEPS as f64;
    let base = Memo::new(move |_| c.scenario.with(|s| (s.btc_price_usd, s.network_hashrate_ehs)));
    let chart = move || {
        results.with(|r| {
            r.as_ref().map(|r| {
                let grid = &r.heatmap_npv_usd;
                let lo = grid.iter().flatten().copied().fold(0.0_f64, f64::min);
                let hi = grid.iter().flatten().copied().fold(0.0_f64, f64::max);
                let rows = grid.len();
                let cells = grid
                    .iter()
                    .enumerate()
                    .flat_map(|(j, row)| row.iter().enumerate().map(move |(i, v)| (i, j, *v)))
                    .map(|(i, j, v)| {
                        let rc = heatmap_cell(i, j, rows, cell, cell);
                        view! {
                            <rect x=int_string(rc.x + LEFT as i64) y=int_string(rc.y + TOP as i64) width=int_string(rc.w) height=int_string(rc.h)
                                fill=css_hex(diverging_color(v, lo, hi))/>
                        }
                    })
                    .collect_view();
                let contour = zero_contour(grid, cell, cell);
                (cells, contour)
            })
        })
    };
    let (price, hashrate) = (move || base.get().0, move || base.get().1);
    let labels = move || {
        let (p, h) = base.get();
        [0usize, 5, 10, 15, 20]
            .into_iter()
            .map(|k| {
                let m = heatmap_multiplier(k);
                let x = LEFT + (k as f64 + 0.5) * cell;
                let y = TOP + SIZE - (k as f64 + 0.5) * cell;
                view! {
                    <text class="tick" x=int_string(px(x)) y=int_string(px(TOP + SIZE + 16.0)) text-anchor="middle">{show(Fmt::Usd, p * m)}</text>
                    <text class="tick" x=int_string(px(LEFT - 6.0)) y=int_string(px(y + 4.0)) text-anchor="end">{num(h * m, 0)}</text>
                }
            })
            .collect_view()
    };
    let centre = LEFT + 10.5 * cell;
    let centre_y = TOP + SIZE - 10.5 * cell;
    view! {
        <h3>"NPV over BTC price × network hashrate"</h3>
        <svg class="chart heatmap" viewBox="0 0 720 480" role="img" aria-labelledby="heatmap-title heatmap-desc">
            <title id="heatmap-title">"NPV heatmap over BTC price and network hashrate"</title>
            <desc id="heatmap-desc">
                {move || ["NPV for BTC prices from 50% to 150% of ", &usd(price()), " (left to right) and network hashrates from 50% to 150% of ",
                    &num(hashrate(), 0), " EH/s (bottom to top). Green is positive, red negative; the dark line is NPV = 0; the ring marks this scenario."].concat()}
            </desc>
            {move || chart().map(|(cells, contour)| view! {
                <g class="cells">{cells}</g>
                <path class="contour" d=contour transform=["translate(", &int_string(LEFT as i64), " ", &int_string(TOP as i64), ")"].concat()/>
            })}
            {labels}
            <circle class="current" cx=int_string(px(centre)) cy=int_string(px(centre_y)) r="8"/>
            <text class="axis-title" x=int_string(px(LEFT + SIZE / 2.0)) y=int_string(px(TOP + SIZE + 36.0)) text-anchor="middle">"BTC price (USD)"</text>
            <text class="axis-title" x="0" y=int_string(px(TOP + SIZE + 36.0))>"EH/s ↑"</text>
            <g class="legend" transform="translate(540 40)">
                <rect x="0" y="0" width="16" height="16" fill=css_hex(crate::chart::heatmap::PROFIT_RGB)/>
                <text class="tick" x="24" y="13">"NPV > 0"</text>
                <rect x="0" y="28" width="16" height="16" fill=css_hex(crate::chart::heatmap::NEUTRAL_RGB)/>
                <text class="tick" x="24" y="41">"≈ 0"</text>
                <rect x="0" y="56" width="16" height="16" fill=css_hex(crate::chart::heatmap::LOSS_RGB)/>
                <text class="tick" x="24" y="69">"NPV < 0"</text>
                <line class="contour" x1="0" x2="16" y1="92" y2="92"/>
                <text class="tick" x="24" y="96">"NPV = 0"</text>
                <circle class="current" cx="8" cy="118" r="7"/>
                <text class="tick" x="24" y="122">"this scenario"</text>
            </g>
        </svg>
        <details class="data-table">
            <summary>"Data table"</summary>
            <table>
                <caption>"NPV (rows: network hashrate; columns: BTC price), every fifth step"</caption>
                <thead>
                    <tr>
                        <th scope="col">"EH/s \\ BTC"</th>
                        {move || [0usize, 5, 10, 15, 20].into_iter().map(|i| view! { <th scope="col">{show(Fmt::Usd, price() * heatmap_multiplier(i))}</th> }).collect_view()}
                    </tr>
                </thead>
                <tbody>
                    {move || results.with(|r| r.as_ref().map(|r| [20usize, 15, 10, 5, 0].into_iter().map(|j| view! {
                        <tr>
                            <th scope="row">{num(hashrate() * heatmap_multiplier(j), 0)}</th>
                            {[0usize, 5, 10, 15, 20].into_iter().map(|i| view! { <td>{usd(r.heatmap_npv_usd[j][i])}</td> }).collect_view()}
                        </tr>
                    }).collect_view()))}
                </tbody>
            </table>
        </details>
    }
}
