//! Leptos views, one component per file. Each reads the scenario and the one results `Memo` from [`crate::app::Ctx`].
pub mod cash_chart;
pub mod chart_frame;
pub mod hardware_table;
pub mod hashprice_chart;
pub mod header;
pub mod headline;
pub mod hpc_compare;
pub mod input_panel;
pub mod input_row;
pub mod kpi;
pub mod kpi_defs;
pub mod kpi_grid;
pub mod kpi_strip;
pub mod monthly_chart;
pub mod notices;
