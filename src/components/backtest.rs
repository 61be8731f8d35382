//! The backtest in the History card (issue 21): "a machine bought at the start of epoch E", a slider over the
//! shipped epochs. What it mined per TH/s since then, epoch by epoch along the real difficulty path at this
//! scenario's efficiency, uptime, pool fee and fee per block (`history::backtest`), against its power; with the
//! price history loaded, its power in BTC, its revenue in USD and the payback date, or "not paid back yet".
//! Words first, then a small table of the figures. Pure (markup and words tested natively, `backtest_tests.rs`);
//! `show` patches it in the page.

use crate::components::chart_words::input_value;
use crate::format::{num_tick, plain, usd, Txt};
use crate::history::data::{date_words, group_thousands};
use crate::history::{backtest, epochs, payback_words, Backtest, BacktestInput, Payback};
use crate::model::Scenario;
use crate::view::{Html, Slot};

/// The slider starts two years (52 epochs) before the table's last epoch.
pub const DEFAULT_EPOCHS_BACK: usize = 52;

pub fn default_start(n_epochs: usize) -> usize {
    n_epochs.saturating_sub(DEFAULT_EPOCHS_BACK + 1)
}

/// "about 10 Jun 2024 (block 842,688)": the slider's value in words.
pub fn start_words(k: usize) -> String {
    match epochs().get(k) {
        Some(e) => {
            Txt::default()
                .t("about ")
                .s(date_words(e.est_start_unix))
                .t(" (block ")
                .s(group_thousands(e.start_height))
                .t(")")
                .0
        }
        None => String::new(),
    }
}

/// The backtest of this scenario's machine bought at the start of epoch `k`; `prices` per epoch once loaded.
pub fn run(s: &Scenario, k: usize, prices: Option<&[Option<f64>]>) -> Option<Backtest> {
    backtest(epochs(), prices.unwrap_or(&[]), BacktestInput::from_scenario(s, k))
}

/// The sentence: what it mined and what its power cost; with prices, in USD and when it paid back.
pub fn words(b: &Backtest, loaded: bool) -> String {
    let i = &b.input;
    let t = Txt::default()
        .t("A machine bought ")
        .s(start_words(i.start_epoch))
        .t(", at this scenario's ")
        .s(input_value("machine_efficiency_jth", i.efficiency_jth))
        .t(", ")
        .s(input_value("uptime_pct", i.uptime_pct))
        .t(" uptime and ")
        .s(input_value("fees_btc_per_block", i.fees_btc_per_block))
        .t(" of fees a block, has mined ")
        .s(num_tick(b.total_btc_per_th))
        .t(" BTC per TH/s in ")
        .s(group_thousands(b.rows.len() as u64))
        .t(if b.rows.len() == 1 { " epoch" } else { " epochs" })
        .t(" since (after the pool fee), against ");
    if !loaded {
        return t
            .s(usd(b.total_power_usd_per_th))
            .t(" of power at ")
            .s(power_terms(i))
            .t(". Load the price history for its power cost in BTC and its payback.")
            .0;
    }
    let t = match b.total_power_btc_per_th {
        Some(btc) => t.s(num_tick(btc)).t(" BTC of power (").s(usd_power(b)).t(", each epoch's at its BTC price"),
        None => t.s(usd(b.total_power_usd_per_th)).t(" of power (in BTC unknown: an epoch has no price"),
    };
    let price = input_value("machine_price_usd_per_th", i.machine_price_usd_per_th);
    let t = match b.rows.last().and_then(|r| r.cum_net_usd_per_th) {
        Some(net) => t
            .t("). Sold as mined, it made ")
            .s(usd(net))
            .t(" per TH/s after power against its price of ")
            .s(price)
            .t(": "),
        None => t.t("). Against its price of ").s(price).t(", payback "),
    };
    t.s(payback_words(epochs(), b.payback)).t(".").0
}

/// "$12.34 at $0.050/kWh".
fn usd_power(b: &Backtest) -> String {
    Txt::default().s(usd(b.total_power_usd_per_th)).t(" at ").s(power_terms(&b.input)).0
}

/// "$0.050/kWh", or "$0.045/kWh and PUE 1.10" at a site with overhead.
fn power_terms(i: &BacktestInput) -> String {
    let price = input_value("power_price_usd_kwh", i.power_price_usd_kwh);
    if i.pue == 1.0 {
        return price;
    }
    Txt::default().s(price).t(" and PUE ").s(crate::format::num(i.pue, 2)).0
}

/// One line of the figures: its hook (`data-bt`), label, exact value (for `data-value`) and words.
#[derive(Debug)]
pub struct Figure {
    pub key: &'static str,
    pub label: &'static str,
    pub value: f64,
    pub text: String,
}

/// The figures per TH/s: BTC mined and power always; with prices, power in BTC, revenue, net and payback.
pub fn figures(b: &Backtest, loaded: bool) -> Vec<Figure> {
    let f = |key, label, value: f64, text| Figure { key, label, value, text };
    let days: f64 = b.rows.iter().map(|r| r.days).sum();
    let kwh: f64 = b.rows.iter().map(|r| r.power_kwh_per_th).sum();
    let mut out = vec![
        f("days", "Days (estimated)", days, crate::format::num(days, 0)),
        f("btc", "BTC mined", b.total_btc_per_th, num_tick(b.total_btc_per_th)),
        f("kwh", "Power, kWh", kwh, crate::format::num(kwh, 0)),
        f("power_usd", "Power, USD", b.total_power_usd_per_th, usd(b.total_power_usd_per_th)),
    ];
    if loaded {
        if let Some(btc) = b.total_power_btc_per_th {
            out.push(f("power_btc", "Power, BTC", btc, num_tick(btc)));
        }
        let revenue: Option<f64> = b.rows.iter().map(|r| r.revenue_usd_per_th).sum();
        if let Some(r) = revenue {
            out.push(f("revenue_usd", "Sold as mined, USD", r, usd(r)));
        }
        if let Some(net) = b.rows.last().and_then(|r| r.cum_net_usd_per_th) {
            out.push(f("net_usd", "Net of power, USD", net, usd(net)));
        }
        let (at, text) = match b.payback {
            Payback::Reached { est_unix, .. } => (est_unix as f64, date_words(est_unix)),
            _ => (f64::NAN, payback_words(epochs(), b.payback)),
        };
        out.push(f("payback", "Paid back", at, text));
    }
    out
}

/// The backtest's handles.
#[derive(Clone, Copy)]
pub struct BacktestSlots {
    pub slider: Slot,
    pub start: Slot,
    pub words: Slot,
    pub figures: Slot,
}

/// Writes the backtest at its default start, without prices.
pub fn markup(h: &mut Html, s: &Scenario) -> BacktestSlots {
    let n = epochs().len();
    let k = default_start(n);
    h.open("div", "class=\"backtest\" role=\"group\" aria-labelledby=\"backtest-h\"");
    h.raw("<h3 id=\"backtest-h\">Backtest: this machine bought at the start of an epoch</h3>");
    h.raw("<label for=\"backtest-epoch\">Bought at the start of the epoch from </label>");
    h.open("output", "for=\"backtest-epoch\" aria-live=\"off\" data-backtest-start=\"\"");
    let start = h.slot();
    h.text(&start_words(k)).close("output");
    h.open("input", "type=\"range\" id=\"backtest-epoch\" name=\"backtest-epoch\" min=\"0\" step=\"1\"");
    h.attr("max", &crate::chart::int_string(n.saturating_sub(1) as i64))
        .attr("value", &crate::chart::int_string(k as i64));
    h.attr("aria-valuetext", &start_words(k));
    let slider = h.slot();
    let b = run(s, k, None);
    h.open("p", "class=\"backtest-words\" data-backtest-words=\"\"");
    let words_slot = h.slot();
    h.text(&b.as_ref().map(|b| words(b, false)).unwrap_or_default()).close("p");
    h.open("table", "class=\"backtest-figures\"").raw("<caption>The backtest's figures, per TH/s of machine</caption>");
    h.open("tbody", "");
    let figures_slot = h.slot();
    figure_rows(h, &b.as_ref().map(|b| figures(b, false)).unwrap_or_default());
    h.close("tbody").close("table").close("div");
    BacktestSlots { slider, start, words: words_slot, figures: figures_slot }
}

/// The figures' rows: `<tr data-bt="btc" data-value="…"><th scope="row">BTC mined</th><td>…</td></tr>`.
pub fn figure_rows(h: &mut Html, figs: &[Figure]) {
    for f in figs {
        h.open("tr", "")
            .attr("data-bt", f.key)
            .attr("data-value", &if f.value.is_finite() { plain(f.value) } else { String::new() });
        h.el("th", "scope=\"row\"", f.label).el("td", "", &f.text).close("tr");
    }
}

/// The backtest in the page.
#[cfg(target_arch = "wasm32")]
pub struct Shown {
    start: web_sys::Element,
    words: web_sys::Element,
    figures: crate::view::dom::Region,
}

#[cfg(target_arch = "wasm32")]
impl Shown {
    pub fn new(dom: &crate::view::dom::Dom, b: BacktestSlots) -> Shown {
        let figures = crate::view::dom::Region::new(dom.el(b.figures));
        Shown { start: dom.el(b.start), words: dom.el(b.words), figures }
    }
}

/// Patches the backtest for the machine bought at epoch `k`.
#[cfg(target_arch = "wasm32")]
pub fn show(v: &Shown, slider: &web_sys::Element, s: &Scenario, k: usize, prices: Option<&[Option<f64>]>) {
    use crate::view::dom::{set_attr, set_text};
    let at = start_words(k);
    set_text(&v.start, &at);
    set_attr(slider, "aria-valuetext", &at);
    let Some(b) = run(s, k, prices) else { return };
    set_text(&v.words, &words(&b, prices.is_some()));
    let mut h = Html::new();
    figure_rows(&mut h, &figures(&b, prices.is_some()));
    v.figures.write(h);
}

#[cfg(test)]
#[path = "backtest_tests.rs"]
mod tests;
