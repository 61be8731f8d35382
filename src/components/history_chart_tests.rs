use super::*;
use crate::components::chart_parts::projection_card;
use crate::format::usd_whole;
use crate::history::{lowest_since_words, LowestSince};
use crate::model::evaluate;
use crate::view::html::check;
use crate::view::Html;

fn drawn(s: &Scenario, w: f64, with_table: bool) -> ChartData {
    let Ok(r) = evaluate(s) else { panic!("the scenario evaluates") };
    chart(s, &r, w, with_table)
}

#[test]
fn the_card_builds_with_all_its_handles_at_both_widths() {
    let s = Scenario::default();
    for w in [380.0, 560.0, 720.0] {
        let d = drawn(&s, w, true);
        let n = epochs().len();
        assert_eq!(n, 474);
        assert_eq!(d.points.len(), n + 1, "every epoch and this scenario");
        assert_eq!(d.table.len(), n);
        let mut h = Html::new();
        let slots = projection_card(&mut h, &CARD, &d);
        assert!(slots.note.is_some() && slots.table.is_some());
        crate::view::parts::body_rows(&mut h, &d.table);
        let (m, count) = h.finish();
        assert_eq!(check(&m, count), Ok(()));
        assert!(m.contains("role=\"img\"") && m.contains("<title id=\"history-chart-title\">"));
        assert!(m.contains("<tr data-height=\"0\" data-hashvalue=\""), "rows carry their hooks");
        // Every readout point lies on the plot, in x order.
        let (x0, x1) = x_range(w);
        assert!(d.points.iter().all(|p| p.x_px >= x0 - 0.5 && p.x_px <= x1 + 0.5));
        assert!(d.points.windows(2).all(|p| p[0].x_px <= p[1].x_px));
    }
}

#[test]
fn the_table_rows_carry_the_exact_hashvalue_of_their_epoch() {
    let d = drawn(&Scenario::default(), 720.0, true);
    let e = epochs();
    for k in [0usize, 100, 250, 400, 473] {
        let row = &d.table[k];
        let hv = 86_400.0 * 1e15 * crate::model::constants::subsidy_btc(e[k].start_height)
            / (e[k].difficulty * 4_294_967_296.0);
        assert_eq!(row.data[0], ("data-height", (k as u64 * 2016).to_string()));
        assert_eq!(row.data[1].0, "data-hashvalue");
        assert_eq!(row.data[1].1, plain(hv));
    }
    assert!(drawn(&Scenario::default(), 720.0, false).table.is_empty(), "rows only while the table is open");
}

#[test]
fn the_words_are_computed_from_the_scenario() {
    let s = Scenario::default();
    let (low, values) = lowest_since_for(&s, epochs());
    let d = drawn(&s, 720.0, false);
    assert!(d.desc.starts_with(&lowest_since_words(&values, low, "hashvalue")), "{}", d.desc);
    assert!(d.desc.contains(" sats per TH/s per day, "), "{}", d.desc);
    // A far higher network makes today the lowest in the data; a far lower one no new low.
    let high = Scenario { network_hashrate_ehs: 100_000.0, ..s.clone() };
    let (low_high, _) = lowest_since_for(&high, epochs());
    assert!(matches!(low_high, LowestSince::Ever { .. }), "{low_high:?}");
    assert!(drawn(&high, 720.0, false).desc.starts_with("Today's hashvalue is the lowest in the data"));
    let low_net = Scenario { network_hashrate_ehs: 10.0, ..s };
    assert!(drawn(&low_net, 720.0, false).desc.starts_with("Today's hashvalue is no new low"));
}

#[test]
fn the_readout_names_the_epoch_and_both_units() {
    let d = drawn(&Scenario::default(), 720.0, false);
    let first = d.points[0].text();
    assert!(first.starts_with("about 3 Jan 2009 (block 0): "), "{first}");
    assert!(first.contains(" BTC per PH/s per day · ") && first.ends_with(" sats per TH/s per day"), "{first}");
    let today = d.points.iter().find(|p| matches!(p.point, Point::Epoch { today: true, .. }));
    assert!(today.is_some_and(|p| p.text().starts_with("this scenario (block 925,000): ")));
}

#[test]
fn halvings_are_marked_and_the_log_axis_is_labelled_in_powers_of_ten() {
    assert_eq!(power_label(0), "1");
    assert_eq!(power_label(-3), "10⁻³");
    assert_eq!(power_label(12), "10¹²");
    let d = drawn(&Scenario::default(), 380.0, false);
    let halving = &d.layers[1].nodes;
    assert_eq!(halving.iter().filter(|n| n.tag == "line").count(), 4);
    let axes = format!("{:?}", d.layers[0].nodes);
    assert!(axes.contains("10⁻³") && axes.contains("10⁶"), "{axes}");
}

#[test]
fn a_height_past_the_table_is_dated_at_600_seconds_a_block() {
    let e = epochs();
    let Some(last) = e.last() else { panic!("epochs") };
    assert_eq!(height_unix(e, last.start_height + 10), Some(last.est_start_unix + 6000));
    assert_eq!(height_unix(e, 0), Some(e[0].est_start_unix));
}

fn flat_prices(first: usize, usd: f64) -> Vec<Option<f64>> {
    (0..epochs().len()).map(|k| (k >= first).then_some(usd)).collect()
}

#[test]
fn with_prices_the_chart_draws_usd_the_table_gains_its_column_and_the_words_the_usd_low() {
    let s = Scenario::default();
    let p = flat_prices(30, 50_000.0);
    let d = chart_with(&s, 720.0, true, Some(&p), false);
    let usd_layer = &d.layers[4];
    assert_eq!(usd_layer.class, "usd");
    assert_eq!(usd_layer.nodes.iter().filter(|n| n.tag == "path").count(), 1, "one USD line");
    assert!(usd_layer.nodes.iter().any(|n| n.tag == "circle"), "today's USD point");
    assert!(chart_with(&s, 720.0, false, None, false).layers[4].nodes.is_empty(), "nothing in USD before a load");
    let e = epochs();
    for k in [0usize, 29, 30, 300, 473] {
        let row = &d.table[k];
        assert_eq!(row.cells.len(), headers(true, false).len());
        let hv = 86_400.0 * 1e15 * crate::model::constants::subsidy_btc(e[k].start_height)
            / (e[k].difficulty * 4_294_967_296.0);
        if k < 30 {
            assert_eq!(row.cells[5], "no price");
            assert_eq!(row.data.len(), 2, "no USD hook without a price");
        } else {
            assert_eq!(row.data[2], ("data-hashprice-usd", plain(hv * 50_000.0)));
            assert_eq!(row.cells[5], usd(hv * 50_000.0));
        }
    }
    assert!(d.desc.starts_with(&history_words(&s)), "{}", d.desc);
    assert!(d.desc.contains(&price_words(&s, &p)), "{}", d.desc);
    let pw = price_words(&s, &p);
    assert!(pw.starts_with("Today's hashprice in USD is "), "{pw}");
    assert!(pw.ends_with(&[" per PH/s per day at ", &usd_whole(s.btc_price_usd), " a BTC."].concat()), "{pw}");
    // A BTC price far below every epoch's: the lowest since prices began (epoch 30).
    let cheap = Scenario { btc_price_usd: 1.0, ..s.clone() };
    let pw = price_words(&cheap, &p);
    assert!(
        pw.starts_with(
            &[
                "Today's hashprice in USD is the lowest in the data: below every difficulty epoch since about ",
                &date_words(e[30].est_start_unix)
            ]
            .concat()
        ),
        "{pw}"
    );
    // The readout adds USD where there is a price.
    let at = |k: usize| {
        d.points
            .iter()
            .find(|r| matches!(r.point, Point::Epoch { height, today: false, .. } if height == k as u64 * 2016))
            .map(|r| r.text())
    };
    assert!(
        at(300).is_some_and(|t| t.ends_with(" per PH/s per day") && t.contains(" sats per TH/s per day · $")),
        "{:?}",
        at(300)
    );
    assert!(at(10).is_some_and(|t| t.ends_with(" sats per TH/s per day")), "{:?}", at(10));
}

#[test]
fn the_loader_resolves_and_says_what_it_loaded() {
    let mut h = Html::new();
    let l = loader_markup(&mut h, true);
    let (m, n) = h.finish();
    assert_eq!(check(&m, n), Ok(()));
    assert_eq!((l.legend.0, l.button.0, l.badge.0, l.status.0, l.error.0), (0, 1, 2, 3, 4));
    assert!(m.contains(">Load price history</button>") && m.contains("data-prices-badge=\"\" hidden"), "{m}");
    assert!(m.contains("<div class=\"live-actions\"><button"), "shown where the page may ask the network: {m}");
    let mut h = Html::new();
    let _ = loader_markup(&mut h, false);
    assert!(h.finish().0.contains("<div class=\"live-actions\" hidden><button"), "an embed without live=1 asks nothing");
    let Ok(history) = crate::history::parse_price_history(
        r#"{"prices":[{"time":1781308800,"USD":62000},{"time":1279584000,"USD":0.0858}]}"#,
    ) else {
        panic!("parses")
    };
    assert_eq!(
        loaded_words(&history),
        "Loaded 2 BTC prices from mempool.space, about 20 Jul 2010 to 13 Jun 2026: hashprice in USD per epoch is drawn, and the backtest is in USD."
    );
    let Ok(one) = crate::history::parse_price_history(r#"{"prices":[{"time":1781308800,"USD":62000}]}"#) else { panic!("parses") };
    assert_eq!(
        loaded_words(&one),
        "Loaded 1 BTC price from mempool.space, about 13 Jun 2026: hashprice in USD per epoch is drawn, and the backtest is in USD."
    );
}

#[test]
fn the_fee_option_credits_every_epoch_with_the_scenarios_fees_and_says_so() {
    let s = Scenario { fees_btc_per_block: 0.05, ..Scenario::default() };
    let plain_d = chart_with(&s, 720.0, true, None, false);
    let with_fees = chart_with(&s, 720.0, true, None, true);
    let e = epochs();
    for k in [0usize, 100, 473] {
        let subsidy = crate::model::constants::subsidy_btc(e[k].start_height);
        let hv = |fees: f64| crate::history::hashvalue_btc_per_ph_day(e[k].difficulty, subsidy, fees);
        assert_eq!(plain_d.table[k].data[1], ("data-hashvalue", plain(hv(0.0))));
        assert_eq!(with_fees.table[k].data[1], ("data-hashvalue", plain(hv(0.05))), "epoch {k}");
        assert!(hv(0.05) > hv(0.0));
    }
    assert_ne!(plain_d.layers[2], with_fees.layers[2], "the line moves");
    assert_eq!(headers(false, false), CARD.headers.iter().map(|h| h.to_string()).collect::<Vec<_>>());
    assert_eq!(headers(false, true)[3], "BTC per PH/s per day, subsidy and this scenario's fees");
    assert_eq!(
        headers(true, true)[5],
        "USD per PH/s per day, subsidy and this scenario's fees, at the epoch's mean BTC price"
    );
    // No fees in the scenario: the option changes nothing.
    let none = Scenario { fees_btc_per_block: 0.0, ..Scenario::default() };
    assert_eq!(chart_with(&none, 720.0, true, None, true).table, chart_with(&none, 720.0, true, None, false).table);
}

/// A frame over 2009 to 2026 at width `w` whose log axis spans 10^`low` to 10^`high`.
fn frame_of(w: f64, low: f64, high: f64) -> Frame {
    Frame {
        w,
        x: Scale::new((1_230_768_000.0, 1_798_761_600.0), x_range(w)),
        y: Scale::new((low, high), crate::components::chart_parts::y_range()),
        decades: Decades { low, high },
        first_year: 2010,
        last_year: 2026,
    }
}

#[test]
fn the_log_axis_labels_every_decade_or_every_second_or_third_as_it_widens() {
    let labels = |low: f64, high: f64| -> Vec<String> {
        decade_ticks(&frame_of(720.0, low, high)).into_iter().map(|(_, l)| l).collect()
    };
    assert_eq!(labels(-2.0, 2.0), ["10⁻²", "10⁻¹", "1", "10¹", "10²"]);
    assert_eq!(labels(-3.0, 2.0), ["10⁻²", "1", "10²"]);
    assert_eq!(labels(-4.0, 6.0), ["10⁻³", "1", "10³", "10⁶"]);
    // Ticks go down the plot as the value goes up.
    let ticks = decade_ticks(&frame_of(720.0, -2.0, 2.0));
    assert!(ticks.windows(2).all(|t| t[0].0 > t[1].0), "{ticks:?}");
    // The axis spans whole decades around every value drawn, at least one.
    let Some(series) = series(&Scenario::default(), Some(&flat_prices(30, 50_000.0)), false) else { panic!("epochs") };
    let d = decades(&series);
    assert!(d.low.fract() == 0.0 && d.high.fract() == 0.0 && d.high > d.low, "{} {}", d.low, d.high);
    let usd = series.usd.iter().flatten().copied();
    for v in series.values.iter().map(|v| v.hashvalue_btc_per_ph_day).chain(usd).filter(|v| *v > 0.0) {
        assert!(log10(v) >= d.low && log10(v) <= d.high, "{v}");
    }
}

#[test]
fn the_years_are_labelled_every_two_years_or_every_four_on_a_narrow_chart() {
    let years = |w: f64| -> Vec<String> { year_ticks(&frame_of(w, -2.0, 2.0)).into_iter().map(|(_, l)| l).collect() };
    assert_eq!(years(720.0), ["2010", "2012", "2014", "2016", "2018", "2020", "2022", "2024", "2026"]);
    assert_eq!(years(380.0), ["2012", "2016", "2020", "2024"]);
}
