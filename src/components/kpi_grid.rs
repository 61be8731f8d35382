//! Every output of MODEL.md sections 1–4 as a KPI with its formula, grouped like the model.

use crate::app::ctx;
use crate::components::kpi::Kpi;
use crate::components::kpi_defs::find;
use crate::model::{HPC_KEYS, PROJECTION_KEYS, SNAPSHOT_KEYS};
use leptos::prelude::*;

/// The KPIs of the strip at the top (which carries their `data-kpi` hooks when it is shown).
pub const IN_STRIP: &[&str] = &["hashprice_usd_per_ph_day", "breakeven_power_price_usd_kwh", "payback_days", "npv_usd", "profit_usd_day"];

fn group(title: &'static str, keys: &'static [&'static str], strip_shown: bool) -> impl IntoView {
    let kpis = keys
        .iter()
        .filter_map(|k| find(k))
        .map(|def| {
            // `data-kpi` stays unique on the page: the strip's copy has it when the strip is there.
            let hooks = !(strip_shown && IN_STRIP.contains(&def.key));
            view! { <Kpi def=def hooks=hooks/> }
        })
        .collect_view();
    view! {
        <section class="kpi-group">
            <h3>{title}</h3>
            <div class="kpi-grid">{kpis}</div>
        </section>
    }
}

#[component]
pub fn KpiGrid() -> impl IntoView {
    let strip_shown = ctx().page.with_value(|p| p.shows("kpis"));
    view! {
        <section class="card all-kpis" aria-labelledby="all-kpis-title">
            <h2 id="all-kpis-title">"All results"</h2>
            {group("Today (day 0)", SNAPSHOT_KEYS, strip_shown)}
            {group("Projection and financing", PROJECTION_KEYS, strip_shown)}
            {group("Mining versus AI/HPC, per MW", HPC_KEYS, strip_shown)}
        </section>
    }
}
