//! "Embed": a ready `<iframe>` snippet for the current scenario (embed mode, chosen panels), copied to the
//! clipboard and shown in a text area for when the clipboard is blocked.

use crate::app::ctx;
use crate::export::{embed_snippet, embed_url};
use crate::format::plain;
use crate::page::SECTIONS;
use crate::state::query::to_query;
use leptos::prelude::*;
use wasm_bindgen_futures::JsFuture;

fn section_label(s: &str) -> &'static str {
    match s {
        "kpis" => "Key results",
        "inputs" => "Inputs",
        "headline" => "Headline check",
        "cash" => "Cash chart",
        "hashprice" => "Hashprice chart",
        "monthly" => "Monthly cash chart",
        "hardware" => "Hardware table",
        "hpc" => "Mining vs AI/HPC",
        "risk" => "Risk",
        "results" => "All results",
        _ => "Section",
    }
}

/// Selects a text area's text (`HTMLTextAreaElement.select()`), so a blocked clipboard is one Ctrl+C away.
fn select_all(target: Option<web_sys::EventTarget>) {
    use js_sys::{Function, Reflect};
    use wasm_bindgen::{JsCast, JsValue};
    let Some(t) = target else { return };
    if let Some(f) = Reflect::get(&t, &JsValue::from_str("select")).ok().and_then(|f| f.dyn_into::<Function>().ok()) {
        let _ = f.call0(&t);
    }
}

#[component]
pub fn EmbedButton() -> impl IntoView {
    let c = ctx();
    let open = RwSignal::new(false);
    let status = RwSignal::new(String::new());
    let chosen = RwSignal::new(SECTIONS.to_vec());
    let snippet = Memo::new(move |_| {
        let href = window().location().href().unwrap_or_default();
        let query = c.scenario.with(|s| to_query(s, &plain));
        let url = chosen.with(|p| {
            let panels = (p.len() < SECTIONS.len()).then_some(p.as_slice());
            embed_url(&href, panels, &query)
        });
        embed_snippet(&url, "hashprice-calculator")
    });
    let copy = move || {
        let promise = window().navigator().clipboard().write_text(&snippet.get_untracked());
        leptos::task::spawn_local(async move {
            match JsFuture::from(promise).await {
                Ok(_) => status.set("Embed code copied to the clipboard.".into()),
                Err(_) => status.set("The browser blocked the clipboard: select the code below and copy it.".into()),
            }
        });
    };
    let toggle = move |_| {
        let now = !open.get_untracked();
        open.set(now);
        if now {
            copy();
        } else {
            status.set(String::new());
        }
    };
    let checkbox = move |s: &'static str| {
        let on = move || chosen.with(|p| p.contains(&s));
        let change = move |_| {
            chosen.update(|p| {
                if p.contains(&s) {
                    p.retain(|x| *x != s);
                } else {
                    p.push(s);
                    p.sort_by_key(|x| SECTIONS.iter().position(|y| y == x));
                }
            })
        };
        view! {
            <label class="embed-panel"><input type="checkbox" name="embed-panel" value=s prop:checked=on on:change=change/>{section_label(s)}</label>
        }
    };
    view! {
        <div class="embed-button">
            <button type="button" data-action="embed" aria-expanded=move || open.get().to_string() aria-controls="embed-dialog" on:click=toggle>
                "Embed"
            </button>
            <Show when=move || open.get()>
                <div class="menu-body embed-dialog" id="embed-dialog" role="group" aria-labelledby="embed-title">
                    <p id="embed-title" class="embed-title">"Embed this scenario in your site"</p>
                    <fieldset class="embed-panels">
                        <legend>"Show"</legend>
                        {SECTIONS.iter().map(|&s| checkbox(s)).collect_view()}
                    </fieldset>
                    <label for="embed-code">"Embed code (an iframe that sizes itself)"</label>
                    <textarea id="embed-code" name="embed-code" readonly rows="7" spellcheck="false"
                        prop:value=move || snippet.get()
                        on:focus=move |ev| select_all(ev.target())></textarea>
                    <div class="embed-actions">
                        <button type="button" class="primary" data-action="copy-embed" on:click=move |_| copy()>"Copy code"</button>
                        <button type="button" on:click=move |_| { open.set(false); status.set(String::new()); }>"Close"</button>
                    </div>
                    <p class="status" role="status" aria-live="polite">{move || status.get()}</p>
                </div>
            </Show>
        </div>
    }
}
