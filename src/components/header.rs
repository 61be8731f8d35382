//! Page header: name, snapshot date, scenario presets, reset, share and theme.

use crate::app::{ctx, flush_url};
use crate::components::{embed_button::EmbedButton, export_menu::ExportMenu};
use crate::model::Scenario;
use crate::state::presets::SCENARIO_PRESETS;
use leptos::prelude::*;

#[component]
pub fn Header() -> impl IntoView {
    let c = ctx();
    let status = RwSignal::new(String::new());
    let on_preset = move |ev: leptos::ev::Event| {
        let id = event_target_value(&ev);
        if let Some(p) = SCENARIO_PRESETS.iter().find(|p| p.id == id) {
            let mut next = c.scenario.get_untracked();
            if p.apply(&mut next).is_ok() {
                c.scenario.set(next);
                status.set(["Applied preset: ", p.name].concat());
            }
        }
    };
    let selected = move || {
        c.scenario.with(|s| SCENARIO_PRESETS.iter().find(|p| p.matches(s)).map(|p| p.id).unwrap_or(""))
    };
    let copy_link = move |_| {
        let url = flush_url(&c.scenario.get_untracked(), c.page.with_value(|p| p.embed));
        let promise = window().navigator().clipboard().write_text(&url);
        leptos::task::spawn_local(async move {
            // Say what really happened: a blocked clipboard still leaves the link in the address bar.
            match wasm_bindgen_futures::JsFuture::from(promise).await {
                Ok(_) => status.set("Link copied: it reproduces this exact scenario.".into()),
                Err(_) => status.set(["The browser blocked the clipboard; the address bar holds the link: ", &url].concat()),
            }
        });
    };
    let theme_label = move || ["Theme: ", c.theme.get().label()].concat();
    view! {
        <header class="site-header">
            <div class="brand">
                <h1>"Hashprice & margin calculator"</h1>
                <p class="snapshot-note">"Network snapshot: Nov 2025 (edit any value)"</p>
            </div>
            <div class="header-actions">
                <label class="visually-hidden" for="preset-select">"Scenario preset"</label>
                <select id="preset-select" name="preset" on:change=on_preset prop:value=selected>
                    <option value="">"Presets…"</option>
                    {SCENARIO_PRESETS
                        .iter()
                        .map(|p| view! { <option value=p.id title=p.source>{p.name}</option> })
                        .collect_view()}
                </select>
                <button type="button" data-action="reset" on:click=move |_| {
                    c.scenario.set(Scenario::default());
                    status.set("Reset to the November 2025 defaults.".into());
                }>"Reset"</button>
                <button type="button" class="primary" data-action="copy-link" on:click=copy_link>"Copy link"</button>
                <EmbedButton/>
                <ExportMenu/>
                <button type="button" data-action="theme" on:click=move |_| c.theme.update(|t| *t = t.next())>
                    {theme_label}
                </button>
            </div>
            <p class="status" role="status" aria-live="polite">{move || status.get()}</p>
        </header>
    }
}
