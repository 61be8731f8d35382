//! Tests of `svg`, kept beside it.

use super::*;

/// Splits a path into (command, x, y) triples, checking every coordinate is an integer.
fn parse(path: &str) -> Vec<(char, i64, i64)> {
    let mut out = Vec::new();
    let mut rest = path;
    while let Some(c) = rest.chars().next() {
        rest = &rest[1..];
        if c == 'Z' {
            out.push(('Z', 0, 0));
            continue;
        }
        let end = rest.find(|ch: char| ch.is_ascii_alphabetic()).unwrap_or(rest.len());
        let mut nums = rest[..end].split(' ').map(|t| t.parse::<i64>().expect(t));
        out.push((c, nums.next().unwrap(), nums.next().unwrap()));
        assert!(nums.next().is_none());
        rest = &rest[end..];
    }
    out
}

#[test]
fn push_int_matches_display() {
    for v in [0, 1, -1, 9, 10, -10, 12345, -987654321, i64::MAX, i64::MIN] {
        let mut s = String::from("x");
        push_int(&mut s, v);
        assert_eq!(s, format!("x{v}"));
    }
    assert_eq!(int_string(640), "640");
}

#[test]
fn px_rounds_and_never_panics() {
    assert_eq!(px(1.49), 1);
    assert_eq!(px(1.5), 2);
    assert_eq!(px(-1.5), -2);
    assert_eq!(px(f64::NAN), 0);
    assert_eq!(px(f64::INFINITY), 0);
    assert_eq!(px(1e300), 1_000_000_000);
}

#[test]
fn line_segments_and_integers() {
    let pts: Vec<(f64, f64)> = (0..10).map(|i| (i as f64 * 10.4, 100.0 - i as f64 * 3.3)).collect();
    let p = line_path(&pts);
    let cmds = parse(&p);
    assert_eq!(cmds.len(), 10);
    assert_eq!(cmds[0], ('M', 0, 100));
    assert!(cmds[1..].iter().all(|c| c.0 == 'L'));
    assert_eq!(cmds[9], ('L', 94, 70));
    assert!(p.starts_with("M0 100L10 97"));
}

#[test]
fn line_gaps_start_new_subpath() {
    let pts = [(0.0, 0.0), (1.0, 1.0), (2.0, f64::NAN), (3.0, 3.0), (4.0, 4.0), (f64::INFINITY, 0.0), (6.0, 6.0)];
    assert_eq!(line_path(&pts), "M0 0L1 1M3 3L4 4M6 6");
    assert_eq!(line_path(&[]), "");
    assert_eq!(line_path(&[(f64::NAN, f64::NAN)]), "");
    // Points on the same pixel are written once.
    assert_eq!(line_path(&[(0.1, 0.0), (0.2, 0.0), (5.0, -2.0)]), "M0 0L5 -2");
}

#[test]
fn area_band() {
    let xs = [0.0, 10.0, 20.0];
    let lo = [50.0, 60.0, 70.0];
    let hi = [10.0, 20.0, 30.0];
    assert_eq!(area_path(&xs, &lo, &hi), "M0 10L10 20L20 30L20 70L10 60L0 50Z");
    // A gap splits the band; a lone point makes no polygon.
    let lo = [50.0, 60.0, f64::NAN, 70.0, 80.0, 90.0];
    let hi = [10.0, 20.0, 0.0, 30.0, 40.0, 50.0];
    let xs = [0.0, 10.0, 20.0, 30.0, 40.0, 50.0];
    let p = area_path(&xs, &lo, &hi);
    assert_eq!(p.matches('M').count(), 2);
    assert_eq!(p.matches('Z').count(), 2);
    assert_eq!(parse(&p).len(), 4 + 1 + 6 + 1);
    assert_eq!(area_path(&xs[..1], &lo[..1], &hi[..1]), "");
    assert_eq!(area_path(&xs, &lo[..2], &hi), "M0 10L10 20L10 60L0 50Z");
}

#[test]
fn bars_grow_from_zero() {
    let band = Band::new(3, (0.0, 300.0), 0.2);
    let y = Scale::new((-50.0, 100.0), (150.0, 0.0)); // zero line at y = 100
    let r = bars(&[100.0, -50.0, f64::NAN], &band, &y);
    assert_eq!(r[0], Rect { x: 10, y: 0, w: 80, h: 100, negative: false });
    assert_eq!(r[1], Rect { x: 110, y: 100, w: 80, h: 50, negative: true });
    assert_eq!(r[2], Rect { x: 210, y: 100, w: 80, h: 0, negative: false });
}

#[test]
fn bars_clamped_to_plot() {
    let band = Band::new(2, (0.0, 2.0), 0.5); // very narrow: still 1 px wide
    let y = Scale::new((10.0, 20.0), (100.0, 0.0)); // zero is below the plot
    let r = bars(&[15.0, 30.0], &band, &y);
    assert_eq!((r[0].y, r[0].h, r[0].w), (50, 50, 1));
    assert_eq!((r[1].y, r[1].h), (0, 100));
    // Degenerate scale: no panic, finite rects.
    let y = Scale::new((f64::NAN, f64::NAN), (100.0, 0.0));
    assert_eq!(bars(&[0.0, 1.0, -1.0], &Band::new(3, (0.0, 30.0), 0.0), &y).len(), 3);
    assert!(bars(&[], &Band::new(0, (0.0, 30.0), 0.0), &y).is_empty());
}

#[test]
fn rect_from_any_corners() {
    assert_eq!(Rect::from_px(10.4, 20.6, 0.0, 5.0), Rect { x: 0, y: 5, w: 10, h: 16, negative: false });
}

#[test]
fn run_rects_cover_days() {
    let x = Scale::new((0.0, 10.0), (0.0, 100.0)); // 10 px per day
    let r = run_rects(&[(0, 2), (5, 11)], &x, 0.0, 50.0);
    assert_eq!(r[0], Rect { x: 0, y: 0, w: 15, h: 50, negative: false }); // clamped at the left edge
    assert_eq!(r[1], Rect { x: 45, y: 0, w: 55, h: 50, negative: false }); // and at the right
}

#[test]
fn rects_path_outlines_each_rect_with_area() {
    let r = |x, y, w, h| Rect { x, y, w, h, negative: false };
    assert_eq!(rects_path(&[r(10, 20, 5, 30), r(16, 50, 5, 0), r(22, 50, 5, 12)]), "M10 20h5v30h-5ZM22 50h5v12h-5Z");
    assert_eq!(rects_path(&[]), "");
    assert_eq!(rects_path(&[r(-3, -4, 2, 1)]), "M-3 -4h2v1h-2Z");
}

#[test]
fn level_label_clears_the_top() {
    // Along the top (a capex line at the axis maximum) the label goes under the line, clear of the crosshair
    // readout drawn above the plot; elsewhere above it.
    assert_eq!(level_label_y(28, 28), 44);
    assert_eq!(level_label_y(35, 28), 51);
    assert_eq!(level_label_y(36, 28), 30);
    assert_eq!(level_label_y(200, 28), 194);
}

#[test]
fn rule_labels_collide_when_close() {
    let plot = (76.0, 702.0);
    // QA's case at BTC $127,000: payback on day 833 and the halving a month later, both right of centre.
    assert!(rule_labels_collide((552.0, "payback on day 833".len()), (572.0, 7), plot));
    // Far apart (labels on either side of the centre point towards it).
    assert!(!rule_labels_collide((200.0, 18), (572.0, 7), plot));
    assert!(!rule_labels_collide((100.0, 18), (650.0, 7), plot));
    // Across the centre, close enough to meet; and in either order.
    assert!(rule_labels_collide((300.0, 18), (420.0, 7), plot));
    assert!(rule_labels_collide((572.0, 7), (552.0, 18), plot));
}

#[test]
fn hbar_grows_both_ways_from_zero() {
    let x = Scale::new((-500.0, 1500.0), (100.0, 500.0)); // zero at 200
    assert_eq!(hbar(&x, 1000.0), (200, 200, 406));
    // A loss runs left of the zero line (not right of it, as a gain would); its label stays right of zero.
    assert_eq!(hbar(&x, -425.0), (115, 85, 206));
    assert_eq!(hbar(&x, 0.0), (200, 1, 206));
    assert_eq!(hbar(&x, f64::NAN), (200, 1, 206));
}
