use leptos::prelude::*;

use crate::domain::Action;
use crate::state::{campaign, journey_text_signal, texts, PledgeState};
use crate::web;

use crate::components::ui::StepNav;

/// The first screen: the campaign, its introduction and a start button.
/// Release builds also carry it in `index.html` (scripts/prerender.mjs).
#[component]
pub fn WelcomeScreen() -> impl IntoView {
    // A tap on the prerendered « Commencer » before the app was ready is
    // not lost: it goes on now (and focus follows the step, as always).
    if web::take_pending_start() {
        let state = PledgeState::use_context();
        request_animation_frame(move || state.dispatch(Action::Next));
    }
    view! {
        <section class="pw-step pw-welcome">
            <p class="pw-welcome__tagline">
                {move || campaign().tagline} " " <span class="pw-welcome__hashtag">{move || campaign().hashtag}</span>
            </p>
            <h1 class="pw-step__heading pw-welcome__title" tabindex="-1">
                {move || campaign().title}
            </h1>
            <p class="pw-welcome__subtitle">{move || campaign().subtitle}</p>
            <p class="pw-welcome__lead">{move || texts().welcome_lead()}</p>
            <div class="pw-welcome__intro">
                {move || {
                    campaign()
                        .prose()
                        .introduction
                        .iter()
                        .map(|paragraph| view! { <p>{*paragraph}</p> })
                        .collect_view()
                }}
            </div>
            <StepNav next_label=journey_text_signal(|t| t.start) show_back=false />
        </section>
    }
}
