//! Chart 4: every preset machine at the current network, fee, uptime and power price — which ones are
//! underwater today (the article's "shutting down less efficient hardware").

use crate::app::ctx;
use crate::components::kpi_defs::{show, Fmt};
use crate::format::{num, pct, usd_kwh};
use crate::state::insights::hardware_table;
use crate::state::presets::{machine_presets, MachinePreset};
use crate::chart::push_escaped;
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
    let body = move || {
        let (th, e) = c.scenario.with(|s| (s.machine_hashrate_ths, s.machine_efficiency_jth));
        rows.with(|rows| {
            let mut out = String::with_capacity(rows.len() * 400);
            for r in rows {
                let current = r.efficiency_jth == e && r.hashrate_ths == th;
                let mut class = String::new();
                if r.underwater {
                    class.push_str("underwater ");
                }
                if current {
                    class.push_str("current");
                }
                out.push_str("<tr class=\"");
                out.push_str(&class);
                out.push_str("\"><th scope=\"row\"><button type=\"button\" class=\"link\" title=\"Use this machine\" data-model=\"");
                push_escaped(&mut out, &r.model);
                out.push_str("\">");
                push_escaped(&mut out, &r.model);
                out.push_str("</button>");
                if current {
                    out.push_str("<span class=\"tag\">selected</span>");
                }
                out.push_str("</th>");
                let status = if r.underwater { "▼ underwater" } else { "▲ profitable" };
                let cells = [
                    show(Fmt::UsdKwh, r.breakeven_power_price_usd_kwh),
                    r.gross_margin_pct.map(pct).unwrap_or_else(|| "none".into()),
                    show(Fmt::UsdPerPhDay, r.shutdown_hashprice_usd_per_ph_day),
                    num(r.efficiency_jth, 1),
                ];
                out.push_str("<td class=\"status-cell\">");
                out.push_str(status);
                out.push_str("</td>");
                for cell in cells {
                    out.push_str("<td>");
                    push_escaped(&mut out, &cell);
                    out.push_str("</td>");
                }
                out.push_str("</tr>");
            }
            out
        })
    };
    let on_click = move |ev: leptos::ev::MouseEvent| {
        use wasm_bindgen::JsCast;
        let model = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .and_then(|el| el.closest("button[data-model]").ok().flatten())
            .and_then(|b| b.get_attribute("data-model"));
        if let Some(model) = model {
            apply(model);
        }
    };
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
                    // Rows as markup (13 rows change on every input); one click handler reads data-model.
                    <tbody on:click=on_click inner_html=body></tbody>
                </table>
            </div>
        </section>
    }
}
