//! The "edit in force" rule of one input field, as a pure state machine the page drives from its events.
//!
//! While a field is invalid, the scenario holds the value the field had when the edit began (when it gained
//! focus, or, without a focus event, its value before the current run of keystrokes), not the last valid
//! keystroke: typing `4.5p` into the power price passes through `4.5` ($4.50/kWh, valid), and the final `p`
//! must put $0.05 back in force, not leave $4.50 there. On blur an invalid field goes back to the value in
//! force and says so.
//!
//! The page calls [`FieldEdit::on_focus`], [`FieldEdit::on_input`] for every `input` event of the text field,
//! [`FieldEdit::on_blur`], and [`FieldEdit::on_outside_change`] when something else (a slider, a preset, live
//! data, another tab) changed the scenario while the field is being edited. Each call says which scenario to
//! put in force and what to show under the field.

use crate::fields::{read, source_key};
use crate::model::Scenario;
use crate::state::units::enter;

/// One field's edit state.
#[derive(Clone, Debug, PartialEq)]
pub struct FieldEdit {
    key: String,
    /// The value of the input the field writes (`fields::source_key`) when the current edit began; `None`
    /// between edits.
    origin: Option<f64>,
    /// The field's text while it is invalid.
    invalid: Option<String>,
}

/// What one keystroke does.
#[derive(Clone, Debug, PartialEq)]
pub struct Step {
    /// The scenario to put in force; `None` when it stays as it is.
    pub next: Option<Scenario>,
    /// Why the text is not applied (the scenario holds the value in force); shown under the field.
    pub error: Option<String>,
    /// For a valid but implausible value: the plausibility warning (`state::plausible`), shown under the field.
    pub warning: Option<String>,
}

/// What leaving the field does.
#[derive(Clone, Debug, PartialEq)]
pub struct Blur {
    /// The scenario to put in force; `None` when it stays as it is.
    pub next: Option<Scenario>,
    /// Set when the field was invalid: the field goes back to the value in force and says so.
    pub reverted: Option<Reverted>,
}

/// An invalid entry dropped on blur.
#[derive(Clone, Debug, PartialEq)]
pub struct Reverted {
    /// What was typed.
    pub typed: String,
    /// The field's value in force (the row's own unit: MW for the fleet row), for the page to format.
    pub value: f64,
}

impl Reverted {
    /// "“4.5p” was not applied: back to 0.05, the value in force." `shown` is [`Reverted::value`] as the page
    /// prints it in the field.
    pub fn message(&self, shown: &str) -> String {
        let mut typed = String::new();
        super::query::push_short(&mut typed, self.typed.trim());
        ["“", &typed, "” was not applied: back to ", shown, ", the value in force."].concat()
    }
}

impl FieldEdit {
    /// The edit state of the field with this key (a scenario key or a derived row such as `fleet_mw`).
    pub fn new(key: &str) -> Self {
        FieldEdit { key: key.to_string(), origin: None, invalid: None }
    }

    pub fn key(&self) -> &str {
        &self.key
    }

    /// Whether the field's text is invalid (the scenario holds [`FieldEdit::in_force`]).
    pub fn is_invalid(&self) -> bool {
        self.invalid.is_some()
    }

    /// The value of the input the field writes that is held while the text is invalid.
    pub fn in_force(&self) -> Option<f64> {
        self.origin
    }

    fn source_value(&self, s: &Scenario) -> f64 {
        s.get(source_key(&self.key)).unwrap_or(f64::NAN)
    }

    /// The field gained focus: the edit begins at the value in force now.
    pub fn on_focus(&mut self, s: &Scenario) {
        self.origin = Some(self.source_value(s));
        self.invalid = None;
    }

    /// The field's text changed to `text`; `s` is the scenario in force. `default_shown` is the field's
    /// default as the page prints it (the example in an error for fields without units).
    pub fn on_input(&mut self, text: &str, s: &Scenario, default_shown: &str) -> Step {
        // No focus event (a script, a paste into an unfocused field): the edit begins now.
        let origin = *self.origin.get_or_insert_with(|| s.get(source_key(&self.key)).unwrap_or(f64::NAN));
        let mut next = s.clone();
        match enter(&self.key, text, &mut next, default_shown) {
            Ok(()) => {
                self.invalid = None;
                let warning = super::plausible::warning(&self.key, read(&self.key, &next));
                Step { next: (next != *s).then_some(next), error: None, warning }
            }
            Err(error) => {
                self.invalid = Some(text.to_string());
                let held = self.holding(s, origin);
                Step { next: held, error: Some(error), warning: None }
            }
        }
    }

    /// The field lost focus. An invalid text is dropped: the field shows the value in force again.
    pub fn on_blur(&mut self, s: &Scenario) -> Blur {
        let origin = self.origin.take();
        let Some(typed) = self.invalid.take() else { return Blur { next: None, reverted: None } };
        let next = origin.and_then(|o| self.holding(s, o));
        let value = read(&self.key, next.as_ref().unwrap_or(s));
        Blur { next, reverted: Some(Reverted { typed, value }) }
    }

    /// Something other than this field's text changed the scenario during the edit: the edit now begins
    /// from the new value, and an invalid text is replaced by it (the page rewrites the field).
    pub fn on_outside_change(&mut self, s: &Scenario) {
        if self.origin.is_some() {
            self.origin = Some(self.source_value(s));
        }
        self.invalid = None;
    }

    /// The scenario with the origin value back in force, if that differs from `s`.
    fn holding(&self, s: &Scenario, origin: f64) -> Option<Scenario> {
        let mut held = s.clone();
        // The origin was in force when the edit began, so it is valid; a failure keeps `s` as it is.
        held.set(source_key(&self.key), origin).ok()?;
        (held != *s).then_some(held)
    }
}

/// What one keystroke in the threshold field does.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct ThresholdStep {
    /// The threshold to put in force.
    pub threshold: f64,
    /// Whether the text reads (else the field says why).
    pub reads: bool,
}

/// The headline threshold's field (not a scenario input) under the same rule: while its text does not read,
/// the threshold the edit began with is in force, not the last keystroke that parsed ("1e4" on the way to
/// "1e400"); leaving the field puts it back there and says so.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct ThresholdEdit {
    /// The threshold when the edit began; `None` between edits.
    origin: Option<f64>,
}

impl ThresholdEdit {
    pub fn on_focus(&mut self, in_force: f64) {
        self.origin = Some(in_force);
    }

    /// The field's text changed; `in_force` is the threshold now.
    pub fn on_input(&mut self, text: &str, in_force: f64) -> ThresholdStep {
        let start = *self.origin.get_or_insert(in_force);
        match super::units::typed_threshold(text) {
            Some(threshold) => ThresholdStep { threshold, reads: true },
            None => ThresholdStep { threshold: start, reads: false },
        }
    }

    /// The field lost focus: the edit ends; a text that does not read is dropped for the threshold in force.
    pub fn on_blur(&mut self, text: &str, in_force: f64) -> Option<Reverted> {
        self.origin = None;
        let unread = super::units::typed_threshold(text).is_none();
        unread.then(|| Reverted { typed: text.to_string(), value: in_force })
    }
}

#[cfg(test)]
#[path = "edit_tests.rs"]
mod tests;
