//! MODEL.md sections 2, 3, 7 and 8: the site's daily projection, NPV/IRR, the financing of the capex and
//! the loan month by month.

use super::constants::*;
use super::days::{discount_at, Days, Fleet};
use super::scenario::{Scenario, MAX_GROUPS};
use super::snapshot::{finite, ratio};
use serde::Serialize;

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Projection {
    pub horizon_days: usize,
    pub halving_day: Option<usize>,
    pub payback_days: Option<usize>,
    pub curtailed_days: usize,
    pub total_btc_mined: f64,
    pub total_revenue_usd: f64,
    pub total_power_cost_usd: f64,
    pub total_net_usd: f64,
    pub npv_usd: f64,
    pub irr_pct_year: Option<f64>,
    pub monthly_net_usd: Vec<f64>,
    pub debt_payment_usd_month: f64,
    pub min_dscr: Option<f64>,
    pub equity_payback_months: Option<usize>,
    pub salvage_usd: f64,
    pub full_cost_usd_per_btc: Option<f64>,
    /// Per group 1–6 (none for an absent group).
    pub group_curtailed_days: [Option<usize>; MAX_GROUPS],
    /// The first day index a group is off; none also when it never is.
    pub group_first_curtailed_day: [Option<usize>; MAX_GROUPS],
    pub group_gross_profit_usd: [Option<f64>; MAX_GROUPS],
    /// Section 8, its keys side by side with the others in the output.
    #[serde(flatten)]
    pub equity: Equity,
}

/// Series the charts and the CSV export draw; not part of the model's output contract.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Series {
    pub hashprice_usd_per_ph_day: Vec<f64>,
    /// A day on which at least one group was off.
    pub curtailed: Vec<bool>,
    pub net_usd: Vec<f64>,
    /// Σ monthly net up to each month end, minus capex.
    pub cumulative_cash_usd_month: Vec<f64>,
    /// Each month's sums, as the projection's totals are summed (the export's rows).
    pub months: Vec<MonthTotals>,
    /// Per day, bit g set when group g (0-based) was off.
    pub group_off_mask: Vec<u8>,
    /// `[group][month]`: days of the month on which a group ran; empty for an absent group.
    pub group_running_days_month: [Vec<usize>; MAX_GROUPS],
    /// The loan month by month (section 8); empty without debt.
    pub loan: Vec<LoanMonth>,
}

/// One month of the projection's sums (MODEL.md sections 2 and 7).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct MonthTotals {
    pub days: usize,
    pub btc_mined: f64,
    pub revenue_usd: f64,
    pub power_cost_usd: f64,
    /// opex + hosting
    pub fixed_cost_usd: f64,
    /// Days on which at least one group was off.
    pub curtailed_days: usize,
}

/// Month m of the loan (MODEL.md section 8): what is paid at its end and the balance after it.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct LoanMonth {
    pub interest_usd: f64,
    pub principal_usd: f64,
    pub balance_usd: f64,
}

/// The projection's per-day tables: the shared [`Days`] and [`Fleet`], plus what only the projection needs.
#[derive(Clone, Debug)]
pub struct DayGrid<'a> {
    pub factors: Days,
    pub fleet: &'a Fleet,
    pub horizon_months: usize,
    /// BTC each group mines on day d (before curtailment): `fleet.groups.len()` values per day.
    pub btc: Vec<f64>,
    /// Hashprice on day d before the price is applied: BTC per PH/s per day.
    pub hashvalue_btc_per_ph: Vec<f64>,
    /// First day of each month, plus `days` at the end.
    pub month_start: Vec<usize>,
}

impl<'a> DayGrid<'a> {
    pub fn new(s: &Scenario, fleet: &'a Fleet) -> DayGrid<'a> {
        let factors = Days::new(s);
        let days = factors.days;
        let months = s.horizon_months as usize;
        let hashvalue: Vec<f64> =
            (0..days).map(|d| factors.hashvalue_btc_per_ph(d, s.network_hashrate_ehs, s.fees_btc_per_block)).collect();
        let btc = hashvalue
            .iter()
            .flat_map(|&hv| fleet.groups.iter().map(move |g| (g, hv)))
            .map(|(g, hv)| fleet.btc(g, hv))
            .collect();
        DayGrid {
            month_start: month_starts(days, months),
            factors,
            fleet,
            horizon_months: months,
            btc,
            hashvalue_btc_per_ph: hashvalue,
        }
    }

    /// The groups' BTC on day `d`.
    #[inline]
    pub fn btc_day(&self, d: usize) -> &[f64] {
        let n = self.fleet.groups.len();
        &self.btc[d * n..(d + 1) * n]
    }
}

/// First day of each month (`min(floor(d / 30.4375), months − 1)`), plus `days` at the end: month m starts
/// on day ceil(m × 30.4375) (exact in binary: 30.4375 = 487 / 16), the last month runs to the end.
pub fn month_starts(days: usize, months: usize) -> Vec<usize> {
    let mut starts: Vec<usize> = (0..months)
        .map(|m| ((m as f64 * DAYS_PER_MONTH).ceil() as usize).min(days))
        .take_while(|&d| d < days)
        .collect();
    starts.push(days);
    starts
}

/// An amount received at the end of the horizon (the machines' salvage): `usd` after `days` days.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct EndAmount {
    pub usd: f64,
    pub days: usize,
}

/// −outlay + Σ net_d / (1 + r)^((d + 1) / 365.25) + end / (1 + r)^(end days / 365.25).
pub fn npv(net_usd: &[f64], outlay_usd: f64, end: EndAmount, rate_per_year: f64) -> f64 {
    let v = crate::math::pow(1.0 + rate_per_year, -1.0 / DAYS_PER_YEAR);
    // Odd and even days in two independent chains (day d's weight v^(d+1) stepped by v²), so the IRR's ~45
    // evaluations are not one long chain of dependent multiplications; the sums agree with one chain to
    // ~1e-15 relative.
    let v2 = v * v;
    let (mut w0, mut w1) = (v, v2);
    let (mut s0, mut s1) = (0.0, 0.0);
    let mut pairs = net_usd.chunks_exact(2);
    for pair in &mut pairs {
        s0 += pair[0] * w0;
        s1 += pair[1] * w1;
        w0 *= v2;
        w1 *= v2;
    }
    if let [last] = pairs.remainder() {
        s0 += last * w0;
    }
    let sum = s0 + s1;
    let end_value = if end.usd == 0.0 { 0.0 } else { end.usd * discount_at(rate_per_year, end.days) };
    sum - outlay_usd + end_value
}

/// The yearly rate in [−0.99, 10] where [`npv`] crosses zero, by bisection to 1e-12; in percent. None when
/// there is no outlay or the NPV has the same sign at both ends.
pub fn irr_pct_year(net_usd: &[f64], outlay_usd: f64, end: EndAmount) -> Option<f64> {
    if outlay_usd <= 0.0 {
        return None;
    }
    let npv_at = |r: f64| npv(net_usd, outlay_usd, end, r);
    let (mut lo, mut hi) = (-0.99_f64, 10.0_f64);
    let f_lo = npv_at(lo);
    let f_hi = npv_at(hi);
    // Signs compared directly: the product of two tiny NPVs underflows to 0 and would read as a crossing.
    let same_sign = (f_lo > 0.0 && f_hi > 0.0) || (f_lo < 0.0 && f_hi < 0.0);
    if !(f_lo.is_finite() && f_hi.is_finite()) || same_sign {
        return None;
    }
    let lo_positive = f_lo > 0.0;
    while hi - lo > 1e-12 {
        let mid = 0.5 * (lo + hi);
        if (npv_at(mid) > 0.0) == lo_positive {
            lo = mid;
        } else {
            hi = mid;
        }
    }
    Some(100.0 * 0.5 * (lo + hi))
}

/// First day (1-based count) on which cumulative net cash covers the capex; 0 when there is nothing to pay back.
pub fn payback_days(net_usd: &[f64], capex_usd: f64) -> Option<usize> {
    if capex_usd == 0.0 {
        return Some(0);
    }
    let mut cum = 0.0;
    for (d, n) in net_usd.iter().enumerate() {
        cum += n;
        if cum >= capex_usd {
            return Some(d + 1);
        }
    }
    None
}

/// Monthly sums of daily net cash over the grid's months.
pub fn monthly_sums(month_start: &[usize], net_usd: &[f64]) -> Vec<f64> {
    month_start.windows(2).map(|w| net_usd[w[0]..w[1]].iter().sum()).collect()
}

/// Section 3 outputs.
#[derive(Clone, Debug, PartialEq)]
pub struct Financing {
    pub debt_payment_usd_month: f64,
    pub min_dscr: Option<f64>,
    pub equity_payback_months: Option<usize>,
}

/// The loan of section 3: amount, term, monthly rate and payment.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Loan {
    pub debt_usd: f64,
    pub term_months: usize,
    pub rate_month: f64,
    pub payment_usd_month: f64,
}

impl Loan {
    /// None without debt (no share borrowed, or nothing to borrow).
    pub fn new(s: &Scenario, capex_usd: f64) -> Option<Loan> {
        let debt = capex_usd * s.debt_pct / 100.0;
        if debt <= 0.0 {
            return None;
        }
        let n = s.debt_term_months as usize;
        let i = s.debt_apr_pct / 100.0 / 12.0;
        let payment = if i == 0.0 || 1.0 + i == 1.0 {
            // At i = 0, and where 1 + i rounds to 1 (APR below ~1e-12 %), MODEL.md's formula divides by zero; its
            // limit is debt / n. Elsewhere the formula is evaluated as specified, although rounding 1 + i costs it
            // accuracy below an APR of ~1e-4 % (8e-8 relative at 1e-9 %), which `debt i / −expm1(−n ln1p(i))`
            // would avoid at the price of disagreeing with the specified form there.
            debt / n as f64
        } else {
            debt * i / (1.0 - crate::math::pow(1.0 + i, -(n as f64)))
        };
        Some(Loan { debt_usd: debt, term_months: n, rate_month: i, payment_usd_month: payment })
    }

    /// Months 1 … `months` (section 8): interest, principal and the balance after each; the balance is exactly
    /// 0 after the last payment and stays 0.
    pub fn schedule(&self, months: usize) -> Vec<LoanMonth> {
        let mut balance = self.debt_usd;
        (1..=months)
            .map(|m| {
                if m > self.term_months {
                    return LoanMonth::default();
                }
                let interest = balance * self.rate_month;
                let principal = self.payment_usd_month - interest;
                balance = if m == self.term_months { 0.0 } else { balance - principal };
                LoanMonth { interest_usd: interest, principal_usd: principal, balance_usd: balance }
            })
            .collect()
    }
}

pub fn financing(s: &Scenario, capex_usd: f64, monthly_net_usd: &[f64]) -> Financing {
    let Some(loan) = Loan::new(s, capex_usd) else {
        return Financing { debt_payment_usd_month: 0.0, min_dscr: None, equity_payback_months: None };
    };
    let n = loan.term_months;
    let payment = loan.payment_usd_month;
    let min_dscr = monthly_net_usd
        .iter()
        .take(n.min(monthly_net_usd.len()))
        .map(|m| m / payment)
        .fold(None, |acc: Option<f64>, x| Some(acc.map_or(x, |a| a.min(x))));
    let equity = equity_outlay_usd(s, capex_usd);
    let mut cum = 0.0;
    let mut equity_payback_months = if equity <= 0.0 { Some(0) } else { None };
    for (k, m) in monthly_net_usd.iter().enumerate().take_while(|_| equity_payback_months.is_none()) {
        cum += m - if k < n { payment } else { 0.0 };
        if cum >= equity {
            equity_payback_months = Some(k + 1);
            break;
        }
    }
    Financing { debt_payment_usd_month: payment, min_dscr, equity_payback_months }
}

/// What the owners pay in: capex × (1 − debt_pct/100), exactly 0 at 100 % debt.
pub fn equity_outlay_usd(s: &Scenario, capex_usd: f64) -> f64 {
    if s.debt_pct >= 100.0 {
        0.0
    } else {
        capex_usd * (1.0 - s.debt_pct / 100.0)
    }
}

/// The last day of section 2's month m − 1, on which month m's payment falls: ceil(m × 30.4375) − 1.
pub fn month_end_day(m: usize) -> usize {
    ((m as f64 * DAYS_PER_MONTH).ceil() as usize).saturating_sub(1)
}

/// The project's cash that section 8 starts from.
#[derive(Clone, Copy, Debug)]
pub struct ProjectCash<'a> {
    pub net_usd: &'a [f64],
    pub monthly_net_usd: &'a [f64],
    pub salvage: EndAmount,
    /// The project's NPV (with the salvage): the equity's without debt.
    pub npv_usd: f64,
}

/// The owners' daily cash (section 8): the project's `net_usd` less each month's loan payment on its last day
/// and, when the loan outlasts the horizon's `months`, the balance left repaid on the last day.
fn owners_daily_usd(loan: &Loan, balance_end_usd: f64, net_usd: &[f64], months: usize) -> Vec<f64> {
    let days = net_usd.len();
    let mut flows = net_usd.to_vec();
    if days == 0 {
        return flows;
    }
    for m in 1..=loan.term_months.min(months) {
        let day = if m == months { days - 1 } else { month_end_day(m) };
        flows[day.min(days - 1)] -= loan.payment_usd_month;
    }
    if loan.term_months > months {
        flows[days - 1] -= balance_end_usd;
    }
    flows
}

/// The owners' daily cash the equity NPV and IRR are taken over, for the scenario's loan (None without debt),
/// given the balance left at the horizon (the model's `loan_balance_end_usd`): for saying why there is no
/// equity IRR.
pub fn equity_daily_usd(
    s: &Scenario,
    capex_usd: f64,
    net_usd: &[f64],
    months: usize,
    balance_end_usd: f64,
) -> Option<Vec<f64>> {
    Loan::new(s, capex_usd).map(|loan| owners_daily_usd(&loan, balance_end_usd, net_usd, months))
}

/// Section 8's outputs.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Equity {
    pub equity_npv_usd: f64,
    pub equity_irr_pct_year: Option<f64>,
    pub loan_balance_end_usd: f64,
    pub interest_paid_usd: f64,
    pub first_shortfall_month: Option<usize>,
    pub loan_balance_usd: Vec<f64>,
}

/// MODEL.md section 8: the equity holder's cash, the loan paid month by month out of the site's daily net.
/// Returns the outputs and the loan's months (empty without debt).
pub fn equity(s: &Scenario, capex_usd: f64, cash: ProjectCash, project_irr: Option<f64>) -> (Equity, Vec<LoanMonth>) {
    let ProjectCash { net_usd, monthly_net_usd, salvage, npv_usd } = cash;
    let rate = s.discount_rate_pct_year / 100.0;
    let months = monthly_net_usd.len();
    let Some(loan) = Loan::new(s, capex_usd) else {
        // No debt: the equity holder's cash is the project's.
        let equity = Equity {
            equity_npv_usd: npv_usd,
            equity_irr_pct_year: project_irr,
            loan_balance_end_usd: 0.0,
            interest_paid_usd: 0.0,
            first_shortfall_month: None,
            loan_balance_usd: vec![0.0; months],
        };
        return (equity, Vec::new());
    };
    let schedule = loan.schedule(months);
    let paid_months = loan.term_months.min(months);
    let balance_end = if paid_months == 0 { loan.debt_usd } else { schedule[paid_months - 1].balance_usd };
    let flows = owners_daily_usd(&loan, balance_end, net_usd, months);
    let outlay = equity_outlay_usd(s, capex_usd);
    let equity = Equity {
        equity_npv_usd: npv(&flows, outlay, salvage, rate),
        equity_irr_pct_year: irr_pct_year(&flows, outlay, salvage),
        loan_balance_end_usd: balance_end,
        interest_paid_usd: schedule[..paid_months].iter().map(|m| m.interest_usd).sum(),
        first_shortfall_month: (1..=paid_months).find(|&m| monthly_net_usd[m - 1] < loan.payment_usd_month),
        loan_balance_usd: schedule.iter().map(|m| m.balance_usd).collect(),
    };
    (equity, schedule)
}

/// Runs the deterministic projection of sections 2 and 7, the financing of section 3 and the equity of
/// section 8.
pub fn project(s: &Scenario, fleet: &Fleet) -> (Projection, Series) {
    let grid = DayGrid::new(s, fleet);
    let days = grid.factors.days;
    let groups = fleet.groups.len();
    let mut net = Vec::with_capacity(days);
    let mut hashprice = Vec::with_capacity(days);
    let mut curtailed = Vec::with_capacity(days);
    let mut group_off_mask = Vec::with_capacity(days);
    let (mut total_btc, mut total_revenue, mut total_power) = (0.0, 0.0, 0.0);
    let mut curtailed_days = 0;
    let mut group_off_days = vec![0usize; groups];
    let mut group_first_off: Vec<Option<usize>> = vec![None; groups];
    let mut group_gross = vec![0.0; groups];
    let mut group_running = vec![vec![0usize; grid.horizon_months]; groups];
    let mut months = vec![MonthTotals::default(); grid.horizon_months];
    for d in 0..days {
        let m = month_of_day(d, grid.horizon_months);
        let price = s.btc_price_usd * grid.factors.price_growth[d];
        let (mut day_btc, mut day_revenue, mut day_power) = (0.0, 0.0, 0.0);
        let mut any_off = false;
        let mut off_mask = 0u8;
        for (k, (g, &btc)) in fleet.groups.iter().zip(grid.btc_day(d)).enumerate() {
            let revenue = btc * price;
            if fleet.curtailed(g, revenue) {
                any_off = true;
                off_mask |= 1 << g.index;
                group_off_days[k] += 1;
                group_first_off[k].get_or_insert(d);
            } else {
                day_btc += btc;
                day_revenue += revenue;
                day_power += g.power_usd_day;
                group_gross[k] += revenue - g.power_usd_day;
                group_running[k][m] += 1;
            }
        }
        hashprice.push(grid.hashvalue_btc_per_ph[d] * price);
        curtailed.push(any_off);
        group_off_mask.push(off_mask);
        if any_off {
            curtailed_days += 1;
        }
        total_btc += day_btc;
        total_revenue += day_revenue;
        total_power += day_power;
        let month = &mut months[m];
        month.days += 1;
        month.btc_mined += day_btc;
        month.revenue_usd += day_revenue;
        month.power_cost_usd += day_power;
        month.fixed_cost_usd += fleet.fixed_usd_day;
        month.curtailed_days += usize::from(any_off);
        net.push(fleet.net(grid.btc_day(d), price));
    }
    let capex = fleet.capex_usd;
    let subsidy = &grid.factors.subsidy_btc;
    let halving_day = (1..days).find(|&d| subsidy[d] < subsidy[0]);
    let monthly = monthly_sums(&grid.month_start, &net);
    let fin = financing(s, capex, &monthly);
    let salvage_usd = fleet.resale_after_usd(s, days);
    let salvage = EndAmount { usd: salvage_usd, days };
    let rate = s.discount_rate_pct_year / 100.0;
    let npv_usd = npv(&net, capex, salvage, rate);
    let irr = irr_pct_year(&net, capex, salvage);
    let cash = ProjectCash { net_usd: &net, monthly_net_usd: &monthly, salvage, npv_usd };
    let (equity, loan) = equity(s, capex, cash, irr);
    let mut cum = -capex;
    let cumulative: Vec<f64> = monthly
        .iter()
        .map(|m| {
            cum += m;
            cum
        })
        .collect();
    let mut group_curtailed_days = [None; MAX_GROUPS];
    let mut group_first_curtailed_day = [None; MAX_GROUPS];
    let mut group_gross_profit_usd = [None; MAX_GROUPS];
    let mut group_running_days_month: [Vec<usize>; MAX_GROUPS] = Default::default();
    for (k, g) in fleet.groups.iter().enumerate() {
        group_curtailed_days[g.index] = Some(group_off_days[k]);
        group_first_curtailed_day[g.index] = group_first_off[k];
        group_gross_profit_usd[g.index] = finite(group_gross[k]);
        group_running_days_month[g.index] = std::mem::take(&mut group_running[k]);
    }
    let full_cost = ratio(total_power + days as f64 * fleet.fixed_usd_day + capex - salvage_usd, total_btc);
    let projection = Projection {
        horizon_days: days,
        halving_day,
        payback_days: payback_days(&net, capex),
        curtailed_days,
        total_btc_mined: total_btc,
        total_revenue_usd: total_revenue,
        total_power_cost_usd: total_power,
        total_net_usd: net.iter().sum::<f64>() - capex + salvage_usd,
        npv_usd,
        irr_pct_year: irr,
        debt_payment_usd_month: fin.debt_payment_usd_month,
        min_dscr: fin.min_dscr,
        equity_payback_months: fin.equity_payback_months,
        salvage_usd,
        full_cost_usd_per_btc: full_cost,
        group_curtailed_days,
        group_first_curtailed_day,
        group_gross_profit_usd,
        equity,
        monthly_net_usd: monthly,
    };
    let series = Series {
        hashprice_usd_per_ph_day: hashprice,
        curtailed,
        cumulative_cash_usd_month: cumulative,
        net_usd: net,
        months,
        group_off_mask,
        group_running_days_month,
        loan,
    };
    (projection, series)
}
