//! The widget's components, one per file, named for what they show.

mod commitment_checkbox;
mod identity_field;
mod identity_step;
mod pledge_widget;
mod proposal_jump;
mod proposal_step;
mod role_choice;
mod start_over;
mod step_nav;
mod step_progress;
mod storage_notice;
mod summary_screen;
mod welcome_screen;

pub use commitment_checkbox::CommitmentCheckbox;
pub use identity_field::IdentityField;
pub use identity_step::IdentityStep;
pub use pledge_widget::PledgeWidget;
pub use proposal_jump::ProposalJump;
pub use proposal_step::ProposalStep;
pub use role_choice::RoleChoice;
pub use start_over::StartOver;
pub use step_nav::StepNav;
pub use step_progress::StepProgress;
pub use storage_notice::StorageNoticeBanner;
pub use summary_screen::SummaryScreen;
pub use welcome_screen::WelcomeScreen;
