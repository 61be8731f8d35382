//! Live network data, the browser part: the four GETs to mempool.space in parallel with `fetch`, one
//! `AbortController` that cancels whatever is still pending after 5 seconds, and the extraction of the
//! raw fields. Validation, units and messages are in [`crate::state::live`] (pure, tested natively).
//!
//! Only ever called from a click: nothing here runs at page load.

use crate::state::live::{validate, Failure, Fetched, LiveError, LiveValues, Raw, Source};
use crate::view::dom::timeout;
use js_sys::{Array, Object, Promise, Reflect, JSON};
use leptos::prelude::window;
use std::cell::RefCell;
use std::rc::Rc;
use std::time::Duration;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::{future_to_promise, JsFuture};
use web_sys::{AbortController, AbortSignal, RequestInit, Response};

/// Time allowed for all four answers, bodies included.
pub const TIMEOUT: Duration = Duration::from_secs(5);

/// Fetches the four endpoints and validates them all: the values, or every failed source and why.
pub async fn fetch_live() -> Result<LiveValues, LiveError> {
    let controller = AbortController::new().ok();
    let signal = controller.as_ref().map(|c| c.signal());
    // Start all four before awaiting any: they run in parallel.
    let pending: Vec<(Source, Promise)> = Source::ALL.iter().map(|&s| (s, start(s, signal.as_ref()))).collect();
    let timer = controller.clone().and_then(|c| timeout(move || c.abort(), TIMEOUT));

    // Each answer is read to its end on its own, so one that never comes does not make the others (already
    // answered, bodies still to read when it times out) look timed out too.
    let fetched = Rc::new(RefCell::new([Ok(Raw::Missing), Ok(Raw::Missing), Ok(Raw::Missing), Ok(Raw::Missing)]));
    let all: Array = pending
        .into_iter()
        .enumerate()
        .map(|(i, (source, promise))| {
            let (signal, fetched) = (signal.clone(), fetched.clone());
            future_to_promise(async move {
                let f = finish(source, promise, signal.as_ref()).await;
                fetched.borrow_mut()[i] = f;
                Ok(JsValue::NULL)
            })
        })
        .collect();
    let _ = JsFuture::from(Promise::all(&all)).await;
    if let Some(t) = timer {
        t.clear();
    }
    let out: [Fetched; 4] = fetched.borrow().clone();
    validate(out)
}

/// A plain CORS GET: no credentials, no custom headers (so no preflight).
fn start(source: Source, signal: Option<&AbortSignal>) -> Promise {
    let init = RequestInit::new();
    init.set_method("GET");
    init.set_signal(signal);
    window().fetch_with_str_and_init(&source.url(), &init)
}

/// A rejection after the abort is the timeout; any other is a network error.
fn rejected(signal: Option<&AbortSignal>) -> Failure {
    if signal.is_some_and(|s| s.aborted()) {
        Failure::Timeout
    } else {
        Failure::Network
    }
}

/// The body of an answer as text, or why there is none (429, another HTTP error, the network, the timeout).
async fn body(promise: Promise, signal: Option<&AbortSignal>) -> Result<String, Failure> {
    let response: Response =
        JsFuture::from(promise).await.map_err(|_| rejected(signal))?.dyn_into().map_err(|_| Failure::Network)?;
    match response.status() {
        429 => return Err(Failure::RateLimited),
        s if !response.ok() => return Err(Failure::Http(s)),
        _ => {}
    }
    let text_promise = response.text().map_err(|_| Failure::Network)?;
    Ok(JsFuture::from(text_promise).await.map_err(|_| rejected(signal))?.as_string().unwrap_or_default())
}

/// One GET of `path` on mempool.space with the same rules and [`TIMEOUT`] (the price history, issue 21): the
/// body as text, or why not. Only ever called from a click.
pub async fn fetch_text(path: &str) -> Result<String, Failure> {
    let controller = AbortController::new().ok();
    let signal = controller.as_ref().map(|c| c.signal());
    let init = RequestInit::new();
    init.set_method("GET");
    init.set_signal(signal.as_ref());
    let promise = window().fetch_with_str_and_init(&[crate::state::live::ORIGIN, path].concat(), &init);
    let timer = controller.and_then(|c| timeout(move || c.abort(), TIMEOUT));
    let out = body(promise, signal.as_ref()).await;
    if let Some(t) = timer {
        t.clear();
    }
    out
}

async fn finish(source: Source, promise: Promise, signal: Option<&AbortSignal>) -> Fetched {
    let body = body(promise, signal).await?;
    if !source.is_json() {
        return Ok(Raw::Text(body));
    }
    let value = JSON::parse(&body).map_err(|_| Failure::MalformedJson)?;
    if !value.is_object() || Array::is_array(&value) {
        return Err(Failure::NotAnObject);
    }
    let obj: Object = value.unchecked_into();
    let field = Reflect::get(&obj, &JsValue::from_str(source.field())).unwrap_or(JsValue::UNDEFINED);
    Ok(raw(&field))
}

fn raw(v: &JsValue) -> Raw {
    if v.is_undefined() {
        Raw::Missing
    } else if v.is_null() {
        Raw::Null
    } else if let Some(b) = v.as_bool() {
        Raw::Bool(b)
    } else if let Some(x) = v.as_f64() {
        Raw::Number(x)
    } else if let Some(s) = v.as_string() {
        Raw::Text(s)
    } else {
        Raw::Other
    }
}

/// "14:05 UTC, 2026-11-24" for now, from JS `Date` (no Rust float formatting).
pub fn now_label() -> Option<String> {
    let iso: String = js_sys::Date::new_0().to_iso_string().into();
    crate::state::live::utc_label(&iso)
}

/// Milliseconds since the epoch (JS `Date.now()`).
pub fn now_ms() -> f64 {
    js_sys::Date::now()
}
