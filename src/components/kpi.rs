//! The KPIs: the strip at the top ("the answer in five seconds") and the grid of every output with its
//! formula, grouped like the model. Both are built from [`kpi_card`](super::kpi_card) cards, then each value is
//! patched in place. `data-kpi` / `data-value` are stable hooks for tests and embedding hosts; they stay
//! unique on the page (the grid's copy of a strip KPI carries neither while the strip is shown).

use crate::components::kpi_card::{
    card, label, owns_hook, settled_words, shown, sub_line, Form, Formula, KpiCard, Look,
};
use crate::components::kpi_defs::find;
use crate::ctx::Ctx;
use crate::model::{DECISION_KEYS, HPC_KEYS, PROJECTION_KEYS, SNAPSHOT_KEYS};
use crate::page::IN_STRIP;
use crate::state::decision::ranked;
use crate::state::sell_side;
use crate::view::dom::{effect, on, set_attr, set_class, set_text, Bind, Debounce, Dom, Ev};
use crate::view::Html;
use leptos::prelude::*;
use web_sys::Element;

/// One card's elements, resolved once at the mount (a slider move then patches without lookups).
struct Card {
    card: KpiCard,
    root: Element,
    label: Element,
    value: Element,
    sub: Option<Element>,
    formula: Option<Formula<Element>>,
}

fn resolve(dom: &Dom, cards: &[KpiCard]) -> Vec<Card> {
    cards
        .iter()
        .map(|k| Card {
            card: *k,
            root: dom.el(k.root),
            label: dom.el(k.label),
            value: dom.el(k.value),
            sub: k.sub.map(|s| dom.el(s)),
            formula: k.formula.map(|f| Formula { details: dom.el(f.details), text: dom.el(f.text) }),
        })
        .collect()
}

/// Patches every KPI to the current results, and fills the formulas that are open.
fn patch(c: Ctx, cards: &[Card]) {
    c.results.with(|r| {
        c.drawn.with(|s| {
            for k in cards {
                let now = shown(k.card.def, r.as_ref(), s);
                if k.card.hooks {
                    set_attr(&k.root, "data-value", &now.data_value);
                }
                set_text(&k.value, &now.text);
                set_class(&k.value, "neg", now.look == Look::Loss);
                set_class(&k.value, "words", now.look == Look::Words);
                if k.card.def.names_the_fleet() {
                    set_text(&k.label, &label(k.card.def, s));
                }
                if let Some(sub) = &k.sub {
                    set_text(sub, &sub_line(k.card.def, r.as_ref(), s));
                }
                if let (Some(f), Some(r)) = (&k.formula, r.as_ref()) {
                    if f.details.has_attribute("open") {
                        set_text(&f.text, &(k.card.def.formula)(s, r));
                    }
                }
            }
        })
    });
}

/// Keeps the cards current, and fills a formula when its `<details>` opens (most never are).
fn bind(c: Ctx, section: &Element, cards: Vec<Card>) {
    let cards = std::rc::Rc::new(cards);
    let mine = cards.clone();
    effect(move |_| {
        c.results.track();
        c.drawn.track();
        patch(c, &mine);
    });
    on(section, Ev::Toggle, move |_| patch(c, &cards));
}

/// Keeps another section's KPI cards current (the decision card's), as the strip and the grid keep theirs;
/// `section` is the element they were built in.
pub fn keep_current(c: Ctx, section: &Element, dom: &Dom, cards: &[KpiCard]) {
    bind(c, section, resolve(dom, cards));
}

/// How long the results must stay unchanged before the summary is spoken (the risk panel's too).
pub const SETTLE: std::time::Duration = std::time::Duration::from_millis(900);

pub fn strip(c: Ctx, h: &mut Html) -> Bind {
    h.open("section", "class=\"kpi-strip\" aria-label=\"Key results\"");
    let section = h.slot();
    let cards: Vec<KpiCard> = c.results.with_untracked(|r| {
        c.drawn.with_untracked(|s| {
            IN_STRIP
                .iter()
                .filter_map(|k| find(k))
                .map(|def| card(h, def, Form { compact: true, hooks: true }, r.as_ref(), s))
                .collect()
        })
    });
    h.open("p", "class=\"visually-hidden\" aria-live=\"polite\" data-summary=\"\"");
    let said = h.slot();
    h.close("p").close("section");
    Box::new(move |dom| {
        let root = dom.el(section);
        bind(c, &root, resolve(dom, &cards));
        announce(c, dom.el(said));
    })
}

/// The one live region of the results: a second after the last change (a slider drag, a typed number), it
/// reads the strip's KPIs with their labels. Nothing is said for the page's first results.
fn announce(c: Ctx, out: Element) {
    let settle = Debounce::new(SETTLE);
    // The order of keep / sell / convert last spoken (or shown at the start).
    let order = std::rc::Rc::new(std::cell::Cell::new(None));
    effect(move |first| {
        c.results.track();
        if first {
            order.set(c.results.with_untracked(|r| r.as_ref().map(|r| ranked(&r.decision))));
            return;
        }
        let (out, order) = (out.clone(), order.clone());
        settle.schedule(move || {
            let (text, now) =
                c.results.with_untracked(|r| c.drawn.with_untracked(|s| settled_words(r.as_ref(), s, order.get())));
            order.set(now);
            set_text(&out, &text);
        });
    });
}

pub fn grid(c: Ctx, h: &mut Html) -> Bind {
    let (strip_shown, decision_shown) = c.page.with_value(|p| (p.shows("kpis"), p.shows("decision")));
    h.open("section", "class=\"card all-kpis\" aria-labelledby=\"all-kpis-title\"");
    let section = h.slot();
    h.raw("<h2 id=\"all-kpis-title\">All results</h2>");
    let mut cards = Vec::new();
    c.results.with_untracked(|r| {
        c.drawn.with_untracked(|s| {
            for (title, keys) in [
                ("Today (day 0)", SNAPSHOT_KEYS),
                ("As sell-side reports quote it (day 0)", sell_side::KEYS),
                ("Projection and financing", PROJECTION_KEYS),
                ("Mining versus AI/HPC, per MW (static, day 0)", HPC_KEYS),
                ("Keep, sell or convert", DECISION_KEYS),
            ] {
                h.open("section", "class=\"kpi-group\"").el("h3", "", title).open("div", "class=\"kpi-grid\"");
                for def in keys.iter().filter_map(|k| find(k)) {
                    // A KPI the strip or the decision card shows carries its hooks there.
                    let hooks = !(strip_shown && IN_STRIP.contains(&def.key)) && !(decision_shown && owns_hook(def.key, strip_shown));
                    cards.push(card(h, def, Form { compact: false, hooks }, r.as_ref(), s));
                }
                h.close("div").close("section");
            }
        })
    });
    h.close("section");
    Box::new(move |dom| bind(c, &dom.el(section), resolve(dom, &cards)))
}
