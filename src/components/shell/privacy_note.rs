use leptos::prelude::*;

use crate::state::texts;

/// What the widget keeps in the browser, and how to wipe it.
#[component]
pub fn PrivacyNote() -> impl IntoView {
    view! {
        <details class="pw-privacy">
            <summary class="pw-privacy__summary">{move || texts().privacy_heading}</summary>
            <p class="pw-privacy__text">{move || texts().privacy_text}</p>
        </details>
    }
}
