use leptos::{html, prelude::*};

use crate::components::ui::FileButton;

use crate::domain::{Intake, IntakeReport};
use crate::i18n::{fill, isolated};
use crate::state::{console_texts, org_texts, texts, ConsoleState};
use crate::web;

/// Verdicts listed one by one, at most; the rest are counted.
const LISTED: usize = 100;
/// Line numbers named in the « no link » summary, at most.
const NAMED_LINES: usize = 10;

/// Pasting links (one per line, or a CSV of them) or choosing a file:
/// each link is checked and gets its verdict. The counts come first; the
/// problems (invalid, replaced, duplicate) are listed before what was
/// added, up to [`LISTED`] lines; lines without a link are said in one.
#[component]
pub fn ConsoleIntake() -> impl IntoView {
    let state = ConsoleState::use_context();
    // The textarea's text is read when asked, not mirrored in a signal: a
    // paste of thousands of links is not copied on every keystroke.
    let links = NodeRef::<html::Textarea>::new();
    let report = RwSignal::new(None::<IntakeReport>);
    let unreadable = RwSignal::new(false);

    // A file chosen while something is being checked: said, not dropped.
    let busy = RwSignal::new(false);
    // Reads the links, then has the browser check their signatures, a
    // batch at a time (the page stays responsive); the textarea (read-only
    // meanwhile) is cleared once they are taken, if it still holds them.
    let intake = move |text: String, pasted_here: bool| {
        web::mark("pw-console-intake-start");
        unreadable.set(false);
        busy.set(false);
        let pasted = match state.read_links(&text) {
            None => {
                busy.set(true);
                return;
            }
            Some(Err(too_big)) => {
                report.set(Some(too_big));
                return;
            }
            Some(Ok(pasted)) => pasted,
        };
        leptos::task::spawn_local(async move {
            let checked =
                web::check_payloads(&pasted.payloads(), |done| state.checked_so_far(done)).await;
            if !state.is_shown() {
                return;
            }
            let taken = state.take_checked(pasted, checked);
            if let Some(area) = links.get_untracked().filter(|_| pasted_here) {
                if area.value() == text {
                    area.set_value("");
                }
            }
            drop(text);
            let _ = report.try_set(Some(taken));
            web::next_task().await;
            if state.is_shown() {
                state.save();
            }
            web::mark("pw-console-intake-done");
        });
    };
    let add = move |_| {
        if let Some(area) = links.get_untracked() {
            intake(area.value(), true);
        }
    };
    let from_file = Callback::new(move |content: Option<String>| match content {
        Some(content) => intake(content, false),
        None => {
            let _ = unreadable.try_set(true);
        }
    });
    let checking = move || {
        if busy.get() && state.checking().is_some() {
            return Some(
                view! { <p class="pw-key__alert">{console_texts().intake_busy}</p> }.into_any(),
            );
        }
        let c = state.checking().filter(|c| !c.opening)?;
        let said = fill(
            console_texts().intake_checking,
            &[
                ("done", &c.done.to_string()),
                ("total", &c.total.to_string()),
            ],
        );
        Some(view! { <p class="pw-intake__progress">{said}</p> }.into_any())
    };
    let verdicts = move || {
        let t = org_texts();
        if unreadable.get() {
            return Some(
                view! { <p class="pw-key__alert">{console_texts().intake_file_unreadable}</p> }
                    .into_any(),
            );
        }
        let report = report.get()?;
        if report.too_big {
            return Some(
                view! { <p class="pw-key__alert">{console_texts().intake_too_big}</p> }.into_any(),
            );
        }
        let count = |k: fn(&Intake) -> bool| report.count(k).to_string();
        let summary = fill(
            console_texts().intake_summary,
            &[
                ("added", &count(|i| matches!(i, Intake::Added { .. }))),
                ("replaced", &count(|i| matches!(i, Intake::Superseded))),
                ("duplicate", &count(|i| matches!(i, Intake::Duplicate))),
                ("invalid", &count(|i| matches!(i, Intake::Invalid(_)))),
            ],
        );
        let no_link = (!report.without_link.is_empty()).then(|| {
            let mut lines: Vec<String> = report
                .without_link
                .iter()
                .take(NAMED_LINES)
                .map(usize::to_string)
                .collect();
            if report.without_link.len() > NAMED_LINES {
                lines.push("…".into());
            }
            let said = fill(
                console_texts().intake_no_link,
                &[
                    ("n", &report.without_link.len().to_string()),
                    ("lines", &lines.join(", ")),
                ],
            );
            view! { <p class="pw-intake__verdict pw-intake__verdict--invalid">{said}</p> }
        });
        // Problems first: what the organiser has to look at.
        let mut lines: Vec<_> = report.links.iter().collect();
        lines.sort_by_key(|l| (matches!(l.intake, Intake::Added { .. }), l.line));
        let more = lines.len().saturating_sub(LISTED);
        let items = lines
            .into_iter()
            .take(LISTED)
            .map(|l| {
                // The pledge's name, isolated: a right-to-left name
                // reorders nothing of the sentence.
                let name = isolated(l.name.as_deref().unwrap_or_default());
                let line = l.line.to_string();
                let who = [("line", line.as_str()), ("name", name.as_str())];
                let (kind, said) = match l.intake {
                    Intake::Added { replaces: false } => ("added", fill(console_texts().intake_added, &who)),
                    Intake::Added { replaces: true } => {
                        let status = l.status.map(|s| t.status(s)).unwrap_or_default();
                        ("added", fill(console_texts().intake_replaces, &[who[0], who[1], ("status", status)]))
                    }
                    Intake::Superseded => ("superseded", fill(console_texts().intake_superseded, &who)),
                    Intake::Duplicate => ("duplicate", fill(console_texts().intake_duplicate, &who)),
                    Intake::Invalid(kind) => (
                        "invalid",
                        fill(console_texts().intake_invalid, &[("line", &line), ("reason", texts().link_reason(kind))]),
                    ),
                };
                view! { <li class=format!("pw-intake__verdict pw-intake__verdict--{kind}")>{said}</li> }
            })
            .collect_view();
        let more = (more > 0).then(|| {
            view! { <p class="pw-key__explain">{fill(console_texts().intake_more, &[("n", &more.to_string())])}</p> }
        });
        Some(
            view! {
                <h3 class="pw-console__subheading">{console_texts().console_report_heading}</h3>
                <p class="pw-intake__summary">{summary}</p>
                {no_link}
                <ul class="pw-intake__report">{items}</ul>
                {more}
            }
            .into_any(),
        )
    };
    view! {
        <section class="pw-console__section pw-intake" aria-labelledby="pw-intake-heading">
            <h2 class="pw-summary__section-title" id="pw-intake-heading">
                {move || console_texts().console_paste_heading}
            </h2>
            <label class="pw-field__label" for="pw-intake-links">
                {move || console_texts().console_paste_label}
            </label>
            <p class="pw-key__explain pw-intake__limits" id="pw-intake-limits">{move || console_texts().console_paste_limits}</p>
            <textarea
                id="pw-intake-links"
                class="pw-field__input pw-intake__links"
                rows="5"
                spellcheck="false"
                aria-describedby="pw-intake-limits"
                prop:readOnly=move || state.checking().is_some()
                node_ref=links
            ></textarea>
            <div class="pw-key__actions">
                <button
                    type="button"
                    class="pw-button pw-button--primary"
                    prop:disabled=move || state.checking().is_some()
                    on:click=add
                >
                    {move || console_texts().console_paste_add}
                </button>
                <FileButton
                    label=Signal::derive(|| console_texts().console_paste_file)
                    accept=".txt,.csv,text/plain,text/csv"
                    large=true
                    on_read=from_file
                />
            </div>
            <div role="status">{checking} {verdicts}</div>
        </section>
    }
}
