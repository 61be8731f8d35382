//! "Embed": the one-line `embed.js` script tag for the current scenario, the chosen panels and look (theme,
//! accent, threshold), with a live preview of the embed; shown in a text area and copied to the clipboard by
//! "Copy code" (never on opening: the visitor's clipboard is theirs until they ask). Part of the header: the
//! button is written here, and the header's handlers call [`Embed`]. The dialog is only in the document while it is open.

use crate::components::embed_code::{options, panel_keys, panels_in_force, preview_url, script_tag, Look, NO_PANEL_NOTE};
use crate::components::header_actions::Act;
use crate::ctx::Ctx;
use crate::page::{section_index, threshold_param, valid_hex_colour, Theme, SECTIONS};
use crate::state::query::link_query;
use crate::state::units::typed_threshold;
use crate::view::dom::{on, set_attr, set_text, Dom, Ev};
use crate::view::{Html, Slot};
use crate::view::parts::status_line;
use js_sys::{Function, Reflect};
use leptos::prelude::*;
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Element, HtmlInputElement, HtmlSelectElement};

/// Whether panel `i` of `SECTIONS` is checked in the dialog (`Ctx::embed_panels`).
fn chosen(c: Ctx, i: usize) -> bool {
    c.embed_panels.get_untracked() & (1 << i) != 0
}

#[derive(Clone, Copy)]
pub struct EmbedSlots {
    wrap: Slot,
    button: Slot,
}

/// The button's markup (the dialog is added after it when it opens).
pub fn markup(h: &mut Html) -> EmbedSlots {
    h.open("div", "class=\"embed-button\"");
    let wrap = h.slot();
    h.open("button", "type=\"button\"")
        .on(Act::Embed)
        .attr("aria-expanded", "false")
        .attr("aria-controls", "embed-dialog");
    let button = h.slot();
    h.text("Embed").close("button").close("div");
    EmbedSlots { wrap, button }
}

/// The script tag and the preview's link for the current scenario, the chosen panels and `look`.
fn code(c: Ctx, look: &Look) -> (String, String) {
    let href = window().location().href().unwrap_or_default();
    let list = panel_keys(c.embed_panels.get_untracked());
    let panels = (list.len() < SECTIONS.len()).then_some(list.as_slice());
    let scenario = c.scenario.with_untracked(|s| link_query(s, &crate::format::plain));
    let opts = options(panels, look, &scenario);
    (script_tag(&href, &opts), preview_url(&href, &opts))
}

/// The look the dialog opens with: the page's accent and headline threshold, the visitor's theme left to them.
fn initial_look(c: Ctx) -> Look {
    Look {
        theme: Theme::Auto,
        accent: c.page.with_value(|p| p.accent.clone()),
        threshold: threshold_param(c.threshold.get_untracked(), &crate::format::plain),
    }
}

/// The open dialog's handles.
#[derive(Clone, Copy)]
struct DialogSlots {
    root: Slot,
    panels: Slot,
    panels_note: Slot,
    look: Slot,
    theme: Slot,
    accent: Slot,
    threshold: Slot,
    preview: Slot,
    code: Slot,
    status: Slot,
}

fn dialog_markup(h: &mut Html, c: Ctx, look: &Look, (code, preview): &(String, String)) -> DialogSlots {
    h.open(
        "div",
        "class=\"menu-body embed-dialog\" id=\"embed-dialog\" role=\"group\" aria-labelledby=\"embed-title\"",
    );
    let root = h.slot();
    h.raw("<p id=\"embed-title\" class=\"embed-title\">Embed this scenario in your site</p>")
        .open("fieldset", "class=\"embed-panels\"");
    let panels = h.slot();
    h.raw("<legend>Show</legend>");
    for (i, s) in SECTIONS.iter().enumerate() {
        h.open("label", "class=\"embed-panel\"")
            .open("input", "type=\"checkbox\" name=\"embed-panel\"")
            .attr("value", s.key);
        h.flag("checked", chosen(c, i)).text(s.label).close("label");
    }
    // A live region from the start, so the note is spoken when it appears.
    let panels_note = status_line(h, None);
    h.raw("</fieldset>").open("fieldset", "class=\"embed-look\"");
    let look_slot = h.slot();
    h.raw("<legend>Look</legend><label>Theme ").open("select", "name=\"embed-theme\"");
    let theme = h.slot();
    for t in [Theme::Auto, Theme::Light, Theme::Dark] {
        h.open("option", "").attr("value", t.label()).flag("selected", look.theme == t).text(t.label()).close("option");
    }
    h.raw("</select></label><label>Accent ");
    h.open("input", "type=\"text\" name=\"embed-accent\" class=\"num small\" placeholder=\"#b45309\"");
    h.attr("value", look.accent.as_deref().unwrap_or(""));
    let accent = h.slot();
    h.raw("</label><label>Threshold ")
        .open("input", "type=\"text\" inputmode=\"decimal\" name=\"embed-threshold\" class=\"num small\"");
    h.attr("value", &crate::format::plain(c.threshold.get_untracked()));
    let threshold = h.slot();
    h.raw(" USD per PH/s per day</label></fieldset>");
    // Loaded once opened (lazy, inside a closed <details>): a page that merely opens the dialog starts no second app.
    h.raw("<details class=\"embed-preview-box\"><summary>Preview</summary>");
    h.open("iframe", "class=\"embed-preview\" title=\"Preview of the embed\" loading=\"lazy\"").attr("src", preview);
    let preview_slot = h.slot();
    h.close("iframe").raw("</details>").raw("<label for=\"embed-code\">Embed code (one script tag)</label>");
    h.open("textarea", "id=\"embed-code\" name=\"embed-code\" readonly rows=\"4\" spellcheck=\"false\"");
    let code_slot = h.slot();
    h.text(code).close("textarea").open("div", "class=\"embed-actions\"");
    h.open("button", "type=\"button\" class=\"primary\"").on(Act::CopyEmbed).text("Copy code").close("button");
    h.open("button", "type=\"button\"").on(Act::EmbedClose).text("Close").close("button").close("div");
    let status = status_line(h, None);
    h.close("div");
    DialogSlots {
        root,
        panels,
        panels_note,
        look: look_slot,
        theme,
        accent,
        threshold,
        preview: preview_slot,
        code: code_slot,
        status,
    }
}

/// The open dialog in the document, with the look it sets.
struct Dialog {
    root: Element,
    code: Element,
    preview: Element,
    status: Element,
    /// Says so while no panel is ticked.
    panels_note: Element,
    /// The panels ticked (a bit per `SECTIONS` entry); `Ctx::embed_panels` keeps the last non-empty choice.
    ticked: u32,
    look: Look,
}

/// The Embed button and its dialog.
pub struct Embed {
    pub wrap: Element,
    pub button: Element,
    dialog: RefCell<Option<Dialog>>,
}

impl Embed {
    pub fn new(dom: &Dom, s: EmbedSlots) -> Rc<Embed> {
        Rc::new(Embed { wrap: dom.el(s.wrap), button: dom.el(s.button), dialog: RefCell::new(None) })
    }

    /// Whether the dialog is open.
    pub fn is_open(&self) -> bool {
        self.dialog.borrow().is_some()
    }

    /// The Embed button: opens the dialog with the snippet, or closes it.
    pub fn toggle(self: &Rc<Embed>, c: Ctx) {
        if self.is_open() {
            self.close();
            return;
        }
        let look = initial_look(c);
        let now = code(c, &look);
        let mut h = Html::new();
        let slots = dialog_markup(&mut h, c, &look, &now);
        let dom = Dom::append(&self.wrap, h);
        let dialog = Dialog {
            root: dom.el(slots.root),
            code: dom.el(slots.code),
            preview: dom.el(slots.preview),
            status: dom.el(slots.status),
            panels_note: dom.el(slots.panels_note),
            ticked: c.embed_panels.get_untracked(),
            look,
        };
        let me = self.clone();
        let theme: HtmlSelectElement = dom.el(slots.theme).unchecked_into();
        let (accent, threshold) = (dom.input(slots.accent), dom.input(slots.threshold));
        on(&dom.el(slots.look), Ev::Change, move |_| me.look_changed(c, &theme, &accent, &threshold));
        let me = self.clone();
        on(&dom.el(slots.panels), Ev::Change, move |ev| {
            if let Some(i) = ev.target().and_then(|t| t.dyn_into::<HtmlInputElement>().ok()) {
                me.panel_changed(c, &i.value(), i.checked());
            }
        });
        // Focusing the embed code selects it, so a blocked clipboard is one Ctrl+C away.
        let area = dialog.code.clone();
        on(&dialog.code, Ev::FocusIn, move |_| select_all(&area));
        *self.dialog.borrow_mut() = Some(dialog);
        set_attr(&self.button, "aria-expanded", "true");
    }

    /// Removes the dialog (its status goes with it). The dialog is taken out of its cell before its elements are
    /// removed: removing a focused field the visitor has typed in fires its `change`, whose handler reads the cell
    /// (held across `remove()`, that borrow was a panic, and a panic stops the page).
    pub fn close(&self) {
        let open = self.dialog.borrow_mut().take();
        if let Some(d) = open {
            d.root.remove();
        }
        set_attr(&self.button, "aria-expanded", "false");
    }

    /// "Copy code": writes `code` to the clipboard and says what happened.
    fn copy(&self, code: String) {
        let status = self.dialog.borrow().as_ref().map(|d| d.status.clone());
        let copied = crate::view::dom::copy_text(&code);
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
    pub fn copy_current(&self, c: Ctx) {
        let look = self.dialog.borrow().as_ref().map_or_else(|| initial_look(c), |d| d.look.clone());
        self.copy(code(c, &look).0);
    }

    /// A look control changed: the choices that read apply (an accent or threshold that does not read leaves
    /// the default in the code, which shows it).
    fn look_changed(&self, c: Ctx, theme: &HtmlSelectElement, accent: &HtmlInputElement, threshold: &HtmlInputElement) {
        if let Some(d) = self.dialog.borrow_mut().as_mut() {
            d.look = Look {
                theme: Theme::parse(&theme.value()).unwrap_or(Theme::Auto),
                accent: valid_hex_colour(accent.value().trim()),
                threshold: typed_threshold(&threshold.value()).and_then(|t| threshold_param(t, &crate::format::plain)),
            };
        }
        self.refresh(c);
    }

    /// A panel checkbox changed (`value`, now `on`): update the chosen panels and the snippet; with none ticked
    /// the code keeps the last choice, and the note next to the panels says so.
    fn panel_changed(&self, c: Ctx, value: &str, on: bool) {
        if let (Some(i), Some(d)) = (section_index(value), self.dialog.borrow_mut().as_mut()) {
            d.ticked = if on { d.ticked | (1 << i) } else { d.ticked & !(1 << i) };
            let in_force = panels_in_force(d.ticked, c.embed_panels.get_untracked());
            c.embed_panels.set(in_force);
            set_text(&d.panels_note, if d.ticked == 0 { NO_PANEL_NOTE } else { "" });
        }
        self.refresh(c);
    }

    /// Keeps the open dialog's snippet and preview current (the scenario, the panels or the look changed);
    /// nothing when closed.
    pub fn refresh(&self, c: Ctx) {
        let dialog = self.dialog.borrow();
        let Some(d) = dialog.as_ref() else { return };
        let (code, preview) = code(c, &d.look);
        let key = JsValue::from_str("value");
        if Reflect::get(&d.code, &key).ok().and_then(|v| v.as_string()).as_deref() != Some(code.as_str()) {
            let _ = Reflect::set(&d.code, &key, &JsValue::from_str(&code));
        }
        if d.preview.get_attribute("src").as_deref() != Some(preview.as_str()) {
            set_attr(&d.preview, "src", &preview);
        }
    }
}

/// Selects the text area's text (`HTMLTextAreaElement.select()`), so a blocked clipboard is one Ctrl+C away.
fn select_all(area: &Element) {
    if let Some(f) = Reflect::get(area, &JsValue::from_str("select")).ok().and_then(|f| f.dyn_into::<Function>().ok()) {
        let _ = f.call0(area);
    }
}
