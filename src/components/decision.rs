//! Keep, sell or convert (MODEL.md section 9) and the loan (section 8): the decision card. The three NPVs
//! side by side with the sentence that ranks them, the note that each covers its own life, the BTC price at
//! which mining and converting are worth the same, a chart of the three choices' cumulative cash, and the
//! loan's figures beside the project's. The words, the chart and the markup are pure and tested natively.

use crate::chart::{line_path, nice_scale, Row, Svg};
use crate::components::chart_parts::{
    axes, chart, month_axis, rule, y_range, Axis, ChartData, ChartSlots, Layer, Readout, H,
};
use crate::components::chart_words::Point;
use crate::components::kpi_card::{card as kpi_card, owns_hook, Form, KpiCard, LOAN, NPVS};
use crate::components::kpi_defs::find;
use crate::format::{num, pct, usd, usd_tick, usd_whole, Txt};
use crate::model::{Results, Scenario};
use crate::model::projection::Loan;
use crate::state::decision::{cash_paths, cash_versus_worth, decision_words, lease_term_words, months_long, Crossing};
use crate::state::words::{by_count, MACHINES, MACHINES_OF, THEM};
use crate::view::{Html, Slot};
#[cfg(target_arch = "wasm32")]
use crate::{
    ctx::Ctx,
    view::dom::{effect, set_attr, set_text, Bind, Debounce},
};
#[cfg(target_arch = "wasm32")]
use leptos::prelude::*;

/// "Each NPV covers its own life: …" (the rates each is discounted at are in the NPVs' formulas).
pub fn life_words(s: &Scenario) -> String {
    let machines = by_count(MACHINES, s);
    let t = Txt::default()
        .t("Each NPV covers its own life: mining to the ")
        .s(months_long(s.horizon_months))
        .t(" horizon, the ")
        .t(machines)
        .t(" sold at its end; selling today; converting ");
    let t = if s.hpc_build_months > 0.0 {
        t.t("through the ").s(months_long(s.hpc_build_months)).t(" build, the ").t(machines).t(" sold at its end, and")
    } else {
        t.t("at once, the ").t(machines).t(" sold today, through")
    };
    t.t(" the ").s(lease_term_words(s.hpc_lease_term_months)).t(" lease, with nothing after it.").0
}

/// Said while the crossing price is being searched for (it takes some twenty model runs).
pub const CROSSING_PENDING: &str = "Finding the BTC price at which mining and converting are worth the same…";

/// The BTC price at which mining and converting are worth the same (`state::decision::mine_convert_crossing`),
/// or which wins at every price when there is none.
pub fn crossing_words(crossing: Crossing) -> String {
    let every = " at every BTC price from $100 to $10M, the other inputs as they are.";
    match crossing {
        Crossing::At(p) => {
            Txt::default()
                .t("Mining and converting are worth the same at a BTC price of ")
                .s(usd_whole(p))
                .t(", the other inputs as they are.")
                .0
        }
        Crossing::MineAhead => ["Mining beats converting", every].concat(),
        Crossing::ConvertAhead => ["Converting beats mining", every].concat(),
        Crossing::Same => ["Mining and converting are worth the same", every].concat(),
    }
}

/// The loan in words, what its KPIs below cannot say: when the mine's cash first falls short of the payment,
/// and whether a balance is left at the horizon to refinance.
pub fn loan_words(s: &Scenario, r: &Results) -> String {
    let Some(loan) = Loan::new(s, r.snapshot.capex_usd) else {
        return "No debt: the owners' NPV and IRR are the project's.".into();
    };
    let e = &r.projection.equity;
    let t = Txt::default().t("The mine's net cash ");
    let t = match e.first_shortfall_month {
        Some(m) => t
            .t("first falls short of the ")
            .s(usd(loan.payment_usd_month))
            .t(" loan payment in month ")
            .s(num(m as f64, 0)),
        None => t.t("covers the ").s(usd(loan.payment_usd_month)).t(" loan payment every month"),
    };
    if e.loan_balance_end_usd > 0.0 {
        t.t("; ").s(usd(e.loan_balance_end_usd)).t(" is still owed at the horizon and must be refinanced.").0
    } else {
        t.t("; the loan is repaid in month ").s(num(s.debt_term_months, 0)).t(".").0
    }
}

/// The chart of the three choices' cumulative cash, undiscounted: mining to its horizon with the machines'
/// resale as a step at its end, selling as a step on day 0, converting through the build and the lease.
pub fn decision_chart(s: &Scenario, r: &Results, w: f64, with_table: bool) -> ChartData {
    let p = cash_paths(r);
    let capex = r.snapshot.capex_usd;
    let last = p.mine.len().max(p.convert.len()) - 1;
    let (x, xa) = month_axis(last.max(1) as f64, w);
    let (mut lo, mut hi) = (-capex, p.sell.max(0.0));
    for v in p.mine.iter().chain(&p.convert) {
        lo = lo.min(*v);
        hi = hi.max(*v);
    }
    let (y, yt) = nice_scale(lo, hi, y_range(), 5);
    let at = |m: usize, v: f64| (x.map(m as f64), y.map(v));
    let line = |path: &[f64]| path.iter().enumerate().map(|(m, v)| at(m, *v)).collect::<Vec<_>>();
    // The resale at the horizon is a step up at the line's end.
    let end = p.mine.len() - 1;
    let mut mine = line(&p.mine[..end]);
    mine.extend([at(end, p.mine[end] - p.salvage_usd), at(end, p.mine[end])]);
    let mut svg = Svg::new();
    axes(&mut svg, w, &xa, &Axis::new(&y, &yt, usd_tick, "USD, cumulative"));
    let ax = svg.take();
    let build = s.hpc_build_months;
    rule(&mut svg, w, (build > 0.0).then(|| x.map(build)), "lease starts", 0);
    let lease = svg.take();
    svg.path("line-sell", &line_path(&[at(0, -capex), at(0, p.sell), at(last, p.sell)]));
    svg.path("line-convert", &line_path(&line(&p.convert)));
    svg.path("line-mine", &line_path(&mine));
    let lines = svg.take();
    let mut points = Vec::new();
    let mut table = Vec::new();
    for m in 0..last + 1 {
        let (mine, convert) = (p.mine.get(m).copied(), p.convert.get(m).copied());
        points.push(Readout::at(x.map(m as f64), Point::Decision { month: m as f64, mine, sell: p.sell, convert }));
        if with_table {
            let cell = |v: Option<f64>| v.map_or_else(|| "ended".into(), usd);
            table.push(Row::new(vec![num(m as f64, 0), cell(mine), usd(p.sell), cell(convert)]));
        }
    }
    let desc = Txt::default()
        .t("Cumulative cash by month, undiscounted, from the capex already spent (")
        .s(usd(capex))
        .t("): keep mining to month ")
        .s(num(s.horizon_months, 0))
        .t(" with the ")
        .t(by_count(MACHINES_OF, s))
        .t(" resale at its end, sell ")
        .t(by_count(THEM, s))
        .t(" on day 0, or convert and lease the site to month ")
        .s(num((p.convert.len() - 1) as f64, 0))
        .t(".")
        .s(cash_versus_worth(&p, &r.decision, s, &pct))
        .0;
    ChartData {
        layers: vec![Layer::new("axes", ax), Layer::new("rule", lease), Layer::new("", lines)],
        points,
        table,
        desc,
        w,
        h: H,
        ..ChartData::default()
    }
}

/// The chart's legend: each line's colour and dash, named.
const LEGEND: &str = "<span class=\"key key-mine\"></span>keep mining <span class=\"key key-sell\"></span>sell today \
<span class=\"key key-convert\"></span>convert to AI/HPC. ";

/// The card's handles.
pub struct DecisionSlots {
    pub root: Slot,
    pub words: Slot,
    pub life: Slot,
    pub crossing: Slot,
    pub chart: ChartSlots,
    pub loan: Slot,
    pub cards: Vec<KpiCard>,
}

fn kpi_cards(
    h: &mut Html,
    keys: &[&str],
    strip_shown: bool,
    r: Option<&Results>,
    s: &Scenario,
    out: &mut Vec<KpiCard>,
) {
    h.open("div", "class=\"kpi-grid\"");
    for def in keys.iter().filter_map(|k| find(k)) {
        out.push(kpi_card(h, def, Form { compact: false, hooks: owns_hook(def.key, strip_shown) }, r, s));
    }
    h.close("div");
}

/// Writes the card with its current words, KPIs and chart `d`. The crossing price starts as
/// [`CROSSING_PENDING`] (`aria-busy`): the page finds it once the input settles.
pub fn card(h: &mut Html, s: &Scenario, r: Option<&Results>, d: &ChartData, strip_shown: bool) -> DecisionSlots {
    h.open("section", "class=\"card chart-card decision\" id=\"decision\" aria-labelledby=\"decision-h\"");
    let root = h.slot();
    h.raw("<h2 id=\"decision-h\">Keep, sell or convert</h2>").open("p", "class=\"decision-words\"");
    let words = h.slot();
    h.text(&r.map(|r| decision_words(&r.decision, s, &usd)).unwrap_or_default()).close("p");
    let mut cards = Vec::new();
    kpi_cards(h, NPVS, strip_shown, r, s, &mut cards);
    h.open("p", "class=\"muted\"");
    let life = h.slot();
    h.text(&life_words(s)).close("p").open("p", "class=\"muted crossing\" aria-busy=\"true\" data-value=\"\"");
    let crossing = h.slot();
    h.text(CROSSING_PENDING).close("p").raw("<h3>Cumulative cash of the three choices</h3>");
    let caption = "Cumulative cash of keeping, selling and converting by month";
    let chart = chart(h, "decision-chart", "Cumulative cash: keep mining, sell or convert to AI/HPC", d)
        .note(h, LEGEND, &d.desc)
        .table(h, caption, caption, &["Month", "Keep mining", "Sell today", "Convert to AI/HPC"]);
    h.raw("<h3>The loan</h3>").open("p", "class=\"muted\"");
    let loan = h.slot();
    h.text(&r.map(|r| loan_words(s, r)).unwrap_or_default()).close("p");
    kpi_cards(h, LOAN, strip_shown, r, s, &mut cards);
    h.close("section");
    DecisionSlots { root, words, life, crossing, chart, loan, cards }
}

#[cfg(target_arch = "wasm32")]
pub fn section(c: Ctx, h: &mut Html) -> Bind {
    use crate::components::chart_frame::{build, keep_chart};
    use crate::state::decision::mine_convert_crossing;
    let strip_shown = c.page.with_value(|p| p.shows("kpis"));
    let first = build(c, decision_chart, false);
    let slots =
        c.drawn.with_untracked(|s| c.results.with_untracked(|r| card(h, s, r.as_ref(), &first, strip_shown)));
    Box::new(move |dom| {
        keep_chart(c, dom, slots.chart, first, decision_chart);
        crate::components::kpi::keep_current(c, &dom.el(slots.root), dom, &slots.cards);
        let (words, life, crossing, loan) =
            (dom.el(slots.words), dom.el(slots.life), dom.el(slots.crossing), dom.el(slots.loan));
        effect(move |_| {
            c.drawn.with(|s| {
                c.results.with(|r| {
                    if let Some(r) = r {
                        set_text(&words, &decision_words(&r.decision, s, &usd));
                        set_text(&loan, &loan_words(s, r));
                    }
                    set_text(&life, &life_words(s));
                })
            })
        });
        // Some twenty model runs: found once the input settles, not on every step of a drag. Until then the
        // last answer stays, marked busy.
        let settle = Debounce::new(std::time::Duration::from_millis(250));
        effect(move |_| {
            c.drawn.track();
            set_attr(&crossing, "aria-busy", "true");
            let crossing = crossing.clone();
            settle.schedule(move || {
                let found = c.drawn.with_untracked(|s| {
                    c.results.with_untracked(|r| {
                        r.as_ref().and_then(|_| mine_convert_crossing(s))
                    })
                });
                // None when a price the search tries is not valid at these inputs: nothing is said.
                let price = match found {
                    Some(Crossing::At(p)) => crate::format::plain(p),
                    _ => String::new(),
                };
                set_text(&crossing, &found.map(crossing_words).unwrap_or_default());
                set_attr(&crossing, "data-value", &price);
                set_attr(&crossing, "aria-busy", "false");
            });
        });
    })
}

#[cfg(test)]
#[path = "decision_tests.rs"]
mod tests;
