use leptos::prelude::*;

use crate::i18n::Lang;
use crate::state::texts;

/// The language switch (none for a campaign in one language), and the note
/// that says when the campaign text is a translation.
#[component]
pub fn LanguageBar(
    /// Switches to the other language.
    on_switch: Callback<()>,
) -> impl IntoView {
    let note = move || {
        let note = texts().translation_note;
        (!note.is_empty()).then(|| view! { <p class="pw-topbar__note">{note}</p> })
    };
    let switch = (Lang::offered().count() > 1).then(|| {
        view! {
            <button
                type="button"
                class="pw-button pw-button--quiet pw-topbar__switch"
                lang=move || texts().switch_to_other_lang
                on:click=move |_| on_switch.run(())
            >
                {move || texts().switch_to_other}
            </button>
        }
    });
    view! {
        <div class="pw-topbar">
            {note}
            {switch}
        </div>
    }
}
