use leptos::prelude::*;

use super::{FullBuildLoader, SignStep, SignedScreen, VerificationView};
use crate::domain::{Fragment, ShareLink, Step};
use crate::state::{text, Scope};

/// What differs between the widget's two builds (see `web::builds`).
///
/// The journey build (`src/bin/journey.rs`) shows the welcome, proposal,
/// identity and summary steps, and hands over to the full build for
/// signing and for pledge links; the full build (`src/main.rs`) has
/// everything. Each binary gives its own `Parts` to [`super::PledgeWidget`];
/// what only the full build refers to (signing, verification, the card) is
/// left out of the journey's wasm by the linker.
#[derive(Clone, Copy)]
pub struct Parts {
    /// Which of the candidate's records this build opens.
    pub scope: Scope,
    /// The sign and signed steps.
    pub signing: fn(Step) -> AnyView,
    /// The page of a pledge link (the fragment as given), with what
    /// "start my own pledge" does.
    pub pledge_link: fn(String, Callback<()>) -> AnyView,
}

impl Parts {
    /// Everything: what the full build mounts.
    pub const FULL: Parts = Parts {
        scope: Scope::FULL,
        signing: full_signing,
        pledge_link: full_pledge_link,
    };

    /// The journey, handing over to the full build where it is needed.
    pub const JOURNEY: Parts = Parts {
        scope: Scope::JOURNEY,
        signing: journey_signing,
        pledge_link: journey_pledge_link,
    };

    pub fn provide(self) {
        provide_context(self);
    }

    /// The build given to the widget root.
    pub fn use_context() -> Self {
        expect_context::<Parts>()
    }
}

fn full_signing(step: Step) -> AnyView {
    match step {
        Step::Signed => view! { <SignedScreen /> }.into_any(),
        _ => view! { <SignStep /> }.into_any(),
    }
}

fn full_pledge_link(fragment: String, on_start_own: Callback<()>) -> AnyView {
    match ShareLink::read(&fragment) {
        Fragment::Pledge(result) => view! { <VerificationView result on_start_own /> }.into_any(),
        Fragment::None => ().into_any(),
    }
}

fn journey_signing(step: Step) -> AnyView {
    let heading = match step {
        Step::Signed => text(|t| t.signed_heading),
        _ => text(|t| t.sign_heading),
    };
    view! { <FullBuildLoader heading loading=text(|t| t.loading_signing) /> }.into_any()
}

fn journey_pledge_link(_fragment: String, _on_start_own: Callback<()>) -> AnyView {
    view! {
        <FullBuildLoader
            heading=text(|t| t.verify_heading)
            loading=text(|t| t.loading_verification)
        />
    }
    .into_any()
}
