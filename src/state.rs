//! The typed state layer between the components and the domain.
//!
//! [`PledgeState`] wraps the candidate's [`Draft`] in signals and is shared
//! through context. Components read it and send [`Action`]s; the draft's own
//! `apply` does the logic. Saving happens in one effect, at the edge.

use leptos::prelude::*;

use crate::domain::{Action, Draft};
use crate::web::{self, LoadedDraft, SaveError};

/// A message about storage, shown above the current step.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StorageNotice {
    /// The stored draft could not be read; the widget started fresh.
    Recovered { backed_up: bool },
    /// No storage: answers live in memory only.
    Unavailable,
    /// A save was refused (quota full, say).
    SaveFailed,
}

/// The widget's shared state. Cheap to copy: it holds signal handles only.
#[derive(Debug, Clone, Copy)]
pub struct PledgeState {
    draft: RwSignal<Draft>,
    notice: RwSignal<Option<StorageNotice>>,
    /// Whether the candidate was already told that saving fails, so that a
    /// dismissed warning does not come back at every keystroke.
    save_warned: StoredValue<bool>,
}

impl PledgeState {
    /// State for what was found in storage.
    pub fn from_loaded(loaded: LoadedDraft) -> Self {
        let (draft, notice) = match loaded {
            LoadedDraft::Fresh => (Draft::default(), None),
            LoadedDraft::Resumed(draft) => (draft, None),
            LoadedDraft::Unreadable { backed_up } => (
                Draft::default(),
                Some(StorageNotice::Recovered { backed_up }),
            ),
            LoadedDraft::Unavailable => (Draft::default(), Some(StorageNotice::Unavailable)),
        };
        PledgeState {
            draft: RwSignal::new(draft),
            save_warned: StoredValue::new(notice == Some(StorageNotice::Unavailable)),
            notice: RwSignal::new(notice),
        }
    }

    /// Puts this state in context for the components below.
    pub fn provide(self) {
        provide_context(self);
    }

    /// The state provided by the widget root.
    pub fn use_context() -> Self {
        expect_context::<PledgeState>()
    }

    /// Reads the draft, tracking it.
    pub fn with<R>(&self, f: impl FnOnce(&Draft) -> R) -> R {
        self.draft.with(f)
    }

    /// Applies one action of the candidate.
    pub fn dispatch(&self, action: Action) {
        self.draft.update(|d| d.apply(action));
    }

    pub fn notice(&self) -> Option<StorageNotice> {
        self.notice.get()
    }

    pub fn dismiss_notice(&self) {
        self.notice.set(None);
    }

    /// Saves the draft whenever it changes. A refused save shows a notice
    /// once; the draft stays in memory either way.
    pub fn persist(self) {
        Effect::new(move |_| {
            let result = self.draft.with(web::save_draft);
            let notice = match result {
                Ok(()) => return,
                Err(SaveError::Unavailable) => StorageNotice::Unavailable,
                Err(SaveError::Refused) => StorageNotice::SaveFailed,
            };
            if !self.save_warned.get_value() {
                self.save_warned.set_value(true);
                self.notice.set(Some(notice));
            }
        });
    }
}
