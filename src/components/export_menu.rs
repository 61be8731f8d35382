//! Export: the projection month by month as CSV, the scenario with every result as JSON, and print
//! (style/print.css lays the page out as a one-document summary). Part of the header island
//! (`header.rs`): the markup is written here, and the header's delegated click listener calls [`run`].

use crate::api::{download_text, scenario_json};
use crate::app::Ctx;
use crate::dom::{find, set_text};
use crate::export::{monthly_rows, projection_csv};
use crate::format::plain;
use leptos::prelude::*;
use web_sys::Element;

/// The menu's markup (a `<details>`, so it opens and closes natively, with the keyboard too).
pub fn markup(out: &mut String) {
    out.push_str(concat!(
        "<details class=\"menu export-menu\"><summary data-action=\"export\">Export</summary><div class=\"menu-body\">",
        "<button type=\"button\" data-action=\"export-csv\">Projection (CSV)</button>",
        "<button type=\"button\" data-action=\"export-json\">Scenario &amp; results (JSON)</button>",
        "<button type=\"button\" data-action=\"print\">Print summary</button>",
        "<p class=\"status\" role=\"status\" aria-live=\"polite\"></p></div></details>"
    ));
}

const REFUSED: &str = "the browser refused the download";

/// Runs the menu's `action` (`export-csv`, `export-json`, `print`); `false` for any other action.
pub fn run(c: Ctx, root: &Element, action: &str) -> bool {
    let (done, ok) = match action {
        "export-csv" => {
            let rows = c.scenario.with_untracked(monthly_rows);
            let done = if rows.is_empty() {
                Err("the scenario has an invalid input".to_string())
            } else {
                download_text(&projection_csv(&rows, &plain), "text/csv;charset=utf-8", "hashprice-projection.csv")
                    .map_err(|_| REFUSED.to_string())
            };
            (done, "Projection downloaded as CSV (one row per month).")
        }
        "export-json" => {
            let done = c.scenario.with_untracked(scenario_json).and_then(|text| {
                download_text(&text, "application/json", "hashprice-scenario.json").map_err(|_| REFUSED.to_string())
            });
            (done, "Scenario and results downloaded as JSON.")
        }
        "print" => {
            let _ = window().print();
            return true;
        }
        _ => return false,
    };
    if let Some(status) = find(root, ".export-menu .status") {
        match done {
            Ok(()) => set_text(&status, ok),
            Err(e) => set_text(&status, &["Export failed: ", &e].concat()),
        }
    }
    true
}
