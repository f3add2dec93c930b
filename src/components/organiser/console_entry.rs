use leptos::prelude::*;

use crate::domain::{EntryStatus, Gathered};
use crate::i18n::{fill, isolated};
use crate::state::{console_texts, org_texts, texts, ConsoleState};

use super::ConsoleFollowUp;

/// One gathered pledge in the console, found by its payload: who and where,
/// the key's fingerprint, the status with its date, the organiser's note,
/// and whether a later pledge of the same key replaced it. Its fields follow
/// the console without rebuilding the row, so focus stays where it is when
/// a status or a note changes.
#[component]
pub fn ConsoleEntry(
    /// The pledge's payload text: the row's identity.
    payload: String,
) -> impl IntoView {
    let state = ConsoleState::use_context();
    let payload = StoredValue::new(payload);
    // Lookups by payload, current pledge and status are the console's
    // kept indexes: a row's work does not grow with the console.
    let index = move || state.with(|c| payload.with_value(|p| c.index_of(p)));
    let read = move |f: fn(&Gathered) -> String| {
        move || {
            let i = index()?;
            state.with(|c| c.entries().get(i).map(f))
        }
    };
    let current = move || index().is_none_or(|i| state.with(|c| c.is_current(i)));
    // Written once: a pledge's own content never changes.
    let first =
        untrack(index).and_then(|i| untrack(|| state.with(|c| c.entries().get(i).cloned())));
    let Some(gathered) = first else {
        return ().into_any();
    };
    let p = gathered.pledge.pledge().clone();
    let signatory = gathered.pledge.public_key();
    let taken: Vec<u8> = crate::campaign::CAMPAIGN
        .commitments()
        .map(|c| c.position)
        .filter(|&at| p.selection().contains(at))
        .collect();
    // A commune typed by hand (not chosen from the official list) in a
    // link that could carry its code: the organiser checks it.
    let typed_commune = (gathered.pledge.format() == crate::domain::Format::V2
        && p.commune_code().is_none())
    .then(|| {
        view! {
            <p class="pw-console-entry__typed-commune">
                {move || console_texts().console_commune_typed}
            </p>
        }
    });
    // A code the official list gives another name (a link made by another
    // tool could pair them so): said, for the organiser to check.
    let wrong_code = RwSignal::new(None::<String>);
    if let Some(code) = p.commune_code() {
        let name = p.commune().to_owned();
        leptos::task::spawn_local(async move {
            if crate::web::referential_names(code, &name).await == Some(false) {
                wrong_code.try_set(Some(code.to_string()));
            }
        });
    }
    let wrong_code = move || {
        wrong_code.get().map(|code| {
            view! {
                <p class="pw-console-entry__typed-commune">
                    {move || fill(console_texts().console_commune_wrong_code, &[("code", &code)])}
                </p>
            }
        })
    };
    let details = move || texts().details(&p);
    let name = gathered.pledge.pledge().name().to_owned();
    let fingerprint = gathered.pledge.public_key().fingerprint();
    let id = payload.with_value(|p| p.chars().rev().take(12).collect::<String>());
    let (select_id, note_id) = (
        format!("pw-entry-status-{id}"),
        format!("pw-entry-note-{id}"),
    );
    let since = move || {
        let i = index()?;
        let (_, date) = state.with(|c| c.status(i))?;
        Some(fill(
            console_texts().console_status_since,
            &[("date", &texts().date(date))],
        ))
    };
    // The key's status: every pledge of the key shows it, and changing it
    // here changes it for the key.
    let status = move || index().and_then(|i| state.with(|c| c.status(i).map(|(s, _)| s)));
    let options = EntryStatus::ALL
        .into_iter()
        .map(|s| {
            view! {
                <option value=s.key() prop:selected=move || status() == Some(s)>
                    {move || org_texts().status(s)}
                </option>
            }
        })
        .collect_view();
    // Shown, never chosen here: it is given by naming the new key below.
    let key_replaced = EntryStatus::KeyReplaced;
    let options = view! {
        {options}
        <option
            value=key_replaced.key()
            disabled=true
            prop:selected=move || status() == Some(key_replaced)
        >
            {move || org_texts().status(key_replaced)}
        </option>
    };
    // « Même candidat·e, nouvelle clé »: the other keys with the same
    // name are looked for only once the organiser opens it.
    let rekey_open = RwSignal::new(false);
    let rekey_id = format!("pw-entry-rekey-{id}");
    let chosen = RwSignal::new(None::<usize>);
    let replaced_by = move || {
        let i = index()?;
        let key = state.with(|c| c.new_key(i))?;
        Some(view! {
            <p class="pw-console-entry__rekeyed">
                {move || fill(console_texts().rekey_done, &[("fingerprint", &key.fingerprint())])}
            </p>
        })
    };
    let rekey_choices = move || {
        if !rekey_open.get() {
            return None;
        }
        let i = index()?;
        let others: Vec<(usize, String)> = state.with(|c| {
            c.same_name_keys(i)
                .into_iter()
                .map(|j| {
                    let g = &c.entries()[j];
                    let p = g.pledge.pledge();
                    // The fingerprint first: what tells two keys apart,
                    // seen even where a phone cuts the option short.
                    let said = format!(
                        "{} — {} — {}",
                        g.pledge.public_key().fingerprint(),
                        isolated(p.name()),
                        isolated(p.commune())
                    );
                    (j, said)
                })
                .collect()
        });
        if others.is_empty() {
            return Some(
                view! { <p class="pw-key__explain">{console_texts().rekey_none}</p> }.into_any(),
            );
        }
        // Nothing chosen for the organiser, and a choice that is no longer
        // offered (the console changed meanwhile) is dropped, never moved.
        if chosen
            .get_untracked()
            .is_some_and(|c| !others.iter().any(|(j, _)| *j == c))
        {
            chosen.set(None);
        }
        let options = others
            .into_iter()
            .map(|(j, said)| {
                view! {
                    <option value=j.to_string() prop:selected=move || chosen.get() == Some(j)>
                        {said}
                    </option>
                }
            })
            .collect_view();
        let select_id = rekey_id.clone();
        Some(
            view! {
                <label class="pw-field__label" for=select_id.clone()>{console_texts().rekey_label}</label>
                <select
                    id=select_id
                    class="pw-field__input"
                    on:change=move |ev| chosen.set(event_target_value(&ev).parse().ok())
                >
                    <option value="" disabled=true prop:selected=move || chosen.get().is_none()>
                        {console_texts().rekey_choose}
                    </option>
                    {options}
                </select>
                <p class="pw-key__explain">{console_texts().rekey_explain}</p>
                <button
                    type="button"
                    class="pw-button"
                    prop:disabled=move || chosen.get().is_none()
                    on:click=move |_| {
                        if let (Some(i), Some(j)) = (index(), chosen.get_untracked()) {
                            state.link_new_key(i, j);
                            rekey_open.set(false);
                        }
                    }
                >
                    {console_texts().rekey_button}
                </button>
            }
            .into_any(),
        )
    };
    let rekey = view! {
        {replaced_by}
        <div class="pw-console-entry__rekey">
            <button
                type="button"
                class="pw-button pw-button--quiet"
                aria-expanded=move || rekey_open.get().to_string()
                on:click=move |_| rekey_open.update(|o| *o = !*o)
            >
                {move || console_texts().rekey_summary}
            </button>
            {rekey_choices}
        </div>
    };
    view! {
        <li class="pw-console-entry" class:pw-console-entry--replaced=move || !current()>
            <p class="pw-console-entry__name">
                <bdi>{name}</bdi>
            </p>
            <p class="pw-console-entry__details">{details}</p>
            {typed_commune}
            {wrong_code}
            <p class="pw-console-entry__key">
                {move || console_texts().console_fingerprint} ": " <code>{fingerprint}</code>
            </p>
            <Show when=move || !current()>
                <p class="pw-console-entry__replaced">{move || console_texts().console_replaced}</p>
            </Show>
            <div class="pw-console-entry__status">
                <label class="pw-field__label" for=select_id.clone()>
                    {move || console_texts().console_status_label}
                </label>
                <select
                    id=select_id
                    class="pw-field__input"
                    on:change=move |ev| {
                        if let (Some(i), Some(s)) = (index(), EntryStatus::from_key(&event_target_value(&ev))) {
                            state.set_status(i, s);
                        }
                    }
                >
                    {options}
                </select>
                <span class="pw-console-entry__since">{since}</span>
            </div>
            {rekey}
            <ConsoleFollowUp key=signatory taken id=id.clone() />
            <label class="pw-field__label" for=note_id.clone()>
                {move || console_texts().console_note_label}
            </label>
            <input
                id=note_id
                class="pw-field__input"
                type="text"
                maxlength="500"
                prop:value=read(|g| g.note.clone())
                on:change=move |ev| {
                    if let Some(i) = index() {
                        state.set_note(i, &event_target_value(&ev));
                    }
                }
            />
            <button
                type="button"
                class="pw-button pw-button--quiet"
                on:click=move |_| {
                    if let Some(i) = index() {
                        state.remove(i);
                    }
                }
            >
                {move || console_texts().console_remove}
            </button>
        </li>
    }
    .into_any()
}
