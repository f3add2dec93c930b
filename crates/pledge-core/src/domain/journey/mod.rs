//! The candidate's answers on the way to a pledge: the draft and its steps,
//! the ticked commitments, who they are, the rule every typed text obeys,
//! the communes of the official referential and the search that forgives
//! how names are typed, and how answers are stored and set aside.
//!
//! Architecture invariant: uses only [`crate::campaign`], [`crate::unicode`]
//! and what the domain shares (`json`, [`SigningDate`](super::SigningDate));
//! knows nothing of signing (`tests/invariants.rs`).

pub mod candidate_text;
pub(crate) mod commune_code;
pub mod communes;
pub(crate) mod draft;
pub(crate) mod identity;
pub mod search;
pub(crate) mod selection;
pub(crate) mod set_aside;
pub(crate) mod stacking_marks;
pub(crate) mod stored_draft;
