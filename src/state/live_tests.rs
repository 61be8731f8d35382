//! Tests of `live`, kept beside it.

use super::*;

fn good() -> [Fetched; 4] {
    [
        Ok(Raw::Number(91_234.0)),
        Ok(Raw::Number(1.0345e21)),
        Ok(Raw::Text("2880000".into())),
        Ok(Raw::Text("930123".into())),
    ]
}

fn with(i: usize, f: Fetched) -> [Fetched; 4] {
    let mut a = good();
    a[i] = f;
    a
}

fn only_error(fetched: [Fetched; 4]) -> SourceError {
    let e = validate(fetched).expect_err("must fail");
    assert_eq!(e.errors.len(), 1, "{e:?}");
    e.errors[0].clone()
}

#[test]
fn live_good_values_convert_units() {
    let v = validate(good()).unwrap();
    assert_eq!(v.btc_price_usd, 91_234.0);
    assert_eq!(v.network_hashrate_ehs, 1.0345e21 / 1e18);
    assert_eq!(v.block_height, 930_123.0);
    assert_eq!(v.fees_btc_per_block, 2_880_000.0 / 144.0 / 1e8);
    assert!((v.fees_btc_per_block - 0.0002).abs() < 1e-15);
    // totalFee as a JSON number works too; whitespace around the height is fine.
    let v = validate(with(2, Ok(Raw::Number(2_880_000.0)))).unwrap();
    assert_eq!(v.fees_btc_per_block, 2_880_000.0 / 144.0 / 1e8);
    assert_eq!(validate(with(3, Ok(Raw::Text(" 930123\n".into())))).unwrap().block_height, 930_123.0);
    // Zero fees are valid.
    assert_eq!(validate(with(2, Ok(Raw::Text("0".into())))).unwrap().fees_btc_per_block, 0.0);
}

#[test]
fn live_pairs_name_the_scenario_inputs() {
    let v = validate(good()).unwrap();
    let mut s = crate::model::Scenario::default();
    for (k, x) in v.pairs() {
        s.set(k, x).unwrap();
    }
    assert_eq!(s.btc_price_usd, 91_234.0);
    assert_eq!(s.block_height, 930_123.0);
}

#[test]
fn live_negative_hashrate_names_the_source() {
    let e = only_error(with(1, Ok(Raw::Number(-1e21))));
    assert_eq!(e.source, Source::Hashrate);
    assert_eq!(e.message(), "mempool.space/api/v1/mining/hashrate/3d: currentHashrate is negative");
}

#[test]
fn live_out_of_range_values_are_refused() {
    // Zero hashrate: the input must be greater than 0.
    let e = only_error(with(1, Ok(Raw::Number(0.0))));
    assert!(
        e.reason.starts_with("currentHashrate is out of range (network_hashrate_ehs must be greater than 0"),
        "{}",
        e.reason
    );
    // 2 ZH/s is fine, 2,000 ZH/s (1e24 H/s → 2e6 EH/s) is not.
    assert!(validate(with(1, Ok(Raw::Number(2e24)))).is_err());
    // Price zero, negative, absurd.
    assert!(only_error(with(0, Ok(Raw::Number(0.0)))).reason.contains("out of range"));
    assert_eq!(only_error(with(0, Ok(Raw::Number(-5.0)))).reason, "USD is negative");
    assert!(only_error(with(0, Ok(Raw::Number(2e7)))).reason.contains("at most 10,000,000"));
    // Fees above 100 BTC per block.
    let e = only_error(with(2, Ok(Raw::Text("1440000000001".into()))));
    assert_eq!(e.source, Source::RewardStats);
    assert!(e.reason.contains("out of range (fees_btc_per_block"), "{}", e.reason);
    // Height above the input's range.
    let e = only_error(with(3, Ok(Raw::Text("7000000".into()))));
    assert!(e.reason.contains("out of range (block_height"), "{}", e.reason);
}

#[test]
fn live_non_finite_numbers_are_refused() {
    for x in [f64::INFINITY, f64::NEG_INFINITY, f64::NAN] {
        assert_eq!(only_error(with(0, Ok(Raw::Number(x)))).reason, "USD is not a finite number");
        assert_eq!(only_error(with(1, Ok(Raw::Number(x)))).reason, "currentHashrate is not a finite number");
        assert_eq!(only_error(with(2, Ok(Raw::Number(x)))).reason, "totalFee is not a finite number");
    }
}

#[test]
fn live_wrong_types_are_refused() {
    assert_eq!(only_error(with(0, Ok(Raw::Missing))).reason, "USD is missing");
    assert_eq!(only_error(with(0, Ok(Raw::Text("91234".into())))).reason, "USD is not a number (got text)");
    assert_eq!(only_error(with(1, Ok(Raw::Null))).reason, "currentHashrate is not a number (got null)");
    assert_eq!(only_error(with(1, Ok(Raw::Bool(true)))).reason, "currentHashrate is not a number (got true/false)");
    assert_eq!(only_error(with(1, Ok(Raw::Other))).reason, "currentHashrate is not a number (got an object or array)");
    assert_eq!(only_error(with(2, Ok(Raw::Null))).reason, "totalFee is not a number of sats (got null)");
    assert_eq!(only_error(with(2, Ok(Raw::Text("12.5".into())))).reason, "totalFee is not a whole number");
    assert_eq!(only_error(with(2, Ok(Raw::Text("-12".into())))).reason, "totalFee is negative");
    assert_eq!(only_error(with(2, Ok(Raw::Number(-12.0)))).reason, "totalFee is negative");
    assert_eq!(only_error(with(2, Ok(Raw::Number(12.5)))).reason, "totalFee is not a whole number of sats");
    assert_eq!(only_error(with(2, Ok(Raw::Text("99999999999999999999999".into())))).reason, "totalFee is too large");
    assert_eq!(
        only_error(with(3, Ok(Raw::Number(930_123.0)))).reason,
        "the block height is not a whole number (got a number)"
    );
}

#[test]
fn live_non_numeric_or_fractional_height_is_refused() {
    for body in ["abc", "", "   ", "930123.5", "9e5", "0x10", "93 0123", "+930123", "NaN"] {
        let e = only_error(with(3, Ok(Raw::Text(body.into()))));
        assert_eq!(
            e.message(),
            "mempool.space/api/blocks/tip/height: the block height is not a whole number",
            "{body:?}"
        );
    }
    assert_eq!(only_error(with(3, Ok(Raw::Text("-5".into())))).reason, "the block height is negative");
}

#[test]
fn live_fetch_failures_name_source_and_reason() {
    let cases = [
        (Failure::RateLimited, "rate-limited, try again in a minute"),
        (Failure::Http(500), "HTTP error 500"),
        (Failure::Http(404), "HTTP error 404"),
        (Failure::Network, "network error (offline, or the server could not be reached)"),
        (Failure::Timeout, "no answer within 5 seconds (timed out)"),
        (Failure::MalformedJson, "malformed JSON in the response"),
        (Failure::NotAnObject, "the response is not a JSON object"),
    ];
    for (i, source) in Source::ALL.iter().enumerate() {
        for (f, reason) in &cases {
            let e = validate(with(i, Err(f.clone()))).unwrap_err();
            assert_eq!(e.errors, vec![SourceError { source: *source, reason: reason.to_string() }]);
            assert!(e.message().contains(&[source.label().as_str(), ": ", reason].concat()), "{}", e.message());
            assert_eq!(e.rate_limited(), *f == Failure::RateLimited);
        }
    }
}

#[test]
fn live_every_failure_is_reported_and_nothing_is_partial() {
    let e = validate([
        Err(Failure::RateLimited),
        Ok(Raw::Number(-1.0)),
        Ok(Raw::Text("2880000".into())),
        Err(Failure::Timeout),
    ])
    .unwrap_err();
    let sources: Vec<Source> = e.errors.iter().map(|x| x.source).collect();
    assert_eq!(sources, vec![Source::Prices, Source::Hashrate, Source::TipHeight]);
    assert_eq!(
        e.message(),
        "Live data not applied (nothing changed). mempool.space/api/v1/prices: rate-limited, try again in a minute; \
         mempool.space/api/v1/mining/hashrate/3d: currentHashrate is negative; \
         mempool.space/api/blocks/tip/height: no answer within 5 seconds (timed out)."
    );
}

#[test]
fn live_the_same_failure_everywhere_is_said_once() {
    // Two of four alike: each is named, since the others answered.
    let two = validate([
        Ok(Raw::Number(95_000.0)),
        Err(Failure::Timeout),
        Err(Failure::Timeout),
        Ok(Raw::Text("925000".into())),
    ])
    .unwrap_err();
    assert!(two.message().contains("mempool.space/api/v1/mining/hashrate/3d: no answer"), "{}", two.message());
    let e = validate([Err(Failure::Network), Err(Failure::Network), Err(Failure::Network), Err(Failure::Network)])
        .unwrap_err();
    assert_eq!(e.errors.len(), 4);
    assert_eq!(
        e.message(),
        "Live data not applied (nothing changed). Every request to mempool.space: network error (offline, or the server could not be reached)."
    );
}

#[test]
fn live_sources_have_the_documented_urls() {
    let urls: Vec<String> = Source::ALL.iter().map(|s| s.url()).collect();
    assert_eq!(
        urls,
        [
            "https://mempool.space/api/v1/prices",
            "https://mempool.space/api/v1/mining/hashrate/3d",
            "https://mempool.space/api/v1/mining/reward-stats/144",
            "https://mempool.space/api/blocks/tip/height",
        ]
    );
    assert!(Source::ALL.iter().filter(|s| s.is_json()).count() == 3 && !Source::TipHeight.is_json());
}

#[test]
fn live_badge_and_time_label() {
    let at = utc_label("2026-11-24T14:05:33.120Z").unwrap();
    assert_eq!(at, "14:05 UTC, 2026-11-24");
    assert_eq!(badge_text(&at), "live · mempool.space · 14:05 UTC, 2026-11-24");
    for bad in [
        "",
        "2026-11-24",
        "Invalid Date",
        "2026-11-24X14:05",
        "20x6-11-24T14:05:00Z",
        "2026-11-24T1a:05Z",
        "€€€€€€€€€€€€€€€€",
    ] {
        assert_eq!(utc_label(bad), None, "{bad:?}");
    }
}

#[test]
fn live_cooldown_counts_down_whole_seconds() {
    let m = COOLDOWN_MS;
    assert_eq!(cooldown_left_s(None, 1e12, m), 0);
    assert_eq!(cooldown_left_s(Some(1_000.0), 1_000.0, m), 60);
    assert_eq!(cooldown_left_s(Some(1_000.0), 1_001.0, m), 60);
    assert_eq!(cooldown_left_s(Some(1_000.0), 2_000.0, m), 59);
    assert_eq!(cooldown_left_s(Some(1_000.0), 60_999.0, m), 1);
    assert_eq!(cooldown_left_s(Some(1_000.0), 61_000.0, m), 0);
    assert_eq!(cooldown_left_s(Some(1_000.0), 1e12, m), 0);
    // A clock that went backwards never locks for more than the wait; NaN never locks.
    assert_eq!(cooldown_left_s(Some(1e12), 0.0, m), 60);
    assert_eq!(cooldown_left_s(Some(1e12), 0.0, RETRY_MS), 10);
    assert_eq!(cooldown_left_s(Some(f64::NAN), 0.0, m), 0);
    assert_eq!(cooldown_left_s(Some(1_000.0), 1_000.0, f64::NAN), 0);
    // After an ordinary failure the wait is 10 s.
    assert_eq!(cooldown_left_s(Some(1_000.0), 6_000.0, RETRY_MS), 5);
    assert_eq!(cooldown_left_s(Some(1_000.0), 11_000.0, RETRY_MS), 0);
}

#[test]
fn live_waits_a_minute_after_success_or_429_and_10_s_after_other_failures() {
    assert_eq!(wait_after_ms(true, false), COOLDOWN_MS);
    assert_eq!(wait_after_ms(false, true), COOLDOWN_MS);
    assert_eq!(wait_after_ms(false, false), RETRY_MS);
    assert!(RETRY_MS < COOLDOWN_MS);
}

/// 2025-11-24, the snapshot's week: the chain's tip is expected near 924,000.
const NOW_S: f64 = 1_764_000_000.0;

fn values(price: f64, ehs: f64, height: f64, fees: f64) -> LiveValues {
    LiveValues { btc_price_usd: price, network_hashrate_ehs: ehs, block_height: height, fees_btc_per_block: fees }
}

#[test]
fn live_values_near_the_scenario_apply_silently() {
    let d = crate::model::Scenario::default();
    assert_eq!(decide(&values(91_234.0, 1_034.5, 930_123.0, 0.0002), &d, NOW_S), LiveDecision::Apply);
    // Exactly 50 % away still applies; just beyond does not.
    assert_eq!(decide(&values(142_500.0, 550.0, 930_000.0, 0.02), &d, NOW_S), LiveDecision::Apply);
    assert!(matches!(decide(&values(142_501.0, 1_100.0, 930_000.0, 0.02), &d, NOW_S), LiveDecision::Ask(_)));
}

#[test]
fn an_absurd_or_jumping_live_value_is_not_applied_silently() {
    let d = crate::model::Scenario::default();
    // `{"USD": 5e-324}` passes validation (a positive finite number) but not plausibility.
    let tiny = validate(with(0, Ok(Raw::Number(5e-324)))).expect("valid");
    let LiveDecision::Ask(c) = decide(&tiny, &d, NOW_S) else { panic!("must ask") };
    assert_eq!(c, vec![Concern::Implausible { key: "btc_price_usd", value: 5e-324 }]);
    assert_eq!(c[0].message(), "mempool.space gives a BTC price of $0, far outside any plausible value");
    let LiveDecision::Ask(c) = decide(&values(40_000.0, 1_100.0, 930_000.0, 0.02), &d, NOW_S) else { panic!("must ask") };
    assert_eq!(c, vec![Concern::Jump { key: "btc_price_usd", value: 40_000.0, in_force: 95_000.0 }]);
    assert_eq!(
        ask_message(&c),
        "Live data not applied yet: mempool.space gives a BTC price of $40,000, 58% below the $95,000 in force. Apply it anyway, or keep the values in force."
    );
    let LiveDecision::Ask(c) = decide(&values(95_000.0, 2_000.0, 900_000.0, 9.0), &d, NOW_S) else { panic!("must ask") };
    assert_eq!(c.len(), 3, "{c:?}");
    assert_eq!(
        c[0].message(),
        "mempool.space gives a network hashrate of 2,000 EH/s, 82% above the 1,100 EH/s in force"
    );
    assert_eq!(
        c[1].message(),
        "mempool.space gives a block height of 900,000, below the Nov 2025 snapshot's 925,000 (the chain only grows)"
    );
    assert!(matches!(c[2], Concern::Implausible { key: "fees_btc_per_block", .. }));
}

#[test]
fn a_tip_far_ahead_of_the_clock_waits_for_the_users_word() {
    let d = crate::model::Scenario::default();
    assert!((expected_height(NOW_S) - 924_047.0).abs() < 1.0, "{}", expected_height(NOW_S));
    // Past the next halving in Nov 2025: it would halve the subsidy ahead of time.
    let LiveDecision::Ask(c) = decide(&values(95_000.0, 1_100.0, 1_050_001.0, 0.02), &d, NOW_S) else { panic!("must ask") };
    assert_eq!(c, vec![Concern::Ahead { value: 1_050_001.0, expected: expected_height(NOW_S) }]);
    assert_eq!(c[0].message(), "mempool.space gives a block height of 1,050,001, far ahead of the ~924,000 the chain should be at now");
    // The same tip in mid 2028, after the halving, is what the chain is at.
    assert_eq!(decide(&values(95_000.0, 1_100.0, 1_050_001.0, 0.02), &d, 1_840_000_000.0), LiveDecision::Apply);
}

#[test]
fn live_fees_are_shown_to_what_the_data_supports() {
    let v = validate(with(2, Ok(Raw::Text("300000000".into())))).expect("valid");
    assert_eq!(v.fees_btc_per_block, 0.020833333333333332, "the model's value is exact");
    let shown = v.rounded_pairs();
    assert_eq!(shown[3], ("fees_btc_per_block", 0.0208));
    assert_eq!(shown[1], ("network_hashrate_ehs", 1034.5));
    assert_eq!(v.rounded().pairs(), shown, "the page applies what it shows");
    assert_eq!(round_live("network_hashrate_ehs", 1034.5123), 1034.5);
    assert_eq!(round_live("btc_price_usd", 91_234.567), 91_234.57);
    assert_eq!(round_live("block_height", 930_123.0), 930_123.0);
    assert_eq!(round_live("fees_btc_per_block", 1e305), 1e305, "no overflow to infinity");
}
