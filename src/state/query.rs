//! The scenario in the URL query: non-default keys only, in `INPUTS` order, MODEL.md names.
//!
//! No float formatting here (it is large in WASM): numbers are written by the caller's `fmt`
//! (the page passes JS `Number.prototype.toString`). Parsing is strict and never panics.

use crate::model::{input_spec, Kind, Scenario, INPUTS};

/// Query keys that belong to the page (embed mode, live data, the headline threshold), not to the scenario.
pub const PAGE_KEYS: &[&str] =
    &["embed", "panels", "theme", "accent", "live", "threshold", "origin", "bg", "assumptions"];

/// Keys that newsletters, ads and social sites append to links (`utm_*` too): never ours, so ignored
/// silently, or every shared link that went through a mailing would carry a notice.
const TRACKING_KEYS: &[&str] =
    &["fbclid", "gclid", "dclid", "msclkid", "mc_cid", "mc_eid", "_ga", "_gl", "igshid", "ref"];

pub fn is_tracking_key(key: &str) -> bool {
    key.strip_prefix("utm_").is_some() || TRACKING_KEYS.contains(&key)
}

/// The headline check's threshold when the link has none (USD per PH/s per day, the article's $35).
pub const DEFAULT_THRESHOLD: f64 = 35.0;

/// A threshold as a link gives it (`threshold=40`): a number above 0, at most [`MAX_THRESHOLD`], as strict
/// as the link's other numbers (`35,5` is refused, never misread).
pub fn parse_threshold(text: &str) -> Option<f64> {
    parse_user_number(text).filter(threshold_in_range)
}

/// Whether `v` is a threshold the page takes: above 0, at most [`MAX_THRESHOLD`].
pub fn threshold_in_range(v: &f64) -> bool {
    *v > 0.0 && *v <= MAX_THRESHOLD
}

/// The headline threshold's ceiling, USD per PH/s per day: far above any hashprice seen (~$3,500 in late 2017),
/// and low enough that the crossing prices stay readable numbers.
pub const MAX_THRESHOLD: f64 = 100_000.0;

/// How many characters of a key or value a notice echoes: a crafted link or a corrupt saved scenario can
/// hold megabytes, and the notice only needs enough to recognise it.
pub const ECHO_CHARS: usize = 60;

/// Appends at most `max` characters of `text`, then `…` if it was longer (cut between characters).
pub fn push_at_most(out: &mut String, text: &str, max: usize) {
    let mut chars = text.chars();
    out.extend(chars.by_ref().take(max));
    if chars.next().is_some() {
        out.push('…');
    }
}

/// Appends at most [`ECHO_CHARS`] characters of `text`, then `…` if it was longer: how notices echo input.
pub(crate) fn push_short(out: &mut String, text: &str) {
    push_at_most(out, text, ECHO_CHARS)
}

/// A query parameter that was not applied: the key, its (decoded) value and why.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct QueryIssue {
    pub key: String,
    pub value: String,
    pub reason: String,
}

impl QueryIssue {
    pub fn new(key: &str, value: &str, reason: &str) -> Self {
        QueryIssue { key: key.to_string(), value: value.to_string(), reason: reason.to_string() }
    }

    /// `btc_price_usd = "abc": is not a number` — one line for the page's notice; a long key or value is cut
    /// short (see [`ECHO_CHARS`]).
    pub fn message(&self) -> String {
        let mut s = String::with_capacity(2 * ECHO_CHARS + self.reason.len() + 16);
        push_short(&mut s, &self.key);
        s.push_str(" = \"");
        push_short(&mut s, &self.value);
        s.push_str("\": ");
        s.push_str(&self.reason);
        s
    }
}

/// The scenario as a query string (no leading `?`): keys whose value differs from `Scenario::default()`,
/// in `INPUTS` order; booleans as `true`/`false`; numbers through `fmt`, percent-encoded (`1e+21` → `1e%2B21`).
pub fn to_query(s: &Scenario, fmt: &dyn Fn(f64) -> String) -> String {
    to_query_against(s, &Scenario::default(), fmt)
}

fn to_query_against(s: &Scenario, defaults: &Scenario, fmt: &dyn Fn(f64) -> String) -> String {
    let mut out = String::new();
    for spec in INPUTS {
        let (Some(v), Some(d)) = (s.get(spec.key), defaults.get(spec.key)) else { continue };
        if v == d {
            continue;
        }
        if !out.is_empty() {
            out.push('&');
        }
        out.push_str(&encode_component(spec.key));
        out.push('=');
        if spec.kind == Kind::Bool {
            out.push_str(if v == 1.0 { "true" } else { "false" });
        } else {
            out.push_str(&encode_component(&fmt(v)));
        }
    }
    out
}

/// How many unknown keys one query reports (the others are ignored silently).
pub const MAX_UNKNOWN_KEYS: usize = 10;

/// Applies the query's scenario keys to a copy of `base`. Every valid value applies; each invalid one
/// (unknown key, not a number, out of range) becomes a [`QueryIssue`] and keeps the base value.
/// A leading `?` is optional; `+` is a space; percent-escapes are decoded; a repeated key: the last wins
/// (earlier occurrences are ignored, even valid ones). [`PAGE_KEYS`], tracking keys ([`is_tracking_key`]) and
/// empty keys are skipped silently, and so are unknown keys after the first [`MAX_UNKNOWN_KEYS`]; the one page
/// key with a value to check, `threshold`, is reported when [`parse_threshold`] refuses it.
pub fn from_query(query: &str, base: &Scenario) -> (Scenario, Vec<QueryIssue>) {
    let mut last: Vec<(String, String)> = Vec::new();
    let mut unknown = 0;
    for (k, v) in pairs(query) {
        if k.is_empty() || is_tracking_key(&k) {
            continue;
        }
        match last.iter_mut().find(|(key, _)| *key == k) {
            Some(slot) => slot.1 = v,
            // Unknown keys are reported up to a limit: the list stays short for the reader, and the search
            // above stays linear however many distinct keys a crafted link holds.
            None if PAGE_KEYS.contains(&k.as_str()) || k == BASE_KEY || input_spec(&k).is_some() => last.push((k, v)),
            None if unknown < MAX_UNKNOWN_KEYS => {
                unknown += 1;
                last.push((k, v));
            }
            None => {}
        }
    }
    let mut s = base.clone();
    let mut issues = Vec::new();
    for (key, value) in &last {
        if key == "threshold" && parse_threshold(value).is_none() {
            issues.push(QueryIssue::new(key, value, "must be a number above 0 and at most 100,000"));
        }
        if PAGE_KEYS.contains(&key.as_str()) || key == BASE_KEY {
            continue;
        }
        let Some(spec) = input_spec(key) else {
            issues.push(QueryIssue::new(key, value, "not a calculator input"));
            continue;
        };
        let parsed = match spec.kind {
            Kind::Bool => parse_bool(value),
            _ => parse_user_number(value),
        };
        match parsed {
            None => {
                let reason = if value.is_empty() {
                    "needs a value"
                } else if spec.kind == Kind::Bool {
                    "must be true or false"
                } else {
                    "is not a number"
                };
                issues.push(QueryIssue::new(key, value, reason));
            }
            Some(x) => {
                if let Err(e) = s.set(key, x) {
                    issues.push(QueryIssue::new(key, value, &e.reason));
                }
            }
        }
    }
    (s, issues)
}

/// Whether the query sets any scenario input (valid or not), or names the defaults it was made against
/// (`base`: a link of the defaults themselves); page, tracking and unknown keys alone do not.
pub fn has_scenario_keys(query: &str) -> bool {
    pairs(query).any(|(k, _)| k == BASE_KEY || input_spec(&k).is_some())
}

/// The scenario the page starts with, and its notices: a link that sets any input starts from the defaults
/// with the link's values; any other link (page or tracking keys, unknown keys) keeps the `saved` scenario,
/// so a newsletter's `?utm_source=…` does not throw away the visitor's work. Unknown keys and a bad
/// threshold are named in a notice either way; so are the saved scenario's unreadable keys.
///
/// Each is read against the defaults it was made with (its `base`, see [`DEFAULT_SETS`]), so a change of the
/// defaults never changes the numbers of an old link or saved scenario.
pub fn initial_scenario(query: &str, saved: Option<&str>) -> (Scenario, Vec<String>) {
    initial_scenario_with(query, saved, &Scenario::default(), DEFAULT_SETS)
}

/// [`initial_scenario`] against given current defaults and past default sets (tests simulate a change).
pub fn initial_scenario_with(
    query: &str,
    saved: Option<&str>,
    current: &Scenario,
    sets: &[DefaultSet],
) -> (Scenario, Vec<String>) {
    let list = |issues: &[QueryIssue]| issues.iter().map(|i| i.message()).collect::<Vec<_>>().join("; ");
    let mut notices = Vec::new();
    let from_link = has_scenario_keys(query);
    let mut base = current.clone();
    if let Some(saved) = saved.filter(|_| !from_link) {
        // Like a link, it applies what it can: one unreadable key (say, from another version) must not
        // throw away the rest of the user's work.
        let (s, issues) = scenario_from_with(saved, current, sets);
        if !issues.is_empty() {
            notices.push(
                ["Your saved scenario could not be read in full; the rest was applied: ", &list(&issues)].concat(),
            );
        }
        base = s;
    }
    let (s, issues) = if from_link { scenario_from_with(query, current, sets) } else { from_query(query, &base) };
    if !issues.is_empty() {
        let lead = if from_link {
            "Some link values were not applied (the defaults stand in for them): "
        } else {
            "Some link values were not applied: "
        };
        notices.push([lead, &list(&issues)].concat());
    }
    (s, notices)
}

/// The query key naming the defaults a link (or saved scenario) was made against: `base=2025-11`.
pub const BASE_KEY: &str = "base";

/// One set of defaults the page has had: an id (the month they were set) and every input's value then.
#[derive(Clone, Copy, Debug)]
pub struct DefaultSet {
    pub id: &'static str,
    pub values: &'static [(&'static str, f64)],
}

/// Every set of defaults links were made against, oldest first; the last is today's (`Scenario::default()`).
///
/// When a default changes, add a new set with every input's new default and keep the old ones as they
/// are: old links keep their numbers. When an input is added, add it to every set with the value that
/// reproduces that set's numbers (its neutral value, e.g. one machine group fewer, a PUE of 1); if its default
/// is not neutral, that is a change of defaults too. (Inputs missing from a set read as today's defaults.)
pub const DEFAULT_SETS: &[DefaultSet] = &[DefaultSet {
    id: "2025-11",
    values: &[
        ("btc_price_usd", 95_000.0),
        ("network_hashrate_ehs", 1_100.0),
        ("block_height", 925_000.0),
        ("fees_btc_per_block", 0.02),
        ("machine_hashrate_ths", 200.0),
        ("machine_efficiency_jth", 17.5),
        ("machine_count", 1_000.0),
        ("machine_price_usd_per_th", 15.0),
        ("power_price_usd_kwh", 0.05),
        ("pool_fee_pct", 2.0),
        ("uptime_pct", 97.0),
        ("opex_usd_month", 0.0),
        ("horizon_months", 36.0),
        ("hashrate_growth_pct_month", 2.0),
        ("btc_price_growth_pct_year", 0.0),
        ("discount_rate_pct_year", 10.0),
        ("curtail_when_unprofitable", 1.0),
        ("debt_pct", 0.0),
        ("debt_apr_pct", 12.0),
        ("debt_term_months", 24.0),
        ("hpc_lease_usd_kw_month", 120.0),
        ("hpc_capex_usd_mw", 10_000_000.0),
        ("hpc_opex_pct", 20.0),
        // Added with machine groups, salvage, PUE, hosting and the convert decision (MODEL.md sections 7–9), at
        // their neutral values: one group, no salvage, PUE 1, no hosting fee (the AI/HPC decision inputs enter
        // only outputs that did not exist in Nov 2025).
        ("machine_resale_usd_per_th", 0.0),
        ("machine2_hashrate_ths", 200.0),
        ("machine2_efficiency_jth", 17.5),
        ("machine2_count", 0.0),
        ("machine2_price_usd_per_th", 0.0),
        ("machine2_resale_usd_per_th", 0.0),
        ("machine3_hashrate_ths", 200.0),
        ("machine3_efficiency_jth", 17.5),
        ("machine3_count", 0.0),
        ("machine3_price_usd_per_th", 0.0),
        ("machine3_resale_usd_per_th", 0.0),
        ("machine4_hashrate_ths", 200.0),
        ("machine4_efficiency_jth", 17.5),
        ("machine4_count", 0.0),
        ("machine4_price_usd_per_th", 0.0),
        ("machine4_resale_usd_per_th", 0.0),
        ("machine5_hashrate_ths", 200.0),
        ("machine5_efficiency_jth", 17.5),
        ("machine5_count", 0.0),
        ("machine5_price_usd_per_th", 0.0),
        ("machine5_resale_usd_per_th", 0.0),
        ("machine6_hashrate_ths", 200.0),
        ("machine6_efficiency_jth", 17.5),
        ("machine6_count", 0.0),
        ("machine6_price_usd_per_th", 0.0),
        ("machine6_resale_usd_per_th", 0.0),
        ("resale_decline_pct_year", 40.0),
        ("pue", 1.0),
        ("hosting_usd_kw_month", 0.0),
        ("hpc_pue", 1.3),
        ("hpc_build_months", 18.0),
        ("hpc_lease_term_months", 180.0),
        ("hpc_discount_rate_pct_year", 8.0),
        ("btc_volatility_pct_year", 60.0),
        ("mc_paths", 1_000.0),
        ("mc_seed", 1.0),
        ("sensitivity_pct", 20.0),
    ],
}];

/// The id of today's defaults, which new links carry.
pub fn current_base() -> &'static str {
    DEFAULT_SETS.last().map_or("", |s| s.id)
}

/// The scenario of a set's defaults: `current` with every value the set lists (inputs newer than the set keep
/// today's default; a listed key the model no longer has is skipped).
pub fn defaults_of(set: &DefaultSet, current: &Scenario) -> Scenario {
    let mut s = current.clone();
    for (k, v) in set.values {
        let _ = s.set(k, *v);
    }
    s
}

/// The defaults a query was made against: its `base`; without one, the oldest set (links made before `base`
/// existed were made against it); an unknown `base` (a link from a newer version) reads against `current`
/// and is named in an issue.
pub fn base_defaults_with(query: &str, current: &Scenario, sets: &[DefaultSet]) -> (Scenario, Option<QueryIssue>) {
    match page_param(query, BASE_KEY) {
        None => (sets.first().map_or_else(|| current.clone(), |set| defaults_of(set, current)), None),
        Some(id) => match sets.iter().find(|set| set.id == id) {
            Some(set) => (defaults_of(set, current), None),
            None => (
                current.clone(),
                Some(QueryIssue::new(BASE_KEY, &id, "defaults this version does not know; today's defaults stand in")),
            ),
        },
    }
}

/// The scenario a link or saved scenario stands for: its keys applied to the defaults it was made against.
pub fn scenario_from(query: &str) -> (Scenario, Vec<QueryIssue>) {
    scenario_from_with(query, &Scenario::default(), DEFAULT_SETS)
}

/// [`scenario_from`] against given current defaults and past default sets.
pub fn scenario_from_with(query: &str, current: &Scenario, sets: &[DefaultSet]) -> (Scenario, Vec<QueryIssue>) {
    let (base, base_issue) = base_defaults_with(query, current, sets);
    let (s, mut issues) = from_query(query, &base);
    if let Some(issue) = base_issue {
        issues.insert(0, issue);
    }
    (s, issues)
}

/// The scenario as a link carries it (the address bar, the saved scenario, Copy link, the embed snippet):
/// `base=<today's defaults>` and then [`to_query`]'s keys; empty for the defaults themselves (a plain page
/// shows today's defaults).
pub fn link_query(s: &Scenario, fmt: &dyn Fn(f64) -> String) -> String {
    link_query_with(s, fmt, &Scenario::default(), current_base())
}

/// [`link_query`] against given current defaults and their id.
pub fn link_query_with(s: &Scenario, fmt: &dyn Fn(f64) -> String, current: &Scenario, base_id: &str) -> String {
    let keys = to_query_against(s, current, fmt);
    if keys.is_empty() {
        return keys;
    }
    [BASE_KEY, "=", &encode_component(base_id), "&", &keys].concat()
}

/// Whether the link carries exactly the visitor's saved scenario (reloading one's own page, back/forward, a
/// second tab): then it is the visitor's own page, and its edits are saved like a plain visit's.
pub fn is_own_link(query: &str, saved: Option<&str>) -> bool {
    let Some(saved) = saved else { return false };
    if !has_scenario_keys(query) {
        return false;
    }
    let (link, link_issues) = scenario_from(query);
    let (own, own_issues) = scenario_from(saved);
    link_issues.is_empty() && own_issues.is_empty() && link == own
}

/// Whether the page saves the visitor's edits: never in an embed; otherwise on a plain visit, when nothing is
/// saved yet, or on the visitor's own link ([`is_own_link`]). Someone else's link is shown without
/// overwriting the visitor's saved work.
pub fn saves_edits(query: &str, saved: Option<&str>, embed: bool) -> bool {
    !embed && (saved.is_none() || !has_scenario_keys(query) || is_own_link(query, saved))
}

/// The notice when another tab saved a scenario (the `storage` event's new value) that differs from the one
/// this tab shows; `None` when they agree, or when the other tab cleared it. This tab keeps its own; saying so
/// means two tabs never overwrite each other's work without a word.
pub fn saved_elsewhere_notice(new_saved: Option<&str>, ours: &Scenario) -> Option<String> {
    let (theirs, _) = scenario_from(new_saved?);
    (theirs != *ours).then(|| {
        "Another tab saved a different scenario. This tab keeps showing its own, and its next edit is saved over the other; reload to see the other tab's.".to_string()
    })
}

/// The headline threshold kept with the saved scenario (`threshold=40` in it), if valid.
pub fn saved_threshold(saved: &str) -> Option<f64> {
    page_param(saved, "threshold").and_then(|v| parse_threshold(&v))
}

/// The decoded value of one query parameter (the last occurrence), e.g. `page_param(q, "theme")`.
pub fn page_param(query: &str, key: &str) -> Option<String> {
    pairs(query).filter(|(k, _)| k == key).last().map(|(_, v)| v)
}

/// The query's `key=value` pairs, decoded, in order; a pair without `=` has an empty value.
pub fn query_pairs(query: &str) -> Vec<(String, String)> {
    pairs(query).collect()
}

fn pairs(query: &str) -> impl Iterator<Item = (String, String)> + '_ {
    let q = query.strip_prefix('?').unwrap_or(query);
    q.split('&').filter(|p| !p.is_empty()).map(|p| match p.split_once('=') {
        Some((k, v)) => (decode_component(k), decode_component(v)),
        None => (decode_component(p), String::new()),
    })
}

fn parse_bool(text: &str) -> Option<f64> {
    match text {
        "true" | "1" => Some(1.0),
        "false" | "0" => Some(0.0),
        _ => None,
    }
}

/// Strict number: optional sign, decimal digits with an optional point (`86000`, `-2.5`, `.5`, `5.`),
/// an optional exponent (`1e5`, `1e+21`, `2E-3`). No whitespace, `inf`, `NaN`, hex, separators or
/// trailing text; a value that overflows to infinity is refused.
pub fn parse_number(text: &str) -> Option<f64> {
    let b = text.as_bytes();
    let n = b.len();
    let mut i = 0;
    let digits = |i: &mut usize| {
        let start = *i;
        while *i < n && b[*i].is_ascii_digit() {
            *i += 1;
        }
        *i - start
    };
    if i < n && (b[i] == b'+' || b[i] == b'-') {
        i += 1;
    }
    let int_digits = digits(&mut i);
    let mut frac_digits = 0;
    if i < n && b[i] == b'.' {
        i += 1;
        frac_digits = digits(&mut i);
    }
    if int_digits + frac_digits == 0 {
        return None;
    }
    if i < n && (b[i] == b'e' || b[i] == b'E') {
        i += 1;
        if i < n && (b[i] == b'+' || b[i] == b'-') {
            i += 1;
        }
        if digits(&mut i) == 0 {
            return None;
        }
    }
    if i != n {
        return None;
    }
    decimal(text).filter(|x| x.is_finite())
}

/// A syntax-checked decimal as the nearest f64 (`crate::math::parse_decimal`: JS parses it in the browser).
fn decimal(text: &str) -> Option<f64> {
    Some(crate::math::parse_decimal(text)).filter(|x| !x.is_nan())
}

/// A number as people type it in a field: surrounding whitespace, a leading `$` (before or after the
/// sign), a trailing `%` (the value is not divided: fields are already in percent), and thousands
/// separators in proper groups of three (`95,000`, `95 000`, `1,234,567.5`; `0,05` and `9,50` are refused so
/// a decimal comma is never misread). Otherwise as strict as [`parse_number`].
pub fn parse_user_number(text: &str) -> Option<f64> {
    let (negative, plain) = user_number_text(text)?;
    let v = parse_number(&plain)?;
    Some(if negative { -v } else { v })
}

/// [`parse_user_number`]'s syntax, without parsing: whether the number is negative, and the unsigned number
/// as [`parse_number`] reads it (separators and `$` removed). `None` when the text is not a number.
pub(crate) fn user_number_text(text: &str) -> Option<(bool, String)> {
    let mut t = text.trim();
    if let Some(r) = t.strip_suffix('%') {
        t = r.trim_end();
    }
    let (mut sign, mut rest) = take_sign(t);
    if let Some(r) = rest.strip_prefix('$') {
        rest = r.trim_start();
        if sign.is_none() {
            (sign, rest) = take_sign(rest);
        }
    }
    if rest.starts_with(['+', '-', '−']) {
        return None;
    }
    // "95 000": spaces (also the no-break ones French and German formats use) group digits like commas.
    let spaced = rest.replace([' ', '\u{a0}', '\u{202f}'], ",");
    if !rest.contains(',') {
        rest = &spaced;
    }
    let plain = ungroup(rest)?;
    parse_number(&plain)?;
    Some((sign == Some(true), plain))
}

/// Splits a leading sign: `Some(true)` for `-` or the `−` the page itself prints, `Some(false)` for `+`.
fn take_sign(t: &str) -> (Option<bool>, &str) {
    if let Some(r) = t.strip_prefix('-').or_else(|| t.strip_prefix('−')) {
        (Some(true), r)
    } else if let Some(r) = t.strip_prefix('+') {
        (Some(false), r)
    } else {
        (None, t)
    }
}

/// Removes thousands separators from an unsigned number if they sit in proper groups of three.
fn ungroup(text: &str) -> Option<String> {
    if !text.contains(',') {
        return Some(text.to_string());
    }
    let int_end = text.find(['.', 'e', 'E']).unwrap_or(text.len());
    let (int, tail) = text.split_at_checked(int_end)?;
    if tail.contains(',') {
        return None;
    }
    let mut out = String::with_capacity(text.len());
    for (i, group) in int.split(',').enumerate() {
        let ok_digits = group.bytes().all(|c| c.is_ascii_digit());
        let ok_len = if i == 0 { (1..=3).contains(&group.len()) && !group.starts_with('0') } else { group.len() == 3 };
        if !(ok_digits && ok_len) {
            return None;
        }
        out.push_str(group);
    }
    out.push_str(tail);
    Some(out)
}

/// Percent-encodes everything but the URL-unreserved characters `A–Z a–z 0–9 - . _ ~`.
pub fn encode_component(text: &str) -> String {
    const HEX: &[u8; 16] = b"0123456789ABCDEF";
    let mut out = String::with_capacity(text.len());
    for &c in text.as_bytes() {
        if c.is_ascii_alphanumeric() || matches!(c, b'-' | b'.' | b'_' | b'~') {
            out.push(c as char);
        } else {
            out.push('%');
            out.push(HEX[(c >> 4) as usize] as char);
            out.push(HEX[(c & 15) as usize] as char);
        }
    }
    out
}

/// Decodes `+` as a space and `%XX` escapes; a malformed escape stays as written; invalid UTF-8 becomes U+FFFD.
pub fn decode_component(text: &str) -> String {
    fn hex(c: u8) -> Option<u8> {
        match c {
            b'0'..=b'9' => Some(c - b'0'),
            b'a'..=b'f' => Some(c - b'a' + 10),
            b'A'..=b'F' => Some(c - b'A' + 10),
            _ => None,
        }
    }
    let b = text.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        match b[i] {
            b'+' => {
                out.push(b' ');
                i += 1;
            }
            b'%' => match (b.get(i + 1).copied().and_then(hex), b.get(i + 2).copied().and_then(hex)) {
                (Some(h), Some(l)) => {
                    out.push(h << 4 | l);
                    i += 3;
                }
                _ => {
                    out.push(b'%');
                    i += 1;
                }
            },
            c => {
                out.push(c);
                i += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

#[cfg(test)]
#[path = "query_tests.rs"]
mod tests;
