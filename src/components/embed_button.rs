//! "Embed": a ready `<iframe>` snippet for the current scenario (embed mode, chosen panels), copied to the
//! clipboard and shown in a text area for when the clipboard is blocked. Part of the header island
//! (`header.rs`): the markup is written here and the header's delegated listeners call these functions.
//! The dialog is only in the document while it is open.

use crate::app::Ctx;
use crate::dom::{find, push_escaped, set_attr, set_text};
use crate::export::{embed_snippet, embed_url};
use crate::page::SECTIONS;
use js_sys::{Function, Reflect};
use leptos::prelude::*;
use std::cell::Cell;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::Element;

thread_local! {
    /// The panels checked in the dialog, one bit per `SECTIONS` entry; kept while the dialog is closed.
    static CHOSEN: Cell<u32> = const { Cell::new(u32::MAX) };
}

fn chosen(i: usize) -> bool {
    CHOSEN.with(|c| c.get() & (1 << i) != 0)
}

fn section_label(s: &str) -> &'static str {
    match s {
        "kpis" => "Key results",
        "inputs" => "Inputs",
        "headline" => "Headline check",
        "cash" => "Cash chart",
        "hashprice" => "Hashprice chart",
        "monthly" => "Monthly cash chart",
        "hardware" => "Hardware table",
        "hpc" => "Mining vs AI/HPC",
        "risk" => "Risk",
        "results" => "All results",
        _ => "Section",
    }
}

/// The button's markup (the dialog is added after it when it opens).
pub fn markup(out: &mut String) {
    out.push_str(
        "<div class=\"embed-button\"><button type=\"button\" data-action=\"embed\" aria-expanded=\"false\" aria-controls=\"embed-dialog\">Embed</button></div>",
    );
}

/// The snippet for the current scenario, headline threshold and chosen panels.
fn snippet(c: Ctx) -> String {
    let href = window().location().href().unwrap_or_default();
    let query = crate::app::share_parts(c).join("&");
    let list: Vec<&str> = SECTIONS.iter().enumerate().filter(|(i, _)| chosen(*i)).map(|(_, s)| *s).collect();
    let panels = (list.len() < SECTIONS.len()).then_some(list.as_slice());
    embed_snippet(&embed_url(&href, panels, &query), "hashprice-calculator")
}

fn dialog_markup(code: &str) -> String {
    let mut m = String::from(concat!(
        "<div class=\"menu-body embed-dialog\" id=\"embed-dialog\" role=\"group\" aria-labelledby=\"embed-title\">",
        "<p id=\"embed-title\" class=\"embed-title\">Embed this scenario in your site</p>",
        "<fieldset class=\"embed-panels\"><legend>Show</legend>"
    ));
    for (i, s) in SECTIONS.iter().enumerate() {
        m.push_str("<label class=\"embed-panel\"><input type=\"checkbox\" name=\"embed-panel\" value=\"");
        m.push_str(s);
        m.push_str(if chosen(i) { "\" checked>" } else { "\">" });
        m.push_str(section_label(s));
        m.push_str("</label>");
    }
    m.push_str(concat!(
        "</fieldset><label for=\"embed-code\">Embed code (an iframe that sizes itself)</label>",
        "<textarea id=\"embed-code\" name=\"embed-code\" readonly rows=\"7\" spellcheck=\"false\">"
    ));
    push_escaped(&mut m, code);
    m.push_str(concat!(
        "</textarea><div class=\"embed-actions\">",
        "<button type=\"button\" class=\"primary\" data-action=\"copy-embed\">Copy code</button>",
        "<button type=\"button\" data-action=\"embed-close\">Close</button></div>",
        "<p class=\"status\" role=\"status\" aria-live=\"polite\"></p></div>"
    ));
    m
}

/// Whether the dialog is open.
pub fn is_open(root: &Element) -> bool {
    find(root, "#embed-dialog").is_some()
}

/// The Embed button: opens the dialog and copies the snippet, or closes it.
pub fn toggle(c: Ctx, root: &Element) {
    if is_open(root) {
        close(root);
        return;
    }
    let (Some(wrap), Some(button)) = (find(root, ".embed-button"), find(root, "[data-action=embed]")) else { return };
    let code = snippet(c);
    let _ = wrap.insert_adjacent_html("beforeend", &dialog_markup(&code));
    set_attr(&button, "aria-expanded", "true");
    copy(root, code);
}

/// Removes the dialog (its status goes with it).
pub fn close(root: &Element) {
    if let Some(d) = find(root, "#embed-dialog") {
        d.remove();
    }
    if let Some(button) = find(root, "[data-action=embed]") {
        set_attr(&button, "aria-expanded", "false");
    }
}

/// "Copy code" (and opening): writes `code` to the clipboard and says what happened.
pub fn copy(root: &Element, code: String) {
    let status = find(root, ".embed-dialog .status");
    let copied = crate::dom::copy_text(&code);
    leptos::task::spawn_local(async move {
        let text = if copied.await {
            "Embed code copied to the clipboard."
        } else {
            "The browser blocked the clipboard: select the code above and copy it."
        };
        if let Some(s) = status {
            set_text(&s, text);
        }
    });
}

/// "Copy code": the snippet as it is now.
pub fn copy_current(c: Ctx, root: &Element) {
    copy(root, snippet(c));
}

/// A panel checkbox changed (`value`, now `on`): update the chosen panels and the snippet.
pub fn panel_changed(c: Ctx, root: &Element, value: &str, on: bool) {
    if let Some(i) = SECTIONS.iter().position(|s| *s == value) {
        CHOSEN.with(|ch| ch.set(if on { ch.get() | (1 << i) } else { ch.get() & !(1 << i) }));
    }
    refresh(c, root);
}

/// Keeps the open dialog's snippet current (the scenario or the panels changed); nothing when closed.
pub fn refresh(c: Ctx, root: &Element) {
    let Some(area) = find(root, "#embed-code") else { return };
    let code = snippet(c);
    let key = JsValue::from_str("value");
    if Reflect::get(&area, &key).ok().and_then(|v| v.as_string()).as_deref() != Some(code.as_str()) {
        let _ = Reflect::set(&area, &key, &JsValue::from_str(&code));
    }
}

/// Selects the text area's text (`HTMLTextAreaElement.select()`), so a blocked clipboard is one Ctrl+C away.
pub fn select_all(area: &Element) {
    if let Some(f) = Reflect::get(area, &JsValue::from_str("select")).ok().and_then(|f| f.dyn_into::<Function>().ok()) {
        let _ = f.call0(area);
    }
}
