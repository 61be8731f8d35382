//! Hashprice & margin calculator. `model` is pure Rust (tested natively); `app` is the Leptos page.
pub mod model;
