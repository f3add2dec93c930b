//! A partner's page: the options of a frame (view, accent, theme, language)
//! read from its address, and what the hosting allows (frame storage,
//! a shared origin).
//!
//! Architecture invariant: plain text in, plain values out; uses no other
//! feature of the domain.

pub mod contrast;
pub mod embed_options;
pub mod hosting;
