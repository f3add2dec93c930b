use leptos::prelude::*;

use super::StepNav;
use crate::i18n::Lang;
use crate::state::{text, texts, Locale, PledgeState};
use crate::web;

/// Where the journey build needs the full one (signing, a pledge link):
/// the step's heading and a status while the full build loads and takes
/// the widget over. If it cannot load (offline, say), says so and offers to
/// try again. The candidate can go back meanwhile; their answers stay here
/// and are handed over, with the language, when the full build takes over.
#[component]
pub fn FullBuildLoader(
    /// The heading of the step being loaded.
    #[prop(into)]
    heading: Signal<&'static str>,
    /// What is being loaded, in words.
    #[prop(into)]
    loading: Signal<&'static str>,
) -> impl IntoView {
    let state = use_context::<PledgeState>();
    let locale = use_context::<Locale>();
    let failed = RwSignal::new(false);
    let start = move || {
        failed.set(false);
        leptos::task::spawn_local(async move {
            // The language shown when the full build is started.
            let lang = locale.map_or(Lang::Fr, |l| l.0.get_untracked()).code();
            if web::start_full_build(lang).await.is_err() {
                // This build may have been taken over meanwhile.
                let _ = failed.try_set(true);
            }
        });
    };
    start();

    // The journey's Back (and Try again once loading failed); a pledge
    // link's page has Try again only.
    let actions = move || {
        match (state, failed.get()) {
        (Some(_), false) => Some(view! { <StepNav show_next=false /> }.into_any()),
        (Some(_), true) => Some(
            view! { <StepNav next_label=text(|t| t.retry) on_next=Callback::new(move |()| start()) /> }
                .into_any(),
        ),
        (None, true) => Some(
            view! {
                <div class="pw-nav">
                    <button
                        type="button"
                        class="pw-button pw-button--primary pw-nav__next"
                        on:click=move |_| start()
                    >
                        {move || texts().retry}
                    </button>
                </div>
            }
            .into_any(),
        ),
        (None, false) => None,
    }
    };
    let message = move || {
        let t = texts();
        match state {
            Some(_) => format!("{} {}", t.part_load_failed, t.answers_kept),
            None => t.part_load_failed.to_owned(),
        }
    };

    view! {
        <section class="pw-step pw-loader">
            <h1 class="pw-step__heading" tabindex="-1">
                {move || heading.get()}
            </h1>
            <Show
                when=move || failed.get()
                fallback=move || view! { <p class="pw-loader__status" role="status">{move || loading.get()}</p> }
            >
                <p class="pw-form__error" role="alert">{message}</p>
            </Show>
            {actions}
        </section>
    }
}
