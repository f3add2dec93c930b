use leptos::{context::Provider, prelude::*};

use super::{ConsoleEntries, ConsoleIntake, ConsoleKeyPanel, ConsolePublish, ConsoleReviews};
use crate::domain::{console_url, Console, OriginSharing};
use crate::i18n::fill;
use crate::state::{console_texts, org_texts, ConsoleState, SharedIo};
use crate::web;

/// The organiser's console (`?organisateur`, not linked from the
/// candidate's journey): the organiser's key, pasting links, a status per
/// pledge, and publishing the signed list with its open data. In a frame
/// it refuses to run (the organiser's key is never loaded into another
/// site's page) and links to its own page; where its origin may host other
/// pages, it says that the key is stored for all of them.
#[component]
pub fn OrganiserConsole(
    io: SharedIo,
    /// The Rust verifier, where the build carries it (see `web::check_list`).
    rust_verifier: Option<web::RustVerifier>,
) -> impl IntoView {
    let page = web::page_url();
    if web::is_framed() {
        let href = console_url(&page);
        return view! {
            <section class="pw-step pw-console">
                <h1 class="pw-step__heading" tabindex="-1">{move || org_texts().console_heading}</h1>
                <div class="pw-notice" role="alert">
                    <p class="pw-notice__text">{move || console_texts().console_framed}</p>
                    <a class="pw-button pw-button--primary" href=href target="_blank" rel="noopener">
                        {move || console_texts().console_framed_link}
                    </a>
                </div>
            </section>
        }
        .into_any();
    }
    web::mark("pw-console-start");
    let state = ConsoleState::open(io.clone(), std::rc::Rc::new(web::after_paint));
    // A change waiting to be saved is saved when the page is left or
    // hidden (a phone may close a hidden tab), or the console closed; not
    // a refused one over another tab's console saved since.
    web::on_leaving(move || state.flush());
    on_cleanup(move || state.flush());
    web::on_storage_change(move |key, value| {
        let heard = key.and_then(|k| crate::state::heard(&*io, &k, value.as_deref()));
        if matches!(heard, Some(crate::state::Heard::Changed(name, _)) if name == Console::KEY) {
            state.saved_elsewhere();
        }
    });
    // The stored pledges are checked by the browser, a batch at a time,
    // before the console shows them.
    match state.record_to_check() {
        Some(record) => leptos::task::spawn_local(async move {
            let checked =
                web::check_payloads(&record.payloads(), |done| state.checked_so_far(done)).await;
            if state.is_shown() {
                state.opened(checked);
            }
            web::mark("pw-console-opened");
        }),
        None => web::mark("pw-console-opened"),
    }
    let opening = move || {
        let c = state.checking().filter(|c| c.opening)?;
        let said = fill(
            console_texts().console_opening,
            &[
                ("done", &c.done.to_string()),
                ("total", &c.total.to_string()),
            ],
        );
        Some(view! { <p class="pw-notice pw-console__opening" role="status">{said}</p> })
    };
    let shared_origin = OriginSharing::of(&page)
        .warns()
        .then(|| OriginSharing::origin(&page).to_owned());
    let origin_warning = shared_origin.map(|origin| {
        view! {
            <p class="pw-key__note pw-key__note--warning pw-console__origin">
                {move || fill(console_texts().console_shared_origin, &[("origin", &origin)])}
            </p>
        }
    });
    let took = RwSignal::new(None::<&'static str>);
    let notices = move || {
        let n = state.notices();
        let t = console_texts();
        let alerts: Vec<&'static str> = [
            n.not_saved.then_some(t.console_not_saved),
            n.storage_full.then_some(t.console_storage_full),
            n.set_aside.then_some(t.console_set_aside),
            n.follow_up_set_aside.then_some(t.follow_up_set_aside),
            n.follow_up_conflict.then_some(t.follow_up_conflict),
        ]
        .into_iter()
        .flatten()
        .collect();
        // A conflict can be settled here: the published follow-up taken,
        // this console's set aside.
        let take = n.follow_up_conflict.then(|| {
            view! {
                <button type="button" class="pw-button" on:click=move |_| {
                    let said = if state.take_published() {
                        console_texts().follow_up_taken_published
                    } else {
                        console_texts().follow_up_take_failed
                    };
                    took.set(Some(said));
                }>
                    {move || console_texts().follow_up_take_published}
                </button>
            }
        });
        (!alerts.is_empty()).then(|| {
            view! {
                <div class="pw-notice" role="alert">
                    {alerts.into_iter().map(|a| view! { <p class="pw-notice__text">{a}</p> }).collect_view()}
                    {take}
                </div>
            }
        })
    };

    // Provided to this page only (a child owner), and gone with it.
    view! {
        <Provider value=state>
        <section class="pw-step pw-console">
            <h1 class="pw-step__heading" tabindex="-1">{move || org_texts().console_heading}</h1>
            <p class="pw-step__lead">{move || console_texts().console_lead}</p>
            {origin_warning}
            {notices}
            <p class="pw-key__message" role="status">{move || took.get()}</p>
            {opening}
            <ConsoleKeyPanel />
            <ConsoleIntake />
            <ConsoleEntries />
            <ConsoleReviews />
            <ConsolePublish rust_verifier />
        </section>
        </Provider>
    }
    .into_any()
}
