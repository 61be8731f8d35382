//! Chart 5: one MW used for mining versus leased to an AI/HPC tenant — revenue, profit, capex, payback.
//!
//! An island (see `crate::dom`): markup once (the same `<svg class="chart">` as `ChartSvg`, which has no
//! crosshair points here), then on an input the bars' widths, their value labels, the description and
//! the table cells are patched in place; the chart body is rebuilt only when its layout (the view-box
//! width, or whether there are results) changes.

use crate::app::Ctx;
use crate::chart::{hbar, int_string, push_escaped, push_int, px, Scale, Svg};
use crate::components::kpi_defs::{show, Fmt};
use crate::dom::{find, find_all, set_attr, set_text, Section};
use crate::format::{usd, Txt};
use crate::model::{Hpc, Results, Scenario};
use leptos::prelude::*;
use web_sys::Element;

const LABEL_W: f64 = 130.0;
const ROW_H: f64 = 56.0;
const TITLE: &str = "Mining versus AI/HPC per MW";

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

/// "AI/HPC capex pays back in 8.7 years" / "… never pays back", or, at zero capex, "AI/HPC has no capex to
/// repay" (`what` is the sentence's subject).
fn pays_back(what: &str, years: Option<f64>, capex: f64) -> String {
    match years {
        _ if capex == 0.0 => [what, " has no capex to repay"].concat(),
        Some(y) => Txt::default().t(what).t(" capex pays back in ").s(show(Fmt::Years, y)).0,
        None => [what, " capex never pays back"].concat(),
    }
}

fn desc(h: &Hpc, fleet_kw: f64, hpc_capex_usd_mw: f64) -> String {
    let mw = fleet_kw / 1000.0;
    let loss = h.mining_gross_profit_usd_mw_year < 0.0;
    let mut t = Txt::default()
        .t(if loss { "Per MW a year, mining loses " } else { "Per MW a year, mining earns " })
        .s(usd(h.mining_gross_profit_usd_mw_year.abs()))
        .t(if loss { " on power, while an AI/HPC lease earns " } else { " gross profit and an AI/HPC lease " })
        .s(usd(h.hpc_profit_usd_mw_year));
    // No ratio when mining makes no profit: "infinitely as much" would say nothing.
    if let Some(r) = h.hpc_to_mining_profit_ratio {
        t = t.t(" (").s(show(Fmt::Ratio, r)).t(if r >= 1.0 { " as much)" } else { " of mining's)" });
    }
    t = t
        .t(". ")
        .s(pays_back("AI/HPC", h.hpc_payback_years, hpc_capex_usd_mw))
        .t("; ")
        .s(pays_back("mining", h.mining_payback_years, h.mining_capex_usd_mw));
    if h.mining_capex_usd_mw != 0.0 {
        t = t.t(" at today's hashprice, before network growth, halvings and curtailment (the projection above has those)");
    }
    t.t(". The lease is per kW of IT load with power passed through to the tenant. For this fleet's ")
        .s(show(Fmt::Kw, fleet_kw))
        .t(if loss { ": mining loses " } else { ": mining earns " })
        .s(usd((h.mining_gross_profit_usd_mw_year * mw).abs()))
        .t(" a year; leased to an AI/HPC tenant, the power earns ")
        .s(usd(h.hpc_profit_usd_mw_year * mw))
        .t(" a year after a ")
        .s(usd(hpc_capex_usd_mw * mw))
        .t(" build.")
        .0
}

/// One bar: its class, left edge, width and the x and text of its value label.
struct Bar {
    class: &'static str,
    x: i64,
    w: i64,
    label_x: i64,
    label: String,
}

/// Everything the card shows for one scenario, results and view-box width.
struct Shown {
    w: f64,
    narrow: bool,
    /// None without results: empty chart and table. The last item is the zero baseline's x.
    data: Option<([(&'static str, f64, f64); 3], [Bar; 6], String, [String; 8], i64)>,
}

impl Shown {
    fn new(s: &Scenario, r: Option<&Results>, w: f64) -> Shown {
        // Wide: label left of the bars; narrow: label above them, bars across the whole width.
        let narrow = w < 600.0;
        let label_w = if narrow { 0.0 } else { LABEL_W };
        let data = r.map(|r| {
            let h = &r.hpc;
            let m = metrics(h, s.hpc_capex_usd_mw);
            let values = || m.iter().flat_map(|r| [r.1, r.2]);
            // Bars grow from a zero baseline, losses to its left (see `hbar`); room for the value label after
            // the longest bar.
            let x = Scale::new((values().fold(0.0, f64::min), values().fold(1.0, f64::max)), (label_w, w - 150.0));
            let bar = |v: f64, class: &'static str, who: &str| {
                let (x, w, label_x) = hbar(&x, v);
                Bar { class, x, w, label_x, label: Txt::default().t(who).s(usd(v)).0 }
            };
            let bars = m.map(|(_, mining, hpc)| {
                [bar(mining, if mining < 0.0 { "bar-mining neg" } else { "bar-mining" }, "mining: "), bar(hpc, "bar-hpc", "AI/HPC: ")]
            });
            let [[a, b], [c, d], [e, f]] = bars;
            let cells = [
                usd(m[0].1),
                usd(m[0].2),
                usd(m[1].1),
                usd(m[1].2),
                usd(m[2].1),
                usd(m[2].2),
                payback(h.mining_payback_years),
                payback(h.hpc_payback_years),
            ];
            (m, [a, b, c, d, e, f], desc(h, r.snapshot.site_power_kw, s.hpc_capex_usd_mw), cells, px(x.map(0.0)))
        });
        Shown { w, narrow, data }
    }

    fn row_h(&self) -> f64 {
        if self.narrow {
            74.0
        } else {
            ROW_H
        }
    }

    fn view_box(&self) -> String {
        let mut v = String::from("0 0 ");
        push_int(&mut v, px(self.w));
        v.push(' ');
        push_int(&mut v, px(3.0 * self.row_h() + 8.0));
        v
    }

    fn desc(&self) -> &str {
        self.data.as_ref().map(|d| d.2.as_str()).unwrap_or_default()
    }

    fn body(&self) -> String {
        let Some((m, bars, _, _, base)) = &self.data else { return String::new() };
        let bar_dy = if self.narrow { 20.0 } else { 0.0 };
        let row_h = self.row_h();
        let mut svg = Svg::new();
        for (i, ((label, _, _), pair)) in m.iter().zip(bars.chunks(2)).enumerate() {
            let y = 8.0 + i as f64 * row_h;
            svg.text("tick", 0, px(y + if self.narrow { 12.0 } else { 24.0 }), "start", label);
            // The zero baseline, beside the bars only (a narrow chart's row label runs across it).
            svg.line("axis", *base, px(y + bar_dy - 3.0), *base, px(y + bar_dy + 43.0));
            for (b, dy) in pair.iter().zip([bar_dy, bar_dy + 22.0]) {
                svg.rect(b.class, b.x, px(y + dy), b.w, 18);
                svg.text("tick", b.label_x, px(y + dy + 14.0), "start", &b.label);
            }
        }
        svg.out
    }

    fn table_body(&self) -> String {
        let Some((m, _, _, cells, _)) = &self.data else { return String::new() };
        let mut out = String::new();
        for (label, pair) in m.iter().map(|r| r.0).chain(["Payback at today's hashprice"]).zip(cells.chunks(2)) {
            out.push_str("<tr><th scope=\"row\">");
            out.push_str(label);
            out.push_str("</th>");
            for cell in pair {
                out.push_str("<td>");
                push_escaped(&mut out, cell);
                out.push_str("</td>");
            }
            out.push_str("</tr>");
        }
        out
    }

    /// A key for the body's structure: same key, same elements in the same places (the baseline included).
    fn layout(&self) -> (i64, Option<i64>) {
        (px(self.w), self.data.as_ref().map(|d| d.4))
    }
}

fn shown(c: Ctx) -> Shown {
    let w = c.chart_w.get();
    c.scenario.with(|s| c.results.with(|r| Shown::new(s, r.as_ref(), w)))
}

/// Patches the card to `now`: the bars and labels in place while the layout holds, else the body anew.
fn patch(root: &Element, now: &Shown, layout: &mut (i64, Option<i64>)) {
    if let Some(svg) = find(root, "#hpc-chart") {
        set_attr(&svg, "viewBox", &now.view_box());
    }
    if let Some(d) = find(root, "#hpc-chart-desc") {
        set_text(&d, now.desc());
    }
    if let Some(p) = find(root, "#hpc > p.chart-note") {
        set_text(&p, now.desc());
    }
    let (Some(g), Some(tbody)) = (find(root, "#hpc-chart > g.body"), find(root, "table.compare > tbody")) else { return };
    let rects = find_all(&g, "rect");
    let texts = find_all(&g, "text");
    match &now.data {
        Some((_, bars, _, _, _)) if *layout == now.layout() && rects.len() == 6 && texts.len() == 9 => {
            for (i, b) in bars.iter().enumerate() {
                // Texts: each row's label, then its two value labels.
                let (Some(rect), Some(t)) = (rects.get(i), texts.get(i / 2 * 3 + 1 + i % 2)) else { continue };
                set_attr(rect, "class", b.class);
                set_attr(rect, "x", &int_string(b.x));
                set_attr(rect, "width", &int_string(b.w));
                set_attr(t, "x", &int_string(b.label_x));
                set_text(t, &b.label);
            }
        }
        _ => {
            g.set_inner_html(&now.body());
            *layout = now.layout();
        }
    }
    let tds = find_all(&tbody, "td");
    match &now.data {
        Some((_, _, _, cells, _)) if tds.len() == cells.len() => {
            for (td, text) in tds.iter().zip(cells) {
                set_text(td, text);
            }
        }
        _ => tbody.set_inner_html(&now.table_body()),
    }
}

/// Keeps the card current. The context is taken here, once (see `crate::dom`).
fn bind(c: Ctx, root: &Element) {
    let root = root.clone();
    let mut layout = shown_untracked(c).layout();
    crate::dom::effect(move |first| {
        let now = shown(c);
        // The markup already shows the first state.
        if !first {
            patch(&root, &now, &mut layout);
        }
    });
}

fn shown_untracked(c: Ctx) -> Shown {
    let w = c.chart_w.get_untracked();
    c.scenario.with_untracked(|s| c.results.with_untracked(|r| Shown::new(s, r.as_ref(), w)))
}

pub fn section(c: Ctx) -> Section {
    let now = shown_untracked(c);
    let mut m = String::with_capacity(4096);
    m.push_str(
        "<section class=\"card chart-card\" id=\"hpc\" aria-labelledby=\"hpc-h\"><h2 id=\"hpc-h\">Mining versus AI/HPC, per MW</h2>\
         <svg class=\"chart\" id=\"hpc-chart\" viewBox=\"",
    );
    m.push_str(&now.view_box());
    m.push_str(
        "\" role=\"img\" tabindex=\"-1\" aria-labelledby=\"hpc-chart-title hpc-chart-desc\"><title id=\"hpc-chart-title\">",
    );
    m.push_str(TITLE);
    m.push_str("</title><desc id=\"hpc-chart-desc\">");
    push_escaped(&mut m, now.desc());
    m.push_str("</desc><g class=\"body\">");
    m.push_str(&now.body());
    m.push_str("</g><g class=\"crosshair\" aria-hidden=\"true\"></g></svg><p class=\"chart-note\">");
    push_escaped(&mut m, now.desc());
    m.push_str("</p><div class=\"table-scroll\"><table class=\"compare\"><caption class=\"visually-hidden\">");
    m.push_str(TITLE);
    m.push_str("</caption><thead><tr><th scope=\"col\">Per MW</th><th scope=\"col\">Mining</th><th scope=\"col\">AI/HPC</th></tr></thead><tbody>");
    m.push_str(&now.table_body());
    m.push_str("</tbody></table></div></section>");
    Section::new(m, move |root| bind(c, root))
}
