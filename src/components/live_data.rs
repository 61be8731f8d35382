//! "Use live network data": on click (never at load) fetches mempool.space and, only if all four values
//! are valid, sets BTC price, network hashrate, block height and fees in one scenario update. A badge
//! says where the market inputs come from; failures leave everything as it was and say why.

use crate::app::ctx;
use crate::live::{fetch_live, now_label, now_ms};
use crate::state::live::{badge_text, cooldown_left_s, LiveValues};
use leptos::prelude::*;
use std::time::Duration;

#[derive(Clone, Debug, PartialEq)]
enum Status {
    Idle,
    Loading,
    Applied,
    Failed(String),
}

#[component]
pub fn LiveData() -> impl IntoView {
    let c = ctx();
    let status = RwSignal::new(Status::Idle);
    // The values last applied and when ("14:05 UTC, 2026-11-24").
    let applied = RwSignal::new(None::<(LiveValues, String)>);
    let last_attempt = RwSignal::new(None::<f64>);
    let now = RwSignal::new(now_ms());
    let ticker = StoredValue::new_local(None::<IntervalHandle>);

    let wait_s = Memo::new(move |_| cooldown_left_s(last_attempt.get(), now.get()));
    let stop_ticker = move || {
        if let Some(h) = ticker.try_update_value(|t| t.take()).flatten() {
            h.clear();
        }
    };
    on_cleanup(stop_ticker);

    // Counts the minute down once per second, then stops.
    let start_ticker = move || {
        stop_ticker();
        let handle = set_interval_with_handle(
            move || {
                let t = now_ms();
                let _ = now.try_set(t);
                if cooldown_left_s(last_attempt.get_untracked(), t) == 0 {
                    stop_ticker();
                }
            },
            Duration::from_secs(1),
        )
        .ok();
        ticker.set_value(handle);
    };

    let on_click = move |_| {
        let t = now_ms();
        if status.get_untracked() == Status::Loading || cooldown_left_s(last_attempt.get_untracked(), t) > 0 {
            return;
        }
        last_attempt.set(Some(t));
        now.set(t);
        status.set(Status::Loading);
        start_ticker();
        leptos::task::spawn_local(async move {
            let outcome = match fetch_live().await {
                Ok(values) => {
                    // All four in one update; `set` validates again, so a refusal changes nothing.
                    let mut next = c.scenario.get_untracked();
                    match values.pairs().iter().try_for_each(|&(k, v)| next.set(k, v)) {
                        Ok(()) => {
                            c.scenario.set(next);
                            let _ = applied.try_set(Some((values, now_label().unwrap_or_default())));
                            Status::Applied
                        }
                        Err(e) => Status::Failed(
                            ["Live data not applied (nothing changed). ", &e.message(), "."].concat(),
                        ),
                    }
                }
                Err(e) => Status::Failed(e.message()),
            };
            let _ = status.try_set(outcome);
        });
    };

    // Live while the four inputs still hold the fetched values; "edited" once one of them changes.
    let badge = move || {
        applied.with(|a| match a {
            None => badge_text(None),
            Some((v, at)) => {
                let same = c.scenario.with(|s| {
                    s.btc_price_usd == v.btc_price_usd
                        && s.network_hashrate_ehs == v.network_hashrate_ehs
                        && s.block_height == v.block_height
                        && s.fees_btc_per_block == v.fees_btc_per_block
                });
                let text = badge_text(Some(at));
                if same {
                    text
                } else {
                    [text.as_str(), " · edited"].concat()
                }
            }
        })
    };
    let is_live = move || applied.with(|a| a.is_some());
    let loading = move || status.with(|s| *s == Status::Loading);
    let busy_or_waiting = move || loading() || wait_s.get() > 0;
    let label = move || {
        let w = wait_s.get();
        if loading() {
            "Fetching live data…".to_string()
        } else if w > 0 {
            ["Use live network data (again in ", &w.to_string(), " s)"].concat()
        } else {
            "Use live network data".to_string()
        }
    };
    let info = move || match status.get() {
        Status::Applied => {
            "Applied live BTC price, network hashrate, block height and fees from mempool.space (still editable)."
                .to_string()
        }
        Status::Loading => "Asking mempool.space…".to_string(),
        _ => String::new(),
    };
    let error = move || match status.get() {
        Status::Failed(m) => m,
        _ => String::new(),
    };

    view! {
        <div class="live-data" data-live="">
            <div style="display:flex;flex-wrap:wrap;gap:0.5rem;align-items:center;margin:0.4rem 0">
                <button
                    type="button"
                    data-action="live-data"
                    aria-busy=move || if loading() { "true" } else { "false" }
                    disabled=busy_or_waiting
                    style:opacity=move || if busy_or_waiting() { "0.65" } else { "1" }
                    title="Fetch BTC price, network hashrate, block height and fees from mempool.space (at most once a minute)"
                    on:click=on_click
                >
                    {label}
                </button>
                <span
                    class="live-badge"
                    data-live-badge=move || if is_live() { "live" } else { "snapshot" }
                    style="font-size:0.8rem;padding:0.1rem 0.45rem;border:1px solid var(--border);border-radius:999px;color:var(--muted)"
                >
                    {badge}
                </span>
            </div>
            <p class="status" role="status" aria-live="polite" data-live-status="">{info}</p>
            <p class="live-error" role="alert" data-live-error="" style="margin:0;color:var(--loss);font-size:0.85rem">
                {error}
            </p>
        </div>
    }
}
