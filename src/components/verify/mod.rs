//! A pledge link opened: the verdict, the pledge itself, the verify build's
//! light check, the organiser's list status and their drawn seal.
//!
//! Architecture invariant: in the verify and full builds; uses `card`'s
//! request button and `ui`; never the candidate's own draft or key.

mod follow_up_view;
mod light_verification;
mod list_verdict;
mod organiser_seal;
mod pledge_view;
mod verification_view;

pub use follow_up_view::{FollowUpOf, FollowUpShown, FollowUpView};
pub use light_verification::LightVerification;
pub use list_verdict::ListVerdict;
pub use organiser_seal::OrganiserSeal;
pub use pledge_view::PledgeView;
pub use verification_view::VerificationView;
