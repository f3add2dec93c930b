use leptos::prelude::*;

use crate::domain::organiser::follow_up::{Record, ReviewKind};
use crate::i18n::fill;
use crate::state::{console_texts, follow_up_texts, texts, ConsoleState};

/// « Bilans datés »: a review freezes the follow-up's statuses at today's
/// date, so that the public can compare two reviews; those already made,
/// by date.
#[component]
pub fn ConsoleReviews() -> impl IntoView {
    let state = ConsoleState::use_context();
    let kind = RwSignal::new(ReviewKind::HundredDays);
    let said = RwSignal::new(None::<String>);
    let options = ReviewKind::ALL
        .iter()
        .map(|&k| {
            view! {
                <option value=k.key() prop:selected=move || kind.get() == k>
                    {move || follow_up_texts().review(k)}
                </option>
            }
        })
        .collect_view();
    let made = move || {
        state.with_follow_up(|f| {
            f.reviews()
                .into_iter()
                .map(|(date, k)| {
                    view! { <li>{format!("{} — {}", follow_up_texts().review(k), texts().date(date))}</li> }
                })
                .collect_view()
        })
    };
    let freeze = move |_| {
        let (date, k) = (state.today(), kind.get_untracked());
        let saved = state.record_follow_up(Record::Review { date, kind: k });
        let t = console_texts();
        said.set(Some(if saved {
            fill(
                t.review_done,
                &[
                    ("review", follow_up_texts().review(k)),
                    ("date", &texts().date(date)),
                ],
            )
        } else {
            t.follow_up_not_saved.to_owned()
        }));
    };
    view! {
        <section class="pw-console__section" aria-labelledby="pw-reviews-heading">
            <h2 class="pw-summary__section-title" id="pw-reviews-heading">
                {move || console_texts().review_heading}
            </h2>
            <p class="pw-key__explain">{move || console_texts().review_lead}</p>
            <ul class="pw-follow-up__reviews">{made}</ul>
            <label class="pw-field__label" for="pw-review-kind">
                {move || console_texts().review_label}
            </label>
            <select
                id="pw-review-kind"
                class="pw-field__input"
                on:change=move |ev| {
                    let chosen = event_target_value(&ev);
                    if let Some(k) = ReviewKind::ALL.iter().find(|k| k.key() == chosen) {
                        kind.set(*k);
                    }
                }
            >
                {options}
            </select>
            <button type="button" class="pw-button" on:click=freeze>
                {move || fill(console_texts().review_record, &[("date", &texts().date(state.today()))])}
            </button>
            <p class="pw-key__message" role="status">{move || said.get()}</p>
        </section>
    }
}
