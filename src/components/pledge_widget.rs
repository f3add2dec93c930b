use leptos::{html, prelude::*};

use super::{LanguageBar, Parts, PledgeJourney, PrivacyNote};
use crate::domain::{EmbedOptions, ShareLink};
use crate::i18n::Lang;
use crate::state::Locale;
use crate::web;

/// What the widget shows: the candidate's own journey, or a pledge link.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Shown {
    Journey,
    /// A pledge link's fragment, read by the build's pledge-link view.
    Link(String),
}

fn shown_for(fragment: String) -> Shown {
    if ShareLink::holds_pledge(&fragment) {
        Shown::Link(fragment)
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

/// The whole widget. A page opened with a pledge link (`#e=…`) shows that
/// pledge, read-only, and never loads or touches the visitor's own draft;
/// otherwise it shows the journey. Options from the URL (set by a partner's
/// embed snippet) style it; the language is the visitor's choice, else the
/// one asked for, else the browser's. `parts` says which build this is.
#[component]
pub fn PledgeWidget(parts: Parts) -> impl IntoView {
    parts.provide();
    let options = EmbedOptions::from_query(&web::query());
    let chosen = web::load_lang_choice().and_then(|c| Lang::from_code(&c));
    let lang = RwSignal::new(
        chosen.unwrap_or_else(|| Lang::choose(options.lang.as_deref(), &web::browser_languages())),
    );
    let shown = RwSignal::new(shown_for(web::fragment()));
    web::on_fragment_change(move |fragment| {
        let _ = shown.try_set(shown_for(fragment));
    });
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
        web::save_lang_choice(next.code());
        lang.set(next);
        focus_heading();
    });

    view! {
        <div
            class=root_class(&options)
            node_ref=root
            lang=move || lang.get().code()
            role="region"
            aria-label=move || lang.get().texts().widget_label
        >
            {move || {
                Locale(lang.get()).provide();
                view! {
                    <LanguageBar on_switch=switch_language />
                    {match shown.get() {
                        Shown::Journey => view! { <PledgeJourney /> }.into_any(),
                        Shown::Link(fragment) => {
                            (parts.pledge_link)(fragment, Callback::new(move |_| start_own()))
                        }
                    }}
                    <PrivacyNote />
                }
            }}
        </div>
    }
}
