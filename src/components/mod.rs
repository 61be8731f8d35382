//! The page's sections, one per file, each built on `crate::view` from the scenario and the one results `Memo`
//! in [`crate::app::Ctx`]. The words (`kpi_defs`, `kpi_card`) compile natively and are tested there; the
//! sections' binders exist only in the browser build.
pub mod assumptions;
pub mod cash_chart;
pub mod chart_parts;
pub mod chart_words;
pub mod embed_code;
#[cfg(target_arch = "wasm32")]
pub mod chart_frame;
#[cfg(target_arch = "wasm32")]
pub mod embed_button;
#[cfg(target_arch = "wasm32")]
pub mod export_menu;
pub mod hardware_table;
pub mod hashprice_chart;
#[cfg(target_arch = "wasm32")]
pub mod header;
pub mod headline;
pub mod history_chart;
pub mod hpc_compare;
#[cfg(target_arch = "wasm32")]
pub mod input_panel;
pub mod input_row;
#[cfg(target_arch = "wasm32")]
pub mod kpi;
pub mod kpi_card;
pub mod kpi_defs;
#[cfg(target_arch = "wasm32")]
pub mod machine_picker;
#[cfg(target_arch = "wasm32")]
pub mod live_data;
pub mod monthly_chart;
#[cfg(target_arch = "wasm32")]
pub mod notices;
pub mod risk_charts;
#[cfg(target_arch = "wasm32")]
pub mod risk_panel;
