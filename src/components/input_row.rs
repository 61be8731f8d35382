//! One numeric input: label with unit, a text field that accepts the whole valid range, and a slider
//! over the common range. A bad value shows a message under the field and leaves the model untouched.

use crate::app::ctx;
use crate::fields::{read, write, Field, FIELDS};
use crate::format::{fixed, plain};
use crate::state::query::parse_user_number;
use leptos::prelude::*;

#[component]
pub fn InputRow(field: &'static Field) -> impl IntoView {
    let c = ctx();
    let key = field.key;
    let value = Memo::new(move |_| c.scenario.with(|s| read(key, s)));
    // Scenario inputs show their exact value; derived rows (difficulty, watts) a rounded one.
    let derived = !FIELDS.iter().any(|f| f.key == key);
    let shown = move |v: f64| if derived { fixed(v, field.decimals) } else { plain(v) };
    let tolerance = if derived { 0.5 * 10f64.powi(-(field.decimals as i32)) } else { 0.0 };
    let text = RwSignal::new(shown(value.get_untracked()));
    let error = RwSignal::new(None::<String>);

    // Follow changes made elsewhere (slider, preset, URL) unless the field already says the same number.
    Effect::new(move |_| {
        let v = value.get();
        let same = text.with_untracked(|t| parse_user_number(t).is_some_and(|x| (x - v).abs() <= tolerance));
        if !same {
            text.set(shown(v));
            error.set(None);
        }
    });

    let apply = move |raw: &str| -> Result<(), String> {
        let v = parse_user_number(raw).ok_or_else(|| "Enter a number, e.g. 95000".to_string())?;
        let mut next = c.scenario.get_untracked();
        write(key, &mut next, v).map_err(|e| capitalise(&e.reason))?;
        c.scenario.set(next);
        Ok(())
    };

    let on_text = move |ev: leptos::ev::Event| {
        let raw = event_target_value(&ev);
        text.set(raw.clone());
        error.set(apply(&raw).err());
    };
    let on_slider = move |ev: leptos::ev::Event| {
        let raw = event_target_value(&ev);
        if apply(&raw).is_ok() {
            text.set(raw);
            error.set(None);
        }
    };

    let input_id = format!("in-{key}");
    let error_id = format!("err-{key}");
    let help_id = format!("help-{key}");
    let described = format!("{error_id} {help_id}");
    view! {
        <div class="input-row" class:invalid=move || error.with(|e| e.is_some())>
            <label for=input_id.clone()>
                <span class="label">{field.label}</span>
                <span class="unit">{field.unit}</span>
            </label>
            <input
                id=input_id
                class="num"
                type="text"
                inputmode="decimal"
                autocomplete="off"
                spellcheck="false"
                name=key
                aria-describedby=described
                aria-invalid=move || if error.with(|e| e.is_some()) { "true" } else { "false" }
                prop:value=move || text.get()
                on:input=on_text
            />
            <input
                class="slider"
                type="range"
                name=key
                min=plain(field.slider_min)
                max=plain(field.slider_max)
                step=plain(field.step)
                aria-label=field.label
                prop:value=move || value.get()
                on:input=on_slider
            />
            <p class="error" id=error_id role="alert">{move || error.get().unwrap_or_default()}</p>
            <p class="help" id=help_id>
                {field.help}
                {move || c.scenario.with(|s| live_note(key, s)).map(|n| view! { " " <span class="live-note">{n}</span> })}
            </p>
        </div>
    }
}

/// Help that depends on the current value: subsidy and next halving, growth per difficulty adjustment.
fn live_note(key: &str, s: &crate::model::Scenario) -> Option<String> {
    use crate::format::num;
    use crate::model::constants::growth_pct_per_adjustment;
    use crate::state::insights::{current_subsidy_btc, days_to_next_halving, next_halving_height};
    match key {
        "block_height" => Some(
            [
                "Subsidy now ",
                &num(current_subsidy_btc(s.block_height), 4),
                " BTC; next halving at block ",
                &num(next_halving_height(s.block_height), 0),
                ", in about ",
                &num(days_to_next_halving(s.block_height), 0),
                " days.",
            ]
            .concat(),
        ),
        "hashrate_growth_pct_month" => Some(
            [
                "≈ ",
                &num(growth_pct_per_adjustment(s.hashrate_growth_pct_month), 3),
                "% per difficulty adjustment (every 2,016 blocks).",
            ]
            .concat(),
        ),
        "machine_count" => Some(
            [
                "Fleet: ",
                &crate::components::kpi_defs::show(
                    crate::components::kpi_defs::Fmt::Kw,
                    s.machine_count * s.machine_hashrate_ths * s.machine_efficiency_jth / 1000.0,
                ),
                " of power.",
            ]
            .concat(),
        ),
        _ => None,
    }
}

/// Upper-cases the first letter (messages start with an ASCII word; no Unicode case tables in the WASM).
fn capitalise(s: &str) -> String {
    let mut out = s.to_string();
    if let Some(first) = out.get_mut(0..1) {
        first.make_ascii_uppercase();
    }
    out
}
