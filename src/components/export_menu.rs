//! Export: the projection month by month as CSV, the scenario with every result as JSON, and print
//! (style/print.css lays the page out as a one-document summary); and back: a scenario file opened from the
//! visitor's disk. Part of the header: the markup is written here, the header's click handler calls
//! [`Export::run`], and what happened is said in the header's status line.

use crate::api::{download_text, scenario_from_json, scenario_json};
use crate::components::header_actions::Act;
use crate::ctx::{Ctx, Replacement};
use crate::export::{export_failed, open_refused, scenario_csv, CsvExport, JSON_DONE};
use crate::format::plain;
use crate::view::dom::{focus, on, set_text, Dom, Ev};
use crate::view::{Html, Slot};
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlInputElement};

#[derive(Clone, Copy)]
pub struct ExportSlots {
    details: Slot,
    summary: Slot,
}

/// The menu's markup (a `<details>`, so it opens and closes natively, with the keyboard too). It has no status
/// line of its own: what it did is said in the header's, which stays in view once the menu closes.
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
    h.close("div").close("details");
    ExportSlots { details, summary }
}

/// The menu in the document, and the header's status line it speaks in.
pub struct Export {
    pub details: Element,
    pub summary: Element,
    status: Element,
}

const REFUSED: &str = "the browser refused the download";

/// Larger than any scenario file Export writes (~10 KB): refused unread.
const MAX_FILE_BYTES: f64 = 1_000_000.0;

impl Export {
    pub fn new(dom: &Dom, s: ExportSlots, status: Element) -> Export {
        Export { details: dom.el(s.details), summary: dom.el(s.summary), status }
    }

    /// Runs a menu item and says how it went. The menu closes on a choice, as menus do, and the focus goes back
    /// to its summary (the item it was on is hidden with the menu).
    pub fn run(&self, c: Ctx, act: Act) {
        let _ = self.details.remove_attribute("open");
        focus(&self.summary);
        let said = match act {
            Act::ExportCsv => {
                let at: String = js_sys::Date::new_0().to_iso_string().into();
                let csv = c.scenario.with_untracked(|s| scenario_csv(s, &at, &plain));
                // Said only after the download: the months' empty cells and why.
                download_text(&csv.text, "text/csv;charset=utf-8", &CsvExport::file_name(&at))
                    .map(|()| csv.status())
                    .map_err(|_| REFUSED.to_string())
            }
            Act::ExportJson => c
                .scenario
                .with_untracked(|s| scenario_json(s, c.threshold.get_untracked()))
                .and_then(|text| {
                    download_text(&text, "application/json", "hashprice-scenario.json").map_err(|_| REFUSED.to_string())
                })
                .map(|()| JSON_DONE.to_string()),
            Act::OpenJson => return self.open_file(c),
            _ => {
                let _ = window().print();
                return;
            }
        };
        set_text(&self.status, &said.unwrap_or_else(|e| export_failed(&e)));
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
                set_text(&status, &open_refused(&name, "it is too large for a scenario file"));
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
                    // The header says "Opened …" in the same status line.
                    Ok((scenario, threshold)) => {
                        if let Some(t) = threshold {
                            c.threshold.set(t);
                        }
                        c.replace.set(Some(Replacement { scenario, said: ["Opened ", &name, "."].concat() }))
                    }
                    Err(why) => set_text(&status, &open_refused(&name, &why)),
                }
            });
        });
        input.click();
    }
}
