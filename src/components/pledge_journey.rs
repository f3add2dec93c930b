use leptos::{html, prelude::*};

use super::{
    IdentityStep, ProposalStep, SignStep, SignedScreen, StartOver, StorageNoticeBanner,
    SummaryScreen, WelcomeScreen,
};
use crate::domain::Step;
use crate::state::PledgeState;
use crate::web;

/// The candidate's journey: the current step, storage notices and start
/// over. Reads what the browser kept when it is created and saves every
/// change.
#[component]
pub fn PledgeJourney() -> impl IntoView {
    let state = PledgeState::open();
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
            web::report_step_change();
            request_animation_frame(move || {
                if let Some(root) = root.try_get_untracked().flatten() {
                    web::focus_step_heading(&root);
                }
            });
        }
    });

    view! {
        <div class="pw-journey" node_ref=root>
            <StorageNoticeBanner />
            {move || match step.get() {
                Step::Welcome => view! { <WelcomeScreen /> }.into_any(),
                Step::Proposal(index) => view! { <ProposalStep index /> }.into_any(),
                Step::Identity => view! { <IdentityStep /> }.into_any(),
                Step::Summary => view! { <SummaryScreen /> }.into_any(),
                Step::Sign => view! { <SignStep /> }.into_any(),
                Step::Signed => view! { <SignedScreen /> }.into_any(),
            }}
            <Show when=move || step.get() != Step::Welcome>
                <footer class="pw-widget__footer">
                    <StartOver />
                </footer>
            </Show>
        </div>
    }
}
