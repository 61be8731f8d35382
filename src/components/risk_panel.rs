//! Risk (MODEL.md sections 5–6): Monte Carlo odds, fan chart, tornado and NPV heatmap, drawn by
//! `risk_charts`.
//!
//! The work runs right after the frame that shows the new KPIs and deterministic charts has been painted,
//! so they never wait for it, in three or more tasks (see `RiskRun`); a newer input supersedes a pending run. A result
//! computed for an older scenario is marked stale (`data-stale="true"`, `aria-busy`) until the fresh one
//! arrives, never shown as current.

use crate::components::chart_frame::{chart, Chart, ChartData};
use crate::components::kpi_card::{formula_details, open_card, Look};
use crate::components::risk_charts::{
    fan_chart, heat_head, heatmap_chart, kpi_text, risk_inputs_differ, risk_summary, setup_text, stale, tornado_chart,
    RiskState, KPIS, TORNADO_NOTE,
};
use crate::ctx::Ctx;
use crate::format::plain;
use crate::model::risk::RiskRun;
use crate::model::Scenario;
use crate::state::words::{risk_title, total_machines};
use crate::view::dom::{after_frame, effect, on, set_attr, set_text, timeout, Bind, Debounce, Ev};
use crate::view::Html;
use leptos::prelude::*;
use std::cell::{Cell, RefCell};
use std::rc::Rc;
use std::time::Duration;
use web_sys::Element;

/// A Monte Carlo KPI's card, value and formula paragraph: slots in the markup, then elements.
struct RiskCard<T> {
    card: T,
    value: T,
    formula: T,
}

/// The panel in the document: what its updates touch.
struct Panel {
    root: Element,
    /// The heading, which says "this machine" or "this fleet".
    title: Element,
    setup: Element,
    note: Element,
    /// Speaks the figures when a risk input alone moved them ([`risk_summary`]), once the runs settle.
    said: Element,
    speak: Debounce,
    kpis: Vec<RiskCard<Element>>,
    fan: Rc<Chart>,
    tornado: Rc<Chart>,
    heat: Rc<Chart>,
    state: RefCell<Option<RiskState>>,
    generation: Cell<u64>,
}

impl Panel {
    fn set_stale(&self, stale: bool) {
        let v = if stale { "true" } else { "false" };
        set_attr(&self.root, "data-stale", v);
        set_attr(&self.root, "aria-busy", v);
        set_text(&self.note, if stale { " Updating…" } else { "" });
    }

    /// Draws the KPIs and charts of the stored result for a view-box width.
    fn render(&self, w: f64) {
        let st = self.state.borrow();
        let Some(st) = st.as_ref() else { return };
        let r = &st.results;
        for (el, k) in self.kpis.iter().zip(&KPIS) {
            let v = k.value(r);
            // Empty for an overflow, as every KPI that is none.
            set_attr(&el.card, "data-value", &if v.is_finite() { plain(v) } else { String::new() });
            set_text(&el.value, &kpi_text(k, v, st.capex));
            set_text(&el.formula, &(k.counts)(&st.scenario, v));
        }
        self.fan.update(fan_chart(r, st.capex, st.halving, st.scenario.horizon_months, w, self.fan.table_open()));
        let site = (1..crate::model::MAX_GROUPS).any(|g| st.scenario.group(g).is_present());
        self.tornado.update(tornado_chart(r, st.npv, w, site));
        let (price, hashrate) = (st.scenario.btc_price_usd, st.scenario.network_hashrate_ehs);
        self.heat.update(heatmap_chart(r, price, hashrate, w));
        self.heat.set_head(heat_head(price));
    }
}

/// Runs the next part of a risk run in a task of its own and queues the one after; the last part shows the
/// results. The run starts in the first task (`run` is `None`), so none of it lands in the input's frame. A
/// newer input (a new `generation`) abandons the run between parts.
fn step(p: Rc<Panel>, c: Ctx, s: Scenario, run: Option<RiskRun>, mine: u64) {
    timeout(
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
            let risk_input_moved = p.state.borrow().as_ref().is_some_and(|st| risk_inputs_differ(&st.scenario, &s));
            if risk_input_moved {
                // A slider held down finishes several runs: only the last is spoken, as the strip's summary is.
                let (said, text) = (p.said.clone(), risk_summary(&results, capex));
                p.speak.schedule(move || set_text(&said, &text));
            }
            *p.state.borrow_mut() = Some(RiskState { scenario: s, results, capex, halving, npv });
            p.render(c.chart_w.get_untracked());
            p.set_stale(false);
        },
        Duration::from_millis(0),
    );
}

pub fn section(c: Ctx, h: &mut Html) -> Bind {
    let none = ChartData::default();
    let inputs = c.page.with_value(|p| p.shows("inputs"));
    let (setup_now, price, machines) = c.drawn.with_untracked(|s| (setup_text(s, inputs), s.btc_price_usd, total_machines(s)));
    h.open("section", "class=\"card risk\" id=\"risk\" aria-labelledby=\"risk-h\" data-stale=\"true\" aria-busy=\"true\"");
    let root = h.slot();
    h.open("h2", "id=\"risk-h\"");
    let title = h.slot();
    h.text(risk_title(machines)).close("h2").open("p", "class=\"muted\"");
    let setup = h.slot();
    h.text(&setup_now).open("span", "class=\"stale-note\"");
    let note = h.slot();
    h.text(" Updating…").close("span").close("p").open("p", "class=\"visually-hidden\" aria-live=\"polite\"");
    let said = h.slot();
    h.close("p").open("div", "class=\"kpi-grid\"");
    let kpis: Vec<_> = KPIS
        .iter()
        .map(|k| {
            let hooks = |h: &mut Html| {
                h.attr("data-kpi", k.key).attr("data-value", "");
            };
            let slots = open_card(h, hooks, k.label, "computing…", Look::Figure);
            let formula = formula_details(h, k.label).text;
            h.close("div");
            RiskCard { card: slots.root, value: slots.value, formula }
        })
        .collect();
    h.close("div").raw("<h3>Cumulative cash, P10–P90 across price paths</h3>");
    let caption = "Cumulative net cash percentiles by month";
    let fan = chart(h, "fan-chart", "Fan chart of cumulative net cash", &none).note(h, "", "").table(h, caption, caption, &["Month", "P10", "P50", "P90"]);
    h.raw("<h3>Which assumption matters most (tornado)</h3>");
    let caption = "NPV at each input's low and high value";
    let tornado = chart(h, "tornado-chart", "Tornado chart of NPV sensitivity", &none)
        .note(h, TORNADO_NOTE, "")
        .table(h, caption, caption, &["Input", "Low", "NPV at low", "High", "NPV at high"]);
    h.raw("<h3>NPV over BTC price × network hashrate</h3>");
    let head = heat_head(price);
    let heat = chart(h, "heatmap-chart", "NPV heatmap over BTC price and network hashrate", &none).table(
        h,
        "NPV heatmap data",
        "NPV (rows: network hashrate; columns: BTC price), every fifth step",
        &head.iter().map(String::as_str).collect::<Vec<_>>(),
    );
    h.close("section");
    Box::new(move |dom| {
        let panel = Rc::new(Panel {
            root: dom.el(root),
            title: dom.el(title),
            setup: dom.el(setup),
            note: dom.el(note),
            said: dom.el(said),
            speak: Debounce::new(crate::components::kpi::SETTLE),
            kpis: kpis
                .iter()
                .map(|k| RiskCard { card: dom.el(k.card), value: dom.el(k.value), formula: dom.el(k.formula) })
                .collect(),
            fan: Chart::new(dom, fan, ChartData::default()),
            tornado: Chart::new(dom, tornado, ChartData::default()),
            heat: Chart::new(dom, heat, ChartData::default()),
            state: RefCell::new(None),
            generation: Cell::new(0),
        });
        panel.heat.set_head(head);
        // Marks the result stale on every input, then computes the fresh one after the next frame is painted
        // (KPIs and deterministic charts first); a newer input supersedes a pending run.
        let p = panel.clone();
        effect(move |_| {
            let s = c.drawn.get();
            set_text(&p.title, risk_title(total_machines(&s)));
            p.set_stale(stale(p.state.borrow().as_ref(), &s));
            // The paragraph's first node is its text; the stale note follows it.
            let text = setup_text(&s, inputs);
            if let Some(t) = p.setup.first_child().filter(|t| t.text_content().as_deref() != Some(text.as_str())) {
                t.set_text_content(Some(&text));
            }
            p.generation.set(p.generation.get() + 1);
            let mine = p.generation.get();
            let p = p.clone();
            after_frame(move || step(p, c, s, None, mine));
        });
        let p = panel.clone();
        effect(move |_| p.render(c.chart_w.get()));
        let root = panel.root.clone();
        on(&root, Ev::Toggle, move |_| panel.render(c.chart_w.get_untracked()));
    })
}
