//! The per-day building blocks of MODEL.md section 2, shared by the projection (section 2 and its export)
//! and the risk runs (sections 5–6), so that every path computes a day's BTC and net cash the same way.

use super::constants::*;
use super::scenario::Scenario;

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
    pub fn new(s: &Scenario) -> Days {
        let days = horizon_days(s.horizon_months);
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

/// The scalars of section 2 that turn per-day factors into cash.
#[derive(Clone, Debug)]
pub struct Fleet {
    pub fleet_ths: f64,
    pub u: f64,
    pub keep: f64,
    pub power_usd_day: f64,
    pub opex_usd_day: f64,
    pub capex_usd: f64,
    /// Whether a day whose revenue is below its power cost is switched off.
    pub curtail: bool,
    /// 0 when curtailing (a day never loses money on power), −∞ otherwise.
    floor_usd: f64,
}

impl Fleet {
    pub fn new(s: &Scenario) -> Fleet {
        let fleet_ths = s.machine_hashrate_ths * s.machine_count;
        let u = s.uptime_pct / 100.0;
        Fleet {
            fleet_ths,
            u,
            keep: 1.0 - s.pool_fee_pct / 100.0,
            power_usd_day: fleet_ths * s.machine_efficiency_jth / 1000.0 * 24.0 * u * s.power_price_usd_kwh,
            opex_usd_day: s.opex_usd_month / DAYS_PER_MONTH,
            capex_usd: s.machine_price_usd_per_th * fleet_ths,
            curtail: s.curtail_when_unprofitable,
            floor_usd: if s.curtail_when_unprofitable { 0.0 } else { f64::NEG_INFINITY },
        }
    }

    /// BTC the fleet mines on a day with this hashvalue (before curtailment), in section 2's order of operations.
    #[inline]
    pub fn btc(&self, hashvalue_btc_per_ph: f64) -> f64 {
        hashvalue_btc_per_ph * self.fleet_ths / 1000.0 * self.u * self.keep
    }

    /// BTC mined per day at a starting network hashrate.
    pub fn btc_per_day(&self, days: &Days, network_hashrate_ehs: f64, fees_btc: f64) -> Vec<f64> {
        (0..days.days).map(|d| self.btc(days.hashvalue_btc_per_ph(d, network_hashrate_ehs, fees_btc))).collect()
    }

    /// Whether a day with this revenue is curtailed.
    #[inline]
    pub fn curtailed(&self, revenue_usd: f64) -> bool {
        self.curtail && revenue_usd < self.power_usd_day
    }

    /// Net cash of a day with this revenue, applying curtailment.
    #[inline]
    pub fn net(&self, revenue_usd: f64) -> f64 {
        // Branch-free: a curtailed day (revenue below power) earns nothing and still pays opex; the same
        // operations as section 2 otherwise. The risk runs call this ~1.6 million times each.
        // (A plain comparison, not `f64::max`, which the size-optimised build turns into a call.)
        let margin = revenue_usd - self.power_usd_day;
        (if margin < self.floor_usd { self.floor_usd } else { margin }) - self.opex_usd_day
    }
}
