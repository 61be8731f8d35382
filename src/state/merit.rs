//! Who switches off when (issue 18), pure: each machine's and each machine group's first projected day off,
//! in words that agree with its day-0 status, and the site's running power by group, month by month.
//!
//! A group is off on a day when its revenue is below its power cost (MODEL.md section 7), which for any
//! machine is the day's hashprice falling below its shutdown hashprice (24 × e × pue × p / (1 − f)): the
//! preset machines of the hardware table are placed on the projection's hashprice path that way; the site's
//! own groups take the model's `group_first_curtailed_day` as it is.

use crate::chart::int_string;
use crate::model::days::Fleet;
use crate::model::{Results, Scenario};
use crate::state::decision::{first_off, first_off_words, months_count, FirstOff};
use crate::state::insights::HardwareRow;
use crate::state::presets::MachinePreset;

/// The lowest hashprice up to each day: a machine is first off on the first day this falls below its
/// shutdown hashprice.
pub fn running_min(hashprice: &[f64]) -> Vec<f64> {
    let mut low = f64::INFINITY;
    hashprice
        .iter()
        .map(|&h| {
            if h < low {
                low = h;
            }
            low
        })
        .collect()
}

/// The first day index whose hashprice is below `shutdown` (`low` from [`running_min`]): the day a machine is
/// first switched off, or with curtailment off the first day it runs at a loss; none when there is none.
pub fn first_below(low: &[f64], shutdown: f64) -> Option<usize> {
    // `low` never rises, so the days at or above the shutdown level come first.
    let d = low.partition_point(|&h| !(h < shutdown));
    (d < low.len()).then_some(d)
}

/// A row's status and when it is first switched off, as one phrase that never contradicts itself: the
/// projection decides whether it runs today (day 0 is the projection's first day), the day-0 margin only
/// whether a machine that runs today is profitable or at breakeven. With curtailment off nothing is switched
/// off, and `first_day` is the first day the machine runs at a loss.
pub fn status_words(margin: f64, first_day: Option<usize>, s: &Scenario) -> String {
    if !s.curtail_when_unprofitable {
        let (lead, then) = if margin < 0.0 {
            ("▼ underwater; runs at a loss", String::new())
        } else {
            let lead = if margin > 0.0 { "▲ runs today" } else { "= breakeven today" };
            let then = match first_off(first_day) {
                FirstOff::FromMonth(m) => ["; at a loss from month ", &int_string(m as i64)].concat(),
                FirstOff::Never => {
                    ["; never at a loss within ", &months_count(s.horizon_months)].concat()
                }
                FirstOff::Today => String::new(),
            };
            (lead, then)
        };
        return [lead, &then, " (curtailment is off)"].concat();
    }
    if margin < 0.0 && first_day.is_none() {
        // Not projected (no results): the day-0 status alone.
        return "▼ underwater".into();
    }
    let first = first_off(first_day);
    let lead = match first {
        FirstOff::Today => return "▼ underwater: off today".into(),
        _ if margin > 0.0 => "▲ runs today; ",
        _ => "= breakeven today; ",
    };
    [lead, &first_off_words(first, s)].concat()
}

/// Each preset row's first day off on the site's projected hashprice path (see the module's note), or with
/// curtailment off its first day at a loss (the same day). At uptime 0 a machine earns and pays nothing, and
/// the model switches off only when revenue is below power: never, as for the site's own groups.
pub fn preset_first_days(rows: &[HardwareRow], s: &Scenario, r: &Results) -> Vec<Option<usize>> {
    if s.uptime_pct == 0.0 {
        return vec![None; rows.len()];
    }
    let low = running_min(&r.series.hashprice_usd_per_ph_day);
    rows.iter()
        .map(|row| first_below(&low, row.shutdown_hashprice_usd_per_ph_day))
        .collect()
}

/// One machine group of the site as a row of the hardware table.
#[derive(Clone, Debug, PartialEq)]
pub struct GroupRow {
    /// 0-based group (0 is the `machine_*` keys).
    pub group: usize,
    /// Its figures, in the preset rows' terms (`model` is the row's label).
    pub row: HardwareRow,
    /// The model's `group_first_curtailed_day`; with curtailment off (never switched off), the first day the
    /// group runs at a loss.
    pub first_day: Option<usize>,
}

/// "Group 2 · Antminer S19j Pro" (or "Your machines", "Your machine" on a site of one group).
pub fn group_label(s: &Scenario, g: usize, groups: usize, presets: &[MachinePreset]) -> String {
    let lead = if groups > 1 {
        crate::state::words::group_name(g)
    } else if s.group(g).count == 1.0 {
        "Your machine".into()
    } else {
        "Your machines".into()
    };
    match presets.iter().find(|p| p.matches_group(s, g)) {
        Some(p) => [lead.as_str(), " · ", &p.model].concat(),
        None => lead,
    }
}

/// The site's groups, in group order, with their day-0 figures (MODEL.md section 7's `group_*` outputs, PUE
/// included) and their first day off.
pub fn group_rows(s: &Scenario, r: &Results, presets: &[MachinePreset]) -> Vec<GroupRow> {
    let fleet = Fleet::new(s);
    let n = fleet.groups.len();
    let snap = &r.snapshot;
    let low = running_min(&r.series.hashprice_usd_per_ph_day);
    fleet
        .groups
        .iter()
        .map(|g| {
            let i = g.index;
            let profit = snap.group_profit_usd_day[i].unwrap_or(f64::NAN);
            let revenue = profit + g.power_usd_day;
            let margin = profit / g.ths;
            GroupRow {
                group: i,
                row: HardwareRow {
                    model: group_label(s, i, n, presets),
                    efficiency_jth: g.efficiency_jth,
                    hashrate_ths: s.group(i).hashrate_ths,
                    breakeven_power_price_usd_kwh: snap.group_breakeven_power_price_usd_kwh[i].unwrap_or(f64::NAN),
                    shutdown_hashprice_usd_per_ph_day: snap.group_shutdown_hashprice_usd_per_ph_day[i]
                        .unwrap_or(f64::NAN),
                    margin_usd_per_th_day: margin,
                    gross_margin_pct: (revenue != 0.0 && revenue.is_finite()).then(|| 100.0 * profit / revenue),
                    underwater: margin < 0.0,
                },
                first_day: if s.curtail_when_unprofitable {
                    r.projection.group_first_curtailed_day[i]
                } else {
                    snap.group_shutdown_hashprice_usd_per_ph_day[i].and_then(|v| first_below(&low, v))
                },
            }
        })
        .collect()
}

/// The groups in the order they are first switched off (off today first, never last; ties: the less
/// efficient first, then group order).
pub fn switch_off_order(rows: &[GroupRow]) -> Vec<&GroupRow> {
    let key = |g: &GroupRow| g.first_day.unwrap_or(usize::MAX);
    let mut order: Vec<&GroupRow> = rows.iter().collect();
    crate::sort::sort_small_by(&mut order, |a, b| {
        key(a) < key(b)
            || (key(a) == key(b)
                && (a.row.efficiency_jth > b.row.efficiency_jth
                    || (a.row.efficiency_jth == b.row.efficiency_jth && a.group < b.group)))
    });
    order
}

#[cfg(test)]
#[path = "merit_tests.rs"]
pub(crate) mod tests;
