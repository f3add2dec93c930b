//! The interface language, shared through context by the widget root.

use leptos::prelude::*;

use super::{keys, Io};
use crate::campaign::Campaign;
use crate::i18n::{JourneyTexts, Lang, Texts};

/// The language in context: a signal the root owns. Switching it changes
/// what the views show; the state below keeps everything it holds.
#[derive(Debug, Clone, Copy)]
pub struct Locale(pub RwSignal<Lang>);

impl Locale {
    /// The language to start in: the one handed over by the journey build,
    /// else the visitor's saved choice, else the one asked for (`lang`),
    /// else the browser's.
    pub fn choose(
        io: &dyn Io,
        handed_over: Option<&str>,
        asked: Option<&str>,
        browser: &[String],
    ) -> Lang {
        handed_over
            .and_then(Lang::from_code)
            .or_else(|| {
                io.get(keys::LANG)
                    .ok()
                    .flatten()
                    .and_then(|c| Lang::from_code(&c))
            })
            .unwrap_or_else(|| Lang::choose(asked, browser))
    }

    /// Keeps the visitor's choice for their next visit (best effort: where
    /// storage is refused, the choice lasts for this page).
    pub fn remember(io: &dyn Io, lang: Lang) {
        let _ = io.set(keys::LANG, lang.code());
    }

    pub fn provide(self) {
        provide_context(self);
    }

    /// The language in context (the campaign's reference outside a
    /// widget), tracking it.
    pub fn current() -> Lang {
        use_context::<Locale>().map_or_else(Lang::reference, |l| l.0.get())
    }
}

/// The interface strings of the language in context.
pub fn texts() -> &'static Texts {
    Locale::current().texts()
}

/// The strings only the candidate's journey shows, in the language in
/// context.
pub fn journey_texts() -> &'static JourneyTexts {
    Locale::current().journey()
}

/// The organiser's side's strings in the language in context.
pub fn org_texts() -> &'static crate::i18n::OrgTexts {
    Locale::current().org()
}

/// The organiser's console's strings in the language in context.
pub fn console_texts() -> &'static crate::i18n::ConsoleTexts {
    Locale::current().console()
}

/// The follow-up's strings in the language in context.
pub fn follow_up_texts() -> &'static crate::i18n::FollowUpTexts {
    Locale::current().follow_up()
}

/// The wall's strings in the language in context.
pub fn wall_texts() -> &'static crate::i18n::WallTexts {
    Locale::current().wall()
}

/// The strings of a sharded publication's readers in the language in
/// context.
pub fn shard_texts() -> &'static crate::i18n::ShardTexts {
    Locale::current().shards()
}

/// The campaign as shown in the language in context.
pub fn campaign() -> &'static Campaign {
    Locale::current().campaign()
}

/// One interface string of the language in context, as a signal that
/// follows the language (for component props).
pub fn text_signal(pick: fn(&'static Texts) -> &'static str) -> Signal<&'static str> {
    Signal::derive(move || pick(texts()))
}

/// One of the journey's strings, as [`text_signal`].
pub fn journey_text_signal(
    pick: fn(&'static JourneyTexts) -> &'static str,
) -> Signal<&'static str> {
    Signal::derive(move || pick(journey_texts()))
}
