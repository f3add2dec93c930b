use leptos::{html, prelude::*, task::spawn_local};

use super::{
    OwnPledges, PreviousAnswers, ProposalStep, SignInTab, StartOver, SummaryScreen, WelcomeScreen,
};
use crate::components::ui::StorageNoticeBanner;
use crate::domain::{FrameStorage, Step};
use crate::i18n::fill;
use crate::state::{campaign, journey_texts, texts, Arrival, PledgeState, StorageNotice};
use crate::web;

/// The candidate's journey: the current step, storage notices and start
/// over, from the state the widget root owns (every change is saved by
/// the state itself). Signing and the question about answers from another
/// page come from the build (its `Parts`).
#[component]
pub fn PledgeJourney(
    /// The identity step, as this build shows it.
    identity: fn() -> AnyView,
    /// The sign and signed steps, as this build shows them.
    signing: fn(Step) -> AnyView,
    /// The question about answers from another page, as this build asks it.
    arrival: fn() -> AnyView,
) -> impl IntoView {
    let framed = web::is_framed();
    let state = PledgeState::use_context();

    let step = Memo::new(move |_| state.with(|d| d.step));
    let root = NodeRef::<html::Div>::new();

    // What screen readers hear when the step changes (polite live region);
    // empty at first so that nothing is announced on load.
    let announced = RwSignal::new(String::new());

    // Focus follows the step, but not on first load: a widget that grabs
    // focus on load would scroll the host page. A build that took over from
    // the journey build continues the candidate's step change: it focuses
    // the step's heading and announces the step (the journey build's own
    // announcement went with its page).
    let shown = StoredValue::new(step.get_untracked());
    if web::took_over_journey() {
        root.on_load(move |root| {
            request_animation_frame(move || {
                web::focus_step_heading(&root);
                // The journey may be gone by this frame.
                if let Some(current) = step.try_get_untracked() {
                    let _ = announced.try_set(announcement(current));
                }
            });
        });
    }

    // Past the welcome screen, the rest of the widget is worth keeping for
    // offline use (a glance at the welcome screen stays cheap).
    Effect::new(move |done: Option<bool>| {
        if done == Some(true) || step.get() == Step::Welcome {
            return done.unwrap_or(false);
        }
        web::precache_rest();
        true
    });
    // In a partner's frame whose storage is kept for that site only, the
    // candidate is told once they start (not on the welcome screen: nothing
    // to keep yet, and the host page's layout stays still on load).
    if framed {
        Effect::new(move |done: Option<bool>| {
            if done == Some(true) || step.get() == Step::Welcome {
                return done.unwrap_or(false);
            }
            spawn_local(async move {
                if web::frame_storage().await == FrameStorage::Partitioned {
                    state.storage_kept_apart();
                }
            });
            true
        });
    }
    // The identity step and signing come from the full build: have it
    // ready before it is needed (from the last proposal on: the
    // candidate reads it while the full build comes).
    Effect::new(move |_| {
        let wanted = match step.get() {
            current @ Step::Proposal(_) => current.next() == Step::Identity,
            Step::Welcome => false,
            _ => true,
        };
        if wanted {
            web::prefetch_full_build();
        }
    });
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

    // Answers from another page that would replace the candidate's own
    // are a question first, in place of the step; once answered, focus
    // goes to the step's heading (the question's buttons are gone).
    let asking = Memo::new(move |_| matches!(state.arrival(), Some(Arrival::Asking { .. })));
    Effect::new(move |was_asking: Option<bool>| {
        let now = asking.get();
        if was_asking == Some(true) && !now {
            request_animation_frame(move || {
                if let Some(root) = root.try_get_untracked().flatten() {
                    web::focus_step_heading(&root);
                }
            });
        }
        now
    });
    let from_elsewhere = move || {
        (state.arrival() == Some(Arrival::Adopted)
            && matches!(step.get(), Step::Identity | Step::Summary | Step::Sign))
        .then(|| {
            view! {
                <p class="pw-notice pw-notice--arrival" role="status">
                    <span class="pw-notice__text">{move || journey_texts().arrival_from_elsewhere}</span>
                </p>
            }
        })
    };
    // Set-aside answers are offered where a candidate starts or reviews,
    // and wherever a notice says some were set aside.
    let offers_previous = move || {
        matches!(step.get(), Step::Welcome | Step::Summary)
            || matches!(
                state.notice(),
                Some(StorageNotice::ReplacedElsewhere | StorageNotice::Recovered { .. })
            )
    };

    Effect::new(move |previous: Option<Step>| {
        let current = step.get();
        if previous.is_some_and(|p| p != current) {
            announced.set(announcement(current));
        }
        current
    });

    view! {
        <div class="pw-journey" node_ref=root>
            <p class="pw-visually-hidden" aria-live="polite">
                {move || announced.get()}
            </p>
            <StorageNoticeBanner />
            {from_elsewhere}
            {move || if asking.get() {
                arrival()
            } else { match step.get() {
                Step::Welcome => view! { <WelcomeScreen /> }.into_any(),
                Step::Proposal(index) => view! { <ProposalStep index /> }.into_any(),
                Step::Identity => identity(),
                Step::Summary => view! { <SummaryScreen /> }.into_any(),
                // In a partner's frame, signing happens on the widget's own
                // page, where the candidate's one key lives.
                Step::Sign | Step::Signed if framed => view! { <SignInTab /> }.into_any(),
                step @ (Step::Sign | Step::Signed) => signing(step),
            }}}
            <Show when=offers_previous>
                <PreviousAnswers />
            </Show>
            <Show when=move || step.get() == Step::Welcome>
                <OwnPledges latest=true />
            </Show>
            <Show when=move || step.get() != Step::Welcome>
                <footer class="pw-widget__footer">
                    <StartOver />
                </footer>
            </Show>
        </div>
    }
}

/// The words that announce a step: the progress and title of a proposal,
/// else the step's heading.
fn announcement(step: Step) -> String {
    let (t, c) = (texts(), campaign());
    match step {
        Step::Welcome => c.title.to_owned(),
        Step::Proposal(i) => {
            let progress = fill(
                journey_texts().progress,
                &[
                    ("n", &(i + 1).to_string()),
                    ("total", &c.proposals.len().to_string()),
                ],
            );
            let title = c.proposal(usize::from(i)).map_or("", |p| p.title);
            format!("{progress} – {title}")
        }
        Step::Identity => t.identity_heading.to_owned(),
        Step::Summary => journey_texts().summary_heading.to_owned(),
        Step::Sign => t.sign_heading.to_owned(),
        Step::Signed => t.signed_heading.to_owned(),
    }
}
