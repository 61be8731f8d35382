//! History model: hashvalue per epoch, "today's hashvalue is the lowest since …", the backtest of a machine
//! bought at the start of an epoch, and the network's growth as it was. Formulas in docs/history.md.

use super::data::{date_words, group_thousands, Epoch, EPOCH_TARGET_SECONDS};
use crate::format::Txt;
use crate::model::constants::{subsidy_btc, DAYS_PER_MONTH};
use crate::model::Scenario;

const SECONDS_PER_DAY: f64 = 86_400.0;
const TWO_POW_32: f64 = 4_294_967_296.0;

/// BTC per PH/s per day at a difficulty: 86,400 × 1e15 × (subsidy + fees) / (difficulty × 2^32).
pub fn hashvalue_btc_per_ph_day(difficulty: f64, subsidy_btc: f64, fees_btc_per_block: f64) -> f64 {
    SECONDS_PER_DAY * 1e15 * (subsidy_btc + fees_btc_per_block) / (difficulty * TWO_POW_32)
}

/// The unit pool dashboards use: satoshis per TH/s per day (1 PH/s = 1,000 TH/s, 1 BTC = 1e8 sats).
pub fn sats_per_th_day(hashvalue_btc_per_ph_day: f64) -> f64 {
    hashvalue_btc_per_ph_day * 1e5
}

/// One epoch's hashvalue.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct EpochValue {
    pub epoch: usize,
    pub start_height: u64,
    pub est_start_unix: i64,
    pub difficulty: f64,
    /// At the epoch's start height (an epoch with a halving inside keeps the old subsidy throughout).
    pub subsidy_btc: f64,
    /// The fee per block added to the subsidy (0 = "subsidy only": the data has no fees).
    pub fees_btc_per_block: f64,
    pub hashvalue_btc_per_ph_day: f64,
    pub sats_per_th_day: f64,
}

/// Hashvalue of every epoch, with `fees_btc_per_block` added to each block's subsidy (0 for subsidy only).
pub fn hashvalue_series(epochs: &[Epoch], fees_btc_per_block: f64) -> Vec<EpochValue> {
    epochs
        .iter()
        .map(|e| {
            let subsidy = subsidy_btc(e.start_height);
            let hv = hashvalue_btc_per_ph_day(e.difficulty, subsidy, fees_btc_per_block);
            EpochValue {
                epoch: e.index,
                start_height: e.start_height,
                est_start_unix: e.est_start_unix,
                difficulty: e.difficulty,
                subsidy_btc: subsidy,
                fees_btc_per_block,
                hashvalue_btc_per_ph_day: hv,
                sats_per_th_day: sats_per_th_day(hv),
            }
        })
        .collect()
}

/// USD hashprice per PH/s per day of each epoch: hashvalue × that epoch's BTC price (none without a price).
/// `prices_usd` is per epoch, as [`super::prices::epoch_prices`] gives; missing entries count as none.
pub fn hashprice_series(values: &[EpochValue], prices_usd: &[Option<f64>]) -> Vec<Option<f64>> {
    values
        .iter()
        .enumerate()
        .map(|(k, v)| prices_usd.get(k).copied().flatten().map(|p| v.hashvalue_btc_per_ph_day * p))
        .collect()
}

/// The scenario's hashvalue (BTC per PH/s per day, with its fees), as the snapshot computes it:
/// 144 × (subsidy + fees) / (network EH/s × 1000).
pub fn today_hashvalue(s: &Scenario) -> f64 {
    144.0 * (subsidy_btc(s.block_height.max(0.0) as u64) + s.fees_btc_per_block) / (s.network_hashrate_ehs * 1000.0)
}

/// Where a value sits against the epochs before it.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum LowestSince {
    /// Below every epoch compared (from `first_epoch`, the earliest compared, on): the lowest in the data.
    Ever { first_epoch: usize },
    /// The last epoch as low or lower is this one, with this many epochs compared after it, all higher.
    Since { epoch: usize, higher_epochs: usize },
    /// The epoch just before was as low or lower: no low.
    NotALow { epoch: usize },
    /// No epoch ends before the height: nothing to compare with.
    NoData,
}

/// Compares `hashvalue` with the epochs that end at or before `block_height` (the epoch containing the
/// height is the scenario's own, so it is left out): finds the last one with a lower or equal hashvalue.
/// A hashvalue that is not a positive finite number gives `NoData`.
pub fn lowest_since(values: &[EpochValue], block_height: u64, hashvalue: f64) -> LowestSince {
    let points: Vec<_> = values.iter().map(|v| (v.epoch, v.start_height, Some(v.hashvalue_btc_per_ph_day))).collect();
    lowest_in(&points, block_height, hashvalue)
}

/// The same in USD: today's hashprice against each epoch's (`hashprices` from [`hashprice_series`]); epochs
/// without a price are not compared, so `Ever` means "since prices began".
pub fn lowest_hashprice_since(
    values: &[EpochValue],
    hashprices: &[Option<f64>],
    block_height: u64,
    hashprice_usd_per_ph_day: f64,
) -> LowestSince {
    let points: Vec<_> = values
        .iter()
        .enumerate()
        .map(|(k, v)| (v.epoch, v.start_height, hashprices.get(k).copied().flatten()))
        .collect();
    lowest_in(&points, block_height, hashprice_usd_per_ph_day)
}

/// One copy for both units (not generic over the iterator: a second copy would cost page size).
fn lowest_in(points: &[(usize, u64, Option<f64>)], block_height: u64, x: f64) -> LowestSince {
    if !(x.is_finite() && x > 0.0) {
        return LowestSince::NoData;
    }
    let before: Vec<(usize, f64)> = points
        .iter()
        .copied()
        .filter(|(_, h, _)| h.saturating_add(super::data::EPOCH_BLOCKS) <= block_height)
        .filter_map(|(e, _, v)| Some((e, v?)))
        .collect();
    let Some(&(first_epoch, _)) = before.first() else { return LowestSince::NoData };
    match before.iter().rposition(|&(_, v)| v <= x) {
        None => LowestSince::Ever { first_epoch },
        Some(i) if i + 1 == before.len() => LowestSince::NotALow { epoch: before[i].0 },
        Some(i) => LowestSince::Since { epoch: before[i].0, higher_epochs: before.len() - 1 - i },
    }
}

/// [`lowest_since`] for a scenario: its hashvalue (with its fees) against the epochs' hashvalue with the same
/// fee per block added, so like is compared with like.
pub fn lowest_since_for(s: &Scenario, epochs: &[Epoch]) -> (LowestSince, Vec<EpochValue>) {
    let values = hashvalue_series(epochs, s.fees_btc_per_block);
    let height = if s.block_height.is_finite() && s.block_height > 0.0 { s.block_height as u64 } else { 0 };
    (lowest_since(&values, height, today_hashvalue(s)), values)
}

/// The sentence under the history chart, e.g. "Today's hashvalue is the lowest since the epoch from about
/// 12 Nov 2025 (block 923,328): below all 14 epochs after it." `what` names the value: "hashvalue" (BTC)
/// or "hashprice" (USD).
pub fn lowest_since_words(values: &[EpochValue], result: LowestSince, what: &str) -> String {
    let at = |epoch: usize| values.iter().find(|v| v.epoch == epoch);
    let from = |t: Txt, v: &EpochValue| {
        t.t("the epoch from about ")
            .s(date_words(v.est_start_unix))
            .t(" (block ")
            .s(group_thousands(v.start_height))
            .t(")")
    };
    let today = || Txt::default().t("Today's ").t(what);
    let none = || "No difficulty history to compare with.".to_string();
    match result {
        LowestSince::Ever { first_epoch } => at(first_epoch).map_or_else(none, |v| {
            today()
                .t(" is the lowest in the data: below every difficulty epoch since about ")
                .s(date_words(v.est_start_unix))
                .t(".")
                .0
        }),
        LowestSince::Since { epoch, higher_epochs } => at(epoch).map_or_else(none, |v| {
            let t = from(today().t(" is the lowest since "), v).t(": ");
            if higher_epochs == 1 {
                t.t("below the one epoch after it.").0
            } else {
                t.t("below all ").s(crate::chart::int_string(higher_epochs as i64)).t(" epochs after it.").0
            }
        }),
        LowestSince::NotALow { epoch } => at(epoch).map_or_else(none, |v| {
            from(today().t(" is no new low: "), v).t(", the one before it, was as low or lower.").0
        }),
        LowestSince::NoData => "No difficulty epoch before this block height to compare with.".into(),
    }
}

/// What the backtest machine is: per TH/s, so the fleet size does not matter.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct BacktestInput {
    /// The machine starts hashing at the start of this epoch (an index into the table).
    pub start_epoch: usize,
    pub efficiency_jth: f64,
    pub uptime_pct: f64,
    /// Taken off the BTC mined, as the snapshot does (a pool-paid machine is what the scenario models).
    pub pool_fee_pct: f64,
    /// Added to each block's subsidy (0: subsidy only).
    pub fees_btc_per_block: f64,
    pub power_price_usd_kwh: f64,
    /// The site's PUE: power is bought for the machine and its share of cooling and losses, as on the rest of
    /// the page.
    pub pue: f64,
    /// Paid at the start; only used for the USD payback.
    pub machine_price_usd_per_th: f64,
}

impl BacktestInput {
    /// The scenario's machine and costs, bought at the start of `start_epoch`.
    pub fn from_scenario(s: &Scenario, start_epoch: usize) -> BacktestInput {
        BacktestInput {
            start_epoch,
            efficiency_jth: s.machine_efficiency_jth,
            uptime_pct: s.uptime_pct,
            pool_fee_pct: s.pool_fee_pct,
            fees_btc_per_block: s.fees_btc_per_block,
            power_price_usd_kwh: s.power_price_usd_kwh,
            pue: s.pue,
            machine_price_usd_per_th: s.machine_price_usd_per_th,
        }
    }
}

/// One epoch of the backtest, per TH/s of machine.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct BacktestRow {
    pub epoch: usize,
    pub start_height: u64,
    pub est_start_unix: i64,
    /// From the estimated dates; the table's last epoch has no end, so it counts 14 days (`nominal_span`).
    pub days: f64,
    pub nominal_span: bool,
    /// BTC mined in the epoch: hashvalue / 1000 × days × uptime × (1 − pool fee).
    pub btc_per_th: f64,
    pub cum_btc_per_th: f64,
    /// kWh: J/TH × PUE × 0.024 kWh per (W·day) × days × uptime.
    pub power_kwh_per_th: f64,
    pub power_usd_per_th: f64,
    /// The epoch's BTC price, when loaded.
    pub price_usd: Option<f64>,
    /// Power cost in BTC at the epoch's price.
    pub power_btc_per_th: Option<f64>,
    pub revenue_usd_per_th: Option<f64>,
    /// Σ (revenue − power) since the start, before the machine price; none from the first epoch without a price.
    pub cum_net_usd_per_th: Option<f64>,
}

/// When the machine paid for itself (USD: mined BTC sold at each epoch's price, less power, against its price).
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Payback {
    /// Within this epoch, at about this time (linear within the epoch).
    Reached { epoch: usize, est_unix: i64 },
    /// Not by the end of the data.
    NotYet,
    /// Unknown: no price for this epoch (the first without one, before payback).
    NoPrice { epoch: usize },
}

/// The backtest of a machine bought at the start of an epoch, per TH/s.
#[derive(Clone, Debug, PartialEq)]
pub struct Backtest {
    pub input: BacktestInput,
    pub rows: Vec<BacktestRow>,
    pub total_btc_per_th: f64,
    pub total_power_usd_per_th: f64,
    /// Σ power cost in BTC, when every epoch has a price.
    pub total_power_btc_per_th: Option<f64>,
    pub payback: Payback,
}

/// Runs the machine through the real difficulty path from `input.start_epoch` to the end of the table.
/// `prices_usd` is per epoch (may be empty: no USD results). None for a start epoch outside the table or
/// inputs that are not finite and in range (efficiency > 0, uptime and pool fee 0–100, fees, power and
/// machine prices ≥ 0). No curtailment: the machine runs every epoch.
pub fn backtest(epochs: &[Epoch], prices_usd: &[Option<f64>], input: BacktestInput) -> Option<Backtest> {
    let i = input;
    let ok = |x: f64, lo: f64, hi: f64| x.is_finite() && (lo..=hi).contains(&x);
    let valid = ok(i.efficiency_jth, f64::MIN_POSITIVE, 1e6)
        && ok(i.uptime_pct, 0.0, 100.0)
        && ok(i.pool_fee_pct, 0.0, 100.0)
        && ok(i.fees_btc_per_block, 0.0, 1e6)
        && ok(i.power_price_usd_kwh, 0.0, 1e6)
        && ok(i.pue, 1.0, 1e3)
        && ok(i.machine_price_usd_per_th, 0.0, 1e9);
    if !valid || i.start_epoch >= epochs.len() {
        return None;
    }
    let u = i.uptime_pct / 100.0;
    let keep = 1.0 - i.pool_fee_pct / 100.0;
    let mut rows = Vec::new();
    let (mut cum_btc, mut power_usd, mut power_btc) = (0.0, 0.0, Some(0.0));
    let mut cum_net: Option<f64> = Some(0.0);
    let mut payback = if i.machine_price_usd_per_th == 0.0 {
        Some(Payback::Reached { epoch: i.start_epoch, est_unix: epochs[i.start_epoch].est_start_unix })
    } else {
        None
    };
    for (k, e) in epochs.iter().enumerate().skip(i.start_epoch) {
        let next = epochs.get(k + 1);
        let seconds = next.map_or(EPOCH_TARGET_SECONDS, |n| (n.est_start_unix - e.est_start_unix) as f64);
        let days = seconds / SECONDS_PER_DAY;
        let hv = hashvalue_btc_per_ph_day(e.difficulty, subsidy_btc(e.start_height), i.fees_btc_per_block);
        let btc = hv / 1000.0 * days * u * keep;
        cum_btc += btc;
        let kwh = i.efficiency_jth * i.pue * 0.024 * days * u;
        let usd = kwh * i.power_price_usd_kwh;
        power_usd += usd;
        let price = prices_usd.get(k).copied().flatten().filter(|p| p.is_finite() && *p > 0.0);
        let power_btc_here = price.map(|p| usd / p);
        power_btc = power_btc.zip(power_btc_here).map(|(a, b)| a + b);
        let revenue = price.map(|p| btc * p);
        let before = cum_net;
        cum_net = cum_net.zip(revenue).map(|(c, r)| c + r - usd);
        if payback.is_none() {
            match (before, cum_net) {
                (Some(b), Some(c)) if c >= i.machine_price_usd_per_th => {
                    // b < price <= c, so frac is in (0, 1]; `min` guards rounding (no `clamp`: see docs/performance.md).
                    let frac = ((i.machine_price_usd_per_th - b) / (c - b)).min(1.0);
                    let est_unix = e.est_start_unix + (frac * seconds).round() as i64;
                    payback = Some(Payback::Reached { epoch: k, est_unix });
                }
                (Some(_), None) => payback = Some(Payback::NoPrice { epoch: k }),
                _ => {}
            }
        }
        rows.push(BacktestRow {
            epoch: k,
            start_height: e.start_height,
            est_start_unix: e.est_start_unix,
            days,
            nominal_span: next.is_none(),
            btc_per_th: btc,
            cum_btc_per_th: cum_btc,
            power_kwh_per_th: kwh,
            power_usd_per_th: usd,
            price_usd: price,
            power_btc_per_th: power_btc_here,
            revenue_usd_per_th: revenue,
            cum_net_usd_per_th: cum_net,
        });
    }
    Some(Backtest {
        input,
        rows,
        total_btc_per_th: cum_btc,
        total_power_usd_per_th: power_usd,
        total_power_btc_per_th: power_btc,
        payback: payback.unwrap_or(Payback::NotYet),
    })
}

/// "paid back about 3 Mar 2021", "not paid back yet", "unknown: no BTC price for the epoch from about …".
pub fn payback_words(epochs: &[Epoch], payback: Payback) -> String {
    match payback {
        Payback::Reached { est_unix, .. } => Txt::default().t("paid back about ").s(date_words(est_unix)).0,
        Payback::NotYet => "not paid back yet".into(),
        Payback::NoPrice { epoch } => match epochs.get(epoch) {
            Some(e) => {
                Txt::default().t("unknown: no BTC price for the epoch from about ").s(date_words(e.est_start_unix)).0
            }
            None => "unknown: no BTC price".into(),
        },
    }
}

/// Average network growth per month between two epochs, from their difficulty (which follows hashrate).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Growth {
    /// The span asked for (6, 12, 24); the epochs found span `days`.
    pub months: u32,
    pub from_epoch: usize,
    pub to_epoch: usize,
    pub days: f64,
    /// 100 × (D_to / D_from − 1).
    pub difficulty_change_pct: f64,
    /// Compounding, as the scenario's hashrate_growth_pct_month: 100 × ((D_to / D_from)^(30.4375 / days) − 1).
    pub pct_per_month: f64,
}

/// Growth over about `months` months ending at the start of `to_epoch`: from the epoch whose estimated start
/// is nearest `months × 30.4375` days earlier. None if that reaches before the table or `months` is 0.
pub fn growth_over(epochs: &[Epoch], to_epoch: usize, months: u32) -> Option<Growth> {
    let to = epochs.get(to_epoch)?;
    if months == 0 {
        return None;
    }
    let want = to.est_start_unix as f64 - f64::from(months) * DAYS_PER_MONTH * SECONDS_PER_DAY;
    if want < epochs.first()?.est_start_unix as f64 {
        return None;
    }
    let from = epochs[..to_epoch]
        .iter()
        .min_by(|a, b| (a.est_start_unix as f64 - want).abs().total_cmp(&(b.est_start_unix as f64 - want).abs()))?;
    let days = (to.est_start_unix - from.est_start_unix) as f64 / SECONDS_PER_DAY;
    let ratio = to.difficulty / from.difficulty;
    Some(Growth {
        months,
        from_epoch: from.index,
        to_epoch,
        days,
        difficulty_change_pct: 100.0 * (ratio - 1.0),
        pct_per_month: 100.0 * (crate::math::pow(ratio, DAYS_PER_MONTH / days) - 1.0),
    })
}

/// "Growth as it was", beside the hashrate-growth input: the last 6, 12 and 24 months of the table.
pub fn growth_as_it_was(epochs: &[Epoch]) -> Vec<Growth> {
    let last = epochs.len().saturating_sub(1);
    [6, 12, 24].iter().filter_map(|&m| growth_over(epochs, last, m)).collect()
}

#[cfg(test)]
#[path = "model_tests.rs"]
mod tests;
