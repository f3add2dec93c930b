use leptos::prelude::*;

use crate::domain::ShareLink;
use crate::i18n::fill;
use crate::state::{journey_texts, texts, PledgeState};
use crate::web;

/// The candidate's signed pledges, reachable without signing again:
/// « Mon engagement signé » (the last one, where `latest` is asked) and the
/// links of the ones signed before it. Nothing when there are none.
#[component]
pub fn OwnPledges(
    /// Whether to link to the last signed pledge too (not on the screen
    /// that shows it).
    latest: bool,
) -> impl IntoView {
    let state = PledgeState::use_context();
    let link = |payload: &str| ShareLink::with_payload(&web::page_url(), payload);
    let last = move || {
        latest
            .then(|| state.latest_signed_payload())
            .flatten()
            .map(|payload| {
                view! {
                    <a class="pw-button pw-own-pledges__latest" href=link(&payload)>
                        {move || journey_texts().my_signed_pledge}
                    </a>
                }
            })
    };
    let earlier = move || {
        let earlier = state.earlier_pledges();
        (!earlier.is_empty()).then(|| {
            let n = earlier.len();
            let items = earlier
                .into_iter()
                .map(|p| {
                    let href = link(&p.payload);
                    view! {
                        <li>
                            <a class="pw-own-pledges__link" href=href>
                                {move || {
                                    let t = texts();
                                    fill(
                                        journey_texts().earlier_pledge,
                                        &[("date", &t.date(p.day)), ("count", &t.count(p.count, crate::campaign::COMMITMENT_COUNT))],
                                    )
                                }}
                            </a>
                        </li>
                    }
                })
                .collect_view();
            view! {
                <details class="pw-own-pledges__earlier">
                    <summary>{move || fill(texts().earlier_pledges, &[("n", &n.to_string())])}</summary>
                    <ul class="pw-own-pledges__list">{items}</ul>
                </details>
            }
        })
    };
    view! { <div class="pw-own-pledges">{last} {earlier}</div> }
}
