use leptos::prelude::*;

use super::StepNav;
use crate::i18n::Lang;
use crate::state::{text_signal, texts, Locale, PledgeState};
use crate::web::{self, Build, FullBuildError};

/// A loader's navigation in the builds that show the candidate's journey
/// (`Parts::loader_nav`): its Back, and Try again as its forward button.
/// Provided by those builds only, so that the others (a pledge link's, the
/// wall's, the console's) never link the journey's state and its steps.
#[derive(Clone, Copy)]
pub struct LoaderNav(pub fn(Option<LoaderNext>) -> AnyView);

/// A loader's forward button: its label and what it does.
pub type LoaderNext = (Signal<&'static str>, Callback<()>);

impl LoaderNav {
    /// [`StepNav`]: Back, and the forward button once given.
    pub const STEP_NAV: LoaderNav = LoaderNav(|next| match next {
        None => view! { <StepNav show_next=false /> }.into_any(),
        Some((label, on_next)) => view! { <StepNav next_label=label on_next /> }.into_any(),
    });
}

/// Where the journey build needs the full one (signing, a pledge link):
/// the step's heading and a status while the full build loads and takes
/// the widget over. If it cannot load (offline, say), says so and offers to
/// try again; if a new version was published meanwhile (its files are gone
/// and the page could not reload by itself), says so and offers a reload. The candidate can go back meanwhile; their answers stay here
/// and are handed over, with the language, when the full build takes over.
#[component]
pub fn FullBuildLoader(
    /// The heading of the step being loaded.
    #[prop(into)]
    heading: Signal<&'static str>,
    /// What is being loaded, in words.
    #[prop(into)]
    loading: Signal<&'static str>,
    /// The build to load: the full one unless said (the journey build
    /// from a pledge link, for « start my own pledge »; the wall or the
    /// console build for those pages).
    #[prop(default = Build::Full)]
    target: Build,
) -> impl IntoView {
    let state = use_context::<PledgeState>();
    // The journey's navigation, where the journey is open and the build
    // has it.
    let nav = state.and(use_context::<LoaderNav>());
    let locale = use_context::<Locale>();
    let error = RwSignal::new(None::<FullBuildError>);
    let failed = move || error.get().is_some();
    let start = move || {
        error.set(None);
        leptos::task::spawn_local(async move {
            // The language shown when the full build is started.
            let lang = locale.map_or(Lang::Fr, |l| l.0.get_untracked()).code();
            if let Err(e) = web::start_build(target, lang).await {
                // This build may have been taken over meanwhile.
                let _ = error.try_set(Some(e));
            }
        });
    };
    start();

    // The journey's Back (and Try again once loading failed, or Reload
    // after a new version); a pledge link's page has Try again only.
    let retry = move || match error.get() {
        Some(FullBuildError::NewVersion) => web::reload(),
        _ => start(),
    };
    let retry_label = text_signal(|t| t.retry);
    let reload_label = text_signal(|t| t.reload_page);
    let label = Signal::derive(move || match error.get() {
        Some(FullBuildError::NewVersion) => reload_label.get(),
        _ => retry_label.get(),
    });
    let actions = move || match (nav, failed()) {
        (Some(LoaderNav(nav)), false) => Some(nav(None)),
        (Some(LoaderNav(nav)), true) => Some(nav(Some((label, Callback::new(move |()| retry()))))),
        (None, true) => Some(
            view! {
                <div class="pw-nav">
                    <button
                        type="button"
                        class="pw-button pw-button--primary pw-nav__next"
                        on:click=move |_| retry()
                    >
                        {move || label.get()}
                    </button>
                </div>
            }
            .into_any(),
        ),
        (None, false) => None,
    };
    let message = move || {
        let t = texts();
        match (error.get(), state) {
            (Some(FullBuildError::NewVersion), Some(_)) => {
                format!("{} {}", t.new_version, t.new_version_answers_at_risk)
            }
            (Some(FullBuildError::NewVersion), None) => t.new_version.to_owned(),
            (_, Some(_)) => format!("{} {}", t.part_load_failed, t.answers_kept),
            (_, None) => t.part_load_failed.to_owned(),
        }
    };

    view! {
        <section class="pw-step pw-loader">
            <h1 class="pw-step__heading" tabindex="-1">
                {move || heading.get()}
            </h1>
            <Show
                when=failed
                fallback=move || view! { <p class="pw-loader__status" role="status">{move || loading.get()}</p> }
            >
                <p class="pw-form__error" role="alert">{message}</p>
            </Show>
            {actions}
        </section>
    }
}
