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
            // Not `f64::clamp`: its "min > max" assertion formats floats with `Debug`, which alone keeps
            // Rust's float formatting (~12 KB raw) in the WASM.
            x_px.max(lo).min(hi)
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
    ticks(min, max, target_count, false)
}

/// [`nice_ticks`] with a whole-number step (1, 2, 5, 10, 20, 25, …) for counted axes such as months: a
/// step of 0.2 or 2.5 would label two ticks alike ("0 0 0 1") or with rounded values.
pub fn whole_ticks(min: f64, max: f64, target_count: usize) -> Vec<f64> {
    ticks(min, max, target_count, true)
}

fn ticks(min: f64, max: f64, target_count: usize, whole: bool) -> Vec<f64> {
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
    let k = crate::math::log10((hi - lo) / (target - 1.0)).floor() as i32;
    // Steps from 10^(k-1) to 5·10^(k+2) bracket every step whose tick count is near the target; ascending
    // order with a strict `<` keeps the finer step on a tie.
    let mut best: Option<(f64, f64, f64, f64, i32)> = None; // (distance to target, i0, i1, m, e)
    // Whole steps are 1, 2, 5 (e = −1) and up, however small the span.
    for e in k - 2..=(k + 1).max(if whole { -1 } else { i32::MIN }) {
        for m in MANTISSAS {
            let step = tick(1.0, m, e);
            if whole && (step < 1.0 || step.fract() != 0.0) {
                continue;
            }
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
#[path = "scale_tests.rs"]
mod tests;
