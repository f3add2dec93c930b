//! The shareable card: its panel (formats, image, share, download), the
//! button that asks for it on a link, the printable charter.
//!
//! Architecture invariant: the full build only (the request button: verify
//! too); uses no other feature; the card is laid out by `domain::card`.

mod card_panel;
mod card_request;
mod print_charter;

pub use card_panel::CardPanel;
pub use card_request::CardRequest;
pub use print_charter::PrintCharter;
