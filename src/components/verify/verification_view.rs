use leptos::{context::Provider, prelude::*};

use crate::state::{texts, Vouched};

use super::{ListVerdict, PledgeView};
use crate::domain::{LinkError, ShareLink, VerifiedPledge};
use crate::i18n::fill;
use crate::web;

/// What a visitor sees when opening a pledge link: the seal's status, the
/// pledge if it is valid, and a way to start their own.
#[component]
pub fn VerificationView(
    /// The pledge read from the link, or why it could not be.
    result: Result<VerifiedPledge, LinkError>,
    /// Leaves the link for the visitor's own journey.
    on_start_own: Callback<()>,
    /// What follows a valid pledge (the card, or a button loading it),
    /// given the pledge and its link: see `Parts`.
    extras: fn(VerifiedPledge, String) -> AnyView,
    /// The Rust verifier, where the build carries it (see `web::check_list`).
    rust_verifier: Option<web::RustVerifier>,
) -> impl IntoView {
    // The list's verdict reaches the card through this context, scoped to
    // this page (a child owner): gone with it.
    let vouched = Vouched(RwSignal::new(None));
    view! {
        <Provider value=vouched>{move || verification(result.clone(), on_start_own, extras, rust_verifier)}</Provider>
    }
}

fn verification(
    result: Result<VerifiedPledge, LinkError>,
    on_start_own: Callback<()>,
    extras: fn(VerifiedPledge, String) -> AnyView,
    rust_verifier: Option<web::RustVerifier>,
) -> impl IntoView {
    let (status, body) = match result {
        Ok(pledge) => {
            let payload = ShareLink::payload(&web::fragment()).and_then(Result::ok);
            let fingerprint = pledge.public_key().fingerprint();
            let detail = move || {
                fill(
                    texts().verify_valid_detail,
                    &[("fingerprint", &fingerprint)],
                )
            };
            (
                view! {
                    <div class="pw-seal pw-seal--valid" role="status">
                        <p class="pw-seal__title">{move || texts().verify_valid}</p>
                        <p class="pw-seal__detail">{detail}</p>
                    </div>
                    {payload.map(|payload| view! { <ListVerdict pledge=pledge.clone() payload rust_verifier /> })}
                }
                .into_any(),
                Some({
                    // The page's own address is the verification link.
                    let link = format!("{}{}", web::page_url(), web::fragment());
                    view! {
                        <PledgeView pledge=pledge.clone() />
                        {extras(pledge, link)}
                    }
                }),
            )
        }
        Err(error) => (
            view! {
                <div class="pw-seal pw-seal--invalid" role="alert">
                    <p class="pw-seal__title">{move || texts().verify_invalid}</p>
                    <p class="pw-seal__detail">{move || texts().link_reason(error.kind())}</p>
                </div>
            }
            .into_any(),
            None,
        ),
    };
    view! {
        <section class="pw-step pw-verify">
            <h1 class="pw-step__heading" tabindex="-1">
                {move || texts().verify_heading}
            </h1>
            {status}
            {body}
            <div class="pw-nav">
                <button
                    type="button"
                    class="pw-button pw-button--primary pw-nav__next"
                    on:click=move |_| on_start_own.run(())
                >
                    {move || texts().verify_start_own}
                </button>
            </div>
        </section>
    }
}
