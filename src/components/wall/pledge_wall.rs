use leptos::prelude::*;

use super::{WallChart, WallFollowUp, WallResults, WallTotals};
use crate::domain::organiser::pledge_list::ListFailure;
use crate::domain::{Wall, WallScope};
use crate::i18n::fill;
use crate::state::{org_texts, organiser, texts};
use crate::web;

/// The public wall (`?mur`, or a partner's `data-view="wall"`): the
/// organiser's published list, its signature and every pledge's checked,
/// then the totals per commitment and a search by commune or name. Entries
/// that fail are never shown as valid; a list that fails says why.
#[component]
pub fn PledgeWall(
    /// Only this commune (a partner's `data-commune`).
    commune: Option<String>,
    /// Inside a partner's frame: pledges open in a new tab.
    embedded: bool,
    /// The Rust verifier, where the build carries it (see `web::check_list`).
    rust_verifier: Option<web::RustVerifier>,
) -> impl IntoView {
    // The wall, and whether its list is the offline copy.
    let loaded = RwSignal::new(None::<Result<(StoredValue<Wall>, bool), ListFailure>>);
    let organiser = organiser();
    if let Some(pinned) = organiser.and_then(|o| o.public_key) {
        leptos::task::spawn_local(async move {
            // Marks for the benchmark (bench/wall.mjs): where the time goes.
            let result = async {
                let fetched = web::fetch_list(&pinned).await?;
                web::mark("pw-wall-fetched");
                let list = web::check_list(&fetched.text, &pinned, rust_verifier).await?;
                web::mark("pw-wall-list-checked");
                let verdicts = web::verify_entries(&list).await?;
                web::mark("pw-wall-pledges-checked");
                let wall = Wall::new(&list, verdicts);
                web::mark("pw-wall-built");
                Ok((wall, fetched.offline))
            }
            .await;
            let _ = loaded.try_set(Some(
                result.map(|(wall, offline)| (StoredValue::new(wall), offline)),
            ));
        });
    }
    let name = organiser.map_or("", |o| o.name);
    let scope = RwSignal::new(WallScope {
        with_pending: false,
        commune,
    });

    let body = move || match (organiser.and_then(|o| o.public_key), loaded.get()) {
        (None, _) => view! {
            <p class="pw-wall__message" role="status">{move || org_texts().wall_no_organiser}</p>
        }
        .into_any(),
        (Some(_), None) => view! {
            <p class="pw-wall__message" role="status">{move || org_texts().wall_loading}</p>
        }
        .into_any(),
        (Some(_), Some(Err(failure))) => view! {
            <div class="pw-seal pw-seal--invalid" role="alert">
                <p class="pw-seal__title">{move || org_texts().wall_error_heading}</p>
                <p class="pw-seal__detail">
                    {move || fill(org_texts().list_failure(failure), &[("organiser", name)])}
                </p>
            </div>
        }
        .into_any(),
        (Some(_), Some(Ok((wall, offline)))) => {
            let issued = wall.with_value(|w| w.issued);
            request_animation_frame(|| web::mark("pw-wall-ready"));
            let offline = offline.then(|| {
                view! {
                    <p class="pw-wall__offline" role="status">
                        {move || fill(org_texts().list_offline, &[("date", &texts().date(issued))])}
                    </p>
                }
            });
            view! {
                <p class="pw-step__lead">
                    {move || {
                        fill(
                            org_texts().wall_lead,
                            &[("organiser", name), ("date", &texts().date(issued))],
                        )
                    }}
                </p>
                {offline}
                <WallTotals wall scope />
                <WallResults wall scope embedded />
                <WallFollowUp wall scope embedded />
                <WallChart wall scope />
            }
            .into_any()
        }
    };

    view! {
        <section class="pw-step pw-wall">
            <h1 class="pw-step__heading" tabindex="-1">{move || org_texts().wall_heading}</h1>
            {body}
        </section>
    }
}
