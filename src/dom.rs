//! Islands: the page's sections rendered once as a markup string, then patched in place by plain DOM calls.
//!
//! Why not typed Leptos views everywhere: each distinct `view!` type monomorphises its own build and
//! rebuild code, which made the page ~185 KB brotli against a 120 KB budget (issue 5). Here the whole page
//! is one mount: each section's markup is a string, its events are delegated to its wrapper, and its
//! updates only touch the text and attributes that changed (so a slider move re-styles, re-lays out and
//! repaints as little as possible).

use leptos::prelude::*;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use web_sys::{Element, Event};

pub use crate::chart::markup::push_escaped;

/// One section of the page: its markup (complete with the current values, so the first paint needs no
/// update) and the function that binds it once it is in the document.
pub struct Section {
    pub markup: String,
    pub bind: Box<dyn FnOnce(&Element)>,
}

impl Section {
    pub fn new(markup: String, bind: impl FnOnce(&Element) + 'static) -> Section {
        Section { markup, bind: Box::new(bind) }
    }
}

/// Mounts the page: `markup` holds the sections, each in a `display: contents` wrapper div (see
/// [`push_section`]), in a `div.page-root` appended to the body; the n-th wrapper goes to `binds[n]`. Call
/// under the page's owner, so the effects the binders create live as long as the page.
pub fn mount(markup: &str, binds: Vec<Box<dyn FnOnce(&Element)>>) {
    let doc = document();
    let (Ok(root), Some(body)) = (doc.create_element("div"), doc.body()) else { return };
    root.set_class_name("page-root");
    root.set_inner_html(markup);
    let _ = body.append_child(&root);
    for (wrapper, bind) in find_all(&root, "div.island").iter().zip(binds) {
        bind(wrapper);
    }
}

/// Appends `s` to the page markup in its wrapper, and its binder to `binds` (the same order as the wrappers).
pub fn push_section(out: &mut String, binds: &mut Vec<Box<dyn FnOnce(&Element)>>, s: Section) {
    out.push_str("<div class=\"island\">");
    out.push_str(&s.markup);
    out.push_str("</div>");
    binds.push(s.bind);
}

/// A reactive effect: `f(first_run)` runs now and again whenever a signal it read changes, for the life of
/// the page.
///
/// Why not `Effect::new` at each call site: every closure type instantiates the effect machinery anew
/// (~1 KB of WASM each); boxing them behind one closure type keeps a single copy. A `RenderEffect` (kept
/// alive by forgetting it) rather than an `Effect`: nothing here is ever disposed, so the owner's arena that
/// an `Effect` registers in is not needed, and leaving it out saved 0.7 KB of brotli.
pub fn effect(f: impl FnMut(bool) + 'static) {
    let mut f: Box<dyn FnMut(bool)> = Box::new(f);
    std::mem::forget(RenderEffect::new(move |prev: Option<()>| f(prev.is_none())));
}

/// HTML-escaped copy of `text` (for markup strings).
pub fn esc(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    push_escaped(&mut out, text);
    out
}

/// Listens for `event` on `el` (bubbling, or capturing for events that do not bubble, like `toggle`)
/// for the life of the page.
pub fn on(el: &Element, event: &str, capture: bool, f: impl FnMut(Event) + 'static) {
    let cb = Closure::<dyn FnMut(Event)>::new(f);
    let _ = el.add_event_listener_with_callback_and_bool(event, cb.as_ref().unchecked_ref(), capture);
    cb.forget();
}

/// The first element under `root` matching `selector`.
pub fn find(root: &Element, selector: &str) -> Option<Element> {
    root.query_selector(selector).ok().flatten()
}

/// Every element under `root` matching `selector`, in document order.
pub fn find_all(root: &Element, selector: &str) -> Vec<Element> {
    let mut out = Vec::new();
    if let Ok(list) = root.query_selector_all(selector) {
        for i in 0..list.length() {
            if let Some(el) = list.item(i).and_then(|n| n.dyn_into::<Element>().ok()) {
                out.push(el);
            }
        }
    }
    out
}

/// Sets the text of `el` unless it already reads `text` (an unchanged node is not re-laid out or repainted).
pub fn set_text(el: &Element, text: &str) {
    if el.text_content().as_deref() != Some(text) {
        el.set_text_content(Some(text));
    }
}

/// Sets attribute `name` unless it already has `value`.
pub fn set_attr(el: &Element, name: &str, value: &str) {
    if el.get_attribute(name).as_deref() != Some(value) {
        let _ = el.set_attribute(name, value);
    }
}

/// Sets or removes attribute `name`.
pub fn set_opt_attr(el: &Element, name: &str, value: Option<&str>) {
    match value {
        Some(v) => set_attr(el, name, v),
        None => {
            if el.has_attribute(name) {
                let _ = el.remove_attribute(name);
            }
        }
    }
}

/// Replaces the markup inside `el` unless it equals `cache` (what the caller last wrote there).
pub fn set_html(el: &Element, cache: &mut String, markup: String) {
    if *cache != markup {
        el.set_inner_html(&markup);
        *cache = markup;
    }
}

/// Toggles a class on `el` only when it changes.
pub fn set_class(el: &Element, class: &str, on: bool) {
    let list = el.class_list();
    if list.contains(class) != on {
        let _ = list.toggle_with_force(class, on);
    }
}

/// Writes `text` to the clipboard now (inside the click, where browsers allow it); the future says whether
/// the browser accepted it. Plain-HTTP pages other than localhost have no `navigator.clipboard` at all
/// (web-sys would call `writeText` on `undefined` and throw), so its presence is checked first and a missing
/// clipboard counts as a refusal.
pub fn copy_text(text: &str) -> impl std::future::Future<Output = bool> {
    let clipboard = js_sys::Reflect::get(&window().navigator(), &"clipboard".into()).ok().filter(|c| c.is_object());
    let promise = clipboard.map(|c| c.unchecked_into::<web_sys::Clipboard>().write_text(text));
    async move {
        match promise {
            Some(p) => wasm_bindgen_futures::JsFuture::from(p).await.is_ok(),
            None => false,
        }
    }
}

/// The element an event came from.
pub fn target(ev: &Event) -> Option<Element> {
    ev.target().and_then(|t| t.dyn_into::<Element>().ok())
}

/// The current value of the `<input>`/`<select>`/`<textarea>` an event came from.
pub fn target_value(ev: &Event) -> Option<String> {
    let t = ev.target()?;
    if let Some(i) = t.dyn_ref::<web_sys::HtmlInputElement>() {
        return Some(i.value());
    }
    t.dyn_ref::<web_sys::HtmlSelectElement>().map(|s| s.value())
}
