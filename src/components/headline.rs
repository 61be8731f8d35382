//! The headline check: where hashprice crosses a threshold (the article's $35), in BTC price and in
//! network hashrate, said calmly next to what the article's own figures give.

use crate::app::ctx;
use crate::components::kpi_defs::{show, Fmt};
use crate::format::{num, usd_whole};
use crate::state::insights::headline;
use crate::state::query::parse_user_number;
use leptos::prelude::*;

#[component]
pub fn Headline() -> impl IntoView {
    let c = ctx();
    let threshold = RwSignal::new(35.0_f64);
    let threshold_error = RwSignal::new(false);
    let check = Memo::new(move |_| c.scenario.with(|s| headline(s, threshold.get())));
    let sentence = move || {
        let h = check.get();
        let t = show(Fmt::Usd, h.threshold_usd_per_ph_day);
        let (price, hashrate) = c.scenario.with(|s| (s.btc_price_usd, s.network_hashrate_ehs));
        let now = [
            "At ",
            &usd_whole(price),
            " and ",
            &num(hashrate, 0),
            " EH/s, hashprice is ",
            &show(Fmt::UsdPerPhDay, h.hashprice_usd_per_ph_day),
            if h.below { ", below " } else { ", above " },
            &t,
            ". ",
        ]
        .concat();
        let when = match (h.btc_price_below_usd, h.network_hashrate_above_ehs) {
            (Some(p), Some(n)) => [
                "It is below ",
                &t,
                " whenever BTC < ",
                &usd_whole(p),
                " at this hashrate, or network hashrate > ",
                &num(n, 0),
                " EH/s at this price.",
            ]
            .concat(),
            _ => "With no block reward there is no hashprice to compare.".to_string(),
        };
        now + &when
    };
    view! {
        <section class="card headline" id="headline" aria-labelledby="headline-h" data-below=move || check.get().below.to_string()>
            <h2 id="headline-h">"Headline check"</h2>
            <p class="headline-text" data-headline="">{sentence}</p>
            <p class="muted">
                "The November 2025 story said hashprice fell below $35 with BTC near $95k and hashrate past 1.1 ZH/s. "
                "Those figures give about $39: the $35.06 low of 22 Nov 2025 came with BTC near $84k (try the “Trough” preset)."
            </p>
            <label class="inline-field">
                "Threshold "
                <input
                    type="text"
                    inputmode="decimal"
                    class="num small"
                    name="headline_threshold"
                    aria-invalid=move || threshold_error.get().to_string()
                    prop:value="35"
                    on:input=move |ev| match parse_user_number(&event_target_value(&ev)).filter(|v| *v > 0.0) {
                        Some(v) => {
                            threshold.set(v);
                            threshold_error.set(false);
                        }
                        None => threshold_error.set(true),
                    }
                />
                " USD per PH/s per day"
            </label>
        </section>
    }
}
