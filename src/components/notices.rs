//! Notices about input the page could not use (bad link parameters, unreadable saved scenario). An island
//! (see `crate::dom`): the short list is rewritten only when `Ctx::notices` changes.

use crate::app::Ctx;
use crate::dom::{on, push_escaped, set_html, target, Section};
use leptos::prelude::*;
use web_sys::Element;

fn markup(notices: &[String]) -> String {
    if notices.is_empty() {
        return String::new();
    }
    let mut m = String::from("<div class=\"notice\" role=\"alert\" data-notice=\"\"><ul>");
    for n in notices {
        m.push_str("<li>");
        push_escaped(&mut m, n);
        m.push_str("</li>");
    }
    m.push_str("</ul><button type=\"button\" data-action=\"dismiss-notices\">Dismiss</button></div>");
    m
}

fn bind(c: Ctx, root: &Element) {
    let el = root.clone();
    let mut cache = c.notices.with_untracked(|n| markup(n));
    crate::dom::effect(move |_| set_html(&el, &mut cache, c.notices.with(|n| markup(n))));
    on(root, "click", false, move |ev| {
        if target(&ev).and_then(|t| t.closest("[data-action=dismiss-notices]").ok().flatten()).is_some() {
            c.notices.set(Vec::new());
        }
    });
}

pub fn section(c: Ctx) -> Section {
    let m = c.notices.with_untracked(|n| markup(n));
    Section::new(m, move |root| bind(c, root))
}
