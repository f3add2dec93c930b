//! A pledge widget for the Coorace #Municipales2020 campaign.
//!
//! The pure core is its own crate, `pledge-core` (`crates/pledge-core`):
//! [`campaign`], [`domain`], [`i18n`] and [`unicode`], re-exported here so
//! the widget reads as one tree. This crate adds the browser edge:
//! - [`settings`]: the organiser this deployment pins, from `build.rs`;
//! - [`state`]: the candidate's state in signals, with every side effect
//!   behind one interface ([`state::Io`]);
//! - `web` (wasm only): the only code that calls into the browser;
//! - `components` (wasm only): the Leptos views, one folder per feature.
//!
//! The core and the state build and test on any host; the views and the
//! browser edge only for `wasm32-unknown-unknown`.

pub use pledge_core::{campaign, domain, i18n, unicode};

pub mod settings;
pub mod state;

#[cfg(target_arch = "wasm32")]
pub mod components;
#[cfg(target_arch = "wasm32")]
pub mod web;
