use leptos::{ev::Event, html, prelude::*, task::spawn_local};

use super::ConfirmedAction;
use crate::state::texts;

use crate::i18n::fill;
use crate::state::PledgeState;
use crate::web;

/// The candidate's signing key: its fingerprint and what it is for, export
/// and import, and "forget me".
#[component]
pub fn KeyPanel(
    /// With export and "forget me" (after signing), or just the fingerprint
    /// and import (before).
    full: bool,
) -> impl IntoView {
    let t = texts();
    let state = PledgeState::use_context();
    let message = RwSignal::new(None::<String>);
    let file_input = NodeRef::<html::Input>::new();

    let fingerprint = move || match state.fingerprint() {
        Some(fp) => view! {
            <p class="pw-key__fingerprint">
                {fill(t.key_fingerprint, &[("fingerprint", &fp)])}
            </p>
            <p class="pw-key__explain">{t.key_explain}</p>
        }
        .into_any(),
        None => view! { <p class="pw-key__explain">{t.key_none_yet}</p> }.into_any(),
    };

    let export = move |_| {
        if let Some(file) = state.key_file() {
            web::download_text("cle-engagement-coorace.json", &file, "application/json");
        }
    };

    let import = move |_: Event| {
        let Some(input) = file_input.get_untracked() else {
            return;
        };
        spawn_local(async move {
            let text = web::chosen_file_text(&input).await;
            let result = text
                .ok_or(())
                .and_then(|t| state.import_key(&t).map_err(|_| ()));
            let _ = message.try_set(Some(match result {
                Ok(fp) => fill(t.key_imported, &[("fingerprint", &fp)]),
                Err(()) => t.key_import_failed.to_owned(),
            }));
        });
    };

    let forget = full.then(|| {
        view! {
            <ConfirmedAction
                id="pw-forget-question"
                label=t.forget_me
                question=t.forget_question
                confirm_label=t.forget_confirm
                on_confirm=Callback::new(move |_| state.forget_everything())
            />
        }
    });

    view! {
        <section class="pw-key" aria-labelledby="pw-key-heading">
            <h2 class="pw-summary__section-title" id="pw-key-heading">
                {t.key_heading}
            </h2>
            {fingerprint}
            <div class="pw-key__actions">
                {full
                    .then(|| {
                        view! {
                            <button
                                type="button"
                                class="pw-button"
                                disabled=move || state.fingerprint().is_none()
                                on:click=export
                            >
                                {t.key_export}
                            </button>
                        }
                    })}
                <label class="pw-button pw-key__import">
                    {t.key_import}
                    <input
                        type="file"
                        class="pw-visually-hidden"
                        accept=".json,application/json"
                        node_ref=file_input
                        on:change=import
                    />
                </label>
            </div>
            <p class="pw-key__message" role="status">
                {move || message.get()}
            </p>
            {forget}
        </section>
    }
}
