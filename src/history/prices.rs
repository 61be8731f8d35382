//! BTC price history from mempool.space (`/api/v1/historical-price?currency=USD`), the pure part: the
//! response body's validation (all or nothing, errors as words, never panics) and matching prices to epochs.
//!
//! The response is `{"prices": [{"time": 1781308800, "USD": 62000}, …], "exchangeRates": {…}}`, newest
//! first (mempool's `PricesRepository.$getHistoricalPrices`). `USD` is -1 where the source has no price and
//! 0 where mempool's sanity check dropped one: both are skipped, not errors. Other fields are not used and
//! not checked. No float formatting: messages name the entry by index, never print a number.

use super::data::{Epoch, EPOCH_TARGET_SECONDS};
use crate::format::Txt;
use crate::state::live::Failure;

/// The path on mempool.space (the same origin as the live data).
pub const PRICE_HISTORY_PATH: &str = "/api/v1/historical-price?currency=USD";

/// Larger bodies are refused before parsing (the full USD history is a few hundred KB).
pub const MAX_BODY_BYTES: usize = 16_000_000;
/// Prices older than the genesis block or beyond 2100 are errors, not data.
const MIN_TIME: f64 = 1_231_006_505.0;
const MAX_TIME: f64 = 4_102_444_800.0;
/// The scenario's own ceiling for a BTC price.
const MAX_USD: f64 = 1e7;

/// One validated price.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct PricePoint {
    pub unix: i64,
    pub usd: f64,
}

/// A validated price history, oldest first.
#[derive(Clone, Debug, PartialEq)]
pub struct PriceHistory {
    pub points: Vec<PricePoint>,
    /// Entries without a price (USD -1 or 0), skipped.
    pub skipped: usize,
}

impl PriceHistory {
    /// Time of the newest price (for the source/time badge).
    pub fn newest_unix(&self) -> Option<i64> {
        self.points.last().map(|p| p.unix)
    }
}

/// "Price history not loaded (nothing changed). mempool.space/api/v1/historical-price: <reason>."
pub fn price_history_message(reason: &str) -> String {
    ["Price history not loaded (nothing changed). mempool.space/api/v1/historical-price: ", reason, "."].concat()
}

/// The message for a fetch that gave no body (429, HTTP error, network, timeout).
pub fn failure_message(failure: &Failure) -> String {
    price_history_message(&failure.reason())
}

/// A field of one price entry, as found: by the reader below natively, by the browser's `JSON.parse` in the
/// page (a full JSON reader in Rust would add ~3 KB brotli to the page; `JSON.parse` is as strict).
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Field {
    Missing,
    Number(f64),
    /// Another JSON type, named as messages name it ("text", "null", …).
    Other(&'static str),
    /// The key appears twice (only the reader below sees that; `JSON.parse` keeps the last).
    Twice,
}

/// One entry of `prices`: its `time` and `USD` fields, or the JSON type it has when it is not an object.
pub type Entry = Result<(Field, Field), &'static str>;

/// Validates a response body. Every entry must be an object with an integer `time` (seconds, 2009 … 2100,
/// no two alike, newest first or oldest first) and a `USD` that is a number: -1 or 0 (no price, skipped) or a price above 0 and at most
/// $10,000,000. One bad entry rejects the whole response. At least one price must remain.
pub fn parse_price_history(body: &str) -> Result<PriceHistory, String> {
    if body.len() > MAX_BODY_BYTES {
        return Err("the response is too large".into());
    }
    let root = json::parse(body).map_err(|e| ["malformed JSON in the response (", e, ")"].concat())?;
    let Json::Object(members) = root else { return Err("the response is not a JSON object".into()) };
    let prices = match json::get(&members, "prices") {
        Ok(Some(Json::Array(items))) => items,
        Ok(Some(other)) => return Err(prices_not_a_list(other.kind())),
        Ok(None) => return Err("prices is missing".into()),
        Err(e) => return Err(e),
    };
    let field = |entry: &[(String, Json)], key| match json::get(entry, key) {
        Err(_) => Field::Twice,
        Ok(None) => Field::Missing,
        Ok(Some(Json::Number(x))) => Field::Number(*x),
        Ok(Some(other)) => Field::Other(other.kind()),
    };
    validate_prices(prices.iter().map(|item| match item {
        Json::Object(entry) => Ok((field(entry, "time"), field(entry, "USD"))),
        other => Err(other.kind()),
    }))
}

/// "prices is not a list (got an object)".
pub fn prices_not_a_list(kind: &str) -> String {
    ["prices is not a list (got ", kind, ")"].concat()
}

/// The checks of [`parse_price_history`] on the entries of `prices`, however the JSON was read.
pub fn validate_prices(entries: impl Iterator<Item = Entry>) -> Result<PriceHistory, String> {
    let mut points = Vec::new();
    let mut skipped = 0;
    for (i, item) in entries.enumerate() {
        let at = |field: &str, why: &str| Txt::default().t("prices[").s(i.to_string()).t("]").t(field).t(" ").t(why).0;
        let not_a_number = |field, kind| at(field, &["is not a number (got ", kind, ")"].concat());
        let (time, usd) = item.map_err(|kind| at("", &["is not an object (got ", kind, ")"].concat()))?;
        let time = match time {
            Field::Number(t) if t.fract() == 0.0 && (MIN_TIME..MAX_TIME).contains(&t) => t,
            Field::Number(t) if t.is_finite() && t.fract() == 0.0 => {
                return Err(at(".time", "is not between 2009 and 2100"))
            }
            Field::Number(_) => return Err(at(".time", "is not a whole number of seconds")),
            Field::Other(kind) => return Err(not_a_number(".time", kind)),
            Field::Missing => return Err(at(".time", "is missing")),
            Field::Twice => return Err(at(".time", "appears twice")),
        };
        let usd = match usd {
            Field::Number(x) => x,
            Field::Other(kind) => return Err(not_a_number(".USD", kind)),
            Field::Missing => return Err(at(".USD", "is missing")),
            Field::Twice => return Err(at(".USD", "appears twice")),
        };
        if usd == -1.0 || usd == 0.0 {
            skipped += 1;
        } else if usd < 0.0 {
            return Err(at(".USD", "is negative"));
        } else if !(usd <= MAX_USD) {
            return Err(at(".USD", "is above $10,000,000"));
        } else {
            points.push(PricePoint { unix: time as i64, usd });
        }
    }
    if points.is_empty() {
        return Err("no USD prices in the response".into());
    }
    // mempool.space answers newest first; either order is taken, a shuffle is not (and no sort is linked).
    if points.first().map(|p| p.unix) > points.last().map(|p| p.unix) {
        points.reverse();
    }
    if points.windows(2).any(|w| w[0].unix == w[1].unix) {
        return Err("two prices for the same time".into());
    }
    if points.windows(2).any(|w| w[0].unix > w[1].unix) {
        return Err("the prices are not in time order".into());
    }
    Ok(PriceHistory { points, skipped })
}

/// A BTC price for each epoch: the mean of the prices dated within it (the table's last epoch: its first
/// 14 days), or, when none falls inside, the price nearest its middle if within 14 days. None otherwise
/// (mempool.space has no prices before July 2010).
pub fn epoch_prices(epochs: &[Epoch], history: &PriceHistory) -> Vec<Option<f64>> {
    let pts = &history.points;
    let window = EPOCH_TARGET_SECONDS as i64;
    epochs
        .iter()
        .enumerate()
        .map(|(k, e)| {
            let start = e.est_start_unix;
            let end = epochs.get(k + 1).map_or(start + window, |n| n.est_start_unix);
            let lo = pts.partition_point(|p| p.unix < start);
            let hi = pts.partition_point(|p| p.unix < end);
            if hi > lo {
                let inside = &pts[lo..hi];
                return Some(inside.iter().map(|p| p.usd).sum::<f64>() / inside.len() as f64);
            }
            let mid = start + (end - start) / 2;
            // Nearest: the last point before the window or the first after it.
            [lo.checked_sub(1), Some(hi)]
                .into_iter()
                .flatten()
                .filter_map(|j| pts.get(j))
                .filter(|p| (p.unix - mid).abs() <= window)
                .min_by_key(|p| (p.unix - mid).abs())
                .map(|p| p.usd)
        })
        .collect()
}

use json::Json;

/// A JSON value's type, named as the messages name it: the native reader and the page's `JSON.parse` path
/// (`components::history_chart`) both say it in these words.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Kind {
    Null,
    Bool,
    Number,
    Text,
    List,
    Object,
}

impl Kind {
    pub fn words(self) -> &'static str {
        match self {
            Kind::Null => "null",
            Kind::Bool => "true/false",
            Kind::Number => "a number",
            Kind::Text => "text",
            Kind::List => "a list",
            Kind::Object => "an object",
        }
    }
}

/// A small JSON reader (RFC 8259) for the price history: depth-limited, never panics, numbers as f64.
mod json {
    #[derive(Clone, Debug, PartialEq)]
    pub enum Json {
        Null,
        Bool(bool),
        Number(f64),
        Text(String),
        Array(Vec<Json>),
        Object(Vec<(String, Json)>),
    }

    impl Json {
        pub fn kind(&self) -> &'static str {
            use super::Kind;
            match self {
                Json::Null => Kind::Null,
                Json::Bool(_) => Kind::Bool,
                Json::Number(_) => Kind::Number,
                Json::Text(_) => Kind::Text,
                Json::Array(_) => Kind::List,
                Json::Object(_) => Kind::Object,
            }
            .words()
        }
    }

    /// The member named `key`; an error if it appears twice.
    pub fn get<'a>(members: &'a [(String, Json)], key: &str) -> Result<Option<&'a Json>, String> {
        let mut found = members.iter().filter(|(k, _)| k == key).map(|(_, v)| v);
        let first = found.next();
        if found.next().is_some() {
            return Err([key, " appears twice"].concat());
        }
        Ok(first)
    }

    const MAX_DEPTH: usize = 32;

    pub fn parse(text: &str) -> Result<Json, &'static str> {
        let mut p = Parser { s: text.as_bytes(), i: 0 };
        let v = p.value(0)?;
        p.ws();
        if p.i != p.s.len() {
            return Err("text after the end");
        }
        Ok(v)
    }

    struct Parser<'a> {
        s: &'a [u8],
        i: usize,
    }

    impl Parser<'_> {
        fn ws(&mut self) {
            while let Some(b' ' | b'\t' | b'\n' | b'\r') = self.s.get(self.i) {
                self.i += 1;
            }
        }

        fn eat(&mut self, word: &[u8]) -> bool {
            let ok = self.s.get(self.i..self.i + word.len()) == Some(word);
            if ok {
                self.i += word.len();
            }
            ok
        }

        fn value(&mut self, depth: usize) -> Result<Json, &'static str> {
            if depth > MAX_DEPTH {
                return Err("nested too deeply");
            }
            self.ws();
            match self.s.get(self.i) {
                None => Err("unexpected end"),
                Some(b'{') => {
                    self.i += 1;
                    let mut members = Vec::new();
                    self.ws();
                    if self.eat(b"}") {
                        return Ok(Json::Object(members));
                    }
                    loop {
                        self.ws();
                        if self.s.get(self.i) != Some(&b'"') {
                            return Err("expected a key");
                        }
                        let key = self.string()?;
                        self.ws();
                        if !self.eat(b":") {
                            return Err("expected ':'");
                        }
                        members.push((key, self.value(depth + 1)?));
                        self.ws();
                        if self.eat(b"}") {
                            return Ok(Json::Object(members));
                        }
                        if !self.eat(b",") {
                            return Err("expected ',' or '}'");
                        }
                    }
                }
                Some(b'[') => {
                    self.i += 1;
                    let mut items = Vec::new();
                    self.ws();
                    if self.eat(b"]") {
                        return Ok(Json::Array(items));
                    }
                    loop {
                        items.push(self.value(depth + 1)?);
                        self.ws();
                        if self.eat(b"]") {
                            return Ok(Json::Array(items));
                        }
                        if !self.eat(b",") {
                            return Err("expected ',' or ']'");
                        }
                    }
                }
                Some(b'"') => self.string().map(Json::Text),
                Some(b't') if self.eat(b"true") => Ok(Json::Bool(true)),
                Some(b'f') if self.eat(b"false") => Ok(Json::Bool(false)),
                Some(b'n') if self.eat(b"null") => Ok(Json::Null),
                Some(b'-' | b'0'..=b'9') => self.number(),
                Some(_) => Err("unexpected character"),
            }
        }

        fn digits(&mut self) -> usize {
            let from = self.i;
            while self.s.get(self.i).is_some_and(u8::is_ascii_digit) {
                self.i += 1;
            }
            self.i - from
        }

        fn number(&mut self) -> Result<Json, &'static str> {
            let from = self.i;
            self.eat(b"-");
            let int_from = self.i;
            let n = self.digits();
            if n == 0 || (n > 1 && self.s[int_from] == b'0') {
                return Err("bad number");
            }
            if self.eat(b".") && self.digits() == 0 {
                return Err("bad number");
            }
            if let Some(b'e' | b'E') = self.s.get(self.i) {
                self.i += 1;
                if let Some(b'+' | b'-') = self.s.get(self.i) {
                    self.i += 1;
                }
                if self.digits() == 0 {
                    return Err("bad number");
                }
            }
            // ASCII digits and signs only, so the slice is valid UTF-8. `parse_number` reads it with JS's
            // parseFloat in the browser (Rust's float parser would add ~20 KB of WASM) and refuses infinities.
            let text = std::str::from_utf8(&self.s[from..self.i]).map_err(|_| "bad number")?;
            crate::state::query::parse_number(text).map(Json::Number).ok_or("a number too large")
        }

        fn string(&mut self) -> Result<String, &'static str> {
            self.i += 1; // the opening quote
            let mut out = Vec::new();
            loop {
                match *self.s.get(self.i).ok_or("unterminated text")? {
                    b'"' => {
                        self.i += 1;
                        return String::from_utf8(out).map_err(|_| "text is not UTF-8");
                    }
                    b'\\' => {
                        let esc = *self.s.get(self.i + 1).ok_or("unterminated text")?;
                        self.i += 2;
                        let c = match esc {
                            b'"' => '"',
                            b'\\' => '\\',
                            b'/' => '/',
                            b'b' => '\u{8}',
                            b'f' => '\u{c}',
                            b'n' => '\n',
                            b'r' => '\r',
                            b't' => '\t',
                            b'u' => {
                                let hex = self.s.get(self.i..self.i + 4).ok_or("bad escape")?;
                                if !hex.iter().all(u8::is_ascii_hexdigit) {
                                    return Err("bad escape");
                                }
                                let hex = std::str::from_utf8(hex).map_err(|_| "bad escape")?;
                                let code = u32::from_str_radix(hex, 16).map_err(|_| "bad escape")?;
                                self.i += 4;
                                // Lone surrogates become U+FFFD: the text is only compared with keys.
                                char::from_u32(code).unwrap_or('\u{fffd}')
                            }
                            _ => return Err("bad escape"),
                        };
                        let mut buf = [0u8; 4];
                        out.extend_from_slice(c.encode_utf8(&mut buf).as_bytes());
                    }
                    0x00..=0x1f => return Err("control character in text"),
                    b => {
                        out.push(b);
                        self.i += 1;
                    }
                }
            }
        }
    }
}

#[cfg(test)]
#[path = "prices_tests.rs"]
mod tests;
