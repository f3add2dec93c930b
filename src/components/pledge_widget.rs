use leptos::{html, prelude::*};

use super::{
    IdentityStep, ProposalStep, StartOver, StorageNoticeBanner, SummaryScreen, WelcomeScreen,
};
use crate::domain::Step;
use crate::i18n::FR;
use crate::state::PledgeState;
use crate::web;

/// The whole widget: the current step, storage notices and start over.
/// Reads the saved draft when it is created and saves every change.
#[component]
pub fn PledgeWidget() -> impl IntoView {
    let state = PledgeState::from_loaded(web::load_draft());
    state.provide();
    state.persist();

    let step = Memo::new(move |_| state.with(|d| d.step));
    let root = NodeRef::<html::Div>::new();

    // Focus follows the step, but not on first load: a widget that grabs
    // focus on load would scroll the host page.
    let shown = StoredValue::new(step.get_untracked());
    Effect::new(move |_| {
        let current = step.get();
        if current != shown.get_value() {
            shown.set_value(current);
            request_animation_frame(move || {
                if let Some(root) = root.try_get_untracked().flatten() {
                    web::focus_step_heading(&root);
                }
            });
        }
    });

    view! {
        <div class="pw-widget" node_ref=root lang=FR.lang role="region" aria-label=FR.widget_label>
            <StorageNoticeBanner />
            {move || match step.get() {
                Step::Welcome => view! { <WelcomeScreen /> }.into_any(),
                Step::Proposal(index) => view! { <ProposalStep index /> }.into_any(),
                Step::Identity => view! { <IdentityStep /> }.into_any(),
                Step::Summary => view! { <SummaryScreen /> }.into_any(),
            }}
            <Show when=move || step.get() != Step::Welcome>
                <footer class="pw-widget__footer">
                    <StartOver />
                </footer>
            </Show>
        </div>
    }
}
