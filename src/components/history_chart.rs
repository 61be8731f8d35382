//! The History card (issue 21): hashvalue (BTC per PH/s per day) of every difficulty epoch since 2009 on a log
//! axis, subsidy only (the fee line and column were left out to fit the page budget), the halvings marked and
//! today's scenario as a point (with its fees; "lowest since" adds the same fee to every epoch);
//! the words say where today sits ("the lowest since …", from `history::lowest_since_words`). Pure: the
//! geometry and the words are tested natively (`history_chart_tests.rs`).
//!
//! "Load price history" (on click only) fetches mempool.space's BTC price history: the chart then draws USD
//! hashprice per epoch on the same log axis (a dashed line), the table gains a USD column and the words the
//! USD "lowest since"; the backtest below the chart (`backtest.rs`) gains its USD figures and payback.

use crate::chart::{line_path, px, Scale, Svg};
use crate::components::chart_parts::axes;
use crate::components::chart_parts::{
    x_range, x_tick_target, y_range, Axis, ChartData, Layer, Projection, Readout, H,
};
use crate::components::chart_words::Point;
use crate::format::{compact, num, num_tick, plain, usd, usd_whole, Txt};
use crate::history::data::{date_words, group_thousands, unix_of_date};
use crate::history::{
    epochs, hashprice_series, hashvalue_series, lowest_hashprice_since, lowest_since_for, lowest_since_words,
    sats_per_th_day, today_hashvalue, Epoch, EpochValue, EPOCH_BLOCKS, HALVINGS,
};
use crate::math::log10;
use crate::model::{Results, Scenario};
#[cfg(target_arch = "wasm32")]
use crate::{
    ctx::Ctx,
    view::{dom::Bind, Html},
};

/// "10⁻³", "1", "10⁶": a power of ten for the log axis, short enough for the left margin.
pub fn power_label(k: i64) -> String {
    if k == 0 {
        return "1".into();
    }
    const SUP: [&str; 10] = ["⁰", "¹", "²", "³", "⁴", "⁵", "⁶", "⁷", "⁸", "⁹"];
    let mut s = String::from(if k < 0 { "10⁻" } else { "10" });
    for d in crate::chart::int_string(k.abs()).bytes() {
        s.push_str(SUP[(d - b'0') as usize]);
    }
    s
}

/// The estimated time of a block height: within the table, its epoch's start plus its share of the epoch;
/// past the table's last epoch, 600 s a block from that epoch's start.
pub fn height_unix(epochs: &[Epoch], height: u64) -> Option<i64> {
    let k = (height / EPOCH_BLOCKS) as usize;
    let e = epochs.get(k).or(epochs.last())?;
    let within = height.saturating_sub(e.start_height) as f64;
    let span = match epochs.get(e.index + 1) {
        Some(n) => (n.est_start_unix - e.est_start_unix) as f64 / EPOCH_BLOCKS as f64,
        None => 600.0,
    };
    Some(e.est_start_unix + (within * span).round() as i64)
}

/// The words the loaded prices add: where today's USD hashprice (the scenario's BTC price) sits against every
/// epoch with a price (with the scenario's fee per block added to each, as for hashvalue).
pub fn price_words(s: &Scenario, prices: &[Option<f64>]) -> String {
    let (_, values) = lowest_since_for(s, epochs());
    let hashprices = hashprice_series(&values, prices);
    let height = if s.block_height.is_finite() && s.block_height > 0.0 { s.block_height as u64 } else { 0 };
    let today = today_hashvalue(s) * s.btc_price_usd;
    let low = lowest_hashprice_since(&values, &hashprices, height, today);
    Txt::default()
        .s(lowest_since_words(&values, low, "hashprice in USD"))
        .t(" This scenario: ")
        .s(usd(today))
        .t(" per PH/s per day at ")
        .s(usd_whole(s.btc_price_usd))
        .t(" a BTC.")
        .0
}

/// The words under the chart: where today's hashvalue sits, and today's value in both units.
pub fn history_words(s: &Scenario) -> String {
    let (low, values) = lowest_since_for(s, epochs());
    let today = today_hashvalue(s);
    Txt::default()
        .s(lowest_since_words(&values, low, "hashvalue"))
        .t(" This scenario: ")
        .s(num_tick(sats_per_th_day(today)))
        .t(" sats per TH/s per day, ")
        .s(num_tick(today))
        .t(" BTC per PH/s per day.")
        .0
}

pub fn chart(s: &Scenario, _r: &Results, w: f64, with_table: bool) -> ChartData {
    chart_with(s, w, with_table, None, false)
}

/// The chart, with USD hashprice per epoch once `prices` (per epoch, from `history::epoch_prices`) are loaded;
/// with `fees`, every epoch is credited this scenario's fees per block on top of its subsidy (the data has none).
pub fn chart_with(s: &Scenario, w: f64, with_table: bool, prices: Option<&[Option<f64>]>, fees: bool) -> ChartData {
    let Some(series) = series(s, prices, fees) else { return ChartData::default() };
    let f = frame(&series, w);
    // One builder for every layer: each part draws its layer and takes the nodes.
    let mut svg = Svg::new();
    ChartData {
        layers: vec![
            axes_layer(&mut svg, &f, series.priced),
            halvings_layer(&mut svg, &f),
            hashvalue_layer(&mut svg, &series, &f),
            today_layer(&mut svg, &series.today, &f),
            usd_layer(&mut svg, &series, &f),
        ],
        points: readouts(&series, &f),
        table: if with_table { table_rows(&series) } else { Vec::new() },
        desc: description(s, prices),
        w,
        h: H,
        ..ChartData::default()
    }
}

/// This scenario as the chart's point: its block height, the date that height is estimated at, its hashvalue
/// (with its fees) and its USD hashprice at the scenario's BTC price (NaN before prices are loaded).
struct Today {
    height: u64,
    unix: i64,
    hashvalue: f64,
    usd: f64,
}

/// The numbers the chart's parts draw, computed once so the line, the readout and the table agree.
struct Series {
    /// Every epoch's hashvalue, with this scenario's fee per block credited when the fee option is on.
    values: Vec<EpochValue>,
    /// Whether prices are loaded: the USD line, dot, axis title and table column are drawn only then.
    priced: bool,
    /// USD hashprice per epoch (`None` for an epoch without a price); empty until prices are loaded.
    usd: Vec<Option<f64>>,
    today: Today,
    /// The estimated starts of the table's first and last epochs: the x axis runs from the one to past the other.
    first_unix: i64,
    last_unix: i64,
}

impl Series {
    /// Epoch `k`'s USD hashprice; NaN without one, which the readout and the table leave out.
    fn usd_at(&self, k: usize) -> f64 {
        self.usd.get(k).copied().flatten().unwrap_or(f64::NAN)
    }
}

/// The series from the epoch table, the scenario and the prices if loaded; `None` without epochs to draw.
fn series(s: &Scenario, prices: Option<&[Option<f64>]>, fees: bool) -> Option<Series> {
    let all = epochs();
    let (first, last) = (all.first()?, all.last()?);
    let fee = if fees && s.fees_btc_per_block.is_finite() { s.fees_btc_per_block.max(0.0) } else { 0.0 };
    let values = hashvalue_series(all, fee);
    let usd = prices.map(|p| hashprice_series(&values, p)).unwrap_or_default();
    let height = if s.block_height.is_finite() && s.block_height > 0.0 { s.block_height as u64 } else { 0 };
    let hashvalue = today_hashvalue(s);
    let today = Today {
        height,
        unix: height_unix(all, height).unwrap_or(last.est_start_unix),
        hashvalue,
        usd: if prices.is_some() { hashvalue * s.btc_price_usd } else { f64::NAN },
    };
    let (first_unix, last_unix) = (first.est_start_unix, last.est_start_unix);
    Some(Series { values, priced: prices.is_some(), usd, today, first_unix, last_unix })
}

/// The powers of ten at the log axis's bottom and top (whole numbers: the axis spans whole decades).
struct Decades {
    low: f64,
    high: f64,
}

/// Where things go at width `w`: time on x, whole decades on y, and the calendar years the x axis labels.
struct Frame {
    w: f64,
    x: Scale,
    y: Scale,
    decades: Decades,
    first_year: i64,
    last_year: i64,
}

impl Frame {
    /// An estimated date's position on the x axis (unrounded, as the readout keeps it).
    fn x_of(&self, unix: i64) -> f64 {
        self.x.map(unix as f64)
    }

    /// A value's height on the log axis; a value of zero or below sits on the bottom decade.
    fn y_of(&self, v: f64) -> f64 {
        self.y.map(if v > 0.0 { log10(v) } else { self.decades.low })
    }
}

/// The frame around the series: x from the first epoch to two weeks past the last (or to today, if later).
fn frame(series: &Series, w: f64) -> Frame {
    let t0 = series.first_unix as f64;
    let t1 = (series.last_unix as f64 + 1_209_600.0).max(series.today.unix as f64);
    let decades = decades(series);
    Frame {
        w,
        x: Scale::new((t0, t1), x_range(w)),
        y: Scale::new((decades.low, decades.high), y_range()),
        decades,
        first_year: crate::history::data::civil(series.first_unix).0 + 1,
        last_year: crate::history::data::civil(t1 as i64).0,
    }
}

/// Log axis: whole decades around every value drawn (10⁻⁴ to 10⁹ when none is a finite positive number).
fn decades(series: &Series) -> Decades {
    let (mut lo, mut hi) = (f64::INFINITY, f64::NEG_INFINITY);
    for v in series
        .values
        .iter()
        .map(|v| v.hashvalue_btc_per_ph_day)
        .chain(series.usd.iter().flatten().copied())
        .chain([series.today.hashvalue, series.today.usd])
    {
        if v.is_finite() && v > 0.0 {
            lo = lo.min(v);
            hi = hi.max(v);
        }
    }
    if !(lo.is_finite() && hi.is_finite()) {
        (lo, hi) = (1e-4, 1e9);
    }
    let low = log10(lo).floor();
    Decades { low, high: log10(hi).ceil().max(low + 1.0) }
}

/// The y ticks: every power of ten, or every second or third one when the axis spans more than 4 or 8 decades.
fn decade_ticks(f: &Frame) -> Vec<(i64, String)> {
    let span = f.decades.high - f.decades.low;
    let step = if span > 8.0 {
        3
    } else if span > 4.0 {
        2
    } else {
        1
    };
    (f.decades.low as i64..=f.decades.high as i64)
        .filter(|k| k.rem_euclid(step) == 0)
        .map(|k| (px(f.y.map(k as f64)), power_label(k)))
        .collect()
}

/// The x ticks: years on x, every 2 or 4 years, whichever fits.
fn year_ticks(f: &Frame) -> Vec<(i64, String)> {
    let every = if x_tick_target(f.w) >= 6 { 2 } else { 4 };
    (f.first_year..=f.last_year)
        .filter(|yr| yr % every == 0)
        .map(|yr| (px(f.x.map(unix_of_date(yr, 1, 1) as f64)), crate::chart::int_string(yr)))
        .collect()
}

/// The axes, their ticks and titles; the y title names USD too once prices are loaded.
fn axes_layer(svg: &mut Svg, f: &Frame, priced: bool) -> Layer {
    let y_label = if priced { "BTC or USD per PH/s per day (log scale)" } else { "BTC per PH/s per day (log scale)" };
    axes(
        svg,
        f.w,
        &Axis { ticks: year_ticks(f), label: "estimated epoch start" },
        &Axis { ticks: decade_ticks(f), label: y_label },
    );
    Layer::new("axes", svg.take())
}

/// Halvings: dotted rules, labelled at the top (the line is high on the left, low on the right).
fn halvings_layer(svg: &mut Svg, f: &Frame) -> Layer {
    let (x0, x1) = x_range(f.w);
    let (yb, yt) = (px(y_range().0), px(y_range().1));
    for (i, &(_, unix)) in HALVINGS.iter().enumerate().skip(1) {
        let hx = f.x_of(unix);
        if hx < x0 || hx > x1 {
            continue;
        }
        svg.line("", px(hx), yb, px(hx), yt);
        // The year only where there is room for it (four labels in 300 px would run into each other).
        let label = if f.w < 500.0 {
            "halving".to_string()
        } else {
            ["halving ", &crate::chart::int_string(crate::history::data::civil(unix).0)].concat()
        };
        svg.text("", px(hx) - 3, yt + 12 + 14 * (i as i64 % 2), "end", &label);
    }
    Layer::new("rule halving", svg.take())
}

/// The hashvalue line, one point per epoch at its estimated start.
fn hashvalue_layer(svg: &mut Svg, series: &Series, f: &Frame) -> Layer {
    let pts: Vec<(f64, f64)> =
        series.values.iter().map(|v| (f.x_of(v.est_start_unix), f.y_of(v.hashvalue_btc_per_ph_day))).collect();
    svg.path("line-history", &line_path(&pts));
    Layer::new("", svg.take())
}

/// This scenario's hashvalue as a labelled dot at its date.
fn today_layer(svg: &mut Svg, today: &Today, f: &Frame) -> Layer {
    let (tx, ty) = (px(f.x_of(today.unix)), px(f.y_of(today.hashvalue)));
    svg.circle("today-point", tx, ty, 5);
    svg.text("series-label", tx + 4, ty - 14, "end", "this scenario");
    Layer::new("", svg.take())
}

/// USD: dashed, on the same log axis (the gap between the lines is the BTC price), from the first epoch with a
/// price, and this scenario's USD dot; empty before a load.
fn usd_layer(svg: &mut Svg, series: &Series, f: &Frame) -> Layer {
    let usd_pts: Vec<(f64, f64)> = series
        .values
        .iter()
        .zip(&series.usd)
        .filter_map(|(v, u)| Some((f.x_of(v.est_start_unix), f.y_of((*u)?))))
        .collect();
    if let Some(&(ux, uy)) = usd_pts.last() {
        svg.path("line-usd", &line_path(&usd_pts));
        // Under the line's right end, in the room between the two lines (the halving labels are at the top).
        svg.text("series-label", px(ux) - 4, px(uy) + 20, "end", "USD");
        svg.circle("today-point", px(f.x_of(series.today.unix)), px(f.y_of(series.today.usd)), 4);
    }
    Layer::new("usd", svg.take())
}

/// The crosshair's stops: every epoch at its start, and this scenario at its dot, in x order among them.
fn readouts(series: &Series, f: &Frame) -> Vec<Readout> {
    let mut points: Vec<Readout> = series
        .values
        .iter()
        .map(|v| {
            let (unix, height, hashvalue) = (v.est_start_unix, v.start_height, v.hashvalue_btc_per_ph_day);
            let p = Point::Epoch { unix, height, hashvalue, usd: series.usd_at(v.epoch), today: false };
            Readout::at(f.x_of(unix), p)
        })
        .collect();
    let t = &series.today;
    let tx = px(f.x_of(t.unix)) as f64;
    let at = points.iter().position(|r| r.x_px > tx).unwrap_or(points.len());
    let p = Point::Epoch { unix: t.unix, height: t.height, hashvalue: t.hashvalue, usd: t.usd, today: true };
    points.insert(at, Readout::at(tx, p));
    points
}

/// The data table's body, a row per epoch with its hooks for tests; the USD column once prices are loaded.
fn table_rows(series: &Series) -> Vec<crate::chart::Row> {
    series
        .values
        .iter()
        .map(|v| {
            let mut cells = vec![
                ["about ", &date_words(v.est_start_unix)].concat(),
                group_thousands(v.start_height),
                compact(v.difficulty),
                num_tick(v.hashvalue_btc_per_ph_day),
                num(v.sats_per_th_day, 2),
            ];
            let mut data = vec![
                ("data-height", crate::chart::int_string(v.start_height as i64)),
                ("data-hashvalue", plain(v.hashvalue_btc_per_ph_day)),
            ];
            if series.priced {
                let u = series.usd_at(v.epoch);
                cells.push(if u.is_finite() { usd(u) } else { "no price".into() });
                if u.is_finite() {
                    data.push(("data-hashprice-usd", plain(u)));
                }
            }
            crate::chart::Row { cells, hook: None, data }
        })
        .collect()
}

/// The words under the chart: the hashvalue's "lowest since", then the USD one once prices are loaded.
fn description(s: &Scenario, prices: Option<&[Option<f64>]>) -> String {
    match prices {
        Some(p) => Txt::default().s(history_words(s)).t(" ").s(price_words(s, p)).0,
        None => history_words(s),
    }
}

pub const CARD: Projection = Projection {
    id: "history",
    chart_id: "history-chart",
    heading: "History: hashvalue per difficulty epoch since 2009",
    title: "Hashvalue per difficulty epoch since 2009, BTC per PH/s per day, log scale",
    caption: "Hashvalue per difficulty epoch (subsidy only; dates estimated)",
    headers: &[
        "Epoch start (estimated)",
        "First block",
        "Difficulty",
        "BTC per PH/s per day, subsidy only",
        "sats per TH/s per day, subsidy only",
    ],
    swatch: "Subsidy only (the data has no fees); the dot is this scenario, with its fees. ",
};

/// The table's headers: what the hashvalue columns count (the subsidy, or the subsidy and this scenario's fees),
/// and the USD column once prices are loaded.
pub fn headers(usd: bool, fees: bool) -> Vec<String> {
    let basis = if fees { ", subsidy and this scenario's fees" } else { ", subsidy only" };
    let mut out: Vec<String> = CARD.headers[..3].iter().map(|h| h.to_string()).collect();
    out.push(["BTC per PH/s per day", basis].concat());
    out.push(["sats per TH/s per day", basis].concat());
    if usd {
        out.push(["USD per PH/s per day", basis, ", at the epoch's mean BTC price"].concat());
    }
    out
}

/// The price loader's handles: the button, its badge, status and error lines, and the legend shown once loaded.
#[derive(Clone, Copy)]
pub struct LoaderSlots {
    pub button: crate::view::Slot,
    pub badge: crate::view::Slot,
    pub status: crate::view::Slot,
    pub error: crate::view::Slot,
    pub legend: crate::view::Slot,
    pub fees: crate::view::Slot,
}

/// Writes the "Load price history" button with its (hidden) badge and legend, status line and error line. An embed
/// asks mempool.space nothing unless its host says so (`live=1`, `PageOptions::live`): without `network`, the
/// button is hidden.
pub fn loader_markup(h: &mut crate::view::Html, network: bool) -> LoaderSlots {
    h.open("p", "class=\"chart-note\" hidden");
    let legend = h.slot();
    h.raw("<span class=\"key\"></span>BTC per PH/s per day <span class=\"key key-usd\"></span>USD per PH/s per day (dashed)</p>");
    h.open("div", "class=\"live-actions\"").flag("hidden", !network)
        .open("button", "type=\"button\" data-history-prices=\"\" aria-busy=\"false\"");
    h.attr("title", "Fetch the BTC price history from mempool.space to show hashprice in USD");
    let button = h.slot();
    h.text(LOAD).close("button").open("span", "class=\"live-badge\" data-prices-badge=\"\" hidden");
    let badge = h.slot();
    h.close("span").close("div");
    let status = crate::view::parts::status_line(h, Some("data-prices-status"));
    h.open("p", "class=\"live-error\" role=\"alert\" data-prices-error=\"\"");
    let error = h.slot();
    h.close("p");
    h.open("label", "class=\"history-fees\"").open("input", "type=\"checkbox\"");
    let fees = h.slot();
    h.text(FEES).close("label");
    LoaderSlots { button, badge, status, error, legend, fees }
}

pub const LOAD: &str = "Load price history";

/// The fee option's label: the data holds difficulty only, so fees are this scenario's, the same every epoch.
pub const FEES: &str = " Add this scenario's fees per block to every epoch (the history has the subsidy only)";

/// The status after a load: "Loaded 5,000 BTC prices from mempool.space, about 17 Jul 2010 to 6 Dec 2026."
pub fn loaded_words(h: &crate::history::PriceHistory) -> String {
    let (Some(a), Some(b)) = (h.points.first(), h.points.last()) else { return String::new() };
    let t = Txt::default().t("Loaded ").s(group_thousands(h.points.len() as u64));
    let t = if h.points.len() == 1 {
        t.t(" BTC price from mempool.space, about ").s(date_words(a.unix))
    } else {
        t.t(" BTC prices from mempool.space, about ").s(date_words(a.unix)).t(" to ").s(date_words(b.unix))
    };
    t.t(": hashprice in USD per epoch is drawn, and the backtest is in USD.").0
}

#[cfg(target_arch = "wasm32")]
pub fn section(c: Ctx, h: &mut Html) -> Bind {
    use leptos::prelude::*;
    let first = c.drawn.with_untracked(|s| chart_with(s, c.chart_w.get_untracked(), false, None, false));
    let p = &CARD;
    h.open("section", "class=\"card chart-card\" id=\"history\" aria-labelledby=\"history-h\"");
    h.open("h2", "id=\"history-h\"").text(p.heading).close("h2");
    let slots = crate::components::chart_parts::chart(h, p.chart_id, p.title, &first).note(h, p.swatch, &first.desc);
    let loader = loader_markup(h, c.page.with_value(|p| p.live));
    let slots = slots.table(h, p.caption, p.caption, p.headers);
    let bt = c.drawn.with_untracked(|s| crate::components::backtest::markup(h, s));
    h.close("section");
    Box::new(move |dom| live::bind(c, dom, slots, first, loader, bt))
}

/// The card in the page: the chart kept current, the price loader and the backtest.
#[cfg(target_arch = "wasm32")]
mod live {
    use super::*;
    use crate::components::backtest::{self, BacktestSlots};
    use crate::components::chart_frame::{Chart, ChartSlots};
    use crate::history::prices::failure_message;
    use crate::state::live::{Failure, COOLDOWN_MS};
    use crate::history::prices::{prices_not_a_list, validate_prices, Field, MAX_BODY_BYTES};
    use crate::history::{epoch_prices, epochs, price_history_message, PriceHistory, PRICE_HISTORY_PATH};
    use crate::view::dom::{effect, on, set_attr, set_opt_attr, set_text, timeout, Dom, Ev};
    use js_sys::{Array, Reflect, JSON};
    use leptos::prelude::*;
    use std::cell::{Cell, RefCell};
    use std::rc::Rc;
    use wasm_bindgen::{JsCast, JsValue};
    use web_sys::{Element, HtmlInputElement};

    struct Hist {
        c: Ctx,
        chart: Rc<Chart>,
        /// Per epoch, once loaded (never changed by a failed load).
        prices: RefCell<Option<Vec<Option<f64>>>>,
        /// The button is off: loading, or sitting out the minute after a 429 ([`Hist::set_off`]).
        off: Cell<bool>,
        button: Element,
        badge: Element,
        status: Element,
        error: Element,
        legend: Element,
        fees: HtmlInputElement,
        slider: HtmlInputElement,
        bt: backtest::Shown,
    }

    impl Hist {
        /// Turns the button off or on. Off is `aria-disabled`, not `disabled`: a disabled button drops the
        /// keyboard focus to the page's start; `load` ignores its clicks meanwhile.
        fn set_off(&self, off: bool) {
            self.off.set(off);
            set_opt_attr(&self.button, "aria-disabled", off.then_some("true"));
        }

        fn start(&self) -> usize {
            (self.slider.value_as_number() as usize).min(epochs().len().saturating_sub(1))
        }

        /// The chart, its table's header and the backtest, from the scenario and the prices.
        fn redraw(&self) {
            let p = self.prices.borrow();
            let w = self.c.chart_w.get_untracked();
            let fees = self.fees.checked();
            let d = self.c.drawn.with_untracked(|s| chart_with(s, w, self.chart.table_open(), p.as_deref(), fees));
            self.chart.set_head(headers(p.is_some(), fees));
            self.chart.update(d);
            self.backtest();
        }

        fn backtest(&self) {
            let p = self.prices.borrow();
            self.c.drawn.with_untracked(|s| backtest::show(&self.bt, &self.slider, s, self.start(), p.as_deref()));
        }
    }

    pub fn bind(c: Ctx, dom: &Dom, slots: ChartSlots, first: ChartData, l: LoaderSlots, b: BacktestSlots) {
        let hist = Rc::new(Hist {
            c,
            chart: Chart::new(dom, slots, first),
            prices: RefCell::new(None),
            off: Cell::new(false),
            button: dom.el(l.button),
            badge: dom.el(l.badge),
            status: dom.el(l.status),
            error: dom.el(l.error),
            legend: dom.el(l.legend),
            fees: dom.input(l.fees),
            slider: dom.input(b.slider),
            bt: backtest::Shown::new(dom, b),
        });
        let h = hist.clone();
        effect(move |_| {
            c.drawn.track();
            c.chart_w.track();
            h.redraw();
        });
        if let Some(details) = hist.chart.details().cloned() {
            let h = hist.clone();
            on(&details, Ev::Toggle, move |_| h.redraw());
        }
        let h = hist.clone();
        on(&hist.fees, Ev::Change, move |_| h.redraw());
        let h = hist.clone();
        on(&hist.slider, Ev::Input, move |_| h.backtest());
        let h = hist.clone();
        on(&hist.button, Ev::Click, move |_| load(h.clone()));
    }

    /// The response read with the browser's `JSON.parse` (as strict as RFC 8259), then every entry checked by
    /// `history::prices::validate_prices`, as `parse_price_history` does natively.
    fn read_prices(body: &str) -> Result<PriceHistory, String> {
        if body.len() > MAX_BODY_BYTES {
            return Err("the response is too large".into());
        }
        let root = JSON::parse(body).map_err(|_| "malformed JSON in the response".to_string())?;
        if !root.is_object() || Array::is_array(&root) {
            return Err("the response is not a JSON object".into());
        }
        let get = |v: &JsValue, key: &str| Reflect::get(v, &JsValue::from_str(key)).unwrap_or(JsValue::UNDEFINED);
        let prices = get(&root, "prices");
        if prices.is_undefined() {
            return Err("prices is missing".into());
        }
        if !Array::is_array(&prices) {
            return Err(prices_not_a_list(kind(&prices)));
        }
        let field = |v: JsValue| match v.as_f64() {
            _ if v.is_undefined() => Field::Missing,
            Some(x) => Field::Number(x),
            None => Field::Other(kind(&v)),
        };
        validate_prices(prices.unchecked_into::<Array>().iter().map(|item| {
            if item.is_object() && !Array::is_array(&item) {
                Ok((field(get(&item, "time")), field(get(&item, "USD"))))
            } else {
                Err(kind(&item))
            }
        }))
    }

    /// A JSON value's type, in the words the native reader uses.
    fn kind(v: &JsValue) -> &'static str {
        use crate::history::prices::Kind;
        if v.is_null() {
            Kind::Null
        } else if v.as_bool().is_some() {
            Kind::Bool
        } else if v.as_f64().is_some() {
            Kind::Number
        } else if v.is_string() {
            Kind::Text
        } else if Array::is_array(v) {
            Kind::List
        } else {
            Kind::Object
        }
        .words()
    }

    /// The button: one GET, every value validated; on success the prices are drawn, on failure nothing changes.
    /// While it loads, once loaded and for the minute after a 429 the button is off ([`Hist::set_off`]).
    fn load(h: Rc<Hist>) {
        if h.off.get() || h.prices.borrow().is_some() {
            return;
        }
        set_text(&h.button, "Loading price history…");
        set_attr(&h.button, "aria-busy", "true");
        h.set_off(true);
        set_text(&h.status, "Asking mempool.space…");
        set_text(&h.error, "");
        leptos::task::spawn_local(async move {
            let mut rate_limited = false;
            let out = match crate::live::fetch_text(PRICE_HISTORY_PATH).await {
                Ok(body) => read_prices(&body).map_err(|e| price_history_message(&e)),
                Err(f) => {
                    rate_limited = f == Failure::RateLimited;
                    Err(failure_message(&f))
                }
            };
            set_attr(&h.button, "aria-busy", "false");
            match out {
                Ok(history) => {
                    *h.prices.borrow_mut() = Some(epoch_prices(epochs(), &history));
                    set_text(&h.button, "Price history loaded");
                    let at = crate::live::now_label().unwrap_or_default();
                    set_text(&h.badge, &["mempool.space · ", at.as_str()].concat());
                    set_opt_attr(&h.badge, "hidden", None);
                    set_opt_attr(&h.legend, "hidden", None);
                    set_text(&h.status, &loaded_words(&history));
                    h.redraw();
                }
                Err(m) => {
                    set_text(&h.button, LOAD);
                    set_text(&h.status, "");
                    set_text(&h.error, &m);
                    // After a 429 the button sits out the minute the message asks for, as the live-data one does.
                    let h = h.clone();
                    let enable = move || h.set_off(false);
                    if rate_limited {
                        timeout(enable, std::time::Duration::from_millis(COOLDOWN_MS as u64));
                    } else {
                        enable();
                    }
                }
            }
        });
    }
}

#[cfg(test)]
#[path = "history_chart_tests.rs"]
mod tests;
