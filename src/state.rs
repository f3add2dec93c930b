//! The typed state layer between the components and the domain.
//!
//! [`PledgeState`] wraps the candidate's [`Draft`], key and signed pledge in
//! signals and is shared through context. Components read it and call its
//! methods; the domain does the logic; `web` does the I/O, here at the edge.

use leptos::prelude::*;

use crate::campaign::Campaign;
use crate::domain::{
    Action, Draft, DrawnSignature, Fragment, KeyFileError, Pledge, PledgeKey, ShareLink, Step,
    VerifiedPledge,
};
use crate::i18n::{Lang, Texts};
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

/// The candidate's last signed pledge: its payload text and what it says.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SignedRecord {
    pub payload: String,
    pub pledge: VerifiedPledge,
}

/// Why signing did not happen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SignError {
    /// The browser gave no secure randomness for a new key.
    NoRandomness,
    /// The identity is not complete (the step guards against this).
    Incomplete,
}

/// The widget's shared state. Cheap to copy: it holds signal handles only.
#[derive(Debug, Clone, Copy)]
pub struct PledgeState {
    draft: RwSignal<Draft>,
    notice: RwSignal<Option<StorageNotice>>,
    /// Whether the candidate was already told that saving fails, so that a
    /// dismissed warning does not come back at every keystroke.
    save_warned: StoredValue<bool>,
    key: RwSignal<Option<PledgeKey>>,
    signed: RwSignal<Option<SignedRecord>>,
}

impl PledgeState {
    /// State from what the browser has stored.
    pub fn open() -> Self {
        let key = web::load_key();
        let signed = web::load_signed().and_then(|payload| {
            match ShareLink::read(&format!("{}{payload}", ShareLink::MARKER)) {
                Fragment::Pledge(Ok(pledge)) => Some(SignedRecord { payload, pledge }),
                _ => None,
            }
        });
        Self::new(web::load_draft(), key, signed)
    }

    /// State for the journey build, which never signs: the key and the
    /// signed pledge stay in storage for the full build, and the step is
    /// kept as stored (the full build checks it against the signed pledge).
    pub fn open_journey() -> Self {
        let (draft, notice) = Self::loaded(web::load_draft());
        Self::from_parts(draft, notice, None, None)
    }

    /// State for what was found in storage.
    pub fn new(loaded: LoadedDraft, key: Option<PledgeKey>, signed: Option<SignedRecord>) -> Self {
        let (mut draft, notice) = Self::loaded(loaded);
        if draft.step == Step::Signed && signed.is_none() {
            draft.step = Step::Summary;
        }
        Self::from_parts(draft, notice, key, signed)
    }

    fn loaded(loaded: LoadedDraft) -> (Draft, Option<StorageNotice>) {
        match loaded {
            LoadedDraft::Fresh => (Draft::default(), None),
            LoadedDraft::Resumed(draft) => (draft, None),
            LoadedDraft::Unreadable { backed_up } => (
                Draft::default(),
                Some(StorageNotice::Recovered { backed_up }),
            ),
            LoadedDraft::Unavailable => (Draft::default(), Some(StorageNotice::Unavailable)),
        }
    }

    fn from_parts(
        draft: Draft,
        notice: Option<StorageNotice>,
        key: Option<PledgeKey>,
        signed: Option<SignedRecord>,
    ) -> Self {
        PledgeState {
            draft: RwSignal::new(draft),
            save_warned: StoredValue::new(notice == Some(StorageNotice::Unavailable)),
            notice: RwSignal::new(notice),
            key: RwSignal::new(key),
            signed: RwSignal::new(signed),
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

    /// The fingerprint of the candidate's key, if they have one yet.
    pub fn fingerprint(&self) -> Option<String> {
        self.key
            .with(|k| k.as_ref().map(|k| k.public().fingerprint()))
    }

    /// The last signed pledge, tracking it.
    pub fn signed(&self) -> Option<SignedRecord> {
        self.signed.get()
    }

    /// The share link of the last signed pledge, on this page.
    pub fn share_link(&self) -> Option<String> {
        self.signed.with(|s| {
            s.as_ref()
                .map(|s| ShareLink::with_payload(&web::page_url(), &s.payload))
        })
    }

    /// Signs the draft today with the candidate's key (made and kept on first
    /// use), keeps the result and moves to the signed step.
    pub fn sign(&self, drawing: Option<DrawnSignature>) -> Result<(), SignError> {
        let key = match self.key.get_untracked() {
            Some(key) => key,
            None => {
                let key = web::generate_key().ok_or(SignError::NoRandomness)?;
                web::save_key(&key);
                self.key.set(Some(key.clone()));
                key
            }
        };
        let pledge = self
            .draft
            .with_untracked(|d| Pledge::from_draft(d, web::today(), drawing))
            .map_err(|_| SignError::Incomplete)?;
        let signed = pledge.sign(&key);
        let payload = ShareLink::payload_text(&signed);
        web::save_signed(&payload);
        self.signed.set(Some(SignedRecord {
            payload,
            pledge: signed.verified(),
        }));
        self.dispatch(Action::GoTo(Step::Signed));
        Ok(())
    }

    /// The key as an export file, if there is a key.
    pub fn key_file(&self) -> Option<String> {
        self.key
            .with_untracked(|k| k.as_ref().map(PledgeKey::to_file))
    }

    /// Replaces the key with the one in an export file; returns its
    /// fingerprint.
    pub fn import_key(&self, file_text: &str) -> Result<String, KeyFileError> {
        let key = PledgeKey::from_file(file_text)?;
        web::save_key(&key);
        let fingerprint = key.public().fingerprint();
        self.key.set(Some(key));
        Ok(fingerprint)
    }

    /// Wipes the key, the signed pledge and every answer.
    pub fn forget_everything(&self) {
        web::forget_everything();
        self.key.set(None);
        self.signed.set(None);
        self.dispatch(Action::StartOver);
    }
}

/// The interface language, shared through context by the widget root.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Locale(pub Lang);

impl Locale {
    pub fn provide(self) {
        provide_context(self);
    }

    /// The language in context (French outside a widget).
    pub fn current() -> Lang {
        use_context::<Locale>().map_or(Lang::Fr, |l| l.0)
    }
}

/// The interface strings of the language in context.
pub fn texts() -> &'static Texts {
    Locale::current().texts()
}

/// The campaign as shown in the language in context.
pub fn campaign() -> &'static Campaign {
    Locale::current().campaign()
}
