//! Leptos views, one component per file. Each reads the scenario and the one results `Memo` from [`crate::app::Ctx`].
pub mod header;
pub mod input_panel;
pub mod input_row;
pub mod kpi;
pub mod kpi_defs;
pub mod kpi_grid;
pub mod kpi_strip;
pub mod notices;
