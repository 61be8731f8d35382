//! The per-day building blocks of MODEL.md section 2, shared by the projection (section 2 and its export)
//! and the risk runs (sections 5–6), so that every path computes a day's BTC and net cash the same way.

use super::constants::*;
use super::scenario::{Scenario, MAX_GROUPS};

/// A scenario's factors of each day that depend on the day alone, not on the fleet or the price path.
#[derive(Clone, Debug)]
pub struct Days {
    pub days: usize,
    /// (1 + g_h)^(d / 30.4375)
    pub hash_growth: Vec<f64>,
    /// (1 + g_p)^(d / 365.25)
    pub price_growth: Vec<f64>,
    pub subsidy_btc: Vec<f64>,
}

impl Days {
    /// The horizon's days.
    pub fn new(s: &Scenario) -> Days {
        Days::with_len(s, horizon_days(s.horizon_months))
    }

    /// `days` days from day 0, past the horizon if need be (the conversion's build in section 9).
    pub fn with_len(s: &Scenario, days: usize) -> Days {
        let height = s.block_height as u64;
        Days {
            days,
            hash_growth: growth_factors(days, s.hashrate_growth_pct_month, DAYS_PER_MONTH),
            price_growth: growth_factors(days, s.btc_price_growth_pct_year, DAYS_PER_YEAR),
            subsidy_btc: (0..days).map(|d| subsidy_btc(height + 144 * d as u64)).collect(),
        }
    }

    /// Hashprice of day `d` before the price is applied (BTC per PH/s per day), at a starting network
    /// hashrate and fees per block.
    #[inline]
    pub fn hashvalue_btc_per_ph(&self, d: usize, network_hashrate_ehs: f64, fees_btc: f64) -> f64 {
        let h = network_hashrate_ehs * self.hash_growth[d];
        BLOCKS_PER_DAY * (self.subsidy_btc[d] + fees_btc) / (h * 1000.0)
    }
}

fn growth_factors(days: usize, growth_pct: f64, period_days: f64) -> Vec<f64> {
    let g = 1.0 + growth_pct / 100.0;
    (0..days).map(|d| crate::math::pow(g, d as f64 / period_days)).collect()
}

/// One present machine group of the site (MODEL.md section 7): what turns a day's hashvalue into its cash.
#[derive(Clone, Debug)]
pub struct GroupRun {
    /// 0-based group number (0 is the `machine_*` keys).
    pub index: usize,
    /// TH_g = h_g × n_g
    pub ths: f64,
    /// kW_g = TH_g × e_g / 1000 (machines only, before PUE)
    pub kw: f64,
    pub efficiency_jth: f64,
    /// kW_g × pue × 24 × u × p: what the group's power costs on a day it runs.
    pub power_usd_day: f64,
    pub capex_usd: f64,
    pub resale_now_usd: f64,
}

/// The site's scalars of sections 2 and 7 that turn per-day factors into cash.
#[derive(Clone, Debug)]
pub struct Fleet {
    /// Present groups, in group order.
    pub groups: Vec<GroupRun>,
    pub fleet_ths: f64,
    pub fleet_power_kw: f64,
    pub site_power_kw: f64,
    /// uptime_pct / 100.
    pub uptime_fraction: f64,
    /// 1 − pool_fee_pct / 100: the share of the BTC mined the site keeps.
    pub kept_after_pool_fee: f64,
    /// Σ of the groups' power cost per day, every group running.
    pub power_usd_day: f64,
    /// opex + hosting per day, paid curtailed or not.
    pub fixed_usd_day: f64,
    pub capex_usd: f64,
    pub resale_now_usd: f64,
    /// Whether a group whose revenue is below its power cost is switched off for the day.
    pub curtail: bool,
    /// 0 when curtailing (a group never loses money on power), −∞ otherwise.
    floor_usd: f64,
}

impl Fleet {
    pub fn new(s: &Scenario) -> Fleet {
        let u = s.uptime_pct / 100.0;
        let p = s.power_price_usd_kwh;
        let groups: Vec<GroupRun> = (0..MAX_GROUPS)
            .map(|g| (g, s.group(g)))
            .filter(|(_, m)| m.is_present())
            .map(|(index, m)| {
                let ths = m.hashrate_ths * m.count;
                let kw = ths * m.efficiency_jth / 1000.0;
                GroupRun {
                    index,
                    ths,
                    kw,
                    efficiency_jth: m.efficiency_jth,
                    power_usd_day: kw * s.pue * 24.0 * u * p,
                    capex_usd: m.price_usd_per_th * ths,
                    resale_now_usd: m.resale_usd_per_th * ths,
                }
            })
            .collect();
        let fleet_ths = groups.iter().map(|g| g.ths).sum();
        let fleet_power_kw: f64 = groups.iter().map(|g| g.kw).sum();
        let site_power_kw = fleet_power_kw * s.pue;
        Fleet {
            fleet_ths,
            fleet_power_kw,
            site_power_kw,
            uptime_fraction: u,
            kept_after_pool_fee: 1.0 - s.pool_fee_pct / 100.0,
            power_usd_day: fleet_power_kw * s.pue * 24.0 * u * p,
            fixed_usd_day: fixed_usd_day(s, site_power_kw),
            capex_usd: groups.iter().map(|g| g.capex_usd).sum(),
            resale_now_usd: groups.iter().map(|g| g.resale_now_usd).sum(),
            curtail: s.curtail_when_unprofitable,
            floor_usd: if s.curtail_when_unprofitable { 0.0 } else { f64::NEG_INFINITY },
            groups,
        }
    }

    /// BTC a group mines on a day with this hashvalue (before curtailment), in section 7's order of operations.
    #[inline]
    pub fn btc(&self, group: &GroupRun, hashvalue_btc_per_ph: f64) -> f64 {
        hashvalue_btc_per_ph * group.ths / 1000.0 * self.uptime_fraction * self.kept_after_pool_fee
    }

    /// BTC mined per day and group at a starting network hashrate: `groups.len()` values per day, day by day.
    pub fn btc_per_day(&self, days: &Days, network_hashrate_ehs: f64, fees_btc: f64) -> Vec<f64> {
        let mut out = Vec::with_capacity(days.days * self.groups.len());
        for d in 0..days.days {
            let hv = days.hashvalue_btc_per_ph(d, network_hashrate_ehs, fees_btc);
            out.extend(self.groups.iter().map(|g| self.btc(g, hv)));
        }
        out
    }

    /// The same BTC laid out group by group: group k's day d at `k × days + d` (for [`Fleet::site_margins`]).
    pub fn btc_by_group(&self, days: &Days, network_hashrate_ehs: f64, fees_btc: f64) -> Vec<f64> {
        let hashvalue: Vec<f64> =
            (0..days.days).map(|d| days.hashvalue_btc_per_ph(d, network_hashrate_ehs, fees_btc)).collect();
        self.groups.iter().flat_map(|g| hashvalue.iter().map(move |&hv| self.btc(g, hv))).collect()
    }

    /// Each day's Σ of the groups' margins (before fixed costs) into `out`, for days `first…` at `prices` (one
    /// per day), with BTC laid out group by group over `days` days. The same sums in the same order as
    /// [`Fleet::net`], in loops the compiler keeps tight: the Monte Carlo and the heatmap run sites of several
    /// groups through it.
    pub fn site_margins(&self, btc_by_group: &[f64], days: usize, first: usize, prices: &[f64], out: &mut [f64]) {
        out.fill(0.0);
        for (k, group) in self.groups.iter().enumerate() {
            let start = k * days + first;
            let btc = &btc_by_group[start..start + out.len()];
            for ((margin, b), price) in out.iter_mut().zip(btc).zip(prices) {
                *margin += self.group_margin(b * price - group.power_usd_day);
            }
        }
    }

    /// Whether a group with this revenue is switched off for the day.
    #[inline]
    pub fn curtailed(&self, group: &GroupRun, revenue_usd: f64) -> bool {
        self.curtail && revenue_usd < group.power_usd_day
    }

    /// Net cash of a day: `btc_day` holds each group's BTC that day, `price_usd` the day's BTC price.
    #[inline(always)]
    pub fn net(&self, btc_day: &[f64], price_usd: f64) -> f64 {
        // Branch-free within a group: a curtailed group (revenue below its power) earns and pays nothing; the
        // fixed costs are paid anyway. The risk runs call this millions of times, so one machine type (the
        // common case) is inlined without a loop. (A plain comparison, not `f64::max`, which the
        // size-optimised build turns into a call.)
        let margin = match (btc_day, self.groups.as_slice()) {
            ([b], [g]) => self.group_margin(b * price_usd - g.power_usd_day),
            _ => self.site_margin(btc_day, price_usd),
        };
        margin - self.fixed_usd_day
    }

    /// A group's revenue − power for the day, 0 when it is switched off.
    #[inline(always)]
    pub fn group_margin(&self, margin_usd: f64) -> f64 {
        if margin_usd < self.floor_usd {
            self.floor_usd
        } else {
            margin_usd
        }
    }

    /// Σ of the groups' margins for a site of several groups.
    #[inline(never)]
    fn site_margin(&self, btc_day: &[f64], price_usd: f64) -> f64 {
        let mut sum = 0.0;
        for (b, g) in btc_day.iter().zip(&self.groups) {
            sum += self.group_margin(b * price_usd - g.power_usd_day);
        }
        sum
    }

    /// The fleet's average efficiency, weighted by hashrate: e_fleet = 1000 × fleet kW ÷ fleet TH/s (section 7).
    pub fn efficiency_jth(&self) -> f64 {
        1000.0 * self.fleet_power_kw / self.fleet_ths
    }

    /// The machines' resale value after `days` days: resale_now × (1 − decline)^(days / 365.25).
    pub fn resale_after_usd(&self, s: &Scenario, days: usize) -> f64 {
        self.resale_now_usd * crate::math::pow(1.0 - s.resale_decline_pct_year / 100.0, days as f64 / DAYS_PER_YEAR)
    }
}

/// MODEL.md section 7's fixed_usd_day: opex, and hosting on the site's power, per day, curtailed or not. The page's
/// explanations and sell-side figures read it here, so they add the same costs the engine does.
pub fn fixed_usd_day(s: &Scenario, site_power_kw: f64) -> f64 {
    s.opex_usd_month / DAYS_PER_MONTH + s.hosting_usd_kw_month * site_power_kw / DAYS_PER_MONTH
}

/// 1 / (1 + r)^(days / 365.25): the discount of an amount received at the end of `days` days.
pub fn discount_at(rate_per_year: f64, days: usize) -> f64 {
    crate::math::pow(1.0 + rate_per_year, -(days as f64) / DAYS_PER_YEAR)
}
