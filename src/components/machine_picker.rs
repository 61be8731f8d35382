//! One-click machine presets (from `data/machines.csv`); picking one sets hashrate, efficiency and price.

use crate::app::ctx;
use crate::format::num;
use crate::state::presets::machine_presets;
use leptos::prelude::*;

#[component]
pub fn MachinePicker() -> impl IntoView {
    let c = ctx();
    let presets = StoredValue::new(machine_presets());
    let selected = move || {
        c.scenario.with(|s| presets.with_value(|p| p.iter().position(|m| m.matches(s)).map(|i| i.to_string()).unwrap_or_default()))
    };
    let note = move || {
        c.scenario.with(|s| {
            presets.with_value(|p| {
                p.iter().find(|m| m.matches(s)).map(|m| {
                    [&m.cooling, " cooling · ", &num(m.power_w, 0), " W · price: ", &m.price_note].concat()
                })
            })
        })
    };
    let on_change = move |ev: leptos::ev::Event| {
        let chosen = event_target_value(&ev).parse::<usize>().ok();
        if let Some(m) = chosen.and_then(|i| presets.with_value(|p| p.get(i).cloned())) {
            let mut next = c.scenario.get_untracked();
            if m.apply(&mut next).is_ok() {
                c.scenario.set(next);
            }
        }
    };
    view! {
        <div class="input-row machine-picker">
            <label for="machine-preset">"Machine model"</label>
            <select id="machine-preset" name="machine_preset" on:change=on_change prop:value=selected>
                <option value="">"Custom"</option>
                {presets.with_value(|p| p.iter().enumerate().map(|(i, m)| view! {
                    <option value=i.to_string()>{[m.model.as_str(), " · ", &num(m.hashrate_ths, 0), " TH/s · ", &num(m.efficiency_jth, 1), " J/TH"].concat()}</option>
                }).collect_view())}
            </select>
            <p class="help">{move || note().unwrap_or_else(|| "Custom machine: set TH/s and either J/TH or watts below.".into())}</p>
        </div>
    }
}
