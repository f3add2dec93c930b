use leptos::{html, prelude::*, task::spawn_local};

use super::card_panel::{card_image, CardFormats};
use crate::domain::card::share_targets::file_slug;
use crate::domain::card::CardFormat;
use crate::domain::organiser::follow_up::FollowUp;
use crate::domain::{SigningDate, VerifiedPledge};
use crate::i18n::{fill, isolated};
use crate::state::{campaign, follow_up_texts, organiser, texts};
use crate::web::{self, ShareOutcome};

/// An elected signatory's « bilan » card: where the commitments they took
/// stand, as of a review or of the list, in the pledge card's formats
/// (same layout, same sizes), its QR code to their pledge's page; download
/// and the phone's share sheet. Nothing for a signatory not elected.
#[component]
pub fn BilanCard(
    /// The list's follow-up records of this signatory.
    follow_up: FollowUp,
    pledge: VerifiedPledge,
    /// The pledge's link, which the QR code opens.
    link: String,
    /// The date of the list the records come from.
    issued: SigningDate,
) -> impl IntoView {
    follow_up.mandate(&pledge.public_key(), None)?;
    // The dates it can be drawn as of: each review, then the list's.
    let reviews = follow_up.reviews();
    let last = reviews.len();
    let as_of = RwSignal::new(last);
    let date_at = {
        let reviews = reviews.clone();
        move |i: usize| match reviews.get(i) {
            Some((date, kind)) => (*date, Some(*kind)),
            None => (issued, None),
        }
    };
    let content = {
        let (pledge, link, follow_up, date_at) = (
            pledge.clone(),
            link.clone(),
            follow_up.clone(),
            date_at.clone(),
        );
        Memo::new(move |_| {
            let source = fill(
                follow_up_texts().bilan_source,
                &[
                    ("organiser", organiser().map_or("", |o| o.name)),
                    ("date", &texts().date(issued)),
                ],
            );
            follow_up_texts().bilan_content(
                texts(),
                campaign(),
                &pledge,
                &follow_up,
                date_at(as_of.get()),
                source,
                &link,
            )
        })
    };
    let format = RwSignal::new(CardFormat::Landscape);
    let (image, failed) = card_image(format, content);
    let message = RwSignal::new(None::<&'static str>);
    let alt = move || content.with(|c| follow_up_texts().bilan_alt(c));
    let slug = StoredValue::new(file_slug(pledge.pledge().name()));
    let file_name = move || {
        let f = image.with(|i| i.as_ref().map_or(format.get(), |i| i.format));
        format!("bilan-{}-{}.png", slug.get_value(), f.key())
    };
    let share = {
        let (link, pledge, follow_up) = (link.clone(), pledge.clone(), follow_up.clone());
        move |_| {
            let Some(img) = image.get_untracked() else {
                return;
            };
            let (date, _) = date_at(as_of.get_untracked());
            let board = follow_up.scoreboard(
                &pledge.public_key(),
                pledge.pledge().selection().positions(),
                Some(date),
            );
            let t = follow_up_texts();
            let text = fill(
                t.bilan_share_text,
                &[
                    ("name", &isolated(pledge.pledge().name())),
                    ("board", &t.scoreboard(&board)),
                ],
            );
            let (link, name) = (link.clone(), file_name());
            spawn_local(async move {
                let outcome = web::share_files(&img.blob, &name, &text, &link).await;
                let _ = message.try_set(match outcome {
                    ShareOutcome::Shared => Some(texts().card_shared),
                    ShareOutcome::Cancelled => None,
                    ShareOutcome::Failed => Some(texts().card_share_failed),
                });
            });
        }
    };
    // The date to draw it as of, where the organiser froze reviews.
    let dates = (last > 0).then(|| {
        let options = move || {
            let t = follow_up_texts();
            reviews
                .iter()
                .map(|(date, kind)| fill(t.compare_review, &[("review", t.review(*kind)), ("date", &texts().date(*date))]))
                .chain([fill(t.compare_now, &[("date", &texts().date(issued))])])
                .enumerate()
                .map(|(i, text)| view! { <option value=i.to_string() selected=move || as_of.get() == i>{text}</option> })
                .collect_view()
        };
        view! {
            <div class="pw-field">
                <label class="pw-field__label" for="pw-bilan-date">{move || follow_up_texts().bilan_date_label}</label>
                <select
                    id="pw-bilan-date"
                    class="pw-field__input"
                    on:change=move |ev| {
                        if let Ok(i) = event_target_value(&ev).parse::<usize>() {
                            as_of.set(i);
                        }
                    }
                >
                    {options}
                </select>
            </div>
        }
    });
    // Asked for on a lighter build's page: brought into view.
    let heading = NodeRef::<html::H2>::new();
    if web::card_requested(true) {
        heading.on_load(|h| {
            request_animation_frame(move || {
                h.scroll_into_view();
                web::focus(&h);
            });
        });
    }
    Some(view! {
        <section class="pw-card pw-card--bilan" aria-labelledby="pw-bilan-heading">
            <h2 class="pw-summary__section-title" id="pw-bilan-heading" tabindex="-1" node_ref=heading>
                {move || follow_up_texts().bilan_heading}
            </h2>
            <p>{move || follow_up_texts().bilan_explain}</p>
            {dates}
            <CardFormats format group="pw-bilan-format" />
            <div class="pw-card__preview-box">
                {move || {
                    if failed.get() {
                        view! { <p class="pw-form__error">{move || texts().card_failed}</p> }.into_any()
                    } else {
                        match image.get() {
                            Some(img) if img.format == format.get() => {
                                let (w, h) = img.format.size();
                                view! { <img class="pw-card__preview" src=img.url alt=alt width=w height=h /> }.into_any()
                            }
                            _ => view! { <p class="pw-card__making" role="status">{move || texts().card_making}</p> }.into_any(),
                        }
                    }
                }}
            </div>
            <div class="pw-card__actions">
                <a
                    class="pw-button pw-button--primary"
                    href=move || image.with(|i| i.as_ref().map(|i| i.url.clone()))
                    download=file_name
                    aria-disabled=move || image.with(Option::is_none).then_some("true")
                >
                    {move || follow_up_texts().bilan_download}
                </a>
                <Show when=move || image.with(|i| i.as_ref().is_some_and(|i| i.can_share))>
                    <button type="button" class="pw-button" on:click=share.clone()>
                        {move || follow_up_texts().bilan_share}
                    </button>
                </Show>
            </div>
            <p class="pw-card__message" role="status">{move || message.get()}</p>
        </section>
    })
}
