//! Risk (MODEL.md sections 5–6): Monte Carlo odds, fan chart, tornado and NPV heatmap.
//!
//! The work runs right after the frame that shows the new KPIs and deterministic charts has been painted,
//! so they never wait for it, in three or more tasks (see `RiskRun`); a newer input supersedes a pending run. A result
//! computed for an older scenario is marked stale (`data-stale="true"`, `aria-busy`) until the fresh one
//! arrives, never shown as current.

use crate::app::Ctx;
use crate::chart::{
    Nav, area_path, css_hex, diverging_color, heatmap_cell, line_path, nice_scale, px, table_rows, zero_contour, Svg,
};
use crate::components::chart_frame::{
    axes, head_of, header_row, level, month_axis, push_note, push_svg, push_table, rule, y_range, Axis, Chart, ChartData, Readout, H,
};
use crate::dom::{find as find_el, on, push_escaped, set_attr, set_html, set_text, Section};
use std::cell::{Cell, RefCell};
use std::rc::Rc;
use web_sys::Element;
use crate::components::kpi_defs::{show, Fmt};
use crate::fields::find;
use crate::format::{num, num_tick, pct, plain, usd, usd_tick, Txt};
use crate::model::risk::{heatmap_multiplier, RiskRun, HEATMAP_STEPS};
use crate::model::{RiskResults, Scenario};
use leptos::prelude::*;
use std::time::Duration;

/// A risk result, the scenario it belongs to, and the deterministic numbers its charts are drawn against
/// (taken with it, so a redraw while a newer input is pending still shows one consistent scenario).
#[derive(Clone, Debug, PartialEq)]
pub struct RiskState {
    pub scenario: Scenario,
    pub results: RiskResults,
    capex: f64,
    halving: Option<usize>,
    npv: f64,
}

/// The five Monte Carlo KPIs: hook, label, value and its wording.
const KPIS: [(&str, &str, fn(&RiskResults) -> f64, fn(f64) -> String); 5] = [
    ("mc_payback_probability", "P(payback within the horizon)", |r| r.risk.mc_payback_probability, prob),
    ("mc_npv_positive_probability", "P(NPV > 0)", |r| r.risk.mc_npv_positive_probability, prob),
    ("mc_npv_usd_p10", "NPV, P10 (bad case)", |r| r.risk.mc_npv_usd_p10, usd),
    ("mc_npv_usd_p50", "NPV, P50 (median)", |r| r.risk.mc_npv_usd_p50, usd),
    ("mc_npv_usd_p90", "NPV, P90 (good case)", |r| r.risk.mc_npv_usd_p90, usd),
];

fn prob(x: f64) -> String {
    pct(100.0 * x)
}

fn setup_text(s: &Scenario) -> String {
    Txt::default()
        .s(num(s.mc_paths, 0))
        .t(" simulated BTC price paths at ")
        .s(pct(s.btc_volatility_pct_year))
        .t(" yearly volatility (seed ")
        .s(num(s.mc_seed, 0))
        .t("); network growth, halvings and curtailment as above. Edit them under Risk in the inputs.")
        .0
}

fn heat_head(price: f64) -> String {
    let mut cells = vec!["EH/s \\ BTC".to_string()];
    cells.extend(HEAT_LABELS.iter().map(|i| show(Fmt::Usd, price * heatmap_multiplier(*i))));
    header_row(&cells)
}

const TORNADO_NOTE: &str = "<span class=\"swatch swatch-low\" aria-hidden=\"true\"></span>low value <span class=\"swatch swatch-high\" aria-hidden=\"true\"></span>high value; the vertical line is this scenario's NPV. ";

/// The panel in the document: what its updates touch.
struct Panel {
    root: Element,
    setup: Option<Element>,
    note: Option<Element>,
    kpis: Vec<Element>,
    fan: Option<Rc<Chart>>,
    tornado: Option<Rc<Chart>>,
    heat: Option<Rc<Chart>>,
    head: Option<Element>,
    head_cache: RefCell<String>,
    state: RefCell<Option<RiskState>>,
    generation: Cell<u64>,
}

impl Panel {
    fn set_stale(&self, stale: bool) {
        let v = if stale { "true" } else { "false" };
        set_attr(&self.root, "data-stale", v);
        set_attr(&self.root, "aria-busy", v);
        if let Some(n) = &self.note {
            set_text(n, if stale { " Updating…" } else { "" });
        }
    }

    /// Draws the KPIs and charts of the stored result for a view-box width.
    fn render(&self, w: f64) {
        let st = self.state.borrow();
        let Some(st) = st.as_ref() else { return };
        let r = &st.results;
        for (el, (key, _, value, fmt)) in self.kpis.iter().zip(KPIS) {
            let v = value(r);
            set_attr(el, "data-value", &plain(v));
            if let Some(out) = find_el(el, ".kpi-value") {
                // Every path "repays" zero capex on day 0: say so, as the Payback KPI does, rather than 100.0%.
                let text = match (v.is_finite(), st.capex == 0.0 && key == "mc_payback_probability") {
                    (_, true) => "no capex to repay".into(),
                    (true, _) => fmt(v),
                    _ => "not defined".into(),
                };
                set_text(&out, &text);
            }
        }
        if let Some(ch) = &self.fan {
            ch.update(fan_chart(r, st.capex, st.halving, st.scenario.horizon_months, w, ch.table_open()));
        }
        if let Some(ch) = &self.tornado {
            ch.update(tornado_chart(r, st.npv, w));
        }
        let (price, hashrate) = (st.scenario.btc_price_usd, st.scenario.network_hashrate_ehs);
        if let Some(ch) = &self.heat {
            ch.update(heatmap_chart(r, price, hashrate, w));
        }
        if let Some(h) = &self.head {
            set_html(h, &mut self.head_cache.borrow_mut(), heat_head(price));
        }
    }
}

/// Marks the result stale on every input, then computes the fresh one after the next frame is painted (KPIs
/// and deterministic charts first); a newer input supersedes a pending run.
fn bind(c: Ctx, root: &Element) {
    let root = match root.first_element_child() {
        Some(section) => section,
        None => return,
    };
    let panel = Rc::new(Panel {
        setup: find_el(&root, "p.muted"),
        note: find_el(&root, ".stale-note"),
        kpis: KPIS.iter().filter_map(|k| find_el(&root, &["[data-kpi=\"", k.0, "\"]"].concat())).collect(),
        fan: Chart::bind(&root, "fan-chart"),
        tornado: Chart::bind(&root, "tornado-chart"),
        heat: Chart::bind(&root, "heatmap-chart"),
        head: find_el(&root, "#heatmap-chart ~ details thead"),
        head_cache: RefCell::new(String::new()),
        state: RefCell::new(None),
        generation: Cell::new(0),
        root,
    });
    let p = panel.clone();
    crate::dom::effect(move |_| {
        let s = c.scenario.get();
        let stale = p.state.borrow().as_ref().is_none_or(|st| st.scenario != s);
        p.set_stale(stale);
        if let Some(el) = &p.setup {
            // The paragraph's first node is its text; the stale note follows it.
            let text = setup_text(&s);
            if let Some(t) = el.first_child().filter(|t| t.text_content().as_deref() != Some(text.as_str())) {
                t.set_text_content(Some(&text));
            }
        }
        p.generation.set(p.generation.get() + 1);
        let mine = p.generation.get();
        let p = p.clone();
        request_animation_frame(move || step(p, c, s, None, mine));
    });
    let p = panel.clone();
    crate::dom::effect(move |_| p.render(c.chart_w.get()));
    on(&panel.root.clone(), "toggle", true, move |_| panel.render(c.chart_w.get_untracked()));
}

/// Runs the next part of a risk run in a task of its own and queues the one after; the last part shows the
/// results. The run starts in the first task (`run` is `None`), so none of it lands in the input's frame. A
/// newer input (a new `generation`) abandons the run between parts.
fn step(p: Rc<Panel>, c: Ctx, s: Scenario, run: Option<RiskRun>, mine: u64) {
    set_timeout(
        move || {
            if p.generation.get() != mine {
                return;
            }
            let mut run = match run {
                Some(run) => run,
                None if s.validate().is_ok() => RiskRun::new(&s),
                None => return,
            };
            let Some(results) = run.step() else {
                return step(p, c, s, Some(run), mine);
            };
            let (capex, halving, npv) = c.results.with_untracked(|r| {
                r.as_ref().map(|r| (r.snapshot.capex_usd, r.projection.halving_day, r.projection.npv_usd)).unwrap_or((0.0, None, 0.0))
            });
            *p.state.borrow_mut() = Some(RiskState { scenario: s, results, capex, halving, npv });
            p.render(c.chart_w.get_untracked());
            p.set_stale(false);
        },
        Duration::from_millis(0),
    );
}

pub fn section(c: Ctx) -> Section {
    let none = ChartData::default();
    let mut m = String::with_capacity(4096);
    m.push_str("<section class=\"card risk\" id=\"risk\" aria-labelledby=\"risk-h\" data-stale=\"true\" aria-busy=\"true\"><h2 id=\"risk-h\">Risk: the odds this machine pays back</h2><p class=\"muted\">");
    let (setup, price) = c.scenario.with_untracked(|s| (setup_text(s), s.btc_price_usd));
    push_escaped(&mut m, &setup);
    m.push_str("<span class=\"stale-note\"> Updating…</span></p><div class=\"kpi-grid\">");
    for (key, label, _, _) in KPIS {
        m.push_str("<div class=\"kpi\" data-kpi=\"");
        m.push_str(key);
        m.push_str("\" data-value=\"\"><span class=\"kpi-label\">");
        push_escaped(&mut m, label);
        m.push_str("</span><output aria-live=\"off\" class=\"kpi-value\">computing…</output></div>");
    }
    m.push_str("</div><h3>Cumulative cash, P10–P90 across price paths</h3>");
    push_svg(&mut m, "fan-chart", "Fan chart of cumulative net cash", &none);
    push_note(&mut m, "", "");
    push_table(&mut m, "Cumulative net cash percentiles by month", "Cumulative net cash percentiles by month", &head_of(&["Month", "P10", "P50", "P90"]), "");
    m.push_str("<h3>Which assumption matters most (tornado)</h3>");
    push_svg(&mut m, "tornado-chart", "Tornado chart of NPV sensitivity", &none);
    push_note(&mut m, TORNADO_NOTE, "");
    let caption = "NPV at each input's low and high value";
    push_table(&mut m, caption, caption, &head_of(&["Input", "Low", "NPV at low", "High", "NPV at high"]), "");
    m.push_str("<h3>NPV over BTC price × network hashrate</h3>");
    push_svg(&mut m, "heatmap-chart", "NPV heatmap over BTC price and network hashrate", &none);
    push_table(&mut m, "NPV heatmap data", "NPV (rows: network hashrate; columns: BTC price), every fifth step", &heat_head(price), "");
    m.push_str("</section>");
    Section::new(m, move |root| bind(c, root))
}

fn fan_chart(r: &RiskResults, capex: f64, halving_day: Option<usize>, horizon_months: f64, w: f64, with_table: bool) -> ChartData {
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
        layers: vec![("axes", ax), ("", band), ("", lv), ("", line), ("rule halving", svg.out)],
        points: (0..p50.len())
            .map(|m| Readout {
                x_px: xs[m],
                values: [m as f64, p10[m], p50[m], p90[m], 0.0],
                words: |v| Txt::default()
                    .t("month ")
                    .s(num(v[0], 0))
                    .t(": P10 ")
                    .s(usd(v[1]))
                    .t(" · P50 ")
                    .s(usd(v[2]))
                    .t(" · P90 ")
                    .s(usd(v[3]))
                    .0,
                mark: None,
            })
            .collect(),
        table: if with_table { table_rows(&(0..p50.len()).map(row).collect::<Vec<_>>()) } else { String::new() },
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


/// An input's value with its unit, formatted as the KPIs are: "$76.00K", "$0.050/kWh", "1.5%/month".
fn input_value(key: &str, v: f64) -> String {
    let f = find(key);
    let decimals = f.map(|f| f.decimals).unwrap_or(2);
    let unit = f.map(|f| f.unit).unwrap_or("");
    let decimals = if v != 0.0 && v.abs() < 1.0 { decimals.max(3) } else { decimals };
    if unit == "USD/kWh" {
        show(Fmt::UsdKwh, v)
    } else if let Some(per) = unit.strip_prefix("USD") {
        usd(v) + per
    } else if let Some(rest) = unit.strip_prefix('%') {
        pct(v) + rest
    } else {
        [num(v, decimals).as_str(), " ", unit].concat()
    }
}

fn label_of(key: &str) -> &'static str {
    find(key).map(|f| f.label).unwrap_or("input")
}

/// A label inside a sentence: "Machine price" → "machine price"; acronyms keep their case ("BTC price").
fn mid_sentence(label: &str) -> String {
    if label.as_bytes().get(1).is_some_and(u8::is_ascii_uppercase) {
        label.to_string()
    } else {
        crate::chart::first_letter_case(label, false)
    }
}

/// Tornado layout: wide charts put the label left of the bars, narrow ones above them.
fn tornado_chart(r: &RiskResults, base_npv: f64, w: f64) -> ChartData {
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
        let field = crate::fields::FIELDS.iter().position(|f| f.key == r.key).unwrap_or(usize::MAX);
        points.push(Readout {
            x_px: (a + z) / 2.0,
            values: [field as f64, r.low_input, r.npv_low_usd, r.high_input, r.npv_high_usd],
            words: tornado_words,
            mark: Some([a - 3.0, y as f64 + bar_dy - 3.0, z - a + 6.0, 26.0]),
        });
    }
    ChartData {
        layers: vec![("", svg.out)],
        points,
        nav: Nav::Rows,
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
                let tail = cells.strip_prefix("<tr>").unwrap_or(&cells);
                ["<tr data-tornado=\"", r.key, "\">", tail].concat()
            })
            .collect(),
        desc: rows
            .first()
            .map(|top| {
                ["NPV when each input moves to its low and high value, sorted by swing. The largest swing comes from the ", &mid_sentence(label_of(top.key)), "."]
                    .concat()
            })
            .unwrap_or_default(),
        w,
        h: total_h + 30.0,
        ..ChartData::default()
    }
}


/// A tornado row's readout: `[FIELDS index, low input, NPV, high input, NPV]`.
fn tornado_words(v: &[f64; 5]) -> String {
    let key = crate::fields::FIELDS.get(v[0] as usize).map(|f| f.key).unwrap_or("");
    Txt::default()
        .t(label_of(key))
        .t(" ")
        .s(input_value(key, v[1]))
        .t(": NPV ")
        .s(usd(v[2]))
        .t(" · ")
        .s(input_value(key, v[3]))
        .t(": NPV ")
        .s(usd(v[4]))
        .0
}

/// A heatmap cell's readout: `[BTC price, network hashrate, NPV, column, row]`; the centre cell is the scenario.
fn heat_words(v: &[f64; 5]) -> String {
    let mid = (HEATMAP_STEPS / 2) as f64;
    let here = if v[3] == mid && v[4] == mid { " (this scenario)" } else { "" };
    Txt::default().t("BTC ").s(usd(v[0])).t(" · ").s(num_tick(v[1])).t(" EH/s: NPV ").s(usd(v[2])).t(here).0
}

const HEAT_LEFT: f64 = 60.0;
const HEAT_TOP: f64 = 26.0;
const HEAT_LABELS: [usize; 5] = [0, 5, 10, 15, 20];

/// Heatmap layout: a square grid, with the legend to its right on wide charts and below it on narrow ones.
fn heatmap_chart(r: &RiskResults, price: f64, hashrate: f64, w: f64) -> ChartData {
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
                values: [price * heatmap_multiplier(i), hashrate * heatmap_multiplier(j), *v, i as f64, j as f64],
                words: heat_words,
                mark: Some([x, y, rc.w as f64, rc.h as f64]),
            });
        }
    }
    let cells = svg.take();
    svg.out.push_str("<g transform=\"translate(");
    crate::chart::push_int(&mut svg.out, left);
    svg.out.push(' ');
    crate::chart::push_int(&mut svg.out, top);
    svg.out.push_str(")\">");
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
        layers: vec![("cells", cells), ("", svg.out)],
        points,
        nav: Nav::Grid(n),
        table: table_rows(&rows),
        desc: Txt::default()
            .t("NPV for BTC prices from 50% to 150% of ")
            .s(usd(price))
            .t(" (left to right) and network hashrates from 50% to 150% of ")
            .s(num_tick(hashrate))
            .t(" EH/s (bottom to top). Green is positive, red negative; the dark line is NPV = 0; the ring marks this scenario.")
            .0,
        w,
        h: if narrow { bottom + 100.0 } else { bottom + 50.0 },
        ..ChartData::default()
    }
}

