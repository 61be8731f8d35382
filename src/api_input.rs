//! The pure half of the JS API (`window.hashprice`) and of the embed host messages: turning the own keys
//! of a JS object, already read into [`JsInput`] values, into a validated [`Scenario`], and the shape of
//! `compute()`'s answer. No JS types here, so all of it is tested natively; `src/api.rs` does the reading.

use crate::model::{
    evaluate, evaluate_risk, input_spec, Decision, Hpc, InputError, Kind, Projection, Results, Risk, RiskResults,
    Scenario, Snapshot, TornadoRow,
};
use serde::Serialize;

/// One property value of a JS object, as far as the scenario cares.
#[derive(Clone, Debug, PartialEq)]
pub enum JsInput {
    /// A JS number (NaN and ±Infinity included: they are refused with a message, not dropped).
    Number(f64),
    Bool(bool),
    /// Anything else, with its kind in words ("a string", "null", "an object", …) for the message.
    Other(&'static str),
}

impl JsInput {
    fn kind_words(&self) -> &'static str {
        match self {
            JsInput::Number(_) => "a number",
            JsInput::Bool(_) => "a boolean",
            JsInput::Other(w) => w,
        }
    }
}

/// Applies `key: value` pairs to a copy of `base`, all or nothing: the first bad pair is the error (it names
/// the key and why) and nothing is applied. Unknown keys, wrong types (a string for a number, a boolean for
/// a number, a number for `curtail_when_unprofitable`), NaN, infinities and out-of-range values are refused.
pub fn scenario_from_pairs(pairs: &[(String, JsInput)], base: &Scenario) -> Result<Scenario, InputError> {
    let mut s = base.clone();
    for (key, value) in pairs {
        let spec = input_spec(key).ok_or_else(|| {
            InputError::new(&readable_key(key), "is not an input of the model (see defaults() for the valid keys)")
        })?;
        let x = match (spec.kind, value) {
            (Kind::Bool, JsInput::Bool(b)) => {
                if *b {
                    1.0
                } else {
                    0.0
                }
            }
            (Kind::Bool, other) => {
                return Err(InputError::new(key, ["must be true or false, got ", other.kind_words()].concat()));
            }
            (_, JsInput::Number(x)) => *x,
            (_, other) => {
                return Err(InputError::new(key, ["must be a number, got ", other.kind_words()].concat()));
            }
        };
        s.set(key, x)?;
    }
    s.validate()?;
    Ok(s)
}

/// A scenario file's `threshold`, the headline check's, which Export writes beside the scenario so the file
/// opens to the page it was made on: absent is `None` (the page keeps its own), a threshold the page takes is
/// `Some`, anything else refuses the whole file.
pub fn file_threshold(value: Option<&JsInput>) -> Result<Option<f64>, String> {
    match value {
        None => Ok(None),
        Some(JsInput::Number(t)) if crate::state::query::threshold_in_range(t) => Ok(Some(*t)),
        Some(_) => Err("threshold: must be a number above 0 and at most 100,000".into()),
    }
}

/// Longest unknown key echoed back in full: a caller's 10 MB key must not come back whole in the message.
pub const MAX_ECHOED_KEY_CHARS: usize = 64;

/// `key` as an error may echo it: its first [`MAX_ECHOED_KEY_CHARS`] characters, then "…" if it was longer.
/// (By characters, not by slicing the `str`: a slice's panic path would bring `core::fmt` into the WASM.)
pub fn readable_key(key: &str) -> String {
    let mut out = String::new();
    crate::state::query::push_at_most(&mut out, key, MAX_ECHOED_KEY_CHARS);
    out
}

/// `compute()`'s answer: sections 1–4 with the keys of `reference_cases.json`, then sections 5–6 with
/// the keys of `reference_risk_cases.json`.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ComputeOutput {
    pub snapshot: Snapshot,
    pub projection: Projection,
    pub hpc: Hpc,
    pub decision: Decision,
    pub risk: Risk,
    pub tornado: Vec<TornadoRow>,
    pub heatmap_npv_usd: Vec<Vec<f64>>,
}

impl ComputeOutput {
    pub fn new(results: Results, risk: RiskResults) -> ComputeOutput {
        ComputeOutput {
            snapshot: results.snapshot,
            projection: results.projection,
            hpc: results.hpc,
            decision: results.decision,
            risk: risk.risk,
            tornado: risk.tornado,
            heatmap_npv_usd: risk.heatmap_npv_usd,
        }
    }
}

/// Every section of the model for a scenario; an invalid scenario is an error naming the key.
pub fn compute(s: &Scenario) -> Result<ComputeOutput, InputError> {
    Ok(ComputeOutput::new(evaluate(s)?, evaluate_risk(s)?))
}

/// A `{type: "hashprice:scenario", scenario: {...}}` message, as read from a `message` event.
#[derive(Clone, Debug, PartialEq)]
pub enum HostMessage {
    /// The `scenario` object's own keys and values.
    Scenario(Vec<(String, JsInput)>),
    /// A scenario message whose `scenario` is not a plain object: why, for the host's error message.
    Malformed(String),
    /// Not a scenario message (another type, or not an object): ignored silently, as other traffic.
    Ignored,
}

/// What the frame does with a host message, and tells the host (`hashprice:applied` / `hashprice:error`).
#[derive(Clone, Debug, PartialEq)]
pub enum HostReply {
    /// The scenario now in force: `current` with the message's keys applied.
    Applied(Scenario),
    /// Nothing changed: the key at fault (none when the whole message is wrong) and the message in words.
    Refused { key: Option<String>, message: String },
    /// Not meant for the calculator: no answer.
    Ignored,
}

/// The host message applied to `current`, all or nothing.
pub fn apply_host_message(message: &HostMessage, current: &Scenario) -> HostReply {
    match message {
        HostMessage::Scenario(pairs) => match scenario_from_pairs(pairs, current) {
            Ok(s) => HostReply::Applied(s),
            Err(e) => HostReply::Refused { message: e.message(), key: Some(e.key) },
        },
        HostMessage::Malformed(why) => HostReply::Refused { key: None, message: why.clone() },
        HostMessage::Ignored => HostReply::Ignored,
    }
}

/// The console warning for a scenario message from `got`, ignored because the frame's `origin=` is `allowed`:
/// a typo in `origin=` must be diagnosable, not silent. `None` when `warned` (the origins already named) has
/// `got`: once per origin, not per message.
pub fn foreign_origin_warning(warned: &mut Vec<String>, got: &str, allowed: &str) -> Option<String> {
    if warned.iter().any(|o| o == got) {
        return None;
    }
    warned.push(got.to_string());
    Some(["hashprice: ignored a scenario message from ", got, " (origin= allows ", allowed, " only)"].concat())
}

#[cfg(test)]
#[path = "api_input_tests.rs"]
mod tests;
