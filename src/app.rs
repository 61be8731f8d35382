//! The page: wires the scenario signal and the one `Memo` of model results that every view reads.

use crate::components::{input_panel::InputPanel, kpi_grid::KpiGrid, kpi_strip::KpiStrip};
use crate::fields::Panel;
use crate::model::{evaluate, Results, Scenario};
use crate::state::query::from_query;
use leptos::prelude::*;

/// Shared state: the last valid scenario and its results.
#[derive(Clone, Copy)]
pub struct Ctx {
    pub scenario: RwSignal<Scenario>,
    pub results: Memo<Option<Results>>,
}

pub fn ctx() -> Ctx {
    expect_context::<Ctx>()
}

pub fn start() {
    leptos::mount::mount_to_body(App);
}

#[component]
pub fn App() -> impl IntoView {
    let query = window().location().search().unwrap_or_default();
    let (initial, _issues) = from_query(&query, &Scenario::default());
    let scenario = RwSignal::new(initial);
    let results = Memo::new(move |_| scenario.with(|s| evaluate(s).ok()));
    provide_context(Ctx { scenario, results });

    view! {
        <header class="site-header">
            <h1>"Hashprice & margin calculator"</h1>
            <p class="snapshot-note">"Network snapshot: Nov 2025 (edit any value)"</p>
        </header>
        <KpiStrip/>
        <div class="layout">
            <aside class="inputs" aria-label="Inputs">
                {Panel::ALL.iter().map(|&p| view! { <InputPanel panel=p/> }).collect_view()}
            </aside>
            <main class="outputs">
                <KpiGrid/>
            </main>
        </div>
    }
}
