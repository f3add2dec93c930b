use leptos::{html, prelude::*};

use crate::state::texts;

use crate::domain::Action;
use crate::state::PledgeState;
use crate::web;

/// "Recommencer", which asks for confirmation before wiping the answers.
#[component]
pub fn StartOver() -> impl IntoView {
    let t = texts();
    let state = PledgeState::use_context();
    let confirming = RwSignal::new(false);
    let cancel = NodeRef::<html::Button>::new();
    let open = NodeRef::<html::Button>::new();

    // Keep focus on the control that replaced the one just pressed.
    let shown = StoredValue::new(false);
    Effect::new(move |_| {
        let now = confirming.get();
        if now != shown.get_value() {
            shown.set_value(now);
            request_animation_frame(move || {
                let target = if now {
                    cancel.get_untracked()
                } else {
                    open.get_untracked()
                };
                if let Some(button) = target {
                    web::focus(&button);
                }
            });
        }
    });

    view! {
        <div class="pw-start-over">
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
                            {t.start_over}
                        </button>
                    }
                }
            >
                <div class="pw-start-over__confirm" role="group" aria-labelledby="pw-start-over-question">
                    <p class="pw-start-over__question" id="pw-start-over-question">
                        {t.start_over_question}
                    </p>
                    <button
                        type="button"
                        class="pw-button pw-button--danger"
                        on:click=move |_| state.dispatch(Action::StartOver)
                    >
                        {t.start_over_confirm}
                    </button>
                    <button
                        type="button"
                        class="pw-button"
                        node_ref=cancel
                        on:click=move |_| confirming.set(false)
                    >
                        {t.cancel}
                    </button>
                </div>
            </Show>
        </div>
    }
}
