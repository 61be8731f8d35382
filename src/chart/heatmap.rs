//! Heatmap geometry and colour (the NPV grid: BTC price on x, network hashrate on y).
//!
//! Orientation: `grid[j][i]` has column `i` → x (left to right) and row `j` → y **upward**: row 0 is drawn
//! at the bottom, as `model::risk` lays out the heatmap (j = 0 is the lowest hashrate). In SVG pixels the
//! centre of cell (i, j) is `((i + 0.5)·cell_w, (rows − j − 0.5)·cell_h)`. [`heatmap_cell`] and
//! [`zero_contour`] both follow this, so cells and contour line up.

use super::svg::{push_int, px, Rect};

/// An sRGB colour.
pub type Rgb = (u8, u8, u8);

/// Loss end (#DC2626): at least 3:1 against both the light (#FFFFFF) and the dark (#111827) surface.
pub const LOSS_RGB: Rgb = (0xDC, 0x26, 0x26);
/// Break-even (#CBD5E1, the light border token): a quiet grey in either theme.
pub const NEUTRAL_RGB: Rgb = (0xCB, 0xD5, 0xE1);
/// Profit end (#047857, the light profit token): at least 3:1 against both surfaces.
pub const PROFIT_RGB: Rgb = (0x04, 0x78, 0x57);

/// Colour for `value` on a diverging scale: `min` is full red, `max` full green, 0 neutral, linear in between.
/// Each side runs to its own extreme: losses are bounded by the capex while profits are not, and one scale for
/// both left a grid of real losses near the neutral grey. Non-finite values and an empty side give the neutral
/// colour. The colour is never the only cue: the view adds the sign or the zero contour.
pub fn diverging_color(value: f64, min: f64, max: f64) -> Rgb {
    let extent = if value < 0.0 { -min } else { max };
    if !value.is_finite() || !extent.is_finite() || extent <= 0.0 {
        return NEUTRAL_RGB;
    }
    let t = (value / extent).clamp(-1.0, 1.0);
    let end = if t < 0.0 { LOSS_RGB } else { PROFIT_RGB };
    let mix = |a: u8, b: u8| (a as f64 + (b as f64 - a as f64) * t.abs()).round() as u8;
    (mix(NEUTRAL_RGB.0, end.0), mix(NEUTRAL_RGB.1, end.1), mix(NEUTRAL_RGB.2, end.2))
}

/// `#rrggbb` (lower case) for `fill`/`style` attributes.
pub fn css_hex((r, g, b): Rgb) -> String {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    let mut s = String::with_capacity(7);
    s.push('#');
    for c in [r, g, b] {
        s.push(HEX[(c >> 4) as usize] as char);
        s.push(HEX[(c & 15) as usize] as char);
    }
    s
}

/// WCAG relative luminance.
pub fn luminance((r, g, b): Rgb) -> f64 {
    let lin = |c: u8| {
        let c = c as f64 / 255.0;
        if c <= 0.04045 {
            c / 12.92
        } else {
            crate::math::pow((c + 0.055) / 1.055, 2.4)
        }
    };
    0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b)
}

const DARK_TEXT_RGB: Rgb = (0x0F, 0x17, 0x2A);
const LIGHT_TEXT_RGB: Rgb = (0xFF, 0xFF, 0xFF);

/// Text colour for a label drawn on a cell of colour `bg`: dark (#0F172A) or white, whichever has the higher
/// contrast (≥ 4.5 at the scale ends and neutral, ≥ 4.1 anywhere on the scale).
pub fn contrast_text(bg: Rgb) -> Rgb {
    let l = luminance(bg) + 0.05;
    let on_dark_text = l / (luminance(DARK_TEXT_RGB) + 0.05);
    let on_white = 1.05 / l;
    if on_dark_text >= on_white {
        DARK_TEXT_RGB
    } else {
        LIGHT_TEXT_RGB
    }
}

/// Pixel rectangle of cell (i, j) in a grid of `rows` rows, row 0 at the bottom. Edges are rounded on
/// their own, so neighbouring cells share edges exactly.
pub fn heatmap_cell(i: usize, j: usize, rows: usize, cell_w_px: f64, cell_h_px: f64) -> Rect {
    let top = rows as f64 - 1.0 - j as f64;
    Rect::from_px(i as f64 * cell_w_px, top * cell_h_px, (i + 1) as f64 * cell_w_px, (top + 1.0) * cell_h_px)
}

/// The level-0 line of `grid` (where NPV changes sign) by marching squares over the cell centres, as an SVG
/// path of separate segments `M x y L x y` (one per crossed square, two for a saddle). Crossings are linearly
/// interpolated along the square's edges; a value exactly 0 counts as the negative side. Squares with a
/// non-finite corner are skipped; ragged rows are cut to the shortest. Orientation as in the module doc:
/// row 0 at the bottom.
pub fn zero_contour(grid: &[Vec<f64>], cell_w_px: f64, cell_h_px: f64) -> String {
    let rows = grid.len();
    let cols = grid.iter().map(Vec::len).min().unwrap_or(0);
    let mut s = String::new();
    if rows < 2 || cols < 2 {
        return s;
    }
    // Grid coordinates (column, row), possibly fractional, to pixels.
    let to_px = |gx: f64, gy: f64| (px((gx + 0.5) * cell_w_px), px((rows as f64 - gy - 0.5) * cell_h_px));
    for j in 0..rows - 1 {
        for i in 0..cols - 1 {
            // Corners counter-clockwise from bottom-left; edge k runs from corner k to corner k+1.
            let at = [(i, j), (i + 1, j), (i + 1, j + 1), (i, j + 1)];
            let v = at.map(|(ci, cj)| grid[cj][ci]);
            if v.iter().any(|x| !x.is_finite()) {
                continue;
            }
            let pos = v.map(|x| x > 0.0);
            let crossing = |k: usize| {
                let (a, b) = (k, (k + 1) % 4);
                if pos[a] == pos[b] {
                    return None;
                }
                let t = v[a] / (v[a] - v[b]); // v[a] ≠ v[b]: one is > 0, the other ≤ 0
                let (xa, ya) = (at[a].0 as f64, at[a].1 as f64);
                let (xb, yb) = (at[b].0 as f64, at[b].1 as f64);
                Some(to_px(xa + (xb - xa) * t, ya + (yb - ya) * t))
            };
            let e = [crossing(0), crossing(1), crossing(2), crossing(3)];
            let mut segment = |p: Option<(i64, i64)>, q: Option<(i64, i64)>| {
                if let (Some(p), Some(q)) = (p, q) {
                    if p != q {
                        push_seg(&mut s, p, q);
                    }
                }
            };
            match e.iter().filter(|c| c.is_some()).count() {
                2 => {
                    let mut it = e.iter().flatten().copied();
                    segment(it.next(), it.next());
                }
                4 => {
                    // Saddle: the centre value decides which diagonal is connected; cut off the two corners
                    // on the other side. Corner k sits between edges k−1 and k.
                    let centre_pos = v.iter().sum::<f64>() > 0.0;
                    for k in 0..4 {
                        if pos[k] != centre_pos {
                            segment(e[(k + 3) % 4], e[k]);
                        }
                    }
                }
                _ => {}
            }
        }
    }
    s
}

fn push_seg(s: &mut String, p: (i64, i64), q: (i64, i64)) {
    for (cmd, (x, y)) in [('M', p), ('L', q)] {
        s.push(cmd);
        push_int(s, x);
        s.push(' ');
        push_int(s, y);
    }
}

#[cfg(test)]
#[path = "heatmap_tests.rs"]
mod tests;
