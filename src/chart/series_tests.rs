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

#[test]
fn step_along_x_as_before() {
    let x = Nav::X;
    assert_eq!(step_index("ArrowRight", None, 5, x), Some(Some(0)));
    assert_eq!(step_index("ArrowLeft", None, 5, x), Some(Some(0)));
    assert_eq!(step_index("ArrowRight", Some(1), 5, x), Some(Some(2)));
    assert_eq!(step_index("ArrowRight", Some(4), 5, x), Some(Some(4)));
    assert_eq!(step_index("ArrowLeft", Some(0), 5, x), Some(Some(0)));
    assert_eq!(step_index("End", Some(1), 5, x), Some(Some(4)));
    assert_eq!(step_index("Home", Some(3), 5, x), Some(Some(0)));
    assert_eq!(step_index("Escape", Some(3), 5, x), Some(None));
    // Up and Down stay the page's (scrolling) on an x chart; nothing on an empty chart.
    assert_eq!(step_index("ArrowDown", Some(3), 5, x), None);
    assert_eq!(step_index("a", Some(3), 5, x), None);
    assert_eq!(step_index("", Some(3), 5, x), None);
    assert_eq!(step_index("ArrowRight", None, 0, x), None);
}

#[test]
fn step_down_a_list_of_rows() {
    let r = Nav::Rows;
    assert_eq!(step_index("ArrowDown", None, 9, r), Some(Some(0)));
    assert_eq!(step_index("ArrowDown", Some(0), 9, r), Some(Some(1)));
    assert_eq!(step_index("ArrowRight", Some(0), 9, r), Some(Some(1)));
    assert_eq!(step_index("ArrowUp", Some(1), 9, r), Some(Some(0)));
    assert_eq!(step_index("ArrowLeft", Some(1), 9, r), Some(Some(0)));
    assert_eq!(step_index("ArrowDown", Some(8), 9, r), Some(Some(8)));
    assert_eq!(step_index("ArrowUp", Some(0), 9, r), Some(Some(0)));
}

#[test]
fn step_over_a_grid_by_row_and_column() {
    // 3 × 3, row 0 on top: 0 1 2 / 3 4 5 / 6 7 8.
    let g = Nav::Grid(3);
    assert_eq!(step_index("ArrowUp", None, 9, g), Some(Some(4)), "starts in the middle");
    assert_eq!(step_index("ArrowRight", Some(4), 9, g), Some(Some(5)));
    assert_eq!(step_index("ArrowRight", Some(5), 9, g), Some(Some(5)), "no wrap to the next row");
    assert_eq!(step_index("ArrowLeft", Some(3), 9, g), Some(Some(3)), "no wrap to the row above");
    assert_eq!(step_index("ArrowUp", Some(4), 9, g), Some(Some(1)));
    assert_eq!(step_index("ArrowUp", Some(1), 9, g), Some(Some(1)));
    assert_eq!(step_index("ArrowDown", Some(4), 9, g), Some(Some(7)));
    assert_eq!(step_index("ArrowDown", Some(7), 9, g), Some(Some(7)));
    assert_eq!(step_index("End", Some(4), 9, g), Some(Some(8)));
    // The 21 × 21 heatmap starts on its centre cell, the scenario's.
    assert_eq!(step_index("ArrowDown", None, 441, Nav::Grid(21)), Some(Some(220)));
    assert_eq!(220 / 21, 10);
    assert_eq!(220 % 21, 10);
}

proptest! {
    #[test]
    fn steps_stay_in_range(key in prop_oneof![Just("ArrowUp"), Just("ArrowDown"), Just("ArrowLeft"), Just("ArrowRight"), Just("Home"), Just("End")],
                           len in 1usize..500, cur in proptest::option::of(0usize..500), cols in 0usize..30, nav in 0u8..3) {
        let nav = match nav { 0 => Nav::X, 1 => Nav::Rows, _ => Nav::Grid(cols) };
        let cur = cur.map(|c| c % len);
        if let Some(Some(i)) = step_index(key, cur, len, nav) {
            prop_assert!(i < len);
        }
    }
}

#[test]
fn nearest_box_prefers_the_box_under_the_point() {
    let boxes = [[0.0, 0.0, 10.0, 10.0], [10.0, 0.0, 10.0, 10.0], [0.0, 10.0, 10.0, 10.0]];
    assert_eq!(nearest_box(&boxes, 5.0, 5.0), Some(0));
    assert_eq!(nearest_box(&boxes, 10.0, 5.0), Some(1), "edges belong to the box to the right");
    assert_eq!(nearest_box(&boxes, 3.0, 19.0), Some(2));
    assert_eq!(nearest_box(&boxes, 30.0, 4.0), Some(1), "outside: the nearest centre");
    assert_eq!(nearest_box(&boxes, f64::NAN, 4.0), None);
    assert_eq!(nearest_box(&[], 1.0, 1.0), None);
    assert_eq!(nearest_box(&[[f64::NAN, 0.0, 1.0, 1.0], [5.0, 5.0, 1.0, 1.0]], 0.5, 0.5), Some(1));
}

#[test]
fn stepped_reaches_the_last_index() {
    assert_eq!(stepped(731, 30).last(), Some(730));
    assert_eq!(stepped(731, 30).filter(|d| d % 30 != 0).count(), 1);
    assert_eq!(stepped(61, 30).collect::<Vec<_>>(), [0, 30, 60]);
    assert_eq!(stepped(5, 0).collect::<Vec<_>>(), [0, 1, 2, 3, 4]);
    assert_eq!(stepped(0, 7).count(), 0);
    assert_eq!(stepped(1, 7).collect::<Vec<_>>(), [0]);
}
