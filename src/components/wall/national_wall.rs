use std::collections::HashSet;

use leptos::{prelude::*, task::spawn_local};

use super::pledge_wall::{self, failure_view};
use super::{WallChart, WallFollowUp, WallResults};
use crate::domain::journey::communes::ShardFor;
use crate::domain::organiser::pledge_list::{ListFailure, PledgeList};
use crate::domain::organiser::shards;
use crate::domain::{PublicKey, Wall, WallScope};
use crate::i18n::fill;
use crate::state::{organiser, shard_texts, wall_texts};
use crate::web;

/// The whole country's wall, from the signed index: its totals and chart
/// at once; the pledges of the départements a search needs (or of all,
/// on request) fetched, each shard checked against the index, then shown
/// and searched as one wall.
#[component]
pub fn NationalWall(
    index: web::LoadedIndex,
    pinned: PublicKey,
    scope: RwSignal<WallScope>,
    embedded: bool,
    rust_verifier: Option<web::RustVerifier>,
) -> impl IntoView {
    let totals = shards::national_totals(&index.index);
    let count = index.index.shards.len();
    let (issued, sequence) = (index.index.issued, index.index.sequence);
    let index = StoredValue::new(index);
    let empty = PledgeList {
        issued,
        sequence: Some(sequence),
        entries: Vec::new(),
        follow_up: Default::default(),
    };
    let wall = RwSignal::new(Wall::new(&empty, Vec::new()));
    let query = RwSignal::new(String::new());
    // The walls of the shards fetched (and checked, each pledge's
    // signature too, once) not shown yet, each with how many entries come
    // before its own; the entries so far; the shards asked for.
    let pending = StoredValue::new(Vec::<(Wall, usize)>::new());
    let entries = StoredValue::new(0usize);
    let asked = StoredValue::new(HashSet::<String>::new());
    let loaded = RwSignal::new(0usize);
    // The shards that failed, each with why (said while any is left).
    let failed = RwSignal::new(Vec::<(String, ListFailure)>::new());
    let fetch = move |names: Vec<String>| {
        let names: Vec<String> = names
            .into_iter()
            .filter(|n| {
                asked
                    .try_update_value(|a| a.insert(n.clone()))
                    .unwrap_or(false)
            })
            .collect();
        if names.is_empty() {
            return;
        }
        spawn_local(async move {
            let Some(index) = index.try_get_value() else {
                return;
            };
            let show = move || {
                let parts = pending.try_update_value(std::mem::take).unwrap_or_default();
                wall.try_update(|w| w.absorb(parts));
            };
            // A shard that fails is said, the others still fetched, and it
            // is no longer asked for: a later search tries it again (and,
            // read then, it is no longer said).
            let give_up = |e, name: &String| {
                failed.try_update(|f| {
                    f.retain(|(n, _)| n != name);
                    f.push((name.clone(), e));
                });
                asked.try_update_value(|a| a.remove(name));
            };
            for (i, name) in names.iter().enumerate() {
                // Each shard's wall on its own (its candidates are its
                // own), then added to the others'.
                let part = match web::load_shard(&index, name, &pinned, rust_verifier).await {
                    Ok(shard) => pledge_wall::wall_of(&shard.list)
                        .await
                        .map(|part| (part, shard.list.entries.len())),
                    Err(e) => Err(e),
                };
                match part {
                    Ok((part, count)) => {
                        // The wall may be gone meanwhile (every value here
                        // then read as `None`): nothing left to show.
                        let Some(before) = entries.try_get_value() else {
                            return;
                        };
                        entries.set_value(before + count);
                        pending.update_value(|p| p.push((part, before)));
                        let _ = loaded.try_update(|n| *n += 1);
                        if failed.try_with_untracked(|f| f.iter().any(|(n, _)| n == name))
                            == Some(true)
                        {
                            failed.try_update(|f| f.retain(|(n, _)| n != name));
                        }
                    }
                    Err(e) => give_up(e, name),
                }
                // Shown as they come: often at first, then every few.
                let last = i + 1 == names.len();
                if last || i < 2 || i % 16 == 15 {
                    show();
                }
                // A task between two shards: the page stays live.
                web::next_task().await;
            }
        });
    };
    // The départements the last search needed: a keystroke that needs the
    // same (« Ly », « Lyo »…) asks for nothing again, not even one that
    // failed (« Charger tous les départements » does).
    let searched = StoredValue::new(Vec::<String>::new());
    Effect::new(move |_| {
        let q = query.get();
        let mut names = index.with_value(|i| i.index.shards_for(&q));
        if searched.with_value(|s| *s == names) {
            return;
        }
        // A search cleared: the next one asks again.
        searched.set_value(names.clone());
        if names.is_empty() {
            return;
        }
        spawn_local(async move {
            // A commune's name: the départements of the referential's
            // communes so named first, so that its pledges come first.
            let first = communes_named(&q).await;
            names.sort_by_key(|n| !first.contains(n));
            fetch(names);
        });
    });
    // The départements that failed, read again (and only them).
    let retry =
        move |_| fetch(failed.with_untracked(|f| f.iter().map(|(n, _)| n.clone()).collect()));
    let load_all = move |_| {
        fetch(index.with_value(|i| i.index.shards.iter().map(|s| s.name.clone()).collect()))
    };
    let name = organiser().map_or("", |o| o.name);
    let progress = move || {
        let n = loaded.get();
        (n > 0 && n < count || asked.with_value(HashSet::len) > n).then(|| {
            view! {
                <p class="pw-wall__note" role="status">
                    {fill(shard_texts().national_loading, &[("n", &n.to_string()), ("total", &count.to_string())])}
                </p>
            }
        })
    };
    view! {
        <div class="pw-wall__totals">
            <p class="pw-wall__commune">
                {move || fill(shard_texts().national_scope, &[("n", &count.to_string())])}
            </p>
            <p class="pw-wall__figures">
                <span class="pw-wall__figure">
                    <strong class="pw-wall__number">{totals.candidates}</strong>
                    " "
                    {move || wall_texts().wall_candidates}
                </span>
                <span class="pw-wall__figure">
                    <strong class="pw-wall__number">{totals.communes}</strong>
                    " "
                    {move || wall_texts().wall_communes}
                </span>
            </p>
        </div>
        <p class="pw-wall__note">{move || shard_texts().national_hint}</p>
        {move || failed.with(|f| f.first().map(|(_, why)| failure_view(*why, name)))}
        {move || {
            failed
                .with(|f| {
                    let mut names: Vec<&str> = f.iter().map(|(n, _)| n.as_str()).collect();
                    names.sort_unstable();
                    (!names.is_empty()).then(|| (names.len(), names.join(", ")))
                })
                .map(|(n, names)| {
                    view! {
                        <p class="pw-wall__note">
                            {fill(shard_texts().national_failed, &[("n", &n.to_string()), ("names", &names)])}
                        </p>
                        <div class="pw-wall__actions">
                            <button type="button" class="pw-button" on:click=retry>
                                {move || shard_texts().national_retry}
                            </button>
                        </div>
                    }
                })
        }}
        <WallResults wall scope embedded query />
        {progress}
        <Show when=move || loaded.get() < count>
            <div class="pw-wall__actions">
                <button type="button" class="pw-button" on:click=load_all>
                    {move || shard_texts().national_load_all}
                </button>
            </div>
        </Show>
        // Its follow-up is of the départements fetched so far: said.
        <Show when=move || loaded.get() < count && wall.with(|w| !w.elected(&WallScope::default()).is_empty())>
            <p class="pw-wall__note">
                {move || fill(shard_texts().national_partial, &[("n", &loaded.get().to_string()), ("total", &count.to_string())])}
            </p>
        </Show>
        <WallFollowUp wall scope embedded />
        <WallChart totals=Signal::derive(move || totals.clone()) />
    }
}

/// The départements of the referential's communes whose name starts as
/// `query` (none where it cannot be fetched, or for a code).
async fn communes_named(query: &str) -> Vec<String> {
    let Some(index) = web::commune_index().await else {
        return Vec::new();
    };
    let ShardFor::Names(file) = index.shard_for(query) else {
        return Vec::new();
    };
    match web::commune_shard(file).await {
        Some(shard) => shard
            .suggest(query)
            .into_iter()
            .map(|c| c.code.department().to_owned())
            .collect(),
        None => Vec::new(),
    }
}
