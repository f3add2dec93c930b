use leptos::prelude::*;

use super::ConsoleEntry;
use crate::i18n::fill;
use crate::state::{org_texts, ConsoleState};

/// The pledges gathered, one row each, keyed by the pledge: a change to one
/// row's status or note redraws none of the others.
#[component]
pub fn ConsoleEntries() -> impl IntoView {
    let state = ConsoleState::use_context();
    let payloads = move || {
        state.with(|c| {
            c.entries()
                .iter()
                .map(|g| g.payload_text.clone())
                .collect::<Vec<_>>()
        })
    };
    let count = move || state.with(|c| c.entries().len()).to_string();
    view! {
        <section class="pw-console__section" aria-labelledby="pw-entries-heading">
            <h2 class="pw-summary__section-title" id="pw-entries-heading">
                {move || fill(org_texts().console_entries_heading, &[("n", &count())])}
            </h2>
            <Show
                when=move || state.with(|c| !c.entries().is_empty())
                fallback=move || {
                    view! { <p class="pw-key__explain">{move || org_texts().console_empty}</p> }
                }
            >
                <ul class="pw-console__entries">
                    <For each=payloads key=|p| p.clone() let:payload>
                        <ConsoleEntry payload />
                    </For>
                </ul>
            </Show>
        </section>
    }
}
