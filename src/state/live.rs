//! Live network data from mempool.space, the pure part: which endpoints, what a raw field may look like
//! after extraction, and the all-or-nothing validation into [`LiveValues`].
//!
//! The browser part (`crate::live`) fetches the four endpoints and hands over what it found; everything
//! that decides whether the values may enter the scenario lives here and is tested natively.
//! No float formatting: messages never print the offending number (the page formats numbers with JS).

use crate::model::input_spec;

/// mempool.space's base URL; every request goes to this origin.
pub const ORIGIN: &str = "https://mempool.space";

/// Blocks a day: reward-stats/144 covers the last 144 blocks.
const STATS_BLOCKS: f64 = 144.0;
const SATS_PER_BTC: f64 = 1e8;
const HS_PER_EHS: f64 = 1e18;

/// One of the four endpoints.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Source {
    Prices,
    Hashrate,
    RewardStats,
    TipHeight,
}

impl Source {
    /// In the order the page asks for them (and reports their failures).
    pub const ALL: [Source; 4] = [Source::Prices, Source::Hashrate, Source::RewardStats, Source::TipHeight];

    /// The path on [`ORIGIN`].
    pub fn path(self) -> &'static str {
        match self {
            Source::Prices => "/api/v1/prices",
            Source::Hashrate => "/api/v1/mining/hashrate/3d",
            Source::RewardStats => "/api/v1/mining/reward-stats/144",
            Source::TipHeight => "/api/blocks/tip/height",
        }
    }

    /// The full URL to fetch.
    pub fn url(self) -> String {
        [ORIGIN, self.path()].concat()
    }

    /// How messages name the source: "mempool.space/api/v1/prices".
    pub fn label(self) -> String {
        ["mempool.space", self.path()].concat()
    }

    /// Whether the body is JSON (an object); the tip height is a plain-text integer.
    pub fn is_json(self) -> bool {
        self != Source::TipHeight
    }

    /// The field read from the JSON object (for the tip height: a name for the whole body).
    pub fn field(self) -> &'static str {
        match self {
            Source::Prices => "USD",
            Source::Hashrate => "currentHashrate",
            Source::RewardStats => "totalFee",
            Source::TipHeight => "the block height",
        }
    }
}

/// A field as found in a parsed JSON object (or, for the tip height, the text body).
#[derive(Clone, Debug, PartialEq)]
pub enum Raw {
    /// The key is absent.
    Missing,
    Null,
    Bool(bool),
    Number(f64),
    Text(String),
    /// An object or an array.
    Other,
}

/// Why an endpoint gave no usable body.
#[derive(Clone, Debug, PartialEq)]
pub enum Failure {
    /// HTTP 429.
    RateLimited,
    /// Any other non-2xx status.
    Http(u16),
    /// fetch rejected (offline, DNS, CORS, connection reset).
    Network,
    /// No complete answer within the timeout.
    Timeout,
    /// The body is not JSON.
    MalformedJson,
    /// JSON, but not an object.
    NotAnObject,
}

impl Failure {
    pub fn reason(&self) -> String {
        match self {
            Failure::RateLimited => "rate-limited, try again in a minute".into(),
            Failure::Http(code) => ["HTTP error ", &code.to_string()].concat(),
            Failure::Network => "network error (offline, or the server could not be reached)".into(),
            Failure::Timeout => "no answer within 5 seconds (timed out)".into(),
            Failure::MalformedJson => "malformed JSON in the response".into(),
            Failure::NotAnObject => "the response is not a JSON object".into(),
        }
    }
}

/// What one endpoint gave: the raw field, or why there is none.
pub type Fetched = Result<Raw, Failure>;

/// The four values, validated and in the scenario's units.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct LiveValues {
    pub btc_price_usd: f64,
    pub network_hashrate_ehs: f64,
    pub block_height: f64,
    pub fees_btc_per_block: f64,
}

impl LiveValues {
    /// (scenario key, value) pairs, for applying them in one update.
    pub fn pairs(&self) -> [(&'static str, f64); 4] {
        [
            ("btc_price_usd", self.btc_price_usd),
            ("network_hashrate_ehs", self.network_hashrate_ehs),
            ("block_height", self.block_height),
            ("fees_btc_per_block", self.fees_btc_per_block),
        ]
    }
}

/// One source and why its value cannot be used.
#[derive(Clone, Debug, PartialEq)]
pub struct SourceError {
    pub source: Source,
    pub reason: String,
}

impl SourceError {
    /// "mempool.space/api/v1/mining/hashrate/3d: currentHashrate is negative"
    pub fn message(&self) -> String {
        [self.source.label().as_str(), ": ", &self.reason].concat()
    }
}

/// Every source that failed, in [`Source::ALL`] order (never empty).
#[derive(Clone, Debug, PartialEq)]
pub struct LiveError {
    pub errors: Vec<SourceError>,
}

impl LiveError {
    /// One line naming each failed source and its reason (once, when every source failed alike), e.g.
    /// "Live data not applied (nothing changed). mempool.space/api/v1/prices: rate-limited, try again in a minute."
    pub fn message(&self) -> String {
        let list: Vec<String> = match self.errors.as_slice() {
            // Offline, every request fails the same way: say it once.
            [first, rest @ ..]
                if rest.len() + 1 == Source::ALL.len() && rest.iter().all(|e| e.reason == first.reason) =>
            {
                vec![["Every request to mempool.space: ", &first.reason].concat()]
            }
            errors => errors.iter().map(SourceError::message).collect(),
        };
        ["Live data not applied (nothing changed). ", &list.join("; "), "."].concat()
    }

    /// True when any source answered 429.
    pub fn rate_limited(&self) -> bool {
        self.errors.iter().any(|e| e.reason == Failure::RateLimited.reason())
    }
}

/// A JSON number: right type and finite (JSON.parse turns `1e999` into Infinity).
fn number(field: &str, raw: &Raw) -> Result<f64, String> {
    match raw {
        Raw::Number(x) if x.is_finite() => Ok(*x),
        Raw::Number(_) => Err([field, " is not a finite number"].concat()),
        other => Err(wrong_type(field, other, "a number")),
    }
}

fn wrong_type(field: &str, raw: &Raw, wanted: &str) -> String {
    let got = match raw {
        Raw::Missing => return [field, " is missing"].concat(),
        Raw::Null => "null",
        Raw::Bool(_) => "true/false",
        Raw::Number(_) => "a number",
        Raw::Text(_) => "text",
        Raw::Other => "an object or array",
    };
    [field, " is not ", wanted, " (got ", got, ")"].concat()
}

/// A non-negative whole number written in decimal digits only (surrounding whitespace allowed).
fn digits(field: &str, text: &str) -> Result<f64, String> {
    let t = text.trim();
    if let Some(rest) = t.strip_prefix('-') {
        if !rest.is_empty() && rest.bytes().all(|b| b.is_ascii_digit()) {
            return Err([field, " is negative"].concat());
        }
    }
    if t.is_empty() || !t.bytes().all(|b| b.is_ascii_digit()) {
        return Err([field, " is not a whole number"].concat());
    }
    let mut n: u64 = 0;
    for b in t.bytes() {
        n = n
            .checked_mul(10)
            .and_then(|n| n.checked_add(u64::from(b - b'0')))
            .ok_or_else(|| [field, " is too large"].concat())?;
    }
    Ok(n as f64)
}

/// Checks the converted value against the scenario input's valid range.
fn in_range(field: &str, key: &str, value: f64) -> Result<f64, String> {
    let spec = input_spec(key).ok_or_else(|| [key, " is not an input of the model"].concat())?;
    spec.check(value).map(|_| value).map_err(|e| [field, " is out of range (", &e.key, " ", &e.reason, ")"].concat())
}

fn non_negative(field: &str, x: f64) -> Result<f64, String> {
    if x < 0.0 {
        Err([field, " is negative"].concat())
    } else {
        Ok(x)
    }
}

/// prices → USD: a positive JSON number.
fn price(raw: &Raw) -> Result<f64, String> {
    let f = Source::Prices.field();
    let x = non_negative(f, number(f, raw)?)?;
    in_range(f, "btc_price_usd", x)
}

/// hashrate/3d → currentHashrate (H/s) → EH/s.
fn hashrate_ehs(raw: &Raw) -> Result<f64, String> {
    let f = Source::Hashrate.field();
    let hs = non_negative(f, number(f, raw)?)?;
    in_range(f, "network_hashrate_ehs", hs / HS_PER_EHS)
}

/// reward-stats/144 → totalFee (sats, a string of digits or a whole JSON number) → BTC per block.
fn fees_btc(raw: &Raw) -> Result<f64, String> {
    let f = Source::RewardStats.field();
    let sats = match raw {
        Raw::Text(t) => digits(f, t)?,
        Raw::Number(_) => {
            let x = non_negative(f, number(f, raw)?)?;
            if x.fract() != 0.0 {
                return Err([f, " is not a whole number of sats"].concat());
            }
            x
        }
        other => return Err(wrong_type(f, other, "a number of sats")),
    };
    in_range(f, "fees_btc_per_block", sats / STATS_BLOCKS / SATS_PER_BTC)
}

/// blocks/tip/height → the plain-text body: a whole number.
fn height(raw: &Raw) -> Result<f64, String> {
    let f = Source::TipHeight.field();
    let h = match raw {
        Raw::Text(t) => digits(f, t)?,
        other => return Err(wrong_type(f, other, "a whole number")),
    };
    in_range(f, "block_height", h)
}

/// All four or nothing: the values when every source answered and every field is valid, otherwise
/// every failed source with its reason. `fetched` is in [`Source::ALL`] order.
pub fn validate(fetched: [Fetched; 4]) -> Result<LiveValues, LiveError> {
    let [p, h, r, t] = fetched;
    let mut errors = Vec::new();
    let mut take = |source: Source, got: Fetched, check: fn(&Raw) -> Result<f64, String>| -> Option<f64> {
        match got.map_err(|f| f.reason()).and_then(|raw| check(&raw)) {
            Ok(v) => Some(v),
            Err(reason) => {
                errors.push(SourceError { source, reason });
                None
            }
        }
    };
    let price = take(Source::Prices, p, price);
    let hashrate = take(Source::Hashrate, h, hashrate_ehs);
    let fees = take(Source::RewardStats, r, fees_btc);
    let height = take(Source::TipHeight, t, height);
    match (price, hashrate, height, fees) {
        (Some(btc_price_usd), Some(network_hashrate_ehs), Some(block_height), Some(fees_btc_per_block)) => {
            Ok(LiveValues { btc_price_usd, network_hashrate_ehs, block_height, fees_btc_per_block })
        }
        _ => Err(LiveError { errors }),
    }
}

/// The precision the page shows live values with (what the data supports): fees to 1e-4 BTC per block (a
/// 144-block average, 0.020833333333333332 → 0.0208), hashrate to 0.1 EH/s (an estimate), price to the cent.
pub fn round_live(key: &str, value: f64) -> f64 {
    let step = match key {
        "fees_btc_per_block" => 1e4,
        "network_hashrate_ehs" => 10.0,
        "btc_price_usd" => 100.0,
        _ => return value,
    };
    let r = (value * step).round() / step;
    if r.is_finite() {
        r
    } else {
        value
    }
}

impl LiveValues {
    /// [`LiveValues::pairs`] rounded with [`round_live`]: the values to put in the fields, the link and print.
    /// (The model loses nothing it needs: 1e-4 BTC per block is ~0.003 % of a block's reward.)
    pub fn rounded_pairs(&self) -> [(&'static str, f64); 4] {
        self.pairs().map(|(k, v)| (k, round_live(k, v)))
    }

    /// The values as the page applies them ([`LiveValues::rounded_pairs`]).
    pub fn rounded(&self) -> LiveValues {
        let r = |k: &str, v: f64| round_live(k, v);
        LiveValues {
            btc_price_usd: r("btc_price_usd", self.btc_price_usd),
            network_hashrate_ehs: r("network_hashrate_ehs", self.network_hashrate_ehs),
            block_height: self.block_height,
            fees_btc_per_block: r("fees_btc_per_block", self.fees_btc_per_block),
        }
    }
}

/// Live values in force on the page and when they were fetched ("14:05 UTC, 2026-11-24"): the badge and the
/// header name the source and time while the inputs still hold them.
#[derive(Clone, Debug, PartialEq)]
pub struct LiveApplied {
    pub values: LiveValues,
    pub at: String,
}

/// A live value that is not applied without the user's word.
#[derive(Clone, Debug, PartialEq)]
pub enum Concern {
    /// Far outside the plausible range (`state::plausible`), e.g. a BTC price of 5e-324 USD, or a tip height
    /// below the snapshot's (the chain only grows).
    Implausible { key: &'static str, value: f64 },
    /// A price or hashrate more than [`MAX_MOVE`] away from the value in force.
    Jump { key: &'static str, value: f64, in_force: f64 },
    /// A tip height more than [`MAX_TIP_AHEAD`] blocks past where the chain should be now ([`expected_height`]):
    /// applied, it could cross a halving that has not happened.
    Ahead { value: f64, expected: f64 },
}

/// What to do with validated live values.
#[derive(Clone, Debug, PartialEq)]
pub enum LiveDecision {
    /// Plausible and close to the values in force: apply them.
    Apply,
    /// Apply only after the user says so (the page shows [`ask_message`] and an "apply anyway" button).
    Ask(Vec<Concern>),
}

/// The largest relative move of the BTC price or the network hashrate applied without asking (50 %).
pub const MAX_MOVE: f64 = 0.5;

/// The tip height of the Nov 2025 snapshot: a live tip below it is wrong (the chain only grows).
pub const MIN_LIVE_HEIGHT: f64 = 925_000.0;

/// The 2024 halving (block and Unix time), from which [`expected_height`] counts.
const LAST_HALVING: (f64, f64) = (840_000.0, 1_713_571_767.0);

/// How far a live tip may run ahead of [`expected_height`] before it waits for the user's word: ~4.6 months of
/// blocks, more than a chain running a few percent fast gains in years.
pub const MAX_TIP_AHEAD: f64 = 20_000.0;

/// The tip height expected at `now_s` (Unix seconds): the 2024 halving plus one block per 600 s.
pub fn expected_height(now_s: f64) -> f64 {
    LAST_HALVING.0 + (now_s - LAST_HALVING.1) / 600.0
}

/// Whether live values may be applied silently, given the scenario in force and the time now (Unix seconds).
pub fn decide(live: &LiveValues, in_force: &crate::model::Scenario, now_s: f64) -> LiveDecision {
    let mut concerns = Vec::new();
    for (key, value) in live.pairs() {
        let implausible = match key {
            "block_height" => value < MIN_LIVE_HEIGHT,
            k => super::plausible::is_implausible(k, value),
        };
        if implausible {
            concerns.push(Concern::Implausible { key, value });
            continue;
        }
        if key == "block_height" {
            let expected = expected_height(now_s);
            if value > expected + MAX_TIP_AHEAD {
                concerns.push(Concern::Ahead { value, expected });
            }
        }
        if matches!(key, "btc_price_usd" | "network_hashrate_ehs") {
            if let Some(now) = in_force.get(key).filter(|n| *n > 0.0) {
                let moved = (value / now - 1.0).abs();
                if moved.is_nan() || moved > MAX_MOVE {
                    concerns.push(Concern::Jump { key, value, in_force: now });
                }
            }
        }
    }
    if concerns.is_empty() {
        LiveDecision::Apply
    } else {
        LiveDecision::Ask(concerns)
    }
}

fn live_name_and_text(key: &str, value: f64) -> (&'static str, String) {
    let shown = |k: &str| super::plausible::usual(k).map(|u| u.show.text(value));
    match key {
        "btc_price_usd" => ("a BTC price of ", shown(key).unwrap_or_default()),
        "network_hashrate_ehs" => ("a network hashrate of ", shown(key).unwrap_or_default()),
        "fees_btc_per_block" => ("fees of ", shown(key).unwrap_or_default()),
        _ => ("a block height of ", super::numtext::decimal(value, 0, 0, true).unwrap_or_default()),
    }
}

impl Concern {
    /// "mempool.space gives a BTC price of $40,000, 58% below the $95,000 in force"
    pub fn message(&self) -> String {
        match self {
            Concern::Implausible { key, value } => {
                let (name, v) = live_name_and_text(key, *value);
                let why = if *key == "block_height" {
                    ", below the Nov 2025 snapshot's 925,000 (the chain only grows)"
                } else {
                    ", far outside any plausible value"
                };
                ["mempool.space gives ", name, &v, why].concat()
            }
            Concern::Ahead { value, expected } => {
                let (name, v) = live_name_and_text("block_height", *value);
                let near = super::numtext::decimal((expected / 1000.0).round() * 1000.0, 0, 0, true).unwrap_or_default();
                ["mempool.space gives ", name, &v, ", far ahead of the ~", &near, " the chain should be at now"].concat()
            }
            Concern::Jump { key, value, in_force } => {
                let (name, v) = live_name_and_text(key, *value);
                let (_, now) = live_name_and_text(key, *in_force);
                let pct = 100.0 * (value / in_force - 1.0);
                let moved = super::numtext::decimal(pct.abs().min(1e9), 0, 0, true).unwrap_or_default();
                let dir = if pct < 0.0 { "% below the " } else { "% above the " };
                ["mempool.space gives ", name, &v, ", ", &moved, dir, &now, " in force"].concat()
            }
        }
    }
}

/// The notice when live values wait for the user's word: each concern, then what happens.
pub fn ask_message(concerns: &[Concern]) -> String {
    let list: Vec<String> = concerns.iter().map(Concern::message).collect();
    ["Live data not applied yet: ", &list.join("; "), ". Apply it anyway, or keep the values in force."].concat()
}

/// "14:05 UTC, 2026-11-24" from an ISO-8601 UTC timestamp (JS `Date.prototype.toISOString`).
pub fn utc_label(iso: &str) -> Option<String> {
    let date = iso.get(0..10)?;
    let time = iso.get(11..16)?;
    let ok = iso.as_bytes().get(10) == Some(&b'T')
        && date.bytes().enumerate().all(|(i, b)| if i == 4 || i == 7 { b == b'-' } else { b.is_ascii_digit() })
        && time.bytes().enumerate().all(|(i, b)| if i == 2 { b == b':' } else { b.is_ascii_digit() });
    ok.then(|| [time, " UTC, ", date].concat())
}

/// The badge text while live values are in use: their source and UTC time (before, see
/// `presets::snapshot_badge`).
pub fn badge_text(at: &str) -> String {
    ["live · mempool.space · ", at].concat()
}

/// The wait after a success or an HTTP 429: mempool.space rate-limits, and a minute-old snapshot is fresh enough.
pub const COOLDOWN_MS: f64 = 60_000.0;

/// The wait after any other failure (offline, a timeout, a bad answer): someone back online should not have to
/// sit out a minute, and a retry every 10 s is still gentle on the server.
pub const RETRY_MS: f64 = 10_000.0;

/// How long the button stays off after an attempt: `rate_limited` is false for a failure of another kind.
pub fn wait_after_ms(succeeded: bool, rate_limited: bool) -> f64 {
    if succeeded || rate_limited {
        COOLDOWN_MS
    } else {
        RETRY_MS
    }
}

/// Whole seconds left of a `wait_ms` wait started at `last_attempt_ms` (0 = allowed now). A clock that went
/// backwards never locks for longer than the wait; NaN never locks.
pub fn cooldown_left_s(last_attempt_ms: Option<f64>, now_ms: f64, wait_ms: f64) -> u32 {
    match last_attempt_ms {
        Some(last) if now_ms.is_finite() && last.is_finite() && wait_ms > 0.0 => {
            let wait_s = wait_ms.min(COOLDOWN_MS) / 1000.0;
            let left = wait_s - (now_ms - last) / 1000.0;
            if left <= 0.0 {
                0
            } else {
                left.ceil().min(wait_s.ceil()) as u32
            }
        }
        _ => 0,
    }
}

#[cfg(test)]
#[path = "live_tests.rs"]
mod tests;
