use leptos::prelude::*;

use crate::i18n::Lang;
use crate::state::{texts, Locale};
use crate::web;

/// What a [`CardRequest`] says, as functions of the language in context:
/// the card's words ([`RequestLabels::CARD`]), or the « bilan » card's
/// (given by the builds that carry the follow-up's strings, so that the
/// verify build never links them).
#[derive(Clone, Copy)]
pub struct RequestLabels {
    pub heading: fn() -> &'static str,
    pub explain: fn() -> &'static str,
    pub button: fn() -> &'static str,
    /// The heading's id, unique on the page.
    pub id: &'static str,
    /// Whether it asks for the « bilan » card (the full build focuses it).
    pub bilan: bool,
}

impl RequestLabels {
    pub const CARD: RequestLabels = RequestLabels {
        heading: || texts().card_heading,
        explain: || texts().card_request_explain,
        button: || texts().card_request,
        id: "pw-card-request-heading",
        bilan: false,
    };
}

/// In the verify build, where the card would be: a button that loads the
/// full build, which takes the page over and shows the card. Nothing of
/// the card (QR code, PNG, canvas, fonts) is downloaded before.
///
/// With other `labels`, the same for an elected signatory's « bilan »
/// card.
#[component]
pub fn CardRequest(#[prop(optional)] labels: Option<RequestLabels>) -> impl IntoView {
    let labels = labels.unwrap_or(RequestLabels::CARD);
    let locale = use_context::<Locale>();
    let status = RwSignal::new(None::<Result<(), web::FullBuildError>>);
    let load = move |_| {
        status.set(Some(Ok(())));
        leptos::task::spawn_local(async move {
            let lang = locale.map_or(Lang::Fr, |l| l.0.get_untracked()).code();
            web::request_card_on_takeover(labels.bilan);
            if let Err(e) = web::start_build(web::Build::Full, lang).await {
                let _ = status.try_set(Some(Err(e)));
            }
        });
    };
    view! {
        <section class="pw-card pw-card--request" aria-labelledby=labels.id>
            <h2 class="pw-summary__section-title" id=labels.id>
                {move || (labels.heading)()}
            </h2>
            <p>{move || (labels.explain)()}</p>
            <button
                type="button"
                class="pw-button pw-button--secondary"
                on:click=load
                disabled=move || matches!(status.get(), Some(Ok(())))
            >
                {move || (labels.button)()}
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
