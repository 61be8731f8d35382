//! Page header: name, snapshot date, scenario presets, reset, share, embed, export and theme. One island
//! (see `crate::dom`): the markup is written once; the preset select, the theme button's label and an open
//! embed dialog follow the signals; every control is served by delegated listeners on the island root that
//! dispatch on `data-action` (and on the id/name of the control for `change`).

use crate::app::{flush_url, save_theme, Ctx};
use crate::components::{embed_button, export_menu};
use crate::dom::{find, on, push_escaped, set_opt_attr, set_text, target, target_value, Section};
use crate::model::Scenario;
use crate::state::presets::{matching_preset, snapshot_note, SCENARIO_PRESETS};
use leptos::prelude::*;
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement, HtmlInputElement, HtmlSelectElement, KeyboardEvent};

/// The id of the preset the scenario is (`""`: none).
fn selected_preset(s: &Scenario) -> &'static str {
    matching_preset(s).map(|p| p.id).unwrap_or("")
}

fn markup(c: Ctx) -> String {
    let mut m = String::from(concat!(
        "<header class=\"site-header\"><div class=\"brand\"><h1>Hashprice &amp; margin calculator</h1>",
        "<p class=\"snapshot-note\">"
    ));
    c.scenario.with_untracked(|s| push_escaped(&mut m, &snapshot_note(s)));
    m.push_str(concat!(
        "</p></div><div class=\"header-actions\"><label class=\"visually-hidden\" for=\"preset-select\">Scenario preset</label>",
        "<select id=\"preset-select\" name=\"preset\"><option value=\"\">Presets…</option>"
    ));
    let selected = c.scenario.with_untracked(selected_preset);
    for p in SCENARIO_PRESETS {
        m.push_str("<option value=\"");
        m.push_str(p.id);
        m.push_str("\" title=\"");
        push_escaped(&mut m, p.source);
        m.push_str(if p.id == selected { "\" selected>" } else { "\">" });
        push_escaped(&mut m, p.name);
        m.push_str("</option>");
    }
    m.push_str(concat!(
        "</select><button type=\"button\" data-action=\"reset\">Reset</button><button type=\"button\" data-action=\"undo\" hidden>Undo</button>",
        "<button type=\"button\" class=\"primary\" data-action=\"copy-link\">Copy link</button>"
    ));
    embed_button::markup(&mut m);
    export_menu::markup(&mut m);
    m.push_str("<button type=\"button\" data-action=\"theme\">Theme: ");
    m.push_str(c.theme.get_untracked().label());
    m.push_str("</button></div><p class=\"status\" role=\"status\" aria-live=\"polite\"></p></header>");
    m
}

/// "Copy link": the URL is written now (not after the debounce) and copied; the status says what really
/// happened, since a blocked clipboard still leaves the link in the address bar.
fn copy_link(c: Ctx, status: &Element) {
    let url = flush_url(c);
    let copied = crate::dom::copy_text(&url);
    let status = status.clone();
    leptos::task::spawn_local(async move {
        if copied.await {
            set_text(&status, "Link copied: it reproduces this exact scenario.");
        } else {
            set_text(&status, &["The browser blocked the clipboard; the address bar holds the link: ", &url].concat());
        }
    });
}

fn focus(el: Option<Element>) {
    if let Some(h) = el.as_ref().and_then(|e| e.dyn_ref::<HtmlElement>()) {
        let _ = h.focus();
    }
}

fn closest(el: &Element, selector: &str) -> Option<Element> {
    el.closest(selector).ok().flatten()
}

/// Event handlers run outside the reactive owner, so the context is taken here, once.
fn bind(c: Ctx, root: &Element) {
    let (Some(status), Some(theme), Some(select), Some(note)) = (
        find(root, ".site-header > .status"),
        find(root, "[data-action=theme]"),
        find(root, "#preset-select").and_then(|s| s.dyn_into::<HtmlSelectElement>().ok()),
        find(root, ".snapshot-note"),
    ) else {
        return;
    };

    // Reset and a scenario preset replace every input at once: Undo brings back the scenario the visitor had
    // before them, until the next edit (`undo` holds that scenario and the one the last replace made). Replaces
    // in a row (arrowing through the presets) keep the first one's undo point; one that changes nothing sets none.
    let (Some(undo_button), undo) = (find(root, "[data-action=undo]"), Rc::new(RefCell::new(None::<(Scenario, Scenario)>))) else {
        return;
    };
    let replace = {
        let (undo, button, st) = (undo.clone(), undo_button.clone(), status.clone());
        move |next: Scenario, said: &str| {
            let before = c.scenario.get_untracked();
            if before != next {
                let mut u = undo.borrow_mut();
                let first = u.take().map_or(before, |(first, _)| first);
                *u = Some((first, next.clone()));
                set_opt_attr(&button, "hidden", None);
            }
            set_all(c, next, &st, said);
        }
    };

    let el = root.clone();
    let (u, ub, st) = (undo.clone(), undo_button.clone(), status.clone());
    crate::dom::effect(move |_| {
        // The open embed dialog's snippet carries the threshold too.
        c.threshold.track();
        let id = c.scenario.with(|s| {
            set_text(&note, &snapshot_note(s));
            // An edit after a replace: nothing to undo, and the status about the replace is history.
            if u.borrow().as_ref().is_some_and(|(_, after)| after != s) {
                *u.borrow_mut() = None;
                set_opt_attr(&ub, "hidden", Some(""));
                set_text(&st, "");
            }
            selected_preset(s)
        });
        if select.value() != id {
            select.set_value(id);
        }
        embed_button::refresh(c, &el);
    });
    crate::dom::effect(move |_| set_text(&theme, &["Theme: ", c.theme.get().label()].concat()));

    let el = root.clone();
    let st = status.clone();
    let r = replace.clone();
    on(root, "click", false, move |ev| {
        let Some(action) = target(&ev).and_then(|t| closest(&t, "[data-action]")).and_then(|a| a.get_attribute("data-action"))
        else {
            return;
        };
        match action.as_str() {
            "reset" => r(Scenario::default(), "Reset to the November 2025 defaults."),
            "undo" => {
                if let Some((before, _)) = undo.borrow_mut().take() {
                    set_all(c, before, &st, "Your previous scenario is back.");
                    // The button hides: the focus goes to Reset beside it, not to the page's start.
                    focus(find(&el, "[data-action=reset]"));
                    set_opt_attr(&undo_button, "hidden", Some(""));
                }
            }
            "copy-link" => copy_link(c, &st),
            "theme" => {
                let t = c.theme.get_untracked().next();
                c.theme.set(t);
                save_theme(t);
            }
            "embed" => embed_button::toggle(c, &el),
            "copy-embed" => embed_button::copy_current(c, &el),
            "embed-close" => embed_button::close(&el),
            a => {
                export_menu::run(c, &el, a);
            }
        }
    });

    let el = root.clone();
    on(root, "change", false, move |ev| {
        let Some(t) = target(&ev) else { return };
        if t.id() == "preset-select" {
            let id = target_value(&ev).unwrap_or_default();
            if let Some(p) = SCENARIO_PRESETS.iter().find(|p| p.id == id) {
                let mut next = c.scenario.get_untracked();
                if p.apply(&mut next).is_ok() {
                    replace(next, &["Applied preset: ", p.name].concat());
                }
            }
        } else if let Some(i) = t.dyn_ref::<HtmlInputElement>().filter(|i| i.name() == "embed-panel") {
            embed_button::panel_changed(c, &el, &i.value(), i.checked());
        }
    });

    // Focusing the embed code selects it, so a blocked clipboard is one Ctrl+C away.
    on(root, "focusin", false, move |ev| {
        if let Some(t) = target(&ev).filter(|t| t.id() == "embed-code") {
            embed_button::select_all(&t);
        }
    });

    // A click or the focus outside the open embed dialog or export menu closes it, as menus elsewhere do (the
    // keyboard tabs out of them); so does Escape.
    let Some(doc) = document().document_element() else { return };
    for event in ["click", "focusin"] {
        let el = root.clone();
        on(&doc, event, false, move |ev| {
            if let Some(t) = target(&ev) {
                dismiss(&el, Some(&t), false);
            }
        });
    }
    let el = root.clone();
    on(&doc, "keydown", false, move |ev| {
        if ev.dyn_ref::<KeyboardEvent>().map(|k| k.key()).as_deref() == Some("Escape") {
            dismiss(&el, target(&ev).as_ref(), true);
        }
    });
}

/// Replaces every input at once (Reset, a preset, Undo): each field is rewritten, also one left invalid.
fn set_all(c: Ctx, s: Scenario, status: &Element, said: &str) {
    crate::components::input_row::rewrite_all();
    c.scenario.set(s);
    set_text(status, said);
}

/// Closes the embed dialog and the export menu unless `t` (the click's target, or what took the focus) is inside them; Escape closes
/// them wherever the focus is, and gives it back to the toggle when it was inside (or nowhere).
fn dismiss(root: &Element, t: Option<&Element>, escape: bool) {
    let inside = |sel: &str| t.and_then(|t| closest(t, sel)).is_some();
    let back = |sel: &str| escape && (inside(sel) || t.is_none_or(|t| t.tag_name() == "BODY"));
    if embed_button::is_open(root) && (escape || !inside(".embed-button")) {
        let back = back(".embed-button");
        embed_button::close(root);
        if back {
            focus(find(root, "[data-action=embed]"));
        }
    }
    if let (Some(menu), true) = (find(root, "details.export-menu[open]"), escape || !inside(".export-menu")) {
        let _ = menu.remove_attribute("open");
        if back(".export-menu") {
            focus(find(&menu, "summary"));
        }
    }
}

pub fn section(c: Ctx) -> Section {
    let m = markup(c);
    Section::new(m, move |root| bind(c, root))
}
