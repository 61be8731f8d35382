//! The scenarios `./scripts/bench.sh` times, natively (`benches/model.rs`) and in the browser (the WASM
//! `bench_model` hook): the defaults, a six-group site with debt and an 18-month build (issue 16's
//! "sections 1–4 and 7–9" figure) and a three-group site (its risk figure).

use super::Scenario;

/// Which scenario to time.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BenchSite {
    Default,
    SixGroupsWithDebt,
    ThreeGroups,
}

impl BenchSite {
    pub const ALL: [BenchSite; 3] = [BenchSite::Default, BenchSite::SixGroupsWithDebt, BenchSite::ThreeGroups];

    /// The name the benchmark prints.
    pub fn name(self) -> &'static str {
        match self {
            BenchSite::Default => "default",
            BenchSite::SixGroupsWithDebt => "six_groups_debt",
            BenchSite::ThreeGroups => "three_groups",
        }
    }

    /// From the number the JS hook passes (0, 1, 2).
    pub fn from_index(i: u32) -> Option<BenchSite> {
        BenchSite::ALL.get(i as usize).copied()
    }

    pub fn scenario(self, horizon_months: f64) -> Scenario {
        let base = Scenario { horizon_months, ..Scenario::default() };
        // S21 XP, S21, S19 XP, S19j Pro, S19 Pro, S19: newest first, with 30 % of the capex borrowed.
        let six = Scenario {
            machine_hashrate_ths: 270.0,
            machine_efficiency_jth: 13.5,
            machine_count: 2_000.0,
            machine_price_usd_per_th: 25.7,
            machine_resale_usd_per_th: 18.0,
            machine2_count: 3_000.0,
            machine2_efficiency_jth: 17.5,
            machine2_price_usd_per_th: 15.0,
            machine2_resale_usd_per_th: 9.0,
            machine3_count: 2_500.0,
            machine3_hashrate_ths: 141.0,
            machine3_efficiency_jth: 21.5,
            machine3_resale_usd_per_th: 5.0,
            machine4_count: 2_500.0,
            machine4_hashrate_ths: 104.0,
            machine4_efficiency_jth: 29.5,
            machine4_resale_usd_per_th: 3.0,
            machine5_count: 1_500.0,
            machine5_hashrate_ths: 110.0,
            machine5_efficiency_jth: 29.5,
            machine6_count: 1_000.0,
            machine6_hashrate_ths: 95.0,
            machine6_efficiency_jth: 34.0,
            pue: 1.1,
            hosting_usd_kw_month: 4.0,
            debt_pct: 30.0,
            hpc_build_months: 18.0,
            ..base.clone()
        };
        match self {
            BenchSite::Default => base,
            BenchSite::SixGroupsWithDebt => six,
            BenchSite::ThreeGroups => {
                Scenario { machine4_count: 0.0, machine5_count: 0.0, machine6_count: 0.0, debt_pct: 0.0, ..six }
            }
        }
    }
}
