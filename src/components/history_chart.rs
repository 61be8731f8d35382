//! The History card (issue 21): hashvalue (BTC per PH/s per day) of every difficulty epoch since 2009 on a log
//! axis, subsidy only (the fee line and column were left out to fit the page budget), the halvings marked and
//! today's scenario as a point (with its fees; "lowest since" adds the same fee to every epoch);
//! the words say where today sits ("the lowest since …", from `history::lowest_since_words`). Pure: the
//! geometry and the words are tested natively (`history_chart_tests.rs`).

use crate::chart::{line_path, px, Scale, Svg};
use crate::components::chart_parts::{x_range, x_tick_target, y_range, Axis, ChartData, Layer, Point, Projection, Readout, H};
use crate::components::chart_parts::axes;
use crate::format::{compact, num, num_tick, plain, Txt};
use crate::history::data::{date_words, group_thousands, unix_of_date};
use crate::history::{epochs, hashvalue_series, lowest_since_for, lowest_since_words, sats_per_th_day, today_hashvalue, Epoch, EPOCH_BLOCKS, HALVINGS};
use crate::math::log10;
use crate::model::{Results, Scenario};
#[cfg(target_arch = "wasm32")]
use crate::{
    app::Ctx,
    components::chart_frame::projection,
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

/// The readout: "about 13 Jun 2026 (block 953,568): 0.000512 BTC per PH/s per day · 51.2 sats per TH/s per
/// day", or "this scenario (block 925,000): …".
pub fn epoch_words(unix: i64, height: u64, hashvalue: f64, today: bool) -> String {
    let t = if today { Txt::default().t("this scenario") } else { Txt::default().t("about ").s(date_words(unix)) };
    t.t(" (block ")
        .s(group_thousands(height))
        .t("): ")
        .s(num_tick(hashvalue))
        .t(" BTC per PH/s per day · ")
        .s(num_tick(sats_per_th_day(hashvalue)))
        .t(" sats per TH/s per day")
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
    let all = epochs();
    let bare = hashvalue_series(all, 0.0);
    let (Some(first), Some(last)) = (all.first(), all.last()) else { return ChartData::default() };
    let height = if s.block_height.is_finite() && s.block_height > 0.0 { s.block_height as u64 } else { 0 };
    let today = today_hashvalue(s);
    let today_unix = height_unix(all, height).unwrap_or(last.est_start_unix);
    let t0 = first.est_start_unix as f64;
    let t1 = (last.est_start_unix as f64 + 1_209_600.0).max(today_unix as f64);
    let x = Scale::new((t0, t1), x_range(w));
    // Log axis: whole decades around every value drawn.
    let (mut lo, mut hi) = (f64::INFINITY, f64::NEG_INFINITY);
    for v in bare.iter().map(|v| v.hashvalue_btc_per_ph_day).chain([today]) {
        if v.is_finite() && v > 0.0 {
            lo = lo.min(v);
            hi = hi.max(v);
        }
    }
    if !(lo.is_finite() && hi.is_finite()) {
        (lo, hi) = (1e-4, 1e9);
    }
    let (d0, d1) = (log10(lo).floor(), log10(hi).ceil().max(log10(lo).floor() + 1.0));
    let y = Scale::new((d0, d1), y_range());
    let ylog = |v: f64| y.map(if v > 0.0 { log10(v) } else { d0 });
    let step = if d1 - d0 > 8.0 { 3 } else if d1 - d0 > 4.0 { 2 } else { 1 };
    let (k0, k1) = (d0 as i64, d1 as i64);
    let y_ticks: Vec<(i64, String)> =
        (k0..=k1).filter(|k| k.rem_euclid(step) == 0).map(|k| (px(y.map(k as f64)), power_label(k))).collect();
    // Years on x: every 2 or 4 years, whichever fits.
    let (y_first, y_last) = (crate::history::data::civil(first.est_start_unix).0 + 1, crate::history::data::civil(t1 as i64).0);
    let every = if x_tick_target(w) >= 6 { 2 } else { 4 };
    let x_ticks: Vec<(i64, String)> = (y_first..=y_last)
        .filter(|yr| yr % every == 0)
        .map(|yr| (px(x.map(unix_of_date(yr, 1, 1) as f64)), crate::chart::int_string(yr)))
        .collect();
    let mut svg = Svg::new();
    axes(
        &mut svg,
        w,
        &Axis { ticks: x_ticks, label: "estimated epoch start" },
        &Axis { ticks: y_ticks, label: "BTC per PH/s per day (log scale)" },
    );
    let ax = svg.take();
    // Halvings: dotted rules, labelled at the top (the line is high on the left, low on the right).
    let (x0, x1) = x_range(w);
    let (yb, yt) = (px(y_range().0), px(y_range().1));
    for (i, &(_, unix)) in HALVINGS.iter().enumerate().skip(1) {
        let hx = x.map(unix as f64);
        if hx < x0 || hx > x1 {
            continue;
        }
        svg.line("", px(hx), yb, px(hx), yt);
        // The year only where there is room for it (four labels in 300 px would run into each other).
        let label = if w < 500.0 {
            "halving".to_string()
        } else {
            ["halving ", &crate::chart::int_string(crate::history::data::civil(unix).0)].concat()
        };
        svg.text("", px(hx) - 3, yt + 12 + 14 * (i as i64 % 2), "end", &label);
    }
    let halvings = svg.take();
    let pts: Vec<(f64, f64)> =
        bare.iter().map(|v| (x.map(v.est_start_unix as f64), ylog(v.hashvalue_btc_per_ph_day))).collect();
    svg.path("line-history", &line_path(&pts));
    let line = svg.take();
    let (tx, ty) = (px(x.map(today_unix as f64)), px(ylog(today)));
    svg.circle("today-point", tx, ty, 5);
    svg.text("series-label", tx + 4, ty - 14, "end", "this scenario");
    let dot = svg.take();
    let mut points: Vec<Readout> = bare
        .iter()
        .map(|v| {
            let p = Point::Epoch { unix: v.est_start_unix, height: v.start_height, hashvalue: v.hashvalue_btc_per_ph_day, today: false };
            Readout::at(x.map(v.est_start_unix as f64), p)
        })
        .collect();
    let at = points.iter().position(|r| r.x_px > tx as f64).unwrap_or(points.len());
    points.insert(at, Readout::at(tx as f64, Point::Epoch { unix: today_unix, height, hashvalue: today, today: true }));
    let table = if with_table {
        bare.iter()
            .map(|v| crate::chart::Row {
                cells: vec![
                    ["about ", &date_words(v.est_start_unix)].concat(),
                    group_thousands(v.start_height),
                    compact(v.difficulty),
                    num_tick(v.hashvalue_btc_per_ph_day),
                    num(v.sats_per_th_day, 2),
                ],
                hook: None,
                data: vec![("data-height", crate::chart::int_string(v.start_height as i64)), ("data-hashvalue", plain(v.hashvalue_btc_per_ph_day))],
            })
            .collect()
    } else {
        Vec::new()
    };
    ChartData {
        layers: vec![
            Layer::new("axes", ax),
            Layer::new("rule halving", halvings),
            Layer::new("", line),
            Layer::new("", dot),
        ],
        points,
        table,
        desc: history_words(s),
        w,
        h: H,
        ..ChartData::default()
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

#[cfg(target_arch = "wasm32")]
pub fn section(c: Ctx, h: &mut Html) -> Bind {
    projection(c, h, &CARD, chart)
}

#[cfg(test)]
#[path = "history_chart_tests.rs"]
mod tests;
