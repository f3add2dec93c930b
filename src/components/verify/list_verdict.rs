use leptos::prelude::*;

use crate::domain::organiser::follow_up::FollowUp;
use crate::domain::organiser::pledge_list::{ListFailure, Listed};
use crate::domain::{EntryStatus, Organiser, ShareLink, VerifiedPledge};
use crate::i18n::fill;
use crate::state::{org_texts, organiser, texts, Vouched};
use crate::web;

use super::{FollowUpOf, FollowUpShown, OrganiserSeal};

/// What the organiser's published list says of the pledge on show:
/// « vérifié par … le … », « retiré le … », replaced by a later one, or
/// « signature valide — clé non vérifiée ». Nothing where the build pins no
/// organiser key. Where the list vouches for it, says so to the card
/// ([`Vouched`]).
#[component]
pub fn ListVerdict(
    pledge: VerifiedPledge,
    /// The pledge's payload, as its link carries it.
    payload: Vec<u8>,
    /// The Rust verifier, where the build carries it (see `web::check_list`).
    rust_verifier: Option<web::RustVerifier>,
) -> impl IntoView {
    let organiser = organiser()?;
    let pinned = organiser.public_key?;
    let vouched = use_context::<Vouched>();
    let tell_card = move |result: &Result<Found, ListFailure>| {
        if let (Some(v), Ok(Found::Listed(EntryStatus::Verified, date))) = (vouched, result) {
            let _ = v.0.try_set(Some(*date));
        }
    };
    // The list loaded with the verdict (the verify build): shown at once,
    // with the seal, so nothing shifts. Otherwise (or for a replaced
    // pledge, whose successor's signature is checked first) it is looked
    // up now.
    let known = use_context::<KnownList>().and_then(|k| k.0.try_get_value());
    let at_once = known.as_ref().and_then(|list| match list {
        Err(failure) => Some(Err(*failure)),
        Ok(web::LoadedList { list, .. }) => match list.find(&payload, &pledge) {
            // The new key's pledge is checked before it is linked to.
            Listed::Entry(EntryStatus::KeyReplaced, _) => None,
            Listed::Entry(status, date) => Some(Ok(Found::Listed(status, date))),
            Listed::Absent => Some(Ok(Found::Absent)),
            Listed::Replaced { .. } => None,
        },
    });
    if let Some(result) = &at_once {
        tell_card(result);
    }
    let found = RwSignal::new(at_once.clone());
    // The date of the list the verdict comes from (« selon la liste du … »),
    // whether it is the offline copy, and whether it is a version 1 list
    // (no sequence: nothing shows it is the newest).
    let issued_of = |list: &Result<web::LoadedList, ListFailure>| {
        list.as_ref()
            .ok()
            .map(|l| (l.list.issued, l.offline, l.list.sequence.is_none()))
    };
    let as_of = RwSignal::new(at_once.as_ref().and(known.as_ref()).and_then(issued_of));
    // This signatory's follow-up after the vote, from the same list.
    let signatory = pledge.public_key();
    let follow_up_of = move |list: &Result<web::LoadedList, ListFailure>| {
        let list = &list.as_ref().ok()?.list;
        // As of the list: a record dated after it is left out.
        let own: Vec<_> = list
            .follow_up
            .records
            .iter()
            .filter(|r| r.is_about(&signatory) && r.date() <= list.issued)
            .cloned()
            .collect();
        (!own.is_empty()).then_some(FollowUp { records: own })
    };
    let follow_up = RwSignal::new(at_once.as_ref().and(known.as_ref()).and_then(follow_up_of));
    // The follow-up and the « bilan » card link to this page.
    let (shown_pledge, link) = (
        pledge.clone(),
        ShareLink::with_payload(&web::page_url(), &ShareLink::payload_text_of(&payload)),
    );
    if at_once.is_none() {
        leptos::task::spawn_local(async move {
            let list = match known {
                Some(list) => list,
                // Where the organiser publishes shards: its département's.
                None => {
                    let shard = crate::domain::organiser::shards::shard_name(&pledge);
                    web::load_list_for(&pinned, rust_verifier, &shard).await
                }
            };
            let _ = as_of.try_set(issued_of(&list));
            let _ = follow_up.try_set(follow_up_of(&list));
            let result = look_up(list, &payload, &pledge).await;
            tell_card(&result);
            let _ = found.try_set(Some(result));
        });
    }
    let list_date = as_of;
    Some(move || {
        let t = org_texts();
        let name = organiser.name;
        let as_of = match found.get() {
            Some(Ok(_)) => as_of.get().map(|(date, offline, version_1)| {
                let pattern = match (offline, version_1) {
                    (true, _) => t.list_offline,
                    (_, true) => t.list_version_1,
                    _ => t.status_as_of,
                };
                view! {
                    <p class="pw-list-status__as-of">
                        {fill(pattern, &[("date", &texts().date(date))])}
                    </p>
                }
            }),
            _ => None,
        };
        let verdict = match found.get() {
            None => view! { <p class="pw-list-status pw-list-status--checking">{t.status_checking}</p> }
                .into_any(),
            // The seal, drawn: a name or list that reads « ✔ Vérifié par … »
            // has no seal and no coloured box.
            Some(Ok(Found::Listed(EntryStatus::Verified, date))) => view! {
                <div class="pw-list-status pw-list-status--verified" role="status">
                    <OrganiserSeal />
                    <p class="pw-list-status__title">
                        {fill(t.status_verified, &[("organiser", name), ("date", &texts().date(date))])}
                    </p>
                </div>
            }
            .into_any(),
            Some(Ok(Found::Listed(EntryStatus::Withdrawn, date))) => line(
                "withdrawn",
                fill(t.status_withdrawn, &[("date", &texts().date(date))]),
                None,
            ),
            Some(Ok(Found::NewKey { date, fingerprint, current })) => {
                let link = current.map(|latest| {
                    let href = ShareLink::with_payload(&web::page_url(), &latest);
                    view! { <a class="pw-list-status__link" href=href>{t.status_key_replaced_link}</a> }
                });
                view! {
                    <div class="pw-list-status pw-list-status--replaced" role="status">
                        <p class="pw-list-status__title">
                            {fill(
                                t.status_key_replaced,
                                &[("organiser", name), ("fingerprint", &fingerprint), ("date", &texts().date(date))],
                            )}
                        </p>
                        {link}
                    </div>
                }
                .into_any()
            }
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
            Some(Ok(Found::Listed(EntryStatus::Pending | EntryStatus::KeyReplaced, _) | Found::Absent))
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
        };
        // After the vote: for a pledge the list stands by.
        let follow = match found.get() {
            Some(Ok(Found::Listed(status @ (EntryStatus::Verified | EntryStatus::Pending), _))) => {
                let shown = use_context::<FollowUpShown>();
                follow_up.get().zip(shown).zip(list_date.get()).map(
                    |((follow_up, FollowUpShown(show)), (issued, ..))| {
                        show(FollowUpOf {
                            follow_up,
                            pledge: shown_pledge.clone(),
                            link: link.clone(),
                            issued,
                            vouched: status == EntryStatus::Verified,
                        })
                    },
                )
            }
            _ => None,
        };
        view! { {verdict} {as_of} {follow} }
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

/// The organiser's list as loaded with a pledge link's verdict (provided by
/// `LightVerification`), so that its status shows with the seal.
#[derive(Clone, Copy)]
pub struct KnownList(pub StoredValue<Result<web::LoadedList, ListFailure>>);

/// The pledge in the list: listed with a status, replaced by a later
/// pledge of the same key (its payload text), or absent.
#[derive(Clone, Debug, PartialEq, Eq)]
enum Found {
    Listed(EntryStatus, crate::domain::SigningDate),
    Replaced(String),
    /// The organiser linked this key to the same candidate's new key: its
    /// fingerprint, and its current pledge's payload text where listed and
    /// valid.
    NewKey {
        date: crate::domain::SigningDate,
        fingerprint: String,
        current: Option<String>,
    },
    Absent,
}

async fn look_up(
    list: Result<web::LoadedList, ListFailure>,
    payload: &[u8],
    pledge: &VerifiedPledge,
) -> Result<Found, ListFailure> {
    let list = list?.list;
    Ok(match list.find(payload, pledge) {
        Listed::Entry(EntryStatus::KeyReplaced, date) => {
            match list.new_key_of(&pledge.public_key()) {
                Some((key, latest)) => {
                    let mut current = None;
                    if let Some(entry) = latest.and_then(|i| list.entries.get(i)) {
                        if let Ok(Ok(_)) = web::verify_payload(&entry.payload).await {
                            current = Some(ShareLink::payload_text_of(&entry.payload));
                        }
                    }
                    Found::NewKey {
                        date,
                        fingerprint: key.fingerprint(),
                        current,
                    }
                }
                None => Found::Absent,
            }
        }
        Listed::Entry(status, date) => Found::Listed(status, date),
        Listed::Replaced { later, own } => {
            // The wall's rule: the latest pledge of the key whose own
            // signature holds is current; if none holds, this one stands.
            for index in later {
                let Some(entry) = list.entries.get(index) else {
                    continue;
                };
                if let Ok(Ok(_)) = web::verify_payload(&entry.payload).await {
                    return Ok(Found::Replaced(ShareLink::payload_text_of(&entry.payload)));
                }
            }
            match own {
                Some((status, date)) => Found::Listed(status, date),
                None => Found::Absent,
            }
        }
        Listed::Absent => Found::Absent,
    })
}
