use leptos::prelude::*;

use super::pledge_wall::{one_wall, wall_message, wall_of};
use crate::domain::{CommuneCode, PublicKey, Wall, WallScope};
use crate::state::{org_texts, organiser, wall_texts};
use crate::web;

/// A commune's wall, light (the commune build: `?mur&commune=69123`, a
/// partner's `data-commune="69123"`): the signed index, then the commune's
/// own file only (`web::load_commune`), its pledges checked by the
/// browser. Where there is no index, or the commune's file is not whole
/// and current (missing, altered, left from an earlier publication, too
/// long for the browser's verifier), the wall build takes over: it reads
/// the commune's département's shard, which the index names, and says
/// what is wrong.
#[component]
pub fn CommuneWall(
    code: CommuneCode,
    /// Inside a partner's frame: pledges open in a new tab.
    embedded: bool,
    /// Shown where the wall build takes over.
    wall_elsewhere: fn() -> AnyView,
) -> impl IntoView {
    // `Some(None)`: the wall build takes over.
    let loaded = RwSignal::new(None::<Option<(RwSignal<Wall>, bool)>>);
    let organiser = organiser();
    let pinned = organiser.and_then(|o| o.public_key);
    if let Some(pinned) = pinned {
        leptos::task::spawn_local(async move {
            let wall = load(&pinned, code).await;
            let _ = loaded.try_set(Some(wall.map(|(w, offline)| (RwSignal::new(w), offline))));
        });
    }
    let name = organiser.map_or("", |o| o.name);
    let scope = RwSignal::new(WallScope {
        with_pending: false,
        commune: Some(code.to_string()),
    });
    let body = move || match (pinned, loaded.get()) {
        (None, _) => wall_message(|| wall_texts().wall_no_organiser),
        (Some(_), None) => wall_message(|| org_texts().wall_loading),
        (Some(_), Some(Some((wall, offline)))) => one_wall(name, wall, offline, scope, embedded),
        (Some(_), Some(None)) => ().into_any(),
    };
    move || match loaded.get() {
        Some(None) => wall_elsewhere(),
        _ => view! {
            <section class="pw-step pw-wall">
                <h1 class="pw-step__heading" tabindex="-1">{move || org_texts().wall_heading}</h1>
                {body}
            </section>
        }
        .into_any(),
    }
}

/// The commune's wall from the index and its own file, or `None` where the
/// wall build is needed. Marks for the benchmark, as the wall build's.
async fn load(pinned: &PublicKey, code: CommuneCode) -> Option<(Wall, bool)> {
    let index = web::load_index(pinned, None).await.ok()??;
    web::mark("pw-wall-index-checked");
    let commune = web::load_commune(&index, code, pinned).await.ok()?;
    web::mark("pw-wall-fetched");
    let wall = wall_of(&commune.list).await.ok()?;
    Some((wall, commune.offline))
}
