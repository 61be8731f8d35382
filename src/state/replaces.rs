//! Reset, scenario presets and Undo over the page's signals: what the header runs, written once here so its
//! rules are tested natively under an `Owner::new()`.

use crate::model::Scenario;
use crate::state::undo::Undo;
use reactive_graph::owner::StoredValue;
use reactive_graph::signal::RwSignal;
use reactive_graph::traits::{GetUntracked, Set, SetValue, Update, UpdateValue, With, WithUntracked, WithValue};

/// Replaces of the whole scenario and their undo.
#[derive(Clone, Copy)]
pub struct Replaces {
    scenario: RwSignal<Scenario>,
    /// `Ctx::replaced`: bumped on every whole replace, so the inputs rewrite every field.
    replaced: RwSignal<u32>,
    undo: StoredValue<Undo>,
}

impl Replaces {
    pub fn new(scenario: RwSignal<Scenario>, replaced: RwSignal<u32>) -> Replaces {
        Replaces { scenario, replaced, undo: StoredValue::new(Undo::default()) }
    }

    fn set_all(self, s: Scenario) {
        self.replaced.update(|n| *n = n.wrapping_add(1));
        self.scenario.set(s);
    }

    /// Reset or a preset: `next` replaces every input, and Undo is offered if it changed anything.
    pub fn replace(self, next: Scenario) {
        self.undo.update_value(|u| self.scenario.with_untracked(|before| u.replaced(before, &next)));
        self.set_all(next);
    }

    /// Undo: the scenario from before the replaces comes back; whether there was one.
    pub fn undo(self) -> bool {
        match self.undo.try_update_value(Undo::take).flatten() {
            Some(before) => {
                self.set_all(before);
                true
            }
            None => false,
        }
    }

    /// Called by an effect on every scenario change (tracks the scenario): whether an edit just ended the
    /// undo, so the button hides and the status about the replace is cleared.
    pub fn seen(self) -> bool {
        self.scenario.with(|s| self.undo.try_update_value(|u| u.seen(s)).unwrap_or(false))
    }

    /// Whether Undo is offered.
    pub fn offered(self) -> bool {
        self.undo.with_value(Undo::offered)
    }

    /// The undo point, to keep across a reload ([`Undo::saved`]).
    pub fn point(self) -> Undo {
        self.undo.with_value(Undo::clone)
    }

    /// An undo point kept from before a reload ([`Undo::from_saved`]).
    pub fn restore(self, undo: Undo) {
        self.undo.set_value(undo);
    }

    /// How many whole replaces there have been (the inputs compare it with the last they saw).
    pub fn count(self) -> u32 {
        self.replaced.get_untracked()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use reactive_graph::owner::Owner;

    fn at(btc: f64) -> Scenario {
        Scenario { btc_price_usd: btc, ..Scenario::default() }
    }

    fn with_page(f: impl FnOnce(RwSignal<Scenario>, Replaces)) {
        let owner = Owner::new();
        owner.with(|| {
            let scenario = RwSignal::new(at(80_000.0));
            f(scenario, Replaces::new(scenario, RwSignal::new(0)));
        });
    }

    #[test]
    fn reset_then_undo_brings_back_the_visitors_scenario() {
        with_page(|scenario, r| {
            r.replace(Scenario::default());
            assert_eq!(scenario.get_untracked(), Scenario::default());
            assert!(r.offered() && r.count() == 1, "every field is rewritten once");
            assert!(!r.seen(), "the replace's own scenario is not an edit");
            assert!(r.undo());
            assert_eq!(scenario.get_untracked(), at(80_000.0));
            assert!(!r.offered() && r.count() == 2);
            assert!(!r.undo(), "nothing left to undo");
        });
    }

    #[test]
    fn a_second_reset_keeps_the_first_undo_point() {
        with_page(|scenario, r| {
            r.replace(at(60_000.0));
            r.replace(Scenario::default());
            r.replace(Scenario::default());
            assert!(r.undo());
            assert_eq!(scenario.get_untracked(), at(80_000.0));
        });
    }

    #[test]
    fn an_edit_after_a_reset_ends_the_undo_and_a_reset_that_changes_nothing_offers_none() {
        with_page(|scenario, r| {
            r.replace(Scenario::default());
            scenario.set(at(70_000.0));
            assert!(r.seen());
            assert!(!r.offered() && !r.undo());
            assert_eq!(scenario.get_untracked(), at(70_000.0));
        });
        with_page(|scenario, r| {
            r.replace(scenario.get_untracked());
            assert!(!r.offered(), "nothing changed: nothing to undo");
            assert_eq!(r.count(), 1, "the fields are still rewritten (an invalid text is cleared)");
        });
    }
}
