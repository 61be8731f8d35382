//! Hashprice & margin calculator.
//!
//! `model`, `chart` and `state` are pure Rust and tested natively; `app` and `components` are the
//! Leptos page and exist only in the browser build.
pub mod allocator;
pub mod api_input;
pub mod chart;
pub mod export;
pub mod fields;
pub mod history;
pub mod math;
pub mod model;
pub mod page;
pub mod sort;
pub mod state;

#[cfg(target_arch = "wasm32")]
pub mod app;
#[cfg(target_arch = "wasm32")]
pub mod components;
#[cfg(target_arch = "wasm32")]
pub mod dom;
#[cfg(target_arch = "wasm32")]
pub mod format;
#[cfg(target_arch = "wasm32")]
pub mod live;
#[cfg(target_arch = "wasm32")]
pub mod api;
