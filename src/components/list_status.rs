use leptos::prelude::*;

use crate::domain::pledge_list::{ListFailure, Listed};
use crate::domain::{Organiser, PublicKey, ShareLink, Status, VerifiedPledge};
use crate::i18n::fill;
use crate::state::{org_texts, organiser, texts, Vouched};
use crate::web;

/// What the organiser's published list says of the pledge on show:
/// « vérifié par … le … », « retiré le … », replaced by a later one, or
/// « signature valide — clé non vérifiée ». Nothing where the build pins no
/// organiser key. Where the list vouches for it, says so to the card
/// ([`Vouched`]).
#[component]
pub fn ListStatus(
    pledge: VerifiedPledge,
    /// The pledge's payload, as its link carries it.
    payload: Vec<u8>,
) -> impl IntoView {
    let organiser = organiser()?;
    let pinned = organiser.public_key?;
    let found = RwSignal::new(None::<Result<Found, ListFailure>>);
    let vouched = use_context::<Vouched>();
    leptos::task::spawn_local(async move {
        let result = look_up(&pinned, &payload, &pledge).await;
        if let (Some(v), Ok(Found::Listed(Status::Verified, date))) = (vouched, &result) {
            let _ = v.0.try_set(Some(*date));
        }
        let _ = found.try_set(Some(result));
    });
    Some(move || {
        let t = org_texts();
        let name = organiser.name;
        match found.get() {
            None => view! { <p class="pw-list-status pw-list-status--checking">{t.status_checking}</p> }
                .into_any(),
            Some(Ok(Found::Listed(Status::Verified, date))) => line(
                "verified",
                fill(t.status_verified, &[("organiser", name), ("date", &texts().date(date))]),
                None,
            ),
            Some(Ok(Found::Listed(Status::Withdrawn, date))) => line(
                "withdrawn",
                fill(t.status_withdrawn, &[("date", &texts().date(date))]),
                None,
            ),
            Some(Ok(Found::Replaced(latest))) => {
                let href = ShareLink::with_payload(&web::page_url(), &latest);
                view! {
                    <div class="pw-list-status pw-list-status--replaced" role="status">
                        <p class="pw-list-status__title">
                            {fill(t.status_replaced, &[("organiser", name)])}
                        </p>
                        <a class="pw-list-status__link" href=href>{t.status_replaced_link}</a>
                    </div>
                }
                .into_any()
            }
            // No list published yet: no key is verified.
            Some(Ok(Found::Listed(Status::Pending, _) | Found::Absent))
            | Some(Err(ListFailure::NotPublished)) => unverified(&organiser),
            Some(Err(failure)) => view! {
                <p class="pw-list-status pw-list-status--unavailable">
                    {fill(
                        t.status_unavailable,
                        &[("organiser", name), ("reason", &fill(t.list_failure(failure), &[("organiser", name)]))],
                    )}
                </p>
            }
            .into_any(),
        }
    })
}

fn line(kind: &'static str, text: String, help: Option<String>) -> AnyView {
    view! {
        <div class=format!("pw-list-status pw-list-status--{kind}") role="status">
            <p class="pw-list-status__title">{text}</p>
            {help.map(|h| view! { <p class="pw-list-status__help">{h}</p> })}
        </div>
    }
    .into_any()
}

fn unverified(organiser: &Organiser) -> AnyView {
    let t = org_texts();
    let who = [("organiser", organiser.name)];
    line(
        "unverified",
        fill(t.status_unverified, &who),
        Some(fill(t.status_unverified_help, &who)),
    )
}

/// The pledge in the list: listed with a status, replaced by a later
/// pledge of the same key (its payload text), or absent.
#[derive(Clone, Debug, PartialEq, Eq)]
enum Found {
    Listed(Status, crate::domain::SigningDate),
    Replaced(String),
    Absent,
}

async fn look_up(
    pinned: &PublicKey,
    payload: &[u8],
    pledge: &VerifiedPledge,
) -> Result<Found, ListFailure> {
    let list = web::load_list(pinned).await?;
    Ok(match list.find(payload, &pledge.public_key()) {
        Listed::Entry(status, date) => Found::Listed(status, date),
        Listed::SameKey(index) => {
            // Only a later pledge whose own signature holds replaces this one.
            let entry = &list.entries[index];
            match web::verify_payload(&entry.payload).await {
                Ok(Ok(other)) if other.pledge().date() >= pledge.pledge().date() => {
                    Found::Replaced(ShareLink::payload_text_of(&entry.payload))
                }
                _ => Found::Absent,
            }
        }
        Listed::Absent => Found::Absent,
    })
}
