//! The page: wires the scenario signal and the one `Memo` of model results that every view reads into a
//! `ctx::Ctx`, composes the sections, and keeps the scenario in the URL (replaceState, debounced, written at
//! once when the page is left) and in localStorage.

use crate::components::chart_parts::{chart_width_for, TWO_COLUMNS_FROM_PX};
use crate::components::{
    assumptions, cash_chart, decision, hardware_table, hashprice_chart, header, headline, history_chart, hpc_compare,
    input_panel, kpi, merit_chart, monthly_chart, notices, risk_panel,
};
use crate::ctx::{flush_url, search, storage, Ctx, STORAGE_KEY, THEME_KEY};
use crate::model::{evaluate, Results, Scenario};
use crate::page::{section_index, PageOptions, Theme, SECTIONS};
use crate::state::query::{
    has_scenario_keys, initial_scenario, is_own_link, page_param, saved_elsewhere_notice, saved_threshold, saves_edits,
};
use crate::view::dom::{timeout, Bind, Debounce, Dom, Ev};
use crate::view::{Html, Slot};
use leptos::prelude::*;
use std::time::Duration;
use wasm_bindgen::JsCast;
use Kind::{Control, Output};
use Place::{Inputs, Outputs, Top, Under};

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
    match (&page.origin, page.embed) {
        (crate::page::HostOrigin::Any, true) => crate::api::connect_embed_host(c.scenario, c.host, c.results, None),
        (crate::page::HostOrigin::Only(o), true) => {
            crate::api::connect_embed_host(c.scenario, c.host, c.results, Some(o.clone()))
        }
        // Not an embed, or an `origin=` that does not read (said in a notice): no host to talk to.
        _ => {}
    }
    keep_saved(c);
    follow_theme(c.theme);
    if page.embed {
        replace_without_header(c);
    }
    let (h, binds, later) = layout(c, &page);
    let dom = crate::view::dom::mount(h, binds);
    mount_later(&dom, later);
}

/// The page's state at load: the scenario from the address and the visitor's saved work, its results, the
/// theme, the headline threshold and the chart width for this screen (kept current on resize).
fn context(query: &str, page: PageOptions) -> Ctx {
    let embed = page.embed;
    // An embedded calculator shows what its host chose, never this visitor's saved scenario.
    let saved = storage().filter(|_| !embed).and_then(|st| st.get_item(STORAGE_KEY).ok().flatten());
    let (initial, mut initial_notices) = initial_scenario(query, saved.as_deref());
    initial_notices.extend(PageOptions::issues(query));
    let host = RwSignal::new(initial.clone());
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
    let viewport = || window().inner_width().ok().and_then(|v| v.as_f64()).unwrap_or(TWO_COLUMNS_FROM_PX);
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
        embed_panels: RwSignal::new(u32::MAX >> (32 - SECTIONS.len())),
        live: RwSignal::new(None),
        replace: RwSignal::new(None),
        host,
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

/// An embed has no header, whose Undo takes the whole replaces other controls ask for (`Ctx::replace`: a machine
/// picked in the hardware table, a group removed): here they are put in force as they come, with nothing to undo.
fn replace_without_header(c: Ctx) {
    let reps = crate::state::replaces::Replaces::new(c.scenario, c.replaced);
    crate::ctx::take_replaces(c, move |next| reps.replace(next.scenario));
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

/// A section: writes its markup (with the current values) and returns the binder that brings it to life.
type Section = fn(Ctx, &mut Html) -> Bind;

/// What a section draws from: the scenario itself (the controls), or its own gated copy of the scenario and the
/// results (an output section, see `late`).
#[derive(Clone, Copy, PartialEq)]
enum Kind {
    Control,
    Output,
}

/// When a section is written: with the first screen, or after the mount in a task of its own, so that no
/// task of the page's start is long (Lighthouse's total blocking time) and the first screen paints sooner.
#[derive(Clone, Copy, PartialEq)]
enum Stage {
    Now,
    /// Written into an empty island: the section's markup opens its own elements (it cannot take the island).
    /// An embed writes it now (see `Composer::whole`).
    Later,
}

/// Where on the page a section is written.
#[derive(Clone, Copy, PartialEq)]
enum Place {
    /// Above the columns, between the header and the notices.
    Top,
    /// The inputs column (`<aside>`; `<main>` when no output section is shown), shown with the section `inputs`.
    Inputs,
    /// The outputs column (`<main>`).
    Outputs,
    /// Under both columns, above the footer.
    Under,
}

/// How a section of `page::SECTIONS` (named by `key`) is written. A section may be written in consecutive parts:
/// the inputs' first screen now, the rest later.
struct Part {
    key: &'static str,
    place: Place,
    kind: Kind,
    stage: Stage,
    build: Section,
}

/// The parts of the sections `panels=` can choose, in page order. The header, the notices and the footer are
/// not choosable: `layout` writes them around these.
const PARTS: &[Part] = &[
    Part { key: "kpis", place: Top, kind: Control, stage: Stage::Now, build: kpi::strip },
    Part { key: "inputs", place: Inputs, kind: Control, stage: Stage::Now, build: input_panel::first },
    Part { key: "inputs", place: Inputs, kind: Control, stage: Stage::Later, build: input_panel::rest },
    Part { key: "headline", place: Outputs, kind: Output, stage: Stage::Now, build: headline::section },
    Part { key: "cash", place: Outputs, kind: Output, stage: Stage::Now, build: cash_chart::section },
    Part { key: "hashprice", place: Outputs, kind: Output, stage: Stage::Later, build: hashprice_chart::section },
    Part { key: "monthly", place: Outputs, kind: Output, stage: Stage::Later, build: monthly_chart::section },
    Part { key: "hardware", place: Outputs, kind: Output, stage: Stage::Later, build: hardware_table::section },
    Part { key: "fleet", place: Outputs, kind: Output, stage: Stage::Later, build: merit_chart::section },
    Part { key: "decision", place: Outputs, kind: Output, stage: Stage::Later, build: decision::section },
    Part { key: "hpc", place: Outputs, kind: Output, stage: Stage::Later, build: hpc_compare::section },
    Part { key: "risk", place: Outputs, kind: Output, stage: Stage::Later, build: risk_panel::section },
    Part { key: "history", place: Outputs, kind: Output, stage: Stage::Later, build: history_chart::section },
    Part { key: "results", place: Outputs, kind: Output, stage: Stage::Later, build: kpi::grid },
    Part { key: "assumptions", place: Under, kind: Output, stage: Stage::Later, build: assumptions::section },
];

// `page::SECTIONS` is compiled natively, `PARTS` only for the browser: the build checks that they agree.
const _: () = assert!(parts_follow_sections(), "app::PARTS must write every page::SECTIONS entry, in its order");

/// Whether `PARTS` writes each section of `page::SECTIONS` in that order: every key a section's, the first part
/// of each the next section, the others right after it.
const fn parts_follow_sections() -> bool {
    let mut met = 0;
    let mut i = 0;
    while i < PARTS.len() {
        match section_index(PARTS[i].key) {
            Some(s) if s == met => met += 1,
            Some(s) if s + 1 == met => {}
            _ => return false,
        }
        i += 1;
    }
    met == SECTIONS.len()
}

/// A section written after the mount into its island (`mount_later`).
struct Later {
    island: Slot,
    c: Ctx,
    section: Section,
    /// An output section's in-view signal, which its card's observer keeps.
    in_view: Option<RwSignal<bool>>,
}

/// Writes the page's sections in page order, each in a `display: contents` island: a section of the first
/// screen with its markup and binder, a later one as an empty island that `mount_later` fills.
struct Composer {
    c: Ctx,
    /// An embed's page, written whole (every stage `Now`). An embed shows a few panels, and its host sizes the
    /// frame from the height it reports: a frame scrolled out of view gets no rendering updates (Chromium
    /// throttles it), so a section written late would leave the frame cut short.
    whole: bool,
    caught_up: RwSignal<u32>,
    binds: Vec<Bind>,
    later: Vec<Later>,
}

impl Composer {
    /// Writes the parts in `place` of the sections `page` shows.
    fn parts(&mut self, h: &mut Html, page: &PageOptions, place: Place) {
        for part in PARTS.iter().filter(|part| part.place == place) {
            self.put(h, page.shows(part.key), part.kind, part.stage, part.build);
        }
    }

    fn put(&mut self, h: &mut Html, shown: bool, kind: Kind, stage: Stage, section: Section) {
        if !shown {
            return;
        }
        let stage = if self.whole { Stage::Now } else { stage };
        h.open("div", "class=\"island\"");
        let (c, in_view) = match kind {
            Kind::Control => (self.c, None),
            Kind::Output => {
                let in_view = RwSignal::new(true);
                let gate = Gate { in_view, caught_up: self.caught_up };
                (Ctx { results: late(self.c.results, gate), drawn: late(self.c.drawn, gate), ..self.c }, Some(in_view))
            }
        };
        match stage {
            Stage::Now => {
                // A control section of the first screen may take the island as its own slot (the notices
                // listen on it), so only an output section's island is a slot here.
                let island = in_view.map(|_| h.slot());
                let bind = section(c, h);
                h.close("div");
                self.binds.push(Box::new(move |dom| {
                    if let Some(island) = island {
                        watch_card(&dom.el(island), in_view);
                    }
                    bind(dom)
                }));
            }
            Stage::Later => {
                let island = h.slot();
                h.close("div");
                self.later.push(Later { island, c, section, in_view });
            }
        }
    }
}

/// An output section's card (the island's first child: the island itself has no box) keeps its in-view signal.
fn watch_card(island: &web_sys::Element, in_view: Option<RwSignal<bool>>) {
    if let (Some(seen), Some(card)) = (in_view, island.first_element_child()) {
        crate::view::dom::watch_in_view(&card, IN_VIEW_MARGIN, seen);
    }
}

/// The page's markup in page order (the sections `panels=` shows), the binders of the first screen's sections
/// and the sections to write after the mount.
fn layout(c: Ctx, page: &PageOptions) -> (Html, Vec<Bind>, Vec<Later>) {
    let embed = page.embed;
    let caught_up = catch_up_tick(c.drawn, c.results);
    let mut p = Composer { c, whole: embed, caught_up, binds: Vec::new(), later: Vec::new() };
    let mut h = Html::new();
    h.open("div", if embed { "class=\"app embed\"" } else { "class=\"app\"" });
    let app = h.slot();
    let look = page.clone();
    p.binds.push(Box::new(move |dom| apply_look(&dom.el(app), &look)));
    p.put(&mut h, !embed, Control, Stage::Now, header::section);
    p.parts(&mut h, page, Top);
    p.put(&mut h, true, Control, Stage::Now, notices::section);
    let inputs = page.shows("inputs");
    let outputs = PARTS.iter().any(|part| part.place == Outputs && page.shows(part.key));
    if inputs && !outputs {
        // An embed of inputs alone (`panels=inputs`): they are the page's main content, across its width.
        h.open("div", "class=\"layout inputs-only\"").open("main", "class=\"inputs\" aria-label=\"Inputs\"");
        embed_heading(&mut h, embed);
        p.parts(&mut h, page, Inputs);
        h.close("main").close("div");
    } else {
        h.open("div", if inputs { "class=\"layout\"" } else { "class=\"layout no-inputs\"" });
        if inputs {
            // Over a hundred controls stand between the header and the results: a keyboard user can skip them.
            h.raw("<a class=\"skip-link\" href=\"#outputs\">Skip the inputs to the results</a>");
            h.open("aside", "class=\"inputs\" aria-label=\"Inputs\"");
            p.parts(&mut h, page, Inputs);
            h.close("aside");
        }
        h.open("main", "class=\"outputs\" id=\"outputs\" tabindex=\"-1\"");
        // With no output section (`panels=kpis`) the empty layout is hidden (style/main.css): no heading in it.
        embed_heading(&mut h, embed && outputs);
        p.parts(&mut h, page, Outputs);
        h.close("main").close("div");
    }
    // Under both columns: the footnote to every figure above.
    p.parts(&mut h, page, Under);
    p.put(&mut h, !embed, Control, Stage::Later, footer);
    h.close("div");
    (h, p.binds, p.later)
}

/// An embed has no header, but its frame is a document of its own: the page's title as its main heading.
fn embed_heading(h: &mut Html, embed: bool) {
    if embed {
        h.raw("<h1 class=\"visually-hidden\">Hashprice &amp; margin calculator</h1>");
    }
}

/// Writes the later sections into their islands after the first screen has painted, one task each, then marks
/// the page whole (`data-mounted` on the root element, which tests and hosts may wait for) and, for an address
/// with a `#fragment`, scrolls to it as the browser would have if it had been there at load. With none to write
/// (an embed) the page is marked whole at once.
fn mount_later(dom: &Dom, later: Vec<Later>) {
    if later.is_empty() {
        // An embed: everything was there at load, and the browser went to any #fragment itself.
        mark_mounted();
        return;
    }
    let islands: Vec<(web_sys::Element, Later)> = later.into_iter().map(|l| (dom.el(l.island), l)).collect();
    let owner = Owner::current();
    // After the first paint; or, in a tab opened in the background (no frames), soon anyway, so the page is
    // whole when the visitor turns to it.
    crate::view::dom::after_frame(move || {
        timeout(move || write_next(islands.into_iter(), owner), Duration::ZERO);
    });
}

fn write_next(mut rest: std::vec::IntoIter<(web_sys::Element, Later)>, owner: Option<Owner>) {
    let Some((island, l)) = rest.next() else {
        mark_mounted();
        scroll_to_fragment();
        return;
    };
    let write = || {
        let mut h = Html::new();
        let bind = (l.section)(l.c, &mut h);
        let dom = Dom::fill(&island, h);
        watch_card(&island, l.in_view);
        bind(&dom);
    };
    // Under the page's owner, as the first screen's sections are, so their effects live as long as the page.
    match &owner {
        Some(o) => o.with(write),
        None => write(),
    }
    timeout(move || write_next(rest, owner), Duration::ZERO);
}

/// Marks the page whole: `data-mounted` on the root element.
fn mark_mounted() {
    if let Some(root) = document().document_element() {
        let _ = root.set_attribute("data-mounted", "");
    }
}

/// Scrolls to the element the address's `#fragment` names, unless the visitor has scrolled already.
fn scroll_to_fragment() {
    let hash = window().location().hash().unwrap_or_default();
    let Some(id) = hash.strip_prefix('#').filter(|id| !id.is_empty()) else { return };
    if window().scroll_y().unwrap_or(0.0) > 0.0 {
        return;
    }
    if let Some(el) = document().get_element_by_id(id) {
        el.scroll_into_view();
    }
}

/// The embedder's look on the page's root `app` element: `accent=` and `transparent=1`.
fn apply_look(app: &web_sys::Element, page: &PageOptions) {
    // Through the CSSOM, not a `style` attribute in the markup, which the page's CSP refuses.
    if let Some(a) = &page.accent {
        let style = js_sys::Reflect::get(app, &"style".into()).unwrap_or_default();
        let _ = js_sys::Reflect::set(&style, &"cssText".into(), &crate::page::accent_style(a).into());
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
            timeout(
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

/// The footer: static text, and the line print adds (when, and the link that reproduces the page), written as
/// the browser is about to print so the link is the scenario on paper.
fn footer(c: Ctx, h: &mut Html) -> Bind {
    h.raw(concat!(
        "<footer class=\"site-footer\"><p>",
        "Model conventions: 144 blocks a day and difficulty that follows hashrate at once (as calculators that work from difficulty assume). ",
        "With growing hashrate the real chain finds blocks a little faster, so this understates revenue by about 0.42% per 1%/month of growth and places a halving a few days late. ",
        "A halving day is credited at the old subsidy. Defaults: network snapshot of November 2025; machine prices are late-2025 estimates.",
        "</p><p>Difficulty history: the checkpoints of Electrum (github.com/spesmilo/electrum, MIT licence, © 2011-2024 The Electrum developers); epoch start dates are estimated from the difficulty path and the halving block times.",
        "</p><p>Runs entirely in your browser: no data leaves this page unless you ask for live network data.</p>"
    ));
    let stamp = h.open("p", "class=\"print-stamp\"").slot();
    h.close("p").close("footer");
    Box::new(move |dom| {
        let stamp = dom.el(stamp);
        crate::view::dom::on(&window(), Ev::BeforePrint, move |_| {
            let now = js_sys::Date::new_0();
            let local_ms = now.get_time() - now.get_timezone_offset() * 60_000.0;
            let words = crate::history::printed_words((local_ms / 1000.0) as i64, &flush_url(c));
            crate::view::dom::set_text(&stamp, &words);
        });
    })
}
