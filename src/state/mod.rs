//! Scenario state (pure): URL query, presets, derived helpers.
//!
//! No browser imports and no float formatting: functions that print numbers take a formatter.

pub mod decision;
pub mod edit;
pub mod fleet;
pub mod insights;
pub mod live;
pub mod merit;
pub mod numtext;
pub mod plausible;
pub mod presets;
pub mod query;
#[cfg(any(test, target_arch = "wasm32"))]
pub mod replaces;
pub mod sell_side;
pub mod undo;
pub mod units;
pub mod words;

pub use insights::{
    btc_or_sats, compact_usd, current_subsidy_btc, days_to_next_halving, efficiency_jth_from_power, halvings_at,
    hardware_table, headline, next_halving_height, scale_hashrate_ths, HardwareRow, Headline,
};
pub use presets::{
    machine_presets, parse_machines, scenario_preset, MachinePreset, ScenarioPreset, MACHINES_CSV, SCENARIO_PRESETS,
};
pub use plausible::{is_implausible, warning as plausibility_warning};
pub use units::{family as unit_family, parse_entry, EntryError};
pub use query::{
    decode_component, encode_component, from_query, has_scenario_keys, initial_scenario, is_tracking_key, page_param,
    parse_number, parse_threshold, parse_user_number, query_pairs, to_query, QueryIssue, DEFAULT_THRESHOLD, ECHO_CHARS,
    MAX_UNKNOWN_KEYS, PAGE_KEYS, BASE_KEY, DEFAULT_SETS, DefaultSet, current_base, is_own_link, link_query, saved_threshold,
    saves_edits, scenario_from,
};
