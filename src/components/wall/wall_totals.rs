use leptos::prelude::*;

use crate::domain::embed::embed_options::shown_as_asked;
use crate::domain::{Wall, WallScope};
use crate::i18n::{fill, isolated};
use crate::state::wall_texts;

/// The wall's totals: candidates and communes (of one commune, where a
/// partner asked), and the toggle that counts the pledges « en attente »
/// too.
#[component]
pub fn WallTotals(wall: RwSignal<Wall>, scope: RwSignal<WallScope>) -> impl IntoView {
    let totals = Memo::new(move |_| scope.with(|s| wall.with(|w| w.totals(s))));
    // The commune kept to, named as its pledges name it; a name from the
    // address that no pledge gives, quoted as asked (without what could
    // hide or reorder the text around it).
    let commune = move || {
        scope.with(|s| {
            let asked = s.commune.as_deref()?;
            let (code, name) = wall.with(|w| {
                w.scope_commune_name(s)
                    .map(|(code, name)| (code, name.map(str::to_owned)))
            })?;
            Some(match (code, name) {
                (Some(code), Some(name)) => format!("{} ({code})", isolated(&name)),
                (Some(code), None) => code.to_string(),
                (None, Some(name)) => isolated(&name),
                (None, None) => format!("« {} »", isolated(&shown_as_asked(asked))),
            })
        })
        .map(|c| {
            view! {
                <p class="pw-wall__commune">
                    <bdi>{move || fill(wall_texts().wall_commune_only, &[("commune", &c)])}</bdi>
                </p>
            }
        })
    };
    view! {
        <div class="pw-wall__totals">
            {commune}
            <p class="pw-wall__figures">
                <span class="pw-wall__figure">
                    <strong class="pw-wall__number">{move || totals.get().candidates}</strong>
                    " "
                    {move || wall_texts().wall_candidates}
                </span>
                <span class="pw-wall__figure">
                    <strong class="pw-wall__number">{move || totals.get().communes}</strong>
                    " "
                    {move || wall_texts().wall_communes}
                </span>
            </p>
            <label class="pw-wall__toggle">
                <input
                    type="checkbox"
                    prop:checked=move || scope.with(|s| s.with_pending)
                    on:change=move |ev| {
                        let on = event_target_checked(&ev);
                        scope.update(|s| s.with_pending = on);
                    }
                />
                {move || wall_texts().wall_with_pending}
            </label>
        </div>
    }
}
