use leptos::prelude::*;

use crate::i18n::fill;
use crate::state::{console_texts, organiser, ConsoleState};
use crate::web;

/// « Publier »: the signed `engagements.json` and the open data
/// `engagements.csv`, downloaded for the organiser to put next to the
/// widget's files.
#[component]
pub fn ConsolePublish(
    /// The Rust verifier, where the build carries it (see `web::check_list`).
    rust_verifier: Option<web::RustVerifier>,
) -> impl IntoView {
    let state = ConsoleState::use_context();
    let message = RwSignal::new(None::<String>);
    // The list published now, read (and its sequence remembered) so that
    // the next is numbered above it, whichever browser published it.
    let pinned = organiser().and_then(|o| o.public_key);
    if let Some(pinned) = pinned {
        leptos::task::spawn_local(async move {
            // And its follow-up taken in where this console's is a part
            // of it (never published over).
            if let Ok(loaded) = web::load_list(&pinned, rust_verifier).await {
                state.saw_published(&loaded.list.follow_up);
            }
        });
    }
    let publish = move |_| {
        let seen = pinned.as_ref().and_then(web::highest_seen);
        let said = match state.publish(seen) {
            None if state.notices().follow_up_conflict => {
                console_texts().follow_up_conflict.to_owned()
            }
            // Its unreadable follow-up could not be set aside: held.
            None if state.notices().follow_up_set_aside && state.key().is_some() => {
                console_texts().follow_up_set_aside.to_owned()
            }
            None => console_texts().console_publish_needs_key.to_owned(),
            Some((json, csv, n)) => {
                web::download_text("engagements.json", &json, "application/json");
                web::download_text("engagements.csv", &csv, "text/csv;charset=utf-8");
                if n == 1 {
                    console_texts().console_published_one.to_owned()
                } else {
                    fill(console_texts().console_published, &[("n", &n.to_string())])
                }
            }
        };
        message.set(Some(said));
    };
    view! {
        <section class="pw-console__section" aria-labelledby="pw-publish-heading">
            <h2 class="pw-summary__section-title" id="pw-publish-heading">
                {move || console_texts().console_publish_heading}
            </h2>
            <p class="pw-key__explain">{move || console_texts().console_publish_lead}</p>
            <button
                type="button"
                class="pw-button pw-button--primary"
                prop:disabled=move || state.checking().is_some_and(|c| c.opening)
                on:click=publish
            >
                {move || console_texts().console_publish}
            </button>
            <p class="pw-key__message" role="status">{move || message.get()}</p>
        </section>
    }
}
