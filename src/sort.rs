//! A stable insertion sort for the page's short lists (13 machines, 8 tornado rows).
//!
//! Why not `slice::sort_by`: each call site instantiates the standard library's driftsort (~4 KB of WASM
//! apiece), which is more code than these lists are worth (issue 5, page size).

/// Sorts `v` so that `before(a, b)` never holds for a later `a` and earlier `b`; equal items keep their order.
pub fn sort_small_by<T>(v: &mut [T], mut before: impl FnMut(&T, &T) -> bool) {
    for i in 1..v.len() {
        let mut j = i;
        while j > 0 && before(&v[j], &v[j - 1]) {
            v.swap(j, j - 1);
            j -= 1;
        }
    }
}

#[cfg(test)]
#[path = "sort_tests.rs"]
mod tests;
