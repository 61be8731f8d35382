//! Tests of `scale`, kept beside it.

use super::*;
use proptest::prelude::*;

/// Is `step` 1, 2, 2.5 or 5 × 10^k (within float noise)?
fn is_nice_step(step: f64) -> bool {
    let k = step.log10().floor();
    let m = step / 10f64.powf(k);
    [1.0, 2.0, 2.5, 5.0, 10.0].iter().any(|n| (m - n).abs() < 1e-4)
}

fn check_ticks(min: f64, max: f64) {
    let t = nice_ticks(min, max, 5);
    let n = t.len();
    assert!((4..=6).contains(&n), "{min} {max}: {t:?}");
    assert!(t.iter().all(|v| v.is_finite()));
    let (lo, hi) = (min.min(max), min.max(max));
    assert!(t[0] <= lo && t[n - 1] >= hi, "{min} {max}: {t:?}");
    let step = (t[n - 1] - t[0]) / (n - 1) as f64;
    assert!(step > 0.0 && is_nice_step(step), "{min} {max}: {t:?}");
    // Even spacing up to the float resolution at these magnitudes.
    let noise = 4.0 * f64::EPSILON * t[0].abs().max(t[n - 1].abs());
    for w in t.windows(2) {
        assert!(((w[1] - w[0]) - step).abs() <= step * 1e-9 + noise, "{t:?}");
    }
}

#[test]
fn ticks_examples() {
    assert_eq!(nice_ticks(0.0, 100.0, 5), vec![0.0, 25.0, 50.0, 75.0, 100.0]);
    assert_eq!(nice_ticks(0.0, 1.0, 5), vec![0.0, 0.25, 0.5, 0.75, 1.0]);
    assert_eq!(nice_ticks(0.1, 0.29, 5), vec![0.1, 0.15, 0.2, 0.25, 0.3]);
    assert_eq!(nice_ticks(-1.7e6, 2.1e6, 5), vec![-2e6, -1e6, 0.0, 1e6, 2e6, 3e6]);
    assert_eq!(nice_domain(3.0, 97.0, 5), (0.0, 100.0));
    // Exact decimal values, not accumulated float error.
    assert_eq!(nice_ticks(0.0, 0.6, 5), vec![0.0, 0.2, 0.4, 0.6]); // 3 × 0.2 would be 0.6000000000000001
    assert!(nice_ticks(0.0, 0.3, 5).contains(&0.3));
}

#[test]
fn ticks_degenerate() {
    for (a, b) in [
        (0.0, 0.0),
        (5.0, 5.0),
        (-3.0, -3.0),
        (1e-6, 1e-6),
        (1e12, 1e12),
        (f64::NAN, f64::NAN),
        (f64::NAN, 7.0),
        (f64::NEG_INFINITY, f64::INFINITY),
        (f64::INFINITY, 2.0),
        (5e-324, 5e-324),
        (-1e300, 1e300),
        (1e300, 1e300),
    ] {
        let t = nice_ticks(a, b, 5);
        assert!((2..=7).contains(&t.len()) && t.iter().all(|v| v.is_finite()), "{a} {b}: {t:?}");
        assert!(t.windows(2).all(|w| w[0] < w[1]), "{a} {b}: {t:?}");
        if a.is_finite() && a.abs() < 1e299 {
            assert!(t[0] <= a && a <= t[t.len() - 1], "{a} {b}: {t:?}");
        }
    }
    check_ticks(0.0, 0.0);
    check_ticks(42.0, 42.0);
    check_ticks(-1e-6, -1e-6);
    check_ticks(9.0, 3.0); // reversed
}

#[test]
fn no_negative_zero_tick() {
    for (a, b) in [(-1.0, 0.0), (-0.0, 3.0), (-5.0, 5.0), (-0.3, -0.0)] {
        for v in nice_ticks(a, b, 5) {
            assert!(!(v == 0.0 && v.is_sign_negative()), "{a} {b}");
        }
    }
}

#[test]
fn other_targets() {
    for target in 2..=12 {
        let t = nice_ticks(0.0, 37.0, target);
        let off = (t.len() as f64 - target as f64).abs();
        assert!(t.len() >= 2 && off <= (target as f64 / 2.0).max(1.0), "{target}: {t:?}");
    }
    assert!(nice_ticks(0.0, 1.0, 0).len() >= 2);
}

proptest! {
    #[test]
    fn ticks_nice_and_covering(a in -1e12f64..1e12, span_exp in -6.0f64..12.0, neg in any::<bool>()) {
        let span = 10f64.powf(span_exp);
        let b = if neg { a - span } else { a + span };
        check_ticks(a, b);
    }

    #[test]
    fn ticks_small_values(a in -1e-3f64..1e-3, span in 1e-9f64..1e-3) {
        check_ticks(a, a + span);
    }

    #[test]
    fn scale_round_trip(d0 in -1e9f64..1e9, d1 in -1e9f64..1e9, x in -1e9f64..1e9) {
        let s = Scale::new((d0, d1), (600.0, 0.0));
        let px = s.map(x);
        prop_assert!(px.is_finite());
        let (a, b) = s.domain();
        prop_assert!((s.invert(px) - x).abs() <= 1e-6 * (1.0 + x.abs() + a.abs() + b.abs()));
    }
}

#[test]
fn scale_endpoints_and_invert() {
    let s = Scale::new((10.0, 20.0), (0.0, 640.0));
    assert_eq!(s.map(10.0), 0.0);
    assert_eq!(s.map(20.0), 640.0);
    assert_eq!(s.map(15.0), 320.0);
    assert_eq!(s.invert(320.0), 15.0);
    let y = Scale::new((0.0, 100.0), (300.0, 0.0)); // y grows upward
    assert_eq!(y.map(0.0), 300.0);
    assert_eq!(y.map(100.0), 0.0);
    assert_eq!(y.invert(0.0), 100.0);
    assert_eq!(y.clamp_px(-5.0), 0.0);
    assert_eq!(y.clamp_px(f64::NAN), 300.0);
}

#[test]
fn scale_degenerate_never_nan() {
    for d in [(1.0, 1.0), (0.0, 0.0), (f64::NAN, 1.0), (f64::NAN, f64::NAN), (f64::INFINITY, f64::NEG_INFINITY), (1e308, -1e308), (5e-324, 5e-324)] {
        let s = Scale::new(d, (0.0, 100.0));
        let (a, b) = s.domain();
        assert!(a.is_finite() && b.is_finite() && a != b, "{d:?}");
        for x in [a, b, 0.0, 1.0, -1.0] {
            assert!(s.map(x).is_finite(), "{d:?} {x}");
        }
        assert!(s.invert(50.0).is_finite());
    }
    // Flat series: the value sits in the middle of the axis.
    assert_eq!(Scale::new((5.0, 5.0), (0.0, 100.0)).map(5.0), 50.0);
    // Empty or non-finite range.
    let s = Scale::new((0.0, 1.0), (50.0, 50.0));
    assert_eq!(s.map(0.7), 50.0);
    assert_eq!(s.invert(50.0), 0.0);
    assert_eq!(Scale::new((0.0, 1.0), (f64::NAN, 10.0)).map(0.0), 0.0);
}

#[test]
fn nice_scale_covers() {
    let (s, t) = nice_scale(3.0, 97.0, (300.0, 0.0), 5);
    assert_eq!(s.domain(), (0.0, 100.0));
    assert_eq!(s.map(t[0]), 300.0);
    assert_eq!(s.map(*t.last().unwrap()), 0.0);
}

#[test]
fn band_slots() {
    let b = Band::new(4, (0.0, 400.0), 0.2);
    assert_eq!(b.step_px(), 100.0);
    assert_eq!(b.width_px(), 80.0);
    assert_eq!(b.start(0), 10.0);
    assert_eq!(b.start(3), 310.0);
    assert_eq!(b.center(1), 150.0);
    assert_eq!(b.index_at(0.0), Some(0));
    assert_eq!(b.index_at(399.0), Some(3));
    assert_eq!(b.index_at(400.0), None);
    assert_eq!(b.index_at(-1.0), None);
    let empty = Band::new(0, (0.0, 400.0), 0.2);
    assert!(empty.is_empty() && empty.index_at(10.0).is_none() && empty.width_px() == 0.0);
    assert_eq!(Band::new(2, (0.0, 100.0), f64::NAN).width_px(), 50.0);
}

#[test]
fn whole_ticks_for_counted_axes() {
    // A one-month horizon: plain nice ticks step by 0.2 months, which label as "0 0 0 1 1 1".
    assert_eq!(nice_ticks(0.0, 1.0, 6), vec![0.0, 0.2, 0.4, 0.6, 0.8, 1.0]);
    assert_eq!(whole_ticks(0.0, 1.0, 6), vec![0.0, 1.0]);
    assert_eq!(whole_ticks(0.0, 3.0, 6), vec![0.0, 1.0, 2.0, 3.0]);
    // 2.5 is nice but not whole (ticks would read "0 3 5 8 10").
    assert_eq!(nice_ticks(0.0, 10.0, 5), vec![0.0, 2.5, 5.0, 7.5, 10.0]);
    assert_eq!(whole_ticks(0.0, 10.0, 5), vec![0.0, 2.0, 4.0, 6.0, 8.0, 10.0]);
    // Where nice ticks are whole already, the same ticks.
    for (max, target) in [(36.0, 6), (120.0, 6), (36.0, 4), (1095.0, 6), (29.0, 4)] {
        assert_eq!(whole_ticks(0.0, max, target), nice_ticks(0.0, max, target), "{max} {target}");
    }
}

proptest! {
    #[test]
    fn whole_ticks_are_distinct_whole_numbers(months in 0u32..2000, target in 2usize..=8) {
        let t = whole_ticks(0.0, months as f64, target);
        prop_assert!(t.len() >= 2 && t[0] <= 0.0 && t[t.len() - 1] >= months as f64, "{months}: {t:?}");
        prop_assert!(t.iter().all(|v| v.fract() == 0.0), "{months}: {t:?}");
        prop_assert!(t.windows(2).all(|w| w[1] - w[0] >= 1.0), "{months}: {t:?}");
    }
}
