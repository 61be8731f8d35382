//! Notices about input the page could not use (bad link parameters, unreadable saved scenario).

use crate::app::ctx;
use leptos::prelude::*;

#[component]
pub fn Notices() -> impl IntoView {
    let c = ctx();
    view! {
        <Show when=move || c.notices.with(|n| !n.is_empty())>
            <div class="notice" role="alert" data-notice="">
                <ul>
                    {move || c.notices.get().into_iter().map(|n| view! { <li>{n}</li> }).collect_view()}
                </ul>
                <button type="button" on:click=move |_| c.notices.set(Vec::new())>"Dismiss"</button>
            </div>
        </Show>
    }
}
