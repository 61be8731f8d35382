//! Export: the projection month by month as CSV, the scenario with every result as JSON, and print
//! (style/print.css lays the page out as a one-document summary).

use crate::api::{download_text, scenario_json};
use crate::app::ctx;
use crate::export::{monthly_rows, projection_csv};
use crate::format::plain;
use leptos::prelude::*;

#[component]
pub fn ExportMenu() -> impl IntoView {
    let c = ctx();
    let status = RwSignal::new(String::new());
    let report = move |done: Result<(), String>, ok: &str| match done {
        Ok(()) => status.set(ok.to_string()),
        Err(e) => status.set(["Export failed: ", &e].concat()),
    };
    let csv = move |_| {
        let s = c.scenario.get_untracked();
        let rows = monthly_rows(&s);
        let done = if rows.is_empty() {
            Err("the scenario has an invalid input".to_string())
        } else {
            download_text(&projection_csv(&rows, &plain), "text/csv;charset=utf-8", "hashprice-projection.csv")
                .map_err(|_| "the browser refused the download".to_string())
        };
        report(done, "Projection downloaded as CSV (one row per month).");
    };
    let json = move |_| {
        let s = c.scenario.get_untracked();
        let done = scenario_json(&s).and_then(|text| {
            download_text(&text, "application/json", "hashprice-scenario.json")
                .map_err(|_| "the browser refused the download".to_string())
        });
        report(done, "Scenario and results downloaded as JSON.");
    };
    let print = move |_| {
        let _ = window().print();
    };
    view! {
        <details class="menu export-menu">
            <summary data-action="export">"Export"</summary>
            <div class="menu-body">
                <button type="button" data-action="export-csv" on:click=csv>"Projection (CSV)"</button>
                <button type="button" data-action="export-json" on:click=json>"Scenario & results (JSON)"</button>
                <button type="button" data-action="print" on:click=print>"Print summary"</button>
                <p class="status" role="status" aria-live="polite">{move || status.get()}</p>
            </div>
        </details>
    }
}
