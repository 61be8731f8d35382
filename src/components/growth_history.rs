//! "Growth as it was" (issue 21), under the network-growth input: the average difficulty growth per month over
//! the last 6, 12 and 24 months of the shipped history, each a button that puts it (to 0.1 %/month) in the
//! input, so an assumption can be picked from what happened rather than guessed.

use crate::format::{num, Txt};
use crate::history::{epochs, growth_as_it_was, Growth};
use crate::view::{Html, Slot};

/// A growth as the input takes it: %/month to one decimal.
pub fn pick_pct_month(g: &Growth) -> f64 {
    (g.pct_per_month * 10.0).round() / 10.0
}

/// A button's words: "12 months: +2.5%/month".
pub fn pick_words(g: &Growth) -> String {
    let v = pick_pct_month(g);
    Txt::default().s(g.months.to_string()).t(" months: ").t(if v > 0.0 { "+" } else { "" }).s(num(v, 1)).t("%/month").0
}

/// The buttons' handles and the growth each sets.
pub struct GrowthSlots {
    pub picks: Vec<(Slot, f64)>,
}

/// Writes the line and its buttons (nothing when the history is too short).
pub fn markup(h: &mut Html) -> GrowthSlots {
    let table = epochs();
    let growths = growth_as_it_was(table);
    let mut picks = Vec::new();
    let Some(last) = table.last().filter(|_| !growths.is_empty()) else { return GrowthSlots { picks } };
    h.open("div", "class=\"growth-history\"").open("p", "class=\"help\"");
    h.text(&["As it was: difficulty growth to about ", &crate::history::data::month_words(last.est_start_unix), " (pick one)"].concat());
    h.close("p").open("div", "class=\"growth-picks\"");
    for g in &growths {
        h.open("button", "type=\"button\" class=\"chip\"");
        picks.push((h.slot(), pick_pct_month(g)));
        h.text(&pick_words(g)).close("button");
    }
    h.close("div").close("div");
    GrowthSlots { picks }
}

/// Each button sets the network-growth input.
#[cfg(target_arch = "wasm32")]
pub fn bind(c: crate::ctx::Ctx, dom: &crate::view::dom::Dom, slots: &GrowthSlots) {
    use leptos::prelude::*;
    for &(slot, pct) in &slots.picks {
        crate::view::dom::on(&dom.el(slot), crate::view::dom::Ev::Click, move |_| {
            c.scenario.update(|s| {
                let _ = s.set("hashrate_growth_pct_month", pct);
            });
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::view::html::check;

    #[test]
    fn three_picks_from_the_shipped_history_with_their_words() {
        let mut h = Html::new();
        let slots = markup(&mut h);
        assert_eq!(slots.picks.len(), 3, "6, 12 and 24 months");
        let (m, n) = h.finish();
        assert_eq!(check(&m, n), Ok(()));
        let growths = growth_as_it_was(epochs());
        for ((_, pct), g) in slots.picks.iter().zip(&growths) {
            assert_eq!(*pct, pick_pct_month(g));
            assert!((pct - g.pct_per_month).abs() <= 0.05 + 1e-12);
            assert!(m.contains(&pick_words(g)), "{m}");
        }
        assert!(m.contains("As it was: difficulty growth to about "), "{m}");
        let g = Growth { months: 12, from_epoch: 0, to_epoch: 1, days: 365.0, difficulty_change_pct: 35.0, pct_per_month: 2.5349 };
        assert_eq!(pick_words(&g), "12 months: +2.5%/month");
    }
}
