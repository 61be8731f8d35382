//! The browser half of the JS API and of embed mode (the pure half is [`crate::api_input`]):
//!
//! - `window.hashprice = { compute, defaults, version }` (read-only), then a `hashprice:ready` event on `window`;
//! - in embed mode, the host messages of protocol 1 (docs/embedding.md): `ready`, `height`, `results` to the
//!   parent, and `{type: "hashprice:scenario", scenario}` from it, answered with `applied` or `error`;
//! - text downloads (Blob + object URL + a temporary `<a download>`) and the JSON export.
//!
//! Nothing here panics on what a caller, a host page or a message sends: every path ends in a JS `Error`
//! (for `compute`), in an error message to the host, or in silence (for messages not meant for the calculator).

use crate::api_input::{
    apply_host_message, compute, foreign_origin_warning, scenario_from_pairs, ComputeOutput, HostMessage, HostReply,
    JsInput,
};
use crate::model::scenario::{Kind, INPUTS};
use crate::model::{
    group_output, output_value, Results, Scenario, DECISION_KEYS, HPC_KEYS, MAX_GROUPS, PROJECTION_GROUP_KEYS,
    PROJECTION_KEYS, SNAPSHOT_GROUP_KEYS, SNAPSHOT_KEYS,
};
use crate::view::dom::timeout;
use js_sys::{Array, Object, Reflect};
use leptos::prelude::*;
use std::cell::Cell;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// The scenario as a plain JS object, keys in MODEL.md order (the boolean as `true`/`false`). Built from the
/// input list rather than through serde, whose serializer was ~1 KB of the WASM.
fn scenario_js(s: &Scenario) -> JsValue {
    let o = Object::new();
    for spec in INPUTS {
        let v = s.get(spec.key).unwrap_or(f64::NAN);
        put(&o, spec.key, &if spec.kind == Kind::Bool { JsValue::from_bool(v == 1.0) } else { JsValue::from_f64(v) });
    }
    o.into()
}

/// The documented error: an `Error` whose `key` is the input at fault, or `null` when the whole argument is.
fn js_error(message: &str, key: Option<&str>) -> JsValue {
    let e = js_sys::Error::new(message);
    let _ = Reflect::set(&e, &JsValue::from_str("key"), &key.map_or(JsValue::NULL, JsValue::from_str));
    e.into()
}

// Checked versions of the built-ins a hostile argument can make throw (a Proxy's traps, a revoked Proxy):
// js-sys binds them without `catch`, so their exception would pass through `compute()` raw.
#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(js_namespace = Array, js_name = isArray, catch)]
    fn checked_is_array(v: &JsValue) -> Result<bool, JsValue>;
    #[wasm_bindgen(js_namespace = Object, js_name = keys, catch)]
    fn checked_keys(v: &JsValue) -> Result<Array, JsValue>;
    #[wasm_bindgen(js_namespace = Object, js_name = getPrototypeOf, catch)]
    fn checked_prototype(v: &JsValue) -> Result<JsValue, JsValue>;
}

/// Whether `v` is an array; a revoked Proxy counts as one (it is not a plain object either way).
fn is_array(v: &JsValue) -> bool {
    checked_is_array(v).unwrap_or(true)
}

/// What kind of JS value this is, as far as the scenario cares.
fn read_value(v: &JsValue) -> JsInput {
    if let Some(x) = v.as_f64() {
        return JsInput::Number(x);
    }
    if let Some(b) = v.as_bool() {
        return JsInput::Bool(b);
    }
    JsInput::Other(if v.is_string() {
        "a string"
    } else if v.is_null() {
        "null"
    } else if v.is_undefined() {
        "undefined"
    } else if v.is_bigint() {
        "a BigInt"
    } else if v.is_symbol() {
        "a symbol"
    } else if v.is_function() {
        "a function"
    } else if is_array(v) {
        "an array"
    } else if v.is_object() {
        "an object"
    } else {
        "an unsupported value"
    })
}

const NOT_PLAIN: &str =
    "the scenario must be a plain object of input keys (see defaults()), got another kind of object";

/// The own enumerable string keys of a plain object with their values, up to the first key that is not an
/// input (the scenario stops there anyway, so a million junk keys are not all read). `undefined` is an empty
/// object; anything that is not an object (or is an array or a function) is an error, and so is an object
/// whose keys or prototype cannot be read (a Proxy with throwing traps, a revoked Proxy).
fn read_pairs(obj: &JsValue) -> Result<Vec<(String, JsInput)>, String> {
    if obj.is_undefined() {
        return Ok(Vec::new());
    }
    if !obj.is_object() || obj.is_function() || is_array(obj) {
        let kind = match read_value(obj) {
            JsInput::Number(_) => "a number",
            JsInput::Bool(_) => "a boolean",
            JsInput::Other(w) => w,
        };
        return Err(["the scenario must be an object of input keys (see defaults()), got ", kind].concat());
    }
    // A Map, Date or class instance has no input keys of its own: refusing it beats computing the defaults.
    let proto = checked_prototype(obj).map_err(|_| NOT_PLAIN.to_string())?;
    if !proto.is_null() && !Object::is(&proto, &Object::get_prototype_of(&Object::new())) {
        return Err(NOT_PLAIN.into());
    }
    let keys = checked_keys(obj).map_err(|_| NOT_PLAIN.to_string())?;
    let mut out = Vec::new();
    for key in keys.iter() {
        let Some(k) = key.as_string() else { continue };
        let value = match Reflect::get(obj, &key) {
            Ok(v) => read_value(&v),
            Err(_) => JsInput::Other("an unreadable value"),
        };
        let known = crate::model::input_spec(&k).is_some();
        out.push((k, value));
        if !known {
            break;
        }
    }
    Ok(out)
}

/// `compute(scenario)`: the whole model for a subset of inputs (missing keys take the defaults).
fn compute_js(arg: JsValue) -> Result<JsValue, JsValue> {
    let pairs = read_pairs(&arg).map_err(|m| js_error(&m, None))?;
    let s = scenario_from_pairs(&pairs, &Scenario::default()).map_err(|e| js_error(&e.message(), Some(&e.key)))?;
    let out = compute(&s).map_err(|e| js_error(&e.message(), Some(&e.key)))?;
    Ok(output_js(&out))
}

fn put(o: &Object, key: &str, value: &JsValue) {
    let _ = Reflect::set(o, &JsValue::from_str(key), value);
}

/// A number, or `null` for one that overflowed: the contract's outputs are numbers or null, never NaN.
fn number(v: f64) -> JsValue {
    if v.is_finite() {
        JsValue::from_f64(v)
    } else {
        JsValue::NULL
    }
}

fn numbers(values: &[f64]) -> JsValue {
    values.iter().map(|v| number(*v)).collect::<Array>().into()
}

/// `compute()`'s answer as plain JS objects, with `ComputeOutput`'s shape and keys: the scalar outputs from
/// the model's key lists (none is `null`), the series as arrays. Built by hand rather than through serde,
/// whose code for the nested structs was ~0.5 KB of the WASM.
fn output_js(o: &ComputeOutput) -> JsValue {
    let section = |keys: &[&str]| {
        let x = Object::new();
        for k in keys {
            let v = output_value(&o.snapshot, &o.projection, &o.hpc, k).flatten();
            put(&x, k, &v.map_or(JsValue::NULL, JsValue::from_f64));
        }
        x
    };
    let snapshot = section(SNAPSHOT_KEYS);
    let projection = section(PROJECTION_KEYS);
    put(&projection, "monthly_net_usd", &numbers(&o.projection.monthly_net_usd));
    put(&projection, "loan_balance_usd", &numbers(&o.projection.equity.loan_balance_usd));
    for (target, keys) in [(&snapshot, SNAPSHOT_GROUP_KEYS), (&projection, PROJECTION_GROUP_KEYS)] {
        for k in keys {
            let values = group_output(&o.snapshot, &o.projection, k).unwrap_or([None; MAX_GROUPS]);
            let list: Array = values.iter().map(|v| v.map_or(JsValue::NULL, JsValue::from_f64)).collect();
            put(target, k, &list);
        }
    }
    let decision = Object::new();
    for k in DECISION_KEYS {
        put(&decision, k, &o.decision.value(k).flatten().map_or(JsValue::NULL, JsValue::from_f64));
    }
    put(&decision, "convert_monthly_net_usd", &numbers(&o.decision.convert_monthly_net_usd));
    let r = &o.risk;
    let risk = Object::new();
    for k in crate::model::risk::RISK_KEYS {
        put(&risk, k, &r.value(k).map_or(JsValue::NULL, number));
    }
    for (k, v) in [
        ("mc_cum_cash_usd_p10", &r.mc_cum_cash_usd_p10),
        ("mc_cum_cash_usd_p50", &r.mc_cum_cash_usd_p50),
        ("mc_cum_cash_usd_p90", &r.mc_cum_cash_usd_p90),
    ] {
        put(&risk, k, &numbers(v));
    }
    let tornado: Array = o
        .tornado
        .iter()
        .map(|t| {
            let x = Object::new();
            put(&x, "key", &JsValue::from_str(t.key));
            for (k, v) in [
                ("low_input", t.low_input),
                ("high_input", t.high_input),
                ("npv_low_usd", t.npv_low_usd),
                ("npv_high_usd", t.npv_high_usd),
            ] {
                put(&x, k, &number(v));
            }
            x
        })
        .collect();
    let heatmap: Array = o.heatmap_npv_usd.iter().map(|row| numbers(row)).collect();
    let out = Object::new();
    put(&out, "snapshot", &snapshot);
    put(&out, "projection", &projection);
    put(&out, "hpc", &section(HPC_KEYS));
    put(&out, "decision", &decision);
    put(&out, "risk", &risk);
    put(&out, "tornado", &tornado);
    put(&out, "heatmap_npv_usd", &heatmap);
    out.into()
}

/// Installs `window.hashprice` and dispatches `hashprice:ready` on `window`. Call once, before mounting.
pub fn install() {
    let Some(win) = web_sys::window() else { return };
    let api = Object::new();

    let compute = Closure::<dyn Fn(JsValue) -> Result<JsValue, JsValue>>::new(compute_js);
    let defaults = Closure::<dyn Fn() -> JsValue>::new(|| scenario_js(&Scenario::default()));
    let version = Closure::<dyn Fn() -> JsValue>::new(|| JsValue::from_str(env!("CARGO_PKG_VERSION")));
    let _ = Reflect::set(&api, &JsValue::from_str("compute"), compute.as_ref());
    let _ = Reflect::set(&api, &JsValue::from_str("defaults"), defaults.as_ref());
    let _ = Reflect::set(&api, &JsValue::from_str("version"), version.as_ref());
    // The API lives as long as the page.
    compute.forget();
    defaults.forget();
    version.forget();
    Object::freeze(&api);
    // Read-only and fixed: another script on the page cannot swap the API for its own.
    let descriptor = Object::new();
    put(&descriptor, "value", &api);
    put(&descriptor, "enumerable", &JsValue::TRUE);
    let _ = Reflect::define_property(&win, &JsValue::from_str("hashprice"), &descriptor);

    let init = web_sys::CustomEventInit::new();
    init.set_detail(&api);
    if let Ok(ev) = web_sys::CustomEvent::new_with_event_init_dict("hashprice:ready", &init) {
        let _ = win.dispatch_event(&ev);
    }
}

/// `{scenario, results}` as indented JSON text (results are `compute()`'s answer).
pub fn scenario_json(s: &Scenario, threshold: f64) -> Result<String, String> {
    let results = compute(s).map_err(|e| e.message())?;
    let value = Object::new();
    put(&value, "scenario", &scenario_js(s));
    put(&value, "threshold", &JsValue::from_f64(threshold));
    put(&value, "results", &output_js(&results));
    js_sys::JSON::stringify_with_replacer_and_space(&value, &JsValue::NULL, &JsValue::from_f64(2.0))
        .ok()
        .and_then(|t| t.as_string())
        .ok_or_else(|| "could not write the JSON".to_string())
}

/// A scenario file's text, as Export writes it (`{scenario, threshold, results}`) or a bare object of input
/// keys, as a valid scenario: its keys over the defaults, all or nothing, refused with a reason as `compute()`
/// is; with the headline threshold the file carries, if any (`api_input::file_threshold`).
pub fn scenario_from_json(text: &str) -> Result<(Scenario, Option<f64>), String> {
    let value = js_sys::JSON::parse(text).map_err(|_| "it is not JSON".to_string())?;
    let inner = Reflect::get(&value, &JsValue::from_str("scenario")).ok().filter(|v| v.is_object());
    let pairs = read_pairs(inner.as_ref().unwrap_or(&value))?;
    let t = inner.as_ref().and_then(|_| Reflect::get(&value, &JsValue::from_str("threshold")).ok());
    let t = crate::api_input::file_threshold(t.filter(|t| !t.is_undefined()).map(|t| read_value(&t)).as_ref())?;
    Ok((scenario_from_pairs(&pairs, &Scenario::default()).map_err(|e| e.message())?, t))
}

/// Offers `text` as a file download: a Blob, an object URL and a temporary `<a download>`.
pub fn download_text(text: &str, mime: &str, filename: &str) -> Result<(), JsValue> {
    let parts = Array::of1(&JsValue::from_str(text));
    let opts = web_sys::BlobPropertyBag::new();
    opts.set_type(mime);
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &opts)?;
    let url = web_sys::Url::create_object_url_with_blob(&blob)?;
    let doc = document();
    let a: web_sys::HtmlAnchorElement = doc.create_element("a")?.dyn_into()?;
    a.set_href(&url);
    a.set_download(filename);
    a.set_attribute("hidden", "")?;
    let body = doc.body().ok_or_else(|| JsValue::from_str("no body"))?;
    body.append_child(&a)?;
    a.click();
    a.remove();
    // Revoke later: the download has to read the Blob first.
    timeout(
        move || {
            let _ = web_sys::Url::revoke_object_url(&url);
        },
        std::time::Duration::from_secs(30),
    );
    Ok(())
}

// ---- embed mode: host messaging ----

/// The version of the message protocol, in every message the frame posts (`protocol: 1`).
const PROTOCOL: f64 = 1.0;

/// The parent window when this page is inside a frame; `None` at the top level.
fn parent_window() -> Option<web_sys::Window> {
    let win = web_sys::window()?;
    let parent = win.parent().ok().flatten()?;
    (!Object::is(&parent, &win)).then_some(parent)
}

/// Whether this page is inside a frame (so not the visitor's own top-level page).
pub fn framed() -> bool {
    parent_window().is_some()
}

/// `{type, protocol: 1}`, for the frame's messages to its host.
fn message(kind: &str) -> Object {
    let m = Object::new();
    put(&m, "type", &JsValue::from_str(kind));
    put(&m, "protocol", &JsValue::from_f64(PROTOCOL));
    m
}

/// Posts `msg` to the parent, addressed to `target` (the `origin=` option, else `*`).
fn post(msg: &Object, target: &str) {
    if let Some(parent) = parent_window() {
        let _ = parent.post_message(msg, target);
    }
}

/// Posts `{type: "hashprice:height", height}` to the parent (addressed to `target`) when the content height
/// differs from the one posted last, so a resize that leaves the height alone sends nothing.
struct HeightReporter {
    target: String,
    last_px: Cell<f64>,
}

impl HeightReporter {
    fn report(&self) {
        let Some(root) = document().document_element() else { return };
        let height = root.get_bounding_client_rect().height().ceil();
        if !(height.is_finite() && height > 0.0) || self.last_px.get() == height {
            return;
        }
        self.last_px.set(height);
        let msg = message("hashprice:height");
        put(&msg, "height", &JsValue::from_f64(height));
        post(&msg, &self.target);
    }
}

/// Whether a `message` event's data is `{type: "hashprice:scenario", …}`.
fn is_scenario_message(data: &JsValue) -> bool {
    data.is_object()
        && Reflect::get(data, &JsValue::from_str("type")).ok().and_then(|t| t.as_string()).as_deref()
            == Some("hashprice:scenario")
}

/// Reads a `message` event's data: a scenario message, a malformed one, or something to ignore.
fn read_host_message(data: &JsValue) -> HostMessage {
    if !is_scenario_message(data) {
        return HostMessage::Ignored;
    }
    match Reflect::get(data, &JsValue::from_str("scenario")) {
        Ok(s) if s.is_object() => match read_pairs(&s) {
            Ok(pairs) => HostMessage::Scenario(pairs),
            Err(why) => HostMessage::Malformed(why),
        },
        _ => HostMessage::Malformed("the message needs a scenario object of input keys (see defaults())".into()),
    }
}

/// The scenario in force and the headline KPIs (those of the page's KPI strip, `null` for none), as the
/// `applied` and `results` messages carry them.
fn with_results(msg: &Object, s: &Scenario, r: Option<&Results>) {
    put(msg, "scenario", &scenario_js(s));
    let kpis = Object::new();
    for k in crate::page::IN_STRIP {
        let v = r.and_then(|r| output_value(&r.snapshot, &r.projection, &r.hpc, k).flatten());
        put(&kpis, k, &v.map_or(JsValue::NULL, JsValue::from_f64));
    }
    put(msg, "kpis", &kpis);
}

/// In embed mode: reports the content height to the parent (now and on every change), answers the parent's
/// scenario messages (`hashprice:applied` or `hashprice:error`) and posts `hashprice:results` once the
/// scenario settles after every change and every host scenario message. With `origin` (the `origin=` option) only
/// that origin's messages are obeyed (others get a console warning) and every message is addressed to it; without
/// it, the parent window's, whatever its origin. The page calls it once, in embed mode only; the API knows the
/// model and the codec, not the page.
///
/// `host` follows what the host put in force (its keys over what it set before), apart from the visitor's edits.
pub fn connect_embed_host(
    scenario: RwSignal<Scenario>,
    host: RwSignal<Scenario>,
    results: Memo<Option<Results>>,
    origin: Option<String>,
) {
    let Some(win) = web_sys::window() else { return };
    let target = origin.clone().unwrap_or_else(|| "*".to_string());

    let heights = std::rc::Rc::new(HeightReporter { target: target.clone(), last_px: Cell::new(-1.0) });
    let h = heights.clone();
    // The observer's entries (unread here), typed as `view::dom::watch_in_view`'s are, so the two callbacks
    // share one closure signature in the WASM and its glue.
    let on_resize = Closure::<dyn FnMut(Array)>::new(move |_entries: Array| h.report());
    if let Ok(observer) = web_sys::ResizeObserver::new(on_resize.as_ref().unchecked_ref()) {
        if let Some(root) = document().document_element() {
            observer.observe(&root);
        }
        if let Some(body) = document().body() {
            observer.observe(&body);
        }
        // Observes for the page's lifetime.
        std::mem::forget(observer);
    }
    on_resize.forget();
    // Once at start, after the first render; then read every second too: a frame scrolled out of view gets no
    // rendering updates and so no ResizeObserver callbacks, and its height would stay short (the risk charts
    // arrive after the start) until the visitor scrolls to it. Reading an unchanged height posts nothing.
    let h = heights.clone();
    timeout(move || h.report(), std::time::Duration::from_millis(0));
    set_interval(move || heights.report(), std::time::Duration::from_secs(1));

    // Counts the host's scenario messages: each is followed by results, even one that changed nothing.
    let host_sent = RwSignal::new(0u32);
    let t = target.clone();
    let mut warned = Vec::new();
    crate::view::dom::on(&win, crate::view::dom::Ev::Message, move |ev| {
        let Some(ev) = ev.dyn_ref::<web_sys::MessageEvent>() else { return };
        let from_parent = match (ev.source(), parent_window()) {
            (Some(src), Some(parent)) => Object::is(&src, &parent),
            _ => false,
        };
        if !from_parent {
            return;
        }
        let data = ev.data();
        if let Some(allowed) = origin.as_deref().filter(|o| *o != ev.origin()) {
            // Not obeyed and not answered, but said in the console, once per origin.
            if is_scenario_message(&data) {
                if let Some(text) = foreign_origin_warning(&mut warned, &ev.origin(), allowed) {
                    web_sys::console::warn_1(&JsValue::from_str(&text));
                }
            }
            return;
        }
        let current = scenario.get_untracked();
        let asked = read_host_message(&data);
        let reply = match apply_host_message(&asked, &current) {
            HostReply::Ignored => return,
            HostReply::Applied(next) => {
                // The host's own values: its keys over what it set before, not over the visitor's edits.
                if let HostReply::Applied(by_host) = apply_host_message(&asked, &host.get_untracked()) {
                    host.set(by_host);
                }
                if next != current {
                    scenario.set(next);
                }
                let msg = message("hashprice:applied");
                scenario.with_untracked(|s| results.with_untracked(|r| with_results(&msg, s, r.as_ref())));
                msg
            }
            HostReply::Refused { key, message: why } => {
                let msg = message("hashprice:error");
                put(&msg, "key", &key.as_deref().map_or(JsValue::NULL, JsValue::from_str));
                put(&msg, "message", &JsValue::from_str(&why));
                msg
            }
        };
        post(&reply, &t);
        host_sent.set(host_sent.get_untracked().wrapping_add(1));
    });

    // Tell the host it can send scenarios now (it may have posted one before this page listened).
    let ready = message("hashprice:ready");
    put(&ready, "version", &JsValue::from_str(env!("CARGO_PKG_VERSION")));
    post(&ready, &target);

    // The results once the scenario settles: at start, then after every change (a slider drag posts once) and
    // every host scenario message.
    let results_post = crate::view::dom::Debounce::new(std::time::Duration::from_millis(200));
    crate::view::dom::effect(move |_| {
        results.track();
        host_sent.track();
        let t = target.clone();
        results_post.schedule(move || {
            let msg = message("hashprice:results");
            scenario.with_untracked(|s| results.with_untracked(|r| with_results(&msg, s, r.as_ref())));
            post(&msg, &t);
        });
    });
}

// ---- benchmark hook (./scripts/bench.sh) ----

/// Runs the model `iterations` times on a bench scenario (`model::bench_sites`: 0 the defaults, 1 a six-group
/// site with debt, 2 a three-group site) with `horizon_months`, for timing from JS
/// (the glue module's `bench_model` export, built only with `--features bench`, never in the shipped page):
/// sections 1–4 and 7–9 (`evaluate`) or, with `risk`, sections 5–6 (`evaluate_risk`: Monte Carlo, tornado, heatmap). No JS conversion inside the loop. Returns a sum of
/// the results so the work cannot be optimised away; NaN for an invalid horizon or site.
#[cfg(feature = "bench")]
#[wasm_bindgen]
pub fn bench_model(risk: bool, horizon_months: f64, iterations: u32, site: u32) -> f64 {
    let Some(site) = crate::model::bench_sites::BenchSite::from_index(site) else { return f64::NAN };
    let s = site.scenario(horizon_months);
    let mut sum = 0.0;
    for _ in 0..iterations {
        let s = std::hint::black_box(&s);
        sum += if risk {
            match crate::model::evaluate_risk(s) {
                Ok(r) => r.risk.mc_npv_usd_p50,
                Err(_) => return f64::NAN,
            }
        } else {
            match crate::model::evaluate(s) {
                Ok(r) => r.projection.npv_usd,
                Err(_) => return f64::NAN,
            }
        };
    }
    sum
}
