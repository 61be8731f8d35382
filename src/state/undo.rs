//! Undo for the replaces (Reset, a scenario preset): what the header's Undo button brings back. Pure, so the
//! rules are tested natively.

use crate::model::Scenario;

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
    fn an_edit_after_a_replace_ends_the_undo() {
        let mut u = Undo::default();
        u.replaced(&at(1.0), &at(2.0));
        assert!(u.seen(&at(2.5)));
        assert!(!u.offered());
        assert!(!u.seen(&at(2.6)), "it ends once");
    }
}
