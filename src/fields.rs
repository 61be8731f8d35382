//! How each scenario input appears on the page: label, unit, slider range, help and panel; and how a derived
//! row (difficulty, watts, MW) reads and writes the input it follows. Pure, so its consistency with the model's
//! valid ranges is tested natively.

/// The input panels, in page order.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Panel {
    Market,
    Machine,
    Costs,
    Projection,
    Financing,
    Hpc,
    Risk,
}

impl Panel {
    pub const ALL: [Panel; 7] =
        [Panel::Market, Panel::Machine, Panel::Costs, Panel::Projection, Panel::Financing, Panel::Hpc, Panel::Risk];

    pub fn title(self) -> &'static str {
        match self {
            Panel::Market => "Market & network",
            Panel::Machine => "Machine & fleet",
            Panel::Costs => "Operating costs",
            Panel::Projection => "Projection",
            Panel::Financing => "Financing",
            Panel::Hpc => "AI / HPC",
            Panel::Risk => "Risk",
        }
    }

    pub fn id(self) -> &'static str {
        match self {
            Panel::Market => "market",
            Panel::Machine => "machine",
            Panel::Costs => "costs",
            Panel::Projection => "projection",
            Panel::Financing => "financing",
            Panel::Hpc => "hpc",
            Panel::Risk => "risk",
        }
    }
}

/// One input row: the numeric field accepts the whole valid range, the slider covers the common one.
#[derive(Clone, Copy, Debug)]
pub struct Field {
    pub key: &'static str,
    pub label: &'static str,
    pub unit: &'static str,
    pub panel: Panel,
    pub slider_min: f64,
    pub slider_max: f64,
    pub step: f64,
    /// Decimals used when the page shows the value in words.
    pub decimals: usize,
    pub help: &'static str,
}

const fn field(
    key: &'static str,
    label: &'static str,
    unit: &'static str,
    panel: Panel,
    range: (f64, f64, f64),
    decimals: usize,
    help: &'static str,
) -> Field {
    Field { key, label, unit, panel, slider_min: range.0, slider_max: range.1, step: range.2, decimals, help }
}

/// A group's six rows; `$g` is its number as the keys write it (`machine2_…`).
macro_rules! group_fields {
    ($g:literal) => {
        [
            field(concat!("machine", $g, "_hashrate_ths"), "Machine hashrate", "TH/s", Machine, (50.0, 500.0, 1.0), 0, "One machine, nameplate."),
            field(concat!("machine", $g, "_efficiency_jth"), "Efficiency", "J/TH", Machine, (10.0, 40.0, 0.1), 1, "Power draw = TH/s × J/TH watts."),
            field(concat!("machine", $g, "_count"), "Machines", "units", Machine, (1.0, 20_000.0, 1.0), 0, "This group's size."),
            field(concat!("machine", $g, "_mw"), "Group power", "MW", Machine, (0.1, 100.0, 0.1), 4, "Its machines' draw, before PUE; typing MW sets the whole number of machines it powers."),
            field(concat!("machine", $g, "_price_usd_per_th"), "Machine price", "USD/TH", Machine, (0.0, 40.0, 0.1), 1, "0 for machines already owned."),
            field(concat!("machine", $g, "_resale_usd_per_th"), "Resale value today", "USD/TH", Machine, (0.0, 30.0, 0.1), 1, "What a buyer pays per TH/s today (second-hand)."),
        ]
    };
}

use crate::model::constants::{difficulty_from_hashrate_ehs, hashrate_ehs_from_difficulty};
use crate::model::{GroupField, InputError, Scenario, GROUP_KEYS, MAX_GROUPS};
use Panel::*;

/// Every numeric input of the scenario (the boolean `curtail_when_unprofitable` is a checkbox), except the
/// keys of machine groups 2–6, which the fleet editor shows.
pub const FIELDS: &[Field] = &[
    field("btc_price_usd", "BTC price", "USD", Market, (10_000.0, 250_000.0, 100.0), 0, "Default $95,000 (Nov 2025); presets and live data change it."),
    field("network_hashrate_ehs", "Network hashrate", "EH/s", Market, (300.0, 3_000.0, 1.0), 0, "Default 1,100 EH/s = 1.1 ZH/s (Nov 2025)."),
    field("block_height", "Block height", "block", Market, (840_000.0, 1_260_000.0, 1_000.0), 0, "Sets the block subsidy and the next halving."),
    field("fees_btc_per_block", "Fees per block", "BTC", Market, (0.0, 0.5, 0.001), 3, "0.02 late 2025; 0.09 in Dec 2024."),
    field("machine_hashrate_ths", "Machine hashrate", "TH/s", Machine, (50.0, 500.0, 1.0), 0, "One machine, nameplate."),
    field("machine_efficiency_jth", "Efficiency", "J/TH", Machine, (10.0, 40.0, 0.1), 1, "Power draw = TH/s × J/TH watts."),
    field("machine_count", "Machines", "units", Machine, (1.0, 20_000.0, 1.0), 0, "Fleet size."),
    field("machine_price_usd_per_th", "Machine price", "USD/TH", Machine, (0.0, 40.0, 0.1), 1, "Late-2025 estimate; 0 for machines already owned (their cost is sunk)."),
    field("machine_resale_usd_per_th", "Resale value today", "USD/TH", Machine, (0.0, 30.0, 0.1), 1, "Second-hand price: S19-class a few $/TH, older hydro $4–8/TH (Dec 2025). Sold at the horizon (salvage) or today (sell)."),
    field("resale_decline_pct_year", "Resale value decline", "%/year", Machine, (0.0, 100.0, 1.0), 0, "Used machines lose value as hashprice falls and newer models ship."),
    field("power_price_usd_kwh", "Power price", "USD/kWh", Costs, (0.02, 0.15, 0.001), 3, "Self-miners ~$0.05; hosted ~$0.07; US industrial ~$0.09."),
    field("pool_fee_pct", "Pool fee", "%", Costs, (0.0, 5.0, 0.1), 1, "FPPS pools charge ~2–4%."),
    field("uptime_pct", "Uptime", "%", Costs, (80.0, 100.0, 0.1), 1, "Share of time hashing."),
    field("opex_usd_month", "Other fixed costs", "USD/month", Costs, (0.0, 500_000.0, 1_000.0), 0, "Staff, rent; paid even while curtailed."),
    field("pue", "PUE", "×", Costs, (1.0, 2.0, 0.01), 2, "Site power ÷ machine power: ~1.03–1.10 immersion or hydro, 1.1–1.5 air."),
    field("hosting_usd_kw_month", "Hosting fee", "USD/kW-month", Costs, (0.0, 100.0, 1.0), 0, "Fixed per kW of site power, paid even while curtailed."),
    field("horizon_months", "Horizon", "months", Projection, (1.0, 120.0, 1.0), 0, "Projection length."),
    field("hashrate_growth_pct_month", "Network hashrate growth", "%/month", Projection, (-5.0, 8.0, 0.1), 1, "Historically ~2–6%/month."),
    field("btc_price_growth_pct_year", "BTC price drift", "%/year", Projection, (-80.0, 200.0, 1.0), 0, "Compounding."),
    field("discount_rate_pct_year", "Discount rate", "%/year", Projection, (0.0, 30.0, 0.5), 1, "For NPV."),
    field("debt_pct", "Debt share of capex", "%", Financing, (0.0, 100.0, 1.0), 0, "0 = all equity."),
    field("debt_apr_pct", "Loan APR", "%", Financing, (0.0, 30.0, 0.25), 2, "Miner debt priced ~10–15% in 2025."),
    field("debt_term_months", "Loan term", "months", Financing, (1.0, 120.0, 1.0), 0, "Amortizing, paid monthly."),
    field("hpc_lease_usd_kw_month", "AI/HPC lease", "USD/kW-month", Hpc, (50.0, 250.0, 1.0), 0, "Core Scientific–CoreWeave ≈ $121; Hut 8–Fluidstack ≈ $159."),
    field("hpc_capex_usd_mw", "AI/HPC build cost", "USD/MW", Hpc, (1_000_000.0, 20_000_000.0, 100_000.0), 0, "Your share, per MW of IT: $8–11M all in (TeraWulf, Cipher); less where the tenant funds most of the build."),
    field("hpc_opex_pct", "AI/HPC operating cost", "% of revenue", Hpc, (0.0, 50.0, 1.0), 0, "Leases run at 80–90% margin."),
    field("hpc_pue", "AI/HPC PUE", "×", Hpc, (1.0, 2.0, 0.01), 2, "Grid power ÷ IT power of an AI hall, ~1.2–1.4: the site's MW carry less IT load."),
    field("hpc_build_months", "AI/HPC build time", "months", Hpc, (0.0, 60.0, 1.0), 0, "Typically 12–24 months; the machines keep mining until it is done."),
    field("hpc_lease_term_months", "AI/HPC lease term", "months", Hpc, (12.0, 360.0, 12.0), 0, "Recent deals: 10–15 years (120–180 months)."),
    field("hpc_discount_rate_pct_year", "AI/HPC discount rate", "%/year", Hpc, (0.0, 30.0, 0.5), 1, "Contracted lease cash is less risky than mining, so it is discounted at its own, lower rate."),
    field("btc_volatility_pct_year", "BTC volatility", "%/year", Risk, (0.0, 150.0, 1.0), 0, "Annualized; ~50–70% historically."),
    field("mc_paths", "Simulated paths", "paths", Risk, (100.0, 10_000.0, 100.0), 0, "More paths, smoother odds."),
    field("mc_seed", "Random seed", "", Risk, (0.0, 1_000.0, 1.0), 0, "Same seed, same paths: results are reproducible."),
    field("sensitivity_pct", "Sensitivity swing", "±%", Risk, (1.0, 90.0, 1.0), 0, "How far the tornado moves each input."),
];

/// The rows of machine groups 2–6 in the fleet editor (0-based group 1…5), each like group 1's: hashrate,
/// efficiency, machine count and the MW they draw (either sets the other), purchase price and resale value.
pub const GROUP_FIELDS: [[Field; 6]; MAX_GROUPS - 1] =
    [group_fields!(2), group_fields!(3), group_fields!(4), group_fields!(5), group_fields!(6)];

/// A row that shows another view of one scenario input and, when typed, writes that input. Its key is not a
/// scenario key, so URLs and the API never see it.
pub struct Derived {
    pub field: Field,
    /// The scenario input it writes; the row sits under that input's row.
    pub follows: &'static str,
    /// The value the row shows.
    pub read: fn(&Scenario) -> f64,
    /// The value of `follows` that a typed value stands for, or why it stands for none.
    pub source: fn(&Scenario, f64) -> Result<f64, &'static str>,
    /// Why a value is refused when `follows` refuses what `source` gave (beyond its valid range).
    pub refused: &'static str,
}

/// The derived rows: difficulty (follows network hashrate), machine power in watts (follows efficiency) and
/// fleet power in MW (follows the machine count, for a site sized in MW). A group's MW row is one rule for
/// groups 2–6 ([`mw_group`]), as its field is one of the group's rows in [`GROUP_FIELDS`].
pub const DERIVED: &[Derived] = &[
    Derived {
        field: field(
            "difficulty_t",
            "Difficulty",
            "T",
            Market,
            (40.0, 400.0, 0.01),
            2,
            "Follows network hashrate: hashrate × 600 s ÷ 2³².",
        ),
        follows: "network_hashrate_ehs",
        read: |s| difficulty_from_hashrate_ehs(s.network_hashrate_ehs) / 1e12,
        source: |_, t| Ok(hashrate_ehs_from_difficulty(t * 1e12)),
        refused: "must match a network hashrate above 0 and at most 1,000,000 EH/s",
    },
    Derived {
        field: field(
            "machine_power_w",
            "Machine power",
            "W",
            Machine,
            (500.0, 8_000.0, 1.0),
            0,
            "Follows efficiency: watts = TH/s × J/TH.",
        ),
        follows: "machine_efficiency_jth",
        read: |s| s.machine_hashrate_ths * s.machine_efficiency_jth,
        source: |s, w| {
            if w.is_finite() && w > 0.0 {
                Ok(w / s.machine_hashrate_ths)
            } else {
                Err("must be greater than 0")
            }
        },
        refused: "must give an efficiency above 0 and at most 1,000 J/TH",
    },
    Derived {
        field: field(
            "fleet_mw",
            "Fleet power",
            "MW",
            Machine,
            (0.1, 100.0, 0.1),
            4,
            "Every machine's draw, before PUE; typing MW sets the whole number of machines it powers (with more groups, group 1's: the others keep theirs).",
        ),
        follows: "machine_count",
        // The fleet row stands for every group: the other groups keep their counts and group 1 takes the rest.
        read: |s| fleet_machine_w(s, 0) / 1e6,
        source: |s, mw| machines_for_mw(s, 0, fleet_machine_w(s, 1), mw),
        refused: MACHINES_REFUSED,
    },
];

/// The derived rows' fields as one slice, for listing every row's field beside [`FIELDS`] (the tests do).
pub const DERIVED_FIELDS: &[Field] = &derived_fields::<{ DERIVED.len() }>();

const fn derived_fields<const N: usize>() -> [Field; N] {
    let mut fields = [DERIVED[0].field; N];
    let mut i = 1;
    while i < N {
        fields[i] = DERIVED[i].field;
        i += 1;
    }
    fields
}

/// Why an MW row's value is refused when the machine count it gives is beyond the model's.
const MACHINES_REFUSED: &str = "must power at most 10,000,000 machines";

/// Machine power in watts of groups `from`…6 that are present (0-based; 0 is the whole fleet).
fn fleet_machine_w(s: &Scenario, from: usize) -> f64 {
    (from..MAX_GROUPS)
        .map(|g| s.group(g))
        .filter(|m| m.is_present())
        .map(|m| m.count * m.hashrate_ths * m.efficiency_jth)
        .sum()
}

/// The whole number of group `g`'s machines nearest to what `mw` powers beside `others_w` watts of other groups.
fn machines_for_mw(s: &Scenario, g: usize, others_w: f64, mw: f64) -> Result<f64, &'static str> {
    let m = s.group(g);
    let count = ((mw * 1e6 - others_w) / (m.hashrate_ths * m.efficiency_jth) + 0.5).floor();
    if mw > 0.0 && count >= 1.0 {
        Ok(count)
    } else if others_w > 0.0 {
        Err("must power at least one machine beside the other groups")
    } else {
        Err("must power at least one machine")
    }
}

/// The 0-based group (1…5) whose row of the fleet editor `key` is, for a row of machine groups 2–6 (their MW
/// rows included); None for every other row.
pub fn group_of_row(key: &str) -> Option<usize> {
    let field_of = |g: &usize| GROUP_KEYS[*g].contains(&key);
    (1..MAX_GROUPS).find(field_of).or_else(|| mw_group(key).filter(|g| *g > 0))
}

/// Whether a scenario key is a field of machine groups 2–6 (shown by the fleet editor, not as an input row).
pub fn is_group_key(key: &str) -> bool {
    GROUP_KEYS[1..].iter().any(|keys| keys.contains(&key))
}

pub fn find(key: &str) -> Option<&'static Field> {
    let derived = DERIVED.iter().map(|d| &d.field);
    FIELDS.iter().chain(derived).chain(GROUP_FIELDS.iter().flatten()).find(|f| f.key == key)
}

/// The 0-based group whose machine count an MW row sets: `fleet_mw` group 1's (0), `machine3_mw` group 3's (2).
pub fn mw_group(key: &str) -> Option<usize> {
    if key == "fleet_mw" {
        return Some(0);
    }
    let n: usize = key.strip_prefix("machine")?.strip_suffix("_mw")?.parse().ok()?;
    (2..=MAX_GROUPS).contains(&n).then(|| n - 1)
}

/// How a row reads and writes the scenario. The table comes first: `fleet_mw` is also group 1's MW row.
enum Rule {
    /// A scenario input, read and written as itself.
    Input,
    Derived(&'static Derived),
    /// The MW row of a group 2–6 (0-based): its own machines' draw; typing it sets their whole number.
    GroupMw(usize),
}

fn rule(key: &str) -> Rule {
    if let Some(d) = DERIVED.iter().find(|d| d.field.key == key) {
        return Rule::Derived(d);
    }
    mw_group(key).map_or(Rule::Input, Rule::GroupMw)
}

/// The value a row shows, for scenario keys and derived rows alike.
pub fn read(key: &str, s: &Scenario) -> f64 {
    match rule(key) {
        Rule::Derived(d) => (d.read)(s),
        Rule::GroupMw(g) => s.group(g).count * s.group(g).hashrate_ths * s.group(g).efficiency_jth / 1e6,
        Rule::Input => s.get(key).unwrap_or(0.0),
    }
}

/// Applies a row's value to the scenario; on error the scenario is unchanged.
pub fn write(key: &str, s: &mut Scenario, value: f64) -> Result<(), InputError> {
    let (follows, source, refused) = match rule(key) {
        Rule::Derived(d) => (d.follows, (d.source)(s, value), d.refused),
        Rule::GroupMw(g) => {
            (Scenario::group_key(g, GroupField::Count), machines_for_mw(s, g, 0.0, value), MACHINES_REFUSED)
        }
        // A group on the site keeps a machine while its count is typed: "0" on the way to "05" would take the
        // group off under the user's fingers. Its remove button does that, with Undo.
        Rule::Input if value < 1.0 && (1..MAX_GROUPS).any(|g| key == Scenario::group_key(g, GroupField::Count)) => {
            return Err(InputError::new(
                key,
                "must be at least 1 for a group on the site (its Remove button takes it off)",
            ));
        }
        Rule::Input => return s.set(key, value),
    };
    let v = source.map_err(|reason| InputError::new(key, reason))?;
    s.set(follows, v).map_err(|_| InputError::new(key, refused))
}

/// The scenario input a row writes: itself, or for a derived row the input it follows.
pub fn source_key(key: &str) -> &str {
    match rule(key) {
        Rule::Derived(d) => d.follows,
        Rule::GroupMw(g) => Scenario::group_key(g, GroupField::Count),
        Rule::Input => key,
    }
}

#[cfg(test)]
#[path = "fields_tests.rs"]
mod tests;
