//! Tests of `series`, kept beside it.

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
