use leptos::prelude::*;

use crate::components::ui::FileButton;

use crate::i18n::fill;
use crate::state::{console_texts, organiser, texts, ConsoleState};
use crate::web;

/// The exported key's file name: the campaign's slug in it.
fn key_file_name() -> String {
    format!("cle-organisateur-{}.json", crate::campaign::SLUG)
}

/// The organiser's key in the console: create (once), export, import
/// (never over another key without consent); its fingerprint and public
/// key, and whether it is the key this widget pins.
#[component]
pub fn ConsoleKeyPanel() -> impl IntoView {
    let state = ConsoleState::use_context();
    let message = RwSignal::new(None::<&'static str>);
    let pinned = organiser().and_then(|o| o.public_key);

    let export = move |_| {
        if let Some(file) = state.key_file() {
            web::download_text(&key_file_name(), &file, "application/json");
        }
    };
    let import = Callback::new(move |text: Option<String>| {
        let ok = text.is_some_and(|t| state.import_key(&t).is_ok());
        let _ = message.try_set((!ok).then_some(console_texts().console_key_import_failed));
    });
    let key = move || {
        let t = console_texts();
        match state.key() {
            None => view! { <p class="pw-key__explain">{t.console_key_none}</p> }.into_any(),
            Some(key) => {
                let public = key.public();
                let pin = match pinned {
                    Some(p) if p == public => view! { <p class="pw-key__note">{t.console_key_pinned}</p> }.into_any(),
                    Some(p) => view! {
                        <p class="pw-key__note pw-key__note--warning">
                            {fill(t.console_key_not_pinned, &[("fingerprint", &p.fingerprint())])}
                        </p>
                    }
                    .into_any(),
                    None => view! { <p class="pw-key__note pw-key__note--warning">{t.console_key_no_pin}</p> }.into_any(),
                };
                view! {
                    <p class="pw-key__fingerprint">
                        {fill(t.console_key_fingerprint, &[("fingerprint", &public.fingerprint())])}
                    </p>
                    <label class="pw-field__label" for="pw-organiser-public-key">{t.console_key_public}</label>
                    <input
                        id="pw-organiser-public-key"
                        class="pw-field__input pw-console__public-key"
                        type="text"
                        readonly
                        prop:value=public.to_text()
                    />
                    {pin}
                }
                .into_any()
            }
        }
    };
    let consent = move || {
        let (old, new) = state.pending_key()?;
        let question = fill(
            console_texts().console_key_replace_question,
            &[("old", &old), ("new", &new)],
        );
        Some(view! {
            <div class="pw-confirm" role="group" aria-labelledby="pw-organiser-key-question">
                <p class="pw-confirm__question" id="pw-organiser-key-question">{question}</p>
                <button type="button" class="pw-button" on:click=export>
                    {move || console_texts().console_key_export}
                </button>
                <button type="button" class="pw-button pw-button--danger" on:click=move |_| state.confirm_key()>
                    {move || console_texts().console_key_replace}
                </button>
                <button type="button" class="pw-button" on:click=move |_| state.cancel_key()>
                    {move || texts().cancel}
                </button>
            </div>
        })
    };
    let alerts = move || {
        let n = state.notices();
        let t = console_texts();
        [
            n.key_not_saved.then_some(t.console_key_unsaved),
            n.key_set_aside.then_some(t.console_key_set_aside),
        ]
        .into_iter()
        .flatten()
        .map(|a| view! { <p class="pw-key__alert" role="alert">{a}</p> })
        .collect_view()
    };
    view! {
        <section class="pw-key pw-console__section" aria-labelledby="pw-organiser-key-heading">
            <h2 class="pw-summary__section-title" id="pw-organiser-key-heading">
                {move || console_texts().console_key_heading}
            </h2>
            {key}
            {alerts}
            <div class="pw-key__actions">
                <Show
                    when=move || state.key().is_some()
                    fallback=move || view! {
                        <button
                            type="button"
                            class="pw-button pw-button--primary"
                            on:click=move |_| { let _ = state.create_key(); }
                        >
                            {move || console_texts().console_key_create}
                        </button>
                    }
                >
                    <button type="button" class="pw-button" on:click=export>
                        {move || console_texts().console_key_export}
                    </button>
                </Show>
                <FileButton
                    label=Signal::derive(|| console_texts().console_key_import)
                    accept=".json,application/json"
                    on_read=import
                />
            </div>
            {consent}
            <p class="pw-key__message" role="status">{move || message.get()}</p>
        </section>
    }
}
