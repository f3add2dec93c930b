use leptos::prelude::*;

use crate::state::{campaign, texts};

use super::{CommitmentCheckbox, ProposalJump, StepNav, StepProgress};
use crate::domain::Action;
use crate::state::PledgeState;

/// One proposal: its text, its commitments to tick, and the way around.
#[component]
pub fn ProposalStep(
    /// Index 0–9 of the proposal.
    index: u8,
) -> impl IntoView {
    let t = texts();
    let c = campaign();
    let state = PledgeState::use_context();
    let Some(proposal) = c.proposal(usize::from(index)) else {
        return ().into_any();
    };
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
                {move || if all_ticked() { t.untick_all } else { t.tick_all }}
            </button>
        }
    });
    view! {
        <section class="pw-step pw-proposal">
            <StepProgress index />
            <h1 class="pw-step__heading pw-proposal__title" tabindex="-1">
                <span class="pw-proposal__number">{format!("#{}.", proposal.number)}</span>
                " "
                {proposal.title}
            </h1>
            <p class="pw-proposal__text">{proposal.text}</p>
            <fieldset class="pw-commitments">
                <legend class="pw-visually-hidden">{t.commitments_legend}</legend>
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
