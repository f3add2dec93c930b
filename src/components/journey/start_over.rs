use leptos::prelude::*;

use crate::components::ui::ConfirmedAction;
use crate::domain::Action;
use crate::state::{journey_text_signal, PledgeState};

/// "Recommencer", which asks for confirmation before wiping the answers.
#[component]
pub fn StartOver() -> impl IntoView {
    let state = PledgeState::use_context();
    view! {
        <div class="pw-start-over">
            <ConfirmedAction
                id="pw-start-over-question"
                label=journey_text_signal(|t| t.start_over)
                question=journey_text_signal(|t| t.start_over_question)
                confirm_label=journey_text_signal(|t| t.start_over_confirm)
                on_confirm=Callback::new(move |_| state.dispatch(Action::StartOver))
            />
        </div>
    }
}
