use leptos::prelude::*;

use crate::state::{campaign, journey_texts};

use crate::i18n::fill;

/// "Proposition 3 sur 10" and a bar.
#[component]
pub fn StepProgress(
    /// Index 0–9 of the proposal shown.
    index: u8,
) -> impl IntoView {
    let number = (index + 1).to_string();
    let total = campaign().proposals.len().to_string();
    let label = {
        let (number, total) = (number.clone(), total.clone());
        move || {
            fill(
                journey_texts().progress,
                &[("n", &number), ("total", &total)],
            )
        }
    };
    view! {
        <div class="pw-progress">
            <p class="pw-progress__label" id="pw-progress-label">{label}</p>
            <progress
                class="pw-progress__bar"
                max=total
                value=number
                aria-labelledby="pw-progress-label"
            ></progress>
        </div>
    }
}
