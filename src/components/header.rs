//! Page header: name, snapshot date, scenario presets, reset, undo, share, embed, export and theme. Written
//! once; the preset select, the theme button's label and an open embed dialog follow the signals; every
//! button raises an [`Act`](crate::components::header_actions::Act), handled in one exhaustive `match`.

use crate::components::embed_button::{self, Embed, EmbedSlots};
use crate::components::export_menu::{self, Export, ExportSlots};
use crate::components::header_actions::Act;
use crate::ctx::{flush_url, save_theme, Ctx};
use crate::model::Scenario;
use crate::state::presets::{matching_preset, snapshot_note, snapshot_note_live, SCENARIO_PRESETS};
use crate::state::replaces::Replaces;
use crate::state::undo::Undo;
use crate::view::dom::{effect, focus, on, on_action, set_opt_attr, set_text, Bind, Dom, Ev};
use crate::view::{Html, Slot};
use crate::view::parts::status_line;
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlSelectElement, KeyboardEvent};

/// The id of the preset the scenario is (`""`: none).
fn selected_preset(s: &Scenario) -> &'static str {
    matching_preset(s).map(|p| p.id).unwrap_or("")
}

/// "Copy link": the URL is written now (not after the debounce) and copied; the status says what really
/// happened, since a blocked clipboard still leaves the link in the address bar.
fn copy_link(c: Ctx, status: &Element) {
    let url = flush_url(c);
    let copied = crate::view::dom::copy_text(&url);
    let status = status.clone();
    leptos::task::spawn_local(async move {
        if copied.await {
            set_text(&status, "Link copied: it reproduces this exact scenario.");
        } else {
            set_text(&status, &["The browser blocked the clipboard; the address bar holds the link: ", &url].concat());
        }
    });
}

/// Closes the embed dialog and the export menu unless `t` (the click's target, or what took the focus) is
/// inside them; Escape closes them wherever the focus is, and gives it back to the toggle when it was inside
/// (or nowhere).
fn dismiss(embed: &Embed, export: &Export, t: Option<&Element>, escape: bool) {
    let inside = |el: &Element| t.is_some_and(|t| el.contains(Some(t)));
    let back = |el: &Element| escape && (inside(el) || t.is_none_or(|t| t.tag_name() == "BODY"));
    if embed.is_open() && (escape || !inside(&embed.wrap)) {
        let back = back(&embed.wrap);
        embed.close();
        if back {
            focus(&embed.button);
        }
    }
    if export.details.has_attribute("open") && (escape || !inside(&export.details)) {
        let _ = export.details.remove_attribute("open");
        if back(&export.details) {
            focus(&export.summary);
        }
    }
}

/// The header's handles in its markup.
struct Slots {
    note: Slot,
    /// Every button's click comes to this element (`Act`).
    actions: Slot,
    select: Slot,
    reset: Slot,
    undo: Slot,
    theme: Slot,
    status: Slot,
    embed: EmbedSlots,
    export: ExportSlots,
}

pub fn section(c: Ctx, h: &mut Html) -> Bind {
    let slots = markup(c, h);
    Box::new(move |dom| bind(c, dom, slots))
}

fn markup(c: Ctx, h: &mut Html) -> Slots {
    h.raw("<header class=\"site-header\"><div class=\"brand\"><h1>Hashprice &amp; margin calculator</h1>").open("p", "class=\"snapshot-note\"");
    let note = h.slot();
    let selected = c.scenario.with_untracked(|s| {
        h.text(&snapshot_note(s));
        selected_preset(s)
    });
    h.raw("</p></div>").open("div", "class=\"header-actions\"");
    let actions = h.slot();
    h.raw("<label class=\"visually-hidden\" for=\"preset-select\">Scenario preset</label>");
    h.open("select", "id=\"preset-select\" name=\"preset\"");
    let select = h.slot();
    h.raw("<option value=\"\">Presets…</option>");
    for p in SCENARIO_PRESETS {
        h.open("option", "").attr("value", p.id).attr("title", p.source).flag("selected", p.id == selected).text(p.name).close("option");
    }
    h.close("select").open("button", "type=\"button\"").on(Act::Reset);
    let reset = h.slot();
    h.text("Reset").close("button").open("button", "type=\"button\"").on(Act::Undo).flag("hidden", true);
    let undo = h.slot();
    h.text("Undo").close("button");
    h.open("button", "type=\"button\" class=\"primary\"").on(Act::CopyLink).text("Copy link").close("button");
    let embed = embed_button::markup(h);
    let export = export_menu::markup(h);
    h.open("button", "type=\"button\"").on(Act::Theme);
    let theme = h.slot();
    h.text("Theme: ").text(c.theme.get_untracked().label()).close("button").close("div");
    let status = status_line(h, None);
    h.close("header");
    Slots { note, actions, select, reset, undo, theme, status, embed, export }
}

fn bind(c: Ctx, dom: &Dom, s: Slots) {
    let (note, reset, undo_button) = (dom.el(s.note), dom.el(s.reset), dom.el(s.undo));
    let (theme, status) = (dom.el(s.theme), dom.el(s.status));
    let select: HtmlSelectElement = dom.el(s.select).unchecked_into();
    let embed = Embed::new(dom, s.embed);
    let export = std::rc::Rc::new(Export::new(dom, s.export, status.clone()));
    let reps = Replaces::new(c.scenario, c.replaced);
    let replace = undoable(c, reps, &undo_button, &status);

    let (ub, st, em, sel) = (undo_button.clone(), status.clone(), embed.clone(), select.clone());
    effect(move |_| {
        // The open embed dialog's snippet carries the threshold too.
        c.threshold.track();
        // An edit after a replace: nothing to undo, and the status about the replace is history.
        if reps.seen() {
            set_opt_attr(&ub, "hidden", Some(""));
            set_text(&st, "");
            keep_undo(c, reps);
        }
        let id = c.scenario.with(|s| {
            let line = c.live.with(|live| match live {
                Some(l) => snapshot_note_live(s, &l.values.pairs(), &l.at),
                None => snapshot_note(s),
            });
            set_text(&note, &line);
            selected_preset(s)
        });
        if sel.value() != id {
            sel.set_value(id);
        }
        em.refresh(c);
    });
    let label = theme.clone();
    effect(move |_| set_text(&label, &["Theme: ", c.theme.get().label()].concat()));

    let (em, ex, st, r) = (embed.clone(), export.clone(), status.clone(), replace.clone());
    on_action(&dom.el(s.actions), Ev::Click, move |act, _, _| match act {
        Act::Reset => r(Scenario::default(), "Reset to the November 2025 defaults."),
        Act::Undo => {
            if reps.undo() {
                keep_undo(c, reps);
                set_text(&st, "Your previous scenario is back.");
                // The button hides: the focus goes to Reset beside it, not to the page's start.
                focus(&reset);
                set_opt_attr(&undo_button, "hidden", Some(""));
            }
        }
        Act::CopyLink => copy_link(c, &st),
        Act::Theme => {
            let t = c.theme.get_untracked().next();
            c.theme.set(t);
            save_theme(t);
        }
        Act::Embed => em.toggle(c),
        Act::CopyEmbed => em.copy_current(c),
        Act::EmbedClose => {
            em.close();
            // The Close button goes with the dialog: the focus goes back to Embed, as on Escape.
            focus(&em.button);
        }
        Act::Export => {}
        Act::ExportCsv | Act::ExportJson | Act::OpenJson | Act::Print => ex.run(c, act),
    });

    let chosen = select.clone();
    on(&select, Ev::Change, move |_| {
        let id = chosen.value();
        if let Some(p) = SCENARIO_PRESETS.iter().find(|p| p.id == id) {
            let mut next = c.scenario.get_untracked();
            if p.apply(&mut next).is_ok() {
                replace(next, &["Applied preset: ", p.name].concat());
            }
        }
    });
    close_on_outside(embed, export);
}

/// The undo point is kept in storage too, so a Reset is not final after a reload.
fn keep_undo(c: Ctx, reps: Replaces) {
    crate::ctx::save_undo(c, reps.point().saved(&crate::format::plain));
}

/// How the header replaces every input at once (Reset, a preset, and what other controls ask for through
/// `Ctx::replace`: removing a machine group, opening a scenario file): Undo brings back the scenario the visitor
/// had before, until the next edit (`state::replaces`), and `said` goes to the status line.
fn undoable(c: Ctx, reps: Replaces, undo_button: &Element, status: &Element) -> impl Fn(Scenario, &str) + Clone {
    let kept = crate::ctx::saved_undo(c).map(|t| c.scenario.with_untracked(|s| Undo::from_saved(&t, s)));
    if let Some(undo) = kept.filter(Undo::offered) {
        reps.restore(undo);
        set_opt_attr(undo_button, "hidden", None);
    }
    let replace = {
        let (button, st) = (undo_button.clone(), status.clone());
        move |next: Scenario, said: &str| {
            reps.replace(next);
            if reps.offered() {
                set_opt_attr(&button, "hidden", None);
            }
            keep_undo(c, reps);
            set_text(&st, said);
        }
    };
    let r = replace.clone();
    crate::ctx::take_replaces(c, move |next| r(next.scenario, &next.said));
    replace
}

/// A click or the focus outside the open embed dialog or export menu closes it, as menus elsewhere do (the
/// keyboard tabs out of them); so does Escape.
fn close_on_outside(embed: std::rc::Rc<Embed>, export: std::rc::Rc<Export>) {
    let Some(doc) = document().document_element() else { return };
    let target = |ev: &web_sys::Event| ev.target().and_then(|t| t.dyn_into::<Element>().ok());
    for event in [Ev::Click, Ev::FocusIn] {
        let (em, ex) = (embed.clone(), export.clone());
        on(&doc, event, move |ev| {
            if let Some(t) = target(&ev) {
                dismiss(&em, &ex, Some(&t), false);
            }
        });
    }
    on(&doc, Ev::KeyDown, move |ev| {
        if ev.dyn_ref::<KeyboardEvent>().map(|k| k.key()).as_deref() == Some("Escape") {
            dismiss(&embed, &export, target(&ev).as_ref(), true);
        }
    });
}
