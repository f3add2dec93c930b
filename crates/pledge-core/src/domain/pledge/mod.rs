//! What gets signed and shared: the pledge, its payload (v1, byte by
//! byte in `docs/payload-v1.md`), the codec, the link, the keys, the drawn
//! signature.
//!
//! Architecture invariant: built from the [`journey`](super::journey)'s
//! draft and identity; knows nothing of the card, the organiser or embedding.

pub mod codec;
pub(crate) mod drawing;
pub(crate) mod keys;
pub mod payload;
pub(crate) mod share_link;
pub(crate) mod signed_pledge;
