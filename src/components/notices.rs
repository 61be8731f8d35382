//! Notices about input the page could not use (bad link parameters, unreadable saved scenario): the short
//! list is rebuilt only when `Ctx::notices` changes.

use crate::ctx::Ctx;
use crate::view::{Action, Html};
use crate::view::dom::{effect, on_action, Bind, Dom, Ev};
use leptos::prelude::*;

#[derive(Clone, Copy)]
enum Notices {
    Dismiss,
}

impl Action for Notices {
    const ALL: &'static [Notices] = &[Notices::Dismiss];
    fn name(self) -> &'static str {
        match self {
            Notices::Dismiss => "dismiss-notices",
        }
    }
}

fn markup(h: &mut Html, notices: &[String]) {
    if notices.is_empty() {
        return;
    }
    h.open("div", "class=\"notice\" role=\"alert\" data-notice=\"\"").open("ul", "");
    for n in notices {
        h.el("li", "", n);
    }
    h.close("ul").open("button", "type=\"button\"").on(Notices::Dismiss).text("Dismiss").close("button").close("div");
}

/// Takes the section wrapper as its slot: the list is all it holds, rebuilt whole.
pub fn section(c: Ctx, h: &mut Html) -> Bind {
    let wrapper = h.slot();
    c.notices.with_untracked(|n| markup(h, n));
    Box::new(move |dom| {
        let el = dom.el(wrapper);
        let list = el.clone();
        effect(move |first| {
            c.notices.track();
            if !first {
                let mut h = Html::new();
                c.notices.with_untracked(|n| markup(&mut h, n));
                Dom::fill(&list, h);
            }
        });
        on_action(&el, Ev::Click, move |a, _, _| match a {
            Notices::Dismiss => c.notices.set(Vec::new()),
        });
    })
}
