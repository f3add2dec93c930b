use leptos::{html, prelude::*};

use super::{JourneyOpener, LanguageBar, Parts, PrivacyNote};
use crate::domain::{EmbedOptions, ShareLink, View};
use crate::state::{self, Locale, SharedIo};
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

    // The candidate's state, opened when the journey is first shown.
    let opener = JourneyOpener::new(io.clone(), handover.draft, parts);
    let shared_io = StoredValue::new_local(io);

    let page = options.view;
    let shown = RwSignal::new(shown_for(web::fragment(), page));
    web::on_fragment_change(move |fragment| {
        opener.fragment_changed(&fragment);
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
    // « Start my own pledge » (from a pledge's page): the journey, and an
    // address that says so (a pledge opened on the wall leaves the wall).
    let start_own = move || {
        web::leave_for_journey();
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
                Shown::Journey => (parts.journey)(opener),
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
