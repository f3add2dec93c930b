//! The organiser as the components see it, and the organiser's console
//! state.

use leptos::prelude::*;

use super::{SharedIo, StoreError};
use crate::domain::{
    open_data, Console, IntakeReport, KeyFileError, Organiser, PledgeKey, SigningDate, Status,
};

/// The organiser in context: the build's pinned one, unless a test or a
/// preview provides another (or none).
#[derive(Debug, Clone, Copy)]
pub struct OrganiserContext(pub Option<Organiser>);

/// The organiser the widget shows (see [`OrganiserContext`]).
pub fn organiser() -> Option<Organiser> {
    use_context::<OrganiserContext>().map_or_else(Organiser::pinned, |c| c.0)
}

/// Whether the organiser's list vouches for the pledge on show, and since
/// when: set by the list's verdict (`ListStatus`), read by the card, which
/// shows the verified mark only then. Provided by the pledge link's page.
#[derive(Debug, Clone, Copy)]
pub struct Vouched(pub RwSignal<Option<SigningDate>>);

impl Vouched {
    /// The date the list vouches from, tracking it (`None` outside a
    /// pledge link's page, or until the list says so).
    pub fn date() -> Option<SigningDate> {
        use_context::<Vouched>().and_then(|v| v.0.try_get().flatten())
    }
}

/// Storage keys of the organiser's records, apart from the candidate's.
pub mod keys {
    pub const ORGANISER_KEY: &str = "pw-pledge-widget/organiser-key/v1";
    pub const ORGANISER_KEY_BACKUP: &str = "pw-pledge-widget/organiser-key/unreadable-backup";
}

/// What the console must tell the organiser about storage.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ConsoleNotices {
    /// The console's record could not be read; it was set aside.
    pub set_aside: bool,
    /// A stored organiser key could not be read; it was set aside.
    pub key_set_aside: bool,
    /// The console could not be saved (no storage): work lives in this
    /// tab only.
    pub not_saved: bool,
    /// The browser refused to save the console (its storage is full): the
    /// latest changes live in this tab only; publishing and exporting
    /// still work.
    pub storage_full: bool,
    /// The key could not be saved: export it.
    pub key_not_saved: bool,
}

/// The organiser's console: the gathered pledges and the organiser's key,
/// saved at every change, with the same care as the candidate's draft
/// (nothing unreadable is overwritten; nothing replaces the key without
/// consent).
#[derive(Debug, Clone, Copy)]
pub struct ConsoleState {
    io: StoredValue<SharedIo, LocalStorage>,
    console: RwSignal<Console>,
    key: RwSignal<Option<PledgeKey>>,
    pending_key: RwSignal<Option<PledgeKey>>,
    notices: RwSignal<ConsoleNotices>,
}

impl ConsoleState {
    pub fn open(io: SharedIo) -> Self {
        let mut notices = ConsoleNotices::default();
        let console = match io.get(Console::KEY) {
            Ok(Some(text)) => Console::decode(&text).unwrap_or_else(|_| {
                let kept = io.get(Console::BACKUP_KEY) == Ok(Some(text.clone()))
                    || io.set(Console::BACKUP_KEY, &text).is_ok();
                if kept {
                    let _ = io.remove(Console::KEY);
                }
                notices.set_aside = true;
                Console::default()
            }),
            Ok(None) => Console::default(),
            Err(_) => {
                notices.not_saved = true;
                Console::default()
            }
        };
        let key = match io.get(keys::ORGANISER_KEY) {
            Ok(Some(text)) => PledgeKey::from_stored(&text).ok().or_else(|| {
                if io.set(keys::ORGANISER_KEY_BACKUP, &text).is_ok() {
                    let _ = io.remove(keys::ORGANISER_KEY);
                }
                notices.key_set_aside = true;
                None
            }),
            _ => None,
        };
        ConsoleState {
            io: StoredValue::new_local(io),
            console: RwSignal::new(console),
            key: RwSignal::new(key),
            pending_key: RwSignal::new(None),
            notices: RwSignal::new(notices),
        }
    }

    /// The console of the page (provided by `OrganiserConsole`).
    pub fn use_context() -> Self {
        expect_context::<ConsoleState>()
    }

    fn io(&self) -> SharedIo {
        self.io.get_value()
    }

    pub fn today(&self) -> SigningDate {
        self.io().today()
    }

    /// Reads the console, tracking it.
    pub fn with<R>(&self, f: impl FnOnce(&Console) -> R) -> R {
        self.console.with(f)
    }

    pub fn notices(&self) -> ConsoleNotices {
        self.notices.get()
    }

    fn change(&self, f: impl FnOnce(&mut Console)) {
        self.console.update(f);
        let text = self.console.with_untracked(Console::encode);
        let saved = self.io().set(Console::KEY, &text);
        self.notices.update(|n| {
            n.not_saved = saved == Err(StoreError::Unavailable);
            n.storage_full = saved == Err(StoreError::Refused);
        });
    }

    /// Checks and adds every pledge link in `text`; a verdict per link.
    pub fn take_links(&self, text: &str) -> IntakeReport {
        let today = self.today();
        let mut report = IntakeReport::default();
        self.change(|c| report = c.take_links(text, today));
        report
    }

    pub fn set_status(&self, index: usize, status: Status) {
        let today = self.today();
        self.change(|c| c.set_status(index, status, today));
    }

    pub fn set_note(&self, index: usize, note: &str) {
        self.change(|c| c.set_note(index, note));
    }

    pub fn remove(&self, index: usize) {
        self.change(|c| c.remove(index));
    }

    /// The organiser's key, tracking it.
    pub fn key(&self) -> Option<PledgeKey> {
        self.key.get()
    }

    fn keep_key(&self, key: PledgeKey) {
        let saved = self.io().set(keys::ORGANISER_KEY, &key.to_stored()).is_ok();
        self.notices.update(|n| n.key_not_saved = !saved);
        self.key.set(Some(key));
    }

    /// Makes the organiser's key; never over an existing one.
    pub fn create_key(&self) -> Result<(), StoreError> {
        if self.key.with_untracked(Option::is_some) {
            return Ok(());
        }
        let seed = self.io().random_seed().ok_or(StoreError::Unavailable)?;
        self.keep_key(PledgeKey::from_seed(seed));
        Ok(())
    }

    /// Reads an organiser key file: used at once if there is no key (or
    /// it is the same one); else kept pending until the organiser consents
    /// ([`ConsoleState::confirm_key`]).
    pub fn import_key(&self, file: &str) -> Result<(), KeyFileError> {
        let incoming = PledgeKey::from_organiser_file(file)?;
        match self.key.get_untracked() {
            Some(current) if current.public() != incoming.public() => {
                self.pending_key.set(Some(incoming));
            }
            _ => self.keep_key(incoming),
        }
        Ok(())
    }

    /// The key waiting for consent: (current, incoming) fingerprints.
    pub fn pending_key(&self) -> Option<(String, String)> {
        let incoming = self.pending_key.get()?;
        let current = self.key.get()?;
        Some((
            current.public().fingerprint(),
            incoming.public().fingerprint(),
        ))
    }

    pub fn confirm_key(&self) {
        if let Some(key) = self.pending_key.get_untracked() {
            self.pending_key.set(None);
            self.keep_key(key);
        }
    }

    pub fn cancel_key(&self) {
        self.pending_key.set(None);
    }

    pub fn key_file(&self) -> Option<String> {
        self.key
            .with_untracked(|k| k.as_ref().map(PledgeKey::to_organiser_file))
    }

    /// The two files to publish (`engagements.json`, `engagements.csv`)
    /// and how many pledges they hold; `None` without a key.
    pub fn publish(&self) -> Option<(String, String, usize)> {
        let key = self.key.get_untracked()?;
        let today = self.today();
        self.console.with_untracked(|c| {
            let list = c.list(today);
            let rows = c
                .published()
                .map(|(g, (status, status_date))| open_data::OpenDataRow {
                    pledge: &g.pledge,
                    status,
                    status_date,
                });
            let csv = open_data::csv(rows);
            Some((list.publish(&key), csv, list.entries.len()))
        })
    }
}
