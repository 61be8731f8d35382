//! Chain and calendar constants of MODEL.md.

pub const BLOCKS_PER_DAY: f64 = 144.0;
pub const DAYS_PER_MONTH: f64 = 30.4375;
pub const DAYS_PER_YEAR: f64 = 365.25;
pub const HALVING_INTERVAL_BLOCKS: u64 = 210_000;
pub const SATS_PER_BTC: f64 = 1e8;

/// Block subsidy in BTC at a height, in integer satoshi arithmetic as consensus does; 0 from 64 halvings on.
pub fn subsidy_btc(height: u64) -> f64 {
    let halvings = height / HALVING_INTERVAL_BLOCKS;
    if halvings >= 64 {
        return 0.0;
    }
    (5_000_000_000u64 >> halvings) as f64 / SATS_PER_BTC
}

/// Difficulty that makes the network find one block per 600 s at this hashrate.
pub fn difficulty_from_hashrate_ehs(network_hashrate_ehs: f64) -> f64 {
    network_hashrate_ehs * 1e18 * 600.0 / 4_294_967_296.0
}

/// Inverse of [`difficulty_from_hashrate_ehs`], for the editable difficulty field.
pub fn hashrate_ehs_from_difficulty(difficulty: f64) -> f64 {
    difficulty * 4_294_967_296.0 / 600.0 / 1e18
}

/// Number of projected days for a horizon in months: floor(months × 30.4375 + 0.5).
pub fn horizon_days(horizon_months: f64) -> usize {
    (horizon_months * DAYS_PER_MONTH + 0.5).floor().max(0.0) as usize
}

/// Month index of a day, capped at the last month of the horizon.
pub fn month_of_day(day: usize, horizon_months: usize) -> usize {
    let m = (day as f64 / DAYS_PER_MONTH).floor() as usize;
    m.min(horizon_months.saturating_sub(1))
}

/// Blocks until the next halving from a height.
pub fn blocks_to_next_halving(height: u64) -> u64 {
    HALVING_INTERVAL_BLOCKS - height % HALVING_INTERVAL_BLOCKS
}

/// Monthly growth expressed per 2016-block difficulty adjustment (14 days): (1 + g)^(14 / 30.4375) − 1.
pub fn growth_pct_per_adjustment(growth_pct_month: f64) -> f64 {
    100.0 * (crate::math::pow(1.0 + growth_pct_month / 100.0, 14.0 / DAYS_PER_MONTH) - 1.0)
}
