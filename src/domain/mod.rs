//! The pure domain: what a candidate has chosen, how it is kept, signed
//! and shared.
//!
//! Nothing here touches the browser or the UI framework: every type is plain
//! data with plain methods, tested with `cargo test` on the host.
//!
//! The few types that matter: [`Draft`] (the journey so far, changed by
//! [`Action`]s), [`Pledge`] (what gets signed), [`SignedPledge`] and
//! [`VerifiedPledge`] (what a link carries, before and after its signature is
//! checked), and [`ShareLink`] (to and from the link).
//!
//! ```
//! use pledge_widget::domain::*;
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

pub mod candidate_text;
pub mod card;
pub mod codec;
mod console;
mod draft;
mod drawing;
pub mod embed_options;
pub mod hosting;
mod identity;
mod json;
mod keys;
pub mod open_data;
mod organiser;
mod packed;
pub mod payload;
pub mod pinned_key;
mod pledge;
pub mod pledge_list;
pub mod search;
mod selection;
mod set_aside;
mod share_link;
pub mod share_targets;
mod signing_date;
mod stacking_marks;
mod stored_draft;
#[cfg(test)]
mod test_rng;
mod wall;

pub use candidate_text::TextFault;
pub use console::{
    check_in_rust, Console, ConsoleRecord, Gathered, Intake, IntakeLine, IntakeReport, PastedLinks,
};
pub use draft::{Action, Draft, Step};
pub use drawing::{Drawing, DrawnSignature, PadPoint, MAX_DRAWING_BYTES};
pub use embed_options::{
    console_url, hand_over_url, standalone_url, Accent, EmbedOptions, Theme, View,
};
pub use hosting::{FrameStorage, OriginSharing};
pub use identity::{Field, FieldError, Identity, Role};
pub use keys::{KeyFileError, PledgeKey, PublicKey};
pub use organiser::Organiser;
pub use payload::{LinkError, LinkErrorKind, PayloadV1};
pub use pledge::{Pledge, SignedPledge, VerifiedPledge};
pub use pledge_list::{ListEntry, ListError, PledgeList, Status};
pub use selection::Selection;
pub use set_aside::{EarlierPledge, EarlierPledges, Kept, SetAside, SetAsideItem};
pub use share_link::{Fragment, ShareLink};
pub use share_targets::ShareTarget;
pub use signing_date::SigningDate;
pub use stored_draft::{RecordError, RecordErrorKind, StoredDraft};
pub use wall::{Totals, Wall, WallEntry, WallScope};
