//! "Use live network data": on click (never at load) fetches mempool.space and, only if all four values
//! are valid, sets BTC price, network hashrate, block height and fees in one scenario update. A badge
//! says where the market inputs come from; failures leave everything as it was and say why.
//!
//! Part of the inputs: markup here, the button calls [`on_click`], and [`patch_badge`] follows the scenario
//! (the badge says "edited" once a live value is changed).

use crate::app::Ctx;
use crate::format::Txt;
use crate::view::dom::{on, set_attr, set_opt_attr, set_text, Dom, Ev};
use crate::view::parts::status_line;
use crate::view::{Html, Slot};
use crate::live::{fetch_live, now_label, now_ms};
use crate::model::Scenario;
use crate::state::live::{badge_text, cooldown_left_s, wait_after_ms, LiveValues, COOLDOWN_MS};
use crate::state::presets::snapshot_badge;
use leptos::prelude::*;
use std::cell::RefCell;
use std::rc::Rc;
use std::time::Duration;
use web_sys::Element;

const TITLE: &str =
    "Fetch BTC price, network hashrate, block height and fees from mempool.space (at most once a minute; after a failure, again in 10 s)";
const APPLIED: &str =
    "Applied live BTC price, network hashrate, block height and fees from mempool.space (still editable).";

#[derive(Clone, Copy)]
pub struct LiveSlots {
    button: Slot,
    badge: Slot,
    status: Slot,
    error: Slot,
}

/// Writes the block (idle: nothing fetched yet).
pub fn markup(h: &mut Html, s: &Scenario) -> LiveSlots {
    h.raw("<div class=\"live-data\" data-live=\"\"><div class=\"live-actions\">");
    h.open("button", "type=\"button\" data-action=\"live-data\" aria-busy=\"false\"").attr("title", TITLE);
    let button = h.slot();
    h.text("Use live network data").close("button").open("span", "class=\"live-badge\" data-live-badge=\"snapshot\"");
    let badge = h.slot();
    h.text(&snapshot_badge(s)).close("span").close("div");
    let status = status_line(h, Some("data-live-status"));
    h.open("p", "class=\"live-error\" role=\"alert\" data-live-error=\"\"");
    let error = h.slot();
    h.close("p").close("div");
    LiveSlots { button, badge, status, error }
}

/// The block's state; shared by the click, the ticker, the fetch and the scenario effect.
#[derive(Default)]
struct State {
    loading: bool,
    /// The message of the last failure ("" if none, or once an attempt succeeds or starts).
    error: String,
    /// The status line ("Asking mempool.space…", "Applied live …" or "").
    info: &'static str,
    /// The values last applied and when ("14:05 UTC, 2026-11-24").
    applied: Option<(LiveValues, String)>,
    last_attempt: Option<f64>,
    /// The wait from `last_attempt` before the button is on again (`state::live::wait_after_ms`).
    wait_ms: f64,
    ticker: Option<IntervalHandle>,
}

/// The block in the document and its state.
#[derive(Clone)]
pub struct Live {
    button: Element,
    badge: Element,
    status: Element,
    error: Element,
    state: Rc<RefCell<State>>,
}

impl Live {
    /// The block of `slots`; its button fetches.
    pub fn new(c: Ctx, dom: &Dom, slots: LiveSlots) -> Live {
        let live = Live {
            button: dom.el(slots.button),
            badge: dom.el(slots.badge),
            status: dom.el(slots.status),
            error: dom.el(slots.error),
            state: Rc::new(RefCell::new(State::default())),
        };
        let me = live.clone();
        on(&live.button, Ev::Click, move |_| on_click(c, &me));
        live
    }
}

/// Live while the four inputs still hold the fetched values, "edited" once one of them changes; before any
/// live values, the date of the preset the scenario is.
pub fn patch_badge(l: &Live, s: &Scenario) {
    let st = l.state.borrow();
    let Some((v, at)) = &st.applied else {
        set_text(&l.badge, &snapshot_badge(s));
        return;
    };
    let same = s.btc_price_usd == v.btc_price_usd
        && s.network_hashrate_ehs == v.network_hashrate_ehs
        && s.block_height == v.block_height
        && s.fees_btc_per_block == v.fees_btc_per_block;
    let text = badge_text(at);
    set_attr(&l.badge, "data-live-badge", "live");
    set_text(&l.badge, &if same { text } else { [text.as_str(), " · edited"].concat() });
}

/// Button (label, busy, disabled while loading or within the wait), status line and error.
fn render(l: &Live) {
    let st = l.state.borrow();
    let wait = cooldown_left_s(st.last_attempt, now_ms(), st.wait_ms);
    let label = if st.loading {
        "Fetching live data…".to_string()
    } else if wait > 0 {
        Txt::default().t("Use live network data (again in ").s(wait.to_string()).t(" s)").0
    } else {
        "Use live network data".to_string()
    };
    let off = st.loading || wait > 0;
    set_text(&l.button, &label);
    set_attr(&l.button, "aria-busy", if st.loading { "true" } else { "false" });
    set_opt_attr(&l.button, "disabled", off.then_some(""));
    set_text(&l.status, st.info);
    set_text(&l.error, &st.error);
}

fn stop_ticker(l: &Live) {
    if let Some(h) = l.state.borrow_mut().ticker.take() {
        h.clear();
    }
}

/// Counts the wait down once per second, then stops.
fn start_ticker(l: &Live) {
    stop_ticker(l);
    let me = l.clone();
    let handle = set_interval_with_handle(
        move || {
            render(&me);
            let st = me.state.borrow();
            let done = cooldown_left_s(st.last_attempt, now_ms(), st.wait_ms) == 0;
            drop(st);
            if done {
                stop_ticker(&me);
            }
        },
        Duration::from_secs(1),
    )
    .ok();
    l.state.borrow_mut().ticker = handle;
}

/// The button: at most one fetch a minute (10 s after a failure that was not a 429); all four values or nothing.
fn on_click(c: Ctx, l: &Live) {
    let t = now_ms();
    {
        let mut st = l.state.borrow_mut();
        if st.loading || cooldown_left_s(st.last_attempt, t, st.wait_ms) > 0 {
            return;
        }
        st.last_attempt = Some(t);
        st.wait_ms = COOLDOWN_MS;
        st.loading = true;
        st.info = "Asking mempool.space…";
        st.error.clear();
    }
    render(l);
    start_ticker(l);
    let l = l.clone();
    leptos::task::spawn_local(async move {
        let mut rate_limited = false;
        let outcome = match fetch_live().await {
            Ok(values) => {
                // All four in one update; `set` validates again, so a refusal changes nothing.
                let mut next = c.scenario.get_untracked();
                match values.pairs().iter().try_for_each(|&(k, v)| next.set(k, v)) {
                    Ok(()) => {
                        l.state.borrow_mut().applied = Some((values, now_label().unwrap_or_default()));
                        c.scenario.set(next);
                        Ok(())
                    }
                    Err(e) => Err(Txt::default()
                        .t("Live data not applied (nothing changed). ")
                        .s(e.message())
                        .t(".")
                        .0),
                }
            }
            Err(e) => {
                rate_limited = e.rate_limited();
                Err(e.message())
            }
        };
        {
            let mut st = l.state.borrow_mut();
            st.loading = false;
            st.wait_ms = wait_after_ms(outcome.is_ok(), rate_limited);
            match outcome {
                Ok(()) => st.info = APPLIED,
                Err(m) => {
                    st.info = "";
                    st.error = m;
                }
            }
        }
        render(&l);
        c.scenario.with_untracked(|s| patch_badge(&l, s));
    });
}
