use leptos::prelude::*;

use crate::campaign::Commitment;
use crate::domain::Action;
use crate::state::{campaign, PledgeState};

/// One "Je m'engage à …" as a large checkbox whose label is its text.
#[component]
pub fn CommitmentCheckbox(
    /// The commitment to tick.
    commitment: &'static Commitment,
) -> impl IntoView {
    let state = PledgeState::use_context();
    let position = commitment.position;
    let id = format!("pw-commitment-{}", commitment.id.replace('.', "-"));
    view! {
        <div class="pw-checkbox">
            <input
                type="checkbox"
                class="pw-checkbox__input"
                id=id.clone()
                prop:checked=move || state.with(|d| d.selection.contains(position))
                on:change=move |ev| state.dispatch(Action::Tick(position, event_target_checked(&ev)))
            />
            <label class="pw-checkbox__label" for=id>
                // In the language shown (same position in every language).
                {move || campaign().commitment_at(position).map_or(commitment.text, |c| c.text)}
            </label>
        </div>
    }
}
