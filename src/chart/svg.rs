//! SVG geometry with integer coordinates: path strings and rectangles.
//!
//! Charts use `viewBox="0 0 W H"` with W, H of a few hundred, so whole pixels are precise enough, and
//! writing integers by hand avoids Rust's float formatting (about 20 KB of WASM).

use super::scale::{Band, Scale};

/// Coordinates are clamped to ±this so a wild value cannot produce an absurd number in the markup.
const MAX_PX: f64 = 1e9;

/// Rounds a pixel coordinate to the nearest integer; non-finite becomes 0 (callers skip those first).
pub fn px(v: f64) -> i64 {
    if v.is_finite() {
        v.round().clamp(-MAX_PX, MAX_PX) as i64
    } else {
        0
    }
}

/// Appends the decimal digits of `v` (with a leading `-` if negative) without `core::fmt`.
pub fn push_int(s: &mut String, v: i64) {
    if v < 0 {
        s.push('-');
    }
    let mut n = v.unsigned_abs();
    let mut buf = [0u8; 20]; // u64::MAX has 20 digits
    let mut i = buf.len();
    loop {
        i -= 1;
        buf[i] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    for &d in &buf[i..] {
        s.push(d as char);
    }
}

/// `v` as a decimal string (for attributes such as `x`, `width`, or a `viewBox`).
pub fn int_string(v: i64) -> String {
    let mut s = String::new();
    push_int(&mut s, v);
    s
}

/// Appends a path command and its point, e.g. `L12 -3`.
fn push_cmd(s: &mut String, cmd: char, (x, y): (i64, i64)) {
    s.push(cmd);
    push_int(s, x);
    s.push(' ');
    push_int(s, y);
}

fn finite(x: f64, y: f64) -> Option<(i64, i64)> {
    (x.is_finite() && y.is_finite()).then(|| (px(x), px(y)))
}

/// Polyline through pixel points: `M x y L x y …`. A non-finite point is a gap: the line stops and starts
/// again with a new `M` (e.g. a day without data). Consecutive points that round to the same pixel are
/// written once, which keeps dense series short.
pub fn line_path(points_px: &[(f64, f64)]) -> String {
    let mut s = String::with_capacity(points_px.len() * 10);
    let mut last: Option<(i64, i64)> = None;
    for &(x, y) in points_px {
        let Some(p) = finite(x, y) else {
            last = None;
            continue;
        };
        match last {
            Some(q) if q == p => continue,
            Some(_) => push_cmd(&mut s, 'L', p),
            None => push_cmd(&mut s, 'M', p),
        }
        last = Some(p);
    }
    s
}

/// Filled band between two series (fan chart P10–P90): along `y_high_px` left to right, back along
/// `y_low_px`, closed with `Z`. An index where any of the three is non-finite splits the band into separate
/// polygons; pieces of a single point (no area) are left out. Extra entries of longer slices are ignored.
pub fn area_path(xs_px: &[f64], y_low_px: &[f64], y_high_px: &[f64]) -> String {
    let n = xs_px.len().min(y_low_px.len()).min(y_high_px.len());
    let ok = |i: usize| xs_px[i].is_finite() && y_low_px[i].is_finite() && y_high_px[i].is_finite();
    let mut s = String::with_capacity(n * 20);
    let mut i = 0;
    while i < n {
        if !ok(i) {
            i += 1;
            continue;
        }
        let start = i;
        while i < n && ok(i) {
            i += 1;
        }
        if i - start < 2 {
            continue;
        }
        let run = start..i;
        let upper = run.clone().map(|k| (px(xs_px[k]), px(y_high_px[k])));
        let lower = run.rev().map(|k| (px(xs_px[k]), px(y_low_px[k])));
        let mut last = None;
        for p in upper.chain(lower) {
            if last != Some(p) {
                push_cmd(&mut s, if last.is_none() { 'M' } else { 'L' }, p);
                last = Some(p);
            }
        }
        s.push('Z');
    }
    s
}

/// An axis-aligned rectangle in whole pixels, `w, h ≥ 0`. `negative` marks a bar below zero so the view can
/// colour it *and* add a pattern or sign (never colour alone).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Rect {
    pub x: i64,
    pub y: i64,
    pub w: i64,
    pub h: i64,
    pub negative: bool,
}

impl Rect {
    /// The rectangle between two corners given in any order; each edge is rounded on its own so that
    /// rectangles sharing an edge (cells, bars on one baseline) meet without gaps.
    pub fn from_px(x0_px: f64, y0_px: f64, x1_px: f64, y1_px: f64) -> Rect {
        let (a, b, c, d) = (px(x0_px), px(x1_px), px(y0_px), px(y1_px));
        Rect { x: a.min(b), y: c.min(d), w: (a - b).abs(), h: (c - d).abs(), negative: false }
    }
}

/// One bar per value, in the slots of `band`, growing from the zero line of `y` up (positive) or down
/// (negative). The zero line and bar ends are clamped into `y`'s pixel range, so a domain that excludes 0
/// gives bars that start at the axis edge rather than off-chart. A non-finite value gives a zero-height bar
/// on the baseline, so `bars[i]` always belongs to `values[i]`. Bars are at least 1 px wide.
pub fn bars(values: &[f64], band: &Band, y: &Scale) -> Vec<Rect> {
    let base_px = y.clamp_px(y.map(0.0));
    let bar_w_px = band.width_px();
    values
        .iter()
        .enumerate()
        .map(|(i, &v)| {
            let end_px = if v.is_finite() { y.clamp_px(y.map(v)) } else { base_px };
            let x0 = band.start(i);
            let mut r = Rect::from_px(x0, base_px, x0 + bar_w_px, end_px);
            if r.w == 0 && bar_w_px != 0.0 {
                r.w = 1;
            }
            r.negative = v < 0.0;
            r
        })
        .collect()
}

/// A horizontal bar for `v` growing from the zero line of `x`: (left edge, width ≥ 1, x of its value label).
/// A loss extends left of zero and its label sits right of the zero line, so it never runs off the left edge;
/// a non-finite value gives a 1 px bar at zero.
// Not inlined: inlined into the AI/HPC chart's six bars it cost ~150 B of brotli.
#[inline(never)]
pub fn hbar(x: &Scale, v: f64) -> (i64, i64, i64) {
    let base = px(x.map(0.0));
    let end = if v.is_finite() { px(x.map(v)) } else { base };
    (end.min(base), (end - base).abs().max(1), end.max(base) + 6)
}

/// One path outlining every rectangle of `rects` that has an area, so a chart's bars are one element with one
/// `d` to patch per input rather than dozens of `<rect>`s (each its own layout object and attribute writes).
pub fn rects_path(rects: &[Rect]) -> String {
    let mut d = String::with_capacity(rects.len() * 24);
    for r in rects.iter().filter(|r| r.w > 0 && r.h > 0) {
        d.push('M');
        push_int(&mut d, r.x);
        d.push(' ');
        push_int(&mut d, r.y);
        d.push('h');
        push_int(&mut d, r.w);
        d.push('v');
        push_int(&mut d, r.h);
        d.push('h');
        push_int(&mut d, -r.w);
        d.push('Z');
    }
    d
}

/// Shading rectangles for index runs such as [`super::shaded_runs`] gives, on a chart whose `x` scale maps
/// the day index to the day's point: the run `[start, end)` covers from half a day before `start` to half a
/// day before `end`, clamped into the plot, and spans `top_px..bottom_px` vertically.
pub fn run_rects(runs: &[(usize, usize)], x: &Scale, top_px: f64, bottom_px: f64) -> Vec<Rect> {
    runs.iter()
        .map(|&(start, end)| {
            let x0 = x.clamp_px(x.map(start as f64 - 0.5));
            let x1 = x.clamp_px(x.map(end as f64 - 0.5));
            Rect::from_px(x0, top_px, x1, bottom_px)
        })
        .collect()
}

/// Baseline of a level line's label: above the line, or under it when the line runs along the plot top at
/// `top_px`, where the crosshair readout above the plot would cover it.
pub fn level_label_y(y_px: i64, top_px: i64) -> i64 {
    if y_px < top_px + 8 {
        y_px + 16
    } else {
        y_px - 6
    }
}

/// Whether the labels of two vertical rules, each `(x, characters)`, would overlap on one text row when placed
/// as `rule` places them: after the rule in the left half of the plot `x0..x1`, before it in the right half.
/// A character of the 12 px text is taken as 7 px, a little wide, so near misses count as collisions.
pub fn rule_labels_collide(a: (f64, usize), b: (f64, usize), (x0, x1): (f64, f64)) -> bool {
    let span = |(x, n): (f64, usize)| {
        let w = n as f64 * 7.0 + 4.0;
        if x > (x0 + x1) / 2.0 {
            (x - w, x)
        } else {
            (x, x + w)
        }
    };
    let (a, b) = (span(a), span(b));
    a.0 < b.1 && b.0 < a.1
}

#[cfg(test)]
#[path = "svg_tests.rs"]
mod tests;
