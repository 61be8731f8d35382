//! The scenario: every input of MODEL.md with its default and valid range, and the one place that
//! reads or writes an input by its snake_case key (URL query, JSON, JS API and the page all go through it).

use serde::{Deserialize, Serialize};

/// What kind of value an input holds; integers and booleans are still carried as `f64` by `get`/`set`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    Real,
    Integer,
    Bool,
}

/// One input's contract: key, kind and valid range (MODEL.md "The scenario").
#[derive(Clone, Copy, Debug)]
pub struct InputSpec {
    pub key: &'static str,
    pub kind: Kind,
    pub min: f64,
    pub max: f64,
    /// The lower bound itself is invalid (`> 0`).
    pub min_exclusive: bool,
    /// The upper bound itself is invalid (pool fee `< 100`).
    pub max_exclusive: bool,
}

const fn spec(key: &'static str, kind: Kind, min: f64, max: f64) -> InputSpec {
    InputSpec { key, kind, min, max, min_exclusive: false, max_exclusive: false }
}
const fn positive(key: &'static str, max: f64) -> InputSpec {
    InputSpec { key, kind: Kind::Real, min: 0.0, max, min_exclusive: true, max_exclusive: false }
}

/// Machine groups 2–6 (MODEL.md section 7) have the same ranges as group 1, except that a count of 0 (absent)
/// is valid.
const fn group_hashrate(key: &'static str) -> InputSpec {
    positive(key, 1e5)
}
const fn group_efficiency(key: &'static str) -> InputSpec {
    positive(key, 1000.0)
}
const fn group_count(key: &'static str) -> InputSpec {
    spec(key, Kind::Integer, 0.0, 1e7)
}
const fn group_price(key: &'static str) -> InputSpec {
    spec(key, Kind::Real, 0.0, 10_000.0)
}

/// 2^53: the largest seed that survives the round trip through a JS number exactly.
pub const MAX_SEED: f64 = 9_007_199_254_740_992.0;

/// Every input key, in the order of `reference/site_cases.json`: sections 1–4, the site and decision inputs
/// of sections 7 and 9, then the risk inputs of sections 5–6.
pub const INPUTS: &[InputSpec] = &[
    positive("btc_price_usd", 1e7),
    positive("network_hashrate_ehs", 1e6),
    spec("block_height", Kind::Integer, 0.0, 6_930_000.0),
    spec("fees_btc_per_block", Kind::Real, 0.0, 100.0),
    positive("machine_hashrate_ths", 1e5),
    positive("machine_efficiency_jth", 1000.0),
    spec("machine_count", Kind::Integer, 1.0, 1e7),
    spec("machine_price_usd_per_th", Kind::Real, 0.0, 10_000.0),
    spec("power_price_usd_kwh", Kind::Real, 0.0, 10.0),
    InputSpec {
        key: "pool_fee_pct",
        kind: Kind::Real,
        min: 0.0,
        max: 100.0,
        min_exclusive: false,
        max_exclusive: true,
    },
    spec("uptime_pct", Kind::Real, 0.0, 100.0),
    spec("opex_usd_month", Kind::Real, 0.0, 1e9),
    spec("horizon_months", Kind::Integer, 1.0, 120.0),
    spec("hashrate_growth_pct_month", Kind::Real, -50.0, 100.0),
    spec("btc_price_growth_pct_year", Kind::Real, -99.0, 1000.0),
    spec("discount_rate_pct_year", Kind::Real, 0.0, 100.0),
    spec("curtail_when_unprofitable", Kind::Bool, 0.0, 1.0),
    spec("debt_pct", Kind::Real, 0.0, 100.0),
    spec("debt_apr_pct", Kind::Real, 0.0, 100.0),
    spec("debt_term_months", Kind::Integer, 1.0, 360.0),
    spec("hpc_lease_usd_kw_month", Kind::Real, 0.0, 10_000.0),
    spec("hpc_capex_usd_mw", Kind::Real, 0.0, 1e9),
    spec("hpc_opex_pct", Kind::Real, 0.0, 100.0),
    spec("machine_resale_usd_per_th", Kind::Real, 0.0, 10_000.0),
    group_hashrate("machine2_hashrate_ths"),
    group_efficiency("machine2_efficiency_jth"),
    group_count("machine2_count"),
    group_price("machine2_price_usd_per_th"),
    group_price("machine2_resale_usd_per_th"),
    group_hashrate("machine3_hashrate_ths"),
    group_efficiency("machine3_efficiency_jth"),
    group_count("machine3_count"),
    group_price("machine3_price_usd_per_th"),
    group_price("machine3_resale_usd_per_th"),
    group_hashrate("machine4_hashrate_ths"),
    group_efficiency("machine4_efficiency_jth"),
    group_count("machine4_count"),
    group_price("machine4_price_usd_per_th"),
    group_price("machine4_resale_usd_per_th"),
    group_hashrate("machine5_hashrate_ths"),
    group_efficiency("machine5_efficiency_jth"),
    group_count("machine5_count"),
    group_price("machine5_price_usd_per_th"),
    group_price("machine5_resale_usd_per_th"),
    group_hashrate("machine6_hashrate_ths"),
    group_efficiency("machine6_efficiency_jth"),
    group_count("machine6_count"),
    group_price("machine6_price_usd_per_th"),
    group_price("machine6_resale_usd_per_th"),
    spec("resale_decline_pct_year", Kind::Real, 0.0, 100.0),
    spec("pue", Kind::Real, 1.0, 3.0),
    spec("hosting_usd_kw_month", Kind::Real, 0.0, 1_000.0),
    spec("hpc_pue", Kind::Real, 1.0, 3.0),
    spec("hpc_build_months", Kind::Integer, 0.0, 60.0),
    spec("hpc_lease_term_months", Kind::Integer, 1.0, 360.0),
    spec("hpc_discount_rate_pct_year", Kind::Real, 0.0, 100.0),
    spec("btc_volatility_pct_year", Kind::Real, 0.0, 300.0),
    spec("mc_paths", Kind::Integer, 1.0, 10_000.0),
    spec("mc_seed", Kind::Integer, 0.0, MAX_SEED),
    spec("sensitivity_pct", Kind::Real, 1.0, 90.0),
];

/// Looks up an input's contract by key.
pub fn input_spec(key: &str) -> Option<&'static InputSpec> {
    INPUTS.iter().find(|s| s.key == key)
}

/// Why an input value was refused. The message always names the key.
#[derive(Clone, Debug, PartialEq)]
pub struct InputError {
    pub key: String,
    pub reason: String,
}

impl InputError {
    pub fn new(key: &str, reason: impl Into<String>) -> Self {
        InputError { key: key.to_string(), reason: reason.into() }
    }
    /// "btc_price_usd: must be greater than 0"
    pub fn message(&self) -> String {
        let mut s = String::with_capacity(self.key.len() + self.reason.len() + 2);
        s.push_str(&self.key);
        s.push_str(": ");
        s.push_str(&self.reason);
        s
    }
}

impl std::fmt::Display for InputError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message())
    }
}

impl std::error::Error for InputError {}

impl InputSpec {
    /// The range in words, with `fmt` turning bounds into text (the page formats numbers with JS).
    pub fn range_text(&self, fmt: &dyn Fn(f64) -> String) -> String {
        match self.kind {
            Kind::Bool => "true or false".to_string(),
            _ => {
                let lo = if self.min_exclusive { "greater than " } else { "" };
                let hi = if self.max_exclusive { "below " } else { "at most " };
                let int = if self.kind == Kind::Integer { "a whole number " } else { "" };
                let mut s = String::from("must be ");
                s.push_str(int);
                if self.min_exclusive {
                    s.push_str(lo);
                    s.push_str(&fmt(self.min));
                    s.push_str(" and ");
                    s.push_str(hi);
                    s.push_str(&fmt(self.max));
                } else {
                    s.push_str("from ");
                    s.push_str(&fmt(self.min));
                    s.push_str(if self.max_exclusive { " to below " } else { " to " });
                    s.push_str(&fmt(self.max));
                }
                s
            }
        }
    }

    /// Checks one value against this input's kind and range; `fmt` renders bounds in the message.
    pub fn check_with(&self, value: f64, fmt: &dyn Fn(f64) -> String) -> Result<(), InputError> {
        let fail = || InputError::new(self.key, self.range_text(fmt));
        if !value.is_finite() {
            return Err(InputError::new(self.key, "must be a finite number"));
        }
        match self.kind {
            Kind::Bool => {
                if value == 0.0 || value == 1.0 {
                    Ok(())
                } else {
                    Err(InputError::new(self.key, "must be true or false"))
                }
            }
            Kind::Integer if value.fract() != 0.0 => Err(fail()),
            _ => {
                let low_ok = if self.min_exclusive { value > self.min } else { value >= self.min };
                let high_ok = if self.max_exclusive { value < self.max } else { value <= self.max };
                if low_ok && high_ok {
                    Ok(())
                } else {
                    Err(fail())
                }
            }
        }
    }

    pub fn check(&self, value: f64) -> Result<(), InputError> {
        self.check_with(value, &plain_number)
    }
}

/// Bounds as grouped integers ("10,000,000"): every bound in MODEL.md is a whole number, and this keeps
/// float formatting machinery out of the WASM build.
fn plain_number(x: f64) -> String {
    let mut n = x.abs().round().min(1e18) as u64;
    let mut digits = Vec::new();
    loop {
        digits.push(b'0' + (n % 10) as u8);
        n /= 10;
        if n == 0 {
            break;
        }
    }
    let mut s = String::new();
    if x < 0.0 {
        s.push('-');
    }
    for (i, d) in digits.iter().rev().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            s.push(',');
        }
        s.push(*d as char);
    }
    s
}

/// All inputs of the model. Defaults are the November 2025 picture (DOMAIN.md).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Scenario {
    pub btc_price_usd: f64,
    pub network_hashrate_ehs: f64,
    pub block_height: f64,
    pub fees_btc_per_block: f64,
    pub machine_hashrate_ths: f64,
    pub machine_efficiency_jth: f64,
    pub machine_count: f64,
    pub machine_price_usd_per_th: f64,
    pub power_price_usd_kwh: f64,
    pub pool_fee_pct: f64,
    pub uptime_pct: f64,
    pub opex_usd_month: f64,
    pub horizon_months: f64,
    pub hashrate_growth_pct_month: f64,
    pub btc_price_growth_pct_year: f64,
    pub discount_rate_pct_year: f64,
    pub curtail_when_unprofitable: bool,
    pub debt_pct: f64,
    pub debt_apr_pct: f64,
    pub debt_term_months: f64,
    pub hpc_lease_usd_kw_month: f64,
    pub hpc_capex_usd_mw: f64,
    pub hpc_opex_pct: f64,
    pub machine_resale_usd_per_th: f64,
    pub machine2_hashrate_ths: f64,
    pub machine2_efficiency_jth: f64,
    pub machine2_count: f64,
    pub machine2_price_usd_per_th: f64,
    pub machine2_resale_usd_per_th: f64,
    pub machine3_hashrate_ths: f64,
    pub machine3_efficiency_jth: f64,
    pub machine3_count: f64,
    pub machine3_price_usd_per_th: f64,
    pub machine3_resale_usd_per_th: f64,
    pub machine4_hashrate_ths: f64,
    pub machine4_efficiency_jth: f64,
    pub machine4_count: f64,
    pub machine4_price_usd_per_th: f64,
    pub machine4_resale_usd_per_th: f64,
    pub machine5_hashrate_ths: f64,
    pub machine5_efficiency_jth: f64,
    pub machine5_count: f64,
    pub machine5_price_usd_per_th: f64,
    pub machine5_resale_usd_per_th: f64,
    pub machine6_hashrate_ths: f64,
    pub machine6_efficiency_jth: f64,
    pub machine6_count: f64,
    pub machine6_price_usd_per_th: f64,
    pub machine6_resale_usd_per_th: f64,
    pub resale_decline_pct_year: f64,
    pub pue: f64,
    pub hosting_usd_kw_month: f64,
    pub hpc_pue: f64,
    pub hpc_build_months: f64,
    pub hpc_lease_term_months: f64,
    pub hpc_discount_rate_pct_year: f64,
    pub btc_volatility_pct_year: f64,
    pub mc_paths: f64,
    pub mc_seed: f64,
    pub sensitivity_pct: f64,
}

impl Default for Scenario {
    fn default() -> Self {
        Scenario {
            btc_price_usd: 95_000.0,
            network_hashrate_ehs: 1_100.0,
            block_height: 925_000.0,
            fees_btc_per_block: 0.02,
            machine_hashrate_ths: 200.0,
            machine_efficiency_jth: 17.5,
            machine_count: 1_000.0,
            machine_price_usd_per_th: 15.0,
            power_price_usd_kwh: 0.05,
            pool_fee_pct: 2.0,
            uptime_pct: 97.0,
            opex_usd_month: 0.0,
            horizon_months: 36.0,
            hashrate_growth_pct_month: 2.0,
            btc_price_growth_pct_year: 0.0,
            discount_rate_pct_year: 10.0,
            curtail_when_unprofitable: true,
            debt_pct: 0.0,
            debt_apr_pct: 12.0,
            debt_term_months: 24.0,
            hpc_lease_usd_kw_month: 120.0,
            hpc_capex_usd_mw: 10_000_000.0,
            hpc_opex_pct: 20.0,
            machine_resale_usd_per_th: 0.0,
            machine2_hashrate_ths: 200.0,
            machine2_efficiency_jth: 17.5,
            machine2_count: 0.0,
            machine2_price_usd_per_th: 0.0,
            machine2_resale_usd_per_th: 0.0,
            machine3_hashrate_ths: 200.0,
            machine3_efficiency_jth: 17.5,
            machine3_count: 0.0,
            machine3_price_usd_per_th: 0.0,
            machine3_resale_usd_per_th: 0.0,
            machine4_hashrate_ths: 200.0,
            machine4_efficiency_jth: 17.5,
            machine4_count: 0.0,
            machine4_price_usd_per_th: 0.0,
            machine4_resale_usd_per_th: 0.0,
            machine5_hashrate_ths: 200.0,
            machine5_efficiency_jth: 17.5,
            machine5_count: 0.0,
            machine5_price_usd_per_th: 0.0,
            machine5_resale_usd_per_th: 0.0,
            machine6_hashrate_ths: 200.0,
            machine6_efficiency_jth: 17.5,
            machine6_count: 0.0,
            machine6_price_usd_per_th: 0.0,
            machine6_resale_usd_per_th: 0.0,
            resale_decline_pct_year: 40.0,
            pue: 1.0,
            hosting_usd_kw_month: 0.0,
            hpc_pue: 1.3,
            hpc_build_months: 18.0,
            hpc_lease_term_months: 180.0,
            hpc_discount_rate_pct_year: 8.0,
            btc_volatility_pct_year: 60.0,
            mc_paths: 1_000.0,
            mc_seed: 1.0,
            sensitivity_pct: 20.0,
        }
    }
}

/// One list of the numeric fields, expanded into their keys, a reader and a writer so they cannot drift apart.
/// Both find the key in the one list of keys (a `match` on the key in each was 1.2 KB more WASM).
macro_rules! numeric_fields {
    ($($field:ident),* $(,)?) => {
        /// The numeric inputs' keys, in the order of `Scenario::numbers` and `Scenario::numbers_mut`.
        const NUMERIC_KEYS: &[&str] = &[$(stringify!($field)),*];

        impl Scenario {
            fn numbers(&self) -> [&f64; NUMERIC_KEYS.len()] {
                [$(&self.$field),*]
            }
            fn numbers_mut(&mut self) -> [&mut f64; NUMERIC_KEYS.len()] {
                [$(&mut self.$field),*]
            }
            fn slot(&mut self, key: &str) -> Option<&mut f64> {
                let i = NUMERIC_KEYS.iter().position(|k| *k == key)?;
                self.numbers_mut().into_iter().nth(i)
            }
            fn read(&self, key: &str) -> Option<f64> {
                let i = NUMERIC_KEYS.iter().position(|k| *k == key)?;
                Some(*self.numbers()[i])
            }
        }
    };
}

numeric_fields!(
    btc_price_usd,
    network_hashrate_ehs,
    block_height,
    fees_btc_per_block,
    machine_hashrate_ths,
    machine_efficiency_jth,
    machine_count,
    machine_price_usd_per_th,
    power_price_usd_kwh,
    pool_fee_pct,
    uptime_pct,
    opex_usd_month,
    horizon_months,
    hashrate_growth_pct_month,
    btc_price_growth_pct_year,
    discount_rate_pct_year,
    debt_pct,
    debt_apr_pct,
    debt_term_months,
    hpc_lease_usd_kw_month,
    hpc_capex_usd_mw,
    hpc_opex_pct,
    machine_resale_usd_per_th,
    machine2_hashrate_ths,
    machine2_efficiency_jth,
    machine2_count,
    machine2_price_usd_per_th,
    machine2_resale_usd_per_th,
    machine3_hashrate_ths,
    machine3_efficiency_jth,
    machine3_count,
    machine3_price_usd_per_th,
    machine3_resale_usd_per_th,
    machine4_hashrate_ths,
    machine4_efficiency_jth,
    machine4_count,
    machine4_price_usd_per_th,
    machine4_resale_usd_per_th,
    machine5_hashrate_ths,
    machine5_efficiency_jth,
    machine5_count,
    machine5_price_usd_per_th,
    machine5_resale_usd_per_th,
    machine6_hashrate_ths,
    machine6_efficiency_jth,
    machine6_count,
    machine6_price_usd_per_th,
    machine6_resale_usd_per_th,
    resale_decline_pct_year,
    pue,
    hosting_usd_kw_month,
    hpc_pue,
    hpc_build_months,
    hpc_lease_term_months,
    hpc_discount_rate_pct_year,
    btc_volatility_pct_year,
    mc_paths,
    mc_seed,
    sensitivity_pct,
);

impl Scenario {
    /// The value of an input by key (booleans as 0 or 1); `None` for an unknown key.
    pub fn get(&self, key: &str) -> Option<f64> {
        if key == "curtail_when_unprofitable" {
            return Some(if self.curtail_when_unprofitable { 1.0 } else { 0.0 });
        }
        self.read(key)
    }

    /// Sets one input after checking it; on error the scenario is unchanged.
    pub fn set(&mut self, key: &str, value: f64) -> Result<(), InputError> {
        let spec = input_spec(key).ok_or_else(|| InputError::new(key, "is not an input of the model"))?;
        spec.check(value)?;
        if key == "curtail_when_unprofitable" {
            self.curtail_when_unprofitable = value == 1.0;
        } else if let Some(slot) = self.slot(key) {
            *slot = value;
        }
        Ok(())
    }

    /// Sets a numeric input to any value, valid or not (fuzz tests build hostile scenarios with it; `validate`
    /// then names the key). False for an unknown or boolean key.
    pub fn set_unchecked(&mut self, key: &str, value: f64) -> bool {
        match self.slot(key) {
            Some(slot) => {
                *slot = value;
                true
            }
            None => false,
        }
    }

    /// Every input within its range; the first offending key otherwise.
    pub fn validate(&self) -> Result<(), InputError> {
        for spec in INPUTS {
            let v = self.get(spec.key).unwrap_or(f64::NAN);
            spec.check(v)?;
        }
        Ok(())
    }
}

/// Up to six machine groups on a site (MODEL.md section 7); group 1 is the `machine_*` keys.
pub const MAX_GROUPS: usize = 6;

/// The five inputs of a machine group, in key order.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum GroupField {
    HashrateThs,
    EfficiencyJth,
    Count,
    PriceUsdPerTh,
    ResaleUsdPerTh,
}

/// Every group's keys, `[group][GroupField as usize]`.
pub const GROUP_KEYS: [[&str; 5]; MAX_GROUPS] = [
    [
        "machine_hashrate_ths",
        "machine_efficiency_jth",
        "machine_count",
        "machine_price_usd_per_th",
        "machine_resale_usd_per_th",
    ],
    [
        "machine2_hashrate_ths",
        "machine2_efficiency_jth",
        "machine2_count",
        "machine2_price_usd_per_th",
        "machine2_resale_usd_per_th",
    ],
    [
        "machine3_hashrate_ths",
        "machine3_efficiency_jth",
        "machine3_count",
        "machine3_price_usd_per_th",
        "machine3_resale_usd_per_th",
    ],
    [
        "machine4_hashrate_ths",
        "machine4_efficiency_jth",
        "machine4_count",
        "machine4_price_usd_per_th",
        "machine4_resale_usd_per_th",
    ],
    [
        "machine5_hashrate_ths",
        "machine5_efficiency_jth",
        "machine5_count",
        "machine5_price_usd_per_th",
        "machine5_resale_usd_per_th",
    ],
    [
        "machine6_hashrate_ths",
        "machine6_efficiency_jth",
        "machine6_count",
        "machine6_price_usd_per_th",
        "machine6_resale_usd_per_th",
    ],
];

/// One machine group's inputs, read from the scenario's flat keys.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct MachineGroup {
    pub hashrate_ths: f64,
    pub efficiency_jth: f64,
    pub count: f64,
    pub price_usd_per_th: f64,
    pub resale_usd_per_th: f64,
}

impl MachineGroup {
    /// A group is on the site when it has at least one machine (group 1 always has).
    pub fn is_present(&self) -> bool {
        self.count >= 1.0
    }
}

impl Scenario {
    /// Group `g` (0-based: 0 is the `machine_*` keys, 1 is `machine2_*`, …).
    pub fn group(&self, g: usize) -> MachineGroup {
        let read = |f: GroupField| {
            if g < MAX_GROUPS {
                self.read(GROUP_KEYS[g][f as usize]).unwrap_or(0.0)
            } else {
                0.0
            }
        };
        MachineGroup {
            hashrate_ths: read(GroupField::HashrateThs),
            efficiency_jth: read(GroupField::EfficiencyJth),
            count: read(GroupField::Count),
            price_usd_per_th: read(GroupField::PriceUsdPerTh),
            resale_usd_per_th: read(GroupField::ResaleUsdPerTh),
        }
    }

    /// The input key of a group's field: `group_key(0, GroupField::Count)` is `machine_count`,
    /// `group_key(2, GroupField::Count)` is `machine3_count`.
    pub fn group_key(g: usize, field: GroupField) -> &'static str {
        GROUP_KEYS[g.min(MAX_GROUPS - 1)][field as usize]
    }

    /// Scales one field of every present group by `factor` (the tornado's machine price and efficiency rows),
    /// each clamped into its key's valid range by `clamp`.
    pub fn scale_groups(&mut self, field: GroupField, factor: f64, clamp: fn(&str, f64) -> f64) {
        for g in 0..MAX_GROUPS {
            if !self.group(g).is_present() {
                continue;
            }
            let key = Scenario::group_key(g, field);
            if let Some(slot) = self.slot(key) {
                *slot = clamp(key, *slot * factor);
            }
        }
    }
}
