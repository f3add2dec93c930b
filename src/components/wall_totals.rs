use leptos::prelude::*;

use crate::domain::{Wall, WallScope};
use crate::i18n::fill;
use crate::state::{campaign, texts};

/// The wall's totals: candidates and communes, and for each of the twenty
/// commitments how many took it, as a table whose bars are drawn by CSS
/// (the table is the chart's text alternative). The toggle counts the
/// pledges « en attente » too.
#[component]
pub fn WallTotals(wall: StoredValue<Wall>, scope: RwSignal<WallScope>) -> impl IntoView {
    let totals = Memo::new(move |_| scope.with(|s| wall.with_value(|w| w.totals(s))));
    let commune = move || {
        scope.with(|s| s.commune.clone()).map(|c| {
            view! {
                <p class="pw-wall__commune">
                    <bdi>{move || fill(texts().org.wall_commune_only, &[("commune", &c)])}</bdi>
                </p>
            }
        })
    };
    let rows = move || {
        let t = totals.get();
        let most = t.per_commitment.iter().copied().max().unwrap_or(0).max(1);
        campaign()
            .commitments()
            .map(|c| {
                let n = t.per_commitment[usize::from(c.position)];
                view! {
                    <tr class="pw-wall-chart__row">
                        <th scope="row" class="pw-wall-chart__label">
                            <span class="pw-wall-chart__id">{c.id}</span>
                            " "
                            {c.text}
                            // No inline style under the widget's CSP: a
                            // progress element draws the bar.
                            <progress
                                class="pw-wall-chart__bar"
                                aria-hidden="true"
                                max=most
                                value=n
                            ></progress>
                        </th>
                        <td class="pw-wall-chart__count">{n}</td>
                    </tr>
                }
            })
            .collect_view()
    };
    view! {
        <div class="pw-wall__totals">
            {commune}
            <p class="pw-wall__figures">
                <span class="pw-wall__figure">
                    <strong class="pw-wall__number">{move || totals.get().candidates}</strong>
                    " "
                    {move || texts().org.wall_candidates}
                </span>
                <span class="pw-wall__figure">
                    <strong class="pw-wall__number">{move || totals.get().communes}</strong>
                    " "
                    {move || texts().org.wall_communes}
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
                {move || texts().org.wall_with_pending}
            </label>
            <h2 class="pw-wall__subheading">{move || texts().org.wall_chart_heading}</h2>
            <table class="pw-wall-chart">
                <caption class="pw-visually-hidden">{move || texts().org.wall_chart_caption}</caption>
                <thead class="pw-visually-hidden">
                    <tr>
                        <th scope="col">{move || texts().org.wall_commitment_column}</th>
                        <th scope="col">{move || texts().org.wall_count_column}</th>
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
    }
}
