//! The chart frame: puts a [`ChartData`] on the page (an accessible `<svg>` with its layers, the readout line,
//! the note and the data table) and keeps it current. Each layer is patched node by node against what it
//! drew last (a moved path's `d`, resized bars, relabelled ticks in place), so a slider move re-styles and
//! repaints little; the crosshair follows the pointer and the arrow keys.

use crate::chart::{nearest_box, nearest_index, step_index, Nav, Node, Row};
use crate::ctx::Ctx;
pub use crate::components::chart_parts::*;
use crate::view::dom::{effect, on, patch_nodes, set_attr, set_text, Bind, Dom, Ev};
use crate::view::Html;
use crate::view::parts::{body_rows, header_row, DataTable};
use leptos::prelude::*;
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::JsCast;
use web_sys::Element;

/// View-box x and y of a pointer event over the SVG.
fn pointer_xy(ev: &web_sys::PointerEvent, view_w: f64, view_h: f64) -> Option<(f64, f64)> {
    let el = ev.current_target()?.dyn_into::<web_sys::Element>().ok()?;
    let rect = el.get_bounding_client_rect();
    (rect.width() > 0.0 && rect.height() > 0.0).then(|| {
        ((ev.client_x() as f64 - rect.left()) * view_w / rect.width(), (ev.client_y() as f64 - rect.top()) * view_h / rect.height())
    })
}

/// What a chart last drew, and where its crosshair is.
struct Shown {
    data: ChartData,
    cross: Vec<Node>,
    head: Option<Vec<String>>,
    index: Option<usize>,
}

/// A chart in the document, kept current by `update`, with a pointer and keyboard crosshair.
pub struct Chart {
    svg: Element,
    body: Element,
    cross: Element,
    /// The line under the chart with the readout's words (a polite live region).
    live: Element,
    desc: Element,
    note: Option<Element>,
    table: Option<DataTable<Element>>,
    shown: RefCell<Shown>,
}

impl Chart {
    /// The chart of `slots`, showing `first` (what it was written with), with its crosshair listeners attached.
    pub fn new(dom: &Dom, slots: ChartSlots, first: ChartData) -> Rc<Chart> {
        let chart = Rc::new(Chart {
            svg: dom.el(slots.svg),
            body: dom.el(slots.body),
            cross: dom.el(slots.cross),
            live: dom.el(slots.readout),
            desc: dom.el(slots.desc),
            note: slots.note.map(|s| dom.el(s)),
            table: slots
                .table
                .map(|t| DataTable { details: dom.el(t.details), head: dom.el(t.head), body: dom.el(t.body) }),
            shown: RefCell::new(Shown { data: first, cross: Vec::new(), head: None, index: None }),
        });
        Chart::listen(&chart);
        chart
    }

    /// The `<details>` of the chart's data table (a toggle there rebuilds its rows).
    pub fn details(&self) -> Option<&Element> {
        self.table.as_ref().map(|t| &t.details)
    }

    /// Whether the chart's data table is open (its rows are built only then).
    pub fn table_open(&self) -> bool {
        self.details().is_some_and(|d| d.has_attribute("open"))
    }

    fn listen(this: &Rc<Chart>) {
        let svg = &this.svg;
        // A tap (pointerdown) shows the point too: a phone has neither hover nor arrow keys.
        for event in [Ev::PointerMove, Ev::PointerDown] {
            let ch = this.clone();
            on(svg, event, move |ev| {
                let Some(pe) = ev.dyn_ref::<web_sys::PointerEvent>() else { return };
                let s = ch.shown.borrow();
                let d = &s.data;
                let Some((x, y)) = pointer_xy(pe, d.w, d.h) else { return };
                let mark = |r: &Readout| r.mark.map_or([f64::NAN; 4], |m| [m.x, m.y, m.w, m.h]);
                let next = match d.nav {
                    Nav::X => nearest_index(&d.points.iter().map(|r| r.x_px).collect::<Vec<_>>(), x),
                    // A tornado row answers anywhere along it, its label included.
                    Nav::Rows => nearest_index(&d.points.iter().map(|r| mark(r)[1] + mark(r)[3] / 2.0).collect::<Vec<_>>(), y),
                    Nav::Grid(_) => nearest_box(&d.points.iter().map(mark).collect::<Vec<_>>(), x, y),
                };
                drop(s);
                ch.point(next);
            });
        }
        let ch = this.clone();
        on(svg, Ev::KeyDown, move |ev| {
            let Some(ke) = ev.dyn_ref::<web_sys::KeyboardEvent>() else { return };
            let (now, len, nav) = {
                let s = ch.shown.borrow();
                (s.index, s.data.points.len(), s.data.nav)
            };
            if let Some(next) = step_index(&ke.key(), now, len, nav) {
                ev.prevent_default();
                ch.point(next);
            }
        });
        // A finger lifting "leaves" the chart: the tapped point stays until the chart loses focus.
        for event in [Ev::PointerLeave, Ev::Blur] {
            let ch = this.clone();
            on(svg, event, move |ev| {
                if ev.dyn_ref::<web_sys::PointerEvent>().is_none_or(|p| p.pointer_type() != "touch") {
                    ch.point(None);
                }
            });
        }
    }

    /// Moves the crosshair to point `index` (or hides it).
    fn point(&self, index: Option<usize>) {
        self.shown.borrow_mut().index = index;
        self.draw_cross();
    }

    fn draw_cross(&self) {
        let mut s = self.shown.borrow_mut();
        let at = s.index.and_then(|i| s.data.points.get(i));
        let (nodes, words) = at.map(|r| (r.crosshair(), r.text())).unwrap_or_default();
        patch_nodes(&self.cross, &s.cross, &nodes);
        s.cross = nodes;
        set_text(&self.live, &words);
    }

    /// Shows `d`, touching only what changed.
    pub fn update(&self, d: ChartData) {
        set_attr(&self.svg, "viewBox", &d.view_box());
        set_attr(&self.svg, "tabindex", tabindex(&d));
        set_text(&self.desc, &d.desc);
        if let Some(el) = &self.note {
            set_text(el, &d.desc);
        }
        {
            let mut s = self.shown.borrow_mut();
            let old = &s.data.layers;
            let same_layers = old.len() == d.layers.len() && old.iter().zip(&d.layers).all(|(a, b)| a.class == b.class);
            if same_layers && self.body.child_element_count() as usize == d.layers.len() {
                let mut kid = self.body.first_element_child();
                for (o, n) in old.iter().zip(&d.layers) {
                    let Some(g) = kid else { break };
                    kid = g.next_element_sibling();
                    patch_nodes(&g, &o.nodes, &n.nodes);
                }
            } else {
                let mut h = Html::new();
                layers(&mut h, &d.layers);
                Dom::fill(&self.body, h);
            }
            if let Some(DataTable { body: tbody, .. }) = &self.table {
                if s.data.table != d.table {
                    let mut h = Html::new();
                    body_rows(&mut h, &d.table);
                    Dom::fill(tbody, h);
                }
            }
            s.data = d;
        }
        self.draw_cross();
    }

    /// Replaces the data table's header cells (the heatmap's prices follow the scenario).
    pub fn set_head(&self, cells: Vec<String>) {
        let mut s = self.shown.borrow_mut();
        if let (Some(DataTable { head, .. }), false) = (&self.table, s.head.as_ref() == Some(&cells)) {
            let mut h = Html::new();
            header_row(&mut h, &cells.iter().map(String::as_str).collect::<Vec<_>>());
            Dom::fill(head, h);
            s.head = Some(cells);
        }
    }
}

/// Builds one deterministic chart from the scenario and its results for a view-box width; rows for the
/// data table only when it is open.
pub type BuildChart = fn(&crate::model::Scenario, &crate::model::Results, f64, bool) -> ChartData;

/// `draw` for the current scenario, results and screen width (empty without results).
pub fn build(c: Ctx, draw: BuildChart, with_table: bool) -> ChartData {
    let w = c.chart_w.get_untracked();
    c.drawn.with_untracked(|s| c.results.with_untracked(|r| r.as_ref().map(|r| draw(s, r, w, with_table)).unwrap_or_default()))
}

/// One projection chart card: heading, chart, description and data table, redrawn from the one results memo
/// whenever the scenario or the screen width changes; its rows are built while its table is open.
pub fn projection(c: Ctx, h: &mut Html, p: &'static Projection, draw: BuildChart) -> Bind {
    let d = build(c, draw, false);
    let slots = projection_card(h, p, &d);
    Box::new(move |dom| keep_chart(c, dom, slots, d, draw))
}

/// Keeps the chart written with `slots` (first drawn as `first`) current: redrawn whenever the scenario or the
/// screen width changes, its table's rows built while the table is open.
pub fn keep_chart(c: Ctx, dom: &Dom, slots: ChartSlots, first: ChartData, draw: BuildChart) {
    let chart = Chart::new(dom, slots, first);
    let ch = chart.clone();
    effect(move |_| {
        c.drawn.track();
        c.results.track();
        c.chart_w.track();
        ch.update(build(c, draw, ch.table_open()));
    });
    if let Some(details) = chart.details().cloned() {
        on(&details, Ev::Toggle, move |_| chart.update(build(c, draw, chart.table_open())));
    }
}

/// Table rows from plain cell lists (a chart's `ChartData::table`).
pub fn table(cells: Vec<Vec<String>>) -> Vec<Row> {
    crate::chart::rows(cells)
}
