use leptos::prelude::*;

use crate::domain::{Action, Step};
use crate::state::{texts, PledgeState};

/// "Modifier": goes back to a step to change it.
#[component]
pub fn EditButton(
    /// What it edits, for screen readers ("Modifier la proposition 3").
    #[prop(into)]
    label: Signal<String>,
    /// The step to go back to.
    step: Step,
) -> impl IntoView {
    let state = PledgeState::use_context();
    view! {
        <button
            type="button"
            class="pw-button pw-button--quiet pw-summary__edit"
            aria-label=label
            on:click=move |_| state.dispatch(Action::GoTo(step))
        >
            {move || texts().edit}
        </button>
    }
}
