//! Undo for the replaces (Reset, a scenario preset): what the header's Undo button brings back. Pure, so the
//! rules are tested natively.

use crate::model::Scenario;
use crate::state::query::{link_query, scenario_from};

/// The scenario from before a run of replaces, and the one the last replace made; empty when there is
/// nothing to undo.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Undo(Option<(Scenario, Scenario)>);

impl Undo {
    /// A replace from `before` to `next`. Replaces in a row (arrowing through the presets) keep the first
    /// one's undo point; one that changes nothing sets none.
    pub fn replaced(&mut self, before: &Scenario, next: &Scenario) {
        if before != next {
            let first = self.0.take().map_or_else(|| before.clone(), |(first, _)| first);
            self.0 = Some((first, next.clone()));
        }
    }

    /// The scenario is now `s`: an edit after the replace ends the undo. Whether it just ended.
    pub fn seen(&mut self, s: &Scenario) -> bool {
        let ends = self.0.as_ref().is_some_and(|(_, after)| after != s);
        if ends {
            self.0 = None;
        }
        ends
    }

    /// The scenario to bring back, leaving nothing to undo.
    pub fn take(&mut self) -> Option<Scenario> {
        self.0.take().map(|(before, _)| before)
    }

    /// Whether Undo is offered.
    pub fn offered(&self) -> bool {
        self.0.is_some()
    }

    /// The undo point as the visitor's storage keeps it, so a Reset can still be undone after a reload: the
    /// scenario before and after the replaces as links (`base=…`), one per line; `None` with nothing to undo.
    pub fn saved(&self, fmt: &dyn Fn(f64) -> String) -> Option<String> {
        self.0.as_ref().map(|(before, after)| [link_query(before, fmt), "\n".into(), link_query(after, fmt)].concat())
    }

    /// The undo point kept in storage, if it still applies: the page shows exactly the scenario the replace
    /// made (`now`), and both lines read in full.
    pub fn from_saved(text: &str, now: &Scenario) -> Undo {
        let Some((before, after)) = text.split_once('\n') else { return Undo::default() };
        let ((before, b_issues), (after, a_issues)) = (scenario_from(before), scenario_from(after));
        let applies = b_issues.is_empty() && a_issues.is_empty() && after == *now && before != after;
        Undo(applies.then_some((before, after)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(btc: f64) -> Scenario {
        Scenario { btc_price_usd: btc, ..Scenario::default() }
    }

    #[test]
    fn a_run_of_replaces_undoes_to_the_scenario_before_the_first() {
        let mut u = Undo::default();
        u.replaced(&at(1.0), &at(2.0));
        u.replaced(&at(2.0), &at(3.0));
        assert!(u.offered());
        assert!(!u.seen(&at(3.0)), "the replace's own scenario is not an edit");
        assert_eq!(u.take(), Some(at(1.0)));
        assert!(!u.offered());
    }

    #[test]
    fn a_replace_that_changes_nothing_offers_no_undo() {
        let mut u = Undo::default();
        u.replaced(&at(1.0), &at(1.0));
        assert!(!u.offered());
        assert_eq!(u.take(), None);
    }

    #[test]
    fn the_undo_point_survives_a_reload_while_the_page_shows_what_the_replace_made() {
        let fmt = |x: f64| x.to_string();
        let mut u = Undo::default();
        u.replaced(&at(70_000.0), &Scenario::default());
        let Some(text) = u.saved(&fmt) else { panic!("an undo point to keep") };
        assert_eq!(text, "base=2025-11&btc_price_usd=70000\n");
        let back = Undo::from_saved(&text, &Scenario::default());
        assert!(back.offered());
        assert_eq!(back.clone().take(), Some(at(70_000.0)));
        assert!(!Undo::from_saved(&text, &at(80_000.0)).offered(), "an edit since the replace ends it");
        assert!(!Undo::from_saved("btc_price_usd=abc\n", &Scenario::default()).offered());
        assert!(!Undo::from_saved("no newline", &Scenario::default()).offered());
        assert_eq!(Undo::default().saved(&fmt), None);
    }

    #[test]
    fn an_edit_after_a_replace_ends_the_undo() {
        let mut u = Undo::default();
        u.replaced(&at(1.0), &at(2.0));
        assert!(u.seen(&at(2.5)));
        assert!(!u.offered());
        assert!(!u.seen(&at(2.6)), "it ends once");
    }
}
