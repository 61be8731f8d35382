//! MODEL.md sections 2 and 3: the daily projection, NPV/IRR, and the financing of the capex.

use super::constants::*;
use super::days::{Days, Fleet};
use super::scenario::Scenario;
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
}

/// Daily series the charts draw; not part of the model's output contract.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Series {
    pub hashprice_usd_per_ph_day: Vec<f64>,
    pub curtailed: Vec<bool>,
    pub net_usd: Vec<f64>,
    /// Σ monthly net up to each month end, minus capex.
    pub cumulative_cash_usd_month: Vec<f64>,
}

/// The projection's per-day tables: the shared [`Days`] and [`Fleet`], plus what only the projection needs.
#[derive(Clone, Debug)]
pub struct DayGrid {
    pub factors: Days,
    pub fleet: Fleet,
    pub horizon_months: usize,
    /// BTC the fleet mines on day d (before curtailment).
    pub btc: Vec<f64>,
    /// Hashprice on day d before the price is applied: BTC per PH/s per day.
    pub hashvalue_btc_per_ph: Vec<f64>,
    /// First day of each month, plus `days` at the end.
    pub month_start: Vec<usize>,
}

impl DayGrid {
    pub fn new(s: &Scenario) -> DayGrid {
        let factors = Days::new(s);
        let fleet = Fleet::new(s);
        let days = factors.days;
        let months = s.horizon_months as usize;
        let hashvalue: Vec<f64> =
            (0..days).map(|d| factors.hashvalue_btc_per_ph(d, s.network_hashrate_ehs, s.fees_btc_per_block)).collect();
        let btc = hashvalue.iter().map(|&hv| fleet.btc(hv)).collect();
        let mut month_start = Vec::with_capacity(months + 1);
        for d in 0..days {
            if month_start.len() <= month_of_day(d, months) {
                month_start.push(d);
            }
        }
        month_start.push(days);
        DayGrid { factors, fleet, horizon_months: months, btc, hashvalue_btc_per_ph: hashvalue, month_start }
    }

    /// Revenue of day `d` on the deterministic price path from a starting BTC price.
    #[inline]
    pub fn revenue_usd(&self, d: usize, btc_price_usd: f64) -> f64 {
        self.btc[d] * (btc_price_usd * self.factors.price_growth[d])
    }
}

/// −capex + Σ net_d / (1 + r)^((d + 1) / 365.25).
pub fn npv(net_usd: &[f64], capex_usd: f64, rate_per_year: f64) -> f64 {
    let v = crate::math::pow(1.0 + rate_per_year, -1.0 / DAYS_PER_YEAR);
    let mut w = v;
    let mut sum = 0.0;
    for &n in net_usd {
        sum += n * w;
        w *= v;
    }
    sum - capex_usd
}

/// The yearly rate in [−0.99, 10] where NPV crosses zero, by bisection to 1e-12; in percent.
pub fn irr_pct_year(net_usd: &[f64], capex_usd: f64) -> Option<f64> {
    if capex_usd == 0.0 {
        return None;
    }
    let (mut lo, mut hi) = (-0.99_f64, 10.0_f64);
    let f_lo = npv(net_usd, capex_usd, lo);
    let f_hi = npv(net_usd, capex_usd, hi);
    // Signs compared directly: the product of two tiny NPVs underflows to 0 and would read as a crossing.
    let same_sign = (f_lo > 0.0 && f_hi > 0.0) || (f_lo < 0.0 && f_hi < 0.0);
    if !(f_lo.is_finite() && f_hi.is_finite()) || same_sign {
        return None;
    }
    let lo_positive = f_lo > 0.0;
    while hi - lo > 1e-12 {
        let mid = 0.5 * (lo + hi);
        if (npv(net_usd, capex_usd, mid) > 0.0) == lo_positive {
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
pub fn monthly_sums(grid: &DayGrid, net_usd: &[f64]) -> Vec<f64> {
    grid.month_start.windows(2).map(|w| net_usd[w[0]..w[1]].iter().sum()).collect()
}

/// Section 3 outputs.
#[derive(Clone, Debug, PartialEq)]
pub struct Financing {
    pub debt_payment_usd_month: f64,
    pub min_dscr: Option<f64>,
    pub equity_payback_months: Option<usize>,
}

pub fn financing(s: &Scenario, capex_usd: f64, monthly_net_usd: &[f64]) -> Financing {
    let debt = capex_usd * s.debt_pct / 100.0;
    if debt <= 0.0 {
        return Financing { debt_payment_usd_month: 0.0, min_dscr: None, equity_payback_months: None };
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
    let min_dscr = monthly_net_usd
        .iter()
        .take(n.min(monthly_net_usd.len()))
        .map(|m| m / payment)
        .fold(None, |acc: Option<f64>, x| Some(acc.map_or(x, |a| a.min(x))));
    let equity = capex_usd - debt;
    let mut cum = 0.0;
    let mut equity_payback_months = None;
    for (k, m) in monthly_net_usd.iter().enumerate() {
        cum += m - if k < n { payment } else { 0.0 };
        if cum >= equity {
            equity_payback_months = Some(k + 1);
            break;
        }
    }
    Financing { debt_payment_usd_month: payment, min_dscr, equity_payback_months }
}

/// Runs the deterministic projection of section 2 and the financing of section 3.
pub fn project(s: &Scenario) -> (Projection, Series) {
    let grid = DayGrid::new(s);
    let fleet = &grid.fleet;
    let days = grid.factors.days;
    let mut net = Vec::with_capacity(days);
    let mut hashprice = Vec::with_capacity(days);
    let mut curtailed = Vec::with_capacity(days);
    let (mut total_btc, mut total_revenue, mut total_power) = (0.0, 0.0, 0.0);
    let mut curtailed_days = 0;
    for d in 0..days {
        let price = s.btc_price_usd * grid.factors.price_growth[d];
        let revenue = grid.btc[d] * price;
        let off = fleet.curtailed(revenue);
        hashprice.push(grid.hashvalue_btc_per_ph[d] * price);
        curtailed.push(off);
        if off {
            curtailed_days += 1;
        } else {
            total_btc += grid.btc[d];
            total_revenue += revenue;
            total_power += fleet.power_usd_day;
        }
        net.push(fleet.net(revenue));
    }
    let capex = fleet.capex_usd;
    let subsidy = &grid.factors.subsidy_btc;
    let halving_day = (1..days).find(|&d| subsidy[d] < subsidy[0]);
    let monthly = monthly_sums(&grid, &net);
    let fin = financing(s, capex, &monthly);
    let mut cum = -capex;
    let cumulative = monthly.iter().map(|m| {
        cum += m;
        cum
    });
    let series = Series {
        hashprice_usd_per_ph_day: hashprice,
        curtailed,
        cumulative_cash_usd_month: cumulative.collect(),
        net_usd: Vec::new(),
    };
    let projection = Projection {
        horizon_days: days,
        halving_day,
        payback_days: payback_days(&net, capex),
        curtailed_days,
        total_btc_mined: total_btc,
        total_revenue_usd: total_revenue,
        total_power_cost_usd: total_power,
        total_net_usd: net.iter().sum::<f64>() - capex,
        npv_usd: npv(&net, capex, s.discount_rate_pct_year / 100.0),
        irr_pct_year: irr_pct_year(&net, capex),
        monthly_net_usd: monthly,
        debt_payment_usd_month: fin.debt_payment_usd_month,
        min_dscr: fin.min_dscr,
        equity_payback_months: fin.equity_payback_months,
    };
    (projection, Series { net_usd: net, ..series })
}
