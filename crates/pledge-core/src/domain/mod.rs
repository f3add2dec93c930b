//! The pure domain: what a candidate has chosen, how it is kept, signed
//! and shared.
//!
//! Nothing here touches the browser or the UI framework: every type is plain
//! data with plain methods, tested with `cargo test` on the host.
//!
//! Five features, each a folder that says what it may use:
//! - [`journey`]: the candidate's answers as they go (draft, selection,
//!   identity, the text rule, storage, set-aside answers);
//! - [`pledge`]: what gets signed and shared (pledge, payload v1, codec,
//!   link, keys, drawn signature, date);
//! - [`card`]: the shareable image laid out as data, and where to share it;
//! - [`organiser`]: the organiser, their console, the signed list, open
//!   data, the wall and its search;
//! - [`embed`]: a partner's options and what hosting allows;
//!
//! plus what they share at this level: `json` (the small JSON reader and
//! writer) and [`SigningDate`] (a calendar date).
//!
//! Architecture invariant: `journey` and `embed` use no other feature;
//! `pledge` uses `journey`; `card` uses `pledge`; `organiser` uses `pledge`
//! and `journey`. No feature uses `crate::i18n` (`tests/invariants.rs`).
//!
//! The few types that matter: [`Draft`] (the journey so far, changed by
//! [`Action`]s), [`Pledge`] (what gets signed), [`SignedPledge`] and
//! [`VerifiedPledge`] (what a link carries, before and after its signature is
//! checked), and [`ShareLink`] (to and from the link).
//!
//! ```
//! use pledge_core::domain::*;
//! let mut draft = Draft::default();
//! draft.apply(Action::Tick(0, true));
//! draft.apply(Action::Edit(Field::Name, "Camille Dupont".into()));
//! draft.apply(Action::Edit(Field::Commune, "Lyon".into()));
//! let date = SigningDate::from_ymd(2026, 11, 28).unwrap();
//! let key = PledgeKey::from_seed([42; 32]);
//! let signed = Pledge::from_draft(&draft, date, None).unwrap().sign(&key);
//! let link = ShareLink::build("https://example.org/", &signed);
//! let Fragment::Pledge(Ok(read)) = ShareLink::read(link.split('#').nth(1).unwrap()) else {
//!     panic!("the link reads back")
//! };
//! assert_eq!(read.pledge().name(), "Camille Dupont");
//! ```

pub mod card;
pub mod embed;
pub mod journey;
mod json;
pub mod organiser;
pub mod pledge;
pub(crate) mod signing_date;
#[cfg(test)]
mod test_rng;

pub use card::share_targets::ShareTarget;
pub use embed::embed_options::{
    console_url, hand_over_url, journey_query, standalone_url, Accent, EmbedOptions, Theme, View,
};
pub use embed::hosting::{FrameStorage, OriginSharing};
pub use journey::candidate_text::TextFault;
pub use journey::commune_code::CommuneCode;
pub use journey::draft::{Action, Draft, Step};
pub use journey::identity::{Field, FieldError, Identity, Role};
pub use journey::selection::Selection;
pub use journey::set_aside::{EarlierPledge, EarlierPledges, Kept, SetAside, SetAsideItem};
pub use journey::stored_draft::{RecordError, RecordErrorKind, StoredDraft};
pub use organiser::console::{
    check_in_rust, Console, ConsoleRecord, Gathered, Intake, IntakeLine, IntakeReport, PastedLinks,
};
pub use organiser::contact::Organiser;
pub use organiser::pledge_list::{EntryStatus, ListEntry, ListError, PledgeList};
pub use organiser::wall::{Totals, Wall, WallEntry, WallScope};
pub use pledge::drawing::{Drawing, DrawnSignature, PadPoint, MAX_DRAWING_BYTES};
pub use pledge::keys::{KeyFileError, PledgeKey, PublicKey};
pub use pledge::payload::{Format, LinkError, LinkErrorKind, Payload};
pub use pledge::share_link::{Fragment, ShareLink};
pub use pledge::signed_pledge::{Pledge, SignedPledge, VerifiedPledge};
pub use signing_date::SigningDate;
