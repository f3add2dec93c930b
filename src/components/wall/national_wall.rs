use std::collections::HashSet;

use leptos::{prelude::*, task::spawn_local};

use super::pledge_wall::{failure_view, wall_of};
use super::{WallChart, WallFollowUp, WallResults};
use crate::domain::organiser::pledge_list::{ListFailure, PledgeList};
use crate::domain::organiser::shards::{self, ShardIndex};
use crate::domain::{PublicKey, Wall, WallScope};
use crate::i18n::fill;
use crate::state::{org_texts, organiser};
use crate::web;

/// The whole country's wall, from the signed index: its totals and chart
/// at once; the pledges of the départements a search needs (or of all,
/// on request) fetched, each shard checked against the index, then shown
/// and searched as one wall.
#[component]
pub fn NationalWall(
    index: ShardIndex,
    pinned: PublicKey,
    scope: RwSignal<WallScope>,
    embedded: bool,
    rust_verifier: Option<web::RustVerifier>,
) -> impl IntoView {
    let totals = shards::national_totals(&index);
    let count = index.shards.len();
    let (issued, sequence) = (index.issued, index.sequence);
    let index = StoredValue::new(index);
    let empty = PledgeList {
        issued,
        sequence: Some(sequence),
        entries: Vec::new(),
        follow_up: Default::default(),
    };
    let wall = RwSignal::new(Wall::new(&empty, Vec::new()));
    let query = RwSignal::new(String::new());
    // The shards fetched (and checked), and those asked for.
    let lists = StoredValue::new(Vec::<PledgeList>::new());
    let asked = StoredValue::new(HashSet::<String>::new());
    let loaded = RwSignal::new(0usize);
    let failure = RwSignal::new(None::<ListFailure>);
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
            for (i, name) in names.iter().enumerate() {
                match web::load_shard(&index, name, &pinned, rust_verifier).await {
                    Ok(shard) => {
                        lists.update_value(|l| l.push(shard.list));
                        let _ = loaded.try_update(|n| *n += 1);
                    }
                    Err(e) => {
                        let _ = failure.try_set(Some(e));
                        return;
                    }
                }
                // Shown as they come: often at first, then every few.
                let last = i + 1 == names.len();
                if last || i < 2 || i % 8 == 7 {
                    let merged = lists.with_value(|l| shards::merge(l, issued, sequence));
                    match wall_of(&merged).await {
                        Ok(w) => {
                            let _ = wall.try_set(w);
                        }
                        Err(e) => {
                            let _ = failure.try_set(Some(e));
                            return;
                        }
                    }
                }
            }
        });
    };
    Effect::new(move |_| {
        let names = query.with(|q| index.with_value(|i| i.shards_for(q)));
        fetch(names);
    });
    let load_all =
        move |_| fetch(index.with_value(|i| i.shards.iter().map(|s| s.name.clone()).collect()));
    let name = organiser().map_or("", |o| o.name);
    let progress = move || {
        let n = loaded.get();
        (n > 0 && n < count || asked.with_value(HashSet::len) > n).then(|| {
            view! {
                <p class="pw-wall__note" role="status">
                    {fill(org_texts().national_loading, &[("n", &n.to_string()), ("total", &count.to_string())])}
                </p>
            }
        })
    };
    view! {
        <div class="pw-wall__totals">
            <p class="pw-wall__commune">
                {move || fill(org_texts().national_scope, &[("n", &count.to_string())])}
            </p>
            <p class="pw-wall__figures">
                <span class="pw-wall__figure">
                    <strong class="pw-wall__number">{totals.candidates}</strong>
                    " "
                    {move || org_texts().wall_candidates}
                </span>
                <span class="pw-wall__figure">
                    <strong class="pw-wall__number">{totals.communes}</strong>
                    " "
                    {move || org_texts().wall_communes}
                </span>
            </p>
        </div>
        <p class="pw-wall__note">{move || org_texts().national_hint}</p>
        {move || failure.get().map(|f| failure_view(f, name))}
        <WallResults wall scope embedded query />
        {progress}
        <Show when=move || loaded.get() < count>
            <div class="pw-wall__actions">
                <button type="button" class="pw-button" on:click=load_all>
                    {move || org_texts().national_load_all}
                </button>
            </div>
        </Show>
        <WallFollowUp wall scope embedded />
        <WallChart totals=Signal::derive(move || totals.clone()) />
    }
}
