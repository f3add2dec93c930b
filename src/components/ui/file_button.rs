use leptos::{html, prelude::*, task::spawn_local};

use crate::web;

/// A button that opens the file chooser (a visually hidden file input in
/// its label) and hands the chosen file's text over: `None` when it could
/// not be read or is too large (a key file: 64 KB; with `large`, a file of
/// links: 16 MB, the console's cap).
#[component]
pub fn FileButton(
    #[prop(into)] label: Signal<&'static str>,
    /// The input's `accept` list.
    accept: &'static str,
    #[prop(optional)] large: bool,
    on_read: Callback<Option<String>>,
) -> impl IntoView {
    let input = NodeRef::<html::Input>::new();
    let read = move |_| {
        let Some(input) = input.get_untracked() else {
            return;
        };
        spawn_local(async move {
            let text = if large {
                web::chosen_text_file(&input).await
            } else {
                web::chosen_file_text(&input).await
            };
            input.set_value("");
            on_read.run(text);
        });
    };
    view! {
        <label class="pw-button pw-key__import">
            {move || label.get()}
            <input
                type="file"
                class="pw-visually-hidden"
                accept=accept
                node_ref=input
                on:change=read
            />
        </label>
    }
}
