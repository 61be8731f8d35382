//! Chart geometry (pure): scales, ticks, SVG path strings.
//!
//! Everything here is plain Rust (std only) and tested natively; the Leptos view puts the results into
//! `<path d=…>`, `<rect>` and friends. Coordinates are whole pixels in a `viewBox="0 0 W H"`, written
//! without Rust's float formatting (large in WASM). Tick *values* are returned as numbers; the view
//! labels them with `Intl.NumberFormat`.

pub mod heatmap;
pub mod markup;
pub mod scale;
pub mod series;
pub mod svg;

pub use markup::{push_escaped, rows, same_shape, write_nodes, Node, Row, Svg};
pub use heatmap::{contrast_text, css_hex, diverging_color, heatmap_cell, zero_contour, Rgb};
pub use scale::{nice_domain, nice_scale, nice_ticks, sane_domain, whole_ticks, Band, Scale};
pub use series::{downsample_minmax, nearest_box, nearest_index, shaded_runs, step_index, stepped, Nav};
pub use svg::{area_path, bars, hbar, int_string, level_label_y, line_path, push_int, px, rects_path, rule_labels_collide, run_rects, Rect};
