//! The shareable card: its panel (formats, image, share, download), the
//! « bilan » card of an elected signatory, the button that asks for either
//! on a link, the printable charter.
//!
//! Architecture invariant: the full build only (the request button: verify
//! too); uses no other feature; the card is laid out by `domain::card`.

mod bilan_card;
mod card_panel;
mod card_request;
mod print_charter;

pub use bilan_card::BilanCard;
pub use card_panel::CardPanel;
pub use card_request::{CardRequest, RequestLabels};
pub use print_charter::PrintCharter;
