use leptos::prelude::*;

use super::JourneyOpener;
use crate::components::card::{BilanCard, CardPanel, CardRequest, PrintCharter, RequestLabels};
use crate::components::journey::{ArrivalQuestion, IdentityStep, PledgeJourney};
use crate::components::organiser::OrganiserConsole;
use crate::components::signing::{SignStep, SignedScreen};
use crate::components::ui::{FullBuildLoader, LoaderNav};
use crate::components::verify::{
    FollowUpOf, FollowUpShown, FollowUpView, LightVerification, VerificationView,
};
use crate::components::wall::{CommuneWall, PledgeWall};
use crate::domain::{CommuneCode, Fragment, PublicKey, ShareLink, Step, VerifiedPledge};
use crate::state::{follow_up_texts, org_texts, text_signal, Scope, SharedIo};
use crate::web::Build;

/// What differs between the widget's six builds (see `web::builds`).
///
/// The journey build (`src/bin/journey.rs`) shows the welcome, proposal
/// and summary steps, and hands over to the full build for the identity
/// step (its commune field and the communes' referential), signing and
/// pledge links; the verify build (`src/bin/verify.rs`) shows a pledge
/// link, its signature checked by the browser, and hands over to the full
/// build for the card and to the journey build for « start my own »; the
/// wall build (`src/bin/wall.rs`) shows the public wall, the commune build
/// (`src/bin/commune.rs`) one commune's wall from its own file, and the console
/// build (`src/bin/console.rs`) the organiser's console; the full build
/// (`src/main.rs`) has the candidate's whole journey, signing and the
/// card, and hands the wall and the console over. Each binary gives its
/// own `Parts` to [`crate::components::PledgeWidget`]; what a build's
/// `Parts` never refers to is left out of its wasm by the linker.
#[derive(Clone, Copy)]
pub struct Parts {
    /// Which of the candidate's records this build opens.
    pub scope: Scope,
    /// The candidate's own journey, given the state's opener (opened only
    /// by the builds that show the journey).
    pub journey: fn(JourneyOpener) -> AnyView,
    /// The identity step (its commune field reads the communes'
    /// referential: the full build's, so the first screen's build stays
    /// small).
    pub identity: fn() -> AnyView,
    /// The sign and signed steps.
    pub signing: fn(Step) -> AnyView,
    /// The page of a pledge link (the fragment as given), with what
    /// "start my own pledge" does.
    pub pledge_link: fn(String, Callback<()>) -> AnyView,
    /// The public wall: a commune to keep to, and whether in a frame.
    pub wall: fn(Option<String>, bool) -> AnyView,
    /// The organiser's console, with the widget's storage.
    pub console: fn(SharedIo) -> AnyView,
    /// Answers from another page that need the candidate's answer: the
    /// question here, or the full build (which asks) in the journey build.
    pub arrival: fn() -> AnyView,
    /// How a pledge's page shows the follow-up after the vote (none in the
    /// verify build, which hands an elected signatory's page over).
    pub follow_up: Option<FollowUpShown>,
    /// The loaders' navigation (Back), in the builds that show the
    /// journey: the others never link the journey's state.
    pub loader_nav: Option<LoaderNav>,
    /// Whether this build asks that question itself; the journey build
    /// leaves the carrying address in place for the full build to read.
    pub asks: bool,
    /// The Rust Ed25519 verifier, in the build that carries it (the full
    /// one): the organiser's list is checked with it where the browser's
    /// cannot be trusted with a long message (see `web::check_list`).
    pub rust_verifier: Option<crate::web::RustVerifier>,
}

impl Parts {
    /// Everything: what the full build mounts.
    pub const FULL: Parts = Parts {
        scope: Scope::FULL,
        journey: own_journey,
        identity: full_identity,
        signing: full_signing,
        pledge_link: full_pledge_link,
        wall: wall_elsewhere,
        console: console_elsewhere,
        arrival: full_arrival,
        follow_up: Some(FollowUpShown(follow_up_with_bilan)),
        loader_nav: Some(LoaderNav::STEP_NAV),
        asks: true,
        rust_verifier: Some(rust_verifies),
    };

    /// The journey, handing over to the full build where it is needed.
    pub const JOURNEY: Parts = Parts {
        scope: Scope::JOURNEY,
        journey: own_journey,
        identity: identity_elsewhere,
        signing: journey_signing,
        pledge_link: journey_pledge_link,
        wall: wall_elsewhere,
        console: console_elsewhere,
        arrival: arrival_elsewhere,
        follow_up: None,
        loader_nav: Some(LoaderNav::STEP_NAV),
        asks: false,
        rust_verifier: None,
    };

    /// A pledge link, light: no journey, no signing, no card (each hands
    /// over to the build that has it).
    pub const VERIFY: Parts = Parts {
        scope: Scope::JOURNEY,
        journey: journey_elsewhere,
        identity: identity_elsewhere,
        signing: journey_signing,
        pledge_link: light_pledge_link,
        wall: wall_elsewhere,
        console: console_elsewhere,
        arrival: arrival_elsewhere,
        follow_up: None,
        loader_nav: None,
        asks: false,
        rust_verifier: None,
    };

    /// The public wall, light: the list and its checks (with the Rust
    /// verifier, for lists longer than the browser is trusted with), no
    /// journey, signing, card or console (each hands over).
    pub const WALL: Parts = Parts {
        scope: Scope::JOURNEY,
        journey: journey_elsewhere,
        identity: identity_elsewhere,
        signing: journey_signing,
        pledge_link: checked_pledge_link,
        wall: full_wall,
        console: console_elsewhere,
        arrival: arrival_elsewhere,
        follow_up: Some(FollowUpShown(follow_up_bilan_elsewhere)),
        loader_nav: None,
        asks: false,
        rust_verifier: Some(rust_verifies),
    };

    /// A commune's wall, lighter still: the index and the commune's own
    /// file, checked by the browser; everything else (another wall, a
    /// pledge's page, the journey, the console) hands over.
    pub const COMMUNE: Parts = Parts {
        scope: Scope::JOURNEY,
        journey: journey_elsewhere,
        identity: identity_elsewhere,
        signing: journey_signing,
        pledge_link: pledge_link_in_wall,
        wall: commune_wall,
        console: console_elsewhere,
        arrival: arrival_elsewhere,
        follow_up: None,
        loader_nav: None,
        asks: false,
        rust_verifier: None,
    };

    /// The organiser's console, and the wall it publishes; the candidate's
    /// journey, signing and card hand over.
    pub const CONSOLE: Parts = Parts {
        scope: Scope::JOURNEY,
        journey: journey_elsewhere,
        identity: identity_elsewhere,
        signing: journey_signing,
        pledge_link: checked_pledge_link,
        wall: full_wall,
        console: full_console,
        arrival: arrival_elsewhere,
        follow_up: Some(FollowUpShown(follow_up_bilan_elsewhere)),
        loader_nav: None,
        asks: false,
        rust_verifier: Some(rust_verifies),
    };

    pub fn provide(self) {
        provide_context(self);
        if let Some(shown) = self.follow_up {
            provide_context(shown);
        }
        if let Some(nav) = self.loader_nav {
            provide_context(nav);
        }
    }

    /// The build given to the widget root.
    pub fn use_context() -> Self {
        expect_context::<Parts>()
    }
}

/// The Rust Ed25519 verifier, in the builds that carry it.
fn rust_verifies(key: &PublicKey, message: &[u8], signature: &[u8; 64]) -> bool {
    key.verifies(message, signature)
}

fn own_journey(opener: JourneyOpener) -> AnyView {
    opener.open().provide();
    let parts = Parts::use_context();
    view! { <PledgeJourney identity=parts.identity signing=parts.signing arrival=parts.arrival /> }
        .into_any()
}

fn journey_elsewhere(_opener: JourneyOpener) -> AnyView {
    view! {
        <FullBuildLoader
            heading=text_signal(|t| t.journey_heading_loading)
            loading=text_signal(|t| t.loading_journey)
            target=Build::Journey
        />
    }
    .into_any()
}

fn light_pledge_link(fragment: String, on_start_own: Callback<()>) -> AnyView {
    view! { <LightVerification fragment on_start_own /> }.into_any()
}

/// A pledge link where the organiser's list is checked in Rust when long
/// (the wall's and the console's builds): no hand-over for it.
fn checked_pledge_link(fragment: String, on_start_own: Callback<()>) -> AnyView {
    view! { <LightVerification fragment on_start_own rust_verifier=rust_verifies /> }.into_any()
}

/// After the vote, on a pledge's page: the follow-up, and the « bilan »
/// card (the full build).
fn follow_up_with_bilan(of: FollowUpOf) -> AnyView {
    let FollowUpOf {
        follow_up,
        pledge,
        link,
        issued,
        vouched,
    } = of.clone();
    // Only for a pledge the list vouches for: the image carries the
    // organiser's mark.
    view! {
        <FollowUpView of />
        {vouched.then(|| view! { <BilanCard follow_up pledge link issued /> })}
    }
    .into_any()
}

/// The « bilan » card's request, in the follow-up's words.
const BILAN_REQUEST: RequestLabels = RequestLabels {
    heading: || follow_up_texts().bilan_heading,
    explain: || follow_up_texts().bilan_explain,
    button: || follow_up_texts().bilan_request,
    id: "pw-bilan-request-heading",
    bilan: true,
};

/// The follow-up, and a button that loads the full build for the
/// « bilan » card (the wall's and the console's builds).
fn follow_up_bilan_elsewhere(of: FollowUpOf) -> AnyView {
    let elected = of.vouched
        && of
            .follow_up
            .mandate(&of.pledge.public_key(), None)
            .is_some();
    view! {
        <FollowUpView of />
        {elected.then(|| view! { <CardRequest labels=BILAN_REQUEST /> })}
    }
    .into_any()
}

/// What a valid pledge's page shows below it: the card and the charter
/// (full build), or a button that loads them (verify build).
fn full_extras(pledge: VerifiedPledge, link: String) -> AnyView {
    view! {
        <CardPanel pledge=pledge.clone() link=link.clone() />
        <PrintCharter pledge link />
    }
    .into_any()
}

fn full_identity() -> AnyView {
    view! { <IdentityStep /> }.into_any()
}

fn identity_elsewhere() -> AnyView {
    view! {
        <FullBuildLoader
            heading=text_signal(|t| t.identity_heading)
            loading=text_signal(|t| t.loading_identity)
        />
    }
    .into_any()
}

fn full_signing(step: Step) -> AnyView {
    match step {
        Step::Signed => view! { <SignedScreen /> }.into_any(),
        _ => view! { <SignStep /> }.into_any(),
    }
}

fn full_pledge_link(fragment: String, on_start_own: Callback<()>) -> AnyView {
    match ShareLink::read(&fragment) {
        Fragment::Pledge(result) => {
            view! { <VerificationView result on_start_own extras=full_extras rust_verifier=Parts::FULL.rust_verifier /> }.into_any()
        }
        Fragment::None => ().into_any(),
    }
}

fn full_arrival() -> AnyView {
    view! { <ArrivalQuestion /> }.into_any()
}

fn arrival_elsewhere() -> AnyView {
    view! {
        <FullBuildLoader
            heading=text_signal(|t| t.arrival_question)
            loading=text_signal(|t| t.loading_arrival)
        />
    }
    .into_any()
}

fn journey_signing(step: Step) -> AnyView {
    let heading = match step {
        Step::Signed => text_signal(|t| t.signed_heading),
        _ => text_signal(|t| t.sign_heading),
    };
    view! { <FullBuildLoader heading loading=text_signal(|t| t.loading_signing) /> }.into_any()
}

fn journey_pledge_link(_fragment: String, _on_start_own: Callback<()>) -> AnyView {
    pledge_link_in(Build::Full)
}

/// A pledge's page, shown by the build `target` once it takes over.
fn pledge_link_in(target: Build) -> AnyView {
    view! {
        <FullBuildLoader
            heading=text_signal(|t| t.verify_heading)
            loading=text_signal(|t| t.loading_verification)
            target
        />
    }
    .into_any()
}

fn full_wall(commune: Option<String>, embedded: bool) -> AnyView {
    view! { <PledgeWall commune embedded rust_verifier=Parts::WALL.rust_verifier /> }.into_any()
}

/// A commune's wall by its code (the commune build), else the wall build.
fn commune_wall(commune: Option<String>, embedded: bool) -> AnyView {
    let code = commune.and_then(|c| CommuneCode::parse(&c.trim().to_ascii_uppercase()));
    match code {
        Some(code) => view! {
            <CommuneWall code embedded wall_elsewhere=|| wall_elsewhere(None, false) />
        }
        .into_any(),
        None => wall_elsewhere(None, false),
    }
}

/// A pledge's page, from a commune's wall: the wall build shows it.
fn pledge_link_in_wall(_fragment: String, _on_start_own: Callback<()>) -> AnyView {
    pledge_link_in(Build::Wall)
}

fn full_console(io: SharedIo) -> AnyView {
    // The console build carries the Rust verifier (the published list is
    // read to number the next one above it).
    view! { <OrganiserConsole io rust_verifier=Some(rust_verifies) /> }.into_any()
}

/// The wall and the console have builds of their own (the boot script
/// starts them first for `?mur` and `?organisateur`; this is the fallback).
fn wall_elsewhere(_commune: Option<String>, _embedded: bool) -> AnyView {
    view! {
        <FullBuildLoader
            heading=Signal::derive(|| org_texts().wall_heading)
            loading=Signal::derive(|| org_texts().wall_loading)
            target=Build::Wall
        />
    }
    .into_any()
}

fn console_elsewhere(_io: SharedIo) -> AnyView {
    view! {
        <FullBuildLoader
            heading=Signal::derive(|| org_texts().console_heading)
            loading=text_signal(|t| t.loading_journey)
            target=Build::Console
        />
    }
    .into_any()
}
