//! The organiser's console (`?organisateur`): intake of links, the entries
//! and their statuses, the follow-up after the vote and its dated reviews,
//! the organiser's key, publishing the signed list.
//!
//! Architecture invariant: the full build only, on its own page; uses only
//! `ui`; nothing of the candidate's journey reaches it.

mod console_entries;
mod console_entry;
mod console_follow_up;
mod console_intake;
mod console_key_panel;
mod console_publish;
mod console_reviews;
mod organiser_console;

pub use console_entries::ConsoleEntries;
pub use console_entry::ConsoleEntry;
pub use console_follow_up::ConsoleFollowUp;
pub use console_intake::ConsoleIntake;
pub use console_key_panel::ConsoleKeyPanel;
pub use console_publish::ConsolePublish;
pub use console_reviews::ConsoleReviews;
pub use organiser_console::OrganiserConsole;
