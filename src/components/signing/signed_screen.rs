use leptos::{html, prelude::*, task::spawn_local};

use crate::state::{journey_texts, texts};

use super::{KeyPanel, SendToOrganiser};
use crate::components::card::{CardPanel, PrintCharter};
use crate::components::journey::OwnPledges;
use crate::components::verify::PledgeView;
use crate::domain::{Action, Step};
use crate::state::PledgeState;
use crate::web;

/// The signed pledge: its link to share and copy, and the key behind it.
#[component]
pub fn SignedScreen() -> impl IntoView {
    let state = PledgeState::use_context();
    let copied = RwSignal::new(None::<bool>);
    let link_input = NodeRef::<html::Input>::new();
    let link = move || state.share_link(&web::page_url()).unwrap_or_default();
    // Opened from a partner's frame to sign: that frame shows the pledge.
    if let Some(signed) = state.signed_untracked() {
        web::tell_opener_signed(&signed.payload);
    }

    let copy = move |_| {
        let text = link();
        spawn_local(async move {
            let ok = web::copy_text(&text).await;
            let _ = copied.try_set(Some(ok));
            if !ok {
                if let Some(input) = link_input.try_get_untracked().flatten() {
                    input.select();
                }
            }
        });
    };

    view! {
        <section class="pw-step pw-signed">
            <h1 class="pw-step__heading" tabindex="-1">
                {move || texts().signed_heading}
            </h1>
            <p class="pw-step__lead">{move || journey_texts().signed_lead}</p>
            <div class="pw-share">
                <label class="pw-field__label" for="pw-share-link">
                    {move || journey_texts().link_label}
                </label>
                <input
                    id="pw-share-link"
                    class="pw-field__input pw-share__link"
                    type="text"
                    readonly
                    node_ref=link_input
                    prop:value=link
                />
                <div class="pw-share__actions">
                    <button type="button" class="pw-button pw-button--primary" on:click=copy>
                        {move || journey_texts().copy_link}
                    </button>
                    <a class="pw-button" href=link target="_blank" rel="noopener">
                        {move || journey_texts().open_link}
                    </a>
                </div>
                <p class="pw-share__status" role="status">
                    {move || match copied.get() {
                        Some(true) => journey_texts().link_copied,
                        Some(false) => journey_texts().copy_failed,
                        None => "",
                    }}
                </p>
            </div>
            <SendToOrganiser />
            {move || {
                state
                    .signed()
                    .map(|s| {
                        let link = state.share_link(&web::page_url()).unwrap_or_default();
                        view! {
                            <CardPanel pledge=s.pledge.clone() link=link.clone() />
                            <PledgeView pledge=s.pledge.clone() />
                            <PrintCharter pledge=s.pledge link />
                        }
                    })
            }}
            <OwnPledges latest=false />
            <KeyPanel full=true />
            <div class="pw-nav">
                <button
                    type="button"
                    class="pw-button pw-nav__back"
                    on:click=move |_| state.dispatch(Action::GoTo(Step::Summary))
                >
                    {move || journey_texts().edit_pledge}
                </button>
            </div>
        </section>
    }
}
