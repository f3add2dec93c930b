//! The candidate's journey before signing: welcome (with their signed
//! pledges), the ten proposals, who they are, the summary, answers carried
//! or set aside, signing in the widget's own tab, start over.
//!
//! Architecture invariant: in the journey and full builds (the journey build
//! is this, `ui` and `shell`); uses only `ui`; signing is given to it as a prop.

mod arrival_question;
mod commitment_checkbox;
mod commitment_list;
mod commune_field;
mod identity_field;
mod identity_step;
mod own_pledges;
mod pledge_journey;
mod previous_answers;
mod proposal_jump;
mod proposal_step;
mod role_choice;
mod sign_in_tab;
mod start_over;
mod step_progress;
mod summary_screen;
mod welcome_screen;

pub use arrival_question::ArrivalQuestion;
pub use commitment_checkbox::CommitmentCheckbox;
pub use commitment_list::CommitmentList;
pub use commune_field::CommuneField;
pub use identity_field::IdentityField;
pub use identity_step::IdentityStep;
pub use own_pledges::OwnPledges;
pub use pledge_journey::PledgeJourney;
pub use previous_answers::PreviousAnswers;
pub use proposal_jump::ProposalJump;
pub use proposal_step::ProposalStep;
pub use role_choice::RoleChoice;
pub use sign_in_tab::SignInTab;
pub use start_over::StartOver;
pub use step_progress::StepProgress;
pub use summary_screen::SummaryScreen;
pub use welcome_screen::WelcomeScreen;
