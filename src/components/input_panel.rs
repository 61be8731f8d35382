//! A collapsible group of inputs (`<details>` works without script and is accessible).

use crate::app::ctx;
use crate::components::input_row::InputRow;
use crate::components::machine_picker::MachinePicker;
use crate::components::live_data::LiveData;
use crate::fields::{find, Panel, FIELDS};
use leptos::prelude::*;

#[component]
pub fn InputPanel(panel: Panel) -> impl IntoView {
    let c = ctx();
    // Difficulty sits under network hashrate and watts under efficiency: each follows the other.
    let follower = |key: &str| match key {
        "network_hashrate_ehs" => find("difficulty_t"),
        "machine_efficiency_jth" => find("machine_power_w"),
        _ => None,
    };
    let rows = FIELDS
        .iter()
        .filter(|f| f.panel == panel)
        .flat_map(|f| std::iter::once(f).chain(follower(f.key)))
        .map(|f| view! { <InputRow field=f/> })
        .collect_view();
    let curtail = (panel == Panel::Projection).then(|| {
        view! {
            <div class="input-row check-row">
                <label>
                    <input
                        type="checkbox"
                        name="curtail_when_unprofitable"
                        prop:checked=move || c.scenario.with(|s| s.curtail_when_unprofitable)
                        on:change=move |ev| {
                            let on = event_target_checked(&ev);
                            c.scenario.update(|s| s.curtail_when_unprofitable = on);
                        }
                    />
                    " Switch machines off on days that lose money on power (curtail)"
                </label>
            </div>
        }
    });
    let machines = (panel == Panel::Machine).then(|| view! { <MachinePicker/> });
    view! {
        <details class="panel" id=format!("panel-{}", panel.id()) open=panel != Panel::Risk>
            <summary>{panel.title()}</summary>
            {(panel == Panel::Market && c.page.with_value(|p| p.live)).then(|| view! { <LiveData/> })}
            {machines}
            {rows}
            {curtail}
        </details>
    }
}
