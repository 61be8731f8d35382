//! Scales (data → pixels) and "nice" axis ticks.
//!
//! Nothing here formats numbers: tick values are returned as `f64` and the view labels them with `Intl`.

/// Largest magnitude a domain end may have, so `d1 - d0` can never overflow to infinity.
const MAX_ABS: f64 = 1e300;

/// Makes a domain usable, keeping its orientation: a non-finite end is replaced by the other end (0..1 if
/// neither is finite), and an empty domain is widened by ±10% of its magnitude (±1 around 0), so that a
/// flat series still gets an axis and nothing downstream divides by zero.
pub fn sane_domain(d0: f64, d1: f64) -> (f64, f64) {
    let (a, b) = match (d0.is_finite(), d1.is_finite()) {
        (true, true) => (d0, d1),
        (true, false) => (d0, d0),
        (false, true) => (d1, d1),
        (false, false) => (0.0, 1.0),
    };
    let (a, b) = (a.clamp(-MAX_ABS, MAX_ABS), b.clamp(-MAX_ABS, MAX_ABS));
    if a != b {
        return (a, b);
    }
    let half = a.abs() * 0.1;
    if a - half < a + half {
        (a - half, a + half)
    } else {
        // 0, or so tiny (subnormal) that 10% of it rounds away.
        (a - 1.0, a + 1.0)
    }
}

/// Linear map from a data domain to a pixel range (`range_px` may be reversed, e.g. `(H, 0)` for a y axis
/// that grows upward). The domain is cleaned by [`sane_domain`], so `map` of a finite value is always finite.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Scale {
    d0: f64,
    d1: f64,
    r0_px: f64,
    r1_px: f64,
}

impl Scale {
    /// Non-finite range ends become 0.
    pub fn new(domain: (f64, f64), range_px: (f64, f64)) -> Self {
        let (d0, d1) = sane_domain(domain.0, domain.1);
        let fin = |v: f64| if v.is_finite() { v } else { 0.0 };
        Scale { d0, d1, r0_px: fin(range_px.0), r1_px: fin(range_px.1) }
    }

    /// Domain after cleaning (what is actually mapped to the range ends).
    pub fn domain(&self) -> (f64, f64) {
        (self.d0, self.d1)
    }

    pub fn range_px(&self) -> (f64, f64) {
        (self.r0_px, self.r1_px)
    }

    /// Pixel position of `x`. Not clamped: values outside the domain land outside the range. A non-finite
    /// `x` gives a non-finite result, which the path builders treat as a gap.
    pub fn map(&self, x: f64) -> f64 {
        let t = (x - self.d0) / (self.d1 - self.d0);
        // Lerp form, so the domain ends map exactly onto the range ends.
        self.r0_px * (1.0 - t) + self.r1_px * t
    }

    /// Data value at pixel `x_px` (for pointer readouts). An empty range gives the domain start.
    pub fn invert(&self, x_px: f64) -> f64 {
        if self.r0_px == self.r1_px {
            return self.d0;
        }
        let t = (x_px - self.r0_px) / (self.r1_px - self.r0_px);
        self.d0 * (1.0 - t) + self.d1 * t
    }

    /// `x_px` clamped into the pixel range (NaN becomes the range start).
    pub fn clamp_px(&self, x_px: f64) -> f64 {
        let (lo, hi) = (self.r0_px.min(self.r1_px), self.r0_px.max(self.r1_px));
        if x_px.is_nan() {
            self.r0_px
        } else {
            x_px.clamp(lo, hi)
        }
    }
}

/// A scale whose domain is extended to nice tick bounds, and those ticks: the usual axis set-up in one call.
pub fn nice_scale(data_min: f64, data_max: f64, range_px: (f64, f64), target_ticks: usize) -> (Scale, Vec<f64>) {
    let ticks = nice_ticks(data_min, data_max, target_ticks);
    let scale = Scale::new((ticks[0], ticks[ticks.len() - 1]), range_px);
    (scale, ticks)
}

/// `n` equal slots (bars, months, categories) across a pixel range, each leaving `padding` (a fraction of
/// the slot, 0..0.9) empty, split between both sides so bars are centred in their slot.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Band {
    n: usize,
    start_px: f64,
    step_px: f64,
    padding: f64,
}

impl Band {
    pub fn new(n: usize, range_px: (f64, f64), padding: f64) -> Self {
        let fin = |v: f64| if v.is_finite() { v } else { 0.0 };
        let (r0, r1) = (fin(range_px.0), fin(range_px.1));
        let step_px = if n == 0 { 0.0 } else { (r1 - r0) / n as f64 };
        let padding = if padding.is_finite() { padding.clamp(0.0, 0.9) } else { 0.0 };
        Band { n, start_px: r0, step_px, padding }
    }

    pub fn len(&self) -> usize {
        self.n
    }

    pub fn is_empty(&self) -> bool {
        self.n == 0
    }

    /// Distance between the starts of two neighbouring slots.
    pub fn step_px(&self) -> f64 {
        self.step_px
    }

    /// Width of the drawn bar (slot minus padding); negative if the range is reversed.
    pub fn width_px(&self) -> f64 {
        self.step_px * (1.0 - self.padding)
    }

    /// Where slot `i`'s bar starts.
    pub fn start(&self, i: usize) -> f64 {
        self.start_px + (i as f64 + self.padding / 2.0) * self.step_px
    }

    /// Centre of slot `i` (for a line drawn over bars, or a tick).
    pub fn center(&self, i: usize) -> f64 {
        self.start_px + (i as f64 + 0.5) * self.step_px
    }

    /// Slot under pixel `x_px` (padding counts as part of the slot), or `None` outside the range.
    pub fn index_at(&self, x_px: f64) -> Option<usize> {
        if self.n == 0 || self.step_px == 0.0 || !x_px.is_finite() {
            return None;
        }
        let f = ((x_px - self.start_px) / self.step_px).floor();
        (f >= 0.0 && f < self.n as f64).then_some(f as usize)
    }
}

/// Nice tick steps are `MANTISSAS[k] × 10^(e-1)`: 1, 2, 2.5, 5 × 10^e. Integer mantissas keep tick values
/// like 0.3 exact (`3 × 1 / 10`) instead of `0.30000000000000004`.
const MANTISSAS: [f64; 4] = [10.0, 20.0, 25.0, 50.0];

/// 10^e, exact for |e| ≤ 22 (repeated multiplication of exact values), `powi` beyond.
fn pow10(e: i32) -> f64 {
    if e.unsigned_abs() > 22 {
        return 10f64.powi(e);
    }
    let mut p = 1.0;
    for _ in 0..e.unsigned_abs() {
        p *= 10.0;
    }
    if e < 0 {
        1.0 / p
    } else {
        p
    }
}

/// Tick number `idx` for step `m × 10^e` (`+ 0.0` turns −0 into 0 so no label reads "−0").
fn tick(idx: f64, m: f64, e: i32) -> f64 {
    let v = if e >= 0 { idx * m * pow10(e) } else { idx * m / pow10(-e) };
    v + 0.0
}

/// First and last tick index with step `m × 10^e` such that the ticks cover `[lo, hi]`.
fn cover(lo: f64, hi: f64, m: f64, e: i32) -> (f64, f64) {
    let step = tick(1.0, m, e);
    let (mut i0, mut i1) = ((lo / step).floor(), (hi / step).ceil());
    // Division rounding can put the end tick a hair inside the data; two nudges at most (at huge indices
    // a nudge may not change the value, so never loop).
    for _ in 0..2 {
        if tick(i0, m, e) > lo {
            i0 -= 1.0;
        }
        if tick(i1, m, e) < hi {
            i1 += 1.0;
        }
    }
    (i0, i1)
}

/// About `target_count` (clamped to 2..=12) evenly spaced ticks with a step of 1, 2, 2.5 or 5 × 10^k, the
/// first ≤ the data minimum and the last ≥ the maximum. With the usual target of 5 the result always has
/// 4–6 ticks (larger targets can land further off: [0, 37] has no nice step giving 6–8 ticks). Order of `min`/`max` does not matter; degenerate or non-finite input is cleaned as by
/// [`sane_domain`], so the result is never empty and always finite.
pub fn nice_ticks(min: f64, max: f64, target_count: usize) -> Vec<f64> {
    let (a, b) = sane_domain(min, max);
    let (mut lo, mut hi) = (a.min(b), a.max(b));
    // A span within float noise of the values (or below 1e-200) cannot be ticked evenly; no chart shows
    // such a difference, so treat it as flat: widen to ±1e-9 of the magnitude around the middle.
    let min_half = (lo.abs().max(hi.abs()) * 1e-9).max(1e-200);
    if hi - lo < 2.0 * min_half {
        let mid = lo / 2.0 + hi / 2.0;
        (lo, hi) = (mid - min_half, mid + min_half);
    }
    let target = target_count.clamp(2, 12) as f64;
    let k = ((hi - lo) / (target - 1.0)).log10().floor() as i32;
    // Steps from 10^(k-1) to 5·10^(k+2) bracket every step whose tick count is near the target; ascending
    // order with a strict `<` keeps the finer step on a tie.
    let mut best: Option<(f64, f64, f64, f64, i32)> = None; // (distance to target, i0, i1, m, e)
    for e in k - 2..=k + 1 {
        for m in MANTISSAS {
            let (i0, i1) = cover(lo, hi, m, e);
            let dist = (i1 - i0 + 1.0 - target).abs();
            if best.is_none_or(|b| dist < b.0) {
                best = Some((dist, i0, i1, m, e));
            }
        }
    }
    // The loops above always run, so `best` is set; the fallback only keeps this free of panics.
    let Some((_, i0, i1, m, e)) = best else { return vec![lo, hi] };
    let count = (i1 - i0 + 1.0).clamp(2.0, 13.0) as usize;
    (0..count).map(|i| tick(i0 + i as f64, m, e)).collect()
}

/// `[min, max]` extended to the first and last of [`nice_ticks`], for a [`Scale`] domain.
pub fn nice_domain(min: f64, max: f64, target_count: usize) -> (f64, f64) {
    let t = nice_ticks(min, max, target_count);
    (t[0], t[t.len() - 1])
}

#[cfg(test)]
mod tests {
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
}
