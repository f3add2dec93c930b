use leptos::prelude::*;

use crate::domain::card::seal;

/// The organiser's seal, the same rosette and check mark as on the card
/// (`card::seal`): a drawing, never text, so that no name or list can show
/// it. Decorative: the words beside it say what it means.
#[component]
pub fn OrganiserSeal() -> impl IntoView {
    let grid = seal::GRID;
    view! {
        <svg
            class="pw-organiser-seal"
            viewBox=format!("0 0 {grid} {grid}")
            aria-hidden="true"
            focusable="false"
        >
            <path class="pw-organiser-seal__rosette" d=seal::svg_path(&seal::OUTLINE, true) />
            <path
                class="pw-organiser-seal__check"
                d=seal::svg_path(&seal::CHECK, false)
                stroke-width=seal::CHECK_WIDTH
            />
        </svg>
    }
}
