//! MODEL.md section 9: keep mining, sell the machines today, or convert the site to AI/HPC.

use super::constants::*;
use super::days::{Days, Fleet};
use super::projection::{month_end_day, month_starts, npv, EndAmount};
use super::scenario::Scenario;
use serde::Serialize;

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Decision {
    pub mine_npv_usd: f64,
    pub sell_npv_usd: f64,
    pub convert_npv_usd: f64,
    pub convert_it_mw: f64,
    pub convert_capex_usd: f64,
    /// Cash of the convert strategy per month, build and lease (capex_usd not in it).
    pub convert_monthly_net_usd: Vec<f64>,
    /// The parts of `convert_npv_usd` after −capex_usd, for its explanation (not in the output contract):
    /// mining through the build with the machines sold at its end (a zero-month build: resale_now_usd −
    /// convert_capex_usd), discounted at r, …
    #[serde(skip)]
    pub convert_mining_pv_usd: f64,
    /// … and the conversion's capex parts and lease, discounted at r_h.
    #[serde(skip)]
    pub convert_hpc_pv_usd: f64,
}

/// The three choices. `mine_npv_usd` is section 2's NPV, `net_usd` its daily net cash (reused for the build
/// when the build is within the horizon; the same daily engine runs on past it otherwise).
pub fn decision(s: &Scenario, fleet: &Fleet, mine_npv_usd: f64, net_usd: &[f64]) -> Decision {
    let it_kw = fleet.site_power_kw / s.hpc_pue;
    let convert_it_mw = it_kw / 1000.0;
    let convert_capex = s.hpc_capex_usd_mw * convert_it_mw;
    let build_months = s.hpc_build_months as usize;
    let build_days = horizon_days(s.hpc_build_months);
    let lease_months = build_months + s.hpc_lease_term_months as usize;
    let lease_days = build_days + horizon_days(s.hpc_lease_term_months);

    // Mining through the build, the machines sold at its end.
    let mut mine = if build_days <= net_usd.len() {
        net_usd[..build_days].to_vec()
    } else {
        let days = Days::with_len(s, build_days);
        let btc = fleet.btc_per_day(&days, s.network_hashrate_ehs, s.fees_btc_per_block);
        let groups = fleet.groups.len().max(1);
        btc.chunks_exact(groups).zip(&days.price_growth).map(|(day, g)| fleet.net(day, s.btc_price_usd * g)).collect()
    };
    let mut day0_usd = 0.0;
    if build_days > 0 {
        mine[build_days - 1] += fleet.resale_after_usd(s, build_days);
    } else {
        day0_usd = fleet.resale_now_usd - convert_capex;
    }

    // The conversion: its capex in equal monthly parts through the build, then the lease.
    let mut hpc = vec![0.0; lease_days];
    if build_months > 0 {
        let part = convert_capex / build_months as f64;
        for m in 1..=build_months {
            let day = if m == build_months { build_days - 1 } else { month_end_day(m) };
            hpc[day] -= part;
        }
    }
    let lease_usd_day = s.hpc_lease_usd_kw_month * it_kw / DAYS_PER_MONTH * (1.0 - s.hpc_opex_pct / 100.0);
    for cash in &mut hpc[build_days..] {
        *cash += lease_usd_day;
    }

    let none = EndAmount::default();
    let mine_pv = npv(&mine, 0.0, none, s.discount_rate_pct_year / 100.0);
    let hpc_pv = npv(&hpc, 0.0, none, s.hpc_discount_rate_pct_year / 100.0);
    let convert_npv = -fleet.capex_usd + day0_usd + mine_pv + hpc_pv;

    let mut monthly: Vec<f64> = month_starts(lease_days, lease_months)
        .windows(2)
        .map(|w| (w[0]..w[1]).map(|d| hpc[d] + mine.get(d).copied().unwrap_or(0.0)).sum())
        .collect();
    monthly.resize(lease_months, 0.0);
    if let Some(first) = monthly.first_mut() {
        *first += day0_usd;
    }
    Decision {
        mine_npv_usd,
        sell_npv_usd: fleet.resale_now_usd - fleet.capex_usd,
        convert_npv_usd: convert_npv,
        convert_it_mw,
        convert_capex_usd: convert_capex,
        convert_monthly_net_usd: monthly,
        convert_mining_pv_usd: day0_usd + mine_pv,
        convert_hpc_pv_usd: hpc_pv,
    }
}
