//! The pure domain: what a candidate has chosen and how it is kept.
//!
//! Nothing here touches the browser or the UI framework: every type is plain
//! data with plain methods, tested with `cargo test` on the host.

mod draft;
mod identity;
mod selection;
mod stored_draft;

pub use draft::{Action, Draft, Step};
pub use identity::{Field, FieldError, Identity, Role};
pub use selection::Selection;
pub use stored_draft::{RecordError, RecordErrorKind, StoredDraft};
