//! Keep, sell or convert (MODEL.md section 9) in words, and the figures the decision card adds to the
//! model's: the BTC price at which mining and converting are worth the same, and when each machine group is
//! first switched off. Pure: numbers reach the words through the caller's formatter.

// Whole numbers through `int_string`: `to_string` would link core's integer formatting into the page.
use crate::chart::int_string;
use crate::model::constants::DAYS_PER_MONTH;
use crate::model::{evaluate, Decision, Results, Scenario};
use crate::state::words::by_count;

/// One of the three exclusive choices for the site.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Choice {
    Mine,
    Sell,
    Convert,
}

impl Choice {
    /// As the subject of a sentence, for the site's machines (one is "the machine").
    pub fn doing(self, s: &Scenario) -> &'static str {
        match self {
            Choice::Mine => "Mining on",
            Choice::Sell => by_count(["Selling the machines today", "Selling the machine today"], s),
            Choice::Convert => "Converting to AI/HPC",
        }
    }

    /// As the object of "beats …".
    pub fn object(self) -> &'static str {
        match self {
            Choice::Mine => "mining",
            Choice::Sell => "selling",
            Choice::Convert => "converting",
        }
    }

    pub fn npv_usd(self, d: &Decision) -> f64 {
        match self {
            Choice::Mine => d.mine_npv_usd,
            Choice::Sell => d.sell_npv_usd,
            Choice::Convert => d.convert_npv_usd,
        }
    }
}

/// The three choices, best NPV first (ties keep the order mine, sell, convert).
pub fn ranked(d: &Decision) -> [Choice; 3] {
    let mut order = [Choice::Mine, Choice::Sell, Choice::Convert];
    crate::sort::sort_small_by(&mut order, |a, b| a.npv_usd(d) > b.npv_usd(d));
    order
}

/// A span of whole months before a noun: "36-month" (horizon, build, loan).
pub fn months_long(months: f64) -> String {
    int_string(months.max(0.0) as i64) + "-month"
}

/// A count of whole months: "1 month", "36 months".
pub fn months_count(months: f64) -> String {
    let m = months.max(0.0) as i64;
    int_string(m) + if m == 1 { " month" } else { " months" }
}

/// The lease term in words: "10-year" for whole years, "126-month" otherwise.
pub fn lease_term_words(months: f64) -> String {
    let m = months.max(0.0) as u64;
    if m % 12 == 0 && m > 0 {
        int_string((m / 12) as i64) + "-year"
    } else {
        months_long(months)
    }
}

/// The decision in one sentence, worst to best: "Selling the machines today beats mining by $1.20M;
/// converting to AI/HPC beats both by $14.0M over its 10-year lease." `money` formats a positive USD amount.
pub fn decision_words(d: &Decision, s: &Scenario, money: &dyn Fn(f64) -> String) -> String {
    let [best, second, worst] = ranked(d);
    let lease = |c: Choice| {
        if c == Choice::Convert {
            [" over its ", &lease_term_words(s.hpc_lease_term_months), " lease"].concat()
        } else {
            String::new()
        }
    };
    let gap = |a: Choice, b: Choice| a.npv_usd(d) - b.npv_usd(d);
    if !(gap(best, worst).is_finite() && gap(best, second).is_finite()) {
        return "At these inputs an NPV overflows (is not defined), so the three cannot be compared.".into();
    }
    let same = |a: Choice, b: Choice| same_worth(a.npv_usd(d), b.npv_usd(d));
    // Two gaps each within rounding make no difference between the three either.
    if same(best, worst) || (same(best, second) && same(second, worst)) {
        let selling = lower_first(Choice::Sell.doing(s));
        return ["Mining on, ", &selling, " and converting to AI/HPC are worth the same."].concat();
    }
    let mut out = String::new();
    if same(second, worst) {
        out.push_str(second.doing(s));
        out.push_str(" and ");
        out.push_str(worst.object());
        out.push_str(" are worth the same; ");
        out.push_str(&lower_first(best.doing(s)));
        out.push_str(" beats both by ");
    } else {
        out.push_str(second.doing(s));
        out.push_str(" beats ");
        out.push_str(worst.object());
        out.push_str(" by ");
        out.push_str(&money(gap(second, worst)));
        out.push_str(&lease(second));
        out.push_str("; ");
        if same(best, second) {
            out.push_str(&lower_first(best.doing(s)));
            out.push_str(" is worth as much");
            out.push_str(&lease(best));
            out.push('.');
            return out;
        }
        out.push_str(&lower_first(best.doing(s)));
        out.push_str(" beats both by ");
    }
    out.push_str(&money(gap(best, second)));
    out.push_str(&lease(best));
    out.push('.');
    out
}

/// ASCII only: `char::to_lowercase` would bring Unicode's case tables into the page.
fn lower_first(text: &str) -> String {
    crate::format::first_letter_case(text, false)
}

/// Two NPVs the page cannot tell apart: within half a cent, or a billionth of their size. The model's sums
/// for two choices with the same cash, taken in another order, differ by rounding (a few cents on $10M), and
/// "beats mining by $0.00" or a crossing found in that noise would be wrong.
pub fn same_worth(a: f64, b: f64) -> bool {
    (a - b).abs() <= (1e-9 * (a.abs() + b.abs())).max(0.005)
}

/// NPV of mining minus NPV of converting at a BTC price, the other inputs as they are (0 when they are worth
/// the same); None if invalid.
fn mine_minus_convert(s: &Scenario, btc_price_usd: f64) -> Option<f64> {
    // Cloned and dropped whole: a struct update or a partial move copies and drops field by field (~1 KB more
    // WASM before wasm-opt).
    let mut at = s.clone();
    at.btc_price_usd = btc_price_usd;
    let d = evaluate(&at).ok()?.decision;
    Some(if same_worth(d.mine_npv_usd, d.convert_npv_usd) { 0.0 } else { d.mine_npv_usd - d.convert_npv_usd })
}

/// Where mining and converting meet as the BTC price moves, the other inputs as they are.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Crossing {
    /// Worth the same at this BTC price (USD, to $100).
    At(f64),
    /// Mining is worth more at every price from $100 to $10M (the BTC price's valid range).
    MineAhead,
    /// Converting is worth more at every price from $100 to $10M.
    ConvertAhead,
    /// Worth the same at $100, at $10M and at today's price: the BTC price does not part them (a conversion
    /// whose build outlasts the horizon, at no capex, is mining by another name).
    Same,
}

/// The BTC price at which mining and converting are worth the same at these inputs, found with the model by
/// bisection to $100 (rounded to the nearest $100), or which is ahead at every price; None if the inputs
/// are invalid.
pub fn mine_convert_crossing(s: &Scenario) -> Option<Crossing> {
    const STEP_USD: f64 = 100.0;
    let (mut lo, mut hi) = (STEP_USD, 1e7);
    let f_lo = mine_minus_convert(s, lo)?;
    let f_hi = mine_minus_convert(s, hi)?;
    if f_lo == 0.0 && f_hi == 0.0 && mine_minus_convert(s, s.btc_price_usd)? == 0.0 {
        return Some(Crossing::Same);
    }
    if f_lo == 0.0 {
        return Some(Crossing::At(lo));
    }
    if f_hi != 0.0 && (f_lo > 0.0) == (f_hi > 0.0) {
        return Some(if f_lo > 0.0 { Crossing::MineAhead } else { Crossing::ConvertAhead });
    }
    while hi - lo > STEP_USD {
        let mid = 0.5 * (lo + hi);
        let f = mine_minus_convert(s, mid)?;
        if f != 0.0 && (f > 0.0) == (f_lo > 0.0) {
            lo = mid;
        } else {
            hi = mid;
        }
    }
    Some(Crossing::At((0.5 * (lo + hi) / STEP_USD).round() * STEP_USD))
}

/// The three choices' cumulative cash by month, undiscounted (MODEL.md section 9), for the decision chart. Each
/// starts from the fleet as it is, its capex spent: month 0 is −capex_usd.
#[derive(Clone, Debug, PartialEq)]
pub struct CashPaths {
    /// Months 0 … horizon; the last includes the machines' resale at the horizon.
    pub mine: Vec<f64>,
    /// That resale (`salvage_usd`), drawn as a step at the horizon.
    pub salvage_usd: f64,
    /// Selling today: resale_now_usd − capex_usd from day 0 on, the site closed.
    pub sell: f64,
    /// Months 0 … build + lease term: mining through the build, then the lease.
    pub convert: Vec<f64>,
}

/// Sums the model's monthly cash of keeping on mining (`monthly_net_usd`, then the salvage) and of converting
/// (`convert_monthly_net_usd`) from −capex_usd; selling is one amount on day 0.
pub fn cash_paths(r: &Results) -> CashPaths {
    let capex = r.snapshot.capex_usd;
    let cumulative = |monthly: &[f64]| {
        let mut sum = -capex;
        let mut out = vec![sum];
        out.extend(monthly.iter().map(|m| {
            sum += m;
            sum
        }));
        out
    };
    let mut mine = cumulative(&r.projection.monthly_net_usd);
    if let Some(last) = mine.last_mut() {
        *last += r.projection.salvage_usd;
    }
    CashPaths {
        mine,
        salvage_usd: r.projection.salvage_usd,
        sell: r.decision.sell_npv_usd,
        convert: cumulative(&r.decision.convert_monthly_net_usd),
    }
}

impl CashPaths {
    /// A choice's cash at the end of its own life: mining's with the machines' resale at the horizon.
    pub fn end_usd(&self, c: Choice) -> f64 {
        match c {
            Choice::Mine => self.mine.last().copied().unwrap_or(f64::NAN),
            Choice::Sell => self.sell,
            Choice::Convert => self.convert.last().copied().unwrap_or(f64::NAN),
        }
    }
}

/// When the choice that ends with the most cash is not the one worth the most, a sentence that says why (the
/// NPVs count later cash for less, each at its own rate); empty when they are the same choice or too close to
/// tell apart. The chart draws undiscounted cash, and a conversion whose line ends far ahead while the words
/// call mining better reads as a contradiction without it.
pub fn cash_versus_worth(p: &CashPaths, d: &Decision, s: &Scenario, pct: &dyn Fn(f64) -> String) -> String {
    let worth = ranked(d)[0];
    let mut cash = Choice::Mine;
    for c in [Choice::Sell, Choice::Convert] {
        if p.end_usd(c) > p.end_usd(cash) {
            cash = c;
        }
    }
    let apart = |a: f64, b: f64| a.is_finite() && b.is_finite() && !same_worth(a, b);
    if cash == worth || !apart(p.end_usd(cash), p.end_usd(worth)) || !apart(cash.npv_usd(d), worth.npv_usd(d)) {
        return String::new();
    }
    [
        " Undiscounted, ",
        cash.object(),
        " ends with the most cash, but ",
        &lower_first(worth.doing(s)),
        " is worth the most: the NPVs count later cash for less (mining's at ",
        &pct(s.discount_rate_pct_year),
        " a year, the conversion's at ",
        &pct(s.hpc_discount_rate_pct_year),
        " a year).",
    ]
    .concat()
}

/// When a machine group is first switched off in the projection.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FirstOff {
    /// Off on day 0 already: its revenue does not pay its power today.
    Today,
    /// First off in this 1-based month of the projection.
    FromMonth(usize),
    /// Runs every day of the horizon (or curtailment is off).
    Never,
}

/// A group's first day off (MODEL.md `group_first_curtailed_day`, 0-based) as a month of the projection.
pub fn first_off(first_curtailed_day: Option<usize>) -> FirstOff {
    match first_curtailed_day {
        Some(0) => FirstOff::Today,
        Some(d) => FirstOff::FromMonth((d as f64 / DAYS_PER_MONTH).floor() as usize + 1),
        None => FirstOff::Never,
    }
}

/// "off from month 10", "off within month 1", "never off within 36 months" (or "runs every day: curtailment is
/// off"); a group off from today is "off from today (unprofitable at today's hashprice)".
pub fn first_off_words(first: FirstOff, s: &Scenario) -> String {
    match first {
        FirstOff::Today => "off from today (unprofitable at today's hashprice)".into(),
        FirstOff::FromMonth(1) => "off within month 1".into(),
        FirstOff::FromMonth(m) => ["off from month ", &int_string(m as i64)].concat(),
        FirstOff::Never if !s.curtail_when_unprofitable => "runs every day (curtailment is off)".into(),
        FirstOff::Never => ["never off within ", &months_count(s.horizon_months)].concat(),
    }
}

#[cfg(test)]
#[path = "decision_tests.rs"]
mod tests;
