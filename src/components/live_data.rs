//! "Use live network data": on click (never at load) fetches mempool.space and, only if all four values
//! are valid, sets BTC price, network hashrate, block height and fees in one scenario update. A badge
//! says where the market inputs come from; failures leave everything as it was and say why.
//!
//! Part of the inputs: markup here, the button calls [`on_click`], and [`patch_badge`] follows the scenario
//! (the badge says "edited" once a live value is changed).

use crate::ctx::Ctx;
use crate::format::Txt;
use crate::live::{fetch_live, now_label, now_ms};
use crate::model::Scenario;
use crate::state::live::{
    ask_message, badge_text, cooldown_left_s, decide, wait_after_ms, LiveApplied, LiveDecision, COOLDOWN_MS,
};
use crate::state::presets::{holds, snapshot_badge};
use crate::view::dom::{on, set_attr, set_opt_attr, set_text, Dom, Ev};
use crate::view::{Html, Slot};
use crate::view::parts::status_line;
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
    apply_anyway: Slot,
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
    h.close("p").open("button", "type=\"button\" data-action=\"live-apply\" hidden");
    let apply_anyway = h.slot();
    h.text("Apply the live data anyway").close("button").close("div");
    LiveSlots { button, badge, status, error, apply_anyway }
}

/// The block's state; shared by the click, the ticker, the fetch and the scenario effect.
#[derive(Default)]
struct State {
    loading: bool,
    /// The message of the last failure ("" if none, or once an attempt succeeds or starts).
    error: String,
    /// The status line ("Asking mempool.space…", "Applied live …" or "").
    info: &'static str,
    /// Valid live values that wait for the user's word (`state::live::decide`).
    pending: Option<Pending>,
    last_attempt: Option<f64>,
    /// The wait from `last_attempt` before the button is on again (`state::live::wait_after_ms`).
    wait_ms: f64,
    ticker: Option<IntervalHandle>,
}

/// Live values waiting for "Apply anyway": the values and when they were fetched, and the scenario they were
/// weighed against (an edit since makes that comparison stale).
struct Pending {
    live: LiveApplied,
    against: Scenario,
}

/// The block in the document and its state.
#[derive(Clone)]
pub struct Live {
    button: Element,
    badge: Element,
    status: Element,
    error: Element,
    apply_anyway: Element,
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
            apply_anyway: dom.el(slots.apply_anyway),
            state: Rc::new(RefCell::new(State::default())),
        };
        let me = live.clone();
        on(&live.button, Ev::Click, move |_| on_click(c, &me));
        let me = live.clone();
        on(&live.apply_anyway, Ev::Click, move |_| {
            let pending = me.state.borrow_mut().pending.take();
            let outcome = pending.map_or(Ok(()), |p| apply(c, p.live));
            settle(&me, outcome);
        });
        live
    }
}

/// Live while the four inputs still hold the fetched values, "edited" once one of them changes; before any
/// live values, the date of the preset the scenario is.
pub fn patch_badge(l: &Live, s: &Scenario, applied: Option<&LiveApplied>) {
    let Some(LiveApplied { values: v, at }) = applied else {
        set_text(&l.badge, &snapshot_badge(s));
        return;
    };
    let same = holds(s, &v.pairs());
    let text = badge_text(at);
    set_attr(&l.badge, "data-live-badge", "live");
    set_text(&l.badge, &if same { text } else { [text.as_str(), " · edited"].concat() });
}

/// Drops live values waiting for "Apply anyway" once the scenario they were weighed against changes: the
/// warning compared them with values no longer in force, and applying them would overwrite the newer edit.
pub fn drop_stale_pending(l: &Live, s: &Scenario) {
    {
        let mut st = l.state.borrow_mut();
        if st.pending.as_ref().is_none_or(|p| p.against == *s) {
            return;
        }
        st.pending = None;
        st.error = "The live values that were waiting were set aside: the values they were compared with have changed since. Fetch them again to compare.".into();
    }
    render(l);
}

/// Button (label, busy, off while loading or within the wait), status line and error. Off is `aria-disabled`,
/// not `disabled`: a disabled button loses the keyboard focus to the page's start, and `on_click` ignores
/// the clicks anyway.
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
    set_opt_attr(&l.button, "aria-disabled", off.then_some("true"));
    set_text(&l.status, st.info);
    set_text(&l.error, &st.error);
    set_opt_attr(&l.apply_anyway, "hidden", st.pending.is_none().then_some(""));
}

/// Puts live values in force, rounded to what the data supports, in one update (`set` validates again, so a
/// refusal changes nothing).
fn apply(c: Ctx, live: LiveApplied) -> Result<(), String> {
    let values = live.values.rounded();
    let mut next = c.scenario.get_untracked();
    values
        .pairs()
        .iter()
        .try_for_each(|&(k, v)| next.set(k, v))
        .map_err(|e| Txt::default().t("Live data not applied (nothing changed). ").s(e.message()).t(".").0)?;
    c.live.set(Some(LiveApplied { values, at: live.at }));
    c.scenario.set(next);
    Ok(())
}

/// The status line after an attempt: applied, waiting for the user's word, or why not.
fn settle(l: &Live, outcome: Result<(), String>) {
    {
        let mut st = l.state.borrow_mut();
        match outcome {
            Ok(()) => {
                st.info = APPLIED;
                st.error.clear();
            }
            Err(m) => {
                st.info = "";
                st.error = m;
            }
        }
    }
    render(l);
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
                let fetched = LiveApplied { values, at: now_label().unwrap_or_default() };
                match c.scenario.with_untracked(|s| decide(&fetched.values, s, now_ms() / 1000.0)) {
                    LiveDecision::Apply => apply(c, fetched),
                    // Implausible, or far from the values in force: said, and applied only on the user's word.
                    LiveDecision::Ask(concerns) => {
                        let against = c.scenario.get_untracked();
                        l.state.borrow_mut().pending = Some(Pending { live: fetched, against });
                        Err(ask_message(&concerns))
                    }
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
            st.wait_ms = wait_after_ms(outcome.is_ok() || st.pending.is_some(), rate_limited);
        }
        settle(&l, outcome);
    });
}
