//! The headline check: where hashprice crosses a threshold (the article's $35), in BTC price and in
//! network hashrate, said calmly next to what the article's own figures give.
//!
//! An island (see `crate::dom`): markup once, then the sentence and `data-below` are patched in place;
//! the threshold field's `input` is delegated to the island root. The threshold is `Ctx::threshold`, so a link
//! carries it (`threshold=40`).

use crate::app::Ctx;
use crate::components::kpi_defs::{show, Fmt};
use crate::dom::{find, on, set_attr, set_text, target, target_value, Section};
use crate::format::{num, plain, usd_whole, Txt};
use crate::model::Scenario;
use crate::state::insights::{headline, Headline};
use crate::state::query::parse_threshold;
use leptos::prelude::*;
use web_sys::Element;

fn below_attr(h: &Headline) -> &'static str {
    if h.below {
        "true"
    } else {
        "false"
    }
}

/// Network hashrate in EH/s as the inputs give it; below 1 EH/s scaled (PH/s, TH/s), so it never reads "0 EH/s".
fn ehs(x: f64) -> String {
    if x >= 1.0 {
        num(x, 0) + " EH/s"
    } else {
        show(Fmt::Ths, x * 1e6)
    }
}

fn sentence(h: &Headline, s: &Scenario) -> String {
    let t = show(Fmt::Usd, h.threshold_usd_per_ph_day);
    let mut out = Txt::default()
        .t("At ")
        .s(usd_whole(s.btc_price_usd))
        .t(" and ")
        .s(ehs(s.network_hashrate_ehs))
        .t(", hashprice is ")
        .s(show(Fmt::UsdPerPhDay, h.hashprice_usd_per_ph_day))
        .t(if h.below { ", below " } else { ", above " })
        .t(&t)
        .t(". ")
        .0;
    match (h.btc_price_below_usd, h.network_hashrate_above_ehs) {
        (Some(p), Some(n)) => {
            for part in [
                "It is below ",
                &t,
                " whenever BTC < ",
                &usd_whole(p),
                " at this hashrate, or network hashrate > ",
                &ehs(n),
                " at this price.",
            ] {
                out.push_str(part);
            }
        }
        _ => out.push_str("With no block reward there is no hashprice to compare."),
    }
    out
}

/// Keeps the sentence and `data-below` current; the threshold field sets its own `aria-invalid`.
/// Event handlers run outside the reactive owner, so the context is taken here, once.
fn bind(c: Ctx, root: &Element) {
    let threshold = c.threshold;
    let (Some(section), Some(text)) = (find(root, "#headline"), find(root, "[data-headline]")) else { return };
    crate::dom::effect(move |_| {
        let t = threshold.get();
        c.scenario.with(|s| {
            let h = headline(s, t);
            set_attr(&section, "data-below", below_attr(&h));
            set_text(&text, &sentence(&h, s));
        })
    });
    let field_root = root.clone();
    on(root, "input", false, move |ev| {
        let Some(field) = target(&ev).filter(|el| el.get_attribute("name").as_deref() == Some("headline_threshold")) else {
            return;
        };
        let parsed = target_value(&ev).and_then(|v| parse_threshold(&v));
        if let Some(v) = parsed {
            threshold.set(v);
        }
        set_attr(&field, "aria-invalid", if parsed.is_some() { "false" } else { "true" });
        if let Some(e) = find(&field_root, "#err-headline-threshold") {
            set_text(&e, if parsed.is_some() { "" } else { "Enter a number above 0 and at most 100,000, e.g. 35. The sentence keeps the last valid threshold." });
        }
    });
}

pub fn section(c: Ctx) -> Section {
    let t = c.threshold.get_untracked();
    let h = c.scenario.with_untracked(|s| {
        let h = headline(s, t);
        (below_attr(&h), sentence(&h, s))
    });
    let m = Txt::default()
        .t("<section class=\"card headline\" id=\"headline\" aria-labelledby=\"headline-h\" data-below=\"")
        .t(h.0)
        .t("\"><h2 id=\"headline-h\">Headline check</h2><p class=\"headline-text\" data-headline=\"\">")
        .s(crate::dom::esc(&h.1))
        .t("</p><p class=\"muted\">The November 2025 story said hashprice fell below $35 with BTC near $95k and hashrate past 1.1 ZH/s. \
         Those figures give about $39: the $35.06 low of 22 Nov 2025 came with BTC near $84k (try the “Trough” preset).</p>\
         <label class=\"inline-field\">Threshold <input type=\"text\" inputmode=\"decimal\" class=\"num small\" \
         name=\"headline_threshold\" aria-invalid=\"false\" aria-describedby=\"err-headline-threshold\" value=\"")
        .s(plain(t))
        .t("\"> USD per PH/s per day</label>\
         <p class=\"error\" id=\"err-headline-threshold\" style=\"margin:0;color:var(--loss);font-size:0.85rem\"></p></section>")
        .0;
    Section::new(m, move |root| bind(c, root))
}
