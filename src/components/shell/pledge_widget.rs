use leptos::{html, prelude::*};

use super::{LanguageBar, Parts, PrivacyNote};
use crate::domain::{Draft, EmbedOptions, RecordError, ShareLink, StoredDraft, View};
use crate::state::{self, Arrival, Locale, PledgeState, SharedIo};
use crate::web;

/// What the widget shows: the candidate's own journey, or a pledge link.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Shown {
    Journey,
    /// The public wall or the organiser's console (`?mur`, `?organisateur`).
    Page(View),
    /// A pledge link's fragment, read by the build's pledge-link view.
    Link(String),
}

fn shown_for(fragment: String, view: View) -> Shown {
    if ShareLink::holds_pledge(&fragment) {
        Shown::Link(fragment)
    } else if view != View::Journey {
        Shown::Page(view)
    } else {
        Shown::Journey
    }
}

/// Answers carried in the address: received by the state, and the address
/// cleaned, but where this build leaves the question to the full build
/// (which reads the address again when it takes over).
fn take_carried(state: PledgeState, carried: Result<Draft, RecordError>, parts: Parts) {
    match carried {
        Ok(carried) => state.receive_carried(carried),
        Err(_) => state.carried_unreadable(),
    }
    let asking = matches!(state.arrival_untracked(), Some(Arrival::Asking { .. }));
    if parts.asks || !asking {
        web::clear_fragment();
    }
}

/// The widget's background in each theme (`--pw-surface` in the CSS).
const LIGHT_SURFACE: [u8; 3] = [0xff, 0xff, 0xff];
const DARK_SURFACE: [u8; 3] = [0x17, 0x16, 0x1a];

/// The root's classes: theme, and compact, embedded or accent where asked.
fn root_class(options: &EmbedOptions) -> String {
    let mut class = format!("pw-widget pw-widget--theme-{}", options.theme.as_str());
    if options.accent.is_some() {
        class.push_str(" pw-widget--accent");
    }
    if options.compact {
        class.push_str(" pw-widget--compact");
    }
    if options.embedded {
        class.push_str(" pw-widget--embedded");
    }
    class
}

/// The whole widget, and the one owner of its state.
///
/// A page opened with a pledge link (`#e=…`) shows that pledge, read-only,
/// and never loads or touches the visitor's own draft; otherwise it shows
/// the journey. The candidate's state is opened once, the first time the
/// journey is shown, and kept for the widget's life. The language is a
/// signal in context: a switch re-renders no view (every string reads it
/// where it is shown); a visit to a pledge link re-renders the views below,
/// never the state. Options
/// from the URL (set by a partner's embed snippet) style it. `parts` says
/// which build this is; `io` is the browser's unless a test gives another.
#[component]
pub fn PledgeWidget(parts: Parts, #[prop(optional)] io: Option<SharedIo>) -> impl IntoView {
    parts.provide();
    let io = io.unwrap_or_else(|| state::for_this_campaign(web::BrowserIo::shared()));
    let handover = io.take_handover();
    let options = EmbedOptions::from_query(&web::query());
    let lang = RwSignal::new(Locale::choose(
        &*io,
        handover.lang.as_deref(),
        options.lang.as_deref(),
        &web::browser_languages(),
    ));
    Locale(lang).provide();

    // The candidate's state, opened under this (the root's) owner when
    // first needed, so that no view re-rendering can drop it.
    let owner = Owner::current().unwrap_or_default();
    let handed_over_draft = StoredValue::new(handover.draft);
    let state = StoredValue::new(None::<PledgeState>);
    let shared_io = StoredValue::new_local(io.clone());
    let journey_state = {
        move || {
            if let Some(state) = state.get_value() {
                return state;
            }
            let draft = handed_over_draft.try_update_value(Option::take).flatten();
            let opened = owner
                .with(|| PledgeState::open(shared_io.get_value(), parts.scope, draft.as_deref()));
            // Answers carried from another page (`#d=…`): a partner's frame
            // handing over to sign here, where the candidate's key lives, or
            // any page at all. Never signed, nor anything replaced, without
            // the candidate seeing them (`PledgeState::receive_carried`).
            if let Some(carried) = StoredDraft::carried(&web::fragment()) {
                take_carried(opened, carried, parts);
            }
            state.set_value(Some(opened));
            opened
        }
    };
    // Another tab's changes (answers, key, « forget me ») reach this one.
    // Only this campaign's records (and those of the build before that it
    // reads): another campaign's on this origin are none of this tab's
    // business.
    web::on_storage_change(move |key, value| {
        let Some(state) = state.get_value() else {
            return;
        };
        let Some(stored) = key else {
            return state.changed_elsewhere(None, value.as_deref());
        };
        match state::heard(&*shared_io.get_value(), &stored, value.as_deref()) {
            Some(state::Heard::Changed(name, value)) => {
                state.changed_elsewhere(Some(&name), value.as_deref());
            }
            // Forgotten in a tab of the build before: said here, and this
            // campaign's own records go too.
            Some(state::Heard::ForgottenBefore) => {
                state.changed_elsewhere(None, None);
                state.forget_everything();
            }
            None => {}
        }
    });

    let page = options.view;
    let shown = RwSignal::new(shown_for(web::fragment(), page));
    web::on_fragment_change(move |fragment| {
        // Answers carried in a link pasted into an open widget: the same
        // rules as on load (a state not opened yet reads them when it is).
        if let (Some(carried), Some(state)) = (StoredDraft::carried(&fragment), state.get_value()) {
            take_carried(state, carried, parts);
        }
        shown.set(shown_for(fragment, page));
    });
    let (commune, embedded) = (options.commune.clone(), options.embedded);
    let root = NodeRef::<html::Div>::new();
    let accent = options.accent.clone();
    root.on_load(move |root| {
        if let Some(accent) = &accent {
            // Adjusted per theme so that it always reads (WCAG AA).
            for (theme, surface) in [("light", LIGHT_SURFACE), ("dark", DARK_SURFACE)] {
                let readable = accent.readable_on(surface);
                web::set_css_variable(
                    &root,
                    &format!("--pw-partner-accent-{theme}"),
                    readable.as_str(),
                );
                web::set_css_variable(
                    &root,
                    &format!("--pw-partner-accent-{theme}-contrast"),
                    readable.contrast_text(),
                );
            }
        }
        web::report_height(&root);
    });

    let focus_heading = move || {
        request_animation_frame(move || {
            if let Some(root) = root.try_get_untracked().flatten() {
                web::focus_step_heading(&root);
            }
        });
    };
    let start_own = move || {
        web::clear_fragment();
        shown.set(Shown::Journey);
        focus_heading();
    };
    let switch_language = Callback::new(move |_| {
        let next = lang.get_untracked().other();
        Locale::remember(&*shared_io.get_value(), next);
        lang.set(next);
        focus_heading();
    });

    view! {
        <div
            class=root_class(&options)
            node_ref=root
            lang=move || lang.get().code()
            role="region"
            aria-label=move || lang.get().campaign().label
        >
            // Every string follows the language signal where it is shown:
            // a switch re-renders no view and keeps everything in them.
            <LanguageBar on_switch=switch_language />
            {move || match shown.get() {
                Shown::Journey => (parts.journey)(&journey_state),
                Shown::Page(View::Wall) => (parts.wall)(commune.clone(), embedded),
                Shown::Page(_) => (parts.console)(shared_io.get_value()),
                Shown::Link(fragment) => {
                    (parts.pledge_link)(fragment, Callback::new(move |_| start_own()))
                }
            }}
            <PrivacyNote />
        </div>
    }
}
