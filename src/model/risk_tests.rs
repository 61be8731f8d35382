use super::*;

#[test]
fn a_run_takes_three_steps_and_ends_with_every_part() {
    let s = Scenario::default();
    let mut run = RiskRun::new(&s);
    assert!(run.step().is_none(), "Monte Carlo");
    assert!(run.step().is_none(), "tornado");
    let Some(r) = run.step() else { panic!("the third step computes the heatmap and returns the results") };
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
    // 4,000 paths × 3,653 days in steps of 1.2M path-days: 13 Monte Carlo steps, then tornado and heatmap.
    assert_eq!(steps, 13 + 2);
    // The first paths of a longer run are the paths of a shorter one (one random stream, in order), so the
    // first 1,000 NPVs decide a 1,000-path run's percentiles exactly as before the cut.
    let days = Days::new(&s);
    let discount = discount_factors(days.days, s.discount_rate_pct_year / 100.0);
    let mut cut = MonteCarlo::new(&s, &days);
    assert!(!cut.advance(&s, &discount), "a 4,000-path run needs more steps");
    assert_eq!(cut.npvs.len(), MC_PATH_DAYS_PER_STEP / days.days);
    s.mc_paths = 1000.0;
    let mut whole = MonteCarlo::new(&s, &days);
    while !whole.advance(&s, &discount) {}
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
