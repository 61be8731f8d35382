//! "Assumptions": the inputs in force behind the panels on show, each with where it came from, the model's
//! conventions in one line and a forward-looking-statements note. An embed without the inputs panel shows
//! "NPV −$3.21M" with no sign of the price, power or horizon behind it, so embeds that show money figures carry
//! this card unless `assumptions=0` (`page::PageOptions::assumptions`).

use crate::fields;
use crate::format::{first_letter_case, num};
use crate::model::scenario::INPUTS;
use crate::model::Scenario;
use crate::state::presets::matching_preset;
use crate::state::words::group_name;
use crate::view::Html;

/// The inputs every money figure depends on, in reading order.
const BASE: &[&str] = &[
    "btc_price_usd",
    "network_hashrate_ehs",
    "fees_btc_per_block",
    "machine_hashrate_ths",
    "machine_efficiency_jth",
    "machine_count",
    "machine_price_usd_per_th",
    "power_price_usd_kwh",
    "uptime_pct",
    "pool_fee_pct",
    "horizon_months",
    "btc_price_growth_pct_year",
    "hashrate_growth_pct_month",
    "discount_rate_pct_year",
];
/// Added when the AI/HPC comparison shows.
const HPC: &[&str] = &["hpc_lease_usd_kw_month", "hpc_capex_usd_mw", "hpc_build_months", "hpc_lease_term_months"];
/// Added when the risk panel shows.
const RISK: &[&str] = &["btc_volatility_pct_year", "mc_paths"];
/// Added when the scenario has a loan.
const DEBT: &[&str] = &["debt_pct", "debt_apr_pct", "debt_term_months"];
/// The keys a network snapshot (a preset) sets.
const NETWORK: &[&str] = &["btc_price_usd", "network_hashrate_ehs", "fees_btc_per_block"];

pub const CONVENTIONS: &str =
    "Model: 144 blocks a day, difficulty follows network hashrate at once, steady price and hashrate drifts; US dollars.";

pub const FORWARD_LOOKING: &str =
    "Forward-looking figures: illustrations from the assumptions above, not forecasts or investment advice.";

/// One input in force, in words.
#[derive(Clone, Debug, PartialEq)]
pub struct Row {
    pub key: &'static str,
    pub label: String,
    pub value: String,
    pub source: String,
}

/// The inputs behind the panels `shows` lets through, with their sources: a network snapshot's name for the
/// values a preset set, "default" for the defaults; in an embed (`host`: what its host put in force) "set by the
/// host" for the host's values and "changed here" for the visitor's edits, on the page itself "set on this page".
/// Every input away from its default is listed (a second machine group, PUE, opex, curtailment off …): the card
/// must not hide an input the figures beside it rest on.
pub fn rows(s: &Scenario, shows: &dyn Fn(&str) -> bool, host: Option<&Scenario>) -> Vec<Row> {
    let defaults = Scenario::default();
    let preset = matching_preset(s);
    let mut keys: Vec<&'static str> = BASE.to_vec();
    if shows("hpc") {
        keys.extend_from_slice(HPC);
    }
    if shows("risk") {
        keys.extend_from_slice(RISK);
    }
    if s.debt_pct > 0.0 {
        keys.extend_from_slice(DEBT);
    }
    for spec in INPUTS {
        if !keys.contains(&spec.key) && s.get(spec.key) != defaults.get(spec.key) {
            keys.push(spec.key);
        }
    }
    keys.into_iter()
        .filter_map(|key| {
            let v = s.get(key)?;
            let (label, value) = label_and_value(key, v)?;
            let source = match preset.filter(|_| NETWORK.contains(&key)) {
                Some(p) => ["snapshot: ", p.name].concat(),
                None if Some(v) == defaults.get(key) => "default".into(),
                None => match host {
                    Some(h) if h.get(key) == Some(v) => "set by the host".into(),
                    Some(_) => "changed here".into(),
                    None => "set on this page".into(),
                },
            };
            Some(Row { key, label, value, source })
        })
        .collect()
}

/// An input's label and value as the card reads them: a field's with its unit ("97.0%" and "%/year" close up,
/// other units after a space), a group's field with its group ("Group 2 machines"), curtailment in words.
fn label_and_value(key: &'static str, v: f64) -> Option<(String, String)> {
    if key == "curtail_when_unprofitable" {
        let on = if v != 0.0 { "on" } else { "off" };
        return Some(("Switching machines off on days that lose money".into(), on.into()));
    }
    let f = fields::find(key)?;
    let gap = if f.unit.is_empty() || f.unit.starts_with('%') { "" } else { " " };
    let label = match fields::group_of_row(key) {
        Some(g) => [group_name(g).as_str(), " ", &first_letter_case(f.label, false)].concat(),
        None => f.label.into(),
    };
    Some((label, [num(v, f.decimals).as_str(), gap, f.unit].concat()))
}

/// The list's items (the card's `<dl>` holds them, rebuilt whole when the scenario changes).
pub fn list_markup(h: &mut Html, rows: &[Row]) {
    for r in rows {
        h.open("div", "").attr("data-assumption", r.key).el("dt", "", &r.label).open("dd", "").text(&r.value);
        h.el("span", "class=\"source\"", &r.source).close("dd").close("div");
    }
}

/// The card, with the list for `rows`; returns nothing to bind but the list, the card's only changing part.
pub fn markup(h: &mut Html, rows: &[Row]) -> crate::view::Slot {
    h.open("section", "class=\"card assumptions\" id=\"assumptions\" aria-labelledby=\"assumptions-h\"");
    h.raw("<h2 id=\"assumptions-h\">Assumptions</h2>").open("dl", "class=\"assumption-list\"");
    let list = h.slot();
    list_markup(h, rows);
    h.close("dl").el("p", "class=\"muted\"", CONVENTIONS).el("p", "class=\"muted forward-looking\"", FORWARD_LOOKING);
    h.close("section");
    list
}

#[cfg(target_arch = "wasm32")]
pub fn section(c: crate::ctx::Ctx, h: &mut Html) -> crate::view::dom::Bind {
    use leptos::prelude::*;
    let (embed, shows) = c.page.with_value(|p| (p.embed, SHOWN.map(|k| p.shows(k))));
    let shown = move |k: &str| SHOWN.iter().position(|s| *s == k).is_some_and(|i| shows[i]);
    let now = move || c.drawn.with_untracked(|s| c.host.with_untracked(|h| rows(s, &shown, embed.then_some(h))));
    let list = markup(h, &now());
    Box::new(move |dom| {
        let list = dom.el(list);
        crate::view::dom::effect(move |first| {
            c.drawn.track();
            c.host.track();
            if !first {
                let mut h = Html::new();
                list_markup(&mut h, &now());
                crate::view::dom::Dom::fill(&list, h);
            }
        });
    })
}

/// The panels whose presence changes the list.
#[cfg(target_arch = "wasm32")]
const SHOWN: [&str; 2] = ["hpc", "risk"];

#[cfg(test)]
#[path = "assumptions_tests.rs"]
mod tests;
