use leptos::prelude::*;

use crate::domain::{organiser::open_data, ShareLink, Wall, WallScope};
use crate::i18n::fill;
use crate::state::{campaign, follow_up_texts, organiser, texts, wall_texts};

/// How many elected signatories are shown at first, and added by
/// « Afficher plus ».
const PAGE: usize = 30;
use crate::web;

/// After the vote, on the wall: the elected signatories in scope (by
/// commune), each with their mandate and their commitments counted by
/// where they stand; per commitment, in how many councils it is kept; and
/// the follow-up as open data. Nothing where nobody in scope is elected.
#[component]
pub fn WallFollowUp(
    wall: RwSignal<Wall>,
    scope: RwSignal<WallScope>,
    embedded: bool,
) -> impl IntoView {
    let elected = Memo::new(move |_| scope.with(|s| wall.with(|w| w.elected(s))));
    let councils = Memo::new(move |_| scope.with(|s| wall.with(|w| w.councils(s))));
    let page_url = StoredValue::new(web::page_url());
    let name = organiser().map_or("", |o| o.name);
    // A page at a time: a country has thousands of elected signatories.
    let shown = RwSignal::new(PAGE);
    let people = move || {
        wall.with(|w| {
            elected
                .get()
                .into_iter()
                .take(shown.get())
                .map(|e| {
                    let entry = &w.entries()[e.index];
                    let p = entry.pledge.pledge();
                    let href =
                        page_url.with_value(|u| ShareLink::with_payload(u, &entry.payload_text));
                    let details = texts().details(p);
                    let mandate = e.mandate;
                    let board = e.board;
                    view! {
                        <li class="pw-wall-entry pw-wall-elected">
                            <a
                                class="pw-wall-entry__link"
                                href=href
                                target=embedded.then_some("_blank")
                                rel=embedded.then_some("noopener")
                            >
                                <bdi class="pw-wall-entry__name">{p.name().to_owned()}</bdi>
                            </a>
                            <span class="pw-wall-entry__details">
                                {move || follow_up_texts().mandate(mandate)}
                                " · "
                                {details}
                            </span>
                            <span class="pw-wall-elected__board">
                                {move || follow_up_texts().scoreboard(&board)}
                            </span>
                        </li>
                    }
                })
                .collect_view()
        })
    };
    let rows = move || {
        let tallies = councils.get();
        campaign()
            .commitments()
            .filter_map(|c| {
                let tally = tallies[usize::from(c.position)];
                (tally.followed > 0).then(|| {
                    let count = fill(
                        follow_up_texts().wall_councils_count,
                        &[
                            ("kept", &tally.kept.to_string()),
                            ("followed", &tally.followed.to_string()),
                        ],
                    );
                    view! {
                        <tr class="pw-wall-chart__row">
                            <th scope="row" class="pw-wall-chart__label">
                                <span class="pw-wall-chart__id">{c.id}</span>
                                " "
                                {c.text}
                                <progress
                                    class="pw-wall-chart__bar"
                                    aria-hidden="true"
                                    max=tally.followed
                                    value=tally.kept
                                ></progress>
                            </th>
                            <td class="pw-wall-chart__count pw-wall-councils__count">{count}</td>
                        </tr>
                    }
                })
            })
            .collect_view()
    };
    let download = move |_| {
        let csv = wall.with_untracked(|w| {
            scope.with_untracked(|s| {
                let pledges = w.search("", s).into_iter().map(|i| &w.entries()[i].pledge);
                open_data::follow_up_csv(pledges, &w.follow_up)
            })
        });
        web::download_text("suivi.csv", &csv, "text/csv;charset=utf-8");
    };
    move || {
        (!elected.with(Vec::is_empty)).then(|| {
            view! {
                <section class="pw-wall-follow-up" aria-labelledby="pw-wall-elected-heading">
                    <h2 class="pw-wall__subheading" id="pw-wall-elected-heading">
                        {move || follow_up_texts().wall_elected_heading}
                    </h2>
                    <p class="pw-wall__note">
                        {move || fill(follow_up_texts().wall_elected_lead, &[("organiser", name)])}
                    </p>
                    <ul class="pw-wall__entries">{people}</ul>
                    {move || (elected.with(Vec::len) > shown.get()).then(|| view! {
                        <button type="button" class="pw-button" on:click=move |_| shown.update(|n| *n += PAGE)>
                            {move || wall_texts().wall_show_more}
                        </button>
                    })}
                    <h3 class="pw-wall__subheading">{move || follow_up_texts().wall_councils_heading}</h3>
                    <table class="pw-wall-chart pw-wall-councils">
                        <caption class="pw-visually-hidden">{move || follow_up_texts().wall_councils_caption}</caption>
                        <thead class="pw-visually-hidden">
                            <tr>
                                <th scope="col">{move || follow_up_texts().compare_commitment_column}</th>
                                <th scope="col">{move || follow_up_texts().wall_councils_column}</th>
                            </tr>
                        </thead>
                        <tbody>{rows}</tbody>
                    </table>
                    <div class="pw-wall__actions">
                        <button type="button" class="pw-button" on:click=download>
                            {move || follow_up_texts().wall_download_follow_up}
                        </button>
                    </div>
                </section>
            }
        })
    }
}
