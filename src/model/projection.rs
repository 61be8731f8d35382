//! MODEL.md sections 2 and 3: the daily projection, NPV/IRR, and the financing of the capex.

use super::constants::*;
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

/// The scenario's path-independent per-day quantities, shared by the projection, Monte Carlo and sensitivity.
#[derive(Clone, Debug)]
pub struct DayGrid {
    pub days: usize,
    pub horizon_months: usize,
    /// BTC the fleet mines on day d (before curtailment).
    pub btc: Vec<f64>,
    /// Hashprice on day d before the price is applied: BTC per PH/s per day.
    pub hashvalue_btc_per_ph: Vec<f64>,
    pub subsidy_btc: Vec<f64>,
    /// Deterministic price growth factor (1 + g_p)^(d / 365.25).
    pub price_growth: Vec<f64>,
    /// First day of each month, plus `days` at the end.
    pub month_start: Vec<usize>,
    pub power_usd_day: f64,
    pub opex_usd_day: f64,
    pub capex_usd: f64,
    pub curtail: bool,
}

impl DayGrid {
    pub fn new(s: &Scenario) -> DayGrid {
        let days = horizon_days(s.horizon_months);
        let months = s.horizon_months as usize;
        let f = s.pool_fee_pct / 100.0;
        let u = s.uptime_pct / 100.0;
        let fleet_ths = s.machine_hashrate_ths * s.machine_count;
        let fleet_power_kw = fleet_ths * s.machine_efficiency_jth / 1000.0;
        let gh = 1.0 + s.hashrate_growth_pct_month / 100.0;
        let gp = 1.0 + s.btc_price_growth_pct_year / 100.0;
        let height = s.block_height as u64;
        let mut btc = Vec::with_capacity(days);
        let mut hashvalue = Vec::with_capacity(days);
        let mut subsidy = Vec::with_capacity(days);
        let mut price_growth = Vec::with_capacity(days);
        for d in 0..days {
            let t = d as f64;
            let h = s.network_hashrate_ehs * crate::math::pow(gh, t / DAYS_PER_MONTH);
            let sub = subsidy_btc(height + 144 * d as u64);
            let hv = BLOCKS_PER_DAY * (sub + s.fees_btc_per_block) / (h * 1000.0);
            hashvalue.push(hv);
            btc.push(hv * fleet_ths / 1000.0 * u * (1.0 - f));
            subsidy.push(sub);
            price_growth.push(crate::math::pow(gp, t / DAYS_PER_YEAR));
        }
        let mut month_start = Vec::with_capacity(months + 1);
        for d in 0..days {
            if month_start.len() <= month_of_day(d, months) {
                month_start.push(d);
            }
        }
        month_start.push(days);
        DayGrid {
            days,
            horizon_months: months,
            btc,
            hashvalue_btc_per_ph: hashvalue,
            subsidy_btc: subsidy,
            price_growth,
            month_start,
            power_usd_day: fleet_power_kw * 24.0 * u * s.power_price_usd_kwh,
            opex_usd_day: s.opex_usd_month / DAYS_PER_MONTH,
            capex_usd: s.machine_price_usd_per_th * fleet_ths,
            curtail: s.curtail_when_unprofitable,
        }
    }

    /// Net cash of a day with this revenue, applying curtailment.
    #[inline]
    pub fn net(&self, revenue_usd: f64) -> f64 {
        if self.curtail && revenue_usd < self.power_usd_day {
            -self.opex_usd_day
        } else {
            revenue_usd - self.power_usd_day - self.opex_usd_day
        }
    }
}

/// 1 / (1 + r)^((d + 1) / 365.25) for each day, by repeated multiplication (no `powf` per day).
pub fn discount_factors(days: usize, rate_per_year: f64) -> Vec<f64> {
    let v = crate::math::pow(1.0 + rate_per_year, -1.0 / DAYS_PER_YEAR);
    let mut w = v;
    let mut out = Vec::with_capacity(days);
    for _ in 0..days {
        out.push(w);
        w *= v;
    }
    out
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
    if !(f_lo.is_finite() && f_hi.is_finite()) || f_lo * f_hi > 0.0 {
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
    let payment = if i == 0.0 {
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
    let days = grid.days;
    let mut net = Vec::with_capacity(days);
    let mut hashprice = Vec::with_capacity(days);
    let mut curtailed = Vec::with_capacity(days);
    let (mut total_btc, mut total_revenue, mut total_power) = (0.0, 0.0, 0.0);
    let mut curtailed_days = 0;
    for d in 0..days {
        let price = s.btc_price_usd * grid.price_growth[d];
        let revenue = grid.btc[d] * price;
        let off = grid.curtail && revenue < grid.power_usd_day;
        hashprice.push(grid.hashvalue_btc_per_ph[d] * price);
        curtailed.push(off);
        if off {
            curtailed_days += 1;
            net.push(-grid.opex_usd_day);
        } else {
            total_btc += grid.btc[d];
            total_revenue += revenue;
            total_power += grid.power_usd_day;
            net.push(revenue - grid.power_usd_day - grid.opex_usd_day);
        }
    }
    let capex = grid.capex_usd;
    let halving_day = (1..days).find(|&d| grid.subsidy_btc[d] < grid.subsidy_btc[0]);
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
