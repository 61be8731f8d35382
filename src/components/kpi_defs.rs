//! What each KPI is called, how its number reads, what "none" means for it, and its formula with the
//! current numbers substituted.

use crate::format::{compact, num, num_tick, pct, usd, usd_kwh, usd_whole, Txt};
use crate::model::days::discount_at;
use crate::state::decision::{lease_term_words, months_count, months_long};
use crate::model::{MachineGroup, Results, Scenario, MAX_GROUPS};
use crate::state::insights::{btc_or_sats, scale_hashrate_ths};
use crate::state::sell_side::{energy_mwh_day, fixed_usd_day};
use crate::state::words::{by_count, FLEET, MACHINES, MACHINES_OF};

/// How to show one number.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Fmt {
    Usd,
    UsdWhole,
    UsdKwh,
    UsdPerPhDay,
    /// Sell-side reports' unit: "$38,700/EH/s/day".
    UsdPerEhDay,
    UsdPerMwh,
    Pct,
    Btc,
    Ths,
    Kw,
    Days,
    /// A payback in days: day 0 (no capex) reads "no capex to repay", as "0 days" would read as instant.
    PaybackDays,
    Months,
    /// A month of the projection: "month 15".
    Month,
    Years,
    Ratio,
    /// A debt service coverage ratio: below 1× the mine's cash does not cover the loan payment, which is said in
    /// words and marked as a loss, not by colour alone.
    Dscr,
    /// A value in MW, shown as `Kw` shows kW: "3.50 kW" for a small site, "25.45 MW" for a large one.
    Mw,
    Big,
}

/// `x` as `fmt` reads, units included; a value that overflowed reads "not defined", without units.
pub fn show(fmt: Fmt, x: f64) -> String {
    if !x.is_finite() {
        return crate::format::NOT_DEFINED.into();
    }
    match fmt {
        Fmt::Usd => usd(x),
        Fmt::UsdWhole => usd_whole(x),
        Fmt::UsdKwh => usd_kwh(x) + "/kWh",
        Fmt::UsdPerPhDay => usd(x) + "/PH/day",
        Fmt::UsdPerEhDay => usd_whole(x) + "/EH/s/day",
        Fmt::UsdPerMwh => usd(x) + "/MWh",
        Fmt::Pct => pct(x),
        Fmt::Btc => {
            let (v, unit) = btc_or_sats(x);
            let digits = if unit == "sats" { 0 } else { 4 };
            num(v, digits) + " " + unit
        }
        Fmt::Ths => {
            let (v, unit) = scale_hashrate_ths(x);
            num(v, 2) + " " + unit
        }
        Fmt::Kw => {
            let a = x.abs();
            if a >= 1e6 {
                num(x / 1e6, 2) + " GW"
            } else if a >= 1000.0 {
                num(x / 1000.0, 2) + " MW"
            } else {
                num(x, kw_decimals(x)) + " kW"
            }
        }
        Fmt::Days => num(x, 0) + if x == 1.0 { " day" } else { " days" },
        Fmt::PaybackDays if x == 0.0 => "no capex to repay".into(),
        Fmt::PaybackDays => show(Fmt::Days, x),
        Fmt::Months => months_count(x),
        Fmt::Month => "month ".to_string() + &num(x, 0),
        // Below a year in months, so a fast payback does not read "0.0 years".
        Fmt::Years if x == 0.0 => "no capex to repay".into(),
        // Under a month, in days: "0.1 months" says little.
        Fmt::Years if x < 1.0 / 12.0 => show(Fmt::Days, (x * 365.25).ceil()),
        Fmt::Years if x < 1.0 => num(x * 12.0, 1) + " months",
        Fmt::Years => num(x, 1) + " years",
        Fmt::Ratio => num(x, 2) + "×",
        // At most 0.99×, so a DSCR of 0.997 does not read "1.00× (below 1)".
        Fmt::Dscr if x < 1.0 => show(Fmt::Ratio, x.min(0.99)) + " (below 1)",
        Fmt::Dscr => show(Fmt::Ratio, x),
        Fmt::Mw => show(Fmt::Kw, x * 1000.0),
        Fmt::Big => compact(x),
    }
}

impl Fmt {
    /// Whether `x` reads as words rather than a figure ("no capex to repay"), set as a KPI's words are.
    pub fn reads_as_words(self, x: f64) -> bool {
        matches!(self, Fmt::PaybackDays | Fmt::Years) && x == 0.0
    }

    /// Whether `x` is a loss, drawn as one: a negative amount or rate, a DSCR below 1×.
    pub fn is_loss(self, x: f64) -> bool {
        match self {
            Fmt::Usd | Fmt::UsdPerEhDay | Fmt::Pct => x < 0.0,
            Fmt::Dscr => x < 1.0,
            _ => false,
        }
    }
}

pub struct KpiDef {
    pub key: &'static str,
    pub label: &'static str,
    pub fmt: Fmt,
    /// What the page says when the output is none.
    pub none: fn(&Scenario, Option<&Results>) -> String,
    pub formula: fn(&Scenario, &Results) -> String,
}

impl KpiDef {
    /// Whether the label names the fleet ("Fleet profit per day"), which one machine reads without
    /// (`state::words::fleet_label`): its label then changes with the machine count.
    pub fn names_the_fleet(&self) -> bool {
        crate::state::words::label_follows_count(self.label)
    }
}

fn never(s: &Scenario, _: Option<&Results>) -> String {
    Txt::default().t("never within ").s(show(Fmt::Months, s.horizon_months)).0
}
fn no_debt(_: &Scenario, _: Option<&Results>) -> String {
    "no debt".into()
}
/// Decimals for a power in kW, so a small fleet's 10.5 kW does not read "11 kW".
fn kw_decimals(kw: f64) -> usize {
    let a = kw.abs();
    if a < 10.0 {
        2
    } else if a < 100.0 {
        1
    } else {
        0
    }
}

/// The fleet's daily figure for one machine, for comparing with single-machine calculators.
fn per_machine(s: &Scenario, fleet_usd_day: f64) -> String {
    if s.machine_count > 1.0 && groups(s).len() == 1 {
        Txt::default()
            .t("; one machine of ")
            .s(num(s.machine_count, 0))
            .t(": ")
            .s(usd(fleet_usd_day / s.machine_count))
            .0
    } else {
        String::new()
    }
}

/// A divisor in a formula: `decimals` fixed while they keep three significant digits (a fleet's "1.5840 EH/s",
/// "81.48 MWh"), else three significant digits (a home machine's "0.000255 EH/s"), so that the division gives
/// the figure shown.
fn divisor(x: f64, decimals: i32) -> String {
    if x.abs() >= 100.0 / crate::math::pow(10.0, decimals as f64) {
        num(x, decimals as usize)
    } else {
        num_tick(x)
    }
}

/// A hashrate in PH/s, with enough decimals for one machine: "1,575.00 PH/s", "0.2000 PH/s".
fn ph_s(ths: f64) -> String {
    let ph = ths / 1000.0;
    num(ph, if ph.abs() < 1.0 { 4 } else { 2 }) + " PH/s"
}

/// "; it counts group 3, which the projection switches off from today": the day-0 figures run every group,
/// the projection does not (empty without curtailment or without such a group).
fn counts_groups_off(s: &Scenario, r: &Results) -> String {
    let off: Vec<String> = (0..MAX_GROUPS)
        .filter(|&g| s.curtail_when_unprofitable && r.projection.group_first_curtailed_day[g] == Some(0))
        .map(|g| crate::chart::int_string(g as i64 + 1))
        .collect();
    let present = crate::model::present_groups(&r.snapshot.group_profit_usd_day).count();
    let t = match off.len() {
        0 => return String::new(),
        n if n == present => return "; the projection switches every machine off from today".into(),
        1 => Txt::default().t("; it counts group "),
        _ => Txt::default().t("; it counts groups "),
    };
    t.s(off.join(", ")).t(", which the projection switches off from today").0
}

/// `t` followed by "+ $x" or "− $x": the next term of a sum.
fn plus(t: Txt, x: f64) -> Txt {
    if x < 0.0 {
        t.t(" − ").s(usd(-x))
    } else {
        t.t(" + ").s(usd(x))
    }
}

fn not_defined(_: &Scenario, _: Option<&Results>) -> String {
    "not defined".into()
}
fn no_mining_profit(_: &Scenario, _: Option<&Results>) -> String {
    "never (mining makes no gross profit)".into()
}

/// The site's present machine groups (MODEL.md section 7); one for a single machine type.
fn groups(s: &Scenario) -> Vec<MachineGroup> {
    (0..MAX_GROUPS).map(|g| s.group(g)).filter(|g| g.is_present()).collect()
}

/// The fleet's average efficiency, weighted by hashrate: 1000 × fleet kW ÷ fleet TH/s.
fn fleet_efficiency(r: &Results) -> f64 {
    1000.0 * r.snapshot.fleet_power_kw / r.snapshot.fleet_hashrate_ths
}

/// " × PUE 1.25" where the site draws more than its machines; nothing at PUE 1.
fn times_pue(s: &Scenario) -> String {
    if s.pue == 1.0 {
        String::new()
    } else {
        Txt::default().t(" × PUE ").s(num(s.pue, 2)).0
    }
}


/// "n × v" per group, joined with " + " (one group reads as before).
fn per_group(s: &Scenario, term: impl Fn(&MachineGroup) -> String) -> String {
    groups(s).iter().map(term).collect::<Vec<_>>().join(" + ")
}

fn hp(r: &Results) -> String {
    show(Fmt::UsdPerPhDay, r.snapshot.hashprice_usd_per_ph_day)
}

pub const KPIS: &[KpiDef] = &[
    KpiDef {
        key: "hashprice_usd_per_ph_day",
        label: "Hashprice",
        fmt: Fmt::UsdPerPhDay,
        none: not_defined,
        formula: |s, r| {
            Txt::default()
                .t("hashvalue × BTC price = ")
                .s(num(r.snapshot.hashvalue_btc_per_ph_day * 1e8, 0))
                .t(" sats × ")
                .s(usd_whole(s.btc_price_usd))
                .t(" ÷ 100,000,000 sats per BTC = ")
                .s(hp(r))
                .0
        },
    },
    KpiDef {
        key: "hashvalue_btc_per_ph_day",
        label: "Hashvalue per PH/s per day",
        fmt: Fmt::Btc,
        none: not_defined,
        formula: |s, r| {
            Txt::default()
                .t("144 blocks × (")
                .s(num(r.snapshot.block_subsidy_btc, 4))
                .t(" subsidy + ")
                .s(num(s.fees_btc_per_block, 4))
                .t(" fees) BTC ÷ (")
                .s(num(s.network_hashrate_ehs, 0))
                .t(" EH/s × 1,000 PH per EH) = ")
                .s(show(Fmt::Btc, r.snapshot.hashvalue_btc_per_ph_day))
                .t(" per PH/s per day")
                .0
        },
    },
    KpiDef {
        key: "breakeven_power_price_usd_kwh",
        label: "Breakeven power price",
        fmt: Fmt::UsdKwh,
        none: not_defined,
        formula: |s, r| {
            Txt::default()
                .t("hashprice × (1 − pool fee) ÷ (24 h × efficiency")
                .t(if s.pue == 1.0 { "" } else { " × PUE" })
                .t(") = ")
                .s(hp(r))
                .t(" × ")
                .s(num(1.0 - s.pool_fee_pct / 100.0, 3))
                .t(" ÷ (24 × ")
                .s(num(fleet_efficiency(r), 1))
                .t(" J/TH")
                .s(times_pue(s))
                .t(") = ")
                .s(show(Fmt::UsdKwh, r.snapshot.breakeven_power_price_usd_kwh))
                .0
        },
    },
    KpiDef {
        key: "shutdown_hashprice_usd_per_ph_day",
        label: "Shutdown hashprice",
        fmt: Fmt::UsdPerPhDay,
        none: not_defined,
        formula: |s, r| {
            Txt::default()
                .t("24 h × efficiency")
                .t(if s.pue == 1.0 { "" } else { " × PUE" })
                .t(" × power price ÷ (1 − pool fee) = 24 × ")
                .s(num(fleet_efficiency(r), 1))
                .s(times_pue(s))
                .t(" × ")
                .s(usd_kwh(s.power_price_usd_kwh))
                .t(" ÷ ")
                .s(num(1.0 - s.pool_fee_pct / 100.0, 3))
                .t(" = ")
                .s(show(Fmt::UsdPerPhDay, r.snapshot.shutdown_hashprice_usd_per_ph_day))
                .t(". Below it, a day's revenue does not pay its power.")
                .0
        },
    },
    KpiDef {
        key: "breakeven_btc_price_usd",
        label: "Breakeven BTC price",
        fmt: Fmt::UsdWhole,
        none: not_defined,
        formula: |s, r| {
            Txt::default()
                .t("BTC price × shutdown hashprice ÷ hashprice = ")
                .s(usd_whole(s.btc_price_usd))
                .t(" × ")
                .s(show(Fmt::UsdPerPhDay, r.snapshot.shutdown_hashprice_usd_per_ph_day))
                .t(" ÷ ")
                .s(hp(r))
                .s(if s.uptime_pct > 0.0 {
                    " (the power cost of one mined BTC)".into()
                } else {
                    let machines = by_count(MACHINES, s);
                    [" (the power cost of one BTC, were the ", machines, " running: at 0% uptime none is mined)"]
                        .concat()
                })
                .0
        },
    },
    KpiDef {
        key: "profit_usd_day",
        label: "Fleet profit per day",
        fmt: Fmt::Usd,
        none: not_defined,
        formula: |s, r| {
            Txt::default()
                .t("revenue − power − fixed costs = ")
                .s(usd(r.snapshot.revenue_usd_day))
                .t(" − ")
                .s(usd(r.snapshot.power_cost_usd_day))
                .t(" − ")
                .s(usd(fixed_usd_day(s, r)))
                .t(" = ")
                .s(usd(r.snapshot.profit_usd_day))
                .t(" (day 0, no curtailment")
                .s(counts_groups_off(s, r))
                .t(")")
                .s(per_machine(s, r.snapshot.profit_usd_day))
                .0
        },
    },
    KpiDef {
        key: "revenue_usd_day",
        label: "Fleet revenue per day",
        fmt: Fmt::Usd,
        none: not_defined,
        formula: |s, r| {
            Txt::default()
                .t("BTC mined per day × BTC price = ")
                .s(show(Fmt::Btc, r.snapshot.btc_mined_day))
                .t(" × ")
                .s(usd_whole(s.btc_price_usd))
                .s(per_machine(s, r.snapshot.revenue_usd_day))
                .0
        },
    },
    KpiDef {
        key: "power_cost_usd_day",
        label: "Fleet power cost per day",
        fmt: Fmt::Usd,
        none: not_defined,
        formula: |s, r| {
            Txt::default()
                .t(by_count(FLEET, s))
                .t("power")
                .t(if s.pue == 1.0 { "" } else { " × PUE" })
                .t(" × 24 h × uptime × power price = ")
                .s(num(r.snapshot.fleet_power_kw, kw_decimals(r.snapshot.fleet_power_kw)))
                .t(" kW")
                .s(times_pue(s))
                .t(" × 24 h × ")
                .s(pct(s.uptime_pct))
                .t(" × ")
                .s(usd_kwh(s.power_price_usd_kwh))
                .t("/kWh")
                .s(per_machine(s, r.snapshot.power_cost_usd_day))
                .0
        },
    },
    KpiDef {
        key: "gross_margin_pct",
        label: "Gross margin",
        fmt: Fmt::Pct,
        none: |_, _| "none (no revenue)".into(),
        formula: |_, r| {
            Txt::default()
                .t("(revenue − power) ÷ revenue = (")
                .s(usd(r.snapshot.revenue_usd_day))
                .t(" − ")
                .s(usd(r.snapshot.power_cost_usd_day))
                .t(") ÷ ")
                .s(usd(r.snapshot.revenue_usd_day))
                .0
        },
    },
    KpiDef {
        key: "btc_mined_day",
        label: "Fleet BTC mined per day",
        fmt: Fmt::Btc,
        none: not_defined,
        formula: |s, r| {
            Txt::default()
                .t("hashvalue × ")
                .t(by_count(FLEET, s))
                .t("hashrate × uptime × (1 − pool fee) = ")
                .s(show(Fmt::Btc, r.snapshot.hashvalue_btc_per_ph_day))
                .t("/PH/s/day × ")
                .s(ph_s(r.snapshot.fleet_hashrate_ths))
                .t(" × ")
                .s(pct(s.uptime_pct))
                .t(" × ")
                .s(num(1.0 - s.pool_fee_pct / 100.0, 3))
                .0
        },
    },
    KpiDef {
        key: "power_cost_usd_per_btc",
        label: "Power cost per BTC mined",
        fmt: Fmt::UsdWhole,
        none: |_, _| "none (nothing mined)".into(),
        formula: |_, r| {
            Txt::default()
                .t("power cost per day ÷ BTC mined per day = ")
                .s(usd(r.snapshot.power_cost_usd_day))
                .t(" ÷ ")
                .s(show(Fmt::Btc, r.snapshot.btc_mined_day))
                .0
        },
    },
    KpiDef {
        key: "all_in_cost_usd_per_btc",
        // MODEL.md's "all-in": the cash a mined BTC costs, without the machines' depreciation (see the full cost).
        label: "Cash cost per BTC",
        fmt: Fmt::UsdWhole,
        none: |_, _| "none (nothing mined)".into(),
        formula: |s, r| {
            Txt::default()
                .t("(power + fixed costs per day) ÷ BTC mined per day = (")
                .s(usd(r.snapshot.power_cost_usd_day))
                .t(" + ")
                .s(usd(fixed_usd_day(s, r)))
                .t(") ÷ ")
                .s(show(Fmt::Btc, r.snapshot.btc_mined_day))
                .t("; without the ")
                .t(by_count(MACHINES_OF, s))
                .t(" capex (the full cost per BTC adds it)")
                .0
        },
    },
    KpiDef {
        key: "revenue_usd_per_eh_day",
        label: "Revenue per EH/s per day",
        fmt: Fmt::UsdPerEhDay,
        none: not_defined,
        formula: |s, r| {
            let fleet = by_count(FLEET, s);
            Txt::default()
                .t(fleet)
                .t("revenue per day ÷ ")
                .t(fleet)
                .t("hashrate = ")
                .s(usd(r.snapshot.revenue_usd_day))
                .t(" ÷ ")
                .s(divisor(r.snapshot.fleet_hashrate_ths / 1e6, 4))
                .t(" EH/s, after the pool fee and ")
                .s(pct(s.uptime_pct))
                .t(" uptime; the network's, as the banks' notes quote it, is hashprice × 1,000 = ")
                .s(show(Fmt::UsdPerEhDay, r.snapshot.hashprice_usd_per_ph_day * 1000.0))
                .0
        },
    },
    KpiDef {
        key: "gross_profit_usd_per_eh_day",
        label: "Gross profit per EH/s per day",
        fmt: Fmt::UsdPerEhDay,
        none: not_defined,
        formula: |s, r| {
            Txt::default()
                .t("(revenue − power) per day ÷ ")
                .t(by_count(FLEET, s))
                .t("hashrate = (")
                .s(usd(r.snapshot.revenue_usd_day))
                .t(" − ")
                .s(usd(r.snapshot.power_cost_usd_day))
                .t(") ÷ ")
                .s(divisor(r.snapshot.fleet_hashrate_ths / 1e6, 4))
                .t(" EH/s (before fixed costs)")
                .0
        },
    },
    KpiDef {
        key: "hashcost_usd_per_ph_day",
        label: "Hashcost (cash cost per PH/s per day)",
        fmt: Fmt::UsdPerPhDay,
        none: not_defined,
        formula: |s, r| {
            let earned = r.snapshot.hashprice_usd_per_ph_day * (1.0 - s.pool_fee_pct / 100.0) * s.uptime_pct / 100.0;
            Txt::default()
                .t("(power + fixed costs per day) ÷ ")
                .t(by_count(FLEET, s))
                .t("hashrate = (")
                .s(usd(r.snapshot.power_cost_usd_day))
                .t(" + ")
                .s(usd(fixed_usd_day(s, r)))
                .t(") ÷ ")
                .s(ph_s(r.snapshot.fleet_hashrate_ths))
                .t(". A PH/s earns hashprice × (1 − pool fee) × uptime = ")
                .s(show(Fmt::UsdPerPhDay, earned))
                .t(" today; below the hashcost the ")
                .t(by_count(["fleet", "machine"], s))
                .t(" loses cash")
                .0
        },
    },
    KpiDef {
        key: "revenue_usd_per_mwh",
        label: "Revenue per MWh",
        fmt: Fmt::UsdPerMwh,
        none: |_, _| "none (no power drawn)".into(),
        formula: |s, r| {
            Txt::default()
                .t(by_count(FLEET, s))
                .t("revenue per day ÷ energy per day = ")
                .s(usd(r.snapshot.revenue_usd_day))
                .t(" ÷ ")
                .s(divisor(energy_mwh_day(s, r), 2))
                .t(" MWh (site power × 24 h × uptime): the breakeven power price per MWh. The power costs ")
                .s(show(Fmt::UsdPerMwh, s.power_price_usd_kwh * 1000.0))
                .0
        },
    },
    KpiDef {
        key: "fees_share_pct",
        label: "Fees share of reward",
        fmt: Fmt::Pct,
        none: |_, _| "none (no reward)".into(),
        formula: |s, r| {
            Txt::default()
                .t("fees ÷ (subsidy + fees) = ")
                .s(num(s.fees_btc_per_block, 4))
                .t(" ÷ (")
                .s(num(r.snapshot.block_subsidy_btc, 4))
                .t(" + ")
                .s(num(s.fees_btc_per_block, 4))
                .t(")")
                .0
        },
    },
    KpiDef {
        key: "block_subsidy_btc",
        label: "Block subsidy",
        fmt: Fmt::Btc,
        none: not_defined,
        formula: |_, _| "50 BTC halved every 210,000 blocks, in whole satoshis".into(),
    },
    KpiDef {
        key: "difficulty",
        label: "Difficulty",
        fmt: Fmt::Big,
        none: not_defined,
        formula: |s, _| {
            Txt::default()
                .t("network hashrate × 600 s ÷ 2³² = ")
                .s(num(s.network_hashrate_ehs, 0))
                .t(" EH/s × 1e18 × 600 ÷ 2³²")
                .0
        },
    },
    KpiDef {
        key: "fleet_hashrate_ths",
        label: "Fleet hashrate",
        fmt: Fmt::Ths,
        none: not_defined,
        formula: |s, _| {
            Txt::default()
                .t("machines × hashrate = ")
                .s(per_group(s, |g| Txt::default().s(num(g.count, 0)).t(" × ").s(num(g.hashrate_ths, 1)).t(" TH/s").0))
                .0
        },
    },
    KpiDef {
        key: "fleet_power_kw",
        label: "Fleet power",
        fmt: Fmt::Kw,
        none: not_defined,
        formula: |s, _| {
            Txt::default()
                .t("hashrate × efficiency, ")
                .t(by_count(MACHINES, s))
                .t(" only (before PUE) = ")
                .s(per_group(s, |g| {
                    Txt::default().s(show(Fmt::Ths, g.hashrate_ths * g.count)).t(" × ").s(num(g.efficiency_jth, 1)).t(" J/TH").0
                }))
                .0
        },
    },
    KpiDef {
        key: "capex_usd",
        label: "Machine capex",
        fmt: Fmt::Usd,
        none: not_defined,
        formula: |s, _| {
            Txt::default()
                .t("price per TH × hashrate = ")
                .s(per_group(s, |g| Txt::default().s(usd(g.price_usd_per_th)).t(" × ").s(num(g.hashrate_ths * g.count, 0)).t(" TH/s").0))
                .t(" (0 for machines already owned)")
                .0
        },
    },
    KpiDef {
        key: "payback_days",
        label: "Payback",
        fmt: Fmt::PaybackDays,
        none: never,
        formula: |_, _| "first day on which cumulative net cash (curtailed days earn nothing) covers the capex".into(),
    },
    KpiDef {
        key: "npv_usd",
        label: "NPV",
        fmt: Fmt::Usd,
        none: not_defined,
        formula: |s, r| {
            let salvage = r.projection.salvage_usd;
            let t = Txt::default()
                .t("−capex + Σ daily net cash ÷ (1 + ")
                .s(pct(s.discount_rate_pct_year))
                .t(")^((day + 1) ÷ 365.25), day 0 first");
            if salvage > 0.0 {
                let t = t.t(", + the ").t(by_count(MACHINES_OF, s)).t(" resale at the horizon (");
                t.s(usd(salvage)).t(") discounted to today").0
            } else {
                t.0
            }
        },
    },
    KpiDef {
        key: "irr_pct_year",
        label: "IRR",
        fmt: Fmt::Pct,
        // Which of the causes: below −99 %, above the +1,000 % search bound, or cash that never turns positive.
        none: |_, r| r.map_or("no IRR", crate::state::words::irr_none_words).into(),
        formula: |_, _| "the yearly rate at which NPV is zero, found by bisection between −99% and +1,000%".into(),
    },
    KpiDef {
        key: "total_net_usd",
        label: "Total net cash",
        fmt: Fmt::Usd,
        none: not_defined,
        formula: |_, r| {
            let fixed_usd: f64 = r.series.months.iter().map(|m| m.fixed_cost_usd).sum();
            Txt::default()
                .t("revenue − power − fixed costs − capex over the horizon; revenue ")
                .s(usd(r.projection.total_revenue_usd))
                .t(", power ")
                .s(usd(r.projection.total_power_cost_usd))
                .t(", fixed costs ")
                .s(usd(fixed_usd))
                .t(", capex ")
                .s(usd(r.snapshot.capex_usd))
                .t(if r.projection.salvage_usd > 0.0 { ", + resale at the horizon " } else { "" })
                .s(if r.projection.salvage_usd > 0.0 { usd(r.projection.salvage_usd) } else { String::new() })
                .0
        },
    },
    KpiDef {
        key: "total_btc_mined",
        label: "BTC mined over the horizon",
        fmt: Fmt::Btc,
        none: not_defined,
        formula: |_, _| "Σ daily BTC, with hashrate growth, halvings and curtailed days".into(),
    },
    KpiDef {
        key: "total_revenue_usd",
        label: "Revenue over the horizon",
        fmt: Fmt::Usd,
        none: not_defined,
        formula: |_, _| "Σ daily BTC × that day's price".into(),
    },
    KpiDef {
        key: "total_power_cost_usd",
        label: "Power cost over the horizon",
        fmt: Fmt::Usd,
        none: not_defined,
        formula: |s, _| ["Σ power cost of the days the ", by_count(MACHINES, s), " ran"].concat(),
    },
    KpiDef {
        key: "curtailed_days",
        label: "Curtailed days",
        fmt: Fmt::Days,
        none: not_defined,
        formula: |s, r| {
            if groups(s).len() > 1 {
                return Txt::default()
                    .t(if s.curtail_when_unprofitable { "" } else { "curtailment is off, so none of the " })
                    .t("days on which at least one machine group was off: each group switches off on days its revenue does not pay its power, the least efficient first")
                    .0;
            }
            Txt::default()
                .t(if s.curtail_when_unprofitable { "" } else { "curtailment is off, so none of the " })
                .t("days whose revenue is below their power cost (hashprice below the shutdown hashprice ")
                .s(show(Fmt::UsdPerPhDay, r.snapshot.shutdown_hashprice_usd_per_ph_day))
                .t(")")
                .0
        },
    },
    KpiDef {
        key: "halving_day",
        label: "Next halving",
        fmt: Fmt::Days,
        none: |_, _| "not within the horizon".into(),
        formula: |s, _| {
            Txt::default()
                .t("first day whose block subsidy falls, at 144 blocks a day from block ")
                .s(num(s.block_height, 0))
                .0
        },
    },
    KpiDef {
        key: "horizon_days",
        label: "Horizon",
        fmt: Fmt::Days,
        none: not_defined,
        formula: |s, _| Txt::default().t("round(").s(show(Fmt::Months, s.horizon_months)).t(" × 30.4375 days)").0,
    },
    KpiDef {
        key: "debt_payment_usd_month",
        label: "Debt payment",
        fmt: Fmt::Usd,
        none: not_defined,
        formula: |s, r| {
            Txt::default()
                .t("amortizing: debt × i ÷ (1 − (1 + i)^−n), debt = ")
                .s(pct(s.debt_pct))
                .t(" of capex = ")
                .s(usd(r.snapshot.capex_usd * s.debt_pct / 100.0))
                .t(", i = ")
                .s(pct(s.debt_apr_pct))
                .t(" ÷ 12, n = ")
                .s(show(Fmt::Months, s.debt_term_months))
                .0
        },
    },
    KpiDef {
        key: "min_dscr",
        label: "Minimum DSCR",
        fmt: Fmt::Dscr,
        none: no_debt,
        formula: |_, _| "lowest monthly net cash ÷ debt payment while the loan runs (below 1.0× the mine cannot pay it)".into(),
    },
    KpiDef {
        key: "equity_payback_months",
        label: "Equity payback",
        fmt: Fmt::Months,
        // With zero capex a debt share borrows nothing: no debt, as MODEL.md and the DSCR say.
        none: |s, r| if s.debt_pct > 0.0 && r.is_some_and(|r| r.snapshot.capex_usd > 0.0) { never(s, None) } else { no_debt(s, r) },
        formula: |_, _| "first month on which cumulative net cash after debt payments covers the equity share of capex".into(),
    },
    KpiDef {
        key: "salvage_usd",
        label: "Resale at the horizon",
        fmt: Fmt::Usd,
        none: not_defined,
        formula: |s, r| {
            Txt::default()
                .t("resale value today × (1 − yearly decline)^years = ")
                .s(usd(r.snapshot.resale_now_usd))
                .t(" × (1 − ")
                .s(pct(s.resale_decline_pct_year))
                .t(")^")
                .s(num(r.projection.horizon_days as f64 / 365.25, 2))
                .t("; counts in NPV, IRR and total net cash, not in payback")
                .0
        },
    },
    KpiDef {
        key: "full_cost_usd_per_btc",
        label: "Full cost per BTC",
        fmt: Fmt::UsdWhole,
        none: |_, _| "none (nothing mined)".into(),
        formula: |s, r| {
            let p = &r.projection;
            Txt::default()
                .t("(power + fixed costs + capex − resale at the horizon) ÷ BTC mined over the horizon = (")
                .s(usd(p.total_power_cost_usd))
                .t(" + ")
                .s(usd(p.horizon_days as f64 * fixed_usd_day(s, r)))
                .t(" + ")
                .s(usd(r.snapshot.capex_usd))
                .t(" − ")
                .s(usd(p.salvage_usd))
                .t(") ÷ ")
                .s(show(Fmt::Btc, p.total_btc_mined))
                .t(": the cash cost plus the ")
                .t(by_count(MACHINES_OF, s))
                .t(" depreciation")
                .0
        },
    },
    KpiDef {
        key: "equity_npv_usd",
        label: "Equity NPV",
        fmt: Fmt::Usd,
        none: not_defined,
        formula: |s, _| {
            Txt::default()
                .t("the owners' cash: −equity share of capex + Σ daily net cash after the loan's payments (and any balance repaid at the horizon) ÷ (1 + ")
                .s(pct(s.discount_rate_pct_year))
                .t(")^((day + 1) ÷ 365.25), + resale at the horizon")
                .0
        },
    },
    KpiDef {
        key: "equity_irr_pct_year",
        label: "Equity IRR",
        fmt: Fmt::Pct,
        none: |s, r| r.map_or("no IRR", |r| crate::state::words::equity_irr_none_words(s, r)).into(),
        formula: |_, _| "the yearly rate at which the equity NPV is zero, by bisection between −99% and +1,000%".into(),
    },
    KpiDef {
        key: "loan_balance_end_usd",
        label: "Loan left at the horizon",
        fmt: Fmt::Usd,
        none: not_defined,
        formula: |s, r| {
            if r.projection.equity.loan_balance_end_usd > 0.0 {
                Txt::default()
                    .t("the ")
                    .s(months_long(s.debt_term_months))
                    .t(" loan outlasts the horizon: this balance must be refinanced (the equity NPV repays it on the last day)")
                    .0
            } else {
                "0 when the loan is repaid within the horizon".into()
            }
        },
    },
    KpiDef {
        key: "interest_paid_usd",
        label: "Interest paid",
        fmt: Fmt::Usd,
        none: not_defined,
        formula: |s, _| {
            Txt::default()
                .t("Σ balance × APR ÷ 12 over the months paid within the horizon (")
                .s(show(Fmt::Months, s.horizon_months.min(s.debt_term_months)))
                .t(" of the ")
                .s(months_long(s.debt_term_months))
                .t(" loan at ")
                .s(pct(s.debt_apr_pct))
                .t(")")
                .0
        },
    },
    KpiDef {
        key: "first_shortfall_month",
        label: "First debt shortfall",
        fmt: Fmt::Month,
        none: |s, r| if r.is_some_and(|r| r.projection.debt_payment_usd_month > 0.0) { Txt::default().t("none within ").s(show(Fmt::Months, s.horizon_months.min(s.debt_term_months))).0 } else { no_debt(s, r) },
        formula: |_, r| {
            Txt::default()
                .t("the first month whose net cash is below the loan payment of ")
                .s(usd(r.projection.debt_payment_usd_month))
                .0
        },
    },
    KpiDef {
        key: "mining_revenue_usd_mw_year",
        label: "Mining revenue per MW",
        fmt: Fmt::Usd,
        none: not_defined,
        formula: |s, r| {
            Txt::default()
                .t("hashprice × TH/s per MW of site power (")
                .s(num(1e6 / (fleet_efficiency(r) * s.pue), 0))
                .t(") ÷ 1,000 × uptime × (1 − fee) × 365.25 = ")
                .s(usd(r.hpc.mining_revenue_usd_mw_year))
                .t(" a year")
                .0
        },
    },
    KpiDef {
        key: "mining_gross_profit_usd_mw_year",
        label: "Mining gross profit per MW",
        fmt: Fmt::Usd,
        none: not_defined,
        formula: |_, r| {
            Txt::default()
                .t("mining revenue − 1,000 kW × 24 h × uptime × power price × 365.25 = ")
                .s(usd(r.hpc.mining_revenue_usd_mw_year))
                .t(" − ")
                .s(usd(r.hpc.mining_revenue_usd_mw_year - r.hpc.mining_gross_profit_usd_mw_year))
                .0
        },
    },
    KpiDef {
        key: "mining_capex_usd_mw",
        label: "Mining capex per MW",
        fmt: Fmt::Usd,
        none: not_defined,
        formula: |_, r| {
            Txt::default()
                .t("machine capex × 1,000 ÷ site power = ")
                .s(usd(r.snapshot.capex_usd))
                .t(" × 1,000 ÷ ")
                .s(num(r.snapshot.site_power_kw, kw_decimals(r.snapshot.site_power_kw)))
                .t(" kW")
                .0
        },
    },
    KpiDef {
        key: "mining_payback_years",
        label: "Mining payback per MW (static, day 0)",
        fmt: Fmt::Years,
        none: no_mining_profit,
        formula: |_, r| {
            Txt::default()
                .t("mining capex per MW ÷ mining gross profit per MW, at today's hashprice (no growth, halvings or curtailment) = ")
                .s(usd(r.hpc.mining_capex_usd_mw))
                .t(" ÷ ")
                .s(usd(r.hpc.mining_gross_profit_usd_mw_year))
                .0
        },
    },
    KpiDef {
        key: "hpc_revenue_usd_mw_year",
        label: "AI/HPC revenue per MW",
        fmt: Fmt::Usd,
        none: not_defined,
        formula: |s, _| Txt::default()
            .t("lease × 1,000 kW × 12 months = ")
            .s(usd(s.hpc_lease_usd_kw_month))
            .t(" × 12,000")
            .0,
    },
    KpiDef {
        key: "hpc_profit_usd_mw_year",
        label: "AI/HPC profit per MW",
        fmt: Fmt::Usd,
        none: not_defined,
        formula: |s, _| Txt::default().t("AI/HPC revenue × (1 − ").s(pct(s.hpc_opex_pct)).t(" operating cost)").0,
    },
    KpiDef {
        key: "hpc_payback_years",
        label: "AI/HPC payback per MW (static, day 0)",
        fmt: Fmt::Years,
        none: |_, _| "never (no AI/HPC profit)".into(),
        formula: |s, r| {
            Txt::default()
                .t("build cost per MW ÷ AI/HPC profit per MW = ")
                .s(usd(s.hpc_capex_usd_mw))
                .t(" ÷ ")
                .s(usd(r.hpc.hpc_profit_usd_mw_year))
                .0
        },
    },
    KpiDef {
        key: "hpc_to_mining_profit_ratio",
        label: "AI/HPC ÷ mining profit",
        fmt: Fmt::Ratio,
        none: |_, _| "n/a (mining makes no gross profit)".into(),
        formula: |_, r| {
            Txt::default()
                .t("AI/HPC profit per MW ÷ mining gross profit per MW = ")
                .s(usd(r.hpc.hpc_profit_usd_mw_year))
                .t(" ÷ ")
                .s(usd(r.hpc.mining_gross_profit_usd_mw_year))
                .0
        },
    },
    KpiDef {
        key: "site_power_kw",
        label: "Site power",
        fmt: Fmt::Kw,
        none: not_defined,
        formula: |s, r| {
            Txt::default()
                .t(by_count(FLEET, s))
                .t("power × PUE = ")
                .s(show(Fmt::Kw, r.snapshot.fleet_power_kw))
                .t(" × ")
                .s(num(s.pue, 2))
                .0
        },
    },
    KpiDef {
        key: "resale_now_usd",
        label: "Resale value today",
        fmt: Fmt::Usd,
        none: not_defined,
        formula: |s, _| {
            Txt::default()
                .t("second-hand price per TH × hashrate = ")
                .s(per_group(s, |g| Txt::default().s(usd(g.resale_usd_per_th)).t(" × ").s(num(g.hashrate_ths * g.count, 0)).t(" TH/s").0))
                .0
        },
    },
    KpiDef {
        key: "mine_npv_usd",
        label: "Keep mining: NPV",
        fmt: Fmt::Usd,
        none: not_defined,
        formula: |s, r| {
            let p = &r.projection;
            let resale_pv = p.salvage_usd * discount_at(s.discount_rate_pct_year / 100.0, p.horizon_days);
            let t = Txt::default()
                .t("the projection's NPV, mining to the ")
                .s(months_long(s.horizon_months))
                .t(" horizon: −capex + the daily net cash");
            let t = if p.salvage_usd > 0.0 {
                t.t(" and the ").t(by_count(MACHINES_OF, s)).t(" resale at its end (").s(usd(p.salvage_usd)).t(")")
            } else {
                t
            };
            let t = t.t(", discounted at ").s(pct(s.discount_rate_pct_year)).t(" = −").s(usd(r.snapshot.capex_usd));
            let t = plus(t, p.npv_usd + r.snapshot.capex_usd - resale_pv);
            if p.salvage_usd > 0.0 {
                plus(t, resale_pv).0
            } else {
                t.0
            }
        },
    },
    KpiDef {
        key: "sell_npv_usd",
        label: "Sell the machines today: NPV",
        fmt: Fmt::Usd,
        none: not_defined,
        formula: |_, r| {
            Txt::default()
                .t("resale value today − capex = ")
                .s(usd(r.snapshot.resale_now_usd))
                .t(" − ")
                .s(usd(r.snapshot.capex_usd))
                .t("; the site closes")
                .0
        },
    },
    KpiDef {
        key: "convert_npv_usd",
        label: "Convert to AI/HPC: NPV",
        fmt: Fmt::Usd,
        none: not_defined,
        formula: |s, r| {
            let d = &r.decision;
            let (t, machines) = (Txt::default().t("−capex + "), by_count(MACHINES, s));
            let t = if s.hpc_build_months > 0.0 {
                t.t("mining through the ")
                    .s(months_long(s.hpc_build_months))
                    .t(" build, the ")
                    .t(machines)
                    .t(" sold at its end, discounted at ")
                    .s(pct(s.discount_rate_pct_year))
                    .t(" + the conversion capex and the ")
            } else {
                t.t("the ").t(machines).t(" sold today − the whole conversion capex, paid today + the ")
            };
            let t = t
                .s(lease_term_words(s.hpc_lease_term_months))
                .t(" lease, discounted at ")
                .s(pct(s.hpc_discount_rate_pct_year))
                .t(" = −")
                .s(usd(r.snapshot.capex_usd));
            plus(plus(t, d.convert_mining_pv_usd), d.convert_hpc_pv_usd).t(". Each NPV covers its own life.").0
        },
    },
    KpiDef {
        key: "convert_it_mw",
        label: "AI/HPC IT load",
        fmt: Fmt::Mw,
        none: not_defined,
        formula: |s, r| {
            Txt::default()
                .t("site power ÷ AI/HPC PUE = ")
                .s(show(Fmt::Kw, r.snapshot.site_power_kw))
                .t(" ÷ ")
                .s(num(s.hpc_pue, 2))
                .0
        },
    },
    KpiDef {
        key: "convert_capex_usd",
        label: "AI/HPC conversion capex",
        fmt: Fmt::Usd,
        none: not_defined,
        formula: |s, r| {
            Txt::default()
                .t("build cost per MW of IT × IT load = ")
                .s(usd(s.hpc_capex_usd_mw))
                .t("/MW × ")
                .s(show(Fmt::Mw, r.decision.convert_it_mw))
                .0
        },
    },
];

pub fn find(key: &str) -> Option<&'static KpiDef> {
    KPIS.iter().find(|k| k.key == key)
}
