//! The page: wires the scenario signal and the one `Memo` of model results that every view reads into a
//! `ctx::Ctx`, composes the sections, and keeps the scenario in the URL (replaceState, debounced, written at
//! once when the page is left) and in localStorage.

use crate::components::chart_parts::chart_width_for;
use crate::components::{
    cash_chart, decision, hardware_table, hashprice_chart, header, headline, history_chart, hpc_compare, input_panel,
    kpi, monthly_chart, notices, risk_panel,
};
use crate::ctx::{flush_url, search, storage, Ctx, STORAGE_KEY, THEME_KEY};
use crate::model::{evaluate, Results, Scenario};
use crate::page::{PageOptions, Theme};
use crate::state::query::{
    has_scenario_keys, initial_scenario, is_own_link, page_param, saved_elsewhere_notice, saved_threshold, saves_edits,
};
use crate::view::dom::{Bind, Debounce, Ev};
use crate::view::Html;
use leptos::prelude::*;
use std::time::Duration;
use wasm_bindgen::JsCast;

/// Starts the page: the JS API, Leptos' executor (effects run on it), then the app under one root owner
/// that lives as long as the page. What `mount_to_body` does, without the typed view it would build: the
/// page is one `view::Html` (see `crate::view` and docs/architecture.md).
pub fn start() {
    crate::api::install();
    let _ = any_spawner::Executor::init_wasm_bindgen();
    let owner = Owner::new();
    owner.with(app);
    std::mem::forget(owner);
}

fn app() {
    let query = search();
    let page = PageOptions::from_query(&query);
    let c = context(&query, page.clone());
    if page.embed {
        crate::api::connect_embed_host(c.scenario, c.results, page.origin.clone());
    }
    keep_saved(c);
    follow_theme(c.theme);
    let (h, binds) = layout(c, &page);
    crate::view::dom::mount(h, binds);
    apply_look(&page);
}

/// The page's state at load: the scenario from the address and the visitor's saved work, its results, the
/// theme, the headline threshold and the chart width for this screen (kept current on resize).
fn context(query: &str, page: PageOptions) -> Ctx {
    let embed = page.embed;
    // An embedded calculator shows what its host chose, never this visitor's saved scenario.
    let saved = storage().filter(|_| !embed).and_then(|st| st.get_item(STORAGE_KEY).ok().flatten());
    let (initial, initial_notices) = initial_scenario(query, saved.as_deref());
    let scenario = RwSignal::new(initial);
    let results = Memo::new(move |_| scenario.with(|s| evaluate(s).ok()));
    let saved_theme = storage().and_then(|st| st.get_item(THEME_KEY).ok().flatten());
    let theme = RwSignal::new(page.theme.or(saved_theme.as_deref().and_then(Theme::parse)).unwrap_or(Theme::Auto));
    // The visitor's own page (a plain visit, or a link that is exactly what they saved) keeps their saved
    // threshold unless the address sets one.
    let own = saved.is_some() && (!has_scenario_keys(query) || is_own_link(query, saved.as_deref()));
    let saved_t =
        saved.as_deref().filter(|_| own && page_param(query, "threshold").is_none()).and_then(saved_threshold);
    let threshold = RwSignal::new(saved_t.unwrap_or(page.threshold));
    let beside = page.shows("inputs");
    let viewport = || window().inner_width().ok().and_then(|v| v.as_f64()).unwrap_or(1024.0);
    let chart_w = RwSignal::new(chart_width_for(viewport(), beside));
    crate::view::dom::on(&window(), Ev::Resize, move |_| {
        let w = chart_width_for(viewport(), beside);
        if chart_w.get_untracked() != w {
            chart_w.set(w);
        }
    });
    Ctx {
        scenario,
        results,
        drawn: Memo::new(move |_| scenario.get()),
        notices: RwSignal::new(initial_notices),
        theme,
        threshold,
        saves: saves_edits(query, saved.as_deref(), embed),
        page: StoredValue::new(page),
        chart_w,
        replaced: RwSignal::new(0),
        embed_panels: RwSignal::new(u32::MAX),
        live: RwSignal::new(None),
    }
}

/// The URL and, on a page that saves, storage follow the scenario and threshold: debounced so a slider drag
/// writes once it settles, and written at once when the page is left.
fn keep_saved(c: Ctx) {
    let url_write = Debounce::new(Duration::from_millis(250));
    crate::view::dom::effect(move |first| {
        c.scenario.track();
        c.threshold.track();
        if !first {
            url_write.schedule(move || {
                flush_url(c);
            });
        }
    });
    // Another tab saving a different scenario is said, not silently overwritten or adopted.
    if c.saves {
        crate::view::dom::on(&window(), Ev::Storage, move |e| {
            let Some(e) = e.dyn_ref::<web_sys::StorageEvent>().filter(|e| e.key().as_deref() == Some(STORAGE_KEY))
            else {
                return;
            };
            let notice = c.scenario.with_untracked(|s| saved_elsewhere_notice(e.new_value().as_deref(), s));
            if let Some(n) = notice {
                c.notices.update(|list| {
                    if !list.contains(&n) {
                        list.push(n);
                    }
                });
            }
        });
    }
    // Leaving the page (or hiding it, the last event a phone reliably sends) writes a pending edit now, or
    // the edits of the last 250 ms would be lost.
    for event in [Ev::PageHide, Ev::VisibilityChange] {
        crate::view::dom::on(&window(), event, move |_| {
            if event == Ev::VisibilityChange && !document().hidden() {
                return;
            }
            if url_write.cancel() {
                flush_url(c);
            }
        });
    }
}

/// The root element's `data-theme` follows the theme (none for auto: the stylesheet follows the system's).
fn follow_theme(theme: RwSignal<Theme>) {
    crate::view::dom::effect(move |_| {
        let t = theme.get();
        if let Some(root) = document().document_element() {
            match t {
                Theme::Auto => {
                    let _ = root.remove_attribute("data-theme");
                }
                _ => {
                    let _ = root.set_attribute("data-theme", t.label());
                }
            }
        }
    });
}

/// The page's markup, every section in page order (those `panels=` shows), and their binders.
fn layout(c: Ctx, page: &PageOptions) -> (Html, Vec<Bind>) {
    let embed = page.embed;
    let show = |section: &str| page.shows(section);
    let caught_up = catch_up_tick(c.drawn, c.results);
    let mut h = Html::new();
    let mut binds: Vec<Bind> = Vec::new();
    h.open("div", if embed { "class=\"app embed\"" } else { "class=\"app\"" });
    // Each section in a `display: contents` wrapper, as the page has always been laid out. The output sections
    // (`output`) see the scenario and results through `late`: off screen, they catch up in the next task.
    let mut put = |h: &mut Html, on: bool, output: bool, section: &dyn Fn(Ctx, &mut Html) -> Bind| {
        if !on {
            return;
        }
        h.open("div", "class=\"island\"");
        if !output {
            binds.push(section(c, h));
            h.close("div");
            return;
        }
        let island = h.slot();
        let in_view = RwSignal::new(true);
        let gate = Gate { in_view, caught_up };
        let bind = section(Ctx { results: late(c.results, gate), drawn: late(c.drawn, gate), ..c }, h);
        h.close("div");
        binds.push(Box::new(move |dom| {
            if let Some(root) = dom.el(island).first_element_child() {
                crate::view::dom::watch_in_view(&root, IN_VIEW_MARGIN, in_view);
            }
            bind(dom)
        }));
    };
    put(&mut h, !embed, false, &header::section);
    put(&mut h, show("kpis"), false, &kpi::strip);
    put(&mut h, true, false, &notices::section);
    h.open("div", if show("inputs") { "class=\"layout\"" } else { "class=\"layout no-inputs\"" });
    if show("inputs") {
        h.open("aside", "class=\"inputs\" aria-label=\"Inputs\"");
        put(&mut h, true, false, &input_panel::section);
        h.close("aside");
    }
    h.open("main", "class=\"outputs\"");
    put(&mut h, show("headline"), true, &headline::section);
    put(&mut h, show("cash"), true, &cash_chart::section);
    put(&mut h, show("hashprice"), true, &hashprice_chart::section);
    put(&mut h, show("monthly"), true, &monthly_chart::section);
    put(&mut h, show("hardware"), true, &hardware_table::section);
    put(&mut h, show("fleet"), true, &crate::components::merit_chart::section);
    put(&mut h, show("decision"), true, &decision::section);
    put(&mut h, show("hpc"), true, &hpc_compare::section);
    put(&mut h, show("risk"), true, &risk_panel::section);
    put(&mut h, show("history"), true, &history_chart::section);
    put(&mut h, show("results"), true, &kpi::grid);
    h.close("main").close("div");
    // Under both columns: the footnote to every figure above.
    put(&mut h, show("assumptions"), true, &crate::components::assumptions::section);
    put(&mut h, !embed, false, &footer);
    h.close("div");
    (h, binds)
}

/// The embedder's look: `accent=` and `transparent=1`.
fn apply_look(page: &PageOptions) {
    // Through the CSSOM, not a `style` attribute in the markup, which the page's CSP refuses.
    if let Some(a) = &page.accent {
        if let Some(app) = document().query_selector(".app").ok().flatten() {
            let style = js_sys::Reflect::get(&app, &"style".into()).unwrap_or_default();
            let _ = js_sys::Reflect::set(&style, &"cssText".into(), &crate::page::accent_style(a).into());
        }
    }
    if page.transparent {
        if let Some(root) = document().document_element() {
            let _ = root.class_list().add_1("bg-transparent");
        }
    }
}

/// How near the screen an output section counts as in view (patched in the input's own frame): on screen only.
/// No margin is needed against scrolling: a section off screen is stale only until the task after an input.
const IN_VIEW_MARGIN: &str = "0px";

/// A counter bumped in the task after each change of the scenario or its results (several changes before it
/// give one bump): the moment the output sections off screen catch up. A drag's input events come with the
/// frame (Chromium aligns them to it), so for a drag this task runs once the frame is painted.
fn catch_up_tick(drawn: Memo<Scenario>, results: Memo<Option<Results>>) -> RwSignal<u32> {
    let tick = RwSignal::new(0u32);
    let pending = StoredValue::new(false);
    crate::view::dom::effect(move |first| {
        drawn.track();
        results.track();
        if !first && !pending.get_value() {
            pending.set_value(true);
            set_timeout(
                move || {
                    pending.set_value(false);
                    tick.update(|t| *t = t.wrapping_add(1));
                },
                Duration::ZERO,
            );
        }
    });
    tick
}

/// When an output section reads the page's state: whether it is on screen (or near it), and the tick after
/// each painted frame.
#[derive(Clone, Copy)]
struct Gate {
    in_view: RwSignal<bool>,
    caught_up: RwSignal<u32>,
}

/// `source` as one output section sees it (issue 18's input budget: what is in view is repainted within the
/// input's frame). In view, `source` at once; off screen, read again on the catch-up tick, so every section,
/// `data-value`s included, is current in the task after the input's.
fn late<T: Clone + PartialEq + Send + Sync + 'static>(source: Memo<T>, gate: Gate) -> Memo<T> {
    Memo::new(move |_| {
        if gate.in_view.get() {
            source.get()
        } else {
            gate.caught_up.track();
            source.get_untracked()
        }
    })
}

/// The footer: static text, nothing to bind.
fn footer(_: Ctx, h: &mut Html) -> Bind {
    h.raw(concat!(
        "<footer class=\"site-footer\"><p>",
        "Model conventions: 144 blocks a day and difficulty that follows hashrate at once (as calculators that work from difficulty assume). ",
        "With growing hashrate the real chain finds blocks a little faster, so this understates revenue by about 0.42% per 1%/month of growth and places a halving a few days late. ",
        "A halving day is credited at the old subsidy. Defaults: network snapshot of November 2025; machine prices are late-2025 estimates.",
        "</p><p>Difficulty history: the checkpoints of Electrum (github.com/spesmilo/electrum, MIT licence, © 2011-2024 The Electrum developers); epoch start dates are estimated from the difficulty path and the halving block times.",
        "</p><p>Runs entirely in your browser: no data leaves this page unless you ask for live network data.</p></footer>"
    ));
    Box::new(|_| {})
}
