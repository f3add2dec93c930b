use leptos::{prelude::*, task::spawn_local};

use crate::state::{campaign, journey_text_signal, journey_texts, texts};

use crate::campaign::COMMITMENT_COUNT;
use crate::components::ui::{EditButton, StepNav};
use crate::domain::{journey::candidate_text, Field, Step};
use crate::i18n::fill;
use crate::state::PledgeState;

/// The summary: the count, the identity and the commitments by proposal,
/// each with a way back to edit it.
#[component]
pub fn SummaryScreen() -> impl IntoView {
    let state = PledgeState::use_context();
    let count = move || texts().count(state.with(|d| d.selection.count()), COMMITMENT_COUNT);
    // A commune's code that came with the draft (stored, or carried from
    // another page) is dropped if the referential gives it another name
    // (shown here with its département meanwhile; the sign step checks it
    // again before signing).
    if let Some((code, name)) = state.commune_pair() {
        spawn_local(async move {
            if crate::web::referential_names(code, &name).await == Some(false) {
                state.forget_commune_code_of(code, &name);
            }
        });
    }

    let identity_rows = move || {
        let t = texts();
        state.with(|d| {
            let id = &d.identity;
            let mut rows: Vec<(&'static str, String)> = Field::ALL
                .iter()
                .map(|&f| {
                    let value = match f {
                        Field::Commune => t.commune_label(id),
                        _ => candidate_text::canonical(id.get(f)),
                    };
                    (t.field_label(f), value)
                })
                .filter(|(_, value)| !value.is_empty())
                .collect();
            if let Some(role) = id.role {
                rows.push((journey_texts().role_legend, t.role(role).to_owned()));
            }
            rows.into_iter()
                .map(|(term, value)| view! { <dt>{term}</dt><dd><bdi>{value}</bdi></dd> })
                .collect_view()
        })
    };

    let proposals = move || {
        let c = campaign();
        c.proposals
        .iter()
        .zip(0u8..)
        .map(|(proposal, index)| {
            let ticked = move || {
                let selection = state.with(|d| d.selection);
                let items: Vec<_> = proposal
                    .commitments
                    .iter()
                    .filter(|c| selection.contains(c.position))
                    .map(|c| view! { <li>{c.text}</li> })
                    .collect();
                if items.is_empty() {
                    view! { <p class="pw-summary__none">{move || journey_texts().none_ticked}</p> }.into_any()
                } else {
                    view! { <ul class="pw-summary__commitments">{items}</ul> }.into_any()
                }
            };
            view! {
                <li class="pw-summary__proposal">
                    <h2 class="pw-summary__proposal-title">
                        {format!("#{}. {}", proposal.number, proposal.title)}
                    </h2>
                    {ticked}
                    <EditButton label=fill(journey_texts().edit_proposal_label, &[("n", &proposal.number.to_string())]) step=Step::Proposal(index) />
                </li>
            }
        })
        .collect_view()
    };

    view! {
        <section class="pw-step pw-summary">
            <h1 class="pw-step__heading" tabindex="-1">
                {move || journey_texts().summary_heading}
            </h1>
            <p class="pw-summary__count">{count}</p>
            <section class="pw-summary__identity">
                <h2 class="pw-summary__section-title">{move || journey_texts().identity_summary_heading}</h2>
                <dl class="pw-summary__identity-list">{identity_rows}</dl>
                <EditButton
                    label=Signal::derive(|| journey_texts().edit_identity_label.to_owned())
                    step=Step::Identity
                />
            </section>
            <ol class="pw-summary__proposals">{proposals}</ol>
            <StepNav next_label=journey_text_signal(|t| t.to_sign) />
        </section>
    }
}
