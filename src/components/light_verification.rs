use leptos::prelude::*;

use super::{parts::light_extras, FullBuildLoader, VerificationView};
use crate::domain::Fragment;
use crate::state::{text, texts};
use crate::web;

/// A pledge link in the verify build: its signature checked by the
/// browser's Ed25519 (`web::verify_link`), then the same page as the full
/// build's, with a button for the card instead of the card. Where the
/// browser has no Ed25519, hands over to the full build (Rust verifier).
#[component]
pub fn LightVerification(
    /// The page's fragment (`#e=…`).
    fragment: String,
    on_start_own: Callback<()>,
) -> impl IntoView {
    let verdict = RwSignal::new(None::<Result<Fragment, web::NoEd25519>>);
    leptos::task::spawn_local(async move {
        let result = web::verify_link(&fragment).await;
        let _ = verdict.try_set(Some(result));
    });
    move || match verdict.get() {
        None => view! {
            // A screen tall: what follows (the privacy note) stays below the
            // fold, so that the verdict replacing it moves nothing in view.
            <section class="pw-step pw-loader pw-loader--pending">
                <h1 class="pw-step__heading" tabindex="-1">{move || texts().verify_heading}</h1>
                <p class="pw-loader__status" role="status">{move || texts().verifying}</p>
            </section>
        }
        .into_any(),
        Some(Ok(Fragment::Pledge(result))) => {
            view! { <VerificationView result on_start_own extras=light_extras /> }.into_any()
        }
        Some(Ok(Fragment::None)) => ().into_any(),
        Some(Err(web::NoEd25519)) => view! {
            <FullBuildLoader
                heading=text(|t| t.verify_heading)
                loading=text(|t| t.loading_verification)
            />
        }
        .into_any(),
    }
}
