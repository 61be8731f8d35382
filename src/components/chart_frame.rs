//! Shared pieces of the hand-written SVG charts: plot area, axes with nice ticks, rules (payback,
//! halving), and a crosshair that follows the pointer and the arrow keys and reads out the value.
//! Charts are islands (see `crate::dom`): `push_svg` writes a chart once, with its body cut into layers
//! (`<g>` per axes, series, rules…); `Chart::update` then patches each layer only where it changed (a moved
//! path's `d`, resized bars, relabelled ticks in place; markup only when a layer's elements change), so a
//! slider move re-parses, re-styles and repaints little.

use crate::app::Ctx;
use crate::chart::{
    level_label_y, nearest_box, nearest_index, parse_flat, push_escaped, push_int, px, same_shape, step_index, unescape, whole_ticks,
    Nav, Scale, Svg,
};
use crate::dom::{find, on, set_attr, set_text, Section};
use std::cell::RefCell;
use std::rc::Rc;
use web_sys::Element;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// Chart height in view-box pixels; the width follows the screen (`Ctx::chart_w`) so text stays readable.
pub const H: f64 = 300.0;
pub const LEFT: f64 = 76.0;
pub const RIGHT: f64 = 18.0;
pub const TOP: f64 = 28.0;
pub const BOTTOM: f64 = 44.0;

/// View-box width for a viewport width: text is drawn at 12 view-box px, so the box is chosen near the
/// chart's width on screen (beside the 360 px inputs column from 1024 px on, else the page width) and the
/// text is never drawn much below 12 px.
pub fn chart_width_for(viewport_px: f64, beside_inputs: bool) -> f64 {
    let px = if beside_inputs && viewport_px >= 1024.0 { viewport_px - 440.0 } else { viewport_px - 50.0 };
    if px < 470.0 {
        380.0
    } else if px < 680.0 {
        560.0
    } else {
        720.0
    }
}

/// How many x ticks fit a chart of this width.
pub fn x_tick_target(w: f64) -> usize {
    if w < 500.0 {
        4
    } else {
        6
    }
}

/// Plot-area edges in view-box pixels.
pub fn x_range(w: f64) -> (f64, f64) {
    (LEFT, w - RIGHT)
}
pub fn y_range() -> (f64, f64) {
    (H - BOTTOM, TOP)
}

/// Tick positions (px) with their labels.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct Axis {
    pub ticks: Vec<(i64, String)>,
    pub label: &'static str,
}

impl Axis {
    pub fn new(scale: &Scale, ticks: &[f64], fmt: impl Fn(f64) -> String, label: &'static str) -> Axis {
        Axis { ticks: ticks.iter().map(|&t| (px(scale.map(t)), fmt(t))).collect(), label }
    }
}

/// Grid lines, tick labels and axis titles.
pub fn axes(svg: &mut Svg, w: f64, x: &Axis, y: &Axis) {
    let (x0, x1) = (px(x_range(w).0), px(x_range(w).1));
    let (y0, y1) = (px(y_range().0), px(y_range().1));
    for (p, label) in &y.ticks {
        svg.line("grid", x0, *p, x1, *p);
        svg.text("tick", x0 - 6, p + 4, "end", label);
    }
    svg.line("axis", x0, y0, x1, y0);
    svg.line("axis", x0, y0, x0, y1);
    for (p, label) in &x.ticks {
        svg.line("axis", *p, y0, *p, y0 + 5);
        svg.text("tick", *p, y0 + 18, "middle", label);
    }
    svg.text("axis-title", (x0 + x1) / 2, px(H - 6.0), "middle", x.label);
    svg.text("axis-title", 8, 16, "start", y.label);
}

/// A labelled vertical rule (payback, halving) at `x_px`; nothing when off the plot. Its layer carries
/// the classes `rule payback` / `rule halving`. The label sits on text row `row` up from the bottom (a second
/// rule whose label would cover the first one's goes on row 1; see `rule_labels_collide`).
pub fn rule(svg: &mut Svg, w: f64, x_px: Option<f64>, label: &str, row: i64) {
    let (x0, x1) = x_range(w);
    let Some(x) = x_px.filter(|x| *x >= x0 && *x <= x1) else { return };
    let (y0, y1) = (px(y_range().0), px(y_range().1));
    let end = x > (x0 + x1) / 2.0;
    svg.line("", px(x), y0, px(x), y1);
    svg.text("", px(if end { x - 4.0 } else { x + 4.0 }), y0 - 8 - 16 * row, if end { "end" } else { "start" }, label);
}

/// A dashed horizontal reference line across the plot with a label at its right end.
pub fn level(svg: &mut Svg, w: f64, y_px: i64, label: &str, class: &str) {
    let (x0, x1) = (px(x_range(w).0), px(x_range(w).1));
    svg.line(class, x0, y_px, x1, y_px);
    svg.text("series-label", x1 - 4, level_label_y(y_px, px(TOP)), "end", label);
}

/// The scale and axis of a chart over `months` elapsed months (0 at the plot's left edge): whole-month ticks
/// only, so no two read alike.
pub fn month_axis(months: f64, w: f64) -> (Scale, Axis) {
    let x = Scale::new((0.0, months), x_range(w));
    let t: Vec<f64> = whole_ticks(0.0, months, x_tick_target(w)).into_iter().filter(|t| *t <= months).collect();
    let axis = Axis::new(&x, &t, |t| crate::format::num(t, 0), "months");
    (x, axis)
}

/// One crosshair position: x in view-box pixels and the numbers it reads, worded by `words` only when
/// the crosshair is there (formatting every point on every input would be wasted work). A point with a
/// `mark` (tornado row, heatmap cell: `[x, y, width, height]`) is outlined instead of crossed by a line.
#[derive(Clone, Debug)]
pub struct Readout {
    pub x_px: f64,
    pub values: [f64; 5],
    pub words: fn(&[f64; 5]) -> String,
    pub mark: Option<[f64; 4]>,
}

/// Same position, same numbers (each chart words its points one way, so `words` need not be compared).
impl PartialEq for Readout {
    fn eq(&self, other: &Self) -> bool {
        self.x_px == other.x_px && self.values == other.values && self.mark == other.mark
    }
}

impl Readout {
    pub fn text(&self) -> String {
        (self.words)(&self.values)
    }
}

/// View-box x and y of a pointer event over the SVG.
fn pointer_xy(ev: &web_sys::PointerEvent, view_w: f64, view_h: f64) -> Option<(f64, f64)> {
    let el = ev.current_target()?.dyn_into::<web_sys::Element>().ok()?;
    let rect = el.get_bounding_client_rect();
    (rect.width() > 0.0 && rect.height() > 0.0).then(|| {
        ((ev.client_x() as f64 - rect.left()) * view_w / rect.width(), (ev.client_y() as f64 - rect.top()) * view_h / rect.height())
    })
}

/// The crosshair's markup at one readout point: a vertical line, or the outline of its mark. Its words go in
/// the line under the chart (`Chart::point`), where they wrap on a narrow screen instead of running off it.
fn crosshair(r: &Readout) -> String {
    let mut svg = Svg::new();
    match r.mark {
        None => svg.line("", px(r.x_px), px(y_range().0), px(r.x_px), px(y_range().1)),
        Some([x, y, bw, bh]) => svg.rect("", px(x), px(y), px(bw).max(2), px(bh).max(2)),
    }
    svg.out
}

/// Everything a chart shows, computed in one memo: body markup, crosshair points, table rows, description.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct ChartData {
    /// The body cut into layers, each a `<g class=…>` patched on its own.
    pub layers: Vec<(&'static str, String)>,
    pub points: Vec<Readout>,
    pub table: String,
    pub desc: String,
    /// View-box size.
    pub w: f64,
    pub h: f64,
    /// How the arrow keys move the readout.
    pub nav: Nav,
}

/// For callers that build their own headers: the markup of one header row.
pub fn header_row(cells: &[String]) -> String {
    let mut out = String::from("<tr>");
    for c in cells {
        out.push_str("<th scope=\"col\">");
        crate::chart::push_escaped(&mut out, c);
        out.push_str("</th>");
    }
    out.push_str("</tr>");
    out
}


// ---- Chart islands: markup once, then each layer patched in place ----

/// Cache value meaning "not known": the first patch of a layer replaces its markup whole.
const UNKNOWN: &str = "\u{0}";

/// The layers of a chart's body, as (class, markup).
fn layers(d: &ChartData) -> Vec<(&'static str, &str)> {
    d.layers.iter().map(|(c, m)| (*c, m.as_str())).collect()
}

fn push_layers(m: &mut String, d: &ChartData) {
    for (class, inner) in layers(d) {
        m.push_str("<g");
        if !class.is_empty() {
            m.push_str(" class=\"");
            m.push_str(class);
            m.push('"');
        }
        m.push('>');
        m.push_str(inner);
        m.push_str("</g>");
    }
}

fn view_box(d: &ChartData) -> String {
    let mut v = String::from("0 0 ");
    push_int(&mut v, px(d.w));
    v.push(' ');
    push_int(&mut v, px(d.h));
    v
}

fn tabindex(d: &ChartData) -> &'static str {
    if d.points.is_empty() {
        "-1"
    } else {
        "0"
    }
}

/// An accessible chart's markup: `<svg role="img">` with title and description, the body's layers and an
/// empty crosshair layer (see `Chart` for its updates and its pointer and keyboard crosshair).
pub fn push_svg(m: &mut String, id: &str, title: &str, d: &ChartData) {
    m.push_str("<svg class=\"chart\" id=\"");
    m.push_str(id);
    m.push_str("\" viewBox=\"");
    m.push_str(&view_box(d));
    m.push_str("\" role=\"img\" tabindex=\"");
    m.push_str(tabindex(d));
    m.push_str("\" aria-labelledby=\"");
    m.push_str(id);
    m.push_str("-title ");
    m.push_str(id);
    m.push_str("-desc\"><title id=\"");
    m.push_str(id);
    m.push_str("-title\">");
    push_escaped(m, title);
    m.push_str("</title><desc id=\"");
    m.push_str(id);
    m.push_str("-desc\">");
    push_escaped(m, &d.desc);
    m.push_str("</desc><g class=\"body\">");
    push_layers(m, d);
    // The readout's words, under the chart: they wrap on a phone, and screen readers hear them (the SVG's own
    // text is not read inside an img).
    m.push_str("</g><g class=\"crosshair\" aria-hidden=\"true\"></g></svg><p class=\"readout\" aria-live=\"polite\" data-readout=\"\"></p>");
}

/// The line under a chart: `prefix` (trusted markup, e.g. legend swatches) and the description.
pub fn push_note(m: &mut String, prefix: &str, desc: &str) {
    m.push_str("<p class=\"chart-note\">");
    m.push_str(prefix);
    m.push_str("<span class=\"chart-desc\">");
    push_escaped(m, desc);
    m.push_str("</span></p>");
}

/// A collapsible data table: `head` is the header row's markup (see `header_row`), `rows` the body's.
pub fn push_table(m: &mut String, label: &str, caption: &str, head: &str, rows: &str) {
    // A wide table scrolls sideways on a narrow screen: the scroller takes focus so the keyboard can scroll it.
    m.push_str("<details class=\"data-table\"><summary>Data table<span class=\"visually-hidden\">: ");
    push_escaped(m, label);
    m.push_str("</span></summary><div class=\"table-scroll\" tabindex=\"0\" role=\"region\" aria-label=\"");
    push_escaped(m, label);
    m.push_str("\"><table><caption>");
    push_escaped(m, caption);
    m.push_str("</caption><thead>");
    m.push_str(head);
    m.push_str("</thead><tbody>");
    m.push_str(rows);
    m.push_str("</tbody></table></div></details>");
}

/// Header row markup from static headers.
pub fn head_of(headers: &[&str]) -> String {
    header_row(&headers.iter().map(|h| h.to_string()).collect::<Vec<_>>())
}

/// Turns the markup inside `el` from `cache` (what was written there last) into `new`, touching as little
/// as possible: nothing when equal; attribute values and texts in place when both are flat runs of the same
/// elements (a moved path, resized bars, relabelled ticks); else the markup is replaced whole.
pub fn patch_layer(el: &Element, cache: &mut String, new: &str) {
    if cache.as_str() == new {
        return;
    }
    let in_place = match (parse_flat(cache), parse_flat(new)) {
        // First patch after the island's markup (nothing cached): compare with the elements themselves, so
        // the markup they were built from is not parsed twice.
        (_, Some(now)) if cache.as_str() == UNKNOWN && el.child_element_count() as usize == now.len() => {
            let mut kid = el.first_element_child();
            let mut ok = true;
            for n in &now {
                let Some(k) = kid else { break };
                kid = k.next_element_sibling();
                if k.tag_name() != n.tag || k.get_attribute_names().length() as usize != n.attrs.len() {
                    ok = false;
                    break;
                }
                for (name, b) in &n.attrs {
                    set_attr(&k, name, &unescape(b));
                }
                if let Some(t) = n.text {
                    set_text(&k, &unescape(t));
                }
            }
            ok
        }
        (Some(old), Some(now)) if !now.is_empty() && same_shape(&old, &now) && el.child_element_count() as usize == now.len() => {
            let mut kid = el.first_element_child();
            for (o, n) in old.iter().zip(&now) {
                let Some(k) = kid else { break };
                kid = k.next_element_sibling();
                for ((name, a), (_, b)) in o.attrs.iter().zip(&n.attrs) {
                    if a != b {
                        let _ = k.set_attribute(name, &unescape(b));
                    }
                }
                if o.text != n.text {
                    k.set_text_content(Some(&unescape(n.text.unwrap_or_default())));
                }
            }
            true
        }
        _ => false,
    };
    if !in_place {
        el.set_inner_html(new);
    }
    cache.clear();
    cache.push_str(new);
}

/// What a bound chart last wrote, and its crosshair.
struct Shown {
    layers: Vec<String>,
    cross: String,
    rows: String,
    points: Vec<Readout>,
    w: f64,
    h: f64,
    nav: Nav,
    index: Option<usize>,
}

/// A chart in the document (from `push_svg`, optionally followed by `push_note` and `push_table`), kept
/// current by `update` and given a pointer and keyboard crosshair by `listen`.
pub struct Chart {
    svg: Element,
    body: Option<Element>,
    cross: Option<Element>,
    /// The line under the chart with the readout's words (a polite live region).
    live: Option<Element>,
    desc: Option<Element>,
    note: Option<Element>,
    /// The chart's `<details class="data-table">`, if it has one.
    pub details: Option<Element>,
    tbody: Option<Element>,
    shown: RefCell<Shown>,
}

impl Chart {
    /// The chart `<svg>` with id `id` under `root`, with its crosshair listeners attached.
    pub fn bind(root: &Element, id: &str) -> Option<Rc<Chart>> {
        let svg = find(root, &["#", id].concat())?;
        let mut next = svg.next_element_sibling();
        let live = next.clone().filter(|e| e.has_attribute("data-readout"));
        if live.is_some() {
            next = next.and_then(|e| e.next_element_sibling());
        }
        let note = next.clone().filter(|e| e.class_name() == "chart-note");
        if note.is_some() {
            next = next.and_then(|e| e.next_element_sibling());
        }
        let details = next.filter(|e| e.tag_name().eq_ignore_ascii_case("details"));
        let body = find(&svg, "g.body");
        let n = body.as_ref().map(|b| b.child_element_count()).unwrap_or(0) as usize;
        let tbody = details.as_ref().and_then(|d| find(d, "tbody"));
        let rows = if tbody.as_ref().is_some_and(|t| t.child_element_count() > 0) { UNKNOWN } else { "" };
        let chart = Rc::new(Chart {
            cross: find(&svg, "g.crosshair"),
            live,
            desc: find(&svg, "desc"),
            note: note.and_then(|p| find(&p, ".chart-desc")),
            tbody,
            details,
            body,
            shown: RefCell::new(Shown {
                layers: vec![UNKNOWN.to_string(); n],
                cross: String::new(),
                rows: rows.to_string(),
                points: Vec::new(),
                w: 0.0,
                h: 0.0,
                nav: Nav::X,
                index: None,
            }),
            svg,
        });
        Chart::listen(&chart);
        Some(chart)
    }

    /// Whether the chart's data table is open (its rows are built only then).
    pub fn table_open(&self) -> bool {
        self.details.as_ref().is_some_and(|d| d.has_attribute("open"))
    }

    fn listen(this: &Rc<Chart>) {
        let svg = &this.svg;
        // A tap (pointerdown) shows the point too: a phone has neither hover nor arrow keys.
        for event in ["pointermove", "pointerdown"] {
            let ch = this.clone();
            on(svg, event, false, move |ev| {
                let Some(pe) = ev.dyn_ref::<web_sys::PointerEvent>() else { return };
                let s = ch.shown.borrow();
                let Some((x, y)) = pointer_xy(pe, s.w, s.h) else { return };
                let mark = |r: &Readout| r.mark.unwrap_or([f64::NAN; 4]);
                let next = match s.nav {
                    Nav::X => nearest_index(&s.points.iter().map(|r| r.x_px).collect::<Vec<_>>(), x),
                    // A tornado row answers anywhere along it, its label included.
                    Nav::Rows => nearest_index(&s.points.iter().map(|r| mark(r)[1] + mark(r)[3] / 2.0).collect::<Vec<_>>(), y),
                    Nav::Grid(_) => nearest_box(&s.points.iter().map(mark).collect::<Vec<_>>(), x, y),
                };
                drop(s);
                ch.point(next);
            });
        }
        let ch = this.clone();
        on(svg, "keydown", false, move |ev| {
            let Some(ke) = ev.dyn_ref::<web_sys::KeyboardEvent>() else { return };
            let (now, len, nav) = {
                let s = ch.shown.borrow();
                (s.index, s.points.len(), s.nav)
            };
            if let Some(next) = step_index(&ke.key(), now, len, nav) {
                ev.prevent_default();
                ch.point(next);
            }
        });
        // A finger lifting "leaves" the chart: the tapped point stays until the chart loses focus.
        for event in ["pointerleave", "blur"] {
            let ch = this.clone();
            on(svg, event, false, move |ev| {
                if !ev.dyn_ref::<web_sys::PointerEvent>().is_some_and(|p| p.pointer_type() == "touch") {
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
        let at = s.index.and_then(|i| s.points.get(i));
        let (markup, words) = at.map(|r| (crosshair(r), r.text())).unwrap_or_default();
        if let Some(el) = &self.cross {
            patch_layer(el, &mut s.cross, &markup);
        }
        if let Some(el) = &self.live {
            set_text(el, &words);
        }
    }

    /// Shows `d`, touching only what changed.
    pub fn update(&self, d: ChartData) {
        set_attr(&self.svg, "viewBox", &view_box(&d));
        set_attr(&self.svg, "tabindex", tabindex(&d));
        if let Some(el) = &self.desc {
            set_text(el, &d.desc);
        }
        if let Some(el) = &self.note {
            set_text(el, &d.desc);
        }
        {
            let mut s = self.shown.borrow_mut();
            let now = layers(&d);
            if let Some(body) = &self.body {
                if now.len() != s.layers.len() {
                    let mut m = String::new();
                    push_layers(&mut m, &d);
                    body.set_inner_html(&m);
                    s.layers = now.iter().map(|(_, m)| m.to_string()).collect();
                } else {
                    let mut kid = body.first_element_child();
                    for (i, (_, m)) in now.iter().enumerate() {
                        let Some(g) = kid else { break };
                        kid = g.next_element_sibling();
                        patch_layer(&g, &mut s.layers[i], m);
                    }
                }
            }
            if let Some(tb) = &self.tbody {
                if s.rows != d.table {
                    tb.set_inner_html(&d.table);
                    s.rows = d.table;
                }
            }
            s.points = d.points;
            s.w = d.w;
            s.h = d.h;
            s.nav = d.nav;
        }
        self.draw_cross();
    }
}

/// Builds one deterministic chart from the scenario and its results for a view-box width; rows for the
/// data table only when it is open.
pub type BuildChart = fn(&crate::model::Scenario, &crate::model::Results, f64, bool) -> ChartData;

/// One card with a chart of the deterministic projection (cash, hashprice, monthly).
pub struct Projection {
    /// Section id (a `panels=` name).
    pub id: &'static str,
    /// The chart's own element id.
    pub chart_id: &'static str,
    pub heading: &'static str,
    pub title: &'static str,
    pub caption: &'static str,
    pub headers: &'static [&'static str],
    /// Legend swatch class shown before the description (e.g. "swatch-shade"), or "".
    pub swatch: &'static str,
}

fn build(c: Ctx, draw: BuildChart, with_table: bool) -> ChartData {
    let w = c.chart_w.get_untracked();
    c.scenario.with_untracked(|s| c.results.with_untracked(|r| r.as_ref().map(|r| draw(s, r, w, with_table)).unwrap_or_default()))
}

/// The island of one projection chart card: heading, chart, description and data table, recomputed from
/// the one results memo whenever the scenario or the screen width changes. `bind` calls `bind_projection`.
pub fn projection_island(c: Ctx, p: &Projection, draw: BuildChart) -> Section {
    let d = build(c, draw, false);
    let mut m = String::with_capacity(d.layers.iter().map(|l| l.1.len()).sum::<usize>() + 1024);
    m.push_str("<section class=\"card chart-card\" id=\"");
    m.push_str(p.id);
    m.push_str("\" aria-labelledby=\"");
    m.push_str(p.id);
    m.push_str("-h\"><h2 id=\"");
    m.push_str(p.id);
    m.push_str("-h\">");
    push_escaped(&mut m, p.heading);
    m.push_str("</h2>");
    push_svg(&mut m, p.chart_id, p.title, &d);
    let swatch = if p.swatch.is_empty() { String::new() } else { ["<span class=\"swatch ", p.swatch, "\" aria-hidden=\"true\"></span>"].concat() };
    push_note(&mut m, &swatch, &d.desc);
    push_table(&mut m, p.caption, p.caption, &head_of(p.headers), "");
    m.push_str("</section>");
    Section::new(m, move |root| bind_projection(c, root, draw))
}

/// Keeps a projection chart card current (see `projection_island`); its rows are built while its table is open.
pub fn bind_projection(c: Ctx, root: &Element, draw: BuildChart) {
    let Some(chart) = find(root, "svg.chart").and_then(|svg| Chart::bind(root, &svg.id())) else { return };
    let ch = chart.clone();
    crate::dom::effect(move |_| {
        c.scenario.track();
        c.results.track();
        c.chart_w.track();
        ch.update(build(c, draw, ch.table_open()));
    });
    on(root, "toggle", true, move |_| chart.update(build(c, draw, chart.table_open())));
}
