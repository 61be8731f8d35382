//! Chart 5: one MW used for mining versus leased to an AI/HPC tenant — revenue, profit, capex, payback.
//!
//! Drawn once, then on an input the bars, their value labels, the description and the table cells are
//! patched in place (node by node, see `view::dom::patch_nodes`); the chart has no crosshair points.

use crate::chart::{hbar, px, Node, Row, Scale, Svg};
use crate::components::chart_parts::svg_frame;
use crate::components::kpi_defs::{show, Fmt};
use crate::format::{num, usd, Txt};
use crate::model::{Hpc, Results, Scenario};
use crate::view::{Html, Slot};
use crate::view::parts::{close_scroller, header_row, open_scroller};
#[cfg(target_arch = "wasm32")]
use crate::{
    ctx::Ctx,
    view::dom::{effect, patch_nodes, set_attr, set_text, Bind, Dom},
};
#[cfg(target_arch = "wasm32")]
use leptos::prelude::*;

const LABEL_W: f64 = 130.0;
const ROW_H: f64 = 56.0;
const TITLE: &str = "Mining versus AI/HPC per MW, at day 0";

/// One compared metric per MW.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Metric {
    pub label: &'static str,
    pub mining: f64,
    pub hpc: f64,
}

fn metrics(h: &Hpc, hpc_capex_usd_mw: f64) -> [Metric; 3] {
    [
        Metric { label: "Revenue per year", mining: h.mining_revenue_usd_mw_year, hpc: h.hpc_revenue_usd_mw_year },
        Metric { label: "Profit per year", mining: h.mining_gross_profit_usd_mw_year, hpc: h.hpc_profit_usd_mw_year },
        Metric { label: "Capex", mining: h.mining_capex_usd_mw, hpc: hpc_capex_usd_mw },
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

/// The per-MW comparison in words, then scaled to this site: mining over the site's power, the lease over the IT
/// load that power feeds through the hall's PUE (MODEL.md section 9's `convert_it_mw`, as the decision card).
pub fn desc(h: &Hpc, site_kw: f64, it_mw: f64, hpc_pue: f64, hpc_capex_usd_mw: f64) -> String {
    let mw = site_kw / 1000.0;
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
        t = t.t(" at today's hashprice, before network growth, halvings and curtailment (the projection has those)");
    }
    t.t(". The lease is per kW of IT load with power passed through to the tenant. For this site's ")
        .s(show(Fmt::Kw, site_kw))
        .t(if loss { ": mining loses " } else { ": mining earns " })
        .s(usd((h.mining_gross_profit_usd_mw_year * mw).abs()))
        .t(" a year; converted, the power feeds ")
        .s(show(Fmt::Mw, it_mw))
        .t(" of IT load (AI/HPC PUE ")
        .s(num(hpc_pue, 2))
        .t("), which a lease turns into ")
        .s(usd(h.hpc_profit_usd_mw_year * it_mw))
        .t(" a year after a ")
        .s(usd(hpc_capex_usd_mw * it_mw))
        .t(" build.")
        .0
}

/// What the card shows for one scenario, results and view-box width.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct HpcChart {
    pub w: f64,
    pub h: f64,
    /// The bars with their labels (empty without results).
    pub body: Vec<Node>,
    pub desc: String,
    pub rows: Vec<Row>,
}

impl HpcChart {
    pub fn new(s: &Scenario, r: Option<&Results>, w: f64) -> HpcChart {
        // Wide: label left of the bars; narrow: label above them, bars across the whole width.
        let narrow = w < 600.0;
        let (label_w, row_h, bar_dy) = if narrow { (0.0, 74.0, 20.0) } else { (LABEL_W, ROW_H, 0.0) };
        let mut chart = HpcChart { w, h: 3.0 * row_h + 8.0, ..HpcChart::default() };
        let Some(r) = r else { return chart };
        let h = &r.hpc;
        let m = metrics(h, s.hpc_capex_usd_mw);
        let values = || m.iter().flat_map(|r| [r.mining, r.hpc]);
        // Bars grow from a zero baseline, losses to its left (see `hbar`); room for the value label after
        // the longest bar.
        let x = Scale::new((values().fold(0.0, f64::min), values().fold(1.0, f64::max)), (label_w, w - 150.0));
        let base = px(x.map(0.0));
        let mut svg = Svg::new();
        for (i, row) in m.iter().enumerate() {
            let y = 8.0 + i as f64 * row_h;
            svg.text("tick", 0, px(y + if narrow { 12.0 } else { 24.0 }), "start", row.label);
            // The zero baseline, beside the bars only (a narrow chart's row label runs across it).
            svg.line("axis", base, px(y + bar_dy - 3.0), base, px(y + bar_dy + 43.0));
            let mining_class = if row.mining < 0.0 { "bar-mining neg" } else { "bar-mining" };
            for (v, class, who, dy) in [(row.mining, mining_class, "mining: ", bar_dy), (row.hpc, "bar-hpc", "AI/HPC: ", bar_dy + 22.0)] {
                let (bx, bw, label_x) = hbar(&x, v);
                svg.rect(class, bx, px(y + dy), bw, 18);
                svg.text("tick", label_x, px(y + dy + 14.0), "start", &Txt::default().t(who).s(usd(v)).0);
            }
        }
        chart.body = svg.take();
        chart.desc = desc(h, r.snapshot.site_power_kw, r.decision.convert_it_mw, s.hpc_pue, s.hpc_capex_usd_mw);
        chart.rows = m
            .iter()
            .map(|row| Row::new(vec![row.label.to_string(), usd(row.mining), usd(row.hpc)]))
            .chain([Row::new(vec!["Payback at today's hashprice".into(), payback(h.mining_payback_years), payback(h.hpc_payback_years)])])
            .collect();
        chart
    }

    fn view_box(&self) -> String {
        ["0 0 ", &crate::chart::int_string(px(self.w)), " ", &crate::chart::int_string(px(self.h))].concat()
    }
}

/// The card's handles.
#[derive(Clone, Copy)]
pub struct HpcSlots {
    pub svg: Slot,
    pub desc: Slot,
    pub body: Slot,
    pub note: Slot,
    pub rows: Slot,
}

/// Writes the card: heading, bar chart, description and the table of the same numbers.
pub fn card(h: &mut Html, now: &HpcChart) -> HpcSlots {
    h.raw(concat!(
        "<section class=\"card chart-card\" id=\"hpc\" aria-labelledby=\"hpc-h\"><h2 id=\"hpc-h\">Mining versus AI/HPC per MW: a static day-0 view</h2>",
        "<p class=\"muted\" data-static-view=\"\">One MW at today's hashprice and lease, before network growth, halvings, curtailment, ",
        "the build and the lease term. Keep, sell or convert compares the whole site over time.</p>"
    ));
    // No crosshair points: not focusable, and no readout line.
    let f = svg_frame(h, "hpc-chart", TITLE, &now.view_box(), false, &now.desc, |h| {
        h.nodes(&now.body);
    });
    h.open("p", "class=\"chart-note\"");
    let note = h.slot();
    h.text(&now.desc).close("p");
    open_scroller(h, None);
    h.raw("<table class=\"compare\"><caption class=\"visually-hidden\">").raw(TITLE).raw("</caption><thead>");
    header_row(h, &["Per MW", "Mining", "AI/HPC"]);
    h.raw("</thead>").open("tbody", "");
    let rows = h.slot();
    crate::view::parts::body_rows(h, &now.rows);
    h.close("tbody").close("table");
    close_scroller(h);
    h.close("section");
    HpcSlots { svg: f.svg, desc: f.desc, body: f.body, note, rows }
}

/// Keeps the card current: the bars in place while their shape holds, else drawn anew.
#[cfg(target_arch = "wasm32")]
pub fn section(c: Ctx, h: &mut Html) -> Bind {
    let first = c.drawn.with_untracked(|s| c.results.with_untracked(|r| HpcChart::new(s, r.as_ref(), c.chart_w.get_untracked())));
    let slots = card(h, &first);
    Box::new(move |dom| {
        let (svg, desc, body, note, rows) = (dom.el(slots.svg), dom.el(slots.desc), dom.el(slots.body), dom.el(slots.note), dom.el(slots.rows));
        let mut shown = first;
        effect(move |_| {
            let w = c.chart_w.get();
            let now = c.drawn.with(|s| c.results.with(|r| HpcChart::new(s, r.as_ref(), w)));
            set_attr(&svg, "viewBox", &now.view_box());
            set_text(&desc, &now.desc);
            set_text(&note, &now.desc);
            patch_nodes(&body, &shown.body, &now.body);
            if shown.rows != now.rows {
                let mut h = Html::new();
                crate::view::parts::body_rows(&mut h, &now.rows);
                Dom::fill(&rows, h);
            }
            shown = now;
        });
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::evaluate;
    use crate::view::html::check;

    #[test]
    fn the_card_builds_with_its_handles_and_names_both_uses() {
        let s = Scenario::default();
        let r = evaluate(&s).ok();
        for w in [380.0, 720.0] {
            let now = HpcChart::new(&s, r.as_ref(), w);
            assert_eq!(now.rows.len(), 4);
            assert_eq!(now.body.iter().filter(|n| n.tag == "rect").count(), 6);
            let mut h = Html::new();
            card(&mut h, &now);
            let (m, n) = h.finish();
            assert_eq!(check(&m, n), Ok(()));
            assert!(m.contains("a static day-0 view</h2>") && m.contains("Keep, sell or convert compares the whole site over time."));
            assert!(now.desc.starts_with("Per MW a year, mining "), "{}", now.desc);
            assert!(now.desc.contains("an AI/HPC lease"), "{}", now.desc);
        }
        assert!(HpcChart::new(&s, None, 720.0).body.is_empty());
    }

    #[test]
    fn payback_at_zero_capex_is_said_in_words() {
        assert_eq!(pays_back("AI/HPC", Some(0.0), 0.0), "AI/HPC has no capex to repay");
        assert_eq!(pays_back("mining", None, 1.0), "mining capex never pays back");
        assert_eq!(payback(None), "never");
    }
}
