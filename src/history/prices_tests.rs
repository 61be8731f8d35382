//! Tests of `prices`: the response validation (good, garbage, every kind of bad value) and epoch matching.

use super::*;
use crate::history::data::{epochs, unix_of_date};

fn good() -> String {
    // Newest first, as mempool.space answers; one entry without a price (-1) and one dropped by its check (0).
    r#"{"prices":[{"time":1781308800,"USD":62000},{"time":1770422400,"USD":70123.5},
       {"time":1378339200,"USD":-1},{"time":1279497600,"USD":0},{"time":1279584000,"USD":0.0858}],
       "exchangeRates":{"USDEUR":0.92,"USDGBP":0.79}}"#
        .to_string()
}

#[test]
fn a_good_response() {
    let h = parse_price_history(&good()).unwrap();
    assert_eq!(
        h.points,
        [
            PricePoint { unix: 1_279_584_000, usd: 0.0858 },
            PricePoint { unix: 1_770_422_400, usd: 70_123.5 },
            PricePoint { unix: 1_781_308_800, usd: 62_000.0 },
        ]
    );
    assert_eq!(h.skipped, 2);
    assert_eq!(h.newest_unix(), Some(1_781_308_800));
    // Oldest first is taken as well.
    let ascending = r#"{"prices":[{"time":1279584000,"USD":0.0858},{"time":1770422400,"USD":70123.5},
        {"time":1781308800,"USD":62000}]}"#;
    assert_eq!(parse_price_history(ascending).unwrap().points, h.points);
    // Whitespace, escapes, other currencies and unknown members are fine.
    let body =
        " {\"exchangeRates\": null, \"note\": \"a \\\"quote\\\" \\u00e9\\n\", \"prices\": [ {\"EUR\": 5, \"time\": \
                1500000000, \"USD\": 2254.9e0, \"x\": [true, false, null, {}, []]} ] } \n";
    let h = parse_price_history(body).unwrap();
    assert_eq!(h.points, [PricePoint { unix: 1_500_000_000, usd: 2254.9 }]);
}

#[test]
fn garbage_is_refused_with_words() {
    let cases: &[(&str, &str)] = &[
        ("", "malformed JSON in the response (unexpected end)"),
        ("<html>429 Too Many Requests</html>", "malformed JSON in the response (unexpected character)"),
        ("{\"prices\":[]", "malformed JSON in the response (expected ',' or '}')"),
        ("{\"prices\":[]} x", "malformed JSON in the response (text after the end)"),
        ("{\"prices\":[01]}", "malformed JSON in the response (bad number)"),
        ("{\"prices\":[1.]}", "malformed JSON in the response (bad number)"),
        ("{\"prices\":[-]}", "malformed JSON in the response (bad number)"),
        ("{\"prices\":[1e999]}", "malformed JSON in the response (a number too large)"),
        ("{\"prices\":[NaN]}", "malformed JSON in the response (unexpected character)"),
        ("{\"prices\":[\"a\u{1}\"]}", "malformed JSON in the response (control character in text)"),
        ("{\"prices\":[\"\\x\"]}", "malformed JSON in the response (bad escape)"),
        ("{\"prices\":[\"\\u+abc\"]}", "malformed JSON in the response (bad escape)"),
        ("{\"prices\":[\"abc]}", "malformed JSON in the response (unterminated text)"),
        ("{prices:[]}", "malformed JSON in the response (expected a key)"),
        ("{\"prices\" []}", "malformed JSON in the response (expected ':')"),
        ("[1,2]", "the response is not a JSON object"),
        ("{}", "prices is missing"),
        ("{\"prices\":{}}", "prices is not a list (got an object)"),
        ("{\"prices\":[],\"prices\":[]}", "prices appears twice"),
        ("{\"prices\":[]}", "no USD prices in the response"),
        ("{\"prices\":[{\"time\":1500000000,\"USD\":-1}]}", "no USD prices in the response"),
        ("{\"prices\":[7]}", "prices[0] is not an object (got a number)"),
        ("{\"prices\":[{\"USD\":1}]}", "prices[0].time is missing"),
        ("{\"prices\":[{\"time\":\"1500000000\",\"USD\":1}]}", "prices[0].time is not a number (got text)"),
        ("{\"prices\":[{\"time\":1500000000.5,\"USD\":1}]}", "prices[0].time is not a whole number of seconds"),
        ("{\"prices\":[{\"time\":1000,\"USD\":1}]}", "prices[0].time is not between 2009 and 2100"),
        ("{\"prices\":[{\"time\":5000000000,\"USD\":1}]}", "prices[0].time is not between 2009 and 2100"),
        ("{\"prices\":[{\"time\":1500000000}]}", "prices[0].USD is missing"),
        ("{\"prices\":[{\"time\":1500000000,\"USD\":null}]}", "prices[0].USD is not a number (got null)"),
        ("{\"prices\":[{\"time\":1500000000,\"USD\":\"2254\"}]}", "prices[0].USD is not a number (got text)"),
        ("{\"prices\":[{\"time\":1500000000,\"USD\":-2}]}", "prices[0].USD is negative"),
        ("{\"prices\":[{\"time\":1500000000,\"USD\":1e8}]}", "prices[0].USD is above $10,000,000"),
        ("{\"prices\":[{\"time\":1500000000,\"USD\":1,\"USD\":2}]}", "prices[0].USD appears twice"),
        (
            "{\"prices\":[{\"time\":1500000000,\"USD\":1},{\"time\":1500000000,\"USD\":2}]}",
            "two prices for the same time",
        ),
        (
            "{\"prices\":[{\"time\":1500000000,\"USD\":1},{\"time\":1600000000,\"USD\":2},{\"time\":1550000000,\"USD\":3}]}",
            "the prices are not in time order",
        ),
    ];
    for (body, want) in cases {
        assert_eq!(parse_price_history(body).unwrap_err(), *want, "{body}");
    }
    // One bad entry among good ones rejects the whole response.
    let body = good().replace("70123.5", "true");
    assert_eq!(parse_price_history(&body).unwrap_err(), "prices[1].USD is not a number (got true/false)");
    // Deep nesting is an error, not a stack overflow.
    let deep = ["{\"prices\":", &"[".repeat(100_000), &"]".repeat(100_000), "}"].concat();
    assert_eq!(parse_price_history(&deep).unwrap_err(), "malformed JSON in the response (nested too deeply)");
    assert_eq!(parse_price_history(&" ".repeat(MAX_BODY_BYTES + 1)).unwrap_err(), "the response is too large");
}

#[test]
fn never_panics_on_any_prefix_or_byte_flip() {
    let body = good();
    for i in 0..=body.len() {
        if body.is_char_boundary(i) {
            let _ = parse_price_history(&body[..i]);
        }
    }
    let bytes = body.as_bytes();
    for i in 0..bytes.len() {
        for b in [b'"', b'{', b'[', b'\\', b'-', b'e', b'0', b'}', b',', b' '] {
            let mut v = bytes.to_vec();
            v[i] = b;
            if let Ok(text) = String::from_utf8(v) {
                let _ = parse_price_history(&text);
            }
        }
    }
}

#[test]
fn messages() {
    assert_eq!(
        price_history_message("prices is missing"),
        "Price history not loaded (nothing changed). mempool.space/api/v1/historical-price: prices is missing."
    );
    assert!(failure_message(&Failure::RateLimited).contains("rate-limited"));
    assert!(failure_message(&Failure::Timeout).contains("timed out"));
    assert_eq!(PRICE_HISTORY_PATH, "/api/v1/historical-price?currency=USD");
}

#[test]
fn prices_are_matched_to_epochs() {
    let e = epochs();
    let day = |y, m, d| unix_of_date(y, m, d);
    // Epoch 472 runs from about 29 May 2026 09:17 to 13 Jun 2026 23:11; 473 (the last) counts 14 days.
    let h = PriceHistory {
        points: vec![
            PricePoint { unix: day(2010, 7, 18), usd: 0.09 },
            PricePoint { unix: day(2026, 5, 1), usd: 90_000.0 },
            PricePoint { unix: day(2026, 5, 30), usd: 60_000.0 },
            PricePoint { unix: day(2026, 6, 10), usd: 64_000.0 },
            PricePoint { unix: day(2026, 6, 14), usd: 63_000.0 },
            PricePoint { unix: day(2026, 7, 20), usd: 61_000.0 },
        ],
        skipped: 0,
    };
    let p = epoch_prices(e, &h);
    assert_eq!(p.len(), e.len());
    // Inside epoch 472: 30 May and 10 Jun, mean $62,000.
    assert_eq!(p[472], Some(62_000.0));
    // 473: only 14 Jun inside its first 14 days (20 Jul is beyond).
    assert_eq!(p[473], Some(63_000.0));
    // Epoch 470 (2 May – 15 May 2026) has none inside; 1 May is within 14 days of its middle.
    assert_eq!(p[470], Some(90_000.0));
    // 471 (15 May – 29 May): none inside; 30 May is 7.5 days from its middle (about 22 May 12:00), 1 May 21 days.
    assert_eq!(p[471], Some(60_000.0));
    // Long before: nothing within 14 days.
    assert_eq!(p[300], None);
    assert_eq!(p[0], None);
    // 18 Jul 2010 (mempool.space's first price) gives the epoch it falls in a price.
    let k = e.iter().rposition(|x| x.est_start_unix <= day(2010, 7, 18)).unwrap();
    assert_eq!(p[k], Some(0.09));
    assert_eq!(epoch_prices(e, &PriceHistory { points: vec![], skipped: 0 }), vec![None; e.len()]);
}

mod never_panics {
    use super::{parse_price_history, PricePoint};
    use proptest::prelude::*;

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(2000))]
        /// Any text made of JSON's characters gives a price history or words, never a panic.
        #[test]
        fn on_json_like_text(body in r#"[\[\]{}",:0-9eE.+\-tuflsnrUSDime\\ ]{0,120}"#) {
            match parse_price_history(&body) {
                Ok(h) => prop_assert!(!h.points.is_empty()),
                Err(e) => prop_assert!(!e.is_empty()),
            }
        }

        /// Any time and price parse to exactly those values, or are refused.
        #[test]
        fn on_any_numbers(time in -1e10f64..1e10, usd in -10.0f64..2e7) {
            let body = format!(r#"{{"prices":[{{"time":{time},"USD":{usd}}}]}}"#);
            if let Ok(h) = parse_price_history(&body) {
                prop_assert_eq!(h.points.len(), 1);
                prop_assert_eq!(h.points[0].usd, usd);
                prop_assert_eq!(h.points[0].unix as f64, time);
                prop_assert!(usd > 0.0 && usd <= 1e7 && time.fract() == 0.0);
            }
        }

        /// A whole-second time in range with a price in (0, 1e7] always parses; other prices never do.
        #[test]
        fn on_whole_seconds(time in 1_231_006_505i64..4_102_444_800, usd in -10.0f64..2e7) {
            let body = format!(r#"{{"prices":[{{"time":{time},"USD":{usd}}}]}}"#);
            let parsed = parse_price_history(&body);
            prop_assert_eq!(parsed.is_ok(), usd > 0.0 && usd <= 1e7, "{:?}", parsed);
            if let Ok(h) = parsed {
                prop_assert_eq!(h.points[0], PricePoint { unix: time, usd });
            }
        }
    }
}

#[test]
fn the_browser_path_checks_the_same_fields_the_same_way() {
    // What the page hands `validate_prices` after `JSON.parse`: each entry's time and USD, or its type.
    let n = Field::Number;
    let ok = validate_prices([Ok((n(1_781_308_800.0), n(62_000.0))), Ok((n(1_279_497_600.0), n(-1.0)))].into_iter());
    assert_eq!(ok, Ok(PriceHistory { points: vec![PricePoint { unix: 1_781_308_800, usd: 62_000.0 }], skipped: 1 }));
    let bad: &[(Entry, &str)] = &[
        (Err("a number"), "prices[0] is not an object (got a number)"),
        (Ok((Field::Missing, n(1.0))), "prices[0].time is missing"),
        (Ok((Field::Other("text"), n(1.0))), "prices[0].time is not a number (got text)"),
        (Ok((n(f64::INFINITY), n(1.0))), "prices[0].time is not a whole number of seconds"),
        (Ok((n(1_500_000_000.0), Field::Other("null"))), "prices[0].USD is not a number (got null)"),
        (Ok((n(1_500_000_000.0), n(f64::INFINITY))), "prices[0].USD is above $10,000,000"),
        (Ok((n(1_500_000_000.0), n(f64::NAN))), "prices[0].USD is above $10,000,000"),
        (Ok((n(1_500_000_000.0), Field::Twice)), "prices[0].USD appears twice"),
    ];
    for (entry, want) in bad {
        assert_eq!(validate_prices([*entry].into_iter()), Err(want.to_string()), "{entry:?}");
    }
    assert_eq!(prices_not_a_list("an object"), "prices is not a list (got an object)");
}
