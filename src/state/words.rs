//! Words the page reads out, decided from the model's numbers: why there is no IRR, machines that would be
//! off today, labels that follow the fleet size, and the static per-MW payback. No float formatting: money
//! goes through the caller's `usd` (the page's `format::usd`).

use crate::model::days::Fleet;
use crate::model::projection::{npv, EndAmount};
use crate::model::scenario::MAX_GROUPS;
use crate::model::{Results, Scenario, Series};

/// Why the projection has no IRR (MODEL.md section 2 searches −99 % … +1,000 % a year).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum IrrNone {
    /// No capex: there is nothing to earn a return on.
    NoCapex,
    /// The cash flow never turns positive: no rate makes the NPV zero.
    NoSignChange,
    /// Cash comes back, but so little that the NPV is negative even at −99 % a year.
    BelowFloor,
    /// The NPV is still positive at +1,000 % a year.
    AboveCeiling,
    /// The NPV has the same sign at both ends of the search but the other sign in between: the cash turns
    /// negative again later (a loan's balance repaid at the end), so it is zero at two rates, not one.
    TwoRates,
    /// The cash flows overflow (valid but extreme inputs).
    Overflow,
}

impl IrrNone {
    /// What the page says in place of the IRR.
    pub fn text(self) -> &'static str {
        match self {
            IrrNone::NoCapex => "no IRR (no capex to earn a return on)",
            IrrNone::NoSignChange => "no IRR (the cash flow never turns positive)",
            IrrNone::BelowFloor => "below −99% a year (the cash that comes back is a small part of the capex)",
            IrrNone::AboveCeiling => "above +1,000% a year (the top of the search range)",
            IrrNone::TwoRates => "no single IRR (the cash turns negative again later, so the NPV is zero at two rates)",
            IrrNone::Overflow => "no IRR (the cash flows are too large to compute)",
        }
    }
}

/// The yearly rates between the IRR search's ends at which [`irr_none_cause`] looks for the NPV's other sign.
const RATES_BETWEEN: [f64; 12] = [-0.9, -0.7, -0.5, -0.3, -0.1, 0.0, 0.1, 0.3, 0.6, 1.0, 2.0, 5.0];

/// Why there is no IRR for these cash flows: the projection's daily `net_usd`, its outlay (the capex; the
/// equity outlay for the equity IRR) and what comes back at the end (the salvage: `EndAmount::default()`
/// without one), as the model's `irr_pct_year` takes them. `shown_npv_usd` is the NPV the page shows beside
/// the IRR (at its discount rate): the words must not contradict it. `None` when there is an IRR (the NPV
/// changes sign between −99 % and +1,000 % a year).
pub fn irr_none_cause(net_usd: &[f64], outlay_usd: f64, end: EndAmount, shown_npv_usd: Option<f64>) -> Option<IrrNone> {
    if outlay_usd <= 0.0 {
        return Some(IrrNone::NoCapex);
    }
    let lo = npv(net_usd, outlay_usd, end, -0.99);
    let hi = npv(net_usd, outlay_usd, end, 10.0);
    if !(lo.is_finite() && hi.is_finite()) {
        return Some(IrrNone::Overflow);
    }
    // Same sign at both ends: a rate in between with the other sign means two IRRs, not none.
    let same = |v: f64| if lo > 0.0 { v > 0.0 } else { v < 0.0 };
    let other = |v: f64| v.is_finite() && v != 0.0 && !same(v);
    let between =
        shown_npv_usd.is_some_and(other) || RATES_BETWEEN.iter().any(|r| other(npv(net_usd, outlay_usd, end, *r)));
    if same(hi) && between {
        return Some(IrrNone::TwoRates);
    }
    if lo > 0.0 && hi > 0.0 {
        return Some(IrrNone::AboveCeiling);
    }
    if lo < 0.0 && hi < 0.0 {
        let any_cash_in = end.usd > 0.0 || net_usd.iter().any(|n| *n > 0.0);
        return Some(if any_cash_in { IrrNone::BelowFloor } else { IrrNone::NoSignChange });
    }
    None
}

/// Whether every machine would be off on every projected day: `group_off_mask` is the projection's daily
/// series (bit g set when group g was off), `present_mask` has a bit for each group on the site. Empty
/// series, or no group, is never "off".
pub fn all_off_every_day(group_off_mask: &[u8], present_mask: u8) -> bool {
    present_mask != 0 && !group_off_mask.is_empty() && group_off_mask.iter().all(|m| m & present_mask == present_mask)
}

/// The bits of the groups on the site (group 1 is bit 0).
pub fn present_groups_mask(s: &Scenario) -> u8 {
    (0..MAX_GROUPS).filter(|&g| s.group(g).is_present()).fold(0u8, |m, g| m | 1 << g)
}

/// Machines on the site, every group together.
pub fn total_machines(s: &Scenario) -> f64 {
    (0..MAX_GROUPS).map(|g| s.group(g)).filter(|m| m.is_present()).map(|m| m.count).sum()
}

/// The strip's words in place of "profit per day" when every machine is curtailed on every projected day:
/// they would be off today, and the site's fixed costs (other fixed costs and hosting, `Fleet::fixed_usd_day`)
/// still cost money. `None` when any machine runs on any day.
pub fn off_today_note(s: &Scenario, series: &Series, usd: &dyn Fn(f64) -> String) -> Option<String> {
    if !all_off_every_day(&series.group_off_mask, present_groups_mask(s)) {
        return None;
    }
    let fixed_usd_day = Fleet::new(s).fixed_usd_day;
    let lead = [
        by_count(["Machines", "Machine"], s),
        " off: mining would earn less than its power costs every day of the projection, so the ",
        by_count(MACHINES, s),
        " would be switched off today",
    ]
    .concat();
    Some(if fixed_usd_day > 0.0 {
        [&lead, ". The site's fixed costs still cost ", &usd(fixed_usd_day), " a day."].concat()
    } else {
        lead + ". With no fixed costs, an idle site costs nothing."
    })
}

/// "Group 3": a 0-based machine group as the page names it.
pub fn group_name(g: usize) -> String {
    ["Group ", &crate::chart::int_string(g as i64 + 1)].concat()
}

/// "groups 2 and 3": 0-based groups as the page names them.
pub fn group_list(groups: &[usize]) -> String {
    let mut out = String::from(if groups.len() == 1 { "group " } else { "groups " });
    for (i, g) in groups.iter().enumerate() {
        if i > 0 {
            out.push_str(if i + 1 == groups.len() { " and " } else { ", " });
        }
        out.push_str(&crate::chart::int_string(*g as i64 + 1));
    }
    out
}

/// Day 0's profit counts every group (MODEL.md section 2: no curtailment on day 0), while the projection
/// switches off a group whose revenue does not pay its power from its first day. For the profit's second
/// line: "; group 3 running at a loss" when some groups (not all: see [`off_today_note`]) are off from today.
pub fn at_a_loss_today_note(s: &Scenario, first_curtailed_day: &[Option<usize>; MAX_GROUPS]) -> String {
    let present: Vec<usize> = (0..MAX_GROUPS).filter(|&g| s.group(g).is_present()).collect();
    let off: Vec<usize> = present.iter().copied().filter(|&g| first_curtailed_day[g] == Some(0)).collect();
    if off.is_empty() || off.len() == present.len() {
        return String::new();
    }
    ["; ", &group_list(&off), " running at a loss"].concat()
}

/// Words that follow the machine count, `[several machines, one machine]`: one machine is not a fleet ("fleet
/// power" reads "power", as "Fleet power" reads "Power"), and is "it", not "them". [`by_count`] picks one.
pub const FLEET: [&str; 2] = ["fleet ", ""];
pub const MACHINES: [&str; 2] = ["machines", "machine"];
pub const MACHINES_OF: [&str; 2] = ["machines'", "machine's"];
pub const THEM: [&str; 2] = ["them", "it"];

/// The word of `words` for the site's machines, every group together ([`total_machines`]).
pub fn by_count(words: [&'static str; 2], s: &Scenario) -> &'static str {
    words[usize::from(total_machines(s) == 1.0)]
}

/// Labels that name several machines, with their words for one (the "Fleet …" labels drop "Fleet ").
const ONE_MACHINE_LABELS: &[(&str, &str)] = &[("Sell the machines today: NPV", "Sell the machine today: NPV")];

/// Whether a label changes with the machine count ([`fleet_label`]).
pub fn label_follows_count(label: &str) -> bool {
    label.starts_with("Fleet ") || ONE_MACHINE_LABELS.iter().any(|(many, _)| *many == label)
}

/// A label for `machines` machines in all (every group together: [`total_machines`]): one machine is not a
/// fleet, so "Fleet profit per day" reads "Profit per day" (every fleet label starts with "Fleet "), and
/// "Sell the machines today" reads "Sell the machine today".
pub fn fleet_label(label: &str, machines: f64) -> String {
    if machines != 1.0 {
        return label.to_string();
    }
    if let Some((_, one)) = ONE_MACHINE_LABELS.iter().find(|(many, _)| *many == label) {
        return one.to_string();
    }
    match label.strip_prefix("Fleet ") {
        Some(rest) => crate::format::first_letter_case(rest, true),
        None => label.to_string(),
    }
}

/// The risk panel's heading for `machines` machines in all.
pub fn risk_title(machines: f64) -> &'static str {
    if machines == 1.0 {
        "Risk: the odds this machine pays back"
    } else {
        "Risk: the odds this fleet pays back"
    }
}

/// The machines' resale at the horizon, as the model's NPVs and IRRs take it.
fn salvage_at_horizon(r: &Results) -> EndAmount {
    EndAmount { usd: r.projection.salvage_usd, days: r.projection.horizon_days }
}

/// What the page says in place of the project's IRR, from the model's own cash flows.
pub fn irr_none_words(r: &Results) -> &'static str {
    let shown = Some(r.projection.npv_usd);
    let cause = irr_none_cause(&r.series.net_usd, r.snapshot.capex_usd, salvage_at_horizon(r), shown);
    cause.map_or("no IRR", IrrNone::text)
}

/// What the page says in place of the equity IRR: the project's words without debt, else from the owners'
/// own cash (MODEL.md section 8).
pub fn equity_irr_none_words(s: &Scenario, r: &Results) -> &'static str {
    use crate::model::projection::{equity_daily_usd, equity_outlay_usd};
    let (capex, equity) = (r.snapshot.capex_usd, &r.projection.equity);
    let months = r.projection.monthly_net_usd.len();
    let flows = equity_daily_usd(s, capex, &r.series.net_usd, months, equity.loan_balance_end_usd);
    let outlay = equity_outlay_usd(s, capex);
    let Some(flows) = flows else { return irr_none_words(r) };
    match irr_none_cause(&flows, outlay, salvage_at_horizon(r), Some(equity.equity_npv_usd)) {
        Some(IrrNone::NoCapex) => "no IRR (no equity paid in)",
        Some(IrrNone::NoSignChange | IrrNone::BelowFloor) => {
            "no IRR (after the loan's payments, the owners' cash never earns back their share of the capex)"
        }
        Some(cause) => cause.text(),
        None => "no IRR",
    }
}

/// Whether a panel starts collapsed: on a fleet of one or two machines (a home miner, often on a phone) the
/// AI/HPC comparison and the Risk panel start closed, so profit comes first; `panel` is `fields::Panel::id`.
pub fn starts_collapsed(panel: &str, machines: f64) -> bool {
    machines <= 2.0 && matches!(panel, "hpc" | "risk")
}

/// The per-MW payback's label: it is static, unlike the projection's payback.
pub const STATIC_PAYBACK_LABEL: &str = "Static payback per MW";

/// What the static payback assumes, said beside it.
pub const STATIC_PAYBACK_NOTE: &str = "static: at today's hashprice, before network growth, halvings and curtailment";

/// The per-MW payback in words: "1.8 years (static: at today's hashprice, …)", or, with no payback
/// (`shown` is `None`), "never at today's hashprice (static: …)". `shown` is the years as the page prints them.
pub fn static_payback_text(shown: Option<&str>) -> String {
    match shown {
        Some(v) => [v, " (", STATIC_PAYBACK_NOTE, ")"].concat(),
        None => ["never at today's hashprice (", STATIC_PAYBACK_NOTE, ")"].concat(),
    }
}

#[cfg(test)]
#[path = "words_tests.rs"]
mod tests;
