use leptos::prelude::*;

use super::{NationalWall, WallChart, WallFollowUp, WallResults, WallTotals};
use crate::domain::organiser::pledge_list::{ListFailure, PledgeList};
use crate::domain::organiser::shards;
use crate::domain::{CommuneCode, PublicKey, SigningDate, Wall, WallScope};
use crate::i18n::fill;
use crate::state::{org_texts, organiser, shard_texts, texts, wall_texts};
use crate::web;

/// What the wall shows once loaded.
#[derive(Clone)]
enum Loaded {
    /// One wall: the whole list, or a commune's shard (its département's).
    Wall(RwSignal<Wall>, bool),
    /// The whole country, from the signed index: shards fetched as the
    /// visitor searches.
    National(web::LoadedIndex),
}

/// The public wall (`?mur`, or a partner's `data-view="wall"`): the
/// organiser's published list, its signature and every pledge's checked,
/// then the totals per commitment and a search by commune or name. Entries
/// that fail are never shown as valid; a list that fails says why. Where
/// the organiser publishes shards by département (`docs/list-shards.md`),
/// a commune's wall fetches its département's only, and the national wall
/// the signed index's totals first.
#[component]
pub fn PledgeWall(
    /// Only this commune (a partner's `data-commune`).
    commune: Option<String>,
    /// Inside a partner's frame: pledges open in a new tab.
    embedded: bool,
    /// The Rust verifier, where the build carries it (see `web::check_list`).
    rust_verifier: Option<web::RustVerifier>,
) -> impl IntoView {
    let loaded = RwSignal::new(None::<Result<Loaded, ListFailure>>);
    let organiser = organiser();
    if let Some(pinned) = organiser.and_then(|o| o.public_key) {
        let commune = commune.clone();
        leptos::task::spawn_local(async move {
            let result = load(&pinned, commune.as_deref(), rust_verifier).await;
            let _ = loaded.try_set(Some(result));
        });
    }
    let name = organiser.map_or("", |o| o.name);
    let scope = RwSignal::new(WallScope {
        with_pending: false,
        commune,
    });
    let body = move || match (organiser.and_then(|o| o.public_key), loaded.get()) {
        (None, _) => wall_message(|| wall_texts().wall_no_organiser),
        (Some(_), None) => wall_message(|| org_texts().wall_loading),
        (Some(_), Some(Err(failure))) => failure_view(failure, name),
        (Some(_), Some(Ok(Loaded::Wall(wall, offline)))) => {
            one_wall(name, wall, offline, scope, embedded)
        }
        (Some(pinned), Some(Ok(Loaded::National(index)))) => {
            let offline = index.offline;
            request_animation_frame(|| web::mark("pw-wall-ready"));
            view! {
                {wall_lead(name, index.index.issued, offline, false)}
                <NationalWall index pinned scope embedded rust_verifier />
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

/// The lead: by whom, of when; under it, the offline copy, or a version 1
/// list (no sequence: nothing shows it is the newest), said.
fn wall_lead(
    organiser: &'static str,
    issued: SigningDate,
    offline: bool,
    version_1: bool,
) -> impl IntoView {
    let note = (offline || version_1).then(|| {
        let pattern = move || {
            let t = org_texts();
            if offline {
                t.list_offline
            } else {
                t.list_version_1
            }
        };
        view! {
            <p class="pw-wall__offline" role="status">
                {move || fill(pattern(), &[("date", &texts().date(issued))])}
            </p>
        }
    });
    view! {
        <p class="pw-step__lead">
            {move || {
                fill(
                    wall_texts().wall_lead,
                    &[("organiser", organiser), ("date", &texts().date(issued))],
                )
            }}
        </p>
        {note}
    }
}

/// One wall (the whole list's, or a commune's), checked: its lead, totals,
/// search and results, elected signatories and chart.
pub(super) fn one_wall(
    organiser: &'static str,
    wall: RwSignal<Wall>,
    offline: bool,
    scope: RwSignal<WallScope>,
    embedded: bool,
) -> AnyView {
    let (issued, version_1) = wall.with_untracked(|w| (w.issued, w.version_1));
    request_animation_frame(|| web::mark("pw-wall-ready"));
    let totals = Memo::new(move |_| scope.with(|s| wall.with(|w| w.totals(s))));
    view! {
        {wall_lead(organiser, issued, offline, version_1)}
        <WallTotals wall scope />
        <WallResults wall scope embedded />
        <WallFollowUp wall scope embedded />
        <WallChart totals />
    }
    .into_any()
}

/// What the wall says instead of a wall: no organiser, or loading.
pub(super) fn wall_message(text: fn() -> &'static str) -> AnyView {
    view! { <p class="pw-wall__message" role="status">{move || text()}</p> }.into_any()
}

/// A list that cannot be shown, and why.
pub(super) fn failure_view(failure: ListFailure, organiser: &'static str) -> AnyView {
    view! {
        <div class="pw-seal pw-seal--invalid" role="alert">
            <p class="pw-seal__title">{move || wall_texts().wall_error_heading}</p>
            <p class="pw-seal__detail">
                {move || {
                    let said = shard_texts().failure(failure);
                    fill(said.unwrap_or_else(|| org_texts().list_failure(failure)), &[("organiser", organiser)])
                }}
            </p>
        </div>
    }
    .into_any()
}

/// The list to show: the signed index where the organiser publishes
/// shards (then a commune's département only, or every shard for a
/// commune named rather than coded, or the national view), else the whole
/// list. Marks for the benchmark (bench/wall.mjs): where the time goes.
async fn load(
    pinned: &PublicKey,
    commune: Option<&str>,
    rust: Option<web::RustVerifier>,
) -> Result<Loaded, ListFailure> {
    let Some(index) = web::load_index(pinned, rust).await? else {
        let fetched = web::fetch_list(pinned).await?;
        web::mark("pw-wall-fetched");
        let list = web::check_list(&fetched.text, pinned, rust, None).await?;
        web::mark("pw-wall-list-checked");
        let wall = wall_of(&list).await?;
        return Ok(Loaded::Wall(RwSignal::new(wall), fetched.offline));
    };
    web::mark("pw-wall-index-checked");
    let code = commune.and_then(|c| CommuneCode::parse(&c.trim().to_ascii_uppercase()));
    let names: Vec<String> = match (commune, code) {
        (None, _) => return Ok(Loaded::National(index)),
        (Some(_), Some(code)) => vec![code.department().to_owned()],
        // A commune by its name: it may be in any département.
        (Some(_), None) => index.index.shards.iter().map(|s| s.name.clone()).collect(),
    };
    let mut lists = Vec::new();
    let mut offline = index.offline;
    for name in names {
        let shard = web::load_shard(&index, &name, pinned, rust).await?;
        offline |= shard.offline;
        lists.push(shard.list);
    }
    web::mark("pw-wall-fetched");
    let list = shards::merge(&lists, index.index.issued, index.index.sequence);
    let wall = wall_of(&list).await?;
    Ok(Loaded::Wall(RwSignal::new(wall), offline))
}

/// The wall of a checked list, every pledge's signature checked.
pub(super) async fn wall_of(list: &PledgeList) -> Result<Wall, ListFailure> {
    let verdicts = web::verify_entries(list).await?;
    web::mark("pw-wall-pledges-checked");
    let wall = Wall::new(list, verdicts);
    web::mark("pw-wall-built");
    Ok(wall)
}
