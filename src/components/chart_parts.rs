//! What every hand-written SVG chart is made of, pure and tested natively: the plot area, axes with nice
//! ticks, rules (payback, halving), levels, the readout points and the [`ChartData`] a chart draws each time.
//! `chart_frame` puts a `ChartData` on the page and patches it.

use crate::chart::{level_label_y, px, whole_ticks, Nav, Node, Row, Scale, Svg};
use crate::components::chart_words::{words, Point};
use crate::view::{Html, Slot};
use crate::view::parts::{data_table, DataTable};

/// Chart height in view-box pixels; the width follows the screen (`Ctx::chart_w`) so text stays readable.
pub const H: f64 = 300.0;
pub const LEFT: f64 = 76.0;
pub const RIGHT: f64 = 18.0;
pub const TOP: f64 = 28.0;
pub const BOTTOM: f64 = 44.0;

/// The viewport width from which the inputs stand beside the outputs (style/main.css's two-column layout).
pub const TWO_COLUMNS_FROM_PX: f64 = 1024.0;

/// View-box width for a viewport width: text is drawn at 12 view-box px, so the box is chosen near the
/// chart's width on screen and the text is never drawn much below 12 px.
pub fn chart_width_for(viewport_px: f64, beside_inputs: bool) -> f64 {
    // Beside the inputs: less the 360 px column, the gap and the card's padding; else the page's margins.
    let px = if beside_inputs && viewport_px >= TWO_COLUMNS_FROM_PX { viewport_px - 440.0 } else { viewport_px - 50.0 };
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
    /// `fmt` is a function pointer rather than generic, so one copy serves every chart.
    pub fn new(scale: &Scale, ticks: &[f64], fmt: fn(f64) -> String, label: &'static str) -> Axis {
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

/// The handles of a chart written by [`chart`].
#[derive(Clone, Copy)]
pub struct ChartSlots {
    pub svg: Slot,
    pub desc: Slot,
    pub body: Slot,
    pub cross: Slot,
    pub readout: Slot,
    pub note: Option<Slot>,
    pub table: Option<DataTable>,
}

/// The handles of the `<svg>` every chart is drawn in.
#[derive(Clone, Copy)]
pub struct SvgSlots {
    pub svg: Slot,
    pub desc: Slot,
    pub body: Slot,
    pub cross: Slot,
}

/// Writes the `<svg role="img">` every chart is drawn in: title and description (its accessible name), the body
/// that `body` fills, and an empty crosshair layer. `id` is the chart's element id (tests and links use it).
pub fn svg_frame(h: &mut Html, id: &'static str, title: &str, view_box: &str, focusable: bool, desc: &str, body: impl FnOnce(&mut Html)) -> SvgSlots {
    let title_id = [id, "-title"].concat();
    let desc_id = [id, "-desc"].concat();
    h.open("svg", "class=\"chart\"").attr("id", id).attr("viewBox", view_box).attr("role", "img");
    h.attr("tabindex", if focusable { "0" } else { "-1" }).attr("aria-labelledby", &[title_id.as_str(), " ", &desc_id].concat());
    let svg = h.slot();
    h.open("title", "").attr("id", &title_id).text(title).close("title");
    h.open("desc", "").attr("id", &desc_id);
    let desc_slot = h.slot();
    h.text(desc).close("desc").open("g", "class=\"body\"");
    let body_slot = h.slot();
    body(h);
    h.close("g").open("g", "class=\"crosshair\" aria-hidden=\"true\"");
    let cross = h.slot();
    h.close("g").close("svg");
    SvgSlots { svg, desc: desc_slot, body: body_slot, cross }
}

/// Writes an accessible chart ([`svg_frame`] with the body's layers) and the readout line under it.
pub fn chart(h: &mut Html, id: &'static str, title: &str, d: &ChartData) -> ChartSlots {
    let f = svg_frame(h, id, title, &d.view_box(), !d.points.is_empty(), &d.desc, |h| layers(h, &d.layers));
    // The readout's words, under the chart: they wrap on a phone, and screen readers hear them (the SVG's own
    // text is not read inside an img).
    h.open("p", "class=\"readout\" aria-live=\"polite\" data-readout=\"\"");
    let readout = h.slot();
    h.close("p");
    ChartSlots { svg: f.svg, desc: f.desc, body: f.body, cross: f.cross, readout, note: None, table: None }
}

impl ChartSlots {
    /// Adds the line under the chart: `prefix` (fixed markup, e.g. legend swatches) and the description.
    pub fn note(mut self, h: &mut Html, prefix: &'static str, desc: &str) -> ChartSlots {
        // The chart's name already carries this description (`svg_frame`): a screen reader reads it once.
        h.open("p", "class=\"chart-note\"").raw(prefix).open("span", "class=\"chart-desc\" aria-hidden=\"true\"");
        self.note = Some(h.slot());
        h.text(desc).close("span").close("p");
        self
    }

    /// Adds the collapsible data table (see `view::parts::data_table`).
    pub fn table(mut self, h: &mut Html, label: &str, caption: &str, head: &[&str]) -> ChartSlots {
        self.table = Some(data_table(h, label, caption, head));
        self
    }
}

pub fn layers(h: &mut Html, layers: &[Layer]) {
    for l in layers {
        h.open("g", "");
        if !l.class.is_empty() {
            h.attr("class", l.class);
        }
        h.nodes(&l.nodes).close("g");
    }
}

/// `0` when the chart has readout points (the arrow keys step through them), else `-1`.
pub fn tabindex(d: &ChartData) -> &'static str {
    if d.points.is_empty() {
        "-1"
    } else {
        "0"
    }
}

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
    /// Legend swatch markup shown before the description, or "".
    pub swatch: &'static str,
}

/// Writes a projection chart card: heading, chart, description and data table.
pub fn projection_card(h: &mut Html, p: &Projection, d: &ChartData) -> ChartSlots {
    h.open("section", "class=\"card chart-card\"").attr("id", p.id).attr("aria-labelledby", &[p.id, "-h"].concat());
    h.open("h2", "").attr("id", &[p.id, "-h"].concat()).text(p.heading).close("h2");
    let slots = chart(h, p.chart_id, p.title, d).note(h, p.swatch, &d.desc).table(h, p.caption, p.caption, p.headers);
    h.close("section");
    slots
}

/// The box a readout outlines (a tornado row, a heatmap cell), in view-box pixels.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Mark {
    pub x: f64,
    pub y: f64,
    pub w: f64,
    pub h: f64,
}

/// One crosshair position: x in view-box pixels, what it reads, and the box it outlines instead of a
/// vertical line (tornado rows, heatmap cells).
#[derive(Clone, Debug, PartialEq)]
pub struct Readout {
    pub x_px: f64,
    pub point: Point,
    pub mark: Option<Mark>,
}

impl Readout {
    pub fn at(x_px: f64, point: Point) -> Readout {
        Readout { x_px, point, mark: None }
    }

    /// The words under the chart.
    pub fn text(&self) -> String {
        words(&self.point)
    }

    /// The crosshair's nodes: a vertical line, or the outline of its mark.
    pub fn crosshair(&self) -> Vec<Node> {
        let mut svg = Svg::new();
        match self.mark {
            None => svg.line("", px(self.x_px), px(y_range().0), px(self.x_px), px(y_range().1)),
            Some(m) => svg.rect("", px(m.x), px(m.y), px(m.w).max(2), px(m.h).max(2)),
        }
        svg.take()
    }
}

/// One `<g class=…>` of a chart's body, patched on its own (a slider move mostly moves a line and a rule).
#[derive(Clone, Debug, PartialEq, Default)]
pub struct Layer {
    pub class: &'static str,
    pub nodes: Vec<Node>,
}

impl Layer {
    pub fn new(class: &'static str, nodes: Vec<Node>) -> Layer {
        Layer { class, nodes }
    }
}

/// Everything a chart shows, computed in one go: body layers, crosshair points, table rows, description.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct ChartData {
    pub layers: Vec<Layer>,
    pub points: Vec<Readout>,
    /// The data table's body (built only while the table is open, for the projection charts).
    pub table: Vec<Row>,
    pub desc: String,
    /// View-box size.
    pub w: f64,
    pub h: f64,
    /// How the arrow keys move the readout.
    pub nav: Nav,
}

impl ChartData {
    /// `0 0 w h`.
    pub fn view_box(&self) -> String {
        ["0 0 ", &crate::chart::int_string(px(self.w)), " ", &crate::chart::int_string(px(self.h))].concat()
    }
}

#[cfg(test)]
#[path = "chart_tests.rs"]
mod tests;
