//! Tests of `query`, kept beside it.

use super::*;
use crate::model::InputSpec;
use crate::state::units::typed_threshold;
use proptest::prelude::*;

fn rust_fmt(x: f64) -> String {
    x.to_string()
}

/// Like JS `Number.prototype.toString` for the exponent forms: `1e+21`, `1.5e-7`.
fn js_like_fmt(x: f64) -> String {
    let a = x.abs();
    if a != 0.0 && !(1e-6..1e21).contains(&a) {
        let s = format!("{x:e}");
        match s.split_once('e') {
            Some((m, e)) if !e.starts_with('-') => format!("{m}e+{e}"),
            _ => s,
        }
    } else {
        x.to_string()
    }
}

#[test]
fn defaults_give_an_empty_query() {
    assert_eq!(to_query(&Scenario::default(), &rust_fmt), "");
    let (s, issues) = from_query("", &Scenario::default());
    assert_eq!(s, Scenario::default());
    assert!(issues.is_empty());
    let (s, issues) = from_query("?", &Scenario::default());
    assert_eq!(s, Scenario::default());
    assert!(issues.is_empty());
}

#[test]
fn writes_only_changed_keys_in_inputs_order() {
    let mut s = Scenario::default();
    s.set("power_price_usd_kwh", 0.07).unwrap();
    s.set("btc_price_usd", 84_000.0).unwrap();
    s.set("curtail_when_unprofitable", 0.0).unwrap();
    assert_eq!(
        to_query(&s, &rust_fmt),
        "btc_price_usd=84000&power_price_usd_kwh=0.07&curtail_when_unprofitable=false"
    );
}

#[test]
fn exponent_plus_is_percent_encoded_and_read_back() {
    let mut s = Scenario::default();
    s.set("hpc_capex_usd_mw", 1e9).unwrap();
    s.set("fees_btc_per_block", 1e-7).unwrap();
    let fmt = |x: f64| if x == 1e9 { "1e+9".to_string() } else { js_like_fmt(x) };
    let q = to_query(&s, &fmt);
    assert_eq!(q, "fees_btc_per_block=1e-7&hpc_capex_usd_mw=1e%2B9");
    let (back, issues) = from_query(&q, &Scenario::default());
    assert!(issues.is_empty(), "{issues:?}");
    assert_eq!(back, s);
}

#[test]
fn issues_name_only_bad_scenario_keys() {
    let (s, issues) = from_query("?btc_price_usd=abc&foo=1&embed=1", &Scenario::default());
    assert_eq!(s, Scenario::default());
    assert_eq!(
        issues,
        vec![
            QueryIssue::new("btc_price_usd", "abc", "is not a number"),
            QueryIssue::new("foo", "1", "not a calculator input"),
        ]
    );
    assert_eq!(issues[0].message(), "btc_price_usd = \"abc\": is not a number");
}

#[test]
fn tracking_keys_are_ignored_silently() {
    let q = "?utm_source=newsletter&utm_medium=email&fbclid=abc&gclid=1&dclid=2&msclkid=3&mc_cid=4&mc_eid=5&_ga=6&_gl=7&igshid=8&ref=hn";
    let (s, issues) = from_query(q, &Scenario::default());
    assert_eq!(s, Scenario::default());
    assert!(issues.is_empty(), "{issues:?}");
    // They do not use up the unknown keys reported either.
    let many = ["?", &"utm_x=1&".repeat(MAX_UNKNOWN_KEYS + 1), "foo=1"].concat();
    assert_eq!(from_query(&many, &Scenario::default()).1, vec![QueryIssue::new("foo", "1", "not a calculator input")]);
    assert!(!is_tracking_key("utm") && !is_tracking_key("referrer") && !is_tracking_key("btc_price_usd"));
}

#[test]
fn only_a_link_with_inputs_replaces_the_saved_scenario() {
    let saved = Some("btc_price_usd=120000&machine_count=42");
    let mut kept = Scenario::default();
    kept.set("btc_price_usd", 120_000.0).unwrap();
    kept.set("machine_count", 42.0).unwrap();

    for q in ["", "?utm_source=newsletter&fbclid=abc", "?embed=0&theme=dark&threshold=40"] {
        let (s, notices) = initial_scenario(q, saved);
        assert_eq!(s, kept, "{q}");
        assert!(notices.is_empty(), "{q}: {notices:?}");
    }
    // Unknown keys are named, but still do not replace the saved scenario.
    let (s, notices) = initial_scenario("?utm_source=x&foo=1&threshold=abc", saved);
    assert_eq!(s, kept);
    assert_eq!(notices, ["Some link values were not applied: foo = \"1\": not a calculator input; threshold = \"abc\": must be a number above 0 and at most 100,000"]);
    // One input in the link: the link's scenario, from the defaults, whatever was saved.
    let (s, notices) = initial_scenario("?utm_source=x&uptime_pct=50", saved);
    let mut want = Scenario::default();
    want.set("uptime_pct", 50.0).unwrap();
    assert_eq!((s, notices), (want, vec![]));
    let (s, notices) = initial_scenario("?btc_price_usd=abc", saved);
    assert_eq!(s, Scenario::default());
    assert_eq!(notices.len(), 1);
    assert!(notices[0].starts_with("Some link values were not applied (the defaults stand in for them): btc_price_usd"), "{notices:?}");
    // Nothing saved: the defaults; an unreadable saved key is named and the rest applies.
    assert_eq!(initial_scenario("?ref=x", None), (Scenario::default(), vec![]));
    let (s, notices) = initial_scenario("", Some("btc_price_usd=120000&machine_count=42&old_key=1"));
    assert_eq!(s, kept);
    assert_eq!(notices, ["Your saved scenario could not be read in full; the rest was applied: old_key = \"1\": not a calculator input"]);
}

#[test]
fn notices_echo_at_most_60_characters_of_a_key_or_value() {
    let long = "é".repeat(1_500_000);
    let (_, issues) = from_query(&["btc_price_usd=", &long, "&", &"k".repeat(100), "=1"].concat(), &Scenario::default());
    let cut = ["btc_price_usd = \"", &"é".repeat(ECHO_CHARS), "…\": is not a number"].concat();
    assert_eq!(issues[0].message(), cut, "cut between characters, never inside the two bytes of an é");
    assert_eq!(issues[1].message(), [&"k".repeat(ECHO_CHARS), "… = \"1\": not a calculator input"].concat());
    let exact = "x".repeat(ECHO_CHARS);
    assert_eq!(QueryIssue::new("k", &exact, "r").message(), ["k = \"", &exact, "\": r"].concat(), "no … when nothing is cut");
}

#[test]
fn valid_values_apply_next_to_invalid_ones() {
    let q = "network_hashrate_ehs=1085&btc_price_usd=-5&block_height=925000.5&machine_count=0&pool_fee_pct=100&\
             curtail_when_unprofitable=maybe&uptime_pct=&horizon_months=60&theme=dark&panels=kpis,cash&live=1&accent=%23ff0000";
    let (s, issues) = from_query(q, &Scenario::default());
    assert_eq!(s.network_hashrate_ehs, 1085.0);
    assert_eq!(s.horizon_months, 60.0);
    assert_eq!(s.btc_price_usd, 95_000.0);
    assert_eq!(s.block_height, 925_000.0);
    let keys: Vec<&str> = issues.iter().map(|i| i.key.as_str()).collect();
    assert_eq!(
        keys,
        [
            "btc_price_usd",
            "block_height",
            "machine_count",
            "pool_fee_pct",
            "curtail_when_unprofitable",
            "uptime_pct"
        ]
    );
    let btc = input_spec("btc_price_usd").unwrap().check(-5.0).unwrap_err();
    assert_eq!(issues[0].reason, btc.reason);
    assert!(issues[1].reason.contains("whole number"), "{}", issues[1].reason);
    assert_eq!(issues[4].reason, "must be true or false");
    assert_eq!(issues[5].reason, "needs a value");
}

#[test]
fn link_numbers_read_like_field_text() {
    // A hand-edited link: grouped digits, a dollar sign, and a `+` sign that decodes to a space.
    let (s, issues) = from_query("btc_price_usd=%2480,000&machine_count=+1500&uptime_pct=95%25", &Scenario::default());
    assert!(issues.is_empty(), "{issues:?}");
    assert_eq!((s.btc_price_usd, s.machine_count, s.uptime_pct), (80_000.0, 1_500.0, 95.0));
    // A decimal comma stays refused rather than misread.
    let (s, issues) = from_query("power_price_usd_kwh=0,05", &Scenario::default());
    assert_eq!((s.power_price_usd_kwh, issues.len()), (0.05, 1));
}

#[test]
fn thresholds_above_0_up_to_the_ceiling() {
    assert_eq!(parse_threshold("$40"), Some(40.0));
    assert_eq!(parse_threshold("100,000"), Some(MAX_THRESHOLD));
    for t in ["0", "-3", "100001", "1e308", "abc", ""] {
        assert_eq!(parse_threshold(t), None, "{t}");
    }
}

/// The threshold field takes what the input fields take for a plain number, a decimal comma included ("35,5"
/// from a phone's decimal keypad); a link stays strict, so `threshold=35,5` is refused, never misread.
#[test]
fn a_typed_threshold_takes_a_decimal_comma_and_a_link_does_not() {
    use crate::state::units::parse_entry;
    let read = [("35,5", 35.5), (" 35,5 ", 35.5), ("$35,5", 35.5), ("0,5", 0.5), ("35.5", 35.5), ("35", 35.0)];
    for (typed, v) in read {
        assert_eq!(typed_threshold(typed), Some(v), "{typed}");
        assert_eq!(parse_entry("opex_usd_month", typed).ok(), Some(v), "{typed}: as an input field reads it");
    }
    // A comma that groups thousands is one, as in the fields; the range is the link's.
    assert_eq!(typed_threshold("35,500"), Some(35_500.0));
    assert_eq!(typed_threshold("100,000"), Some(MAX_THRESHOLD));
    for t in ["0", "0,0", "-3", "100001", "100,001", "3,5,5", "35,5.5", "abc", "", "35,5 $/PH"] {
        assert_eq!(typed_threshold(t), None, "{t}");
    }
    for t in ["35,5", "0,5"] {
        assert_eq!(parse_threshold(t), None, "a link keeps refusing {t}");
        let q = ["?threshold=", t].concat();
        assert_eq!(crate::page::PageOptions::from_query(&q).threshold, DEFAULT_THRESHOLD, "{q}");
    }
}

#[test]
fn base_values_are_kept_for_missing_and_bad_keys() {
    let mut base = Scenario::default();
    base.set("btc_price_usd", 50_000.0).unwrap();
    let (s, issues) = from_query("btc_price_usd=nan&fees_btc_per_block=0.1", &base);
    assert_eq!(s.btc_price_usd, 50_000.0);
    assert_eq!(s.fees_btc_per_block, 0.1);
    assert_eq!(issues.len(), 1);
}

#[test]
fn percent_decoding_and_plus_as_space() {
    let (s, issues) = from_query("btc%5Fprice%5fusd=8%34000&%62lock_height=930000", &Scenario::default());
    assert!(issues.is_empty(), "{issues:?}");
    assert_eq!(s.btc_price_usd, 84_000.0);
    assert_eq!(s.block_height, 930_000.0);
    // A `+` is a space, so an unencoded exponent sign is not a number.
    let (_, issues) = from_query("btc_price_usd=1e+5", &Scenario::default());
    assert_eq!(issues[0].value, "1e 5");
    assert_eq!(decode_component("a+b%20c%zz%4"), "a b c%zz%4");
    assert_eq!(decode_component("caf%C3%A9"), "café");
    assert_eq!(decode_component("%FF"), "\u{FFFD}");
    assert_eq!(encode_component("a b+c/é"), "a%20b%2Bc%2F%C3%A9");
    assert_eq!(page_param("?embed=1&panels=kpis%2Ccash&theme=dark", "panels").as_deref(), Some("kpis,cash"));
    assert_eq!(page_param("embed", "embed").as_deref(), Some(""));
    assert_eq!(page_param("embed=1", "theme"), None);
    assert_eq!(query_pairs("?a=1&&b"), vec![("a".into(), "1".into()), ("b".into(), String::new())]);
}

#[test]
fn repeated_key_last_wins() {
    let (s, issues) = from_query("btc_price_usd=1&btc_price_usd=2&btc_price_usd=84000", &Scenario::default());
    assert!(issues.is_empty());
    assert_eq!(s.btc_price_usd, 84_000.0);
    let (s, issues) = from_query("btc_price_usd=84000&btc_price_usd=x", &Scenario::default());
    assert_eq!(s.btc_price_usd, 95_000.0);
    assert_eq!(issues.len(), 1);
    let (s, issues) = from_query("btc_price_usd=x&btc_price_usd=84000", &Scenario::default());
    assert!(issues.is_empty());
    assert_eq!(s.btc_price_usd, 84_000.0);
    assert_eq!(page_param("theme=light&theme=dark", "theme").as_deref(), Some("dark"));
}

#[test]
fn booleans() {
    for (text, want) in [("true", true), ("1", true), ("false", false), ("0", false)] {
        let (s, issues) = from_query(&format!("curtail_when_unprofitable={text}"), &Scenario::default());
        assert!(issues.is_empty());
        assert_eq!(s.curtail_when_unprofitable, want);
    }
    let (_, issues) = from_query("curtail_when_unprofitable=yes", &Scenario::default());
    assert_eq!(issues.len(), 1);
}

#[test]
fn strict_numbers() {
    for (t, v) in [
        ("86000", 86000.0),
        ("-2.5", -2.5),
        ("1e5", 1e5),
        (".5", 0.5),
        ("5.", 5.0),
        ("+3", 3.0),
        ("1e+21", 1e21),
        ("2E-3", 0.002),
        ("0", 0.0),
        ("-.5", -0.5),
    ] {
        assert_eq!(parse_number(t), Some(v), "{t}");
    }
    for t in [
        "", " ", "inf", "-inf", "infinity", "NaN", "nan", "0x10", "1e", "1e+", ".", "-", "+", "e5", "5 ", " 5",
        "5abc", "1,000", "1_000", "--5", "1.2.3", "1e5.5", "1e400", "$5", "5%",
    ] {
        assert_eq!(parse_number(t), None, "{t:?}");
    }
}

#[test]
fn user_numbers() {
    for (t, v) in [
        ("95,000", 95000.0),
        (" 95000 ", 95000.0),
        ("$95,000", 95000.0),
        ("$ 95,000.50", 95000.5),
        ("-$5", -5.0),
        ("$-5", -5.0),
        ("2%", 2.0),
        ("2.5 %", 2.5),
        ("1,234,567", 1234567.0),
        ("0.05", 0.05),
        (".05", 0.05),
        ("1e5", 1e5),
        ("-2.5", -2.5),
        ("−20", -20.0),
        ("95 000", 95000.0),
        ("1\u{a0}234\u{202f}567.5", 1234567.5),
        ("$ 95 000", 95000.0),
        ("−$5", -5.0),
    ] {
        assert_eq!(parse_user_number(t), Some(v), "{t}");
    }
    for t in [
        "",
        "abc",
        "0,05",
        "9,50",
        "95,0000",
        ",95",
        "95,",
        "1,,000",
        "1.000,5",
        "--5",
        "−−5",
        "95 00",
        "9 5000",
        "95 000,5",
        "1 234,5",
        "-−5",
        "-$-5",
        "$$5",
        "inf",
        "NaN",
        "0x1F",
        "5 kWh",
        "5%%",
        "1,000e1,0",
    ] {
        assert_eq!(parse_user_number(t), None, "{t:?}");
    }
}

/// Values spread over the whole valid range and many orders of magnitude, plus the default itself.
fn value_strategy(spec: &'static InputSpec, default: f64) -> BoxedStrategy<f64> {
    let check = move |v: &f64| spec.check(*v).is_ok();
    match spec.kind {
        Kind::Bool => any::<bool>().prop_map(|b| if b { 1.0 } else { 0.0 }).boxed(),
        Kind::Integer => {
            let (lo, hi) = (spec.min as u64, spec.max as u64);
            prop_oneof![
                Just(default),
                (lo..=hi).prop_map(|n| n as f64),
                (0u32..53).prop_map(move |k| { ((lo as f64) + 2f64.powi(k as i32)).min(hi as f64) })
            ]
            .boxed()
        }
        Kind::Real => {
            let (lo, hi) = (spec.min, spec.max);
            prop_oneof![
                Just(default),
                (lo..=hi).prop_filter("in range", check),
                (0.0f64..1.0, 0i32..80)
                    .prop_map(move |(u, k)| lo + (hi - lo) * u * 2f64.powi(-k))
                    .prop_filter("in range", check),
            ]
            .boxed()
        }
    }
}

fn scenario_strategy() -> impl Strategy<Value = Scenario> {
    let d = Scenario::default();
    let parts: Vec<BoxedStrategy<f64>> =
        INPUTS.iter().map(|spec| value_strategy(spec, d.get(spec.key).unwrap())).collect();
    parts.prop_map(|values| {
        let mut s = Scenario::default();
        for (spec, v) in INPUTS.iter().zip(values) {
            s.set(spec.key, v).unwrap();
        }
        s
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn round_trip_with_rust_shortest_repr(s in scenario_strategy()) {
        prop_assert!(s.validate().is_ok());
        let q = to_query(&s, &rust_fmt);
        let (back, issues) = from_query(&q, &Scenario::default());
        prop_assert!(issues.is_empty(), "{:?} from {}", issues, q);
        prop_assert_eq!(back, s);
    }

    #[test]
    fn round_trip_with_js_like_exponents(s in scenario_strategy()) {
        let q = to_query(&s, &js_like_fmt);
        let (back, issues) = from_query(&q, &Scenario::default());
        prop_assert!(issues.is_empty(), "{:?} from {}", issues, q);
        prop_assert_eq!(back, s);
    }

    #[test]
    fn query_applies_over_any_base(s in scenario_strategy(), base in scenario_strategy()) {
        // Keys equal to the defaults are omitted, so the result is s where s differs from the defaults.
        let q = to_query(&s, &rust_fmt);
        let (back, issues) = from_query(&("?".to_string() + &q), &base);
        prop_assert!(issues.is_empty());
        let d = Scenario::default();
        for spec in INPUTS {
            let want = if s.get(spec.key) == d.get(spec.key) { base.get(spec.key) } else { s.get(spec.key) };
            prop_assert_eq!(back.get(spec.key), want, "{}", spec.key);
        }
    }

    #[test]
    fn parsers_never_panic(text in ".{0,24}") {
        let _ = parse_number(&text);
        let _ = parse_user_number(&text);
        let _ = from_query(&text, &Scenario::default());
        let _ = page_param(&text, "theme");
    }

    #[test]
    fn encode_decode_round_trip(text in ".{0,24}") {
        prop_assert_eq!(decode_component(&encode_component(&text)), text);
    }
}

#[test]
fn links_carry_the_defaults_they_were_made_against() {
    assert_eq!(current_base(), "2025-11");
    let mut s = Scenario::default();
    assert_eq!(link_query(&s, &rust_fmt), "", "the defaults themselves: a plain page");
    s.set("btc_price_usd", 70_000.0).unwrap();
    assert_eq!(link_query(&s, &rust_fmt), "base=2025-11&btc_price_usd=70000");
    let (back, issues) = scenario_from(&link_query(&s, &rust_fmt));
    assert_eq!((back, issues), (s.clone(), vec![]));
    // `base` is not an unknown key, and a link with only `base` is a link (to those defaults).
    assert!(from_query("base=2025-11", &Scenario::default()).1.is_empty());
    assert!(has_scenario_keys("?base=2025-11"));
    assert_eq!(initial_scenario("?base=2025-11", Some("btc_price_usd=1")).0, Scenario::default());
}

#[test]
fn the_newest_default_set_is_todays_defaults_and_lists_every_input() {
    let newest = DEFAULT_SETS.last().expect("a set");
    for spec in INPUTS {
        let listed = newest.values.iter().find(|(k, _)| *k == spec.key).map(|(_, v)| *v);
        assert_eq!(
            listed,
            Scenario::default().get(spec.key),
            "{}: the newest default set must list every input at today's default. A new input: add it to every set \
             with the value that reproduces that set's numbers; a changed default: add a new set (see DEFAULT_SETS)",
            spec.key
        );
    }
    let mut ids: Vec<&str> = DEFAULT_SETS.iter().map(|s| s.id).collect();
    ids.dedup();
    assert_eq!(ids.len(), DEFAULT_SETS.len(), "ids are unique");
    for set in DEFAULT_SETS {
        for (k, v) in set.values {
            assert!(input_spec(k).is_some_and(|spec| spec.check(*v).is_ok()), "{} {k}", set.id);
        }
    }
}

#[test]
fn a_change_of_defaults_keeps_old_links_numbers() {
    // Simulate a later release: BTC default 120,000 and a 1.5 % pool fee, recorded as a new set "2026-06".
    const NEW: DefaultSet = DefaultSet { id: "2026-06", values: &[("btc_price_usd", 120_000.0), ("pool_fee_pct", 1.5)] };
    let sets = [DEFAULT_SETS[0], NEW];
    let current = defaults_of(&NEW, &Scenario::default());
    assert_eq!((current.btc_price_usd, current.pool_fee_pct), (120_000.0, 1.5));

    // A link made today (and one made before links carried `base`) still shows today's numbers.
    let mut today = Scenario::default();
    today.set("machine_count", 555.0).unwrap();
    let link = link_query(&today, &rust_fmt);
    assert_eq!(link, "base=2025-11&machine_count=555");
    for q in [link.as_str(), "machine_count=555"] {
        let (s, notices) = initial_scenario_with(q, None, &current, &sets);
        assert_eq!((s, notices), (today.clone(), vec![]), "{q}");
        // The saved scenario too.
        assert_eq!(initial_scenario_with("", Some(q), &current, &sets).0, today, "saved {q}");
    }
    // A link made after the change reads against the new defaults, and is written against them.
    let (s, _) = initial_scenario_with("base=2026-06&machine_count=555", None, &current, &sets);
    assert_eq!((s.btc_price_usd, s.pool_fee_pct, s.machine_count), (120_000.0, 1.5, 555.0));
    assert_eq!(link_query_with(&s, &rust_fmt, &current, "2026-06"), "base=2026-06&machine_count=555");
    // Re-sharing an old link under the new defaults keeps its numbers: the keys that differ are written.
    let reshared = link_query_with(&today, &rust_fmt, &current, "2026-06");
    assert_eq!(reshared, "base=2026-06&btc_price_usd=95000&machine_count=555&pool_fee_pct=2");
    assert_eq!(initial_scenario_with(&reshared, None, &current, &sets).0, today);
    // A plain visit shows the new defaults.
    assert_eq!(initial_scenario_with("", None, &current, &sets).0, current);
    // A base from a newer version reads against today's defaults, and says so.
    let (s, notices) = initial_scenario_with("base=2030-01&machine_count=7", None, &current, &sets);
    assert_eq!((s.btc_price_usd, s.machine_count), (120_000.0, 7.0));
    assert_eq!(notices.len(), 1);
    assert!(notices[0].contains("base = \"2030-01\": defaults this version does not know; today's defaults stand in"), "{notices:?}");
}

#[test]
fn a_link_of_exactly_the_saved_scenario_is_the_visitors_own_page() {
    let saved = "base=2025-11&btc_price_usd=70000";
    // Reload, back/forward, a second tab: the address holds the saved scenario, in either form.
    for q in ["?base=2025-11&btc_price_usd=70000", "?btc_price_usd=70000", "?btc_price_usd=70%2C000&utm_source=x", "?btc_price_usd=70000&threshold=40"] {
        assert!(is_own_link(q, Some(saved)), "{q}");
        assert!(saves_edits(q, Some(saved), false), "{q}");
        assert!(!saves_edits(q, Some(saved), true), "never in an embed: {q}");
    }
    // Someone else's link: shown, not saved over the visitor's work.
    for q in ["?btc_price_usd=70001", "?btc_price_usd=70000&machine_count=555", "?btc_price_usd=abc", "?base=2025-11"] {
        assert!(!is_own_link(q, Some(saved)), "{q}");
        assert!(!saves_edits(q, Some(saved), false), "{q}");
    }
    // A plain visit, or nothing saved yet: saved.
    assert!(saves_edits("", Some(saved), false));
    assert!(saves_edits("?utm_source=x", Some(saved), false));
    assert!(saves_edits("?btc_price_usd=1", None, false));
    assert!(!is_own_link("", Some(saved)), "a plain visit is not a link");
    assert!(!is_own_link("?btc_price_usd=70000", None));
    assert_eq!(saved_threshold("base=2025-11&btc_price_usd=70000&threshold=40"), Some(40.0));
    assert_eq!(saved_threshold("btc_price_usd=70000&threshold=-1"), None);
}

#[test]
fn another_tabs_different_save_is_named() {
    let mut ours = Scenario::default();
    ours.set("machine_count", 555.0).unwrap();
    assert_eq!(saved_elsewhere_notice(Some("base=2025-11&machine_count=555"), &ours), None, "the same scenario");
    assert_eq!(saved_elsewhere_notice(Some("machine_count=555"), &ours), None, "in the older form too");
    assert_eq!(saved_elsewhere_notice(None, &ours), None);
    let n = saved_elsewhere_notice(Some("base=2025-11&machine_count=7"), &ours).expect("differs");
    assert!(n.starts_with("Another tab saved a different scenario."), "{n}");
}
