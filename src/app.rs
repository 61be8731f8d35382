//! The page: wires the scenario signal and the one `Memo` of model results that every view reads,
//! and keeps the scenario in the URL (replaceState, debounced, written at once when the page is left) and in
//! localStorage.

use crate::components::chart_parts::chart_width_for;
use crate::components::{
    cash_chart, decision, hardware_table, hashprice_chart, header, headline, history_chart, hpc_compare, input_panel,
    kpi, monthly_chart, notices, risk_panel,
};
use crate::format::{plain, Txt};
use crate::model::{evaluate, Results, Scenario};
pub use crate::page::{PageOptions, Theme};
use crate::state::query::{
    has_scenario_keys, initial_scenario, is_own_link, link_query, page_param, query_pairs, saved_elsewhere_notice,
    saved_threshold, saves_edits, PAGE_KEYS,
};
use crate::view::dom::{Bind, Debounce, Ev};
use crate::view::Html;
use leptos::prelude::*;
use std::time::Duration;
use wasm_bindgen::JsCast;

const STORAGE_KEY: &str = "hashprice.scenario";
const THEME_KEY: &str = "hashprice.theme";

/// Shared state: the last valid scenario and its results, plus page-level notices and theme.
#[derive(Clone, Copy)]
pub struct Ctx {
    /// The scenario in force: what controls read and write.
    pub scenario: RwSignal<Scenario>,
    /// `evaluate(scenario)`; for an output section, as it draws them (see `drawn`).
    pub results: Memo<Option<Results>>,
    /// The scenario as this section draws it, with `results`: the scenario itself for the page's controls; for
    /// an output section off screen, the one of its results (both catch up in the task after the input's,
    /// `app::late`). Sections read it to draw and write `scenario`.
    pub drawn: Memo<Scenario>,
    pub notices: RwSignal<Vec<String>>,
    pub theme: RwSignal<Theme>,
    /// The headline check's threshold (USD per PH/s per day); a link carries it when it is not the default.
    pub threshold: RwSignal<f64>,
    pub page: StoredValue<PageOptions>,
    /// Chart view-box width for this screen (see `chart_width_for`).
    pub chart_w: RwSignal<f64>,
    /// Whether edits are saved for the next visit: not in embed mode, and not in a page opened from a link
    /// over a saved scenario (the link's edits live in the address bar; the visitor's own work stays saved).
    pub saves: bool,
    /// Bumped when Reset, a preset or Undo replaces the scenario whole: the inputs then rewrite every field,
    /// also one whose typed (invalid) text stands for a value that did not change.
    pub replaced: RwSignal<u32>,
    /// The panels checked in the Embed dialog, one bit per `page::SECTIONS` entry; kept while it is closed.
    pub embed_panels: RwSignal<u32>,
    /// The live network values last applied and when, for the badge and the header's source line.
    pub live: RwSignal<Option<crate::state::live::LiveApplied>>,
}

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

/// The visitor's storage, only on their own top-level page: a page framed by another (with or without
/// `embed=1`) neither reads nor writes their saved scenario or theme.
fn storage() -> Option<web_sys::Storage> {
    if crate::api::framed() {
        return None;
    }
    window().local_storage().ok().flatten()
}

const UNDO_KEY: &str = "hashprice.undo";

/// The undo point of a Reset or preset kept from before a reload (`state::undo::Undo::saved`), on a page that
/// saves.
pub fn saved_undo(c: Ctx) -> Option<String> {
    storage().filter(|_| c.saves).and_then(|st| st.get_item(UNDO_KEY).ok().flatten())
}

/// Keeps (or, with `None`, forgets) the undo point, on a page that saves.
pub fn save_undo(c: Ctx, point: Option<String>) {
    if let Some(st) = storage().filter(|_| c.saves) {
        let _ = match point {
            Some(p) => st.set_item(UNDO_KEY, &p),
            None => st.remove_item(UNDO_KEY),
        };
    }
}

fn search() -> String {
    window().location().search().unwrap_or_default()
}

/// The page URL: page parameters (embed, theme, …) kept, the threshold and scenario keys rewritten.
fn url_for(c: Ctx) -> String {
    let loc = window().location();
    let mut parts: Vec<String> = query_pairs(&search())
        .into_iter()
        .filter(|(k, _)| k != "threshold" && PAGE_KEYS.contains(&k.as_str()))
        .map(|(k, v)| Txt::default().t(k.as_str()).t("=").s(crate::state::query::encode_component(&v)).0)
        .collect();
    parts.extend(share_parts(c));
    let mut url = loc.pathname().unwrap_or_default();
    if !parts.is_empty() {
        url.push('?');
        url.push_str(&parts.join("&"));
    }
    url.push_str(&loc.hash().unwrap_or_default());
    url
}

/// What a link carries of the user's work, as the URL, Copy link, the Embed snippet and the saved scenario
/// write it: the threshold (when not the default), the defaults it was made against (`base=`) and the
/// scenario's non-default keys; empty parts left out.
pub fn share_parts(c: Ctx) -> Vec<String> {
    let mut parts: Vec<String> =
        crate::page::threshold_param(c.threshold.get_untracked(), &plain).into_iter().collect();
    parts.push(c.scenario.with_untracked(|s| link_query(s, &plain)));
    parts.retain(|p| !p.is_empty());
    parts
}

/// Writes the scenario and threshold into the URL and, when the page saves (`Ctx::saves`), into storage now
/// (the same text, so reloading one's own page is recognised as one's own); returns the absolute link.
pub fn flush_url(c: Ctx) -> String {
    let url = url_for(c);
    if let Ok(history) = window().history() {
        let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url));
    }
    if let Some(st) = storage().filter(|_| c.saves) {
        let _ = st.set_item(STORAGE_KEY, &share_parts(c).join("&"));
    }
    window().location().href().unwrap_or(url)
}

/// Saves the theme the visitor chose with the theme button. Only that choice is saved: a link's or an
/// embed's `theme=` applies to its own view and must not change the visitor's theme everywhere else.
pub fn save_theme(t: Theme) {
    if let Some(st) = storage() {
        let _ = st.set_item(THEME_KEY, t.label());
    }
}

fn app() {
    let query = search();
    let page = PageOptions::from_query(&query);
    let embed = page.embed;
    // An embedded calculator shows what its host chose, never this visitor's saved scenario.
    let saved = storage().filter(|_| !embed).and_then(|st| st.get_item(STORAGE_KEY).ok().flatten());
    let (initial, initial_notices) = initial_scenario(&query, saved.as_deref());
    let scenario = RwSignal::new(initial);
    let results = Memo::new(move |_| scenario.with(|s| evaluate(s).ok()));
    let saved_theme = storage().and_then(|st| st.get_item(THEME_KEY).ok().flatten());
    let theme = RwSignal::new(page.theme.or(saved_theme.as_deref().and_then(Theme::parse)).unwrap_or(Theme::Auto));
    let notices = RwSignal::new(initial_notices);
    // The visitor's own page (a plain visit, or a link that is exactly what they saved) keeps their saved
    // threshold unless the address sets one.
    let own = saved.is_some() && (!has_scenario_keys(&query) || is_own_link(&query, saved.as_deref()));
    let saved_t =
        saved.as_deref().filter(|_| own && page_param(&query, "threshold").is_none()).and_then(saved_threshold);
    let threshold = RwSignal::new(saved_t.unwrap_or(page.threshold));
    let beside = page.shows("inputs");
    let page = StoredValue::new(page);
    let viewport = || window().inner_width().ok().and_then(|v| v.as_f64()).unwrap_or(1024.0);
    let chart_w = RwSignal::new(chart_width_for(viewport(), beside));
    crate::view::dom::on(&window(), Ev::Resize, move |_| {
        let w = chart_width_for(viewport(), beside);
        if chart_w.get_untracked() != w {
            chart_w.set(w);
        }
    });
    // Handed to every section, which hands it to its binder.
    let saves = saves_edits(&query, saved.as_deref(), embed);
    let drawn = Memo::new(move |_| scenario.get());
    let c = Ctx {
        scenario,
        results,
        drawn,
        notices,
        theme,
        threshold,
        page,
        chart_w,
        saves,
        replaced: RwSignal::new(0),
        embed_panels: RwSignal::new(u32::MAX),
        live: RwSignal::new(None),
    };
    if embed {
        crate::api::connect_embed_host(scenario, results, page.with_value(|p| p.origin.clone()));
    }

    // URL and storage follow the scenario and threshold, debounced so a slider drag writes once it settles.
    let url_write = Debounce::new(Duration::from_millis(250));
    crate::view::dom::effect(move |first| {
        scenario.track();
        threshold.track();
        if !first {
            url_write.schedule(move || {
                flush_url(c);
            });
        }
    });
    // Another tab saving a different scenario is said, not silently overwritten or adopted.
    if saves {
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

    let show = move |section: &str| page.with_value(|p| p.shows(section));
    let caught_up = catch_up_tick(drawn, results);
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
        let bind = section(Ctx { results: late(results, gate), drawn: late(drawn, gate), ..c }, h);
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
    crate::view::dom::mount(h, binds);
    // Through the CSSOM, not a `style` attribute in the markup, which the page's CSP refuses.
    if let Some(a) = page.with_value(|p| p.accent.clone()) {
        if let Some(app) = document().query_selector(".app").ok().flatten() {
            let style = js_sys::Reflect::get(&app, &"style".into()).unwrap_or_default();
            let _ = js_sys::Reflect::set(&style, &"cssText".into(), &crate::page::accent_style(&a).into());
        }
    }
    if page.with_value(|p| p.transparent) {
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
