//! What every section is handed (`Ctx`: the scenario signal, the one `Memo` of results, page-level state) and
//! where the user's work is kept: the address bar and, on the visitor's own page, localStorage. Below the
//! sections and `app`, which composes them, so a section reaches the page only through what is here.

use crate::format::{plain, Txt};
use crate::model::{Results, Scenario};
use crate::page::{PageOptions, Theme};
use crate::state::query::{link_query, query_pairs, PAGE_KEYS};
use leptos::prelude::*;

pub(crate) const STORAGE_KEY: &str = "hashprice.scenario";
pub(crate) const THEME_KEY: &str = "hashprice.theme";

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
    /// The panels the Embed dialog's code shows, one bit per `page::SECTIONS` entry (never none); kept while it
    /// is closed.
    pub embed_panels: RwSignal<u32>,
    /// The live network values last applied and when, for the badge and the header's source line.
    pub live: RwSignal<Option<crate::state::live::LiveApplied>>,
    /// An edit another control asks the header to make as a replace, with its Undo (removing a machine group,
    /// opening a scenario file).
    pub replace: RwSignal<Option<Replacement>>,
    /// What the host of an embed put in force: its link's scenario at load, then each of its messages' keys. The
    /// assumptions card tells its values ("set by the host") from the visitor's own edits.
    pub host: RwSignal<Scenario>,
}

/// A scenario to put in force whole, undoable from the header, and what the header's status then says.
#[derive(Clone, PartialEq)]
pub struct Replacement {
    pub scenario: Scenario,
    pub said: String,
}

/// Hands each whole replace another control asks for (`Ctx::replace`) to `put`, once: the header's, with its
/// Undo, or on an embed (no header) `app`'s, which puts it in force as it comes.
pub fn take_replaces(c: Ctx, put: impl Fn(Replacement) + 'static) {
    crate::view::dom::effect(move |_| {
        c.replace.track();
        if let Some(next) = c.replace.try_update_untracked(Option::take).flatten() {
            put(next);
        }
    });
}

/// The visitor's storage, only on their own top-level page: a page framed by another (with or without
/// `embed=1`) neither reads nor writes their saved scenario or theme.
pub(crate) fn storage() -> Option<web_sys::Storage> {
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

pub(crate) fn search() -> String {
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
