use leptos::{ev::SubmitEvent, html, prelude::*};

use crate::state::{journey_text_signal, journey_texts, texts};

use super::{CommuneField, IdentityField, RoleChoice};
use crate::components::ui::StepNav;
use crate::domain::{Action, Field};
use crate::state::PledgeState;
use crate::web;

/// Who signs: name, commune, list and role, with messages next to fields.
#[component]
pub fn IdentityStep() -> impl IntoView {
    let state = PledgeState::use_context();
    let attempted = RwSignal::new(false);
    let complete = move || state.with(|d| d.identity.is_complete());
    let form = NodeRef::<html::Form>::new();

    let on_submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        attempted.set(true);
        if complete() {
            state.dispatch(Action::Next);
        } else {
            request_animation_frame(move || {
                if let Some(form) = form.get_untracked() {
                    web::focus_first(&form, "[aria-invalid='true']");
                }
            });
        }
    };

    view! {
        <section class="pw-step pw-identity">
            <h1 class="pw-step__heading" tabindex="-1">
                {move || texts().identity_heading}
            </h1>
            <p class="pw-step__lead">{move || journey_texts().identity_lead}</p>
            <form class="pw-form" novalidate node_ref=form on:submit=on_submit>
                <IdentityField field=Field::Name autocomplete="name" attempted />
                <CommuneField attempted />
                <IdentityField field=Field::List autocomplete="organization" attempted />
                <RoleChoice />
                <Show when=move || attempted.get() && !complete()>
                    <p class="pw-form__error" role="alert">
                        {move || journey_texts().fix_errors}
                    </p>
                </Show>
                <StepNav next_label=journey_text_signal(|t| t.to_summary) submit=true />
            </form>
        </section>
    }
}
