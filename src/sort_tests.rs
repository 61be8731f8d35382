//! Tests of `sort`, kept beside it.

use super::sort_small_by;

#[test]
fn sorts_like_the_standard_stable_sort() {
    let mut seed = 7u64;
    for n in 0..40 {
        let v: Vec<(u8, usize)> = (0..n)
            .map(|i| {
                seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
                ((seed >> 60) as u8, i)
            })
            .collect();
        let mut ours = v.clone();
        sort_small_by(&mut ours, |a, b| a.0 > b.0);
        let mut std = v;
        std.sort_by(|a, b| b.0.cmp(&a.0));
        assert_eq!(ours, std, "n = {n}");
    }
}
