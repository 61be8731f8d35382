//! The page's sections, one per file, each built on `crate::view` from the scenario and the one results `Memo`
//! in [`crate::ctx::Ctx`]. The words (`kpi_defs`, `kpi_card`) compile natively and are tested there; the
//! sections' binders exist only in the browser build.

// Words, markup and chart geometry: built natively and in the browser.
pub mod assumptions;
pub mod backtest;
pub mod cash_chart;
pub mod chart_parts;
pub mod chart_words;
pub mod decision;
pub mod embed_code;
pub mod growth_history;
pub mod hardware_table;
pub mod hashprice_chart;
pub mod headline;
pub mod history_chart;
pub mod hpc_compare;
pub mod input_row;
pub mod kpi_card;
pub mod kpi_defs;
pub mod merit_chart;
pub mod monthly_chart;
pub mod risk_charts;

// The binders: browser only.
#[cfg(target_arch = "wasm32")]
pub mod chart_frame;
#[cfg(target_arch = "wasm32")]
pub mod embed_button;
#[cfg(target_arch = "wasm32")]
pub mod export_menu;
#[cfg(target_arch = "wasm32")]
pub mod fleet_editor;
#[cfg(target_arch = "wasm32")]
pub mod header;
#[cfg(target_arch = "wasm32")]
pub mod header_actions;
#[cfg(target_arch = "wasm32")]
pub mod input_panel;
#[cfg(target_arch = "wasm32")]
pub mod kpi;
#[cfg(target_arch = "wasm32")]
pub mod live_data;
#[cfg(target_arch = "wasm32")]
pub mod machine_picker;
#[cfg(target_arch = "wasm32")]
pub mod notices;
#[cfg(target_arch = "wasm32")]
pub mod risk_panel;
