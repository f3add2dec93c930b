use leptos::prelude::*;

use crate::state::texts;

use crate::domain::Action;
use crate::state::PledgeState;

/// Back and Next, kept at the bottom of the screen within thumb reach.
#[component]
pub fn StepNav(
    /// Label of the forward button (default: "Suivant").
    #[prop(optional, into)]
    next_label: Option<Signal<&'static str>>,
    /// Whether to show the Back button.
    #[prop(default = true)]
    show_back: bool,
    /// Make the forward button submit the enclosing form instead of moving on.
    #[prop(optional)]
    submit: bool,
    /// Whether to show the forward button.
    #[prop(default = true)]
    show_next: bool,
    /// What the forward button does instead of moving on (signing, say).
    #[prop(optional)]
    on_next: Option<Callback<()>>,
) -> impl IntoView {
    let next_label = move || next_label.map_or(texts().next, |l| l.get());
    let state = PledgeState::use_context();
    let next = show_next.then(|| {
        if submit {
            view! {
                <button type="submit" class="pw-button pw-button--primary pw-nav__next">
                    {next_label}
                </button>
            }
            .into_any()
        } else {
            view! {
                <button
                    type="button"
                    class="pw-button pw-button--primary pw-nav__next"
                    on:click=move |_| match on_next {
                        Some(callback) => callback.run(()),
                        None => state.dispatch(Action::Next),
                    }
                >
                    {next_label}
                </button>
            }
            .into_any()
        }
    });
    view! {
        <div class="pw-nav">
            {show_back
                .then(|| {
                    view! {
                        <button
                            type="button"
                            class="pw-button pw-nav__back"
                            on:click=move |_| state.dispatch(Action::Back)
                        >
                            {move || texts().back}
                        </button>
                    }
                })}
            {next}
        </div>
    }
}
