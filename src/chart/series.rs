//! Series helpers: curtailed-day runs, peak-preserving downsampling, pointer lookup.

/// Contiguous runs of `true` as half-open index ranges `[start, end)`, e.g. the curtailed days to shade.
pub fn shaded_runs(flags: &[bool]) -> Vec<(usize, usize)> {
    let mut runs = Vec::new();
    let mut start = None;
    for (i, &on) in flags.iter().enumerate() {
        match (on, start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                runs.push((s, i));
                start = None;
            }
            _ => {}
        }
    }
    if let Some(s) = start {
        runs.push((s, flags.len()));
    }
    runs
}

/// Reduces a long series (e.g. 3,650 daily values) to at most about `2 × buckets + 2` points `(index, value)`
/// that draw the same picture: each of `buckets` equal index ranges keeps its minimum and maximum (so
/// spikes survive, unlike plain striding), in index order, plus the first and last point so the line spans
/// the whole axis. A non-finite value inside a bucket is kept too (at its first occurrence) so the line still
/// breaks there. Short series (or `buckets == 0`) are returned whole. Indices are the original ones: map
/// them with the same x scale as the full series.
pub fn downsample_minmax(values: &[f64], buckets: usize) -> Vec<(usize, f64)> {
    let n = values.len();
    if buckets == 0 || n <= 2 * buckets + 2 {
        return values.iter().copied().enumerate().collect();
    }
    let mut out: Vec<(usize, f64)> = Vec::with_capacity(2 * buckets + 2);
    let mut push = |i: usize| {
        if out.last().is_none_or(|&(j, _)| i > j) {
            out.push((i, values[i]));
        }
    };
    push(0);
    for b in 0..buckets {
        let (start, end) = (b * n / buckets, (b + 1) * n / buckets);
        let (mut lo, mut hi, mut gap): (Option<usize>, Option<usize>, Option<usize>) = (None, None, None);
        for i in start..end {
            let v = values[i];
            if !v.is_finite() {
                gap = gap.or(Some(i));
            } else {
                if lo.is_none_or(|k| v < values[k]) {
                    lo = Some(i);
                }
                if hi.is_none_or(|k| v > values[k]) {
                    hi = Some(i);
                }
            }
        }
        let mut keep = [lo, hi, gap];
        keep.sort_unstable(); // None sorts first, then by index
        keep.into_iter().flatten().for_each(&mut push);
    }
    push(n - 1);
    out
}

/// Index of the point whose x (in pixels) is nearest to the pointer at `x_px`, for crosshair readouts.
/// Non-finite xs are never chosen; ties go to the first. `None` if there is no finite point or `x_px`
/// itself is not finite. Linear scan, so `xs_px` need not be sorted (a few thousand points is cheap).
pub fn nearest_index(xs_px: &[f64], x_px: f64) -> Option<usize> {
    if !x_px.is_finite() {
        return None;
    }
    xs_px
        .iter()
        .enumerate()
        .filter(|(_, x)| x.is_finite())
        .min_by(|a, b| (a.1 - x_px).abs().total_cmp(&(b.1 - x_px).abs()))
        .map(|(i, _)| i)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn runs() {
        assert_eq!(shaded_runs(&[]), vec![]);
        assert_eq!(shaded_runs(&[false, false]), vec![]);
        assert_eq!(shaded_runs(&[true, true, true]), vec![(0, 3)]);
        assert_eq!(shaded_runs(&[false, true, true, false, true, false, false, true]), vec![(1, 3), (4, 5), (7, 8)]);
    }

    #[test]
    fn downsample_keeps_peaks_and_ends() {
        let mut v: Vec<f64> = (0..3650).map(|i| (i as f64 * 0.01).sin()).collect();
        v[1234] = 50.0;
        v[2345] = -50.0;
        let d = downsample_minmax(&v, 200);
        assert!(d.len() <= 402, "{}", d.len());
        assert!(d.len() >= 200);
        assert_eq!(d[0], (0, v[0]));
        assert_eq!(*d.last().unwrap(), (3649, v[3649]));
        assert!(d.contains(&(1234, 50.0)) && d.contains(&(2345, -50.0)));
        assert!(d.windows(2).all(|w| w[0].0 < w[1].0));
        assert!(d.iter().all(|&(i, x)| v[i] == x));
    }

    #[test]
    fn downsample_short_and_gaps() {
        let v = [1.0, 2.0, 3.0];
        assert_eq!(downsample_minmax(&v, 10), vec![(0, 1.0), (1, 2.0), (2, 3.0)]);
        assert_eq!(downsample_minmax(&v, 0).len(), 3);
        assert!(downsample_minmax(&[], 10).is_empty());
        let mut v = vec![1.0; 1000];
        v[500] = f64::NAN;
        let d = downsample_minmax(&v, 10);
        assert!(d.iter().any(|&(i, x)| i == 500 && x.is_nan()));
        let all_nan = vec![f64::NAN; 1000];
        assert!(downsample_minmax(&all_nan, 10).len() <= 22);
    }

    proptest! {
        #[test]
        fn downsample_bounds(v in proptest::collection::vec(-1e6f64..1e6, 0..2000), buckets in 1usize..300) {
            let d = downsample_minmax(&v, buckets);
            prop_assert!(d.len() <= (2 * buckets + 2).max(v.len().min(2 * buckets + 2)));
            prop_assert!(d.windows(2).all(|w| w[0].0 < w[1].0));
            if !v.is_empty() {
                let max = v.iter().cloned().fold(f64::MIN, f64::max);
                let min = v.iter().cloned().fold(f64::MAX, f64::min);
                prop_assert!(d.iter().any(|p| p.1 == max) && d.iter().any(|p| p.1 == min));
            }
        }
    }

    #[test]
    fn nearest() {
        let xs = [0.0, 10.0, 20.0, f64::NAN, 40.0];
        assert_eq!(nearest_index(&xs, 11.0), Some(1));
        assert_eq!(nearest_index(&xs, 15.0), Some(1)); // tie: first
        assert_eq!(nearest_index(&xs, 31.0), Some(4)); // NaN skipped
        assert_eq!(nearest_index(&xs, -100.0), Some(0));
        assert_eq!(nearest_index(&xs, f64::NAN), None);
        assert_eq!(nearest_index(&[], 1.0), None);
        assert_eq!(nearest_index(&[f64::NAN], 1.0), None);
    }
}
