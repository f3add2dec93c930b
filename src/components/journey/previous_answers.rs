use leptos::prelude::*;

use crate::campaign::COMMITMENT_COUNT;
use crate::domain::{Kept, SetAsideItem};
use crate::i18n::fill;
use crate::state::{journey_texts, texts, PledgeState};
use crate::web;

/// « Récupérer mes réponses précédentes »: the drafts set aside (by a
/// replacement, a restore, or a record that could not be read), each with
/// what it holds and the day, and a way to take it back (or, for data that
/// did not read, to download it). Nothing when there are none.
#[component]
pub fn PreviousAnswers() -> impl IntoView {
    let state = PledgeState::use_context();
    move || {
        let list = state.set_aside_drafts();
        if list.is_empty() {
            return ().into_any();
        }
        let items = list
            .items()
            .iter()
            .cloned()
            .enumerate()
            .map(|(index, item)| view! { <SetAsideEntry index item /> })
            .collect_view();
        view! {
            <details class="pw-previous">
                <summary class="pw-previous__summary">{move || journey_texts().previous_answers}</summary>
                <ul class="pw-previous__list">{items}</ul>
            </details>
        }
        .into_any()
    }
}

/// One set-aside draft, and what can be done with it.
#[component]
fn SetAsideEntry(index: usize, item: SetAsideItem) -> impl IntoView {
    let state = PledgeState::use_context();
    let day = item.day;
    let when = move || {
        let t = texts();
        fill(journey_texts().set_aside_on, &[("date", &t.date(day))])
    };
    match item.kept {
        Kept::Draft(draft) => {
            let id = draft.identity;
            let name = Some(id.name.trim().to_owned()).filter(|n| !n.is_empty());
            let commune = id.commune.trim().to_owned();
            let count = draft.selection.count();
            view! {
                <li class="pw-previous__item">
                    <p class="pw-previous__who">
                        {match name {
                            Some(name) => view! { <bdi>{name}</bdi> }.into_any(),
                            None => view! { <span>{move || journey_texts().no_name}</span> }.into_any(),
                        }}
                        {(!commune.is_empty()).then(|| view! { ", " <bdi>{commune}</bdi> })}
                    </p>
                    <p class="pw-previous__what">
                        {move || texts().count(count, COMMITMENT_COUNT)} " · " {when}
                    </p>
                    <button
                        type="button"
                        class="pw-button pw-previous__restore"
                        on:click=move |_| state.restore(index)
                    >
                        {move || texts().restore}
                    </button>
                </li>
            }
            .into_any()
        }
        Kept::Unreadable(text) => view! {
            <li class="pw-previous__item">
                <p class="pw-previous__who">{move || journey_texts().unreadable_answers}</p>
                <p class="pw-previous__what">{when}</p>
                <button
                    type="button"
                    class="pw-button pw-previous__restore"
                    on:click=move |_| {
                        web::download_text("reponses-illisibles.txt", &text, "text/plain");
                    }
                >
                    {move || journey_texts().download_unreadable}
                </button>
            </li>
        }
        .into_any(),
    }
}
