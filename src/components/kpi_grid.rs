//! Every output of MODEL.md sections 1–4 as a KPI, grouped like the model.

use crate::components::kpi::Kpi;
use crate::components::kpi_defs::find;
use crate::model::{HPC_KEYS, PROJECTION_KEYS, SNAPSHOT_KEYS};
use leptos::prelude::*;

fn group(title: &'static str, keys: &'static [&'static str], skip: &'static [&'static str]) -> impl IntoView {
    let kpis = keys
        .iter()
        .filter(|k| !skip.contains(k))
        .filter_map(|k| find(k))
        .map(|def| view! { <Kpi def=def/> })
        .collect_view();
    view! {
        <section class="kpi-group">
            <h3>{title}</h3>
            <div class="kpi-grid">{kpis}</div>
        </section>
    }
}

/// The strip at the top already carries these; the grid shows the rest once each (`data-kpi` is unique).
pub const IN_STRIP: &[&str] = &["hashprice_usd_per_ph_day", "breakeven_power_price_usd_kwh", "payback_days", "npv_usd", "profit_usd_day"];

#[component]
pub fn KpiGrid() -> impl IntoView {
    view! {
        <section class="card all-kpis" aria-labelledby="all-kpis-title">
            <h2 id="all-kpis-title">"All results"</h2>
            {group("Today (day 0)", SNAPSHOT_KEYS, IN_STRIP)}
            {group("Projection and financing", PROJECTION_KEYS, IN_STRIP)}
            {group("Mining versus AI/HPC, per MW", HPC_KEYS, IN_STRIP)}
        </section>
    }
}
