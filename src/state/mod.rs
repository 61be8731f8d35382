//! Scenario state (pure): URL query, presets, derived helpers.
