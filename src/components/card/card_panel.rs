use leptos::{ev::SubmitEvent, html, prelude::*, task::spawn_local};

use crate::i18n::fill;
use crate::state::{campaign, org_texts, organiser, texts, Vouched};

use crate::domain::card::share_targets::{file_slug, mastodon_instance};
use crate::domain::card::{CardContent, CardFormat, CardLayout};
use crate::domain::{ShareTarget, VerifiedPledge};
use crate::web::{self, ShareOutcome};

/// The card made from this image, kept while it is shown.
#[derive(Clone)]
pub(super) struct CardImage {
    pub format: CardFormat,
    pub url: String,
    pub blob: web::PngBlob,
    pub can_share: bool,
}

/// The image of `content` in the chosen `format`, made again whenever
/// either changes (its object URL given back when replaced or gone), and
/// whether making it failed.
pub(super) fn card_image(
    format: RwSignal<CardFormat>,
    content: Memo<CardContent>,
) -> (RwSignal<Option<CardImage>, LocalStorage>, RwSignal<bool>) {
    let image = RwSignal::new_local(None::<CardImage>);
    let failed = RwSignal::new(false);
    Effect::new(move |_| {
        let wanted = format.get();
        let layout = content.with(|c| CardLayout::new(wanted, c));
        spawn_local(async move {
            let blob = web::card_png(&layout).await;
            let Some(blob) = blob else {
                let _ = failed.try_set(true);
                return;
            };
            let Some(url) = web::blob_url(&blob) else {
                let _ = failed.try_set(true);
                return;
            };
            let can_share = web::can_share_files(&blob);
            let previous = image.try_get_untracked().flatten();
            if image
                .try_set(Some(CardImage {
                    format: wanted,
                    url,
                    blob,
                    can_share,
                }))
                .is_some()
            {
                // The panel is gone: nothing shows this image.
                return;
            }
            if let Some(previous) = previous {
                web::revoke_url(&previous.url);
            }
        });
    });
    on_cleanup(move || {
        if let Some(img) = image.try_get_untracked().flatten() {
            web::revoke_url(&img.url);
        }
    });
    (image, failed)
}

/// The shareable card: a preview in the chosen format, download, the
/// share sheet where the phone has one, copy, share links and print.
#[component]
pub fn CardPanel(
    /// The pledge on the card.
    pledge: VerifiedPledge,
    /// The verification link the QR code and share links carry.
    link: String,
) -> impl IntoView {
    // What the card says, in the language shown: a switch redraws it.
    let content = {
        let (pledge, link) = (pledge.clone(), link.clone());
        Memo::new(move |_| {
            let mut content = texts().card_content(campaign(), &pledge, &link);
            // The verified mark, only where the organiser's list says so.
            content.verified = Vouched::date().zip(organiser()).map(|(date, o)| {
                fill(
                    org_texts().verified_badge,
                    &[("organiser", o.name), ("date", &texts().date(date))],
                )
            });
            content
        })
    };
    let alt = move || content.with(|c| texts().card_alt(c));
    let share_text = move || content.with(|c| texts().share_text(campaign(), &c.count));
    let slug = StoredValue::new(file_slug(pledge.pledge().name()));
    let format = RwSignal::new(CardFormat::Landscape);
    let message = RwSignal::new(None::<&'static str>);
    let mastodon = RwSignal::new(String::new());
    let mastodon_error = RwSignal::new(false);

    let (image, failed) = card_image(format, content);

    let file_name = move || {
        let f = image.with(|i| i.as_ref().map_or(format.get(), |i| i.format));
        format!("engagement-{}-{}.png", slug.get_value(), f.key())
    };

    let share = {
        let link = link.clone();
        move |_| {
            let Some(img) = image.get_untracked() else {
                return;
            };
            let (text, link, name) = (untrack(share_text), link.clone(), file_name());
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

    let copy_image = move |_| {
        let Some(img) = image.get_untracked() else {
            return;
        };
        spawn_local(async move {
            let ok = web::copy_image(&img.blob).await;
            let t = texts();
            let _ = message.try_set(Some(if ok {
                t.card_image_copied
            } else {
                t.card_copy_image_failed
            }));
        });
    };

    let share_links = {
        let link = link.clone();
        move || {
            let text = share_text();
            ShareTarget::DIRECT
        .iter()
        .map(|target| {
            let href = target.url(&text, &link, campaign().share_subject);
            view! {
                <li>
                    <a class="pw-button pw-card__network" href=href target="_blank" rel="noopener noreferrer">
                        {target.name()}
                    </a>
                </li>
            }
        })
        .collect_view()
        }
    };

    let share_on_mastodon = {
        let link = link.clone();
        move |ev: SubmitEvent| {
            ev.prevent_default();
            let text = untrack(share_text);
            match mastodon_instance(&mastodon.get_untracked()) {
                Some(instance) => {
                    mastodon_error.set(false);
                    web::open_in_new_tab(&ShareTarget::Mastodon(instance).url(&text, &link, ""));
                }
                None => mastodon_error.set(true),
            }
        }
    };

    // Taking over a pledge link's page because the visitor asked for the
    // image: bring it into view, focus on its heading.
    let heading = NodeRef::<html::H2>::new();
    if web::card_requested(false) {
        heading.on_load(|h| {
            request_animation_frame(move || {
                h.scroll_into_view();
                web::focus(&h);
            });
        });
    }

    view! {
        <section class="pw-card" aria-labelledby="pw-card-heading">
            <h2 class="pw-summary__section-title" id="pw-card-heading" tabindex="-1" node_ref=heading>
                {move || texts().card_heading}
            </h2>
            <CardFormats format group="pw-card-format" />
            <div class="pw-card__preview-box">
                {move || {
                    if failed.get() {
                        view! { <p class="pw-form__error">{move || texts().card_failed}</p> }.into_any()
                    } else {
                        match image.get() {
                            Some(img) if img.format == format.get() => {
                                let (w, h) = img.format.size();
                                view! {
                                    <img class="pw-card__preview" src=img.url alt=alt width=w height=h />
                                }
                                    .into_any()
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
                    {move || texts().card_download}
                </a>
                <Show when=move || image.with(|i| i.as_ref().is_some_and(|i| i.can_share))>
                    <button type="button" class="pw-button pw-button--primary" on:click=share.clone()>
                        {move || texts().card_share}
                    </button>
                </Show>
                <button type="button" class="pw-button" on:click=copy_image>
                    {move || texts().card_copy_image}
                </button>
                <button type="button" class="pw-button" on:click=move |_| web::print()>
                    {move || texts().card_print}
                </button>
            </div>
            <p class="pw-card__message" role="status">
                {move || message.get()}
            </p>
            <h3 class="pw-card__share-title">{move || texts().card_share_on}</h3>
            <ul class="pw-card__networks">{share_links}</ul>
            <form class="pw-card__mastodon" on:submit=share_on_mastodon>
                <label class="pw-field__label" for="pw-mastodon">
                    {move || texts().mastodon_label}
                </label>
                <input
                    id="pw-mastodon"
                    class="pw-field__input"
                    type="text"
                    inputmode="url"
                    autocomplete="off"
                    placeholder="mastodon.social"
                    aria-invalid=move || mastodon_error.get().then_some("true")
                    aria-describedby=move || mastodon_error.get().then_some("pw-mastodon-error")
                    prop:value=move || mastodon.get()
                    on:input=move |ev| mastodon.set(event_target_value(&ev))
                />
                <Show when=move || mastodon_error.get()>
                    <p class="pw-field__error" id="pw-mastodon-error">
                        {move || texts().mastodon_invalid}
                    </p>
                </Show>
                <button type="submit" class="pw-button">
                    {move || texts().mastodon_button}
                </button>
            </form>
        </section>
    }
}

/// The card's three formats, as radio buttons named `group` (unique on
/// the page: a pledge's card and a « bilan » card can stand together).
#[component]
pub(super) fn CardFormats(format: RwSignal<CardFormat>, group: &'static str) -> impl IntoView {
    let options = CardFormat::ALL
        .into_iter()
        .map(|f| {
            let id = format!("{group}-{}", f.key());
            view! {
                <div class="pw-choice__option">
                    <input
                        type="radio"
                        class="pw-choice__input"
                        name=group
                        id=id.clone()
                        value=f.key()
                        prop:checked=move || format.get() == f
                        on:change=move |_| format.set(f)
                    />
                    <label class="pw-choice__label" for=id>
                        {move || texts().card_format(f)}
                    </label>
                </div>
            }
        })
        .collect_view();
    view! {
        <fieldset class="pw-choice pw-card__formats">
            <legend class="pw-field__label">{move || texts().card_format_legend}</legend>
            {options}
        </fieldset>
    }
}
