//! Export: the projection month by month as CSV, the scenario with every result as JSON, and print
//! (style/print.css lays the page out as a one-document summary). Part of the header: the markup is written
//! here, and the header's click handler calls [`Export::run`].

use crate::api::{download_text, scenario_json};
use crate::components::header_actions::Act;
use crate::ctx::Ctx;
use crate::export::{scenario_csv, CsvExport};
use crate::format::plain;
use crate::view::dom::{set_text, Dom};
use crate::view::{Html, Slot};
use crate::view::parts::status_line;
use leptos::prelude::*;
use web_sys::Element;

#[derive(Clone, Copy)]
pub struct ExportSlots {
    details: Slot,
    summary: Slot,
    status: Slot,
}

/// The menu's markup (a `<details>`, so it opens and closes natively, with the keyboard too).
pub fn markup(h: &mut Html) -> ExportSlots {
    h.open("details", "class=\"menu export-menu\"");
    let details = h.slot();
    h.open("summary", "").on(Act::Export);
    let summary = h.slot();
    h.text("Export").close("summary").open("div", "class=\"menu-body\"");
    for (act, label) in [(Act::ExportCsv, "Projection (CSV)"), (Act::ExportJson, "Scenario & results (JSON)"), (Act::Print, "Print summary")] {
        h.open("button", "type=\"button\"").on(act).text(label).close("button");
    }
    let status = status_line(h, None);
    h.close("div").close("details");
    ExportSlots { details, summary, status }
}

/// The menu in the document.
pub struct Export {
    pub details: Element,
    pub summary: Element,
    status: Element,
}

const REFUSED: &str = "the browser refused the download";

impl Export {
    pub fn new(dom: &Dom, s: ExportSlots) -> Export {
        Export { details: dom.el(s.details), summary: dom.el(s.summary), status: dom.el(s.status) }
    }

    /// Runs a menu item and says how it went.
    pub fn run(&self, c: Ctx, act: Act) {
        let (done, ok) = match act {
            Act::ExportCsv => {
                let at: String = js_sys::Date::new_0().to_iso_string().into();
                let csv = c.scenario.with_untracked(|s| scenario_csv(s, &at, &plain));
                // Said only after the download: the months' empty cells and why.
                let status = csv.status();
                match download_text(&csv.text, "text/csv;charset=utf-8", &CsvExport::file_name(&at)) {
                    Ok(()) => set_text(&self.status, &status),
                    Err(_) => set_text(&self.status, &["Export failed: ", REFUSED].concat()),
                }
                return;
            }
            Act::ExportJson => {
                let done = c.scenario.with_untracked(scenario_json).and_then(|text| {
                    download_text(&text, "application/json", "hashprice-scenario.json").map_err(|_| REFUSED.to_string())
                });
                (done, "Scenario and results downloaded as JSON.")
            }
            _ => {
                let _ = window().print();
                return;
            }
        };
        match done {
            Ok(()) => set_text(&self.status, ok),
            Err(e) => set_text(&self.status, &["Export failed: ", &e].concat()),
        }
    }
}
