//! Tests of `heatmap`, kept beside it.

use super::*;

fn segments(path: &str) -> Vec<((i64, i64), (i64, i64))> {
    let nums: Vec<i64> = path
        .split(['M', 'L', ' '])
        .filter(|t| !t.is_empty())
        .map(|t| t.parse().unwrap())
        .collect();
    assert_eq!(path.matches('M').count() * 4, nums.len());
    nums.chunks(4).map(|c| ((c[0], c[1]), (c[2], c[3]))).collect()
}

#[test]
fn colours() {
    assert_eq!(diverging_color(0.0, -10.0, 10.0), NEUTRAL_RGB);
    assert_eq!(diverging_color(-10.0, -10.0, 10.0), LOSS_RGB);
    assert_eq!(diverging_color(10.0, -10.0, 10.0), PROFIT_RGB);
    assert_eq!(diverging_color(99.0, -10.0, 10.0), PROFIT_RGB); // clamped
    // Each side to its own extreme: in a lopsided grid the worst loss is still full red.
    assert_eq!(diverging_color(-2.0, -2.0, 8.0), LOSS_RGB);
    assert_eq!(diverging_color(8.0, -2.0, 8.0), PROFIT_RGB);
    assert_eq!(diverging_color(-1.0, -2.0, 8.0), diverging_color(-4.0, -8.0, 8.0));
    assert_ne!(diverging_color(-1.0, -2.0, 8.0), LOSS_RGB);
    for bad in [(f64::NAN, -1.0, 1.0), (1.0, 0.0, 0.0), (1.0, f64::NAN, f64::NAN), (-1.0, -f64::INFINITY, 1.0), (-1.0, 0.0, 1.0)] {
        assert_eq!(diverging_color(bad.0, bad.1, bad.2), NEUTRAL_RGB);
    }
    assert_eq!(diverging_color(1.0, f64::NAN, 2.0), diverging_color(1.0, 0.0, 2.0));
    assert_eq!(css_hex((0xDC, 0x26, 0x06)), "#dc2606");
    assert_eq!(css_hex(NEUTRAL_RGB), "#cbd5e1");
}

fn contrast(a: Rgb, b: Rgb) -> f64 {
    let (x, y) = (luminance(a) + 0.05, luminance(b) + 0.05);
    x.max(y) / x.min(y)
}

#[test]
fn ends_readable_in_both_themes() {
    for c in [LOSS_RGB, PROFIT_RGB] {
        assert!(contrast(c, (0xFF, 0xFF, 0xFF)) >= 3.0);
        assert!(contrast(c, (0x11, 0x18, 0x27)) >= 3.0);
    }
    for c in [LOSS_RGB, PROFIT_RGB, NEUTRAL_RGB] {
        assert!(contrast(c, contrast_text(c)) >= 4.5);
    }
    for k in -20..=20 {
        let c = diverging_color(k as f64, -20.0, 20.0);
        assert!(contrast(c, contrast_text(c)) >= 4.1, "{k}");
    }
}

#[test]
fn cells_row_zero_at_bottom() {
    assert_eq!(heatmap_cell(0, 0, 21, 20.0, 10.0), Rect { x: 0, y: 200, w: 20, h: 10, negative: false });
    assert_eq!(heatmap_cell(20, 20, 21, 20.0, 10.0), Rect { x: 400, y: 0, w: 20, h: 10, negative: false });
    // Fractional sizes still tile without gaps.
    let (a, b) = (heatmap_cell(0, 0, 3, 13.3, 7.7), heatmap_cell(1, 1, 3, 13.3, 7.7));
    assert_eq!(a.x + a.w, b.x);
    assert_eq!(b.y + b.h, a.y);
}

#[test]
fn contour_of_right_half_positive_is_vertical_middle() {
    // 20 columns, positive on the right half: the sign changes halfway between columns 9 and 10,
    // i.e. at x = 10 cells from the left edge.
    let grid: Vec<Vec<f64>> = (0..21).map(|_| (0..20).map(|i| i as f64 - 9.5).collect()).collect();
    let segs = segments(&zero_contour(&grid, 20.0, 10.0));
    assert_eq!(segs.len(), 20);
    for (p, q) in &segs {
        assert_eq!((p.0, q.0), (200, 200));
        assert_eq!((p.1 - q.1).abs(), 10);
    }
    let ys: Vec<i64> = segs.iter().flat_map(|(p, q)| [p.1, q.1]).collect();
    assert_eq!((*ys.iter().min().unwrap(), *ys.iter().max().unwrap()), (5, 205));
}

#[test]
fn contour_interpolates_and_orients_upward() {
    // v = j − 1.25 on 3 rows: the crossing is a quarter of the way from row 1 to row 2 (grid y 1.25);
    // row 0 is at the bottom, so y px = (3 − 1.25 − 0.5)·10 = 12.5.
    let grid: Vec<Vec<f64>> = (0..3).map(|j| vec![j as f64 - 1.25; 4]).collect();
    let segs = segments(&zero_contour(&grid, 10.0, 10.0));
    assert_eq!(segs.len(), 3);
    assert!(segs.iter().all(|(p, q)| p.1 == 13 && q.1 == 13)); // 12.5 rounds to 13
    let xs: Vec<i64> = segs.iter().flat_map(|(p, q)| [p.0, q.0]).collect();
    assert_eq!((*xs.iter().min().unwrap(), *xs.iter().max().unwrap()), (5, 35));
}

#[test]
fn contour_saddle_and_degenerate() {
    // Saddle: positive on one diagonal; two separate segments either way.
    let g = vec![vec![1.0, -1.0], vec![-1.0, 1.0]];
    assert_eq!(segments(&zero_contour(&g, 10.0, 10.0)).len(), 2);
    let g = vec![vec![1.0, -2.0], vec![-2.0, 1.0]];
    assert_eq!(segments(&zero_contour(&g, 10.0, 10.0)).len(), 2);
    // Nothing to draw, never a panic.
    assert_eq!(zero_contour(&[], 10.0, 10.0), "");
    assert_eq!(zero_contour(&[vec![1.0, -1.0]], 10.0, 10.0), "");
    assert_eq!(zero_contour(&[vec![1.0; 5], vec![2.0; 5]], 10.0, 10.0), "");
    assert_eq!(zero_contour(&[vec![0.0; 5], vec![0.0; 5]], 10.0, 10.0), "");
    let g = vec![vec![f64::NAN, 1.0, -1.0], vec![1.0, 1.0, -1.0, 7.0]]; // NaN square skipped, ragged cut
    assert_eq!(segments(&zero_contour(&g, 10.0, 10.0)).len(), 1);
    let g = vec![vec![1.0, -1.0], vec![1.0, -1.0]];
    assert_eq!(zero_contour(&g, f64::NAN, 10.0), "M0 15L0 5"); // no NaN in the output
}
