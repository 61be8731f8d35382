//! Tests of `assumptions`, kept beside it.

use super::*;

fn keys(rows: &[Row]) -> Vec<&str> {
    rows.iter().map(|r| r.key).collect()
}

#[test]
fn the_inputs_behind_the_panels_shown_with_their_sources() {
    let none = |_: &str| false;
    let d = rows(&Scenario::default(), &none, Some(&Scenario::default()));
    assert_eq!(keys(&d), BASE.to_vec(), "the base list, no AI/HPC, risk or loan rows");
    let price = d.iter().find(|r| r.key == "btc_price_usd").expect("price row");
    assert_eq!(price.label, "BTC price");
    assert_eq!(price.value, "95,000 USD");
    let uptime = d.iter().find(|r| r.key == "uptime_pct").expect("uptime row");
    assert_eq!(uptime.value, "97.0%", "a percentage closes up, as in the fields");
    assert!(
        price.source.starts_with("snapshot: "),
        "the default network values are a dated snapshot: {}",
        price.source
    );
    let power = d.iter().find(|r| r.key == "power_price_usd_kwh").expect("power row");
    assert_eq!(power.source, "default");

    let mut s = Scenario::default();
    s.power_price_usd_kwh = 0.045;
    s.btc_price_usd = 150_000.0;
    s.debt_pct = 50.0;
    let all = |_: &str| true;
    let r = rows(&s, &all, Some(&s));
    let source = |k: &str| r.iter().find(|x| x.key == k).map(|x| x.source.clone()).unwrap_or_default();
    assert_eq!(source("power_price_usd_kwh"), "set by the host");
    assert_eq!(source("btc_price_usd"), "set by the host", "no snapshot matches a price the host chose");
    assert_eq!(source("power_price_usd_kwh"), "set by the host");
    for k in HPC.iter().chain(RISK).chain(DEBT) {
        assert!(keys(&r).contains(k), "{k} listed when its panel shows or the loan exists");
    }
    assert_eq!(
        rows(&s, &all, None).iter().find(|x| x.key == "power_price_usd_kwh").map(|x| x.source.as_str()),
        Some("set on this page")
    );
}

#[test]
fn the_card_says_the_conventions_and_that_the_figures_are_not_forecasts() {
    let mut h = Html::new();
    let _ = markup(&mut h, &rows(&Scenario::default(), &|_: &str| false, None));
    let (html, _) = h.finish();
    assert!(html.contains("id=\"assumptions\"") && html.contains("<h2 id=\"assumptions-h\">Assumptions</h2>"));
    assert!(html.contains("data-assumption=\"btc_price_usd\"") && html.contains("<dt>BTC price</dt>"));
    assert!(html.contains("144 blocks a day") && html.contains("not forecasts"));
}

/// The figures beside the card rest on every input away from its default: a second group, PUE, opex, hosting,
/// resale, the block height, curtailment off. And a visitor's edit in an embed is not the host's.
#[test]
fn every_input_away_from_its_default_is_listed_and_the_visitors_edits_are_not_the_hosts() {
    let host = Scenario {
        machine2_count: 6000.0,
        machine2_efficiency_jth: 29.5,
        pue: 1.1,
        opex_usd_month: 50_000.0,
        block_height: 1_050_001.0,
        curtail_when_unprofitable: false,
        ..Scenario::default()
    };
    let visitor = Scenario { power_price_usd_kwh: 0.07, ..host.clone() };
    let r = rows(&visitor, &|_: &str| false, Some(&host));
    let row = |k: &str| r.iter().find(|x| x.key == k).cloned().unwrap_or_else(|| panic!("{k} is not listed"));
    for k in ["machine2_count", "machine2_efficiency_jth", "pue", "opex_usd_month", "block_height"] {
        assert_eq!(row(k).source, "set by the host", "{k}");
    }
    assert_eq!(row("machine2_count").label, "Group 2 machines");
    assert_eq!(row("machine2_count").value, "6,000 units");
    assert_eq!((row("curtail_when_unprofitable").value.as_str(), row("curtail_when_unprofitable").source.as_str()), ("off", "set by the host"));
    assert_eq!(row("power_price_usd_kwh").source, "changed here", "the visitor typed it, not the host");
    assert!(!keys(&r).contains(&"machine3_count"), "an input at its default beyond the base list stays out");
}
