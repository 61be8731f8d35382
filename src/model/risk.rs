//! MODEL.md sections 5 (Monte Carlo) and 6 (tornado and heatmap), for the site of section 7.
//!
//! Everything that does not depend on the price path (hashrate growth, subsidy, BTC per day, discount
//! factors, in-month price drift) is computed once per day and shared by every path and heatmap cell. A
//! group-day's cash is linear in the price and it runs iff the price covers its break-even, so the Monte
//! Carlo sums each month once, sorted by break-even price (a path's month is a binary search), and the heatmap
//! sums the whole horizon once by the price-to-hashrate ratio at which each group-day starts to run. Tests in
//! `risk_tests.rs` hold both against plain day-by-day walks.

use super::constants::*;
use super::days::{discount_at, Days, Fleet};
use super::scenario::{input_spec, GroupField, Scenario};
use serde::Serialize;

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Risk {
    pub mc_payback_probability: f64,
    pub mc_npv_positive_probability: f64,
    pub mc_npv_usd_p10: f64,
    pub mc_npv_usd_p50: f64,
    pub mc_npv_usd_p90: f64,
    pub mc_cum_cash_usd_p10: Vec<f64>,
    pub mc_cum_cash_usd_p50: Vec<f64>,
    pub mc_cum_cash_usd_p90: Vec<f64>,
}

/// Section 5's scalar outputs, by key (the arrays are `mc_cum_cash_usd_*`).
pub const RISK_KEYS: [&str; 5] =
    ["mc_payback_probability", "mc_npv_positive_probability", "mc_npv_usd_p10", "mc_npv_usd_p50", "mc_npv_usd_p90"];

impl Risk {
    /// A scalar output of section 5 by its key (one of [`RISK_KEYS`]).
    pub fn value(&self, key: &str) -> Option<f64> {
        Some(match key {
            "mc_payback_probability" => self.mc_payback_probability,
            "mc_npv_positive_probability" => self.mc_npv_positive_probability,
            "mc_npv_usd_p10" => self.mc_npv_usd_p10,
            "mc_npv_usd_p50" => self.mc_npv_usd_p50,
            "mc_npv_usd_p90" => self.mc_npv_usd_p90,
            _ => return None,
        })
    }
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct TornadoRow {
    pub key: &'static str,
    pub low_input: f64,
    pub high_input: f64,
    pub npv_low_usd: f64,
    pub npv_high_usd: f64,
}

/// Sections 5 and 6 together, with the keys of `reference/risk_cases.json`.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct RiskResults {
    pub risk: Risk,
    pub tornado: Vec<TornadoRow>,
    pub heatmap_npv_usd: Vec<Vec<f64>>,
}

/// splitmix64, exactly as MODEL.md gives it.
#[derive(Clone, Debug)]
pub struct SplitMix64 {
    state: u64,
}

impl SplitMix64 {
    pub fn new(seed: u64) -> Self {
        SplitMix64 { state: seed }
    }
    pub fn next_u64(&mut self) -> u64 {
        self.state = self.state.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.state;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    /// Uniform in (0, 1): ((x >> 11) + 0.5) / 2^53.
    pub fn uniform(&mut self) -> f64 {
        ((self.next_u64() >> 11) as f64 + 0.5) / 9_007_199_254_740_992.0
    }
}

/// Standard normals by Box–Muller, z0 then z1 of each pair, from one uniform stream.
#[derive(Clone, Debug)]
pub struct Normals {
    rng: SplitMix64,
    spare: Option<f64>,
}

impl Normals {
    pub fn new(seed: u64) -> Self {
        Normals { rng: SplitMix64::new(seed), spare: None }
    }
    pub fn next(&mut self) -> f64 {
        if let Some(z1) = self.spare.take() {
            return z1;
        }
        let u1 = self.rng.uniform();
        let u2 = self.rng.uniform();
        let r = (-2.0 * crate::math::ln(u1)).sqrt();
        let angle = 2.0 * std::f64::consts::PI * u2;
        self.spare = Some(r * crate::math::sin(angle));
        r * crate::math::cos(angle)
    }
}

/// Percentile of sorted values with linear interpolation (MODEL.md section 5).
pub fn percentile(sorted: &[f64], q: f64) -> f64 {
    let n = sorted.len();
    if n == 0 {
        return 0.0;
    }
    let h = (n - 1) as f64 * q;
    let k = h.floor() as usize;
    if k + 1 >= n {
        sorted[n - 1]
    } else {
        sorted[k] + (h - k as f64) * (sorted[k + 1] - sorted[k])
    }
}

/// The 10th, 50th and 90th percentiles of unsorted values, as [`percentile`] of the sorted values would
/// give them, by selection instead of a full sort (36 months × 1,000 paths per run).
pub fn deciles_10_50_90(values: &mut [f64]) -> [f64; 3] {
    let n = values.len();
    if n == 0 {
        return [0.0; 3];
    }
    let mut out = [0.0; 3];
    // Quantiles in ascending order: each selection leaves everything right of k at least x[k], so the
    // next one only searches the right part.
    let mut from = 0;
    for (slot, q) in [0.1, 0.5, 0.9].into_iter().enumerate() {
        let h = (n - 1) as f64 * q;
        let k = (h.floor() as usize).max(from);
        select_kth(values, from, k);
        let xk = values[k];
        out[slot] = match values[k + 1..].iter().copied().min_by(f64::total_cmp) {
            Some(next) => xk + (h - k as f64) * (next - xk),
            None => xk,
        };
        from = k;
    }
    out
}

/// Puts the k-th smallest of `v[from..]` (in `f64::total_cmp` order) at `v[k]`, with nothing greater left
/// of it and nothing smaller right of it, as `select_nth_unstable_by` would; in a fraction of its code
/// (issue 5, page size). Three-way partitions keep runs of equal values (e.g. σ = 0) linear.
pub fn select_kth(v: &mut [f64], from: usize, k: usize) {
    use std::cmp::Ordering::{Equal, Greater, Less};
    let (mut lo, mut hi) = (from, v.len());
    while hi - lo > 1 {
        let (a, b, c) = (v[lo], v[lo + (hi - lo) / 2], v[hi - 1]);
        // The median of the three as the pivot.
        let pivot = if (a <= b) == (b <= c) {
            b
        } else if (b <= a) == (a <= c) {
            a
        } else {
            c
        };
        let (mut lt, mut i, mut gt) = (lo, lo, hi);
        while i < gt {
            match v[i].total_cmp(&pivot) {
                Less => {
                    v.swap(lt, i);
                    lt += 1;
                    i += 1;
                }
                Greater => {
                    gt -= 1;
                    v.swap(i, gt);
                }
                Equal => i += 1,
            }
        }
        if k < lt {
            hi = lt;
        } else if k >= gt {
            lo = gt;
        } else {
            return;
        }
    }
}

/// 1 / (1 + r)^((d + 1) / 365.25) for each day, by repeated multiplication (no `powf` per day).
fn discount_factors(days: usize, rate_per_year: f64) -> Vec<f64> {
    let v = crate::math::pow(1.0 + rate_per_year, -1.0 / DAYS_PER_YEAR);
    let mut w = v;
    let mut out = Vec::with_capacity(days);
    for _ in 0..days {
        out.push(w);
        w *= v;
    }
    out
}

/// What the machines' salvage adds to an NPV: salvage / (1 + r)^(D / 365.25) (section 7).
fn salvage_pv(s: &Scenario, fleet: &Fleet, days: &Days) -> f64 {
    let salvage = fleet.resale_after_usd(s, days.days);
    if salvage == 0.0 {
        0.0
    } else {
        salvage * discount_at(s.discount_rate_pct_year / 100.0, days.days)
    }
}

/// npv_usd of sections 2 and 7 for a scenario, without the rest of the projection.
fn npv_of(s: &Scenario, days: &Days, discount: &[f64]) -> f64 {
    let fleet = Fleet::new(s);
    let btc = fleet.btc_by_group(days, s.network_hashrate_ehs, s.fees_btc_per_block);
    let prices: Vec<f64> = days.price_growth.iter().map(|g| s.btc_price_usd * g).collect();
    let mut margins = vec![0.0; days.days];
    fleet.site_margins(&btc, days.days, 0, &prices, &mut margins);
    let mut sum = 0.0;
    for (margin, disc) in margins.iter().zip(discount) {
        sum += (margin - fleet.fixed_usd_day) * disc;
    }
    sum - fleet.capex_usd + salvage_pv(s, &fleet, days)
}

/// The keys of the tornado in MODEL.md order, with how each moves.
const TORNADO_KEYS: [&str; 9] = [
    "btc_price_usd",
    "network_hashrate_ehs",
    "fees_btc_per_block",
    "power_price_usd_kwh",
    "machine_price_usd_per_th",
    "machine_efficiency_jth",
    "uptime_pct",
    "hashrate_growth_pct_month",
    "btc_price_growth_pct_year",
];

/// `x` limited to `lo..=hi` (NaN stays NaN). Not `f64::clamp`: its "min > max" assertion formats floats
/// with `Debug`, which alone keeps Rust's float formatting (~12 KB raw) in the WASM.
fn clamp(x: f64, lo: f64, hi: f64) -> f64 {
    if x < lo {
        lo
    } else if x > hi {
        hi
    } else {
        x
    }
}

/// Low and high values of one tornado input, clamped into its valid range.
pub fn tornado_bounds(key: &str, value: f64, s: f64) -> (f64, f64) {
    let (low, high) = match key {
        "hashrate_growth_pct_month" => (value - 10.0 * s, value + 10.0 * s),
        "btc_price_growth_pct_year" => (value - 100.0 * s, value + 100.0 * s),
        "uptime_pct" => (value * (1.0 - s), (value * (1.0 + s)).min(100.0)),
        _ => (value * (1.0 - s), value * (1.0 + s)),
    };
    (clamp_to_range(key, low), clamp_to_range(key, high))
}

/// A value clamped into its key's valid range. An open bound (price `> 0`) clamps to the nearest value
/// inside it, not onto the bound itself.
fn clamp_to_range(key: &str, x: f64) -> f64 {
    match input_spec(key) {
        Some(spec) => {
            let min = if spec.min_exclusive { spec.min.next_up() } else { spec.min };
            let max = if spec.max_exclusive { spec.max.next_down() } else { spec.max };
            clamp(x, min, max)
        }
        None => x,
    }
}

fn tornado(s: &Scenario, base_days: &Days, discount: &[f64]) -> Vec<TornadoRow> {
    let sens = s.sensitivity_pct / 100.0;
    TORNADO_KEYS
        .iter()
        .map(|&key| {
            let value = s.get(key).unwrap_or(0.0);
            let (low_input, high_input) = tornado_bounds(key, value, sens);
            // (value moved to, factor the machine rows scale every group by)
            let npv_at = |v: f64, factor: f64| {
                let mut moved = s.clone();
                let group_field = match key {
                    "machine_price_usd_per_th" => Some(GroupField::PriceUsdPerTh),
                    "machine_efficiency_jth" => Some(GroupField::EfficiencyJth),
                    _ => None,
                };
                if let Some(field) = group_field {
                    // Every present group moves by the same factor as group 1 (section 7), each clamped.
                    moved.scale_groups(field, factor, clamp_to_range);
                } else if moved.set(key, v).is_err() {
                    return f64::NAN;
                }
                let growth_moved = key.ends_with("growth_pct_month") || key.ends_with("growth_pct_year");
                if growth_moved {
                    npv_of(&moved, &Days::new(&moved), discount)
                } else {
                    npv_of(&moved, base_days, discount)
                }
            };
            TornadoRow {
                key,
                low_input,
                high_input,
                npv_low_usd: npv_at(low_input, 1.0 - sens),
                npv_high_usd: npv_at(high_input, 1.0 + sens),
            }
        })
        .collect()
}

/// Steps of the heatmap: 0.5, 0.55, … 1.5 times the scenario's value.
pub const HEATMAP_STEPS: usize = 21;

pub fn heatmap_multiplier(i: usize) -> f64 {
    0.5 + 0.05 * i as f64
}

/// heatmap[j][i] = NPV with BTC price × (0.5 + 0.05 i) and network hashrate × (0.5 + 0.05 j).
///
/// One pass over the site's group-days instead of 441 projections. Hashvalue is inversely proportional to the
/// network hashrate, so in cell (i, j) every group-day earns its revenue at the scenario's own price and
/// hashrate times r = (0.5 + 0.05 i) ÷ (0.5 + 0.05 j), and (with curtailment) it runs iff that revenue covers
/// its power. Each group-day is therefore counted from the smallest of the cells' ratios at which it runs;
/// running sums over the ratios, in ascending order, then give every cell:
/// NPV = r × Σ disc × revenue − Σ disc × power − Σ disc × fixed costs + salvage − capex.
fn heatmap(s: &Scenario, days: &Days, discount: &[f64]) -> Vec<Vec<f64>> {
    let fleet = Fleet::new(s);
    let btc = fleet.btc_by_group(days, s.network_hashrate_ehs, s.fees_btc_per_block);
    let ratio = |i: usize, j: usize| heatmap_multiplier(i) / heatmap_multiplier(j);
    let mut ratios: Vec<f64> = (0..HEATMAP_STEPS).flat_map(|j| (0..HEATMAP_STEPS).map(move |i| ratio(i, j))).collect();
    crate::sort::sort_small_by(&mut ratios, |a, b| a < b);
    // revenue[n], power[n]: Σ disc × revenue (at r = 1) and Σ disc × power of the group-days that run from
    // ratios[n] on; a group-day that never runs within the grid lands in the last slot, which no cell reads.
    let mut revenue = vec![0.0; ratios.len() + 1];
    let mut power = vec![0.0; ratios.len() + 1];
    for (k, group) in fleet.groups.iter().enumerate() {
        let btc = &btc[k * days.days..(k + 1) * days.days];
        for ((b, g), disc) in btc.iter().zip(&days.price_growth).zip(discount) {
            let day_revenue = b * (s.btc_price_usd * g);
            let from =
                if fleet.curtail { ratios.partition_point(|&r| day_revenue * r < group.power_usd_day) } else { 0 };
            revenue[from] += disc * day_revenue;
            power[from] += disc * group.power_usd_day;
        }
    }
    for n in 1..revenue.len() {
        revenue[n] += revenue[n - 1];
        power[n] += power[n - 1];
    }
    let fixed: f64 = discount.iter().sum::<f64>() * fleet.fixed_usd_day;
    let end = salvage_pv(s, &fleet, days) - fleet.capex_usd;
    (0..HEATMAP_STEPS)
        .map(|j| {
            (0..HEATMAP_STEPS)
                .map(|i| {
                    let r = ratio(i, j);
                    let n = ratios.partition_point(|&x| x < r);
                    r * revenue[n] - power[n] - fixed + end
                })
                .collect()
        })
        .collect()
}

/// Path-months of Monte Carlo per step: the default run (1,000 paths × 36 months) takes four steps of about a
/// millisecond each, and a long one (10,000 paths × 120 months) ~120, so no task of the run holds up a frame
/// (or the next input) for long. Paths run in order on one random stream, so the cut never changes a result.
const MC_PATH_MONTHS_PER_STEP: usize = 10_000;

/// One machine group on one day of a month, as a Monte Carlo path sees it: at the month's price P the group
/// earns P × `btc` (BTC mined × the day's in-month drift) and pays `power_usd`; with curtailment it runs iff
/// P ≥ `breakeven_usd`.
#[derive(Clone, Copy, Debug)]
struct GroupDay {
    breakeven_usd: f64,
    btc: f64,
    power_usd: f64,
    discount: f64,
}

/// A month's group-days, sorted by break-even price, as running sums. At any price the group-days that run
/// are the first ones (all of them without curtailment), so a path's month is one binary search and a few
/// multiply-adds instead of a pass over every group and day.
#[derive(Clone, Debug)]
struct Month {
    days: std::ops::Range<usize>,
    breakeven_usd: Vec<f64>,
    /// Σ over the first k group-days (k = 0 … n) of `btc`, `power_usd`, and both discounted.
    btc: Vec<f64>,
    power_usd: Vec<f64>,
    btc_discounted: Vec<f64>,
    power_discounted_usd: Vec<f64>,
    /// The fixed costs of the month's days, as paid and discounted.
    fixed_usd: f64,
    fixed_discounted_usd: f64,
}

/// A month's cash at one price: its net (for cumulative cash), its discounted net (for the NPV), and
/// the sum of its group-days' positive margins (a bound on how far cumulative cash can rise within it).
struct MonthCash {
    net_usd: f64,
    discounted_usd: f64,
    margins_usd: f64,
}

impl Month {
    fn new(
        fleet: &Fleet,
        btc_by_group: &[f64],
        in_month: &[f64],
        discount: &[f64],
        days: std::ops::Range<usize>,
    ) -> Month {
        let all_days = in_month.len();
        let mut group_days = Vec::with_capacity(fleet.groups.len() * days.len());
        for (k, group) in fleet.groups.iter().enumerate() {
            for d in days.clone() {
                let btc = btc_by_group[k * all_days + d] * in_month[d];
                let power_usd = group.power_usd_day;
                // A group that costs nothing runs at any price; one that mines nothing never pays its power.
                let breakeven_usd = if power_usd == 0.0 { 0.0 } else { power_usd / btc };
                group_days.push(GroupDay { breakeven_usd, btc, power_usd, discount: discount[d] });
            }
        }
        crate::sort::sort_small_by(&mut group_days, |a, b| a.breakeven_usd < b.breakeven_usd);
        let running = |f: &dyn Fn(&GroupDay) -> f64| -> Vec<f64> {
            let mut sum = 0.0;
            std::iter::once(0.0)
                .chain(group_days.iter().map(|g| {
                    sum += f(g);
                    sum
                }))
                .collect()
        };
        let discounts: f64 = discount[days.clone()].iter().sum();
        Month {
            breakeven_usd: group_days.iter().map(|g| g.breakeven_usd).collect(),
            btc: running(&|g| g.btc),
            power_usd: running(&|g| g.power_usd),
            btc_discounted: running(&|g| g.btc * g.discount),
            power_discounted_usd: running(&|g| g.power_usd * g.discount),
            fixed_usd: fleet.fixed_usd_day * days.len() as f64,
            fixed_discounted_usd: fleet.fixed_usd_day * discounts,
            days,
        }
    }

    /// The month's cash at the price `price_usd` (before the in-month drift, which the group-days carry).
    fn cash(&self, fleet: &Fleet, price_usd: f64) -> MonthCash {
        let running = self.breakeven_usd.partition_point(|&b| b <= price_usd);
        let n = if fleet.curtail { running } else { self.breakeven_usd.len() };
        MonthCash {
            net_usd: price_usd * self.btc[n] - self.power_usd[n] - self.fixed_usd,
            discounted_usd: price_usd * self.btc_discounted[n]
                - self.power_discounted_usd[n]
                - self.fixed_discounted_usd,
            margins_usd: price_usd * self.btc[running] - self.power_usd[running],
        }
    }
}

/// The Monte Carlo of section 5, resumable between steps.
#[derive(Clone, Debug)]
struct MonteCarlo {
    fleet: Fleet,
    /// BTC per group and day, group by group: group k's day d at `k × days + d`.
    btc: Vec<f64>,
    /// Each day's in-month price drift (1 + g_p)^((d − 30.4375 m) / 365.25).
    in_month: Vec<f64>,
    months: Vec<Month>,
    /// The salvage's present value (section 7), added to every path's NPV.
    salvage_pv: f64,
    drift: f64,
    vol: f64,
    normals: Normals,
    npvs: Vec<f64>,
    cum_cash: Vec<f64>,
    paid_back: usize,
}

impl MonteCarlo {
    fn new(s: &Scenario, days: &Days, discount: &[f64]) -> MonteCarlo {
        let fleet = Fleet::new(s);
        let btc = fleet.btc_by_group(days, s.network_hashrate_ehs, s.fees_btc_per_block);
        let months = s.horizon_months as usize;
        let paths = s.mc_paths as usize;
        let sigma = s.btc_volatility_pct_year / 100.0;
        let g_p = 1.0 + s.btc_price_growth_pct_year / 100.0;
        let mu = crate::math::ln(g_p);
        let mut month_end = vec![0usize; months];
        let mut in_month = Vec::with_capacity(days.days);
        for d in 0..days.days {
            let m = month_of_day(d, months);
            month_end[m] = d + 1;
            in_month.push(crate::math::pow(g_p, (d as f64 - DAYS_PER_MONTH * m as f64) / DAYS_PER_YEAR));
        }
        let month_sums = month_end
            .iter()
            .scan(0, |start, &end| Some(std::mem::replace(start, end)..end))
            .map(|days| Month::new(&fleet, &btc, &in_month, discount, days))
            .collect();
        MonteCarlo {
            salvage_pv: salvage_pv(s, &fleet, days),
            fleet,
            btc,
            in_month,
            months: month_sums,
            drift: (mu - sigma * sigma / 2.0) / 12.0,
            vol: sigma * (1.0_f64 / 12.0).sqrt(),
            normals: Normals::new(s.mc_seed as u64),
            npvs: Vec::with_capacity(paths),
            cum_cash: vec![0.0; months * paths],
            paid_back: 0,
        }
    }

    /// Whether cumulative cash, at `cum_usd` when the month starts, reaches the capex on one of its days at
    /// this price (section 2's payback rule, day by day).
    fn pays_back_within(&self, month: &Month, price_usd: f64, mut cum_usd: f64) -> bool {
        let fleet = &self.fleet;
        let prices: Vec<f64> = self.in_month[month.days.clone()].iter().map(|g| price_usd * g).collect();
        let mut margins = vec![0.0; prices.len()];
        fleet.site_margins(&self.btc, self.in_month.len(), month.days.start, &prices, &mut margins);
        for margin in margins {
            cum_usd += margin - fleet.fixed_usd_day;
            if cum_usd >= fleet.capex_usd {
                return true;
            }
        }
        false
    }

    /// Runs the next paths (at least one) within the step's budget; true once every path is done.
    fn advance(&mut self, s: &Scenario) -> bool {
        let months = self.months.len();
        let paths = s.mc_paths as usize;
        let first = self.npvs.len();
        let last = paths.min(first + (MC_PATH_MONTHS_PER_STEP / months.max(1)).max(1));
        let capex = self.fleet.capex_usd;
        for p in first..last {
            let mut price_month = s.btc_price_usd;
            let mut npv_sum = 0.0;
            let mut cum = 0.0;
            let mut paid = capex == 0.0;
            for (m, month) in self.months.iter().enumerate() {
                if m > 0 {
                    price_month *= crate::math::exp(self.drift + self.vol * self.normals.next());
                }
                let cash = month.cash(&self.fleet, price_month);
                // Cumulative cash can reach the capex within the month only if its positive margins carry it
                // there; only then is the month walked day by day.
                if !paid && cum + cash.margins_usd >= capex {
                    paid = self.pays_back_within(month, price_month, cum);
                }
                npv_sum += cash.discounted_usd;
                cum += cash.net_usd;
                self.cum_cash[m * paths + p] = cum - capex;
            }
            if paid {
                self.paid_back += 1;
            }
            self.npvs.push(npv_sum - capex + self.salvage_pv);
        }
        last == paths
    }

    fn finish(mut self, paths: usize) -> Risk {
        let months = self.months.len();
        let n = paths as f64;
        let positive = self.npvs.iter().filter(|&&x| x > 0.0).count();
        let [npv10, npv50, npv90] = deciles_10_50_90(&mut self.npvs);
        let mut p10 = Vec::with_capacity(months);
        let mut p50 = Vec::with_capacity(months);
        let mut p90 = Vec::with_capacity(months);
        for row in self.cum_cash.chunks_mut(paths.max(1)) {
            let [a, b, c] = deciles_10_50_90(row);
            p10.push(a);
            p50.push(b);
            p90.push(c);
        }
        Risk {
            mc_payback_probability: self.paid_back as f64 / n,
            mc_npv_positive_probability: positive as f64 / n,
            mc_npv_usd_p10: npv10,
            mc_npv_usd_p50: npv50,
            mc_npv_usd_p90: npv90,
            mc_cum_cash_usd_p10: p10,
            mc_cum_cash_usd_p50: p50,
            mc_cum_cash_usd_p90: p90,
        }
    }
}

/// Sections 5 and 6 for a valid scenario (validate first: `evaluate_risk` in `model` does), one part at a time:
/// Monte Carlo (one step, or several for a long run), then the tornado, then the heatmap. The page runs each
/// part in its own task, so that an input arriving during a risk run waits for one part (~2 ms) rather than the
/// whole run.
#[derive(Clone, Debug)]
pub struct RiskRun {
    scenario: Scenario,
    days: Days,
    /// 1 / (1 + r)^((d + 1) / 365.25): only the risk runs' NPVs use them (not in [`Days`], which the
    /// projection builds on every evaluation).
    discount: Vec<f64>,
    mc: Option<MonteCarlo>,
    risk: Option<Risk>,
    tornado: Option<Vec<TornadoRow>>,
}

impl RiskRun {
    pub fn new(s: &Scenario) -> RiskRun {
        let days = Days::new(s);
        let discount = discount_factors(days.days, s.discount_rate_pct_year / 100.0);
        RiskRun { scenario: s.clone(), days, discount, mc: None, risk: None, tornado: None }
    }

    /// Computes the next part; returns the results once the last part is done.
    pub fn step(&mut self) -> Option<RiskResults> {
        let (s, days, discount) = (&self.scenario, &self.days, &self.discount[..]);
        match (self.risk.take(), self.tornado.take()) {
            (None, _) => {
                let mut mc = self.mc.take().unwrap_or_else(|| MonteCarlo::new(s, days, discount));
                if mc.advance(s) {
                    self.risk = Some(mc.finish(s.mc_paths as usize));
                } else {
                    self.mc = Some(mc);
                }
            }
            (Some(risk), None) => {
                self.risk = Some(risk);
                self.tornado = Some(tornado(s, days, discount));
            }
            (Some(risk), Some(tornado)) => {
                return Some(RiskResults { risk, tornado, heatmap_npv_usd: heatmap(s, days, discount) })
            }
        }
        None
    }
}

#[cfg(test)]
#[path = "risk_tests.rs"]
mod tests;
