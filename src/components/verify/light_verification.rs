use leptos::{context::Provider, prelude::*};

use super::list_verdict::KnownList;
use super::VerificationView;
use crate::components::card::CardRequest;
use crate::components::ui::FullBuildLoader;
use crate::domain::organiser::pledge_list::ListFailure;
use crate::domain::Fragment;
use crate::state::{organiser, text_signal, texts};
use crate::web::{self, Build};

/// A pledge link in the verify build (and in the wall's and the console's):
/// its signature checked by the browser's Ed25519 (`web::verify_link`),
/// then the same page as the full build's, with a button for the card
/// instead of the card. Where the browser has no Ed25519, hands over to the
/// full build (Rust verifier); where the organiser's list is longer than
/// the browser is trusted with and this build has no Rust verifier, to the
/// wall build, which has one and nothing of the candidate's.
#[component]
pub fn LightVerification(
    /// The page's fragment (`#e=…`).
    fragment: String,
    on_start_own: Callback<()>,
    /// The Rust Ed25519, for the organiser's list, in the builds that
    /// carry it.
    #[prop(optional)]
    rust_verifier: Option<web::RustVerifier>,
) -> impl IntoView {
    // The checked fragment, or the build to hand over to.
    let verdict = RwSignal::new(None::<Result<Fragment, Build>>);
    // The organiser's list (fetched by the boot script since the page
    // started), checked before the verdict shows, so that its status
    // appears with the seal instead of moving the page after it.
    let known = StoredValue::new(None::<Result<web::LoadedList, ListFailure>>);
    let pinned = organiser().and_then(|o| o.public_key);
    // Whether this build shows the follow-up after the vote (the wall's,
    // the full one), or hands an elected signatory's page over.
    let shows_follow_up = use_context::<super::FollowUpShown>().is_some();
    leptos::task::spawn_local(async move {
        let result = web::verify_link(&fragment)
            .await
            .map_err(|web::NoEd25519| Build::Full);
        if let (Some(pinned), Ok(Fragment::Pledge(Ok(pledge)))) = (pinned, &result) {
            // Where the organiser publishes shards: its département's only.
            let shard = crate::domain::organiser::shards::shard_name(pledge);
            let list = web::load_list_for(&pinned, rust_verifier, &shard).await;
            // The signatory was elected: the follow-up after the vote is
            // shown by the wall's build (this one does not carry it).
            let signatory = pledge.public_key();
            let followed = !shows_follow_up
                && list.as_ref().is_ok_and(|l| {
                    l.list
                        .follow_up
                        .mandate(&signatory, Some(l.list.issued))
                        .is_some()
                });
            if followed || matches!(list, Err(ListFailure::NoVerifier)) {
                // Or the browser checked the link, so it has Ed25519, but
                // the list is longer than it is trusted with. A build with
                // the Rust verifier checks it: the wall's, lighter than the
                // full one.
                let _ = verdict.try_set(Some(Err(Build::Wall)));
                return;
            }
            known.set_value(Some(list));
        }
        let _ = verdict.try_set(Some(result));
    });
    move || {
        match verdict.get() {
        None => view! {
            // A screen tall: what follows (the privacy note) stays below the
            // fold, so that the verdict replacing it moves nothing in view.
            <section class="pw-step pw-loader pw-loader--pending">
                <h1 class="pw-step__heading" tabindex="-1">{move || texts().verify_heading}</h1>
                <p class="pw-loader__status" role="status">{move || texts().verifying}</p>
            </section>
        }
        .into_any(),
        Some(Ok(Fragment::Pledge(result))) => match known.get_value() {
            Some(list) => view! {
                <Provider value=KnownList(StoredValue::new(list))>
                    <VerificationView result=result.clone() on_start_own extras=light_extras rust_verifier />
                </Provider>
            }
            .into_any(),
            None => {
                view! { <VerificationView result on_start_own extras=light_extras rust_verifier /> }.into_any()
            }
        },
        Some(Ok(Fragment::None)) => ().into_any(),
        Some(Err(target)) => view! {
            <FullBuildLoader
                heading=text_signal(|t| t.verify_heading)
                loading=text_signal(|t| t.loading_verification)
                target
            />
        }
        .into_any(),
    }
    }
}

/// What the verify build shows under a pledge: the button that asks for the
/// card (and so for the full build).
fn light_extras(_pledge: crate::domain::VerifiedPledge, _link: String) -> AnyView {
    view! { <CardRequest /> }.into_any()
}
