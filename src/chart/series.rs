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

/// Every `step`-th index of a series of `len`, plus the last one, so a readout or a table sampled in steps
/// still reaches the final day.
pub fn stepped(len: usize, step: usize) -> impl Iterator<Item = usize> {
    let step = step.max(1);
    let last = len.checked_sub(1).filter(|l| l % step != 0);
    (0..len).step_by(step).chain(last)
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
        crate::sort::sort_small_by(&mut keep, |a, b| a < b); // None sorts first, then by index
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

/// How the arrow keys move a chart's readout: along x (line and bar charts), down a list of rows (tornado),
/// or over a grid of `cols` columns with row 0 at the top (heatmap).
#[derive(Clone, Copy, Debug, PartialEq, Default)]
pub enum Nav {
    #[default]
    X,
    Rows,
    Grid(usize),
}

/// The readout's next point for a key over `len` points: `Some(None)` hides it (Escape), `None` means the key
/// is not the chart's (the page keeps it, e.g. to scroll). A grid starts in its middle cell, the scenario's.
pub fn step_index(key: &str, current: Option<usize>, len: usize, nav: Nav) -> Option<Option<usize>> {
    if len == 0 {
        return None;
    }
    let last = len - 1;
    let start = if let Nav::Grid(_) = nav { len / 2 } else { 0 };
    let (back, fwd, up, down) = match nav {
        Nav::X => ("ArrowLeft", "ArrowRight", "", ""),
        Nav::Rows => ("ArrowUp", "ArrowDown", "ArrowLeft", "ArrowRight"),
        Nav::Grid(_) => ("ArrowLeft", "ArrowRight", "ArrowUp", "ArrowDown"),
    };
    let cols = match nav {
        Nav::Grid(c) if c > 0 => c,
        _ => 1,
    };
    let k = if key.is_empty() { "-" } else { key };
    Some(match current {
        _ if k == "Escape" => None,
        _ if k == "Home" => Some(0),
        _ if k == "End" => Some(last),
        None if [back, fwd, up, down].contains(&k) => Some(start),
        Some(i) if k == fwd && (cols == 1 || (i + 1) % cols != 0) => Some((i + 1).min(last)),
        Some(i) if k == back && (cols == 1 || i % cols != 0) => Some(i.saturating_sub(1)),
        Some(i) if k == fwd || k == back => Some(i),
        // In a list, Left and Right step like Up and Down; in a grid, Up and Down step a whole row.
        Some(i) if k == up => Some(if i >= cols { i - cols } else if cols == 1 { 0 } else { i }),
        Some(i) if k == down => Some(if i + cols <= last { i + cols } else if cols == 1 { last } else { i }),
        _ => return None,
    })
}

/// The box under a point (x, y): the one containing it, else the one whose centre is nearest; none for a
/// non-finite point or no boxes. Boxes are `[x, y, width, height]` in view-box pixels.
pub fn nearest_box(boxes: &[[f64; 4]], x: f64, y: f64) -> Option<usize> {
    if !(x.is_finite() && y.is_finite()) {
        return None;
    }
    let inside = |b: &[f64; 4]| x >= b[0] && x < b[0] + b[2] && y >= b[1] && y < b[1] + b[3];
    if let Some(i) = boxes.iter().position(inside) {
        return Some(i);
    }
    let dist = |b: &[f64; 4]| (b[0] + b[2] / 2.0 - x).powi(2) + (b[1] + b[3] / 2.0 - y).powi(2);
    boxes
        .iter()
        .enumerate()
        .filter(|(_, b)| dist(b).is_finite())
        .min_by(|a, b| dist(a.1).total_cmp(&dist(b.1)))
        .map(|(i, _)| i)
}

#[cfg(test)]
#[path = "series_tests.rs"]
mod tests;
