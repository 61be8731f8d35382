//! The view layer: how a section of the page is written, found again and kept current.
//!
//! The page renders each section once as markup and then patches it in place (typed `view!` trees cost
//! ~32 KB of WASM, issue 5). This layer makes that safe by construction:
//! - [`Html`] builds the markup: runtime strings enter only as escaped text or attribute values, raw markup
//!   only from `&'static str`;
//! - building an element that will be patched returns a [`Slot`]; after the mount, `dom::Dom` turns slots into
//!   elements (a slot that does not resolve is a debug assertion, and the builder's native tests check it);
//! - where one listener serves many buttons (the header, the notices, the hardware table), their events are an
//!   enum ([`Action`]), written on the element that raises them and dispatched through an exhaustive `match`;
//!   other controls (fields, sliders, the fleet editor's buttons) are listened to on their own handles
//!   (`dom::on`).
//!
//! Words come from `crate::format`, whose numbers are written by `Intl` in the page and by plain Rust in
//! native tests.

pub mod html;
pub mod parts;

#[cfg(target_arch = "wasm32")]
pub mod dom;

pub use html::{Action, Html, Slot};
