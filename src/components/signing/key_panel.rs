use leptos::prelude::*;

use crate::components::ui::{ConfirmedAction, FileButton};
use crate::domain::OriginSharing;
use crate::i18n::fill;
use crate::state::{
    journey_text_signal, journey_texts, texts, ImportOutcome, KeyNotices, PledgeState,
};
use crate::web;

/// The exported key's file name: the campaign's slug in it.
fn key_file_name() -> String {
    format!("cle-engagement-{}.json", crate::campaign::SLUG)
}

/// The candidate's signing key: its fingerprint and what it is for, what
/// could not be kept, export and import (never replacing a key without
/// asking), and "forget me".
#[component]
pub fn KeyPanel(
    /// With "forget me" and the just-created advice (after signing), or
    /// without (before).
    full: bool,
) -> impl IntoView {
    let state = PledgeState::use_context();
    let message = RwSignal::new(None::<String>);

    let fingerprint = move || {
        match state.fingerprint() {
        Some(fp) => view! {
            <p class="pw-key__fingerprint">
                {fill(journey_texts().key_fingerprint, &[("fingerprint", &fp)])}
            </p>
            <p class="pw-key__explain">{move || journey_texts().key_explain}</p>
            <p class="pw-key__explain pw-key__explain--erasable">{move || journey_texts().key_may_be_erased}</p>
        }
        .into_any(),
        None => view! { <p class="pw-key__explain">{move || journey_texts().key_none_yet}</p> }.into_any(),
    }
    };

    let export = move |_| {
        if let Some(file) = state.key_file() {
            web::download_text(&key_file_name(), &file, "application/json");
        }
    };

    // The key is stored for the whole origin: say so where the widget cannot
    // rule out other pages on it (src/domain/hosting.rs).
    let page = web::page_url();
    let shared_origin = OriginSharing::of(&page)
        .warns()
        .then(|| OriginSharing::origin(&page).to_owned());
    // Where the key lives: the widget's own page (a partner's frame signs
    // there too, see `SignInTab`).
    let lives = (!web::is_framed()).then(|| OriginSharing::origin(&page).to_owned());
    let lives_here = move || {
        let origin = lives.clone()?;
        state.fingerprint()?;
        Some(view! {
            <p class="pw-key__explain">
                {move || fill(journey_texts().key_lives_here, &[("origin", &origin)])}
            </p>
        })
    };
    let origin_warning = move || {
        shared_origin.clone().map(|origin| {
            view! {
                <p class="pw-key__note pw-key__note--warning">
                    {move || fill(journey_texts().key_shared_origin, &[("origin", &origin)])}
                </p>
            }
        })
    };

    // What could not be kept comes first, as an alert; advice after.
    let warnings = move || {
        let t = texts();
        let KeyNotices {
            created_now,
            key_not_kept,
            signed_not_kept,
            unreadable,
        } = state.key_notices();
        let alerts: Vec<&'static str> = [
            key_not_kept.then_some(t.key_not_kept),
            signed_not_kept.then_some(journey_texts().key_signed_not_kept),
            (unreadable == Some(false)).then_some(journey_texts().key_unreadable_left),
        ]
        .into_iter()
        .flatten()
        .collect();
        let notes: Vec<&'static str> = [
            (full && created_now && !key_not_kept).then_some(journey_texts().key_created_now),
            (unreadable == Some(true)).then_some(journey_texts().key_unreadable_backed_up),
        ]
        .into_iter()
        .flatten()
        .collect();
        view! {
            {(!alerts.is_empty()).then(|| view! {
                <div class="pw-key__alert" role="alert">
                    {alerts.into_iter().map(|a| view! { <p>{a}</p> }).collect_view()}
                </div>
            })}
            {notes.into_iter().map(|n| view! { <p class="pw-key__note">{n}</p> }).collect_view()}
        }
    };

    let import = Callback::new(move |text: Option<String>| {
        let t = journey_texts();
        let outcome = text
            .ok_or(())
            .and_then(|text| state.import_key(&text).map_err(|_| ()));
        let said = match outcome {
            Ok(ImportOutcome::Imported(fp)) => fill(t.key_imported, &[("fingerprint", &fp)]),
            Ok(ImportOutcome::AlreadyInUse(fp)) => {
                fill(t.key_already_in_use, &[("fingerprint", &fp)])
            }
            Ok(ImportOutcome::NeedsConsent { .. }) => String::new(),
            Err(()) => t.key_import_failed.to_owned(),
        };
        let _ = message.try_set((!said.is_empty()).then_some(said));
    });

    // A key file for another key than the current one: both fingerprints,
    // a way to keep the current one, then replace or cancel.
    let consent = move || {
        let t = journey_texts();
        let incoming = state.pending_import()?;
        let current = state.fingerprint().unwrap_or_default();
        let question = fill(
            t.key_replace_question,
            &[("current", &current), ("incoming", &incoming)],
        );
        Some(view! {
            <div class="pw-confirm pw-key__replace" role="group" aria-labelledby="pw-key-replace-question">
                <p class="pw-confirm__question" id="pw-key-replace-question">
                    {question}
                </p>
                <button type="button" class="pw-button" on:click=export>
                    {move || t.key_export_current}
                </button>
                <button
                    type="button"
                    class="pw-button pw-button--danger"
                    on:click=move |_| {
                        if let Some(fp) = state.confirm_import() {
                            message.set(Some(fill(t.key_imported, &[("fingerprint", &fp)])));
                        }
                    }
                >
                    {move || t.key_replace_confirm}
                </button>
                <button type="button" class="pw-button" on:click=move |_| state.cancel_import()>
                    {move || texts().cancel}
                </button>
            </div>
        })
    };

    let forget = full.then(|| {
        view! {
            <ConfirmedAction
                id="pw-forget-question"
                label=journey_text_signal(|t| t.forget_me)
                question=journey_text_signal(|t| t.forget_question)
                confirm_label=journey_text_signal(|t| t.forget_confirm)
                on_confirm=Callback::new(move |_| state.forget_everything())
            />
        }
    });

    view! {
            <section class="pw-key" aria-labelledby="pw-key-heading">
                <h2 class="pw-summary__section-title" id="pw-key-heading">
                    {move || journey_texts().key_heading}
                </h2>
                {fingerprint}
                {lives_here}
                {warnings}
                {origin_warning}
                <div class="pw-key__actions">
                    <Show when=move || state.fingerprint().is_some()>
                        <button type="button" class="pw-button" on:click=export>
                            {move || journey_texts().key_export}
                        </button>
                    </Show>
    <FileButton
                        label=journey_text_signal(|t| t.key_import)
                        accept=".json,application/json"
                        on_read=import
                    />
                </div>
                {consent}
                <p class="pw-key__message" role="status">
                    {move || message.get()}
                </p>
                {forget}
            </section>
        }
}
