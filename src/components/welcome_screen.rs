use leptos::prelude::*;

use crate::state::{campaign, texts};

use super::StepNav;

/// The first screen: the campaign, its introduction and a start button.
#[component]
pub fn WelcomeScreen() -> impl IntoView {
    let t = texts();
    let c = campaign();
    view! {
        <section class="pw-step pw-welcome">
            <p class="pw-welcome__tagline">
                {c.tagline} " " <span class="pw-welcome__hashtag">{c.hashtag}</span>
            </p>
            <h1 class="pw-step__heading pw-welcome__title" tabindex="-1">
                {c.title}
            </h1>
            <p class="pw-welcome__subtitle">{c.subtitle}</p>
            <p class="pw-welcome__lead">{t.welcome_lead}</p>
            <div class="pw-welcome__intro">
                {c
                    .introduction
                    .iter()
                    .map(|paragraph| view! { <p>{*paragraph}</p> })
                    .collect_view()}
            </div>
            <StepNav next_label=t.start show_back=false />
        </section>
    }
}
