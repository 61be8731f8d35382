use super::*;
use crate::history::data::{unix_of_date, EPOCH_TARGET_SECONDS};
use crate::view::html::check;

fn prices_from(first: usize, usd: f64) -> Vec<Option<f64>> {
    (0..epochs().len()).map(|k| (k >= first).then_some(usd)).collect()
}

#[test]
fn the_slider_starts_two_years_back_and_says_its_epoch() {
    let n = epochs().len();
    assert_eq!(default_start(n), n - 53);
    assert_eq!(default_start(10), 0);
    assert_eq!(start_words(0), "about 3 Jan 2009 (block 0)");
    assert!(start_words(420).ends_with("(block 846,720)"), "{}", start_words(420));
    assert_eq!(start_words(n), "", "past the table: no words, no panic");
}

#[test]
fn words_and_figures_without_prices_say_what_was_mined_and_the_power() {
    let s = Scenario::default();
    let Some(b) = run(&s, 440, None) else { panic!("runs") };
    assert_eq!(b.rows.len(), epochs().len() - 440);
    let w = words(&b, false);
    assert!(w.starts_with(&["A machine bought ", &start_words(440), ", at this scenario's "].concat()), "{w}");
    assert!(w.contains(&[" has mined ", &num_tick(b.total_btc_per_th), " BTC per TH/s in "].concat()), "{w}");
    assert!(
        w.contains(&usd(b.total_power_usd_per_th))
            && w.ends_with("Load the price history for its power cost in BTC and its payback."),
        "{w}"
    );
    let f = figures(&b, false);
    let keys: Vec<&str> = f.iter().map(|f| f.key).collect();
    assert_eq!(keys, ["days", "btc", "kwh", "power_usd"]);
    assert_eq!(f[1].value, b.total_btc_per_th);
    // kWh: J/TH × 0.024 × days × uptime, summed.
    let days: f64 = b.rows.iter().map(|r| r.days).sum();
    assert!((f[2].value - s.machine_efficiency_jth * 0.024 * days * s.uptime_pct / 100.0).abs() < 1e-9 * f[2].value);
    assert!(run(&s, epochs().len(), None).is_none(), "no epoch, no backtest");
    // At a site with overhead the power is bought with the PUE, and the words say so.
    let site = Scenario { pue: 1.1, ..s };
    let Some(bp) = run(&site, 440, None) else { panic!("runs") };
    assert!((bp.total_power_usd_per_th - 1.1 * b.total_power_usd_per_th).abs() < 1e-9 * bp.total_power_usd_per_th);
    assert!(words(&bp, false).contains(" of power at $0.050/kWh and PUE 1.10. "), "{}", words(&bp, false));
}

#[test]
fn with_prices_the_figures_add_usd_and_the_payback() {
    let s = Scenario::default();
    let e = epochs();
    // A high price from epoch 400 on: pays back; a tiny one: not yet.
    let Some(b) = run(&s, 420, Some(&prices_from(400, 100_000.0))) else { panic!("runs") };
    let f = figures(&b, true);
    let keys: Vec<&str> = f.iter().map(|f| f.key).collect();
    assert_eq!(keys, ["days", "btc", "kwh", "power_usd", "power_btc", "revenue_usd", "net_usd", "payback"]);
    assert!((f[4].value - b.total_power_usd_per_th / 100_000.0).abs() < 1e-12);
    assert!((f[5].value - b.total_btc_per_th * 100_000.0).abs() < 1e-6);
    let Payback::Reached { est_unix, epoch } = b.payback else { panic!("{:?}", b.payback) };
    assert_eq!(f[7].value, est_unix as f64);
    assert_eq!(f[7].text, date_words(est_unix));
    assert!(
        est_unix >= e[epoch].est_start_unix && est_unix <= e[epoch].est_start_unix + 2 * EPOCH_TARGET_SECONDS as i64
    );
    let w = words(&b, true);
    assert!(
        w.contains(" at $0.050/kWh, each epoch's at its BTC price). Sold as mined, it made ")
            && w.ends_with(&["paid back about ", &date_words(est_unix), "."].concat()),
        "{w}"
    );
    let Some(b) = run(&s, 420, Some(&prices_from(0, 1.0))) else { panic!("runs") };
    assert!(words(&b, true).ends_with(": not paid back yet."), "{}", words(&b, true));
    assert_eq!(figures(&b, true)[7].text, "not paid back yet");
    assert!(figures(&b, true)[7].value.is_nan());
    // Prices from 2024 only, a machine from 2020: power in BTC unknown, payback unknown.
    let first = e.iter().position(|x| x.est_start_unix >= unix_of_date(2024, 1, 1)).unwrap_or(0);
    let Some(b) = run(&s, 330, Some(&prices_from(first, 100_000.0))) else { panic!("runs") };
    let w = words(&b, true);
    assert!(w.contains(" of power (in BTC unknown: an epoch has no price). Against its price of $15.00/TH, payback unknown: no BTC price for the epoch from about ") && w.contains("unknown: no BTC price for the epoch from about "), "{w}");
    assert_eq!(
        figures(&b, true).iter().map(|f| f.key).collect::<Vec<_>>(),
        ["days", "btc", "kwh", "power_usd", "payback"]
    );
}

#[test]
fn the_markup_resolves_and_is_labelled() {
    let mut h = Html::new();
    let slots = markup(&mut h, &Scenario::default());
    let (m, n) = h.finish();
    assert_eq!(check(&m, n), Ok(()));
    assert_eq!((slots.start.0, slots.slider.0, slots.words.0, slots.figures.0), (0, 1, 2, 3));
    let k = default_start(epochs().len());
    assert!(m.contains("<label for=\"backtest-epoch\">") && m.contains("id=\"backtest-epoch\""), "{m}");
    assert!(m.contains(&["aria-valuetext=\"", &start_words(k), "\""].concat()), "{m}");
    assert!(m.contains("max=\"473\"") && m.contains(&["value=\"", &k.to_string(), "\""].concat()), "{m}");
    assert!(m.contains("<tr data-bt=\"btc\" data-value=\""), "{m}");
    assert!(m.contains("Load the price history for its power cost in BTC"), "{m}");
}
