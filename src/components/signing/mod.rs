//! Signing and after: the sign step, the signature pad, the signed screen,
//! the key panel and the mail to the organiser.
//!
//! Architecture invariant: the full build only; uses `journey`'s commitment
//! list, `verify`'s pledge view, `card` and `ui`, never `shell`.

mod key_panel;
mod send_to_organiser;
mod sign_step;
mod signature_pad;
mod signed_screen;

pub use key_panel::KeyPanel;
pub use send_to_organiser::SendToOrganiser;
pub use sign_step::SignStep;
pub use signature_pad::SignaturePad;
pub use signed_screen::SignedScreen;
