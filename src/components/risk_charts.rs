//! The risk panel's words and charts (MODEL.md sections 5–6), pure and tested natively: the Monte Carlo
//! KPIs, the fan chart, the tornado and the NPV heatmap. `risk_panel` puts them on the page.

use crate::chart::{area_path, css_hex, diverging_color, heatmap_cell, line_path, nice_scale, px, rows, zero_contour, Nav, Row, Svg};
use crate::components::chart_parts::{axes, level, month_axis, rule, y_range, Axis, ChartData, Layer, Mark, Readout, H};
use crate::components::chart_words::{input_value, label_of, mid_sentence, Point};
use crate::components::kpi_defs::{show, Fmt};
use crate::format::{num, num_tick, pct, usd, usd_tick, Txt};
use crate::model::risk::{heatmap_multiplier, HEATMAP_STEPS};
use crate::model::{RiskResults, Scenario};

/// A risk result, the scenario it belongs to, and the deterministic numbers its charts are drawn against
/// (taken with it, so a redraw while a newer input is pending still shows one consistent scenario).
#[derive(Clone, Debug, PartialEq)]
pub struct RiskState {
    pub scenario: Scenario,
    pub results: RiskResults,
    pub capex: f64,
    pub halving: Option<usize>,
    pub npv: f64,
}

/// Whether the panel shows a result for another scenario than `s` (or none yet).
pub fn stale(state: Option<&RiskState>, s: &Scenario) -> bool {
    state.is_none_or(|st| st.scenario != *s)
}

/// One Monte Carlo KPI: its output key (of `model::risk::RISK_KEYS`), label, wording and what it counts
/// (MODEL.md section 5).
pub struct RiskKpi {
    pub key: &'static str,
    pub label: &'static str,
    pub words: fn(f64) -> String,
    /// Its "How is this computed?": what the value is a share or a percentile of, with the run's numbers.
    pub counts: fn(&Scenario, f64) -> String,
}

/// The five Monte Carlo KPIs.
pub const KPIS: [RiskKpi; 5] = [
    RiskKpi { key: "mc_payback_probability", label: "P(payback within the horizon)", words: prob, counts: paid_back },
    RiskKpi { key: "mc_npv_positive_probability", label: "P(NPV > 0)", words: prob, counts: npv_above_zero },
    RiskKpi { key: "mc_npv_usd_p10", label: "NPV, P10 (bad case)", words: usd, counts: |s, _| percentile(s, "10th", "1 path in 10 does worse") },
    RiskKpi { key: "mc_npv_usd_p50", label: "NPV, P50 (median)", words: usd, counts: |s, _| percentile(s, "50th", "half the paths do worse") },
    RiskKpi { key: "mc_npv_usd_p90", label: "NPV, P90 (good case)", words: usd, counts: |s, _| percentile(s, "90th", "9 paths in 10 do worse") },
];

impl RiskKpi {
    /// Its value in `r` (NaN for a key the model does not have, which the tests rule out).
    pub fn value(&self, r: &RiskResults) -> f64 {
        r.risk.value(self.key).unwrap_or(f64::NAN)
    }
}

/// "Of the 1,000 simulated price paths, 623 (62.3%)": a share as the paths it counts.
fn of_paths(s: &Scenario, p: f64) -> Txt {
    Txt::default()
        .t("Of the ")
        .s(num(s.mc_paths, 0))
        .t(if s.mc_paths == 1.0 { " simulated price path, " } else { " simulated price paths, " })
        .s(num((p * s.mc_paths).round(), 0))
        .t(" (")
        .s(prob(p))
        .t(")")
}

/// Whether the share `p` counts one path (for the verb after it).
fn one_path(s: &Scenario, p: f64) -> bool {
    (p * s.mc_paths).round() == 1.0
}

fn paid_back(s: &Scenario, p: f64) -> String {
    of_paths(s, p)
        .t(if one_path(s, p) { " pays" } else { " pay" })
        .t(" the capex back within the horizon: the cumulative net cash covers it, as in the projection.")
        .0
}

fn npv_above_zero(s: &Scenario, p: f64) -> String {
    let t = of_paths(s, p).t(if one_path(s, p) { " has" } else { " have" });
    t.t(" an NPV above zero at ").s(pct(s.discount_rate_pct_year)).t(" a year.").0
}

/// "The 10th percentile of the 1,000 paths' NPVs (…): 1 path in 10 does worse."
fn percentile(s: &Scenario, which: &str, below: &str) -> String {
    if s.mc_paths == 1.0 {
        return "The NPV of the one simulated path: with one path every percentile is that path.".into();
    }
    Txt::default()
        .t("The ")
        .t(which)
        .t(" percentile of the ")
        .s(num(s.mc_paths, 0))
        .t(" simulated paths' NPVs, interpolated between the two nearest: ")
        .t(below)
        .t(".")
        .0
}

fn prob(x: f64) -> String {
    pct(100.0 * x)
}

/// What a Monte Carlo KPI reads: every path "repays" zero capex on day 0, so that is said, as the Payback KPI
/// and the fan note say it, rather than 100.0%.
pub fn kpi_text(k: &RiskKpi, v: f64, capex: f64) -> String {
    match (v.is_finite(), capex == 0.0 && k.key == "mc_payback_probability") {
        (_, true) => "no capex to repay".into(),
        (true, _) => (k.words)(v),
        _ => "not defined".into(),
    }
}

/// Whether an input of the Risk panel (volatility, paths, seed, swing) differs between two scenarios: a change
/// of those moves the risk figures alone, which the strip's spoken summary then does not cover.
pub fn risk_inputs_differ(a: &Scenario, b: &Scenario) -> bool {
    use crate::fields::{read, Panel, FIELDS};
    FIELDS.iter().filter(|f| f.panel == Panel::Risk).any(|f| read(f.key, a) != read(f.key, b))
}

/// What the panel says once a run after such a change is done: each Monte Carlo KPI with its label.
pub fn risk_summary(r: &RiskResults, capex: f64) -> String {
    let parts: Vec<String> = KPIS.iter().map(|k| [k.label, ": ", &kpi_text(k, k.value(r), capex)].concat()).collect();
    ["Risk updated. ", &parts.join(". "), "."].concat()
}

/// The panel's first line: how the simulation is set up, and where to change it when the inputs are on the
/// page (`inputs`: an embed may show the panel alone). The seed is written as typed, so it can be typed back.
pub fn setup_text(s: &Scenario, inputs: bool) -> String {
    let t = Txt::default()
        .s(num(s.mc_paths, 0))
        .t(if s.mc_paths == 1.0 { " simulated BTC price path at " } else { " simulated BTC price paths at " })
        .s(pct(s.btc_volatility_pct_year))
        .t(" yearly volatility (seed ")
        .s(crate::chart::int_string(s.mc_seed as i64))
        .t("); network growth, halvings and curtailment as in the projection.");
    if inputs {
        t.t(" Edit them under Risk in the inputs.").0
    } else {
        t.0
    }
}

/// The heatmap table's header cells: the BTC prices of its columns.
pub fn heat_head(price: f64) -> Vec<String> {
    let mut cells = vec!["EH/s \\ BTC".to_string()];
    cells.extend(HEAT_LABELS.iter().map(|i| show(Fmt::Usd, price * heatmap_multiplier(*i))));
    cells
}

/// The tornado's legend, before its description.
pub const TORNADO_NOTE: &str = "<span class=\"swatch swatch-low\" aria-hidden=\"true\"></span>low value <span class=\"swatch swatch-high\" aria-hidden=\"true\"></span>high value; the vertical line is this scenario's NPV. ";

pub fn fan_chart(r: &RiskResults, capex: f64, halving_day: Option<usize>, horizon_months: f64, w: f64, with_table: bool) -> ChartData {
    let risk = &r.risk;
    // Cumulative net cash with the capex added back, against the capex line, like the deterministic chart.
    let add = |v: &[f64]| -> Vec<f64> { std::iter::once(0.0).chain(v.iter().map(|x| x + capex)).collect() };
    let (p10, p50, p90) = (add(&risk.mc_cum_cash_usd_p10), add(&risk.mc_cum_cash_usd_p50), add(&risk.mc_cum_cash_usd_p90));
    let months = (p50.len() - 1).max(1) as f64;
    let (x, xa) = month_axis(months, w);
    let lo = p10.iter().copied().fold(0.0_f64, f64::min);
    let hi = p90.iter().copied().fold(capex, f64::max);
    let (y, yt) = nice_scale(lo, hi, y_range(), 5);
    let xs: Vec<f64> = (0..p50.len()).map(|m| x.map(m as f64)).collect();
    let ys = |v: &[f64]| v.iter().map(|c| y.map(*c)).collect::<Vec<_>>();
    let mut svg = Svg::new();
    axes(&mut svg, w, &xa, &Axis::new(&y, &yt, usd_tick, "USD"));
    let ax = svg.take();
    svg.path("fan-band", &area_path(&xs, &ys(&p10), &ys(&p90)));
    let band = svg.take();
    level(&mut svg, w, px(y.map(capex)), "capex", "capex-line");
    let lv = svg.take();
    svg.path("line-cash", &line_path(&xs.iter().copied().zip(ys(&p50)).collect::<Vec<_>>()));
    let line = svg.take();
    rule(&mut svg, w, halving_day.map(|d| x.map(d as f64 / crate::model::constants::DAYS_PER_MONTH)), "halving", 0);
    let row = |m: usize| vec![num(m as f64, 0), usd(p10[m]), usd(p50[m]), usd(p90[m])];
    ChartData {
        layers: vec![
            Layer::new("axes", ax),
            Layer::new("", band),
            Layer::new("", lv),
            Layer::new("", line),
            Layer::new("rule halving", svg.take()),
        ],
        points: (0..p50.len())
            .map(|m| Readout::at(xs[m], Point::Fan { month: m as f64, p10: p10[m], p50: p50[m], p90: p90[m] }))
            .collect(),
        table: if with_table { rows((0..p50.len()).map(row).collect()) } else { Vec::new() },
        desc: {
            let t = Txt::default()
                .t("Cumulative net cash by month across simulated price paths: the band spans the 10th to 90th percentile, the line is the median. ");
            if capex == 0.0 {
                t.t("There is no capex to repay.")
            } else {
                t.s(pct(100.0 * risk.mc_payback_probability)).t(" of paths repay the capex within ").s(show(Fmt::Months, horizon_months)).t(".")
            }
            .0
        },
        w,
        h: H,
        ..ChartData::default()
    }
}



/// What the tornado's description adds on a site.
const SITE_ROWS: &str =
    ". Machine price and efficiency move every group's value by the same share; the values shown are group 1's.";

/// Tornado layout: wide charts put the label left of the bars, narrow ones above them. On a `site` (more than
/// one machine group) the description says that the machine price and efficiency rows move every group
/// (MODEL.md section 7) while their labels give group 1's values.
pub fn tornado_chart(r: &RiskResults, base_npv: f64, w: f64, site: bool) -> ChartData {
    let narrow = w < 600.0;
    let (row_h, label_w, bar_dy): (f64, f64, f64) = if narrow { (46.0, 8.0, 20.0) } else { (34.0, 250.0, 0.0) };
    let mut rows = r.tornado.clone();
    crate::sort::sort_small_by(&mut rows, |a, b| (b.npv_high_usd - b.npv_low_usd).abs().total_cmp(&(a.npv_high_usd - a.npv_low_usd).abs()).is_lt());
    let lo = rows.iter().flat_map(|r| [r.npv_low_usd, r.npv_high_usd]).fold(base_npv, f64::min);
    let hi = rows.iter().flat_map(|r| [r.npv_low_usd, r.npv_high_usd]).fold(base_npv, f64::max);
    let (x, ticks) = nice_scale(lo, hi, (label_w.max(32.0), w - 32.0), if narrow { 3 } else { 4 });
    let bx = x.map(base_npv);
    let total_h = row_h * rows.len() as f64 + 10.0;
    let mut svg = Svg::new();
    let mut points = Vec::with_capacity(rows.len());
    // The scenario's line first, so the labels (with their halo) read over it on a narrow chart.
    svg.line("axis", px(bx), 0, px(bx), px(total_h));
    for t in &ticks {
        let tx = px(x.map(*t));
        svg.line("grid", tx, 4, tx, px(total_h));
        svg.text("tick", tx, px(total_h + 16.0), "middle", &usd_tick(*t));
    }
    for (i, r) in rows.iter().enumerate() {
        let y = px(8.0 + i as f64 * row_h);
        let label = Txt::default()
            .t(label_of(r.key))
            .t(": ")
            .s(input_value(r.key, r.low_input))
            .t(" → ")
            .s(input_value(r.key, r.high_input))
            .0;
        svg.text("tick", 0, y + 15, "start", &label);
        for (v, class) in [(r.npv_low_usd, "bar-low"), (r.npv_high_usd, "bar-high")] {
            let (a, z) = (px(bx.min(x.map(v))), px(bx.max(x.map(v))));
            svg.rect(class, a, y + px(bar_dy), (z - a).max(1), 20);
        }
        let (a, z) = (bx.min(x.map(r.npv_low_usd)).min(x.map(r.npv_high_usd)), bx.max(x.map(r.npv_low_usd)).max(x.map(r.npv_high_usd)));
        points.push(Readout {
            x_px: (a + z) / 2.0,
            point: Point::Tornado { key: r.key, low: r.low_input, npv_low: r.npv_low_usd, high: r.high_input, npv_high: r.npv_high_usd },
            mark: Some(Mark { x: a - 3.0, y: y as f64 + bar_dy - 3.0, w: z - a + 6.0, h: 26.0 }),
        });
    }
    ChartData {
        layers: vec![Layer::new("", svg.take())],
        points,
        nav: Nav::Rows,
        table: rows
            .iter()
            .map(|r| Row {
                cells: vec![
                    label_of(r.key).to_string(),
                    input_value(r.key, r.low_input),
                    usd(r.npv_low_usd),
                    input_value(r.key, r.high_input),
                    usd(r.npv_high_usd),
                ],
                // `data-tornado` names the input, a stable hook for tests.
                hook: Some(("data-tornado", r.key)),
                data: Vec::new(),
            })
            .collect(),
        desc: rows
            .first()
            .map(|top| {
                [
                    "NPV when each input moves to its low and high value, sorted by swing. ",
                    "The largest swing comes from the ",
                    &mid_sentence(label_of(top.key)),
                    if site { SITE_ROWS } else { "." },
                ]
                .concat()
            })
            .unwrap_or_default(),
        w,
        h: total_h + 30.0,
    }
}



const HEAT_LEFT: f64 = 60.0;
const HEAT_TOP: f64 = 26.0;
const HEAT_LABELS: [usize; 5] = [0, 5, 10, 15, 20];

/// Heatmap layout: a square grid, with the legend to its right on wide charts and below it on narrow ones.
pub fn heatmap_chart(r: &RiskResults, price: f64, hashrate: f64, w: f64) -> ChartData {
    let narrow = w < 600.0;
    let size = if narrow { w - HEAT_LEFT - 10.0 } else { 420.0 };
    let cell = size / HEATMAP_STEPS as f64;
    let grid = &r.heatmap_npv_usd;
    let lo = grid.iter().flatten().copied().fold(0.0_f64, f64::min);
    let hi = grid.iter().flatten().copied().fold(0.0_f64, f64::max);
    let (left, top) = (px(HEAT_LEFT), px(HEAT_TOP));
    let mut svg = Svg::new();
    for (j, row) in grid.iter().enumerate() {
        for (i, v) in row.iter().enumerate() {
            let rc = heatmap_cell(i, j, grid.len(), cell, cell);
            svg.rect_fill("", rc.x + left, rc.y + top, rc.w, rc.h, &css_hex(diverging_color(*v, lo, hi)));
        }
    }
    // Readout points in reading order (top row, the highest hashrate, first), for the arrow keys' grid.
    let n = grid.len();
    let mut points = Vec::with_capacity(n * n);
    for j in (0..n).rev() {
        for (i, v) in grid[j].iter().enumerate() {
            let rc = heatmap_cell(i, j, n, cell, cell);
            let (x, y) = ((rc.x + left) as f64, (rc.y + top) as f64);
            points.push(Readout {
                x_px: x + cell / 2.0,
                point: Point::Heat {
                    btc: price * heatmap_multiplier(i),
                    hashrate_ehs: hashrate * heatmap_multiplier(j),
                    npv: *v,
                    this_scenario: i == HEATMAP_STEPS / 2 && j == HEATMAP_STEPS / 2,
                },
                mark: Some(Mark { x, y, w: rc.w as f64, h: rc.h as f64 }),
            });
        }
    }
    let cells = svg.take();
    svg.open_translate(left, top);
    svg.path("contour", &zero_contour(grid, cell, cell));
    svg.close_group();
    let bottom = HEAT_TOP + size;
    for k in HEAT_LABELS {
        let m = heatmap_multiplier(k);
        let x = px(HEAT_LEFT + (k as f64 + 0.5) * cell);
        let y = px(bottom - (k as f64 + 0.5) * cell);
        // On a narrow chart every other price label, so they do not collide.
        if !narrow || k % 10 == 0 {
            // The last price label ends at the grid's edge on a narrow chart, where centred it would be cut.
            let (x, anchor) = if narrow && k == HEATMAP_STEPS - 1 { (px(HEAT_LEFT + size), "end") } else { (x, "middle") };
            svg.text("tick", x, px(bottom + 16.0), anchor, &usd_tick(price * m));
        }
        svg.text("tick", px(HEAT_LEFT - 6.0), y + 4, "end", &num_tick(hashrate * m));
    }
    svg.circle("current", px(HEAT_LEFT + 10.5 * cell), px(bottom - 10.5 * cell), 8);
    svg.text("axis-title", px(HEAT_LEFT + size / 2.0), px(bottom + 34.0), "middle", "BTC price (USD) →");
    svg.text("axis-title", 0, 14, "start", "Network hashrate (EH/s) ↑");
    // Legend: colour is never the only cue (sign words and the contour line go with it).
    let (lx, ly) = if narrow { (8, px(bottom + 52.0)) } else { (px(HEAT_LEFT + size + 40.0), 40) };
    let legend = [
        (crate::chart::heatmap::PROFIT_RGB, "NPV > 0"),
        (crate::chart::heatmap::NEUTRAL_RGB, "≈ 0"),
        (crate::chart::heatmap::LOSS_RGB, "NPV < 0"),
    ];
    let step = if narrow { 0 } else { 28 };
    let col = if narrow { 90 } else { 0 };
    for (k, (rgb, label)) in legend.iter().enumerate() {
        let (x, y) = (lx + col * k as i64, ly + step * k as i64);
        svg.rect_fill("", x, y, 16, 16, &css_hex(*rgb));
        svg.text("tick", x + 24, y + 13, "start", label);
    }
    // The line and ring as on the grid (dark, on a neutral cell), so they read alike in either theme.
    let neutral = css_hex(crate::chart::heatmap::NEUTRAL_RGB);
    let (cx, cy) = if narrow { (lx, ly + 28) } else { (lx, ly + 92) };
    svg.rect_fill("", cx, cy, 16, 16, &neutral);
    svg.line("contour", cx, cy + 8, cx + 16, cy + 8);
    svg.text("tick", cx + 24, cy + 12, "start", "NPV = 0");
    let (mx, my) = if narrow { (lx + 2 * col, cy + 8) } else { (lx + 8, cy + 34) };
    svg.rect_fill("", mx - 8, my - 8, 16, 16, &neutral);
    svg.circle("current", mx, my, 6);
    svg.text("tick", mx + 16, my + 4, "start", "this scenario");
    let mut rows = Vec::new();
    for j in HEAT_LABELS.iter().rev() {
        let mut row = vec![num_tick(hashrate * heatmap_multiplier(*j))];
        row.extend(HEAT_LABELS.iter().map(|i| usd(grid[*j][*i])));
        rows.push(row);
    }
    ChartData {
        layers: vec![Layer::new("cells", cells), Layer::new("", svg.take())],
        points,
        nav: Nav::Grid(n),
        table: crate::chart::rows(rows),
        desc: Txt::default()
            .t("NPV for BTC prices from 50% to 150% of ")
            .s(usd(price))
            .t(" (left to right) and network hashrates from 50% to 150% of ")
            .s(num_tick(hashrate))
            .t(" EH/s (bottom to top). Green is positive, red negative; the dark line is NPV = 0; the ring marks this scenario.")
            .0,
        w,
        h: if narrow { bottom + 100.0 } else { bottom + 50.0 },
    }
}


#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::evaluate_risk;

    #[test]
    fn a_result_for_another_scenario_is_stale_until_the_fresh_one_arrives() {
        let s = Scenario { mc_paths: 100.0, ..Scenario::default() };
        assert!(stale(None, &s), "nothing computed yet");
        let Ok(results) = evaluate_risk(&s) else { panic!("the risk model evaluates") };
        let st = RiskState { scenario: s.clone(), results, capex: 1.0, halving: None, npv: 0.0 };
        assert!(!stale(Some(&st), &s));
        assert!(stale(Some(&st), &Scenario { btc_price_usd: 90_000.0, ..s }));
    }

    #[test]
    fn the_setup_line_names_paths_volatility_and_seed() {
        let s = Scenario::default();
        let t = setup_text(&s, true);
        assert!(t.contains(" simulated BTC price paths at ") && t.contains(" yearly volatility (seed "), "{t}");
        assert!(t.ends_with(" Edit them under Risk in the inputs."), "{t}");
        // An embed of the panel alone has no inputs to point to; one path is one path; a large seed reads as
        // typed, so it can be typed back.
        let one = Scenario { mc_paths: 1.0, mc_seed: 9_007_199_254_740_991.0, ..Scenario::default() };
        let t = setup_text(&one, false);
        assert!(t.starts_with("1 simulated BTC price path at "), "{t}");
        assert!(t.contains("(seed 9007199254740991)") && t.ends_with("as in the projection."), "{t}");
        assert_eq!(heat_head(100_000.0)[0], "EH/s \\ BTC");
        assert_eq!(heat_head(100_000.0)[3], "$100.00K");
    }

    #[test]
    fn a_risk_input_alone_moving_the_figures_gets_them_spoken() {
        let s = Scenario::default();
        assert!(risk_inputs_differ(&s, &Scenario { btc_volatility_pct_year: 70.0, ..s.clone() }));
        assert!(risk_inputs_differ(&s, &Scenario { mc_seed: 2.0, ..s.clone() }));
        assert!(!risk_inputs_differ(&s, &Scenario { btc_price_usd: 80_000.0, ..s.clone() }), "the strip says that");
        let Ok(r) = evaluate_risk(&Scenario { mc_paths: 50.0, ..s }) else { panic!("evaluates") };
        let said = risk_summary(&r, 1e6);
        assert!(said.starts_with("Risk updated. P(payback within the horizon): "), "{said}");
        assert!(said.contains(". NPV, P50 (median): ") && said.ends_with('.'), "{said}");
        assert!(risk_summary(&r, 0.0).contains("P(payback within the horizon): no capex to repay."));
    }

    #[test]
    fn the_cards_are_the_model_s_risk_outputs_in_its_order() {
        let keys: Vec<&str> = KPIS.iter().map(|k| k.key).collect();
        assert_eq!(keys, crate::model::risk::RISK_KEYS);
        let Ok(r) = evaluate_risk(&Scenario { mc_paths: 50.0, ..Scenario::default() }) else { panic!("evaluates") };
        assert_eq!(KPIS[3].value(&r), r.risk.mc_npv_usd_p50);
    }

    #[test]
    fn each_risk_kpi_says_what_it_counts_with_the_run_s_numbers() {
        let s = Scenario::default();
        let [pay, npv, p10, p50, _] = &KPIS;
        assert_eq!(
            (pay.counts)(&s, 0.623),
            "Of the 1,000 simulated price paths, 623 (62.3%) pay the capex back within the horizon: the \
             cumulative net cash covers it, as in the projection."
        );
        assert_eq!((npv.counts)(&s, 0.5), "Of the 1,000 simulated price paths, 500 (50.0%) have an NPV above zero at 10.0% a year.");
        assert!((p10.counts)(&s, -1.0).ends_with("1 path in 10 does worse."));
        assert!((p50.counts)(&s, 0.0).starts_with("The 50th percentile of the 1,000 simulated paths' NPVs"));
        let one = Scenario { mc_paths: 1.0, ..Scenario::default() };
        assert!((pay.counts)(&one, 1.0).starts_with("Of the 1 simulated price path, 1 (100.0%) pays the capex"));
        assert_eq!((p10.counts)(&one, 0.0), "The NPV of the one simulated path: with one path every percentile is that path.");
    }
}
