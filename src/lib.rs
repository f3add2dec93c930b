//! A pledge widget for the Coorace #Municipales2020 campaign.
//!
//! The crate has a pure core and a browser edge:
//! - [`campaign`]: the ten proposals and twenty commitments, as data;
//! - [`domain`]: the candidate's draft, its steps and how it is stored;
//! - [`i18n`]: every interface string, in one place;
//! - `web` (wasm only): the only code that calls into the browser;
//! - `state` and `components` (wasm only): the Leptos widget.
//!
//! The core builds and tests on any host; the widget only for
//! `wasm32-unknown-unknown`.

pub mod campaign;
pub mod domain;
pub mod i18n;

#[cfg(target_arch = "wasm32")]
pub mod components;
#[cfg(target_arch = "wasm32")]
pub mod state;
#[cfg(target_arch = "wasm32")]
pub mod web;
