use leptos::prelude::*;

use crate::state::{campaign, journey_texts};

use super::{CommitmentCheckbox, ProposalJump, StepProgress};
use crate::components::ui::StepNav;
use crate::domain::Action;
use crate::state::PledgeState;

/// One proposal: its text, its commitments to tick, and the way around.
#[component]
pub fn ProposalStep(
    /// Index 0–9 of the proposal.
    index: u8,
) -> impl IntoView {
    let state = PledgeState::use_context();
    let Some(proposal) = campaign().proposal(usize::from(index)) else {
        return ().into_any();
    };
    // The proposal in the language shown (same index in every language).
    let shown = move || campaign().proposal(usize::from(index)).unwrap_or(proposal);
    let all_ticked = move || state.with(|d| d.selection.has_all_of(proposal));
    let tick_all = (proposal.commitments.len() > 1).then(|| {
        view! {
            <button
                type="button"
                class="pw-button pw-button--quiet pw-proposal__tick-all"
                on:click=move |_| {
                    state.dispatch(Action::SetAllOf(usize::from(index), !all_ticked()))
                }
            >
                {move || if all_ticked() { journey_texts().untick_all } else { journey_texts().tick_all }}
            </button>
        }
    });
    view! {
        <section class="pw-step pw-proposal">
            <StepProgress index />
            <h1 class="pw-step__heading pw-proposal__title" tabindex="-1">
                <span class="pw-proposal__number">{format!("#{}.", proposal.number)}</span>
                " "
                {move || shown().title}
            </h1>
            <p class="pw-proposal__text">{move || campaign().prose().proposal(proposal.number)}</p>
            <fieldset class="pw-commitments">
                <legend class="pw-visually-hidden">{move || journey_texts().commitments_legend}</legend>
                {proposal
                    .commitments
                    .iter()
                    .map(|commitment| view! { <CommitmentCheckbox commitment /> })
                    .collect_view()}
            </fieldset>
            {tick_all}
            <ProposalJump current=index />
            <StepNav />
        </section>
    }
    .into_any()
}
