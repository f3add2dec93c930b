use leptos::prelude::*;

use crate::domain::Selection;
use crate::state::campaign;

/// The ticked commitments, each with its proposal's number, in the
/// campaign's order: what a signature would cover.
#[component]
pub fn CommitmentList(
    /// The commitments to list.
    #[prop(into)]
    selection: Signal<Selection>,
) -> impl IntoView {
    move || {
        let c = campaign();
        let selection = selection.get();
        let items: Vec<_> = c
            .proposals
            .iter()
            .flat_map(|p| {
                p.commitments
                    .iter()
                    .map(move |commitment| (p.number, commitment))
            })
            .filter(|(_, commitment)| selection.contains(commitment.position))
            .map(|(number, commitment)| {
                view! {
                    <li class="pw-commitment-list__item">
                        <span class="pw-commitment-list__number">{format!("#{number}")}</span>
                        " "
                        {commitment.text}
                    </li>
                }
            })
            .collect();
        view! { <ul class="pw-commitment-list">{items}</ul> }
    }
}
