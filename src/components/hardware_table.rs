//! Chart 4: every preset machine at the current network, fee, uptime and power price — which ones are
//! underwater today (the article's "shutting down less efficient hardware").

use crate::app::ctx;
use crate::components::kpi_defs::{show, Fmt};
use crate::format::{num, pct, usd_kwh};
use crate::state::insights::hardware_table;
use crate::state::presets::{machine_presets, MachinePreset};
use leptos::prelude::*;

#[component]
pub fn HardwareTable() -> impl IntoView {
    let c = ctx();
    let presets = StoredValue::new(machine_presets());
    let rows = Memo::new(move |_| c.scenario.with(|s| presets.with_value(|p| hardware_table(s, p))));
    let apply = move |model: String| {
        let preset: Option<MachinePreset> = presets.with_value(|p| p.iter().find(|m| m.model == model).cloned());
        if let Some(m) = preset {
            let mut next = c.scenario.get_untracked();
            if m.apply(&mut next).is_ok() {
                c.scenario.set(next);
            }
        }
    };
    let underwater = move || rows.with(|r| r.iter().filter(|r| r.underwater).count());
    view! {
        <section class="card" id="hardware" aria-labelledby="hardware-h">
            <h2 id="hardware-h">"Which machines are underwater now"</h2>
            <p class="muted">
                {move || num(underwater() as f64, 0)}
                " of "
                {move || num(rows.with(|r| r.len()) as f64, 0)}
                " current models lose money on power at "
                {move || c.scenario.with(|s| usd_kwh(s.power_price_usd_kwh))}
                "/kWh today. Sorted by breakeven power price, most resilient first."
            </p>
            <div class="table-scroll">
                <table class="hardware">
                    <thead>
                        <tr>
                            <th scope="col">"Machine"</th>
                            <th scope="col">"Status"</th>
                            <th scope="col">"Breakeven power"</th>
                            <th scope="col">"Day-0 margin"</th>
                            <th scope="col">"Shutdown hashprice"</th>
                            <th scope="col">"J/TH"</th>
                        </tr>
                    </thead>
                    <tbody>
                        {move || rows.get().into_iter().map(|r| {
                            let model = r.model.clone();
                            let current = c.scenario.with(|s| s.machine_efficiency_jth == r.efficiency_jth && s.machine_hashrate_ths == r.hashrate_ths);
                            view! {
                                <tr class:underwater=r.underwater class:current=current>
                                    <th scope="row">
                                        <button type="button" class="link" title="Use this machine" on:click=move |_| apply(model.clone())>{r.model.clone()}</button>
                                        {current.then(|| view! { <span class="tag">"selected"</span> })}
                                    </th>
                                    <td class="status-cell">{if r.underwater { "▼ underwater" } else { "▲ profitable" }}</td>
                                    <td>{show(Fmt::UsdKwh, r.breakeven_power_price_usd_kwh)}</td>
                                    <td>{r.gross_margin_pct.map(pct).unwrap_or_else(|| "none".into())}</td>
                                    <td>{show(Fmt::UsdPerPhDay, r.shutdown_hashprice_usd_per_ph_day)}</td>
                                    <td>{num(r.efficiency_jth, 1)}</td>
                                </tr>
                            }
                        }).collect_view()}
                    </tbody>
                </table>
            </div>
        </section>
    }
}
