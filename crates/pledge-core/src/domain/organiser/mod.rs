//! The organiser's side: who they are, their console (intake, statuses,
//! record), the signed list of pledges (`docs/list-v2.md`), the follow-up
//! after the vote, open data, and the public wall with its search.
//!
//! Architecture invariant: reads pledges through [`pledge`](super::pledge)
//! (a list entry is a signed payload) and names the journey's identity
//! types; uses neither the card nor embedding, and no other feature uses it
//! (`tests/invariants.rs`).

pub(crate) mod console;
pub(crate) mod contact;
pub mod follow_up;
pub mod open_data;
pub(crate) mod packed;
pub mod pinned_key;
pub mod pledge_list;
pub mod shards;
pub(crate) mod wall;
pub mod zip;
