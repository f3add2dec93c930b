use leptos::{html, prelude::*};

use crate::state::texts;
use crate::web;

/// A destructive action behind a confirmation: a quiet button that, once
/// pressed, shows the question with "confirm" and "cancel". Focus moves to
/// "cancel" when the question opens and back to the button when it closes.
#[component]
pub fn ConfirmedAction(
    /// Id of the question, for `aria-labelledby`.
    id: &'static str,
    /// The button that opens the question.
    #[prop(into)]
    label: Signal<&'static str>,
    /// The question.
    #[prop(into)]
    question: Signal<&'static str>,
    /// The button that confirms.
    #[prop(into)]
    confirm_label: Signal<&'static str>,
    /// Runs when confirmed.
    on_confirm: Callback<()>,
) -> impl IntoView {
    let confirming = RwSignal::new(false);
    let cancel = NodeRef::<html::Button>::new();
    let open = NodeRef::<html::Button>::new();

    let shown = StoredValue::new(false);
    Effect::new(move |_| {
        let now = confirming.get();
        if now != shown.get_value() {
            shown.set_value(now);
            request_animation_frame(move || {
                // The buttons may be gone by then (the action left the step).
                let target = if now { cancel } else { open };
                if let Some(button) = target.try_get_untracked().flatten() {
                    web::focus(&button);
                }
            });
        }
    });

    view! {
        <Show
            when=move || confirming.get()
            fallback=move || {
                view! {
                    <button
                        type="button"
                        class="pw-button pw-button--quiet"
                        node_ref=open
                        on:click=move |_| confirming.set(true)
                    >
                        {move || label.get()}
                    </button>
                }
            }
        >
            <div class="pw-confirm" role="group" aria-labelledby=id>
                <p class="pw-confirm__question" id=id>
                    {move || question.get()}
                </p>
                <button
                    type="button"
                    class="pw-button pw-button--danger"
                    on:click=move |_| on_confirm.run(())
                >
                    {move || confirm_label.get()}
                </button>
                <button type="button" class="pw-button" node_ref=cancel on:click=move |_| confirming.set(false)>
                    {move || texts().cancel}
                </button>
            </div>
        </Show>
    }
}
