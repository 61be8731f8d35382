//! The words of the charts' readouts, and the input wording they share with the tornado: pure, so DESIGN.md's
//! wording is tested natively.

use crate::chart::int_string;
use crate::components::kpi_defs::{show, Fmt};
use crate::fields::find;
use crate::format::{num, num_tick, pct, usd, Txt};
use crate::history::data::{date_words, group_thousands};
use crate::history::sats_per_th_day;
use crate::model::MAX_GROUPS;

/// What the readout says at one point of a chart. Worded only when the crosshair is there (formatting every
/// point on every input would be wasted work); see `words`.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Point {
    Cash { month: f64, cumulative: f64, capex: f64 },
    Hashprice { day: f64, hashprice: f64, curtailed: bool },
    /// A month's net cash, with the loan's payment and the balance after it while the loan runs.
    Monthly { month: f64, net: f64, debt_payment: f64, balance: f64 },
    /// The three choices' cumulative cash at a month; `None` once a choice's life has ended.
    Decision { month: f64, mine: Option<f64>, sell: f64, convert: Option<f64> },
    Fan { month: f64, p10: f64, p50: f64, p90: f64 },
    Tornado { key: &'static str, low: f64, npv_low: f64, high: f64, npv_high: f64 },
    Heat { btc: f64, hashrate_ehs: f64, npv: f64, this_scenario: bool },
    /// A difficulty epoch of the history chart (or, with `today`, the scenario): its estimated start, its
    /// first block, its hashvalue (BTC per PH/s per day) and, once prices are loaded, its USD hashprice (else NaN).
    Epoch { unix: i64, height: u64, hashvalue: f64, usd: f64, today: bool },
    /// A month of the site's running power by machine group (MW; NaN for a group not on the site); `kw`: said
    /// in kW (a site under 1 MW, as its axis).
    Merit { month: f64, mw: [f64; crate::model::MAX_GROUPS], kw: bool },
}

/// What the readout under a chart says at `p`.
pub fn words(p: &Point) -> String {
    match *p {
        Point::Cash { month, cumulative, capex } => {
            Txt::default().t("month ").s(num(month, 0)).t(": cumulative ").s(usd(cumulative)).t(" · capex ").s(usd(capex)).0
        }
        Point::Hashprice { day, hashprice, curtailed } => Txt::default()
            .t("day ")
            .s(num(day, 0))
            .t(": ")
            .s(show(Fmt::UsdPerPhDay, hashprice))
            .t(if curtailed { " (curtailed)" } else { "" })
            .0,
        Point::Monthly { month, net, debt_payment, balance } => {
            let t = Txt::default().t("month ").s(num(month, 0)).t(": ").s(usd(net));
            if debt_payment > 0.0 { t.t(" · debt payment ").s(usd(debt_payment)).t(" · loan balance ").s(usd(balance)) } else { t }.0
        }
        Point::Decision { month, mine, sell, convert } => {
            let mut t = Txt::default().t("month ").s(num(month, 0)).t(":");
            if let Some(v) = mine {
                t = t.t(" keep mining ").s(usd(v)).t(" ·");
            }
            t = t.t(" sell ").s(usd(sell));
            if let Some(v) = convert {
                t = t.t(" · convert ").s(usd(v));
            }
            t.0
        }
        Point::Fan { month, p10, p50, p90 } => Txt::default()
            .t("month ")
            .s(num(month, 0))
            .t(": P10 ")
            .s(usd(p10))
            .t(" · P50 ")
            .s(usd(p50))
            .t(" · P90 ")
            .s(usd(p90))
            .0,
        Point::Tornado { key, low, npv_low, high, npv_high } => Txt::default()
            .t(label_of(key))
            .t(" ")
            .s(input_value(key, low))
            .t(": NPV ")
            .s(usd(npv_low))
            .t(" · ")
            .s(input_value(key, high))
            .t(": NPV ")
            .s(usd(npv_high))
            .0,
        Point::Heat { btc, hashrate_ehs, npv, this_scenario } => Txt::default()
            .t("BTC ")
            .s(usd(btc))
            .t(" · ")
            .s(num_tick(hashrate_ehs))
            .t(" EH/s: NPV ")
            .s(usd(npv))
            .t(if this_scenario { " (this scenario)" } else { "" })
            .0,
        Point::Epoch { unix, height, hashvalue, usd, today } => {
            epoch_words(unix, height, hashvalue, usd, today)
        }
        Point::Merit { month, ref mw, kw } => month_words(month, mw, kw),
    }
}

/// The readout: "about 13 Jun 2026 (block 953,568): 0.000512 BTC per PH/s per day · 51.2 sats per TH/s per
/// day", or "this scenario (block 925,000): …".
/// Once prices are loaded, `usd` (the USD hashprice; NaN without a price) adds " · $45.20 per PH/s per day".
pub fn epoch_words(unix: i64, height: u64, hashvalue: f64, usd_ph_day: f64, today: bool) -> String {
    let t = if today { Txt::default().t("this scenario") } else { Txt::default().t("about ").s(date_words(unix)) };
    let t = t
        .t(" (block ")
        .s(group_thousands(height))
        .t("): ")
        .s(num_tick(hashvalue))
        .t(" BTC per PH/s per day · ")
        .s(num_tick(sats_per_th_day(hashvalue)))
        .t(" sats per TH/s per day");
    if usd_ph_day.is_finite() {
        t.t(" · ").s(usd(usd_ph_day)).t(" per PH/s per day").0
    } else {
        t.0
    }
}

/// A month's running power in words: "28.4 MW · group 1 12.0 · group 3 off" (the readout and the data table
/// say it; `mw` is NaN for a group not on the site); with `kw`, in kW ("5.3 kW"), as a small site's axis is.
#[inline(never)]
pub fn running_words(mw: &[f64; MAX_GROUPS], kw: bool) -> String {
    let k = if kw { 1000.0 } else { 1.0 };
    let total: f64 = mw.iter().filter(|v| !v.is_nan()).sum();
    let mut t = Txt::default().s(num(total * k, 1)).t(if kw { " kW" } else { " MW" });
    if mw.iter().filter(|v| !v.is_nan()).count() > 1 {
        for (g, &v) in mw.iter().enumerate().filter(|(_, v)| !v.is_nan()) {
            t = t.t(" · group ").s(int_string(g as i64 + 1)).t(" ");
            t = if v == 0.0 { t.t("off") } else { t.s(num(v * k, 1)) };
        }
    }
    t.0
}

/// The readout under the chart at a month: "month 10: 28.4 MW · group 1 12.0 · group 3 off".
pub fn month_words(month: f64, mw: &[f64; MAX_GROUPS], kw: bool) -> String {
    Txt::default().t("month ").s(num(month, 0)).t(": ").s(running_words(mw, kw)).0
}

/// An input's value with its unit, formatted as the KPIs are: "$76.00K", "$0.050/kWh", "1.5%/month".
pub fn input_value(key: &str, v: f64) -> String {
    let f = find(key);
    let decimals = f.map(|f| f.decimals).unwrap_or(2);
    let unit = f.map(|f| f.unit).unwrap_or("");
    let decimals = if v != 0.0 && v.abs() < 1.0 { decimals.max(3) } else { decimals };
    if unit == "USD/kWh" {
        show(Fmt::UsdKwh, v)
    } else if let Some(per) = unit.strip_prefix("USD") {
        usd(v) + per
    } else if let Some(rest) = unit.strip_prefix('%') {
        pct(v) + rest
    } else {
        [num(v, decimals).as_str(), " ", unit].concat()
    }
}

/// An input's label ("input" for a key the fields do not know).
pub fn label_of(key: &str) -> &'static str {
    find(key).map(|f| f.label).unwrap_or("input")
}

/// A label inside a sentence: "Machine price" → "machine price"; acronyms keep their case ("BTC price").
pub fn mid_sentence(label: &str) -> String {
    if label.as_bytes().get(1).is_some_and(u8::is_ascii_uppercase) {
        label.to_string()
    } else {
        crate::format::first_letter_case(label, false)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn readouts_name_their_point_with_units() {
        assert_eq!(words(&Point::Cash { month: 12.0, cumulative: -1_700_000.0, capex: 2_000_000.0 }), "month 12: cumulative −$1.70M · capex $2.00M");
        assert_eq!(words(&Point::Hashprice { day: 30.0, hashprice: 39.114, curtailed: true }), "day 30: $39.11/PH/day (curtailed)");
        assert_eq!(words(&Point::Monthly { month: 3.0, net: 1200.0, debt_payment: 0.0, balance: 0.0 }), "month 3: $1.20K");
        assert_eq!(
            words(&Point::Monthly { month: 3.0, net: -5.0, debt_payment: 900.0, balance: 20_000.0 }),
            "month 3: −$5.00 · debt payment $900.00 · loan balance $20.00K"
        );
        let d = |mine, convert| words(&Point::Decision { month: 40.0, mine, sell: -3e6, convert });
        assert_eq!(d(Some(-1.7e6), Some(-2.5e7)), "month 40: keep mining −$1.70M · sell −$3.00M · convert −$25.00M");
        assert_eq!(d(None, Some(1.2e8)), "month 40: sell −$3.00M · convert $120.00M", "mining ended at its horizon");
        assert_eq!(d(Some(5.0), None), "month 40: keep mining $5.00 · sell −$3.00M", "the lease ended");
        assert_eq!(
            words(&Point::Heat { btc: 95_000.0, hashrate_ehs: 1100.0, npv: 0.0, this_scenario: true }),
            "BTC $95.00K · 1,100 EH/s: NPV $0.00 (this scenario)"
        );
    }

    #[test]
    fn the_tornado_says_each_input_with_its_unit() {
        let t = words(&Point::Tornado { key: "btc_price_usd", low: 76_000.0, npv_low: -2e6, high: 114_000.0, npv_high: 1e6 });
        assert!(t.starts_with("BTC price $76.00K: NPV −$2.00M · $114.00K: NPV $1.00M"), "{t}");
        assert_eq!(mid_sentence("Machine price"), "machine price");
        assert_eq!(mid_sentence("BTC price"), "BTC price");
        assert_eq!(label_of("no_such_key"), "input");
    }
}
