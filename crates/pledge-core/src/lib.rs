//! The pledge widget's pure core: everything the widget knows that is not
//! the browser or the UI framework, built and tested on any host.
//!
//! - [`campaign`]: the ten proposals and twenty commitments, as data;
//! - [`domain`]: the candidate's journey, the signed pledge, the card, the
//!   organiser's side and embedding, one folder each;
//! - [`i18n`]: every interface string, in one place;
//! - [`unicode`]: NFC, from the platform (the browser's own in the widget,
//!   a crate on the host).
//!
//! Architecture invariant: `campaign` uses nothing else of the core,
//! `domain` uses `campaign` and `unicode` but never `i18n`, and `i18n` may
//! use both. No UI framework and no browser binding among the
//! dependencies (see `Cargo.toml`); `tests/invariants.rs` checks the rest.

pub mod campaign;
pub mod domain;
pub mod i18n;
pub mod unicode;
