//! The browser half of the view layer: mounting [`Html`] and resolving its slots, patching elements, events,
//! effects and the debounce.

use super::html::{Action, Html, Slot, SLOT_ATTR};
use crate::chart::{same_shape, write_nodes, Node};
use leptos::prelude::*;
use std::cell::Cell;
use std::rc::Rc;
use std::time::Duration;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use web_sys::{Element, Event};

/// What a section hands back from building its markup: the binder that patches it once it is mounted.
pub type Bind = Box<dyn FnOnce(&Dom)>;

/// The mounted elements of one [`Html`], by slot.
pub struct Dom {
    els: Vec<Option<Element>>,
}

impl Dom {
    /// Replaces what is inside `parent` with `html` and resolves its slots (their marks are removed).
    pub fn fill(parent: &Element, html: Html) -> Dom {
        let (markup, n) = html.finish();
        parent.set_inner_html(&markup);
        Dom::resolve(parent, n)
    }

    /// Finds the `n` slots marked under `parent` and removes their marks.
    fn resolve(parent: &Element, n: u32) -> Dom {
        let mut els = vec![None; n as usize];
        if n > 0 {
            if let Ok(list) = parent.query_selector_all("[data-h]") {
                for i in 0..list.length() {
                    let Some(el) = list.item(i).and_then(|n| n.dyn_into::<Element>().ok()) else { continue };
                    let id = el.get_attribute(SLOT_ATTR).and_then(|v| v.parse::<usize>().ok());
                    if let Some(cell) = id.and_then(|id| els.get_mut(id)) {
                        *cell = Some(el.clone());
                    }
                    let _ = el.remove_attribute(SLOT_ATTR);
                }
            }
        }
        debug_assert!(els.iter().all(Option::is_some), "a slot did not resolve after the mount");
        Dom { els }
    }

    /// The element of `slot`. A slot that did not resolve (a builder bug the native tests and the debug
    /// assertion above catch) gives a detached element, so a release page never panics.
    pub fn el(&self, slot: Slot) -> Element {
        match self.els.get(slot.0 as usize) {
            Some(Some(el)) => el.clone(),
            _ => detached(),
        }
    }

    /// Adds `html` at the end of `parent` (a dialog opening) and resolves its slots.
    pub fn append(parent: &Element, html: Html) -> Dom {
        let (markup, n) = html.finish();
        let _ = parent.insert_adjacent_html("beforeend", &markup);
        Dom::resolve(parent, n)
    }

    /// The `<input>` of `slot`.
    pub fn input(&self, slot: Slot) -> web_sys::HtmlInputElement {
        self.el(slot).unchecked_into()
    }
}

/// A part of a section rewritten whole from its markup (a list, a table's rows), and only when the markup
/// differs from what is there: an input that leaves it as it was costs no layout.
pub struct Region {
    el: Element,
    last: std::cell::RefCell<String>,
}

impl Region {
    /// `el` as mounted: what the builder wrote in it is what is there.
    pub fn new(el: Element) -> Region {
        let last = std::cell::RefCell::new(el.inner_html());
        Region { el, last }
    }

    /// Writes `html` in place of what is there, unless it is the same. `html` has no slots: nothing in a
    /// region is patched later, it is written again.
    pub fn write(&self, html: Html) {
        let (markup, n) = html.finish();
        debug_assert_eq!(n, 0, "a region's markup has no slots");
        if *self.last.borrow() != markup {
            self.el.set_inner_html(&markup);
            *self.last.borrow_mut() = markup;
        }
    }
}

fn detached() -> Element {
    document().create_element("i").unwrap_or_else(|_| wasm_bindgen::JsValue::NULL.unchecked_into())
}

/// Mounts the page in a `div.page-root` appended to the body and runs each section's binder; returns its handles
/// (the islands of sections written later). Call under the page's owner, so the effects the binders create live
/// as long as the page.
pub fn mount(html: Html, binds: Vec<Bind>) -> Dom {
    let doc = document();
    let (Ok(root), Some(body)) = (doc.create_element("div"), doc.body()) else { return Dom { els: Vec::new() } };
    root.set_class_name("page-root");
    let dom = Dom::fill(&root, html);
    let _ = body.append_child(&root);
    for bind in binds {
        bind(&dom);
    }
    dom
}

/// The DOM events the page listens to.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Ev {
    Click,
    Input,
    Change,
    /// `<details>` opening or closing: does not bubble, so listened to in the capture phase.
    Toggle,
    KeyDown,
    FocusIn,
    FocusOut,
    PointerMove,
    PointerDown,
    PointerLeave,
    /// Focus leaving the element (does not bubble).
    Blur,
    /// The window's size changing.
    Resize,
    /// The page being left, or hidden (the last event a phone reliably sends).
    PageHide,
    VisibilityChange,
    /// Another tab of this site writing local storage.
    Storage,
    /// A `postMessage` to the window (an embed's host page).
    Message,
    /// The browser about to print (the menu's Print or the browser's own).
    BeforePrint,
}

impl Ev {
    fn name(self) -> &'static str {
        match self {
            Ev::Click => "click",
            Ev::Input => "input",
            Ev::Change => "change",
            Ev::Toggle => "toggle",
            Ev::KeyDown => "keydown",
            Ev::FocusIn => "focusin",
            Ev::FocusOut => "focusout",
            Ev::PointerMove => "pointermove",
            Ev::PointerDown => "pointerdown",
            Ev::PointerLeave => "pointerleave",
            Ev::Blur => "blur",
            Ev::Resize => "resize",
            Ev::PageHide => "pagehide",
            Ev::VisibilityChange => "visibilitychange",
            Ev::Storage => "storage",
            Ev::Message => "message",
            Ev::BeforePrint => "beforeprint",
        }
    }
}

/// Listens for `ev` on `target` (an element, the document or the window) for the life of the page.
pub fn on(target: &web_sys::EventTarget, ev: Ev, f: impl FnMut(Event) + 'static) {
    listen(target, ev, Box::new(f))
}

/// [`on`]'s body behind one boxed closure type: compiled once, not inlined into each of its ~45 callers
/// (0.55 KB of brotli).
fn listen(target: &web_sys::EventTarget, ev: Ev, f: Box<dyn FnMut(Event)>) {
    let cb = Closure::wrap(f);
    let _ = target.add_event_listener_with_callback_and_bool(ev.name(), cb.as_ref().unchecked_ref(), ev == Ev::Toggle);
    cb.forget();
}

/// Listens for `ev` under `root` and hands `f` the [`Action`] of the nearest element marked with one
/// ([`Html::on`]), with that element.
pub fn on_action<A: Action>(root: &Element, ev: Ev, mut f: impl FnMut(A, Element, Event) + 'static) {
    on(root, ev, move |e| {
        let from = e
            .target()
            .and_then(|t| t.dyn_into::<Element>().ok())
            .and_then(|t| t.closest("[data-action]").ok().flatten());
        if let Some(el) = from {
            if let Some(a) = el.get_attribute("data-action").as_deref().and_then(A::parse) {
                f(a, el, e);
            }
        }
    });
}

/// Runs `f` once, on the next animation frame or after `NO_FRAME` if none comes first: a page that is not
/// rendered (a cross-origin frame scrolled out of view, a background tab) gets no animation frames, and work
/// queued behind one would wait until the visitor scrolls to it.
pub fn after_frame(f: impl FnOnce() + 'static) {
    // Shared by the two callbacks: whichever runs first takes it.
    let once: Once = Rc::new(Cell::new(Some(Box::new(f))));
    // Boxed, as [`timeout`]'s are: one copy of Leptos' closure code for both.
    request_animation_frame(run_once(once.clone()));
    timeout_boxed(run_once(once), NO_FRAME);
}

/// [`after_frame`]'s call, taken by whichever of its callbacks runs first.
type Once = Rc<Cell<Option<Box<dyn FnOnce()>>>>;

fn run_once(once: Once) -> Box<dyn FnOnce()> {
    Box::new(move || {
        if let Some(f) = once.take() {
            f()
        }
    })
}

/// How long [`after_frame`] waits for a frame: several frames' worth, so it only fires on a page not rendered.
const NO_FRAME: Duration = Duration::from_millis(100);

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

/// Keeps `seen` telling whether `el` is on screen or within `margin` of it (a CSS margin such as
/// `"400px 0px"`), from the browser's intersection reports, for the life of the page. `seen` is the caller's:
/// it may be read (as the page's output sections do) before `el` exists.
pub fn watch_in_view(el: &Element, margin: &str, seen: RwSignal<bool>) {
    let report = Closure::<dyn FnMut(js_sys::Array)>::new(move |entries: js_sys::Array| {
        // Reports come in order: the last one is the element's state now.
        if let Ok(e) = entries.pop().dyn_into::<web_sys::IntersectionObserverEntry>() {
            if seen.get_untracked() != e.is_intersecting() {
                seen.set(e.is_intersecting());
            }
        }
    });
    let options = web_sys::IntersectionObserverInit::new();
    options.set_root_margin(margin);
    if let Ok(io) = web_sys::IntersectionObserver::new_with_options(report.as_ref().unchecked_ref(), &options) {
        io.observe(el);
        std::mem::forget(io);
    }
    report.forget();
}

/// Runs `f` once after `wait`: a handle to cancel it, if the browser gave one.
pub fn timeout(f: impl FnOnce() + 'static, wait: Duration) -> Option<TimeoutHandle> {
    timeout_boxed(Box::new(f), wait)
}

/// [`timeout`]'s body behind one boxed closure type: Leptos' `set_timeout` builds its `Closure` for each
/// closure type it is given, in each caller (as [`listen`]).
fn timeout_boxed(f: Box<dyn FnOnce()>, wait: Duration) -> Option<TimeoutHandle> {
    set_timeout_with_handle(f, wait).ok()
}

/// Runs the last scheduled call once `wait` has passed without another (a slider drag writes the URL, or
/// speaks the summary, once it settles).
#[derive(Clone, Copy)]
pub struct Debounce {
    pending: StoredValue<Option<TimeoutHandle>>,
    wait: Duration,
}

impl Debounce {
    pub fn new(wait: Duration) -> Debounce {
        Debounce { pending: StoredValue::new(None), wait }
    }

    /// Runs `f` after the wait, replacing a call still waiting.
    pub fn schedule(self, f: impl FnOnce() + 'static) {
        self.schedule_boxed(Box::new(f))
    }

    /// [`Debounce::schedule`]'s body, compiled once rather than inlined into each caller (as [`listen`]).
    fn schedule_boxed(self, f: Box<dyn FnOnce()>) {
        self.cancel();
        let pending = self.pending;
        let handle = timeout(
            move || {
                pending.set_value(None);
                f();
            },
            self.wait,
        );
        pending.set_value(handle);
    }

    /// Drops the waiting call; whether there was one.
    pub fn cancel(self) -> bool {
        match self.pending.get_value() {
            Some(h) => {
                h.clear();
                self.pending.set_value(None);
                true
            }
            None => false,
        }
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

/// Sets the text of `el` unless it already reads `text` (an unchanged node is not re-laid out or repainted).
pub fn set_text(el: &Element, text: &str) {
    if el.text_content().as_deref() != Some(text) {
        el.set_text_content(Some(text));
    }
}

/// Moves the keyboard focus to `el` (a control that hides or closes hands it to the one beside it, not to the
/// page's start).
pub fn focus(el: &Element) {
    if let Some(h) = el.dyn_ref::<web_sys::HtmlElement>() {
        let _ = h.focus();
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

/// Toggles a class on `el` only when it changes.
pub fn set_class(el: &Element, class: &str, on: bool) {
    let list = el.class_list();
    if list.contains(class) != on {
        let _ = list.toggle_with_force(class, on);
    }
}

/// Turns the SVG nodes inside `parent` from `old` (what was drawn there last) into `new`, touching as little as
/// possible: nothing when equal; values and texts in place when both have the same shape (a moved path,
/// resized bars, relabelled ticks); else the nodes are written anew.
pub fn patch_nodes(parent: &Element, old: &[Node], new: &[Node]) {
    if old == new {
        return;
    }
    if !same_shape(old, new) || parent.child_element_count() as usize != new.len() {
        let mut m = String::new();
        write_nodes(&mut m, new);
        parent.set_inner_html(&m);
        return;
    }
    let mut kid = parent.first_element_child();
    for (o, n) in old.iter().zip(new) {
        let Some(el) = kid else { return };
        kid = el.next_element_sibling();
        if o == n {
            continue;
        }
        for ((name, a), (_, b)) in o.attrs.iter().zip(&n.attrs) {
            if a != b {
                let _ = el.set_attribute(name, b);
            }
        }
        if o.text != n.text {
            el.set_text_content(n.text.as_deref());
        }
        if o.kids != n.kids {
            patch_nodes(&el, &o.kids, &n.kids);
        }
    }
}
