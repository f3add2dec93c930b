use leptos::prelude::*;

use super::CommitmentList;
use crate::campaign::COMMITMENT_COUNT;
use crate::domain::{Draft, Field, Identity};
use crate::state::{journey_texts, texts, Arrival, PledgeState};

/// Answers from another page that would replace the candidate's own:
/// both side by side, and nothing changes until the candidate chooses
/// « Remplacer mes réponses » or « Garder les miennes ».
#[component]
pub fn ArrivalQuestion() -> impl IntoView {
    let state = PledgeState::use_context();
    move || {
        let Some(Arrival::Asking {
            mine,
            received,
            signed,
        }) = state.arrival()
        else {
            return ().into_any();
        };
        view! {
            <section class="pw-step pw-arrival" aria-labelledby="pw-arrival-heading">
                <h1 class="pw-step__heading" id="pw-arrival-heading" tabindex="-1">
                    {move || texts().arrival_question}
                </h1>
                <p class="pw-step__lead">{move || journey_texts().arrival_lead}</p>
                <div class="pw-arrival__drafts">
                    <DraftDigest title=|| journey_texts().arrival_mine draft=mine />
                    <DraftDigest title=|| journey_texts().arrival_received draft=received />
                </div>
                {signed.then(|| view! { <p class="pw-arrival__note">{move || journey_texts().arrival_signed_note}</p> })}
                <div class="pw-nav">
                    <button
                        type="button"
                        class="pw-button pw-nav__back"
                        on:click=move |_| state.refuse_arrival()
                    >
                        {move || journey_texts().arrival_keep}
                    </button>
                    <button
                        type="button"
                        class="pw-button pw-button--primary pw-nav__next"
                        on:click=move |_| state.accept_arrival()
                    >
                        {move || journey_texts().arrival_replace}
                    </button>
                </div>
            </section>
        }
        .into_any()
    }
}

/// One draft in brief: who, where, how many commitments, and which.
#[component]
fn DraftDigest(title: fn() -> &'static str, draft: Draft) -> impl IntoView {
    let id = draft.identity;
    let selection = draft.selection;
    let has_answers = draft.selection.count() > 0 || id != Identity::default();
    // Text that could not be signed (too long, hidden or stacked
    // characters: another page may send anything) is not shown, only said.
    let who: Vec<_> = [Field::Name, Field::Commune, Field::List]
        .into_iter()
        .filter(|&f| !id.get(f).trim().is_empty())
        .map(|f| match id.error(f) {
            None => {
                let shown = match f {
                    Field::Commune => texts().commune_label(&id),
                    _ => id.get(f).trim().to_owned(),
                };
                view! { <li><bdi>{shown}</bdi></li> }.into_any()
            }
            Some(_) => view! {
                <li class="pw-arrival__unsignable">{move || journey_texts().arrival_unsignable}</li>
            }
            .into_any(),
        })
        .collect();
    view! {
        <section class="pw-arrival__draft">
            <h2 class="pw-arrival__draft-title">{title}</h2>
            {if has_answers {
                view! {
                    <ul class="pw-arrival__who">{who}</ul>
                    <p class="pw-arrival__count">
                        {move || texts().count(selection.count(), COMMITMENT_COUNT)}
                    </p>
                    <CommitmentList selection=Signal::stored(selection) />
                }
                    .into_any()
            } else {
                view! { <p class="pw-arrival__count">{move || journey_texts().no_answers}</p> }.into_any()
            }}
        </section>
    }
}
