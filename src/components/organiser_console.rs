use leptos::{context::Provider, prelude::*};

use super::{ConsoleEntries, ConsoleIntake, ConsoleKeyPanel, ConsolePublish};
use crate::state::{org_texts, ConsoleState, SharedIo};

/// The organiser's console (`?organisateur`, not linked from the
/// candidate's journey): the organiser's key, pasting links, a status per
/// pledge, and publishing the signed list with its open data.
#[component]
pub fn OrganiserConsole(io: SharedIo) -> impl IntoView {
    let state = ConsoleState::open(io);
    let notices = move || {
        let n = state.notices();
        let t = org_texts();
        let alerts: Vec<&'static str> = [
            n.not_saved.then_some(t.console_not_saved),
            n.set_aside.then_some(t.console_set_aside),
        ]
        .into_iter()
        .flatten()
        .collect();
        (!alerts.is_empty()).then(|| {
            view! {
                <div class="pw-notice" role="alert">
                    {alerts.into_iter().map(|a| view! { <p class="pw-notice__text">{a}</p> }).collect_view()}
                </div>
            }
        })
    };
    // Provided to this page only (a child owner), and gone with it.
    view! {
        <Provider value=state>
        <section class="pw-step pw-console">
            <h1 class="pw-step__heading" tabindex="-1">{move || org_texts().console_heading}</h1>
            <p class="pw-step__lead">{move || org_texts().console_lead}</p>
            {notices}
            <ConsoleKeyPanel />
            <ConsoleIntake />
            <ConsoleEntries />
            <ConsolePublish />
        </section>
        </Provider>
    }
}
