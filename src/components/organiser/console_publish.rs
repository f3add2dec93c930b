use leptos::prelude::*;

use crate::domain::organiser::pledge_list::ListFailure;
use crate::i18n::fill;
use crate::state::{console_texts, org_texts, organiser, shard_texts, ConsoleState, Published};
use crate::web;

/// Where the read of the published list stands.
#[derive(Clone, Copy, PartialEq, Eq)]
enum PublishedRead {
    Reading,
    /// Read (or none published yet): the next list is numbered above it,
    /// its follow-up taken in.
    Read,
    /// Not read: publishing could erase its follow-up, so it asks first.
    Failed(ListFailure),
}

/// « Publier »: the signed `engagements.json` and the open data
/// `engagements.csv`, downloaded for the organiser to put next to the
/// widget's files. It reads the published list first (numbered above it,
/// its follow-up taken in) and, where that read fails, asks before
/// publishing over a follow-up it could not see.
#[component]
pub fn ConsolePublish(
    /// The Rust verifier, where the build carries it (see `web::check_list`).
    rust_verifier: Option<web::RustVerifier>,
) -> impl IntoView {
    let state = ConsoleState::use_context();
    let message = RwSignal::new(None::<String>);
    let pinned = organiser().and_then(|o| o.public_key);
    let read = RwSignal::new(if pinned.is_some() {
        PublishedRead::Reading
    } else {
        PublishedRead::Read
    });
    // The list published now, read (and its sequence remembered) so that
    // the next is numbered above it, whichever browser published it; and
    // its follow-up taken in where this console's is a part of it (never
    // published over).
    let read_published = move || {
        let Some(pinned) = pinned else { return };
        read.set(PublishedRead::Reading);
        leptos::task::spawn_local(async move {
            // The whole list, and the shards' index: both of one
            // publication, or the organiser is asked first (a follow-up in
            // one of them could be lost).
            let list = web::load_list(&pinned, rust_verifier).await;
            let index = web::load_index(&pinned, rust_verifier).await;
            let outcome = match (list, index) {
                (_, Err(failure)) => PublishedRead::Failed(failure),
                // The service worker's old copy is not what is published.
                (Ok(loaded), _) if loaded.offline => {
                    PublishedRead::Failed(ListFailure::Unreachable)
                }
                (Ok(loaded), Ok(Some(index)))
                    if Some(index.index.sequence) != loaded.list.sequence =>
                {
                    PublishedRead::Failed(ListFailure::Mismatched)
                }
                (Ok(loaded), _) => {
                    state.saw_published(&loaded.list.follow_up);
                    PublishedRead::Read
                }
                (Err(ListFailure::NotPublished), Ok(Some(_))) => {
                    PublishedRead::Failed(ListFailure::Mismatched)
                }
                (Err(ListFailure::NotPublished), Ok(None)) => PublishedRead::Read,
                (Err(failure), _) => PublishedRead::Failed(failure),
            };
            let _ = read.try_set(outcome);
            // « Un instant » said while it was read: read now.
            let reading = console_texts().publish_reading;
            let _ = message.try_update(|m| {
                if m.as_deref() == Some(reading) {
                    *m = None;
                }
            });
        });
    };
    read_published();
    let publish = move || {
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
            Some(Published {
                list,
                csv,
                shards,
                count: n,
            }) => {
                web::download_text("engagements.json", &list, "application/json");
                web::download_text("engagements.csv", &csv, "text/csv;charset=utf-8");
                web::download_bytes("engagements.zip", &shards, "application/zip");
                web::mark("pw-console-published");
                if n == 1 {
                    console_texts().console_published_one.to_owned()
                } else {
                    fill(console_texts().console_published, &[("n", &n.to_string())])
                }
            }
        };
        message.set(Some(said));
    };
    let asked = RwSignal::new(false);
    let on_publish = move |_| match read.get_untracked() {
        PublishedRead::Reading => message.set(Some(console_texts().publish_reading.to_owned())),
        PublishedRead::Failed(_) => {
            message.set(None);
            asked.set(true);
        }
        PublishedRead::Read => publish(),
    };
    let question = move || {
        let PublishedRead::Failed(failure) = read.get() else {
            return None;
        };
        asked.get().then(|| {
            let name = organiser().map_or("", |o| o.name);
            let said = shard_texts().failure(failure).unwrap_or_else(|| org_texts().list_failure(failure));
            let reason = fill(said, &[("organiser", name)]);
            view! {
                <div class="pw-notice pw-console__ask" role="alert">
                    <p class="pw-notice__text">
                        {fill(console_texts().publish_read_failed, &[("reason", &reason)])}
                    </p>
                    <div class="pw-console__ask-actions">
                        <button type="button" class="pw-button" on:click=move |_| {
                            asked.set(false);
                            read_published();
                        }>
                            {move || console_texts().publish_retry}
                        </button>
                        <button type="button" class="pw-button pw-button--danger" on:click=move |_| {
                            asked.set(false);
                            publish();
                        }>
                            {move || console_texts().publish_anyway}
                        </button>
                    </div>
                </div>
            }
        })
    };
    let taken_in = move || {
        let n = state.notices().follow_up_taken_in;
        (n > 0).then(|| {
            view! {
                <p class="pw-key__note">
                    {move || fill(console_texts().follow_up_taken_in, &[("n", &n.to_string())])}
                </p>
            }
        })
    };
    view! {
        <section class="pw-console__section" aria-labelledby="pw-publish-heading">
            <h2 class="pw-summary__section-title" id="pw-publish-heading">
                {move || console_texts().console_publish_heading}
            </h2>
            <p class="pw-key__explain">{move || console_texts().console_publish_lead}</p>
            {taken_in}
            <button
                type="button"
                class="pw-button pw-button--primary"
                prop:disabled=move || state.checking().is_some_and(|c| c.opening)
                on:click=on_publish
            >
                {move || console_texts().console_publish}
            </button>
            {question}
            <p class="pw-key__message" role="status">{move || message.get()}</p>
        </section>
    }
}
