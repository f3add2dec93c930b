use leptos::prelude::*;

use crate::domain::Status;
use crate::i18n::fill;
use crate::state::{org_texts, texts, ConsoleState};

/// The pledges gathered: for each, who and where, the key's fingerprint,
/// the status (vérifié, en attente, retiré) with its date, the organiser's
/// note, and whether a later pledge of the same key replaced it.
#[component]
pub fn ConsoleEntries() -> impl IntoView {
    let state = ConsoleState::use_context();
    let entries = move || {
        let current = state.with(|c| c.current());
        state.with(|c| {
            c.entries()
                .iter()
                .enumerate()
                .map(|(i, g)| {
                    let p = g.pledge.pledge();
                    let details = texts().details(p);
                    let fingerprint = g.pledge.public_key().fingerprint();
                    let since = fill(org_texts().console_status_since, &[("date", &texts().date(g.status_date))]);
                    let status = g.status;
                    let note = g.note.clone();
                    let select_id = format!("pw-entry-status-{i}");
                    let note_id = format!("pw-entry-note-{i}");
                    let replaced = (!current[i]).then(|| view! {
                        <p class="pw-console-entry__replaced">{move || org_texts().console_replaced}</p>
                    });
                    let options = Status::ALL
                        .into_iter()
                        .map(|s| view! {
                            <option value=s.key() selected=s == status>{move || org_texts().status(s)}</option>
                        })
                        .collect_view();
                    view! {
                        <li class="pw-console-entry" class:pw-console-entry--replaced=!current[i]>
                            <p class="pw-console-entry__name"><bdi>{p.name().to_owned()}</bdi></p>
                            <p class="pw-console-entry__details">{details}</p>
                            <p class="pw-console-entry__key">
                                {move || org_texts().console_fingerprint}": "
                                <code>{fingerprint}</code>
                            </p>
                            {replaced}
                            <div class="pw-console-entry__status">
                                <label class="pw-field__label" for=select_id.clone()>
                                    {move || org_texts().console_status_label}
                                </label>
                                <select
                                    id=select_id
                                    class="pw-field__input"
                                    on:change=move |ev| {
                                        if let Some(s) = Status::from_key(&event_target_value(&ev)) {
                                            state.set_status(i, s);
                                        }
                                    }
                                >
                                    {options}
                                </select>
                                <span class="pw-console-entry__since">{since}</span>
                            </div>
                            <label class="pw-field__label" for=note_id.clone()>
                                {move || org_texts().console_note_label}
                            </label>
                            <input
                                id=note_id
                                class="pw-field__input"
                                type="text"
                                maxlength="500"
                                prop:value=note
                                on:change=move |ev| state.set_note(i, &event_target_value(&ev))
                            />
                            <button
                                type="button"
                                class="pw-button pw-button--quiet"
                                on:click=move |_| state.remove(i)
                            >
                                {move || org_texts().console_remove}
                            </button>
                        </li>
                    }
                })
                .collect_view()
        })
    };
    view! {
        <section class="pw-console__section" aria-labelledby="pw-entries-heading">
            <h2 class="pw-summary__section-title" id="pw-entries-heading">
                {move || fill(org_texts().console_entries_heading, &[("n", &state.with(|c| c.entries().len()).to_string())])}
            </h2>
            <Show
                when=move || state.with(|c| !c.entries().is_empty())
                fallback=move || view! { <p class="pw-key__explain">{move || org_texts().console_empty}</p> }
            >
                <ul class="pw-console__entries">{entries}</ul>
            </Show>
        </section>
    }
}
