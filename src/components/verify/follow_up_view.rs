use leptos::prelude::*;

use crate::domain::organiser::follow_up::{FollowUp, StatusRecord};
use crate::domain::PublicKey;
use crate::i18n::fill;
use crate::state::{campaign, follow_up_texts, texts};

/// How a build shows the follow-up on a pledge's page
/// (`Parts::follow_up`): [`FollowUpShown::VIEW`], in context in the builds
/// that carry [`FollowUpView`]. The verify build has none: it hands the
/// page of an elected signatory over to the wall's build before its
/// verdict (`LightVerification`), so that only those pages download it.
#[derive(Clone, Copy)]
pub struct FollowUpShown(pub fn(FollowUp, PublicKey, Vec<u8>) -> AnyView);

impl FollowUpShown {
    pub const VIEW: FollowUpShown = FollowUpShown(|follow_up, key, taken| {
        view! { <FollowUpView follow_up key taken /> }.into_any()
    });
}

/// After the vote, on the pledge's page: the signatory's mandate and, for
/// each commitment they took that the organiser followed up, where it
/// stands (status, date, public note, evidence), with its history on
/// request. Nothing for a signatory the list does not say was elected.
#[component]
pub fn FollowUpView(
    /// The list's follow-up records of this signatory.
    follow_up: FollowUp,
    key: PublicKey,
    /// The commitments they took (positions).
    taken: Vec<u8>,
) -> impl IntoView {
    let mandate = follow_up.mandate(&key, None)?;
    let since = follow_up
        .records
        .iter()
        .filter_map(|r| match r {
            crate::domain::organiser::follow_up::Record::Elected {
                key: k,
                date,
                mandate: m,
            } if *k == key && *m == mandate => Some(*date),
            _ => None,
        })
        .max()?;
    let rows = taken
        .into_iter()
        .filter_map(|position| {
            let now = follow_up.status(&key, position, None)?.clone();
            let history: Vec<StatusRecord> = follow_up.history(&key, position).cloned().collect();
            Some(view! { <CommitmentStatus position now history /> })
        })
        .collect_view();
    Some(view! {
        <section class="pw-follow-up-view" aria-labelledby="pw-follow-up-heading">
            <h2 class="pw-summary__section-title" id="pw-follow-up-heading">
                {move || follow_up_texts().follow_up_heading}
            </h2>
            <p class="pw-follow-up-view__mandate">
                {move || {
                    fill(
                        follow_up_texts().follow_up_elected,
                        &[("mandate", follow_up_texts().mandate(mandate)), ("date", &texts().date(since))],
                    )
                }}
            </p>
            <ul class="pw-follow-up-view__list">{rows}</ul>
        </section>
    })
}

/// One commitment: its status now, and every status it had.
#[component]
fn CommitmentStatus(position: u8, now: StatusRecord, history: Vec<StatusRecord>) -> impl IntoView {
    let label = move || {
        campaign()
            .commitment_at(position)
            .map(|c| format!("{} {}", c.id, c.text))
    };
    let count = history.len();
    let history = (count > 1).then(|| {
        let items = history
            .into_iter()
            .map(|s| view! { <li><StatusLine status=s /></li> })
            .collect_view();
        view! {
            <details class="pw-follow-up-view__history">
                <summary>{move || fill(follow_up_texts().follow_up_history, &[("n", &count.to_string())])}</summary>
                <ol>{items}</ol>
            </details>
        }
    });
    view! {
        <li class="pw-follow-up-view__commitment">
            <p class="pw-follow-up-view__label">{label}</p>
            <StatusLine status=now />
            {history}
        </li>
    }
}

/// A status: what, when, the note and the evidence links (https only,
/// checked when the list was read; opened apart, with no referrer).
#[component]
fn StatusLine(status: StatusRecord) -> impl IntoView {
    let progress = status.progress;
    let links = status
        .evidence
        .iter()
        .enumerate()
        .map(|(i, e)| {
            let (n, host) = ((i + 1).to_string(), e.host().to_owned());
            view! {
                <a
                    class="pw-follow-up-view__evidence"
                    href=e.as_str().to_owned()
                    target="_blank"
                    rel="noopener noreferrer nofollow ugc"
                >
                    {move || fill(follow_up_texts().follow_up_evidence, &[("n", &n), ("host", &host)])}
                </a>
            }
        })
        .collect_view();
    let note = (!status.note.is_empty()).then(|| {
        view! { <bdi class="pw-follow-up-view__note">{status.note.clone()}</bdi> }
    });
    view! {
        <p class=format!("pw-follow-up-view__status pw-follow-up-view__status--{}", progress.key())>
            <strong>
                {move || {
                    fill(
                        follow_up_texts().follow_up_status,
                        &[("status", follow_up_texts().progress(progress)), ("date", &texts().date(status.date))],
                    )
                }}
            </strong>
            " "
            {note}
            " "
            {links}
        </p>
    }
}
