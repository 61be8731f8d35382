//! One KPI: label, formatted value, and "how is this computed?" with the current numbers.
//! `data-kpi` / `data-value` are stable hooks for tests and embedding hosts.

use crate::app::ctx;
use crate::components::kpi_defs::{show, KpiDef};
use crate::format::plain;
use leptos::prelude::*;

#[component]
pub fn Kpi(
    def: &'static KpiDef,
    /// The top strip: no formula (the results grid has it).
    #[prop(optional)]
    compact: bool,
    /// Carry the `data-kpi` / `data-value` hooks (false for the grid's copy of a strip KPI).
    #[prop(default = true)]
    hooks: bool,
) -> impl IntoView {
    let c = ctx();
    let key = def.key;
    let value = Memo::new(move |_| c.results.with(|r| r.as_ref().and_then(|r| r.value(key)).flatten()));
    let data_value = move || hooks.then(|| value.get().map(plain).unwrap_or_default());
    let text = move || match value.get() {
        Some(v) => show(def.fmt, v),
        None => c.scenario.with(|s| (def.none)(s)),
    };
    let sign = move || match value.get() {
        Some(v) if v < 0.0 && def.fmt == crate::components::kpi_defs::Fmt::Usd => "neg",
        _ => "",
    };
    // The formula text is built only while its <details> is open: most inputs never need it.
    let open = RwSignal::new(false);
    let formula = move || {
        if !open.get() {
            return String::new();
        }
        c.results.with(|r| match r {
            Some(r) => c.scenario.with(|s| (def.formula)(s, r)),
            None => String::new(),
        })
    };
    view! {
        <div class="kpi" data-kpi=hooks.then_some(key) data-value=data_value>
            <span class="kpi-label">{def.label}</span>
            <output class=move || ["kpi-value ", sign()].concat()>{text}</output>
            {(compact && key == "hashprice_usd_per_ph_day").then(|| view! {
                <span class="kpi-sub">
                    {move || c.results.with(|r| r.as_ref().map(|r| {
                        crate::format::num(r.snapshot.hashvalue_btc_per_ph_day * 1e8, 0) + " sats per PH/s per day"
                    }))}
                </span>
            })}
            {(!compact).then(|| view! {
                <details class="formula" on:toggle=move |ev| open.set(crate::components::chart_frame::details_open(&ev))>
                    <summary>"How is this computed?"</summary>
                    <p>{formula}</p>
                </details>
            })}
        </div>
    }
}
