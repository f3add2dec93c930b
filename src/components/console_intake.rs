use leptos::prelude::*;

use super::FileButton;

use crate::domain::{Intake, IntakeLine};
use crate::i18n::{fill, isolated};
use crate::state::{org_texts, texts, ConsoleState};

/// Pasting links (one per line, or a CSV of them) or choosing a file:
/// each link is checked and gets its verdict.
#[component]
pub fn ConsoleIntake() -> impl IntoView {
    let state = ConsoleState::use_context();
    let text = RwSignal::new(String::new());
    let report = RwSignal::new(Vec::<IntakeLine>::new());

    let add = move |_| {
        let pasted = text.get_untracked();
        report.set(state.take_links(&pasted));
        text.set(String::new());
    };
    let from_file = Callback::new(move |content: Option<String>| {
        if let Some(content) = content {
            let _ = report.try_set(state.take_links(&content));
        }
    });
    let verdicts = move || {
        let lines = report.get();
        (!lines.is_empty()).then(|| {
            let items = lines
                .into_iter()
                .map(|l| {
                    let t = org_texts();
                    // The pledge's name and the line's text, isolated: a
                    // right-to-left name reorders nothing of the sentence.
                    let name = isolated(l.name.as_deref().unwrap_or_default());
                    let line = l.line.to_string();
                    let (kind, said) = match l.intake {
                        Intake::Added { replaces: false } => ("added", fill(t.intake_added, &[("line", &line), ("name", &name)])),
                        Intake::Added { replaces: true } => ("added", fill(t.intake_replaces, &[("line", &line), ("name", &name)])),
                        Intake::Superseded => ("superseded", fill(t.intake_superseded, &[("line", &line), ("name", &name)])),
                        Intake::Duplicate => ("duplicate", fill(t.intake_duplicate, &[("line", &line), ("name", &name)])),
                        Intake::Invalid(kind) => ("invalid", fill(t.intake_invalid, &[("line", &line), ("reason", texts().link_reason(kind))])),
                        Intake::NoLink => ("invalid", fill(t.intake_no_link, &[("line", &line), ("text", &isolated(&l.text))])),
                    };
                    view! { <li class=format!("pw-intake__verdict pw-intake__verdict--{kind}")>{said}</li> }
                })
                .collect_view();
            view! {
                <h3 class="pw-console__subheading">{move || org_texts().console_report_heading}</h3>
                <ul class="pw-intake__report">{items}</ul>
            }
        })
    };
    view! {
        <section class="pw-console__section pw-intake" aria-labelledby="pw-intake-heading">
            <h2 class="pw-summary__section-title" id="pw-intake-heading">
                {move || org_texts().console_paste_heading}
            </h2>
            <label class="pw-field__label" for="pw-intake-links">
                {move || org_texts().console_paste_label}
            </label>
            <textarea
                id="pw-intake-links"
                class="pw-field__input pw-intake__links"
                rows="5"
                spellcheck="false"
                prop:value=text
                on:input=move |ev| text.set(event_target_value(&ev))
            ></textarea>
            <div class="pw-key__actions">
                <button type="button" class="pw-button pw-button--primary" on:click=add>
                    {move || org_texts().console_paste_add}
                </button>
                <FileButton
                    label=Signal::derive(|| org_texts().console_paste_file)
                    accept=".txt,.csv,text/plain,text/csv"
                    large=true
                    on_read=from_file
                />
            </div>
            <div role="status">{verdicts}</div>
        </section>
    }
}
