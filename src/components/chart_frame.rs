//! Shared pieces of the hand-written SVG charts: plot area, axes with nice ticks, rules (payback,
//! halving), and a crosshair that follows the pointer and the arrow keys and reads out the value.
//! Chart bodies are markup strings (see `chart::markup`); only the crosshair is a reactive view.

use crate::chart::{nearest_index, px, Scale, Svg};
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// Chart height in view-box pixels; the width follows the screen (`Ctx::chart_w`) so text stays readable.
pub const H: f64 = 300.0;
pub const LEFT: f64 = 76.0;
pub const RIGHT: f64 = 18.0;
pub const TOP: f64 = 28.0;
pub const BOTTOM: f64 = 44.0;

/// View-box width for a viewport width: text is drawn at 12 view-box px, so a phone gets a narrow box.
pub fn chart_width_for(viewport_px: f64) -> f64 {
    if viewport_px < 520.0 {
        380.0
    } else if viewport_px < 900.0 {
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
    svg.open_group("axes");
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
    svg.close_group();
}

/// A labelled vertical rule (payback, halving) at `x_px`; nothing when off the plot.
pub fn rule(svg: &mut Svg, w: f64, x_px: Option<f64>, label: &str, class: &str) {
    let (x0, x1) = x_range(w);
    let Some(x) = x_px.filter(|x| *x >= x0 && *x <= x1) else { return };
    let (y0, y1) = (px(y_range().0), px(y_range().1));
    let end = x > (x0 + x1) / 2.0;
    svg.open_group(&["rule ", class].concat());
    svg.line("", px(x), y0, px(x), y1);
    svg.text("", px(if end { x - 4.0 } else { x + 4.0 }), y0 - 8, if end { "end" } else { "start" }, label);
    svg.close_group();
}

/// A dashed horizontal reference line across the plot with a label at its right end.
pub fn level(svg: &mut Svg, w: f64, y_px: i64, label: &str, class: &str) {
    let (x0, x1) = (px(x_range(w).0), px(x_range(w).1));
    svg.line(class, x0, y_px, x1, y_px);
    svg.text("series-label", x1 - 4, y_px - 6, "end", label);
}

/// One crosshair position: x in view-box pixels and the numbers it reads, worded by `words` only when
/// the crosshair is there (formatting every point on every input would be wasted work).
#[derive(Clone, Debug)]
pub struct Readout {
    pub x_px: f64,
    pub values: [f64; 4],
    pub words: fn(&[f64; 4]) -> String,
}

/// Same position, same numbers (each chart words its points one way, so `words` need not be compared).
impl PartialEq for Readout {
    fn eq(&self, other: &Self) -> bool {
        self.x_px == other.x_px && self.values == other.values
    }
}

impl Readout {
    pub fn text(&self) -> String {
        (self.words)(&self.values)
    }
}

/// View-box x of a pointer event over the SVG.
fn pointer_x(ev: &web_sys::PointerEvent, view_w: f64) -> Option<f64> {
    let el = ev.current_target()?.dyn_into::<web_sys::Element>().ok()?;
    let rect = el.get_bounding_client_rect();
    (rect.width() > 0.0).then(|| (ev.client_x() as f64 - rect.left()) * view_w / rect.width())
}

/// Arrow keys move the crosshair; Home/End jump; Escape hides it.
pub fn step_index(key: &str, current: Option<usize>, len: usize) -> Option<Option<usize>> {
    if len == 0 {
        return None;
    }
    let last = len - 1;
    Some(match (key, current) {
        ("ArrowRight", None) | ("ArrowLeft", None) | ("Home", _) => Some(0),
        ("ArrowRight", Some(i)) => Some((i + 1).min(last)),
        ("ArrowLeft", Some(i)) => Some(i.saturating_sub(1)),
        ("End", _) => Some(last),
        ("Escape", _) => None,
        _ => return None,
    })
}

/// An accessible chart: `<svg role="img">` with title and description, the body markup, and a pointer
/// and keyboard crosshair over the chart's readout points (charts without points are not focusable).
#[component]
pub fn ChartSvg(id: &'static str, title: &'static str, data: Memo<ChartData>) -> impl IntoView {
    let index = RwSignal::new(None::<usize>);
    let view_w = move || data.with(|d| d.w);
    let on_move = move |ev: web_sys::PointerEvent| {
        if let Some(x) = pointer_x(&ev, view_w()) {
            let xs: Vec<f64> = data.with(|d| d.points.iter().map(|r| r.x_px).collect());
            index.set(nearest_index(&xs, x));
        }
    };
    let on_key = move |ev: web_sys::KeyboardEvent| {
        let len = data.with(|d| d.points.len());
        if let Some(next) = step_index(&ev.key(), index.get_untracked(), len) {
            ev.prevent_default();
            index.set(next);
        }
    };
    let overlay = move || {
        let (r, w) = data.with(|d| (index.get().and_then(|i| d.points.get(i).cloned()), d.w));
        let r = r?;
        let mut svg = Svg::new();
        let end = r.x_px > w / 2.0;
        svg.line("", px(r.x_px), px(y_range().0), px(r.x_px), px(y_range().1));
        svg.text("", px(if end { r.x_px - 6.0 } else { r.x_px + 6.0 }), 18, if end { "end" } else { "start" }, &r.text());
        Some(svg.out)
    };
    let view_box = move || {
        let mut v = String::from("0 0 ");
        data.with(|d| {
            crate::chart::push_int(&mut v, px(d.w));
            v.push(' ');
            crate::chart::push_int(&mut v, px(d.h));
        });
        v
    };
    let title_id = [id, "-title"].concat();
    let desc_id = [id, "-desc"].concat();
    let labelled_by = [title_id.as_str(), " ", desc_id.as_str()].concat();
    let has_points = move || data.with(|d| !d.points.is_empty());
    view! {
        <svg
            class="chart"
            id=id
            viewBox=view_box
            role="img"
            tabindex=move || if has_points() { "0" } else { "-1" }
            aria-labelledby=labelled_by
            on:pointermove=on_move
            on:pointerleave=move |_| index.set(None)
            on:keydown=on_key
            on:blur=move |_| index.set(None)
        >
            <title id=title_id>{title}</title>
            <desc id=desc_id>{move || data.with(|d| d.desc.clone())}</desc>
            <g class="body" inner_html=move || data.with(|d| d.body.clone())></g>
            <g class="crosshair" aria-hidden="true" inner_html=move || overlay().unwrap_or_default()></g>
        </svg>
    }
}

/// Everything a chart shows, computed in one memo: body markup, crosshair points, table rows, description.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct ChartData {
    pub body: String,
    pub points: Vec<Readout>,
    pub table: String,
    pub desc: String,
    /// View-box size.
    pub w: f64,
    pub h: f64,
}

/// A chart with its one-line description and its data table, all read from one memo.
#[component]
pub fn ChartBlock(
    id: &'static str,
    title: &'static str,
    caption: &'static str,
    headers: &'static [&'static str],
    data: Memo<ChartData>,
    /// Whether the data table is open: charts build their table rows only then.
    table_open: RwSignal<bool>,
    /// Optional legend swatch class shown before the description (e.g. "swatch-shade").
    #[prop(optional)]
    swatch: &'static str,
) -> impl IntoView {
    view! {
        <ChartSvg id=id title=title data=data/>
        <p class="chart-note">
            {(!swatch.is_empty()).then(|| view! { <span class=["swatch ", swatch].concat() aria-hidden="true"></span> })}
            {move || data.with(|d| d.desc.clone())}
        </p>
        <DataTable caption=caption headers=headers open=table_open rows=Signal::derive(move || data.with(|d| d.table.clone()))/>
    }
}

/// Builds one deterministic chart from the scenario and its results for a view-box width; rows for the
/// data table only when it is open.
pub type BuildChart = fn(&crate::model::Scenario, &crate::model::Results, f64, bool) -> ChartData;

/// A card with one chart of the deterministic projection: heading, chart, description and data table,
/// recomputed from the one results memo whenever the scenario or the screen width changes.
#[component]
pub fn ProjectionChart(
    /// Section id (a `panels=` name).
    id: &'static str,
    /// The chart's own element id.
    chart_id: &'static str,
    heading: &'static str,
    title: &'static str,
    caption: &'static str,
    headers: &'static [&'static str],
    draw: BuildChart,
    #[prop(optional)] swatch: &'static str,
) -> impl IntoView {
    let c = crate::app::ctx();
    let table_open = RwSignal::new(false);
    let data = Memo::new(move |_| {
        let (w, with_table) = (c.chart_w.get(), table_open.get());
        c.scenario.with(|s| c.results.with(|r| r.as_ref().map(|r| draw(s, r, w, with_table)).unwrap_or_default()))
    });
    let labelled_by = [id, "-h"].concat();
    let heading_id = labelled_by.clone();
    view! {
        <section class="card chart-card" id=id aria-labelledby=labelled_by>
            <h2 id=heading_id>{heading}</h2>
            <ChartBlock id=chart_id title=title caption=caption headers=headers data=data table_open=table_open swatch=swatch/>
        </section>
    }
}

/// A collapsible data table whose body is markup rows (see `chart::table_rows`).
#[component]
pub fn DataTable(
    caption: &'static str,
    headers: &'static [&'static str],
    /// Follows the <details> open state, so the caller can skip building rows nobody sees.
    open: RwSignal<bool>,
    #[prop(into)] rows: Signal<String>,
) -> impl IntoView {
    view! {
        <details class="data-table" on:toggle=move |ev| open.set(details_open(&ev))>
            <summary>"Data table"</summary>
            // A wide table scrolls sideways on a narrow screen: the scroller takes focus so the keyboard can scroll it.
            <div class="table-scroll" tabindex="0" role="region" aria-label=caption>
                <table>
                    <caption>{caption}</caption>
                    <thead>
                        <tr>{headers.iter().map(|h| view! { <th scope="col">{*h}</th> }).collect_view()}</tr>
                    </thead>
                    <tbody inner_html=move || rows.get()></tbody>
                </table>
            </div>
        </details>
    }
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

/// Whether the `<details>` that fired a `toggle` event is now open (read from the element, since toggle
/// events coalesce).
pub fn details_open(ev: &leptos::ev::Event) -> bool {
    ev.target()
        .and_then(|t| js_sys::Reflect::get(&t, &wasm_bindgen::JsValue::from_str("open")).ok())
        .and_then(|v| v.as_bool())
        .unwrap_or(false)
}
