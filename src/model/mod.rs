//! The hashprice & margin model of MODEL.md: pure Rust, no browser imports, tested natively.

pub mod constants;
pub mod hpc;
pub mod projection;
pub mod risk;
pub mod scenario;
pub mod snapshot;

pub use hpc::Hpc;
pub use projection::{Projection, Series};
pub use risk::{Risk, RiskResults, TornadoRow};
pub use scenario::{input_spec, InputError, InputSpec, Kind, Scenario, INPUTS};
pub use snapshot::Snapshot;

use serde::Serialize;

/// Sections 1–4 of MODEL.md for one scenario, with the output keys of `reference/cases.json`.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Results {
    pub snapshot: Snapshot,
    pub projection: Projection,
    pub hpc: Hpc,
    /// Chart series; not part of the output contract.
    #[serde(skip)]
    pub series: Series,
}

/// Validates and evaluates a scenario. Never panics: an invalid scenario is an error naming the key.
pub fn evaluate(s: &Scenario) -> Result<Results, InputError> {
    s.validate()?;
    let snapshot = snapshot::snapshot(s);
    let (projection, series) = projection::project(s);
    let hpc = hpc::hpc(s, snapshot.hashprice_usd_per_ph_day);
    Ok(Results { snapshot, projection, hpc, series })
}

/// Sections 5–6 (Monte Carlo, tornado, heatmap): heavier, so the page runs it apart from `evaluate`.
pub fn evaluate_risk(s: &Scenario) -> Result<RiskResults, InputError> {
    s.validate()?;
    Ok(risk::risk(s))
}
