//! The headline check: where hashprice crosses a threshold (the article's $35), in BTC price and in
//! network hashrate, said calmly next to what the article's own figures give.
//!
//! Built once, then the sentence and `data-below` are patched in place. The threshold is `Ctx::threshold`, so a
//! link carries it (`threshold=40`).

use crate::components::kpi_defs::{show, Fmt};
use crate::format::{num, usd_whole, Txt};
use crate::model::Scenario;
use crate::state::insights::Headline;
#[cfg(target_arch = "wasm32")]
use crate::{
    ctx::Ctx,
    format::plain,
    state::insights::headline,
    state::edit::ThresholdEdit,
    view::Html,
    view::dom::{effect, on, set_attr, set_text, Bind, Ev},
};
#[cfg(target_arch = "wasm32")]
use leptos::prelude::*;
#[cfg(target_arch = "wasm32")]
use std::{cell::RefCell, rc::Rc};

#[cfg(target_arch = "wasm32")]
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

pub fn sentence(h: &Headline, s: &Scenario) -> String {
    let t = show(Fmt::Usd, h.threshold_usd_per_ph_day);
    let at = Txt::default().t("At ").s(usd_whole(s.btc_price_usd)).t(" and ").s(ehs(s.network_hashrate_ehs));
    if !h.hashprice_usd_per_ph_day.is_finite() {
        return at.t(", hashprice overflows: the network hashrate is too small to compute with.").0;
    }
    let mut out = at
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

/// What the threshold field says under it when it cannot be read.
#[cfg(target_arch = "wasm32")]
pub const BAD_THRESHOLD: &str = "Enter a number above 0 and at most 100,000, e.g. 35. The sentence keeps the threshold in force.";

#[cfg(target_arch = "wasm32")]
pub fn section(c: Ctx, h: &mut Html) -> Bind {
    let threshold = c.threshold;
    let t = threshold.get_untracked();
    let now = c.drawn.with_untracked(|s| {
        let h = headline(s, t);
        (below_attr(&h), sentence(&h, s))
    });
    h.open("section", "class=\"card headline\" id=\"headline\" aria-labelledby=\"headline-h\"").attr("data-below", now.0);
    let card = h.slot();
    h.raw("<h2 id=\"headline-h\">Headline check</h2>").open("p", "class=\"headline-text\" data-headline=\"\"");
    let text = h.slot();
    h.text(&now.1).close("p").raw(
        "<p class=\"muted\">The November 2025 story said hashprice fell below $35 with BTC near $95k and hashrate past 1.1 ZH/s. \
         Those figures give about $39: the $35.06 low of 22 Nov 2025 came with BTC near $84k (the “Trough” preset holds those figures).</p>\
         <label class=\"inline-field\">Threshold ",
    );
    h.open(
        "input",
        "type=\"text\" inputmode=\"decimal\" class=\"num small\" name=\"headline_threshold\" aria-invalid=\"false\" aria-describedby=\"err-headline-threshold\"",
    )
    .attr("value", &plain(t));
    let field = h.slot();
    h.raw(" USD per PH/s per day</label>").open("p", "class=\"error\" id=\"err-headline-threshold\"");
    let error = h.slot();
    h.close("p").close("section");
    Box::new(move |dom| {
        let (card, text, field, error) = (dom.el(card), dom.el(text), dom.input(field), dom.el(error));
        let shown = field.clone();
        effect(move |_| {
            let t = threshold.get();
            // A threshold set elsewhere (a scenario file) shows in the field; one being typed is left as typed.
            let el: &web_sys::Element = &shown;
            if document().active_element().as_ref() != Some(el) {
                shown.set_value(&plain(t));
            }
            c.drawn.with(|s| {
                let h = headline(s, t);
                set_attr(&card, "data-below", below_attr(&h));
                set_text(&text, &sentence(&h, s));
            })
        });
        // As every input row: `state::edit::ThresholdEdit` decides, the field shows.
        let edit = Rc::new(RefCell::new(ThresholdEdit::default()));
        let e = edit.clone();
        on(&field, Ev::FocusIn, move |_| e.borrow_mut().on_focus(threshold.get_untracked()));
        let (input, e, err) = (field.clone(), edit.clone(), error.clone());
        on(&field, Ev::Input, move |_| {
            let step = e.borrow_mut().on_input(&input.value(), threshold.get_untracked());
            threshold.set(step.threshold);
            set_attr(&input, "aria-invalid", if step.reads { "false" } else { "true" });
            set_text(&err, if step.reads { "" } else { BAD_THRESHOLD });
        });
        let input = field.clone();
        on(&field, Ev::FocusOut, move |_| {
            let dropped = edit.borrow_mut().on_blur(&input.value(), threshold.get_untracked());
            if let Some(dropped) = dropped {
                let now = plain(dropped.value);
                input.set_value(&now);
                set_attr(&input, "aria-invalid", "false");
                set_text(&error, &dropped.message(&now));
            }
        });
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::state::insights::headline;

    #[test]
    fn the_headline_says_where_hashprice_crosses_the_threshold() {
        let s = Scenario::default();
        let text = sentence(&headline(&s, 35.0), &s);
        assert!(text.starts_with("At $95,000 and 1,100 EH/s, hashprice is $"), "{text}");
        assert!(text.contains("/PH/day, above $35.00. It is below $35.00 whenever BTC < $"), "{text}");
        assert!(text.ends_with(" at this price."), "{text}");
        assert_eq!(ehs(0.5), "500.00 PH/s");
        // A network of 5e-324 EH/s (a difficulty typed as 5e-324 T): no "∞", and no talk of a block reward.
        let tiny = Scenario { network_hashrate_ehs: 5e-324, ..Scenario::default() };
        let text = sentence(&headline(&tiny, 35.0), &tiny);
        assert!(text.ends_with("hashprice overflows: the network hashrate is too small to compute with."), "{text}");
    }
}
