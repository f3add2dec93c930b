use leptos::prelude::*;

use crate::domain::Totals;
use crate::state::{campaign, wall_texts};

/// For each of the twenty commitments, how many of the candidates counted
/// took it: a table (the chart's text alternative) whose bars show the
/// share of those candidates.
#[component]
pub fn WallChart(
    /// What is counted: a wall's, in its scope, or the whole country's
    /// from the signed index.
    #[prop(into)]
    totals: Signal<Totals>,
) -> impl IntoView {
    let rows = move || {
        let t = totals.get();
        let candidates = t.candidates.max(1);
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
                                max=candidates
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
        <h2 class="pw-wall__subheading">{move || wall_texts().wall_chart_heading}</h2>
        <table class="pw-wall-chart">
            <caption class="pw-visually-hidden">{move || wall_texts().wall_chart_caption}</caption>
            <thead class="pw-visually-hidden">
                <tr>
                    <th scope="col">{move || wall_texts().wall_commitment_column}</th>
                    <th scope="col">{move || wall_texts().wall_count_column}</th>
                </tr>
            </thead>
            <tbody>{rows}</tbody>
        </table>
    }
}
