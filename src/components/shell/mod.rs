//! The root and the build: the widget (which screen shows), the three
//! builds' [`Parts`], the language bar and the privacy note.
//!
//! Architecture invariant: the only folder that names every feature (through
//! `Parts`); no feature names it back.

mod journey_opener;
mod language_bar;
mod parts;
mod pledge_widget;
mod privacy_note;

pub use journey_opener::JourneyOpener;
pub use language_bar::LanguageBar;
pub use parts::Parts;
pub use pledge_widget::PledgeWidget;
pub use privacy_note::PrivacyNote;
