//! The view layer: how a section of the page is written, found again and kept current.
//!
//! The page renders each section once as markup and then patches it in place (typed `view!` trees cost
//! ~32 KB of WASM, issue 5). This layer makes that safe by construction:
//! - [`Html`] builds the markup: runtime strings enter only as escaped text or attribute values, raw markup
//!   only from `&'static str`;
//! - building an element that will be patched returns a [`Slot`]; after the mount, `dom::Dom` turns slots into
//!   elements (a slot that does not resolve is a debug assertion, and the builder's native tests check it);
//! - events are an enum per section ([`Action`]), written on the element that raises them and dispatched
//!   through an exhaustive `match`.
//!
//! Words come from `crate::format`, whose numbers are written by `Intl` in the page and by plain Rust in
//! native tests.

pub mod html;
pub mod parts;

#[cfg(target_arch = "wasm32")]
pub mod dom;

pub use html::{Action, Html, Slot};
