use super::*;

#[test]
fn a_run_takes_its_monte_carlo_steps_then_the_tornado_then_the_heatmap() {
    let s = Scenario::default();
    let mut run = RiskRun::new(&s);
    // 1,000 paths × 36 months in steps of MC_PATH_MONTHS_PER_STEP path-months.
    let per_step = MC_PATH_MONTHS_PER_STEP / 36;
    let mc_steps = 1000_usize.div_ceil(per_step);
    assert_eq!(mc_steps, 4);
    for k in 0..mc_steps {
        assert!(run.step().is_none(), "Monte Carlo, step {k}");
    }
    assert!(run.step().is_none(), "tornado");
    let Some(r) = run.step() else { panic!("the last step computes the heatmap and returns the results") };
    assert_eq!(r.tornado.len(), TORNADO_KEYS.len());
    assert_eq!(r.heatmap_npv_usd.len(), HEATMAP_STEPS);
    assert_eq!(r.risk.mc_cum_cash_usd_p50.len(), s.horizon_months as usize);
}

#[test]
fn a_long_monte_carlo_is_cut_into_steps_without_changing_it() {
    let mut s = Scenario { horizon_months: 120.0, mc_paths: 4000.0, ..Scenario::default() };
    let mut run = RiskRun::new(&s);
    let mut steps = 1;
    let long = loop {
        match run.step() {
            Some(r) => break r,
            None => steps += 1,
        }
    };
    // 4,000 paths × 120 months in steps of 10,000 path-months (83 paths): 49 Monte Carlo steps, then tornado and
    // heatmap.
    assert_eq!(steps, 49 + 2);
    // The first paths of a longer run are the paths of a shorter one (one random stream, in order), so the
    // first 1,000 NPVs decide a 1,000-path run's percentiles exactly as before the cut.
    let days = Days::new(&s);
    let discount = discount_factors(days.days, s.discount_rate_pct_year / 100.0);
    let mut cut = MonteCarlo::new(&s, &days, &discount);
    assert!(!cut.advance(&s), "a 4,000-path run needs more steps");
    assert_eq!(cut.npvs.len(), MC_PATH_MONTHS_PER_STEP / 120);
    s.mc_paths = 1000.0;
    let mut whole = MonteCarlo::new(&s, &days, &discount);
    while !whole.advance(&s) {}
    assert_eq!(cut.npvs[..], whole.npvs[..cut.npvs.len()]);
    assert!(long.risk.mc_npv_usd_p50.is_finite());
}

#[test]
fn selection_deciles_equal_sorted_percentiles() {
    let mut rng = SplitMix64::new(7);
    for n in [1usize, 2, 3, 10, 11, 999, 1000] {
        let values: Vec<f64> = (0..n).map(|_| rng.uniform() * 100.0 - 50.0).collect();
        let mut sorted = values.clone();
        sorted.sort_by(f64::total_cmp);
        let mut work = values.clone();
        let got = deciles_10_50_90(&mut work);
        for (g, q) in got.iter().zip([0.1, 0.5, 0.9]) {
            assert_eq!(*g, percentile(&sorted, q), "n = {n}, q = {q}");
        }
    }
    let mut ties = vec![3.0; 50];
    assert_eq!(deciles_10_50_90(&mut ties), [3.0; 3]);
    for n in [7usize, 100, 1000] {
        let few: Vec<f64> = (0..n).map(|_| (rng.uniform() * 4.0).floor()).collect();
        let mut sorted = few.clone();
        sorted.sort_by(f64::total_cmp);
        let got = deciles_10_50_90(&mut few.clone());
        for (g, q) in got.iter().zip([0.1, 0.5, 0.9]) {
            assert_eq!(*g, percentile(&sorted, q), "few distinct values, n = {n}, q = {q}");
        }
    }
}

#[test]
fn tornado_bounds_stay_inside_open_ranges() {
    // A price so small that 90% below it rounds to 0, which "> 0" excludes: the low case must stay valid.
    let (low, high) = tornado_bounds("btc_price_usd", f64::from_bits(1), 0.9);
    assert!(low > 0.0 && high > 0.0, "{low} {high}");
    let mut s = Scenario { btc_price_usd: f64::from_bits(1), sensitivity_pct: 90.0, ..Scenario::default() };
    s.horizon_months = 1.0;
    let days = Days::new(&s);
    let rows = tornado(&s, &days, &discount_factors(days.days, s.discount_rate_pct_year / 100.0));
    assert!(rows[0].npv_low_usd.is_finite() && rows[0].npv_high_usd.is_finite());
    // Closed bounds are reached exactly.
    assert_eq!(tornado_bounds("uptime_pct", 100.0, 0.5), (50.0, 100.0));
    assert_eq!(tornado_bounds("hashrate_growth_pct_month", -49.0, 0.2), (-50.0, -47.0));
}

/// The heatmap's one-pass sums against the full projection of each cell's own scenario (section 6's
/// definition), for a single machine, a three-group site with fixed costs and salvage, and no curtailment.
#[test]
fn every_heatmap_cell_is_the_npv_of_its_moved_scenario() {
    let three = super::super::bench_sites::BenchSite::ThreeGroups.scenario(24.0);
    let sites = [
        Scenario::default(),
        Scenario { opex_usd_month: 40_000.0, resale_decline_pct_year: 30.0, ..three.clone() },
        Scenario { curtail_when_unprofitable: false, hashrate_growth_pct_month: -1.0, ..three },
    ];
    for s in sites {
        let days = Days::new(&s);
        let discount = discount_factors(days.days, s.discount_rate_pct_year / 100.0);
        let cells = heatmap(&s, &days, &discount);
        for (j, row) in cells.iter().enumerate() {
            for (i, &npv) in row.iter().enumerate() {
                let moved = Scenario {
                    btc_price_usd: s.btc_price_usd * heatmap_multiplier(i),
                    network_hashrate_ehs: s.network_hashrate_ehs * heatmap_multiplier(j),
                    ..s.clone()
                };
                let Ok(r) = crate::model::evaluate(&moved) else { panic!("cell ({i}, {j}) is a valid scenario") };
                let want = r.projection.npv_usd;
                assert!((npv - want).abs() <= 1e-6_f64.max(1e-9 * want.abs()), "cell ({i}, {j}): {npv} vs {want}");
            }
        }
    }
}

/// The month-sum Monte Carlo against a plain one that walks every path day by day and group by group, as
/// MODEL.md section 5 reads: the same NPVs, cumulative cash and paybacks (fixed costs, salvage, a capex that
/// some paths repay mid-month, curtailment on and off).
#[test]
fn month_sums_equal_a_day_by_day_walk() {
    let three = super::super::bench_sites::BenchSite::ThreeGroups.scenario(36.0);
    let sites = [
        Scenario { mc_paths: 300.0, btc_volatility_pct_year: 90.0, ..Scenario::default() },
        Scenario { mc_paths: 200.0, opex_usd_month: 60_000.0, resale_decline_pct_year: 25.0, ..three.clone() },
        Scenario { mc_paths: 200.0, curtail_when_unprofitable: false, btc_price_growth_pct_year: 30.0, ..three },
        // Revenue falls 30 % within each month without curtailment: cumulative cash peaks mid-month, so some
        // paths repay the capex on a day although no month ends repaid.
        Scenario {
            mc_paths: 500.0,
            btc_volatility_pct_year: 100.0,
            horizon_months: 12.0,
            hashrate_growth_pct_month: 30.0,
            curtail_when_unprofitable: false,
            machine_price_usd_per_th: 1.0,
            ..Scenario::default()
        },
    ];
    let mut repaid_only_mid_month = 0;
    for s in sites {
        let days = Days::new(&s);
        let discount = discount_factors(days.days, s.discount_rate_pct_year / 100.0);
        let mut mc = MonteCarlo::new(&s, &days, &discount);
        while !mc.advance(&s) {}
        let fleet = Fleet::new(&s);
        let btc = fleet.btc_per_day(&days, s.network_hashrate_ehs, s.fees_btc_per_block);
        let groups = fleet.groups.len();
        let months = s.horizon_months as usize;
        let paths = s.mc_paths as usize;
        let sigma = s.btc_volatility_pct_year / 100.0;
        let g_p = 1.0 + s.btc_price_growth_pct_year / 100.0;
        let mut normals = Normals::new(s.mc_seed as u64);
        let mut paid_back = 0;
        for p in 0..paths {
            let mut price_month = s.btc_price_usd;
            let (mut npv, mut cum, mut paid, mut month) = (0.0, 0.0, false, 0);
            let mut month_end_repaid = false;
            for d in 0..days.days {
                let m = month_of_day(d, months);
                if m != month {
                    let z = normals.next();
                    price_month *=
                        ((g_p.ln() - sigma * sigma / 2.0) / 12.0 + sigma * (1.0_f64 / 12.0).sqrt() * z).exp();
                    let want = mc.cum_cash[month * paths + p];
                    assert!(
                        (cum - fleet.capex_usd - want).abs() <= 1e-6_f64.max(1e-9 * want.abs()),
                        "path {p} month {month}"
                    );
                    month_end_repaid |= cum >= fleet.capex_usd;
                    month = m;
                }
                let price = price_month * g_p.powf((d as f64 - DAYS_PER_MONTH * m as f64) / DAYS_PER_YEAR);
                let net = fleet.net(&btc[d * groups..(d + 1) * groups], price);
                npv += net * discount[d];
                cum += net;
                paid |= cum >= fleet.capex_usd;
            }
            let npv = npv - fleet.capex_usd + salvage_pv(&s, &fleet, &days);
            assert!((npv - mc.npvs[p]).abs() <= 1e-6_f64.max(1e-9 * npv.abs()), "path {p}: {npv} vs {}", mc.npvs[p]);
            paid_back += usize::from(paid);
            repaid_only_mid_month += usize::from(paid && !month_end_repaid && cum < fleet.capex_usd);
        }
        assert_eq!(mc.paid_back, paid_back);
        assert!(paid_back > 0 && paid_back < paths, "some paths pay back and some do not: {paid_back} of {paths}");
    }
    assert!(repaid_only_mid_month > 0, "the day-by-day payback rule is exercised");
}
