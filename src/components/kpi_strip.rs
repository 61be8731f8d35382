//! The answer in five seconds: hashprice, breakeven power, profit, payback and NPV.

use crate::components::kpi::Kpi;
use crate::components::kpi_defs::find;
use crate::components::kpi_grid::IN_STRIP;
use leptos::prelude::*;

#[component]
pub fn KpiStrip() -> impl IntoView {
    let kpis = IN_STRIP.iter().filter_map(|k| find(k)).map(|def| view! { <Kpi def=def compact=true/> }).collect_view();
    view! { <section class="kpi-strip" aria-label="Key results">{kpis}</section> }
}
