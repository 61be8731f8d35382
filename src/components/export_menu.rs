//! Export: the projection month by month as CSV, the scenario with every result as JSON, and print
//! (style/print.css lays the page out as a one-document summary); and back: a scenario file opened from the
//! visitor's disk. Part of the header: the markup is written here, and the header's click handler calls
//! [`Export::run`].

use crate::api::{download_text, scenario_from_json, scenario_json};
use crate::components::header_actions::Act;
use crate::ctx::{Ctx, Replacement};
use crate::export::{scenario_csv, CsvExport};
use crate::format::plain;
use crate::view::dom::{on, set_text, Dom, Ev};
use crate::view::{Html, Slot};
use crate::view::parts::status_line;
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlInputElement};

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
    let items = [
        (Act::ExportCsv, "Projection (CSV)"),
        (Act::ExportJson, "Scenario & results (JSON)"),
        (Act::OpenJson, "Open a scenario (JSON)…"),
        (Act::Print, "Print summary"),
    ];
    for (act, label) in items {
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

/// Larger than any scenario file Export writes (~10 KB): refused unread.
const MAX_FILE_BYTES: f64 = 1_000_000.0;

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
            Act::OpenJson => {
                self.open_file(c);
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

    /// "Open a scenario (JSON)…": the browser's file chooser; a valid file replaces the scenario through the
    /// header (with Undo), anything else is refused with the reason here and the scenario left as it is.
    fn open_file(&self, c: Ctx) {
        let Ok(input) = document().create_element("input") else { return };
        let input: HtmlInputElement = input.unchecked_into();
        input.set_type("file");
        input.set_accept(".json,application/json");
        let (picked, status) = (input.clone(), self.status.clone());
        on(&input, Ev::Change, move |_| {
            let Some(file) = picked.files().and_then(|f| f.get(0)) else { return };
            let mut name = String::new();
            crate::state::query::push_at_most(&mut name, &file.name(), 60);
            let status = status.clone();
            if file.size() > MAX_FILE_BYTES {
                set_text(&status, &["Could not open ", &name, ": it is too large for a scenario file."].concat());
                return;
            }
            leptos::task::spawn_local(async move {
                let read = wasm_bindgen_futures::JsFuture::from(file.text()).await;
                let text: Option<String> = read.ok().and_then(|t| t.as_string());
                let read = match text {
                    Some(t) => scenario_from_json(&t),
                    None => Err("the browser could not read it".to_string()),
                };
                match read {
                    Ok(scenario) => {
                        set_text(&status, "");
                        c.replace.set(Some(Replacement { scenario, said: ["Opened ", &name, "."].concat() }));
                    }
                    Err(why) => set_text(&status, &["Could not open ", &name, ": ", &why].concat()),
                }
            });
        });
        input.click();
    }
}
