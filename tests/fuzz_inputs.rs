//! Fuzz tests of every entry point that reads untrusted input: URL queries (and the saved scenario in
//! localStorage, which is a query too), fields typed by the user, JS API objects and host messages, fetched
//! live data, machine tables, embed snippets, and scenarios at the edges of their valid ranges.
//!
//! A panic in the WASM build kills the page, so each test asserts first that nothing panics, then that
//! what is refused is refused with the offending key named (MODEL.md: "an error that names the key"),
//! and, where an independent oracle is cheap, that what is accepted is exactly what the spec accepts.
//!
//! Default case counts keep the file fast in CI (~5 s debug, <1 s release). `PROPTEST_CASES=n` overrides
//! every block's default for a deeper campaign; a fast one that keeps the overflow checks:
//!   CARGO_PROFILE_RELEASE_OVERFLOW_CHECKS=true CARGO_PROFILE_RELEASE_DEBUG_ASSERTIONS=true \
//!   CARGO_PROFILE_RELEASE_LTO=false PROPTEST_CASES=200000 cargo test --release --test fuzz_inputs -- \
//!   --skip edge_scenarios_run_the_risk_model      (that one: PROPTEST_CASES=20000, ~35 s)

mod common;
use common::{scenario_from_values, SCENARIO_F64_FIELDS};
use hashprice::api_input::{apply_host_message, readable_key, scenario_from_pairs, HostMessage, HostReply, JsInput};
use hashprice::export::{embed_snippet, embed_url, escape_attr, monthly_rows, projection_csv};
use hashprice::fields::{self, DERIVED_FIELDS, FIELDS};
use hashprice::model::{evaluate, evaluate_risk, input_spec, InputSpec, Kind, Scenario, INPUTS};
use hashprice::model::{DECISION_KEYS, PROJECTION_GROUP_KEYS, PROJECTION_KEYS, SNAPSHOT_GROUP_KEYS, SNAPSHOT_KEYS};
use hashprice::page::{section_index, valid_hex_colour, PageOptions};
use hashprice::state::edit::FieldEdit;
use hashprice::state::insights::{
    btc_or_sats, compact_usd, current_subsidy_btc, days_to_next_halving, efficiency_jth_from_power, halvings_at,
    hardware_table, headline, next_halving_height, scale_hashrate_ths,
};
use hashprice::state::live::{
    cooldown_left_s, utc_label, validate, Failure, Fetched, Raw, Source, COOLDOWN_MS, RETRY_MS,
};
use hashprice::state::units::parse_entry;
use hashprice::state::{
    decode_component, encode_component, from_query, machine_presets, page_param, parse_machines, parse_number,
    parse_user_number, query_pairs, to_query, ECHO_CHARS, MAX_UNKNOWN_KEYS, PAGE_KEYS,
};
use proptest::prelude::*;

/// `cases` unless `PROPTEST_CASES` is set (then the environment wins, for long fuzzing runs).
fn cfg(cases: u32) -> ProptestConfig {
    let mut c = ProptestConfig::default();
    if std::env::var_os("PROPTEST_CASES").is_none() {
        c.cases = cases;
    }
    c.failure_persistence = None;
    c
}

// ---------------------------------------------------------------------------------------------------------
// Generators
// ---------------------------------------------------------------------------------------------------------

/// Fragments that exercise every branch of the parsers: percent-escapes (valid, malformed, truncated,
/// invalid UTF-8), query punctuation, number syntax, thousands separators, multi-byte characters where
/// byte offsets are not char boundaries (`€`, fullwidth and Arabic-Indic digits, emoji, combining marks,
/// characters whose case mapping changes length), Unicode whitespace, keys of the scenario and the page.
const PIECES: &[&str] = &[
    "%",
    "%G1",
    "%FF",
    "%fF",
    "%2",
    "%25",
    "%2B",
    "%26",
    "%3D",
    "%3F",
    "%23",
    "%2C",
    "%00",
    "%C3%A9",
    "%E2%82%AC",
    "%E2%82",
    "%F0%9F%98%80",
    "%F0%9F",
    "%C0%80",
    "%ED%A0%80",
    "+",
    "=",
    "==",
    "&",
    "&&",
    "?",
    "#",
    ",",
    ".",
    "..",
    "e",
    "E",
    "e+",
    "e-",
    "-",
    "+",
    "$",
    "%",
    " ",
    "\t",
    "\n",
    "\r",
    "\u{a0}",
    "\u{2009}",
    "\u{3000}",
    "\u{feff}",
    "0",
    "1",
    "5",
    "9",
    "00",
    "000",
    "123",
    "1,000",
    ",000",
    ",00",
    "95,000",
    "1e5",
    "1e309",
    "1e-400",
    "-0",
    "0x10",
    "NaN",
    "nan",
    "inf",
    "Infinity",
    "-inf",
    "true",
    "false",
    "yes",
    "null",
    "€",
    "£",
    "１",
    "２",
    "٣",
    "۴",
    "𝟙",
    "😀",
    "🇺🇸",
    "e\u{301}",
    "é",
    "ß",
    "İ",
    "ﬃ",
    "\u{0}",
    "\u{7f}",
    "\u{fffd}",
    "\u{10ffff}",
    "<",
    ">",
    "\"",
    "'",
    "\\",
    "T",
    ":",
    "-",
    "2026-11-24T14:05:00.000Z",
    "embed",
    "panels",
    "theme",
    "accent",
    "live",
    "btc_price_usd",
    "block_height",
    "horizon_months",
    "curtail_when_unprofitable",
    "pool_fee_pct",
    "mc_seed",
    "mc_paths",
    "difficulty_t",
    "machine_power_w",
    "model",
    "hashrate_ths",
    "power_w",
    "efficiency_jth",
    "cooling",
    "price_usd_per_th",
    "price_note",
];

fn pieces(max: usize) -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(PIECES), 0..max).prop_map(|v| v.concat())
}

/// Long runs of one fragment (long values, many separators, thousands of escapes).
fn long_text() -> impl Strategy<Value = String> {
    (prop::sample::select(PIECES), 100usize..1_500, pieces(4)).prop_map(|(p, n, tail)| [p.repeat(n), tail].concat())
}

/// Any text: random Unicode, random fragment soup, long runs, random bytes decoded lossily.
fn hostile_text() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => pieces(16),
        2 => any::<String>(),
        1 => "[0-9eE+\\-.,$% ]{0,24}",
        1 => prop::collection::vec(any::<u8>(), 0..40).prop_map(|b| String::from_utf8_lossy(&b).into_owned()),
        1 => long_text(),
    ]
}

/// Every key a caller could send: the scenario's, the page's, derived rows, and junk.
fn any_key() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => prop::sample::select(INPUTS).prop_map(|s| s.key.to_string()),
        1 => prop::sample::select(PAGE_KEYS).prop_map(str::to_string),
        1 => prop::sample::select(&["utm_source", "utm_", "fbclid", "ref", "_ga", "mc_eid"][..]).prop_map(str::to_string),
        1 => Just(String::new()),
        2 => hostile_text(),
    ]
}

/// Numbers as text, valid and not, for the scenario's keys.
fn number_text() -> impl Strategy<Value = String> {
    prop_oneof![
        any::<f64>().prop_map(|x| x.to_string()),
        any::<f64>().prop_map(|x| format!("{x:e}")),
        any::<i64>().prop_map(|x| x.to_string()),
        (0u32..10_000_000).prop_map(|x| x.to_string()),
        "[+-]?[0-9]{0,4}(\\.[0-9]{0,3})?([eE][+-]?[0-9]{0,4})?",
        pieces(6),
        "[0-9]{300,400}",
    ]
}

fn query_value() -> impl Strategy<Value = String> {
    prop_oneof![4 => number_text(), 2 => hostile_text(), 1 => Just(String::new())]
}

/// A query string: `?` or not, pairs with or without `=`, keys encoded or raw, repeated keys, empty pairs.
fn query() -> impl Strategy<Value = String> {
    let pair = (any_key(), prop::option::weighted(0.9, query_value()), any::<bool>()).prop_map(|(k, v, enc)| {
        let key = if enc { encode_component(&k) } else { k };
        match v {
            Some(v) => [key, "=".into(), if enc { encode_component(&v) } else { v }].concat(),
            None => key,
        }
    });
    (any::<bool>(), prop::collection::vec(pair, 0..12), prop::sample::select(&["&", "&&", "&=&"][..]))
        .prop_map(|(q, pairs, sep)| [if q { "?" } else { "" }, &pairs.join(sep)].concat())
}

fn any_f64() -> impl Strategy<Value = f64> {
    prop_oneof![
        any::<f64>(),
        Just(f64::NAN),
        Just(-f64::NAN),
        Just(f64::INFINITY),
        Just(f64::NEG_INFINITY),
        Just(0.0),
        Just(-0.0),
        Just(f64::MIN_POSITIVE),
        Just(5e-324),
        Just(f64::MAX),
        Just(f64::MIN),
        Just(u64::MAX as f64),
        Just(9_007_199_254_740_993.0),
        -1e7..1e7_f64,
        (-1_000i64..10_000_000).prop_map(|x| x as f64),
    ]
}

/// A value at or near the edges of an input's valid range, or inside it.
fn edge_value(spec: &'static InputSpec) -> BoxedStrategy<f64> {
    let (lo, hi) = (spec.min, spec.max);
    let lo_in = if spec.min_exclusive { next_up(lo) } else { lo };
    let hi_in = if spec.max_exclusive { next_down(hi) } else { hi };
    match spec.kind {
        Kind::Bool => prop_oneof![Just(0.0), Just(1.0)].boxed(),
        Kind::Integer => {
            let (a, b) = (lo as u64, hi as u64);
            prop_oneof![Just(lo), Just(hi), (a..=b).prop_map(|x| x as f64), Just((lo + 1.0).min(hi))].boxed()
        }
        Kind::Real => prop_oneof![
            Just(lo_in),
            Just(hi_in),
            Just(next_up(lo_in).min(hi_in)),
            Just(next_down(hi_in).max(lo_in)),
            (0.0..=1.0_f64).prop_map(move |t| (lo_in + (hi_in - lo_in) * t).clamp(lo_in, hi_in)),
        ]
        .boxed(),
    }
}

fn next_up(x: f64) -> f64 {
    if x == 0.0 {
        f64::from_bits(1)
    } else if x > 0.0 {
        f64::from_bits(x.to_bits() + 1)
    } else {
        f64::from_bits(x.to_bits() - 1)
    }
}

fn next_down(x: f64) -> f64 {
    -next_up(-x)
}

/// A valid scenario with every input drawn from its edges: the extremes the ranges allow. `max_paths` keeps
/// the Monte Carlo run small enough for many cases.
fn edge_scenario(max_paths: u32) -> impl Strategy<Value = Scenario> {
    let strategies: Vec<BoxedStrategy<f64>> = INPUTS.iter().map(edge_value).collect();
    (strategies, 1..=max_paths).prop_map(|(values, paths)| {
        let mut s = Scenario::default();
        for (spec, v) in INPUTS.iter().zip(values) {
            s.set(spec.key, v).unwrap_or_else(|e| panic!("edge value {v} of {} refused: {e}", spec.key));
        }
        s.mc_paths = paths as f64;
        s
    })
}

/// Any scenario at all (its fields are public): NaN, infinities, negatives, huge values.
fn wild_scenario() -> impl Strategy<Value = Scenario> {
    (prop::collection::vec(any_f64(), SCENARIO_F64_FIELDS), any::<bool>())
        .prop_map(|(v, curtail)| scenario_from_values(&v, curtail))
}

// ---------------------------------------------------------------------------------------------------------
// Oracles (independent of the code under test)
// ---------------------------------------------------------------------------------------------------------

/// MODEL.md's strict number: only sign, digits, point and exponent characters, as Rust's parser reads them
/// (Rust also reads "inf" and "NaN", which the character set excludes), finite.
fn strict_number(text: &str) -> Option<f64> {
    if !text.bytes().all(|b| b.is_ascii_digit() || matches!(b, b'+' | b'-' | b'.' | b'e' | b'E')) {
        return None;
    }
    text.parse::<f64>().ok().filter(|x| x.is_finite())
}

fn strict_bool(text: &str) -> Option<f64> {
    match text {
        "true" | "1" => Some(1.0),
        "false" | "0" => Some(0.0),
        _ => None,
    }
}

/// The tracking keys of newsletters and ads that a query ignores without a word.
fn tracking(k: &str) -> bool {
    k.starts_with("utm_")
        || ["fbclid", "gclid", "dclid", "msclkid", "mc_cid", "mc_eid", "_ga", "_gl", "igshid", "ref"].contains(&k)
}

/// The scenario a query should give, and the keys that must be reported, from the decoded pairs.
fn expected_from_query(q: &str) -> (Scenario, Vec<String>) {
    let mut last: Vec<(String, String)> = Vec::new();
    for (k, v) in query_pairs(q) {
        if k.is_empty() || tracking(&k) {
            continue;
        }
        match last.iter_mut().find(|(key, _)| *key == k) {
            Some(slot) => slot.1 = v,
            None => last.push((k, v)),
        }
    }
    // Only the first MAX_UNKNOWN_KEYS distinct unknown keys (in order of first appearance) are reported.
    let mut unknown_seen = 0;
    last.retain(|(k, _)| {
        let known = PAGE_KEYS.contains(&k.as_str()) || k == "base" || input_spec(k).is_some();
        unknown_seen += usize::from(!known);
        known || unknown_seen <= MAX_UNKNOWN_KEYS
    });
    let mut s = Scenario::default();
    let mut refused = Vec::new();
    for (k, v) in last {
        // The threshold is a page key, but a link's bad threshold is named like a bad input.
        if k == "threshold" && !parse_user_number(&v).is_some_and(|x| x > 0.0 && x <= 100_000.0) {
            refused.push(k);
            continue;
        }
        if PAGE_KEYS.contains(&k.as_str()) || k == "base" {
            continue;
        }
        let ok = input_spec(&k).and_then(|spec| {
            // A link's number is read like a field's text (`95,000`, `$95000`, a `+` that decodes to a space).
            let x = if spec.kind == Kind::Bool { strict_bool(&v) } else { parse_user_number(&v) }?;
            spec.check(x).ok().map(|_| x)
        });
        match ok {
            Some(x) => s.set(&k, x).expect("checked"),
            None => refused.push(k),
        }
    }
    (s, refused)
}

fn same(a: &Scenario, b: &Scenario) -> bool {
    INPUTS.iter().all(|spec| a.get(spec.key).map(f64::to_bits) == b.get(spec.key).map(f64::to_bits))
}

// ---------------------------------------------------------------------------------------------------------
// URL query and saved scenario (src/state/query.rs, src/page.rs)
// ---------------------------------------------------------------------------------------------------------

proptest! {
    #![proptest_config(cfg(1_000))]

    /// `from_query` (the link and the saved scenario in localStorage): never panics, applies exactly the
    /// valid last occurrences, and reports every other scenario key and every unknown key by name.
    #[test]
    fn from_query_applies_the_valid_and_names_the_rest(q in prop_oneof![4 => query(), 1 => hostile_text()]) {
        let (s, issues) = from_query(&q, &Scenario::default());
        prop_assert!(s.validate().is_ok(), "query result must stay valid: {:?}", s.validate());
        let (want, refused) = expected_from_query(&q);
        prop_assert!(same(&s, &want), "{q:?}\n got {s:?}\nwant {want:?}");
        let keys: Vec<&str> = issues.iter().map(|i| i.key.as_str()).collect();
        prop_assert_eq!(&keys, &refused.iter().map(String::as_str).collect::<Vec<_>>(), "{:?}", q);
        for i in &issues {
            prop_assert!(!i.key.is_empty() && (i.key == "threshold" || !PAGE_KEYS.contains(&i.key.as_str())));
            prop_assert!(!tracking(&i.key), "{}", i.key);
            // The message names the key, cut short after ECHO_CHARS characters.
            let shown: String = i.key.chars().take(ECHO_CHARS).collect();
            prop_assert!(i.message().starts_with(&shown), "{}", i.message());
            prop_assert!(i.message().chars().count() <= 2 * (ECHO_CHARS + 1) + 7 + i.reason.chars().count(), "{}", i.message());
            prop_assert!(!i.reason.is_empty());
        }
    }

    /// The page's own parameters read from the same query never panic and stay within their vocabularies.
    #[test]
    fn page_options_never_panic(q in prop_oneof![4 => query(), 1 => hostile_text()], key in any_key()) {
        let p = PageOptions::from_query(&q);
        if let Some(panels) = &p.panels {
            prop_assert!(!panels.is_empty() && panels.iter().all(|x| section_index(x).is_some()));
        }
        if let Some(a) = &p.accent {
            prop_assert!(a.len() == 4 || a.len() == 7);
            prop_assert!(a[1..].bytes().all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b)));
        }
        let _ = page_param(&q, &key);
        prop_assert!(query_pairs(&q).len() <= q.len());
    }

    #[test]
    fn accent_colour_is_hex_or_nothing(raw in hostile_text()) {
        if let Some(c) = valid_hex_colour(&raw) {
            prop_assert!(c.starts_with('#') && (c.len() == 4 || c.len() == 7), "{raw:?} -> {c:?}");
            prop_assert!(c[1..].bytes().all(|b| b.is_ascii_hexdigit() && !b.is_ascii_uppercase()));
        }
    }

    /// Percent-decoding never panics on malformed escapes or invalid UTF-8, and inverts encoding.
    #[test]
    fn decode_never_panics_and_inverts_encode(text in hostile_text()) {
        let _ = decode_component(&text);
        let enc = encode_component(&text);
        prop_assert!(enc.bytes().all(|b| b.is_ascii_alphanumeric() || b"-._~%".contains(&b)), "{enc}");
        prop_assert_eq!(decode_component(&enc), text);
    }

    /// The strict parser accepts exactly the strict syntax and the value Rust's parser reads from it.
    #[test]
    fn parse_number_is_exactly_the_strict_syntax(text in prop_oneof![3 => number_text(), 1 => hostile_text()]) {
        let got = parse_number(&text);
        let want = strict_number(&text);
        prop_assert_eq!(got.map(f64::to_bits), want.map(f64::to_bits), "{:?}", text);
    }

    /// What people type in a field: never panics, a result is always finite, and the plain strict form
    /// (what the field shows back) is always accepted unchanged.
    #[test]
    fn parse_user_number_never_panics(text in prop_oneof![2 => number_text(), 2 => hostile_text()]) {
        if let Some(x) = parse_user_number(&text) {
            prop_assert!(x.is_finite(), "{text:?} -> {x}");
        }
        if let Some(x) = strict_number(&text) {
            prop_assert_eq!(parse_user_number(&text).map(f64::to_bits), Some(x.to_bits()), "{:?}", text);
        }
    }

    /// Any valid scenario survives the trip through the URL (and localStorage) unchanged, with no issue.
    #[test]
    fn valid_scenarios_round_trip_through_the_query(s in edge_scenario(10_000)) {
        let q = to_query(&s, &|x: f64| x.to_string());
        let (back, issues) = from_query(&q, &Scenario::default());
        prop_assert!(issues.is_empty(), "{q}: {issues:?}");
        prop_assert!(same(&back, &s), "{q}");
    }
}

// ---------------------------------------------------------------------------------------------------------
// Fields typed by the user (src/fields.rs)
// ---------------------------------------------------------------------------------------------------------

fn field_key() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => prop::sample::select(FIELDS).prop_map(|f| f.key.to_string()),
        2 => prop::sample::select(DERIVED_FIELDS).prop_map(|f| f.key.to_string()),
        1 => any_key(),
    ]
}

proptest! {
    #![proptest_config(cfg(500))]

    /// `fields::write` (what a row does with a parsed number): an accepted value leaves a valid scenario,
    /// a refused one names the row's key and changes nothing.
    #[test]
    fn field_writes_stay_valid_or_name_the_key(
        key in field_key(), text in prop_oneof![number_text(), hostile_text()], x in any_f64(), base in edge_scenario(10_000)
    ) {
        for value in parse_user_number(&text).into_iter().chain([x]) {
            let mut s = base.clone();
            match fields::write(&key, &mut s, value) {
                Ok(()) => {
                    prop_assert!(s.validate().is_ok(), "{key} = {value}: {:?}", s.validate());
                    if input_spec(&key).is_some() {
                        prop_assert_eq!(s.get(&key), Some(value), "booleans read back as 0 or 1");
                    }
                }
                Err(e) => {
                    prop_assert_eq!(&e.key, &key);
                    prop_assert!(!e.reason.is_empty());
                    prop_assert!(same(&s, &base), "a refused value changes nothing");
                }
            }
            let _ = fields::read(&key, &s);
        }
    }
}

/// Field text with the units people write, glued or spaced, in any case, and junk after numbers.
fn unit_text() -> impl Strategy<Value = String> {
    let unit = prop::sample::select(
        &[
            "¢", "c", "cents", "$/MWh", "/kWh", "EH", "EH/s", "ZH/s", "PH/s", "TH/s", "GH", "kW", "W", "MW", "GW",
            "sats", "BTC", "k", "M", "bn", "%", "%/month", "T", "p", "¢¢", "/", "e", "",
        ][..],
    );
    (number_text(), prop::sample::select(&["", " ", "\u{a0}", "  "][..]), unit, any::<bool>()).prop_map(
        |(n, sp, u, upper)| [n, sp.to_string(), if upper { u.to_uppercase() } else { u.to_string() }].concat(),
    )
}

proptest! {
    #![proptest_config(cfg(500))]

    /// `units::parse_entry` (a row's text, units and all): never panics; a number without a unit reads exactly
    /// as before; a unit only ever scales by its power of ten; an error's message always gives an example.
    #[test]
    fn typed_entries_with_units_parse_or_explain(key in field_key(), text in prop_oneof![3 => unit_text(), 1 => number_text(), 1 => hostile_text()]) {
        match parse_entry(&key, &text) {
            Ok(v) => {
                prop_assert!(!v.is_nan(), "{key} {text:?}");
                if let Some(plain) = parse_user_number(&text) {
                    prop_assert_eq!(v.to_bits(), plain.to_bits(), "{} {:?}", key, text);
                }
            }
            Err(e) => {
                prop_assert!(parse_user_number(&text).is_none(), "a plain number is never refused: {key} {text:?}");
                let m = e.message(&key, "42");
                prop_assert!(m.contains("e.g. "), "{m}");
            }
        }
    }

    /// The edit-in-force rule over any sequence of keystrokes: after an invalid one, the scenario holds exactly
    /// the value from before the edit; after a valid one, the typed value; blur never leaves an invalid value.
    #[test]
    fn invalid_keystrokes_hold_the_value_from_before_the_edit(
        key in prop::sample::select(FIELDS).prop_map(|f| f.key), texts in prop::collection::vec(prop_oneof![unit_text(), hostile_text()], 1..8)
    ) {
        let start = Scenario::default();
        let mut s = start.clone();
        let mut e = FieldEdit::new(key);
        e.on_focus(&s);
        for t in &texts {
            let step = e.on_input(t, &s, "42");
            if let Some(n) = step.next {
                s = n;
            }
            prop_assert!(s.validate().is_ok());
            if step.error.is_some() {
                prop_assert!(same(&s, &start), "{key} {t:?}");
            } else {
                prop_assert_eq!(s.get(key), parse_entry(key, t).ok(), "{} {:?}", key, t);
            }
        }
        let b = e.on_blur(&s);
        if let Some(n) = b.next {
            s = n;
        }
        if b.reverted.is_some() {
            prop_assert!(same(&s, &start));
        }
    }
}

// ---------------------------------------------------------------------------------------------------------
// JS API objects and host messages (src/api_input.rs)
// ---------------------------------------------------------------------------------------------------------

fn js_input() -> impl Strategy<Value = JsInput> {
    prop_oneof![
        6 => any_f64().prop_map(JsInput::Number),
        2 => any::<bool>().prop_map(JsInput::Bool),
        1 => prop::sample::select(&["a string", "null", "undefined", "a BigInt", "a symbol", "a function", "an array", "an object", "an unreadable value"][..])
            .prop_map(JsInput::Other),
    ]
}

/// Pairs whose values are usually in range, so that long all-valid objects occur too.
fn js_pairs() -> impl Strategy<Value = Vec<(String, JsInput)>> {
    let valid = (0..INPUTS.len()).prop_flat_map(|i| {
        let spec: &'static InputSpec = &INPUTS[i];
        edge_value(spec).prop_map(move |v| {
            let value = if spec.kind == Kind::Bool { JsInput::Bool(v == 1.0) } else { JsInput::Number(v) };
            (spec.key.to_string(), value)
        })
    });
    let any_pair = (any_key(), js_input());
    prop::collection::vec(prop_oneof![3 => valid, 1 => any_pair], 0..30)
}

/// The first pair the spec refuses (unknown key, wrong type, NaN/infinite/out of range) and the result.
fn expected_from_pairs(pairs: &[(String, JsInput)], base: &Scenario) -> Result<Scenario, String> {
    let mut s = base.clone();
    for (k, v) in pairs {
        let Some(spec) = input_spec(k) else { return Err(readable_key(k)) };
        let x = match (spec.kind, v) {
            (Kind::Bool, JsInput::Bool(b)) => f64::from(u8::from(*b)),
            (Kind::Bool, _) => return Err(k.clone()),
            (_, JsInput::Number(x)) if x.is_finite() => *x,
            _ => return Err(k.clone()),
        };
        if s.set(k, x).is_err() {
            return Err(k.clone());
        }
    }
    Ok(s)
}

proptest! {
    #![proptest_config(cfg(500))]

    /// `compute()`'s input and host messages: all or nothing, and the error names the first bad key.
    #[test]
    fn api_objects_are_applied_or_name_the_key(pairs in js_pairs()) {
        let base = Scenario::default();
        let got = scenario_from_pairs(&pairs, &base);
        match (&got, expected_from_pairs(&pairs, &base)) {
            (Ok(s), Ok(want)) => {
                prop_assert!(same(s, &want));
                prop_assert!(s.validate().is_ok());
            }
            (Err(e), Err(key)) => {
                prop_assert_eq!(&e.key, &key, "{}", e.message());
                prop_assert!(e.message().starts_with(&key));
            }
            (got, want) => prop_assert!(false, "{pairs:?}: got {got:?}, want {want:?}"),
        }
        let want = match got {
            Ok(s) => HostReply::Applied(s),
            Err(e) => HostReply::Refused { message: e.message(), key: Some(e.key) },
        };
        prop_assert_eq!(apply_host_message(&HostMessage::Scenario(pairs.clone()), &base), want);
        prop_assert_eq!(apply_host_message(&HostMessage::Ignored, &base), HostReply::Ignored);
    }
}

// ---------------------------------------------------------------------------------------------------------
// Scenario JSON (serde) and scenarios at the edges of the valid ranges (the model behind every entry point)
// ---------------------------------------------------------------------------------------------------------

fn json_value() -> impl Strategy<Value = serde_json::Value> {
    use serde_json::{json, Value};
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<f64>().prop_map(|x| json!(x)),
        any::<i64>().prop_map(|x| json!(x)),
        any::<u64>().prop_map(|x| json!(x)),
        hostile_text().prop_map(Value::String),
    ];
    leaf.prop_recursive(3, 16, 4, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..4).prop_map(Value::Array),
            prop::collection::vec((any_key(), inner), 0..4).prop_map(|kv| Value::Object(kv.into_iter().collect())),
        ]
    })
}

proptest! {
    #![proptest_config(cfg(300))]

    /// Pasted scenario JSON (`Scenario`'s serde form, used by the reference cases): never panics; a parsed
    /// scenario that is out of range is refused by `validate` with the key named.
    #[test]
    fn scenario_json_never_panics(
        kv in prop::collection::vec((any_key(), prop_oneof![3 => any::<f64>().prop_map(|x| serde_json::json!(x)), 1 => json_value()]), 0..10)
    ) {
        let obj = serde_json::Value::Object(kv.into_iter().collect());
        let text = obj.to_string();
        if let Ok(s) = serde_json::from_str::<Scenario>(&text) {
            if let Err(e) = s.validate() {
                prop_assert!(input_spec(&e.key).is_some(), "{e}");
                prop_assert!(evaluate(&s).is_err());
            }
        }
    }

    /// Any scenario at all (fields are public): evaluation never panics; export and insights neither.
    #[test]
    fn wild_scenarios_never_panic(s in wild_scenario(), threshold in any_f64()) {
        let valid = s.validate().is_ok();
        prop_assert_eq!(evaluate(&s).is_ok(), valid);
        let rows = monthly_rows(&s);
        prop_assert!(valid || rows.is_empty());
        let _ = headline(&s, threshold);
        let _ = hardware_table(&s, &machine_presets());
        let _ = to_query(&s, &|x: f64| x.to_string());
    }

    /// Valid scenarios at the very edges of their ranges (5e-324 hashrates, 1e7 machines, 120 months, height
    /// 6,930,000, pool fee just below 100 …): sections 1–4, the export and the insights never panic.
    #[test]
    fn edge_scenarios_evaluate_and_export(s in edge_scenario(10_000)) {
        let r = evaluate(&s).expect("valid");
        prop_assert_eq!(r.projection.monthly_net_usd.len(), s.horizon_months as usize);
        prop_assert_eq!(r.projection.equity.loan_balance_usd.len(), s.horizon_months as usize);
        prop_assert_eq!(r.decision.convert_monthly_net_usd.len(), (s.hpc_build_months + s.hpc_lease_term_months) as usize);
        for key in DECISION_KEYS.iter().chain(PROJECTION_KEYS).chain(SNAPSHOT_KEYS) {
            let v = r.value(key).expect("known key");
            prop_assert!(v.is_none_or(f64::is_finite), "{key} = {v:?}");
        }
        for key in SNAPSHOT_GROUP_KEYS.iter().chain(PROJECTION_GROUP_KEYS) {
            let v = r.group_values(key).expect("known key");
            prop_assert!(v.iter().flatten().all(|x| x.is_finite()), "{key}");
        }
        let rows = monthly_rows(&s);
        prop_assert_eq!(rows.len(), s.horizon_months as usize);
        let csv = projection_csv(&rows, &|x: f64| x.to_string());
        prop_assert_eq!(csv.lines().count(), rows.len() + 1);
        let _ = headline(&s, 40.0);
        let _ = hardware_table(&s, &machine_presets());
    }
}

proptest! {
    #![proptest_config(cfg(24))]

    /// Sections 5–6 (what `compute()` runs) at the edges of the valid ranges, with few paths.
    #[test]
    fn edge_scenarios_run_the_risk_model(s in edge_scenario(8)) {
        let r = evaluate_risk(&s).expect("valid");
        prop_assert_eq!(r.risk.mc_cum_cash_usd_p50.len(), s.horizon_months as usize);
        prop_assert_eq!(r.tornado.len(), 9);
    }
}

// ---------------------------------------------------------------------------------------------------------
// Live data (src/state/live.rs)
// ---------------------------------------------------------------------------------------------------------

fn raw() -> impl Strategy<Value = Raw> {
    prop_oneof![
        1 => Just(Raw::Missing),
        1 => Just(Raw::Null),
        1 => any::<bool>().prop_map(Raw::Bool),
        3 => any_f64().prop_map(Raw::Number),
        // plausible values of each field
        1 => (1.0..2e5_f64).prop_map(Raw::Number),
        1 => (1e20..1e24_f64).prop_map(Raw::Number),
        1 => (0u64..2_000_000_000).prop_map(|x| Raw::Number(x as f64)),
        3 => prop_oneof![
            (0u64..10_000_000).prop_map(|x| x.to_string()),
            any::<u64>().prop_map(|x| x.to_string()),
            "[0-9]{19,40}",
            " ?-?[0-9]{0,8} ?",
            hostile_text(),
        ]
        .prop_map(Raw::Text),
        1 => Just(Raw::Other),
    ]
}

fn fetched() -> impl Strategy<Value = Fetched> {
    prop_oneof![
        4 => raw().prop_map(Ok),
        1 => prop_oneof![
            Just(Failure::RateLimited),
            any::<u16>().prop_map(Failure::Http),
            Just(Failure::Network),
            Just(Failure::Timeout),
            Just(Failure::MalformedJson),
            Just(Failure::NotAnObject),
        ]
        .prop_map(Err),
    ]
}

proptest! {
    #![proptest_config(cfg(1_000))]

    /// Whatever mempool.space answers: all four valid values or every failed source named (or, when all four
    /// failed alike, the one reason said once for every request), never a panic.
    #[test]
    fn live_data_is_all_valid_or_names_the_sources(f in [fetched(), fetched(), fetched(), fetched()]) {
        let tip = f[3].clone();
        match validate(f) {
            Ok(v) => {
                for (key, x) in v.pairs() {
                    prop_assert!(input_spec(key).expect("key").check(x).is_ok(), "{key} = {x}");
                }
                // The tip height is text of decimal digits, read exactly.
                if let Ok(Raw::Text(t)) = tip {
                    prop_assert_eq!(Some(v.block_height), t.trim().parse::<u64>().ok().map(|h| h as f64));
                }
            }
            Err(e) => {
                prop_assert!(!e.errors.is_empty());
                let order: Vec<usize> = e.errors.iter().map(|x| Source::ALL.iter().position(|s| *s == x.source).expect("a source")).collect();
                prop_assert!(order.windows(2).all(|w| w[0] < w[1]), "{order:?}");
                let m = e.message();
                let alike = e.errors.len() == Source::ALL.len() && e.errors.iter().all(|x| x.reason == e.errors[0].reason);
                for x in &e.errors {
                    prop_assert!(!x.reason.is_empty() && m.contains(&x.reason), "{m}");
                    let named = if alike { m.contains("Every request to mempool.space: ") } else { m.contains(&x.source.label()) };
                    prop_assert!(named, "{m}");
                }
            }
        }
    }

    #[test]
    fn timestamps_and_cooldown_never_panic(iso in prop_oneof![hostile_text(), "[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}.{0,8}", "2026-11-24T14:0.{0,3}"], last in prop::option::of(any_f64()), now in any_f64()) {
        if let Some(label) = utc_label(&iso) {
            prop_assert!(label.contains(" UTC, "));
        }
        prop_assert!(cooldown_left_s(last, now, COOLDOWN_MS) <= 60);
        prop_assert!(cooldown_left_s(last, now, RETRY_MS) <= 10);
    }
}

// ---------------------------------------------------------------------------------------------------------
// Machine tables (src/state/presets.rs), export (src/export.rs), insights with any number
// ---------------------------------------------------------------------------------------------------------

fn csv_cell() -> impl Strategy<Value = String> {
    prop_oneof![
        3 => number_text(),
        2 => hostile_text(),
        1 => hostile_text().prop_map(|t| ["\"", &t.replace('"', "\"\""), "\""].concat()),
        1 => hostile_text().prop_map(|t| ["\"", &t].concat()),
    ]
}

fn csv() -> impl Strategy<Value = String> {
    const COLUMNS: [&str; 7] =
        ["model", "hashrate_ths", "power_w", "efficiency_jth", "cooling", "price_usd_per_th", "price_note"];
    let header = prop_oneof![
        3 => Just(COLUMNS.to_vec()).prop_shuffle().prop_map(|c| c.join(",")),
        1 => prop::collection::vec(prop::sample::select(&COLUMNS[..]), 0..9).prop_map(|c| c.join(",")),
        1 => hostile_text(),
    ];
    let line = prop::collection::vec(csv_cell(), 0..9).prop_map(|c| c.join(","));
    (header, prop::collection::vec(line, 0..8), prop::sample::select(&["\n", "\r\n", "\r"][..]))
        .prop_map(|(h, lines, nl)| [vec![h], lines].concat().join(nl))
}

proptest! {
    #![proptest_config(cfg(600))]

    /// A machine table (data file, possibly user-edited): malformed lines are skipped, never a panic, and
    /// every preset that survives holds valid scenario values.
    #[test]
    fn machine_tables_never_panic(text in prop_oneof![4 => csv(), 1 => hostile_text()]) {
        for m in parse_machines(&text) {
            prop_assert!(!m.model.is_empty() && m.power_w > 0.0);
            let mut s = Scenario::default();
            prop_assert!(m.apply(&mut s).is_ok(), "{m:?}");
        }
    }

}

proptest! {
    #![proptest_config(cfg(250))]

    /// The embed URL and snippet from any page URL, panel list, scenario query and id: the attribute values
    /// cannot break out of their quotes.
    #[test]
    fn embed_snippet_is_escaped(url in hostile_text(), panels in prop::collection::vec(hostile_text(), 0..4), q in query(), id in hostile_text()) {
        let p: Vec<&str> = panels.iter().map(String::as_str).collect();
        let u = embed_url(&url, Some(&p), &q);
        let _ = embed_url(&url, None, "");
        let snippet = embed_snippet(&u, &id);
        for raw in [&u, &id] {
            let e = escape_attr(raw);
            prop_assert!(!e.contains(['"', '<', '>']), "{e}");
            prop_assert!(snippet.contains(&e));
        }
    }

}

proptest! {
    #![proptest_config(cfg(2_000))]

    /// Insight helpers take raw numbers (block heights, watts): any f64 at all.
    #[test]
    fn insights_take_any_number(x in any_f64(), y in any_f64()) {
        let _ = scale_hashrate_ths(x);
        let _ = compact_usd(x);
        let _ = btc_or_sats(x);
        let _ = current_subsidy_btc(x);
        let _ = halvings_at(x);
        let _ = days_to_next_halving(x);
        let _ = next_halving_height(x);
        let _ = efficiency_jth_from_power(x, y);
    }
}

// ---------------------------------------------------------------------------------------------------------
// Minimal reproducers and cost bounds
// ---------------------------------------------------------------------------------------------------------

/// `next_halving_height` overflowed `u64` for a height near `u64::MAX`, which its `as u64` saturation makes of
/// any huge or infinite input: "attempt to add with overflow" in debug builds (release wraps silently).
#[test]
fn next_halving_height_of_a_huge_height() {
    for x in [f64::INFINITY, f64::MAX, 1.8446744073709552e19] {
        let _ = next_halving_height(x);
    }
    assert_eq!(next_halving_height(925_000.0), 1_050_000.0);
    assert_eq!(next_halving_height(6_930_000.0), 7_140_000.0);
}

/// A crafted link (or a polluted saved scenario) with many distinct unknown keys: only the first
/// MAX_UNKNOWN_KEYS are reported, so the notice stays short and the duplicate search stays bounded
/// (it was O(n²) in the number of distinct keys: 100,000 keys took ~13 s natively). Scenario keys after the
/// flood still apply.
#[test]
fn a_flood_of_unknown_query_keys_is_capped() {
    let mut q: String = (0..20_000).map(|i| ["k", &i.to_string(), "=1&"].concat()).collect();
    q.push_str("btc_price_usd=86000&k3=2");
    let (s, issues) = from_query(&q, &Scenario::default());
    assert_eq!(s.btc_price_usd, 86_000.0);
    let keys: Vec<String> = issues.iter().map(|i| i.key.clone()).collect();
    let want: Vec<String> = (0..MAX_UNKNOWN_KEYS).map(|i| ["k", &i.to_string()].concat()).collect();
    assert_eq!(keys, want);
    assert_eq!(issues[3].value, "2", "a repeated reported key keeps its last value");
}

/// The case the property above once found: every source failing alike is said once, naming the reason.
#[test]
fn four_sources_failing_alike_are_said_once() {
    let e = validate([Err(Failure::NotAnObject), Err(Failure::NotAnObject), Err(Failure::NotAnObject), Err(Failure::NotAnObject)])
        .expect_err("nothing valid");
    let m = e.message();
    assert_eq!(m.matches("mempool.space").count(), 1, "{m}");
    assert!(m.starts_with("Live data not applied (nothing changed). Every request to mempool.space: "), "{m}");
    assert!(m.contains(&e.errors[0].reason), "{m}");
}
