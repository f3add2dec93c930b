use leptos::prelude::*;

use super::ConsoleEntry;
use crate::i18n::fill;
use crate::state::{console_texts, ConsoleState};

/// Rows shown at once: the console stays quick with tens of thousands of
/// pledges (each row has a status and a note to follow).
pub const PAGE: usize = 50;

/// The pledges gathered, a page of rows at a time, keyed by the pledge: a
/// change to one row's status or note redraws none of the others.
#[component]
pub fn ConsoleEntries() -> impl IntoView {
    let state = ConsoleState::use_context();
    let page = RwSignal::new(0usize);
    let count = Memo::new(move |_| state.with(|c| c.entries().len()));
    let pages = move || count.get().div_ceil(PAGE).max(1);
    // A page past the end (after removals) shows the last one.
    let first = move || page.get().min(pages() - 1) * PAGE;
    let payloads = move || {
        let from = first();
        state.with(|c| {
            c.entries()
                .iter()
                .skip(from)
                .take(PAGE)
                .map(|g| g.payload_text.clone())
                .collect::<Vec<_>>()
        })
    };
    let range = move || {
        let n = count.get();
        let from = first();
        fill(
            console_texts().console_page,
            &[
                ("from", &(from + 1).to_string()),
                ("to", &(from + PAGE).min(n).to_string()),
                ("n", &n.to_string()),
            ],
        )
    };
    let go = move |delta: isize| {
        let last = pages() - 1;
        page.update(|p| *p = (*p).min(last).saturating_add_signed(delta).min(last));
    };
    view! {
        <section class="pw-console__section" aria-labelledby="pw-entries-heading">
            <h2 class="pw-summary__section-title" id="pw-entries-heading">
                {move || fill(console_texts().console_entries_heading, &[("n", &count.get().to_string())])}
            </h2>
            <Show
                when=move || { count.get() > 0 }
                fallback=move || {
                    view! { <p class="pw-key__explain">{move || console_texts().console_empty}</p> }
                }
            >
                <Show when=move || { count.get() > PAGE }>
                    <nav class="pw-console__pages" aria-labelledby="pw-entries-heading">
                        <p class="pw-console__page" aria-live="polite">{range}</p>
                        <button
                            type="button"
                            class="pw-button"
                            prop:disabled=move || first() == 0
                            on:click=move |_| go(-1)
                        >
                            {move || console_texts().console_page_previous}
                        </button>
                        <button
                            type="button"
                            class="pw-button"
                            prop:disabled=move || { first() + PAGE >= count.get() }
                            on:click=move |_| go(1)
                        >
                            {move || console_texts().console_page_next}
                        </button>
                    </nav>
                </Show>
                <ul class="pw-console__entries">
                    <For each=payloads key=|p| p.clone() let:payload>
                        <ConsoleEntry payload />
                    </For>
                </ul>
            </Show>
        </section>
    }
}
