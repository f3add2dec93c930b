use leptos::prelude::*;

use crate::domain::organiser::follow_up::{
    Evidence, FollowUpError, Mandate, Progress, Record, StatusRecord,
};
use crate::domain::PublicKey;
use crate::i18n::fill;
use crate::state::{campaign, console_texts, follow_up_texts, texts, ConsoleState};

/// After the vote, under a gathered pledge: the signatory's mandate, and
/// for each commitment they took where it stands (a status, a public note,
/// an evidence link). Each choice adds a record dated today to the
/// follow-up's history, which only grows; the list published next carries
/// it.
#[component]
pub fn ConsoleFollowUp(
    /// The signatory's key: the follow-up is the key's.
    key: PublicKey,
    /// The positions of the commitments they took.
    taken: Vec<u8>,
    /// Makes the fields' ids unique on the page.
    id: String,
) -> impl IntoView {
    let state = ConsoleState::use_context();
    let open = RwSignal::new(false);
    let said = RwSignal::new(None::<String>);
    let record = move |record: Record| -> bool {
        let saved = state.record_follow_up(record);
        let date = texts().date(state.today());
        said.set(Some(if saved {
            fill(console_texts().follow_up_recorded, &[("date", &date)])
        } else {
            console_texts().follow_up_not_saved.to_owned()
        }));
        saved
    };
    let mandate = move || state.with_follow_up(|f| f.mandate(&key, None));
    let mandate_id = format!("pw-follow-up-mandate-{id}");
    let body = move || {
        if !open.get() {
            return None;
        }
        let mandates = Mandate::ALL
            .iter()
            .map(|&m| {
                view! {
                    <option value=m.key() prop:selected=move || mandate() == Some(m)>
                        {move || follow_up_texts().mandate(m)}
                    </option>
                }
            })
            .collect_view();
        // Once elected, each commitment they took.
        let (taken, id) = (taken.clone(), id.clone());
        let commitments = move || {
            mandate().is_some().then(|| {
                let rows = taken
                    .iter()
                    .map(|&position| {
                        view! { <CommitmentFollowUp key position id=id.clone() record /> }
                    })
                    .collect_view();
                view! { <ul class="pw-follow-up__commitments">{rows}</ul> }
            })
        };
        // Chosen, then recorded with the button: a choice made with the
        // arrow keys (which fire `change` in some browsers) never lands in
        // the history, which only grows.
        let chosen = RwSignal::new(mandate());
        Some(view! {
            <label class="pw-field__label" for=mandate_id.clone()>
                {move || console_texts().follow_up_mandate_label}
            </label>
            <div class="pw-follow-up__field">
                <select
                    id=mandate_id.clone()
                    class="pw-field__input"
                    on:change=move |ev| {
                        let value = event_target_value(&ev);
                        chosen.set(Mandate::ALL.iter().copied().find(|m| m.key() == value));
                    }
                >
                    <option value="" disabled=true prop:selected=move || mandate().is_none()>
                        {move || console_texts().follow_up_not_elected}
                    </option>
                    {mandates}
                </select>
                <button
                    type="button"
                    class="pw-button"
                    prop:disabled=move || chosen.get().is_none() || chosen.get() == mandate()
                    on:click=move |_| {
                        if let Some(m) = chosen.get_untracked() {
                            let _ = record(Record::Elected {
                                key,
                                date: state.today(),
                                mandate: m,
                            });
                        }
                    }
                >
                    {move || console_texts().follow_up_record_mandate}
                </button>
            </div>
            {commitments}
        })
    };
    view! {
        <div class="pw-follow-up">
            <button
                type="button"
                class="pw-button pw-button--quiet"
                aria-expanded=move || open.get().to_string()
                on:click=move |_| open.update(|o| *o = !*o)
            >
                {move || console_texts().follow_up_summary}
            </button>
            {body}
            <p class="pw-key__message" role="status">{move || said.get()}</p>
        </div>
    }
}

/// One commitment's follow-up: where it stands now, and a new status to
/// record with its note and evidence.
#[component]
fn CommitmentFollowUp(
    key: PublicKey,
    position: u8,
    id: String,
    record: impl Fn(Record) -> bool + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let state = ConsoleState::use_context();
    let ids = |what: &str| format!("pw-follow-up-{what}-{id}-{position}");
    let (progress_id, note_id, evidence_id) = (ids("progress"), ids("note"), ids("evidence"));
    let current = move || state.with_follow_up(|f| f.status(&key, position, None).cloned());
    let progress = RwSignal::new(Progress::InProgress);
    let note = RwSignal::new(String::new());
    let evidence = RwSignal::new(String::new());
    let error = RwSignal::new(None::<&'static str>);
    let label = move || {
        let c = campaign().commitment_at(position);
        c.map(|c| format!("{} {}", c.id, c.text))
            .unwrap_or_default()
    };
    let now = move || {
        current().map(|s| {
            fill(
                follow_up_texts().follow_up_status,
                &[
                    ("status", follow_up_texts().progress(s.progress)),
                    ("date", &texts().date(s.date)),
                ],
            )
        })
    };
    let options = Progress::ALL
        .iter()
        .map(|&p| {
            view! {
                <option value=p.key() prop:selected=move || progress.get() == p>
                    {move || follow_up_texts().progress(p)}
                </option>
            }
        })
        .collect_view();
    let submit = move |_| {
        let t = console_texts();
        let links = evidence.get_untracked();
        let links: Result<Vec<Evidence>, _> =
            links.split_whitespace().map(Evidence::parse).collect();
        let made = links.and_then(|links| {
            StatusRecord::new(
                key,
                state.today(),
                position,
                progress.get_untracked(),
                &note.get_untracked(),
                links,
            )
        });
        match made {
            Ok(status) => {
                error.set(None);
                // Kept in the fields unless recorded.
                if record(Record::Status(status)) {
                    note.set(String::new());
                    evidence.set(String::new());
                }
            }
            Err(e) => error.set(Some(match e {
                FollowUpError::NoteTooLong => t.follow_up_error_note_long,
                FollowUpError::NoteText => t.follow_up_error_note_text,
                _ => t.follow_up_error_evidence,
            })),
        }
    };
    view! {
        <li class="pw-follow-up__commitment">
            <p class="pw-follow-up__label">{label}</p>
            <p class="pw-follow-up__now">{now}</p>
            <label class="pw-field__label" for=progress_id.clone()>
                {move || console_texts().follow_up_progress_label}
            </label>
            <select
                id=progress_id
                class="pw-field__input"
                on:change=move |ev| {
                    let chosen = event_target_value(&ev);
                    if let Some(p) = Progress::ALL.iter().find(|p| p.key() == chosen) {
                        progress.set(*p);
                    }
                }
            >
                {options}
            </select>
            <label class="pw-field__label" for=note_id.clone()>
                {move || console_texts().follow_up_note_label}
            </label>
            <input
                id=note_id
                class="pw-field__input"
                type="text"
                maxlength="300"
                prop:value=move || note.get()
                on:input=move |ev| note.set(event_target_value(&ev))
            />
            <label class="pw-field__label" for=evidence_id.clone()>
                {move || console_texts().follow_up_evidence_label}
            </label>
            <input
                id=evidence_id
                class="pw-field__input"
                type="url"
                prop:value=move || evidence.get()
                on:input=move |ev| evidence.set(event_target_value(&ev))
            />
            <p class="pw-form__error" role="alert">{move || error.get()}</p>
            <button type="button" class="pw-button" on:click=submit>
                {move || console_texts().follow_up_record}
            </button>
        </li>
    }
}
