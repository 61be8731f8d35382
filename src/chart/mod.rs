//! Chart geometry (pure): scales, ticks, SVG path strings.
