use leptos::prelude::*;

use crate::domain::organiser::follow_up::{FollowUp, Record, StatusRecord};
use crate::domain::{PublicKey, SigningDate, VerifiedPledge};
use crate::i18n::fill;
use crate::state::{campaign, follow_up_texts, texts};

/// What a pledge's page knows of its signatory after the vote.
#[derive(Clone)]
pub struct FollowUpOf {
    /// The list's follow-up records of this signatory.
    pub follow_up: FollowUp,
    pub pledge: VerifiedPledge,
    /// The pledge's link (the « bilan » card's QR code opens it).
    pub link: String,
    /// The date of the list they come from.
    pub issued: SigningDate,
    /// Whether the list vouches for the pledge (« vérifié »): only then a
    /// « bilan » image, which carries the organiser's mark.
    pub vouched: bool,
}

/// How a build shows the follow-up on a pledge's page
/// (`Parts::follow_up`): [`FollowUpView`] and the « bilan » card (or the
/// button that loads it), in context in the builds that carry them. The
/// verify build has none: it hands the page of an elected signatory over
/// to the wall's build before its verdict (`LightVerification`), so that
/// only those pages download it.
#[derive(Clone, Copy)]
pub struct FollowUpShown(pub fn(FollowUpOf) -> AnyView);

/// After the vote, on the pledge's page: the signatory's mandate, their
/// commitments counted by where they stand and, for each commitment they
/// took that the organiser followed up, its status (date, public note,
/// evidence), with its history on request; where the organiser froze
/// reviews, two dates compared. Nothing for a signatory the list does not
/// say was elected.
#[component]
pub fn FollowUpView(of: FollowUpOf) -> impl IntoView {
    let FollowUpOf {
        follow_up,
        pledge,
        issued,
        ..
    } = of;
    let key = pledge.public_key();
    let taken: Vec<u8> = pledge.pledge().selection().positions().collect();
    let mandate = follow_up.mandate(&key, None)?;
    let since = follow_up
        .records
        .iter()
        .filter_map(|r| match r {
            Record::Elected {
                key: k,
                date,
                mandate: m,
            } if *k == key && *m == mandate => Some(*date),
            _ => None,
        })
        .max()?;
    let board = follow_up.scoreboard(&key, taken.iter().copied(), None);
    let rows = taken
        .iter()
        .filter_map(|&position| {
            let now = follow_up.status(&key, position, None)?.clone();
            let history: Vec<StatusRecord> = follow_up.history(&key, position).cloned().collect();
            Some(view! { <CommitmentStatus position now history /> })
        })
        .collect_view();
    let compare = (!follow_up.reviews().is_empty()).then(|| {
        view! { <ReviewComparison follow_up=StoredValue::new(follow_up.clone()) key taken issued /> }
    });
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
            <p class="pw-follow-up-view__board">{move || follow_up_texts().scoreboard(&board)}</p>
            <ul class="pw-follow-up-view__list">{rows}</ul>
            {compare}
        </section>
    })
}

/// The dates a reader can compare: each review (by date), then the list's
/// (every record).
fn comparable(follow_up: &FollowUp, issued: SigningDate) -> Vec<(Option<SigningDate>, String)> {
    let t = follow_up_texts();
    follow_up
        .reviews()
        .into_iter()
        .map(|(date, kind)| {
            let label = fill(
                t.compare_review,
                &[("review", t.review(kind)), ("date", &texts().date(date))],
            );
            (Some(date), label)
        })
        .chain([(
            None,
            fill(t.compare_now, &[("date", &texts().date(issued))]),
        )])
        .collect()
}

/// Two dates side by side (a review and another, or today): each
/// commitment's status at both, and the counts.
#[component]
fn ReviewComparison(
    follow_up: StoredValue<FollowUp>,
    key: PublicKey,
    taken: Vec<u8>,
    issued: SigningDate,
) -> impl IntoView {
    let choices = Memo::new(move |_| follow_up.with_value(|f| comparable(f, issued)));
    let last = choices.with_untracked(|c| c.len() - 1);
    let (from, to) = (RwSignal::new(0usize), RwSignal::new(last));
    let picker = move |id: &'static str, label: fn() -> &'static str, chosen: RwSignal<usize>| {
        let options = move || {
            choices
                .get()
                .into_iter()
                .enumerate()
                .map(|(i, (_, text))| view! { <option value=i.to_string() selected=move || chosen.get() == i>{text}</option> })
                .collect_view()
        };
        view! {
            <div class="pw-field pw-follow-up-compare__pick">
                <label class="pw-field__label" for=id>{move || label()}</label>
                <select
                    id=id
                    class="pw-field__input"
                    on:change=move |ev| {
                        if let Ok(i) = event_target_value(&ev).parse::<usize>() {
                            chosen.set(i);
                        }
                    }
                >
                    {options}
                </select>
            </div>
        }
    };
    let date_of = move |i: usize| choices.with(|c| c.get(i).and_then(|(d, _)| *d));
    let taken = StoredValue::new(taken);
    let boards = move || {
        let t = follow_up_texts();
        [from.get(), to.get()]
            .into_iter()
            .map(|i| {
                let board = follow_up.with_value(|f| {
                    taken.with_value(|k| f.scoreboard(&key, k.iter().copied(), date_of(i)))
                });
                let label = choices.with(|c| c.get(i).map(|(_, l)| l.clone()).unwrap_or_default());
                view! { <li><strong>{label}</strong>" : "{t.scoreboard(&board)}</li> }
            })
            .collect_view()
    };
    let rows = move || {
        let t = follow_up_texts();
        let (a, b) = (date_of(from.get()), date_of(to.get()));
        taken.with_value(|k| {
            k.iter()
                .map(|&position| {
                    let at = |d| {
                        follow_up.with_value(|f| {
                            f.status(&key, position, d)
                                .map_or(t.progress_not_assessed, |s| t.progress(s.progress))
                        })
                    };
                    let (then, now) = (at(a), at(b));
                    let id = campaign().commitment_at(position).map(|c| c.id);
                    let text = campaign().commitment_at(position).map(|c| c.text);
                    view! {
                        <li class="pw-follow-up-compare__row" class:pw-follow-up-compare__row--changed=then != now>
                            <span class="pw-follow-up-compare__commitment">{id}" "{text}</span>
                            <span class="pw-follow-up-compare__change">{then}" → "{now}</span>
                        </li>
                    }
                })
                .collect_view()
        })
    };
    view! {
        <details class="pw-follow-up-compare">
            <summary>{move || follow_up_texts().compare_heading}</summary>
            <div class="pw-follow-up-compare__picks">
                {picker("pw-compare-from", || follow_up_texts().compare_from, from)}
                {picker("pw-compare-to", || follow_up_texts().compare_to, to)}
            </div>
            <ul class="pw-follow-up-compare__boards">{boards}</ul>
            <ul class="pw-follow-up-compare__rows">{rows}</ul>
        </details>
    }
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
