//! Shared pieces of the hand-written SVG charts: plot area, axes with nice ticks, rules (payback,
//! halving), and a crosshair that follows the pointer and the arrow keys and reads out the value.

use crate::chart::{int_string, px, Scale};
use leptos::prelude::*;
use wasm_bindgen::JsCast;

pub const W: f64 = 720.0;
pub const H: f64 = 300.0;
pub const LEFT: f64 = 76.0;
pub const RIGHT: f64 = 18.0;
pub const TOP: f64 = 28.0;
pub const BOTTOM: f64 = 44.0;
pub const VIEW_BOX: &str = "0 0 720 300";

/// Plot-area edges in view-box pixels.
pub fn x_range() -> (f64, f64) {
    (LEFT, W - RIGHT)
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
pub fn axes(x: Axis, y: Axis) -> impl IntoView {
    let (x0, x1) = x_range();
    let (y0, y1) = y_range();
    let (x0s, x1s, y0s, y1s) = (int_string(px(x0)), int_string(px(x1)), int_string(px(y0)), int_string(px(y1)));
    let ygrid = y
        .ticks
        .into_iter()
        .map(|(p, label)| {
            let ps = int_string(p);
            view! {
                <line class="grid" x1=x0s.clone() x2=x1s.clone() y1=ps.clone() y2=ps.clone()/>
                <text class="tick" x=int_string(px(x0) - 6) y=int_string(p + 4) text-anchor="end">{label}</text>
            }
        })
        .collect_view();
    let xticks = x
        .ticks
        .into_iter()
        .map(|(p, label)| {
            let ps = int_string(p);
            view! {
                <line class="axis" x1=ps.clone() x2=ps.clone() y1=y0s.clone() y2=int_string(px(y0) + 5)/>
                <text class="tick" x=ps y=int_string(px(y0) + 18) text-anchor="middle">{label}</text>
            }
        })
        .collect_view();
    view! {
        <g class="axes" aria-hidden="true">
            {ygrid}
            <line class="axis" x1=x0s.clone() x2=x1s y1=y0s.clone() y2=y0s.clone()/>
            <line class="axis" x1=x0s x2=int_string(px(x0)) y1=y0s y2=y1s/>
            {xticks}
            <text class="axis-title" x=int_string(px((x0 + x1) / 2.0)) y=int_string(px(H - 6.0)) text-anchor="middle">{x.label}</text>
            <text class="axis-title" x="8" y="16">{y.label}</text>
        </g>
    }
}

/// A labelled vertical rule (payback, halving) at `x_px`, or nothing when off the plot.
pub fn rule(x_px: Option<f64>, label: String, class: &'static str) -> impl IntoView {
    let (x0, x1) = x_range();
    let (y0, y1) = y_range();
    x_px.filter(|x| *x >= x0 && *x <= x1).map(|x| {
        let xs = int_string(px(x));
        let anchor = if x > (x0 + x1) / 2.0 { "end" } else { "start" };
        let tx = int_string(px(if anchor == "end" { x - 4.0 } else { x + 4.0 }));
        view! {
            <g class=["rule ", class].concat()>
                <line x1=xs.clone() x2=xs y1=int_string(px(y0)) y2=int_string(px(y1))/>
                <text x=tx y=int_string(px(y1) + 12) text-anchor=anchor>{label}</text>
            </g>
        }
    })
}

/// One crosshair position: x in view-box pixels and what it reads.
#[derive(Clone, Debug, PartialEq)]
pub struct Readout {
    pub x_px: f64,
    pub text: String,
}

/// Pointer and keyboard crosshair over a chart's points. Returns the overlay view and the handlers' state.
pub fn crosshair(points: Memo<Vec<Readout>>) -> (RwSignal<Option<usize>>, impl IntoView) {
    let index = RwSignal::new(None::<usize>);
    let (y0, y1) = y_range();
    let overlay = move || {
        let pts = points.get();
        index.get().and_then(|i| pts.get(i).cloned()).map(|r| {
            let xs = int_string(px(r.x_px));
            let anchor = if r.x_px > W / 2.0 { "end" } else { "start" };
            let tx = int_string(px(if anchor == "end" { r.x_px - 6.0 } else { r.x_px + 6.0 }));
            view! {
                <g class="crosshair">
                    <line x1=xs.clone() x2=xs y1=int_string(px(y0)) y2=int_string(px(y1))/>
                    <text x=tx y="18" text-anchor=anchor>{r.text}</text>
                </g>
            }
        })
    };
    (index, overlay)
}

/// View-box x of a pointer event over the SVG.
pub fn pointer_x(ev: &web_sys::PointerEvent) -> Option<f64> {
    let el = ev.current_target()?.dyn_into::<web_sys::Element>().ok()?;
    let rect = el.get_bounding_client_rect();
    (rect.width() > 0.0).then(|| (ev.client_x() as f64 - rect.left()) * W / rect.width())
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

/// The `<svg>` of a chart: accessible name and description, pointer and keyboard crosshair.
#[component]
pub fn ChartSvg(
    id: &'static str,
    title: &'static str,
    #[prop(into)] desc: Signal<String>,
    points: Memo<Vec<Readout>>,
    children: Children,
) -> impl IntoView {
    let (index, overlay) = crosshair(points);
    let on_move = move |ev: web_sys::PointerEvent| {
        if let Some(x) = pointer_x(&ev) {
            let xs: Vec<f64> = points.with(|p| p.iter().map(|r| r.x_px).collect());
            index.set(crate::chart::nearest_index(&xs, x));
        }
    };
    let on_key = move |ev: web_sys::KeyboardEvent| {
        let len = points.with(|p| p.len());
        if let Some(next) = step_index(&ev.key(), index.get_untracked(), len) {
            ev.prevent_default();
            index.set(next);
        }
    };
    let title_id = [id, "-title"].concat();
    let desc_id = [id, "-desc"].concat();
    let labelled_by = [title_id.as_str(), " ", desc_id.as_str()].concat();
    view! {
        <svg
            class="chart"
            viewBox=VIEW_BOX
            role="img"
            tabindex="0"
            aria-labelledby=labelled_by
            on:pointermove=on_move
            on:pointerleave=move |_| index.set(None)
            on:keydown=on_key
            on:blur=move |_| index.set(None)
        >
            <title id=title_id>{title}</title>
            <desc id=desc_id>{move || desc.get()}</desc>
            {children()}
            {overlay}
        </svg>
    }
}
