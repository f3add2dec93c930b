use leptos::prelude::*;

use super::StepNav;
use crate::campaign::CAMPAIGN;
use crate::i18n::FR;

/// The first screen: the campaign, its introduction and a start button.
#[component]
pub fn WelcomeScreen() -> impl IntoView {
    view! {
        <section class="pw-step pw-welcome">
            <p class="pw-welcome__tagline">
                {CAMPAIGN.tagline} " " <span class="pw-welcome__hashtag">{CAMPAIGN.hashtag}</span>
            </p>
            <h1 class="pw-step__heading pw-welcome__title" tabindex="-1">
                {CAMPAIGN.title}
            </h1>
            <p class="pw-welcome__subtitle">{CAMPAIGN.subtitle}</p>
            <p class="pw-welcome__lead">{FR.welcome_lead}</p>
            <div class="pw-welcome__intro">
                {CAMPAIGN
                    .introduction
                    .iter()
                    .map(|paragraph| view! { <p>{*paragraph}</p> })
                    .collect_view()}
            </div>
            <StepNav next_label=FR.start show_back=false />
        </section>
    }
}
