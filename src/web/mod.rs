//! Every call into the browser: storage, focus, the panic hook.
//!
//! This is the only module that uses `web_sys` or `gloo`. Each function
//! turns browser failures into plain values; none of them panics.

mod dom;
mod panic;
mod storage;

pub use dom::{focus, focus_first, focus_step_heading, widget_host};
pub use panic::{install_panic_hook, show_fatal_error};
pub use storage::{load_draft, save_draft, LoadedDraft, SaveError};
