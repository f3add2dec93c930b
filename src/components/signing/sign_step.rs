use leptos::{prelude::*, task::spawn_local};

use crate::state::{journey_text_signal, journey_texts, texts};

use super::{KeyPanel, SignaturePad};
use crate::campaign::COMMITMENT_COUNT;
use crate::components::journey::CommitmentList;
use crate::components::ui::{EditButton, StepNav};
use crate::domain::{journey::candidate_text, Action, Drawing, Step};
use crate::i18n::fill;
use crate::state::{Arrival, PledgeState, SignError};
use crate::web;

/// Confirm who signs, draw a signature if wished, see the date, sign.
#[component]
pub fn SignStep() -> impl IntoView {
    let state = PledgeState::use_context();
    let drawing = state.drawing();
    let error = RwSignal::new(None::<&'static str>);
    let today = state.today();

    let who = move || {
        let t = texts();
        state.with(|d| {
            let id = &d.identity;
            // Candidate text as it will be signed (canonical: spaces
            // collapsed), in <bdi>; the role is the widget's own word.
            let mut lines: Vec<_> = [
                candidate_text::canonical(&id.name),
                t.commune_label(id),
                candidate_text::canonical(&id.list),
            ]
            .into_iter()
            .filter(|text| !text.is_empty())
            .map(|text| view! { <li><bdi>{text}</bdi></li> }.into_any())
            .collect();
            if let Some(role) = id.role {
                lines.push(view! { <li>{t.role(role)}</li> }.into_any());
            }
            lines.collect_view()
        })
    };

    // What the signature covers, on the step that signs: the count, and
    // the list (open at once when the answers came from another page).
    let selection = Signal::derive(move || state.with(|d| d.selection));
    let count = move || texts().count(selection.get().count(), COMMITMENT_COUNT);
    let from_elsewhere = state.arrival() == Some(Arrival::Adopted);

    // A commune's code is signed only if the referential gives it the
    // commune's name: a code that came with a draft (storage, another page,
    // another tab) is checked when the step shows, so that what it shows
    // is what is signed, and again at signing; unchecked (offline with no
    // copy of the referential), the commune is signed as typed.
    Effect::new(move |_| {
        let pair = state.with(|d| {
            d.identity
                .commune_code
                .map(|c| (c, candidate_text::canonical(&d.identity.commune)))
        });
        if let Some((code, name)) = pair {
            spawn_local(async move {
                if web::referential_names(code, &name).await == Some(false) {
                    state.forget_commune_code_of(code, &name);
                }
            });
        }
    });
    let signing = RwSignal::new(false);
    let sign = move |()| {
        if signing.get_untracked() {
            return; // one signature per press, however many presses
        }
        signing.set(true);
        let signature = drawing.with_untracked(Drawing::to_signature);
        spawn_local(async move {
            // What is signed is what was on screen at the press: a code the
            // referential gives another name is dropped, and the step shows
            // the commune without it for a new press; one that could not be
            // checked is kept in the draft and nothing is signed yet.
            if let Some((code, name)) = state.commune_pair() {
                let holds = web::referential_names(code, &name).await;
                if holds != Some(true) && signing.try_get_untracked().is_some() {
                    signing.set(false);
                    match holds {
                        Some(_) => state.forget_commune_code_of(code, &name),
                        None => error.set(Some(journey_texts().commune_check_failed)),
                    }
                    return;
                }
            }
            // Still on this step (the candidate may have gone back meanwhile).
            if state.try_with(|d| d.step) != Some(Step::Sign)
                || signing.try_get_untracked().is_none()
            {
                return;
            }
            signing.set(false);
            match state.sign(signature) {
                Ok(()) => error.set(None),
                Err(SignError::NoRandomness | SignError::Unverifiable) => {
                    error.set(Some(journey_texts().signing_failed))
                }
                Err(SignError::Incomplete) => state.dispatch(Action::GoTo(Step::Identity)),
            }
        });
    };

    view! {
        <section class="pw-step pw-sign">
            <h1 class="pw-step__heading" tabindex="-1">
                {move || texts().sign_heading}
            </h1>
            <p class="pw-step__lead">{move || journey_texts().sign_lead}</p>
            <div class="pw-sign__who">
                <h2 class="pw-summary__section-title">{move || journey_texts().sign_identity_heading}</h2>
                <ul class="pw-sign__identity">{who}</ul>
                <EditButton
                    label=Signal::derive(|| journey_texts().edit_identity_label.to_owned())
                    step=Step::Identity
                />
            </div>
            <section class="pw-sign__what">
                <h2 class="pw-summary__section-title">{move || journey_texts().sign_what_heading}</h2>
                <details class="pw-sign__commitments" open=from_elsewhere>
                    <summary class="pw-sign__count">
                        {count} " — " {move || journey_texts().show_list}
                    </summary>
                    <CommitmentList selection />
                </details>
                <EditButton
                    label=Signal::derive(|| journey_texts().edit_pledge.to_owned())
                    step=Step::Summary
                />
            </section>
            <p class="pw-sign__date">{move || {
                let t = texts();
                fill(journey_texts().sign_date, &[("date", &t.date(today))])
            }}</p>
            <SignaturePad drawing />
            <KeyPanel full=false />
            {move || error.get().map(|e| view! { <p class="pw-form__error" role="alert">{e}</p> })}
            <StepNav next_label=journey_text_signal(|t| t.sign_button) on_next=Callback::new(sign) />
        </section>
    }
}
