//! What several features share: an action confirmed before it runs, a file
//! chooser, an edit button, the step navigation, storage notices and the
//! full build's loader.
//!
//! Architecture invariant: uses no other folder of `components`.

mod confirmed_action;
mod edit_button;
mod file_button;
mod full_build_loader;
mod step_nav;
mod storage_notice;

pub use confirmed_action::ConfirmedAction;
pub use edit_button::EditButton;
pub use file_button::FileButton;
pub use full_build_loader::{FullBuildLoader, LoaderNav};
pub use step_nav::StepNav;
pub use storage_notice::StorageNoticeBanner;
