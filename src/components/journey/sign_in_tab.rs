use leptos::prelude::*;

use crate::domain::{Action, ShareLink, Step};
use crate::state::{journey_texts, texts, PledgeState};
use crate::web;

/// Signing from a partner's frame: the candidate's key lives on the
/// widget's own page (top level, its own origin), where browsers keep
/// storage whole. So the sign step here opens that page in a new tab,
/// carrying the answers and identity (never a key); the candidate signs
/// there with their one key, and the tab tells this frame, which then shows
/// the signed pledge.
#[component]
pub fn SignInTab() -> impl IntoView {
    let state = PledgeState::use_context();
    let opened = RwSignal::new(false);
    let link = move || state.carry_link(&web::page_url(), &web::hand_over_token());
    // The tab says when it signed: show that pledge here.
    web::on_signed_in_tab(move |payload| {
        web::go_to_fragment(&format!("#{}{payload}", ShareLink::MARKER));
    });
    view! {
        <section class="pw-step pw-sign-in-tab">
            <h1 class="pw-step__heading" tabindex="-1">{move || texts().sign_heading}</h1>
            <p class="pw-step__lead">{move || journey_texts().sign_in_tab_lead}</p>
            // `rel="opener"`: the tab tells this frame when it signed
            // (a message to the widget's own origin only).
            <a
                class="pw-button pw-button--primary pw-sign-in-tab__open"
                href=link
                target="_blank"
                rel="opener"
                on:click=move |_| opened.set(true)
            >
                {move || journey_texts().sign_in_tab_button}
            </a>
            <p class="pw-sign-in-tab__status" role="status">
                {move || opened.get().then(|| journey_texts().sign_in_tab_opened)}
            </p>
            <div class="pw-nav">
                <button
                    type="button"
                    class="pw-button pw-nav__back"
                    on:click=move |_| state.dispatch(Action::GoTo(Step::Summary))
                >
                    {move || texts().back}
                </button>
            </div>
        </section>
    }
}
