//! A pledge widget for the Coorace #Municipales2020 campaign.
//!
//! The crate has a pure core and a browser edge:
//! - [`campaign`]: the ten proposals and twenty commitments, as data;
//! - [`domain`]: the candidate's draft, its steps and how it is stored;
//! - [`i18n`]: every interface string, in one place;
//! - [`state`]: the candidate's state in signals, with every side effect
//!   behind one interface ([`state::Io`]);
//! - [`unicode`]: NFC, from the browser in the widget and from a crate on
//!   the host;
//! - `web` (wasm only): the only code that calls into the browser;
//! - `components` (wasm only): the Leptos views.
//!
//! The core and the state build and test on any host; the views and the
//! browser edge only for `wasm32-unknown-unknown`.

pub mod campaign;
pub mod domain;
pub mod i18n;
pub mod state;
pub mod unicode;

#[cfg(target_arch = "wasm32")]
pub mod components;
#[cfg(target_arch = "wasm32")]
pub mod web;
