use leptos::prelude::*;

use crate::state::{campaign, journey_texts};

use crate::domain::{Action, Step};
use crate::i18n::fill;
use crate::state::PledgeState;

/// Buttons 1–10 to jump to any proposal; those with ticks are marked.
#[component]
pub fn ProposalJump(
    /// Index 0–9 of the proposal shown.
    current: u8,
) -> impl IntoView {
    let c = campaign();
    let state = PledgeState::use_context();
    let items = c
        .proposals
        .iter()
        .zip(0u8..)
        .map(|(proposal, index)| {
            let ticked = move || state.with(|d| d.selection.count_in(proposal));
            let class = move || {
                let mut class = String::from("pw-button pw-jump__item");
                if index == current {
                    class.push_str(" pw-jump__item--current");
                }
                if ticked() > 0 {
                    class.push_str(" pw-jump__item--ticked");
                }
                class
            };
            let label = move || {
                fill(
                    journey_texts().jump_button_label,
                    &[
                        ("n", &proposal.number.to_string()),
                        ("ticked", &ticked().to_string()),
                        ("total", &proposal.commitments.len().to_string()),
                    ],
                )
            };
            view! {
                <li>
                    <button
                        type="button"
                        class=class
                        aria-label=label
                        aria-current=(index == current).then_some("step")
                        on:click=move |_| state.dispatch(Action::GoTo(Step::Proposal(index)))
                    >
                        {proposal.number}
                    </button>
                </li>
            }
        })
        .collect_view();
    view! {
        <nav class="pw-jump" aria-label=move || journey_texts().jump_nav_label>
            <ol class="pw-jump__list">{items}</ol>
        </nav>
    }
}
