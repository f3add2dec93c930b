use leptos::{prelude::*, task::spawn_local};

use crate::domain::journey::communes::ShardFor;
use crate::domain::{organiser::open_data, CommuneCode, ShareLink, Wall, WallScope};
use crate::i18n::fill;
use crate::state::{org_texts, texts, wall_texts};
use crate::web;

/// The communes whose postal code starts with `digits`, from the
/// referential's postal shard (none when it cannot be fetched).
async fn postal_codes(digits: &str) -> Vec<CommuneCode> {
    let Some(index) = web::commune_index().await else {
        return Vec::new();
    };
    let ShardFor::Postal(file) = index.shard_for(digits) else {
        return Vec::new();
    };
    match web::commune_shard(file).await {
        Some(shard) => shard.codes_with_postal(digits),
        None => Vec::new(),
    }
}

/// How many entries are shown at first, and added by « Afficher plus ».
const PAGE: usize = 30;

/// The wall's search (commune, name or list; forgiving accents, case,
/// hyphens and « Saint »/« St »; a commune's code, or a postal code, whose
/// communes the referential gives), its results, each opening its pledge,
/// the CSV download, and what was left out and why.
#[component]
pub fn WallResults(
    wall: RwSignal<Wall>,
    scope: RwSignal<WallScope>,
    embedded: bool,
    /// What is searched, where the caller reads it too (the national
    /// wall fetches the shards a search needs).
    #[prop(optional)]
    query: Option<RwSignal<String>>,
) -> impl IntoView {
    let query = query.unwrap_or_else(|| RwSignal::new(String::new()));
    let shown = RwSignal::new(PAGE);
    // A postal code typed (2 to 5 digits): its communes, from the
    // referential (fetched only then), as (digits, codes).
    let postal = RwSignal::new((String::new(), Vec::<CommuneCode>::new()));
    Effect::new(move |_| {
        let digits = query.with(|q| q.trim().to_owned());
        let is_postal =
            (2..=5).contains(&digits.len()) && digits.bytes().all(|b| b.is_ascii_digit());
        if !is_postal || postal.with_untracked(|(d, _)| *d == digits) {
            return;
        }
        spawn_local(async move {
            let codes = postal_codes(&digits).await;
            // Only for what is still typed, and only while the wall is shown.
            if query.try_with_untracked(|q| q.trim() == digits) == Some(true) {
                postal.set((digits, codes));
            }
        });
    });
    let found = Memo::new(move |_| {
        let q = query.get();
        postal.with(|(digits, codes)| {
            let codes = if q.trim() == digits { &codes[..] } else { &[] };
            scope.with(|s| wall.with(|w| w.search_in(&q, s, codes)))
        })
    });
    let page_url = web::page_url();
    let results = move || {
        let found = found.get();
        let total = found.len();
        let count = shown.get().min(total);
        let entries = wall.with(|w| {
            found[..count]
                .iter()
                .map(|&i| {
                    let e = &w.entries()[i];
                    let p = e.pledge.pledge();
                    let href = ShareLink::with_payload(&page_url, &e.payload_text);
                    let status = e.status;
                    let ticked = p.selection().count();
                    let total = e.pledge.commitment_total();
                    let details = texts().details(p);
                    view! {
                        <li class="pw-wall-entry">
                            <a
                                class="pw-wall-entry__link"
                                href=href
                                target=embedded.then_some("_blank")
                                rel=embedded.then_some("noopener")
                            >
                                <bdi class="pw-wall-entry__name">{p.name().to_owned()}</bdi>
                            </a>
                            <span class="pw-wall-entry__details">{details}</span>
                            <span class="pw-wall-entry__meta">
                                <span class=format!("pw-badge pw-badge--{}", status.key())>
                                    {move || org_texts().status(status)}
                                </span>
                                " "
                                {move || texts().count(ticked, total)}
                            </span>
                        </li>
                    }
                })
                .collect_view()
        });
        let summary = if total == 0 && !query.with(String::is_empty) {
            fill(wall_texts().wall_no_results, &[("query", &query.get())])
        } else {
            fill(
                wall_texts().wall_results,
                &[("shown", &count.to_string()), ("total", &total.to_string())],
            )
        };
        view! {
            <p class="pw-wall__count" role="status">{summary}</p>
            <ul class="pw-wall__entries">{entries}</ul>
            {(count < total).then(|| view! {
                <button type="button" class="pw-button" on:click=move |_| shown.update(|n| *n += PAGE)>
                    {move || wall_texts().wall_show_more}
                </button>
            })}
        }
    };
    let download = move |_| {
        let csv = wall.with_untracked(|w| {
            scope.with_untracked(|s| {
                let rows = w.search("", s).into_iter().map(|i| {
                    let e = &w.entries()[i];
                    open_data::OpenDataRow {
                        pledge: &e.pledge,
                        status: e.status,
                        status_date: e.status_date,
                    }
                });
                open_data::csv(rows)
            })
        });
        web::download_text("engagements.csv", &csv, "text/csv;charset=utf-8");
    };
    let left_out = move || {
        wall.with(|w| {
            let t = wall_texts();
            let mut notes = Vec::new();
            // Of the commune kept to, if any.
            let (withdrawn, replaced) = scope.with(|s| (w.withdrawn_in(s), w.replaced_in(s)));
            if withdrawn > 0 {
                notes.push(view! { <p class="pw-wall__note">{fill(t.wall_withdrawn_note, &[("n", &withdrawn.to_string())])}</p> }.into_any());
            }
            if replaced > 0 {
                notes.push(view! { <p class="pw-wall__note">{fill(t.wall_replaced_note, &[("n", &replaced.to_string())])}</p> }.into_any());
            }
            if !w.flagged.is_empty() {
                let items = w
                    .flagged
                    .iter()
                    .map(|f| {
                        let reason = texts().link_reason(f.reason);
                        let text = fill(t.wall_flagged_entry, &[("position", &f.position.to_string()), ("reason", reason)]);
                        view! { <li>{text}</li> }
                    })
                    .collect_view();
                notes.push(view! {
                    <div class="pw-wall__flagged" role="alert">
                        <p>{fill(t.wall_flagged, &[("n", &w.flagged.len().to_string())])}</p>
                        <ul>{items}</ul>
                    </div>
                }.into_any());
            }
            notes
        })
    };
    view! {
        <div class="pw-wall__search">
            <label class="pw-field__label" for="pw-wall-search">
                {move || wall_texts().wall_search_label}
            </label>
            <input
                id="pw-wall-search"
                class="pw-field__input"
                type="search"
                autocomplete="off"
                placeholder=move || wall_texts().wall_search_hint
                prop:value=query
                on:input=move |ev| {
                    shown.set(PAGE);
                    query.set(event_target_value(&ev));
                }
            />
        </div>
        {results}
        <div class="pw-wall__actions">
            <button type="button" class="pw-button" on:click=download>
                {move || wall_texts().wall_download}
            </button>
        </div>
        {left_out}
    }
}
