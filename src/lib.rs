//! Hashprice & margin calculator.
//!
//! `model`, `chart`, `state`, `format`, `view`'s builder and the words in `components` are pure Rust and tested
//! natively; `app`, `ctx`, the sections' binders and `view::dom` are the Leptos page and exist only in the
//! browser build.
pub mod allocator;
pub mod api_input;
pub mod chart;
pub mod components;
pub mod export;
pub mod fields;
pub mod format;
pub mod history;
pub mod math;
pub mod model;
pub mod page;
pub mod sort;
pub mod state;
pub mod view;

#[cfg(target_arch = "wasm32")]
pub mod api;
#[cfg(target_arch = "wasm32")]
pub mod app;
#[cfg(target_arch = "wasm32")]
pub mod ctx;
#[cfg(target_arch = "wasm32")]
pub mod live;
