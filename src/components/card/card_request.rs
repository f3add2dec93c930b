use leptos::prelude::*;

use crate::i18n::Lang;
use crate::state::{follow_up_texts, texts, Locale};
use crate::web;

/// In the verify build, where the card would be: a button that loads the
/// full build, which takes the page over and shows the card. Nothing of
/// the card (QR code, PNG, canvas, fonts) is downloaded before.
///
/// With `bilan`, the same for an elected signatory's « bilan » card.
#[component]
pub fn CardRequest(#[prop(optional)] bilan: bool) -> impl IntoView {
    let locale = use_context::<Locale>();
    let status = RwSignal::new(None::<Result<(), web::FullBuildError>>);
    let load = move |_| {
        status.set(Some(Ok(())));
        leptos::task::spawn_local(async move {
            let lang = locale.map_or(Lang::Fr, |l| l.0.get_untracked()).code();
            web::request_card_on_takeover(bilan);
            if let Err(e) = web::start_build(web::Build::Full, lang).await {
                let _ = status.try_set(Some(Err(e)));
            }
        });
    };
    let id = if bilan {
        "pw-bilan-request-heading"
    } else {
        "pw-card-request-heading"
    };
    view! {
        <section class="pw-card pw-card--request" aria-labelledby=id>
            <h2 class="pw-summary__section-title" id=id>
                {move || if bilan { follow_up_texts().bilan_heading } else { texts().card_heading }}
            </h2>
            <p>{move || if bilan { follow_up_texts().bilan_explain } else { texts().card_request_explain }}</p>
            <button
                type="button"
                class="pw-button pw-button--secondary"
                on:click=load
                disabled=move || matches!(status.get(), Some(Ok(())))
            >
                {move || if bilan { follow_up_texts().bilan_request } else { texts().card_request }}
            </button>
            {move || match status.get() {
                Some(Ok(())) => Some(
                    view! { <p class="pw-loader__status" role="status">{move || texts().loading_card}</p> }
                        .into_any(),
                ),
                Some(Err(web::FullBuildError::NewVersion)) => Some(
                    view! { <p class="pw-form__error" role="alert">{move || texts().new_version}</p> }
                        .into_any(),
                ),
                Some(Err(_)) => Some(
                    view! { <p class="pw-form__error" role="alert">{move || texts().part_load_failed}</p> }
                        .into_any(),
                ),
                None => None,
            }}
        </section>
    }
}
