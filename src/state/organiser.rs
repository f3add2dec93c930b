//! The organiser as the components see it, and the organiser's console
//! state.

use leptos::prelude::*;

use super::{AfterPaint, SharedIo, StoreError};
use crate::domain::{
    organiser::{
        follow_up::{FollowUp, Record},
        open_data,
        pledge_list::next_sequence,
    },
    Console, ConsoleRecord, EntryStatus, IntakeReport, KeyFileError, LinkError, Organiser,
    PastedLinks, PledgeKey, SigningDate, VerifiedPledge,
};

/// The organiser in context: the build's pinned one, unless a test or a
/// preview provides another (or none).
#[derive(Debug, Clone, Copy)]
pub struct OrganiserContext(pub Option<Organiser>);

/// The organiser the widget shows (see [`OrganiserContext`]).
pub fn organiser() -> Option<Organiser> {
    use_context::<OrganiserContext>().map_or_else(crate::settings::pinned_organiser, |c| c.0)
}

/// Whether the organiser's list vouches for the pledge on show, and since
/// when: set by the list's verdict (`ListVerdict`), read by the card, which
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

/// The console's two stored records, as `ConsoleState::stored` numbers
/// them: its pledges and statuses, and its follow-up.
const RECORD: usize = 0;
const FOLLOW_UP: usize = 1;

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
    /// The stored follow-up could not be read; it was set aside.
    pub follow_up_set_aside: bool,
    /// The published follow-up is not this console's, nor a beginning of
    /// it: publishing is held.
    pub follow_up_conflict: bool,
    /// How many records of the published follow-up were taken in.
    pub follow_up_taken_in: usize,
}

/// What « Publier » makes, to put next to the widget's files.
pub struct Published {
    /// `engagements.json`.
    pub list: String,
    /// `engagements.csv`.
    pub csv: String,
    /// `engagements.zip`: `engagements/index.json` and one shard per
    /// département (`docs/list-shards.md`).
    pub shards: Vec<u8>,
    /// How many pledges it lists.
    pub count: usize,
}

/// What the console is checking: the pledges of its stored record (it
/// opens once they are checked) or of a paste; `done` of `total`
/// signatures so far.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Checking {
    pub opening: bool,
    pub done: usize,
    pub total: usize,
}

/// The checks the browser gives: each payload's signature, in order.
pub type Checked = Vec<Result<VerifiedPledge, LinkError>>;

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
    /// The stored record read, its pledges still to check; nothing is
    /// saved until they are (an empty console never overwrites it).
    record: StoredValue<Option<(ConsoleRecord, String)>, LocalStorage>,
    checking: RwSignal<Option<Checking>>,
    /// An unreadable record could not be set aside: it stays where it is,
    /// and the console is not saved over it (said as « not saved »).
    hold: StoredValue<bool, LocalStorage>,
    /// The follow-up after the vote, kept apart from the record (its
    /// history only grows); `hold` as above, for its own unreadable text.
    follow_up: RwSignal<FollowUp>,
    follow_up_hold: StoredValue<bool, LocalStorage>,
    /// The sequence of the last list published in this tab.
    last_sequence: StoredValue<Option<u32>, LocalStorage>,
    /// The follow-up of the list published now, as last read.
    published_follow_up: StoredValue<Option<FollowUp>, LocalStorage>,
    /// A change is not in storage yet: it waits for the page to show it
    /// ([`ConsoleState::flush`]), or the browser refused it (tried again
    /// at the next flush).
    unsaved: StoredValue<bool, LocalStorage>,
    /// A flush is asked for after the next paint.
    flush_asked: StoredValue<bool, LocalStorage>,
    /// What the browser last said to saving each record, the console's
    /// and its follow-up's: the notices say a record not saved until it
    /// is, whatever the other's saves say.
    stored: StoredValue<[Result<(), StoreError>; 2], LocalStorage>,
    after_paint: StoredValue<AfterPaint, LocalStorage>,
}

impl ConsoleState {
    /// Opens the console: its stored record is read, and its pledges wait
    /// for their signatures' check ([`ConsoleState::record_to_check`],
    /// then [`ConsoleState::opened`]) before it shows them. Changes are
    /// saved once `after_paint` says the page shows them.
    pub fn open(io: SharedIo, after_paint: AfterPaint) -> Self {
        let mut notices = ConsoleNotices::default();
        // What the browser said of the record, kept for the notices.
        let mut stored_record = Ok(());
        let mut record = None;
        let mut hold = false;
        match io.get(Console::KEY) {
            Ok(Some(text)) => match Console::read_record(&text) {
                Ok(read) => record = Some((read, text)),
                Err(_) => {
                    notices.set_aside = true;
                    hold = !set_aside(&io, text);
                }
            },
            Ok(None) => {}
            Err(e) => {
                notices.not_saved = true;
                stored_record = Err(e);
            }
        }
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
        // The follow-up: an unreadable one is set aside, never overwritten.
        let mut follow_up_hold = false;
        let follow_up = match io.get(Console::FOLLOW_UP_KEY) {
            Ok(Some(text)) => FollowUp::from_stored(&text).unwrap_or_else(|_| {
                notices.follow_up_set_aside = true;
                let kept = match io.get(Console::FOLLOW_UP_BACKUP_KEY) {
                    Ok(None) => io.set(Console::FOLLOW_UP_BACKUP_KEY, &text).is_ok(),
                    Ok(Some(backup)) => backup == text,
                    Err(_) => false,
                };
                follow_up_hold = !(kept && io.remove(Console::FOLLOW_UP_KEY).is_ok());
                FollowUp::default()
            }),
            _ => FollowUp::default(),
        };
        let checking = record.as_ref().map(|(r, _): &(ConsoleRecord, _)| Checking {
            opening: true,
            done: 0,
            total: r.payloads().len(),
        });
        ConsoleState {
            io: StoredValue::new_local(io),
            console: RwSignal::new(Console::default()),
            key: RwSignal::new(key),
            pending_key: RwSignal::new(None),
            notices: RwSignal::new(notices),
            record: StoredValue::new_local(record),
            checking: RwSignal::new(checking),
            hold: StoredValue::new_local(hold),
            follow_up: RwSignal::new(follow_up),
            follow_up_hold: StoredValue::new_local(follow_up_hold),
            last_sequence: StoredValue::new_local(None),
            published_follow_up: StoredValue::new_local(None),
            unsaved: StoredValue::new_local(false),
            flush_asked: StoredValue::new_local(false),
            stored: StoredValue::new_local([stored_record, Ok(())]),
            after_paint: StoredValue::new_local(after_paint),
        }
    }

    /// Reads the follow-up, tracking it.
    pub fn with_follow_up<R>(&self, f: impl FnOnce(&FollowUp) -> R) -> R {
        self.follow_up.with(f)
    }

    /// Appends a record to the follow-up, once saved: whether it was (a
    /// record the browser does not keep is not taken, so that nothing is
    /// published that a reload would lose).
    pub fn record_follow_up(&self, record: Record) -> bool {
        if self.follow_up_hold.get_value() {
            return false;
        }
        let mut next = self.follow_up.get_untracked();
        next.record(record);
        let saved = self.io().set(Console::FOLLOW_UP_KEY, &next.to_stored());
        self.stored_as(FOLLOW_UP, saved);
        if saved.is_ok() {
            self.follow_up.set(next);
        }
        saved.is_ok()
    }

    /// The follow-up of the list published now: taken in where this
    /// console's is a beginning of it (a new device, storage cleared);
    /// where neither is the other's beginning, publishing is held (it
    /// would erase published records) and the console says so.
    pub fn saw_published(&self, published: &FollowUp) {
        self.published_follow_up.set_value(Some(published.clone()));
        let local = self.follow_up.get_untracked();
        if published.records.starts_with(&local.records) {
            let new = published.records.len() - local.records.len();
            if new > 0 && !self.follow_up_hold.get_value() {
                // Taken in even where the browser refuses to keep it (full,
                // or no storage): publishing from this console must never
                // leave out a published record. Said; a new record is then
                // not taken (`record_follow_up`), as a reload would lose it.
                let saved = self
                    .io()
                    .set(Console::FOLLOW_UP_KEY, &published.to_stored());
                self.follow_up.set(published.clone());
                self.notices.update(|n| n.follow_up_taken_in = new);
                self.stored_as(FOLLOW_UP, saved);
            }
        } else if !local.records.starts_with(&published.records) {
            self.notices.update(|n| n.follow_up_conflict = true);
        }
    }

    /// Where the published follow-up and this console's differ: takes the
    /// published one, this console's set aside first (never over another
    /// one set aside). Whether it was taken.
    pub fn take_published(&self) -> bool {
        // An unreadable stored follow-up that could not be set aside is
        // never written over.
        if self.follow_up_hold.get_value() {
            return false;
        }
        let Some(published) = self.published_follow_up.get_value() else {
            return false;
        };
        let local = self.follow_up.get_untracked().to_stored();
        let io = self.io();
        let kept = match io.get(Console::FOLLOW_UP_BACKUP_KEY) {
            Ok(None) => io.set(Console::FOLLOW_UP_BACKUP_KEY, &local).is_ok(),
            Ok(Some(backup)) => backup == local,
            Err(_) => false,
        };
        if !kept
            || io
                .set(Console::FOLLOW_UP_KEY, &published.to_stored())
                .is_err()
        {
            return false;
        }
        self.follow_up.set(published);
        self.notices.update(|n| n.follow_up_conflict = false);
        true
    }

    /// The stored record's pledges to check before the console opens.
    pub fn record_to_check(&self) -> Option<ConsoleRecord> {
        self.record
            .with_value(|r| r.as_ref().map(|(record, _)| record.clone()))
    }

    /// The console opens with the stored record, given the check of each
    /// of its pledges; one that fails sets the record aside, said.
    pub fn opened(&self, checked: Checked) {
        let Some((record, text)) = self.record.try_update_value(Option::take).flatten() else {
            return;
        };
        match Console::from_record(record, checked) {
            Ok(console) => self.console.set(console),
            Err(_) => {
                let kept = set_aside(&self.io(), text);
                self.hold.set_value(!kept);
                self.notices.update(|n| n.set_aside = true);
            }
        }
        self.checking.set(None);
    }

    /// What is being checked, tracking it (`None`: nothing).
    pub fn checking(&self) -> Option<Checking> {
        self.checking.get()
    }

    /// How many signatures of what is being checked are done.
    pub fn checked_so_far(&self, done: usize) {
        self.checking.update(|c| {
            if let Some(c) = c {
                c.done = done;
            }
        });
    }

    /// The console of the page (provided by `OrganiserConsole`).
    pub fn use_context() -> Self {
        expect_context::<ConsoleState>()
    }

    fn io(&self) -> SharedIo {
        self.io.get_value()
    }

    /// Whether the console's page is still there (a check that ends after
    /// it was left has nothing to give its answers to).
    pub fn is_shown(&self) -> bool {
        self.io.try_with_value(|_| ()).is_some()
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

    /// Says what the browser answered to saving `record` ([`RECORD`] or
    /// [`FOLLOW_UP`]).
    fn stored_as(&self, record: usize, saved: Result<(), StoreError>) {
        self.stored.update_value(|s| s[record] = saved);
        let stored = self.stored.get_value();
        self.notices.update(|n| {
            n.not_saved = stored.contains(&Err(StoreError::Unavailable));
            n.storage_full = stored.contains(&Err(StoreError::Refused));
        });
    }

    fn change(&self, f: impl FnOnce(&mut Console)) {
        if self.record.with_value(Option::is_some) {
            // Still opening: the stored record is not overwritten.
            return;
        }
        self.console.update(f);
        self.save_soon();
    }

    /// Saves once the page shows the change: at 50,000 pledges writing the
    /// record is a task of about 100 ms, which the person should not wait
    /// for. Changes meanwhile are saved together.
    fn save_soon(&self) {
        self.unsaved.set_value(true);
        if !self.flush_asked.get_value() {
            self.flush_asked.set_value(true);
            let this = *self;
            (self.after_paint.get_value())(Box::new(move || {
                if this.flush_asked.try_set_value(false).is_none() {
                    this.flush();
                }
            }));
        }
    }

    /// Saves what is not in storage yet (see [`ConsoleState::change`]):
    /// after the page shows a change, when the person leaves or hides the
    /// page, before publishing; a save the browser refused is tried again.
    /// Nothing once the console is gone.
    pub fn flush(&self) {
        if self.unsaved.try_get_value() == Some(true) {
            self.save();
        }
    }

    /// Another tab saved its console since: a save this tab could not make
    /// is not tried again when it is left (it would write an older console
    /// over the other tab's); its next change saves, as every change does.
    pub fn saved_elsewhere(&self) {
        // Only a save refused here since its last change: a change still
        // waiting for the page to show it is saved as it would be.
        let refused = self.stored.try_with_value(|s| s[RECORD].is_err()) == Some(true);
        if refused && self.flush_asked.try_get_value() == Some(false) {
            self.unsaved.set_value(false);
        }
    }

    /// Saves the console as it is (after [`ConsoleState::take_checked`];
    /// every other change is saved once shown, [`ConsoleState::flush`]).
    /// Never while it is opening.
    pub fn save(&self) {
        if self.record.with_value(Option::is_some) {
            return;
        }
        let saved = if self.hold.get_value() {
            Err(StoreError::Unavailable)
        } else {
            let text = self.console.with_untracked(Console::encode);
            self.io().set(Console::KEY, &text)
        };
        self.unsaved.set_value(saved.is_err());
        self.stored_as(RECORD, saved);
    }

    /// Finds and reads the pledge links in `text` for their check (`None`:
    /// too much text, refused whole); the console says it is checking
    /// them until [`ConsoleState::take_checked`]. `None` too while the
    /// console is still checking something.
    pub fn read_links(&self, text: &str) -> Option<Result<PastedLinks, IntakeReport>> {
        if self.checking.with_untracked(Option::is_some) {
            return None;
        }
        let Some(pasted) = Console::read_links(text) else {
            return Some(Err(IntakeReport {
                too_big: true,
                ..IntakeReport::default()
            }));
        };
        self.checking.set(Some(Checking {
            opening: false,
            done: 0,
            total: pasted.payloads().len(),
        }));
        Some(Ok(pasted))
    }

    /// Adds the valid pledges of `pasted`, given the check of each of its
    /// payloads; a verdict per link. Not saved yet: [`ConsoleState::save`]
    /// does, in the next task (at 30,000 links, taking them and writing
    /// the record are each a task of their own, so neither holds the page
    /// for long); any change before then saves them too.
    pub fn take_checked(&self, pasted: PastedLinks, checked: Checked) -> IntakeReport {
        let today = self.today();
        let mut report = IntakeReport::default();
        if self.record.with_value(Option::is_none) {
            self.console
                .update(|c| report = c.take_checked(pasted, checked, today));
            // Saved by the caller in the next task, or by a flush before.
            self.unsaved.set_value(true);
        }
        self.checking.set(None);
        report
    }

    pub fn set_status(&self, index: usize, status: EntryStatus) {
        let today = self.today();
        self.change(|c| c.set_status(index, status, today));
    }

    /// « Même candidat·e, nouvelle clé »: see `Console::link_new_key`.
    pub fn link_new_key(&self, old: usize, new: usize) -> bool {
        let today = self.today();
        let mut linked = false;
        self.change(|c| linked = c.link_new_key(old, new, today));
        linked
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
        let io = self.io();
        let saved = io.set(keys::ORGANISER_KEY, &key.to_stored()).is_ok();
        if saved {
            io.keep_storage();
        }
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
    /// and how many pledges they hold; `None` without a key, or while the
    /// console is still opening (it would publish an empty list). The list
    /// is numbered above the last this console published (kept in storage,
    /// and in memory should storage refuse) and above `seen`, the highest
    /// this browser read of the organiser's published lists (another
    /// browser's publication, a clock set back).
    pub fn publish(&self, seen: Option<u32>) -> Option<Published> {
        if self.record.with_value(Option::is_some) {
            return None;
        }
        // What is published is saved first (or said not to be).
        self.flush();
        let key = self.key.get_untracked()?;
        // Never over a follow-up it could not read (held) or that differs
        // from the published one: either would erase published records.
        if self.follow_up_hold.get_value() || self.notices.with_untracked(|n| n.follow_up_conflict)
        {
            return None;
        }
        let today = self.today();
        // Numbered above the last list published here (an unreadable or
        // refused record of it: numbered from the day, which a later day
        // still outgrows).
        let io = self.io();
        let stored = io
            .get(Console::SEQUENCE_KEY)
            .ok()
            .flatten()
            .and_then(|s| s.trim().parse().ok());
        let last = [stored, self.last_sequence.get_value(), seen]
            .into_iter()
            .flatten()
            .max();
        let sequence = next_sequence(today, last);
        self.last_sequence.set_value(Some(sequence));
        let _ = io.set(Console::SEQUENCE_KEY, &sequence.to_string());
        let follow_up = self.follow_up.get_untracked();
        self.console.with_untracked(|c| {
            let mut list = c.list(today, sequence);
            list.follow_up = follow_up;
            let rows = c
                .published()
                .map(|(g, (status, status_date))| open_data::OpenDataRow {
                    pledge: &g.pledge,
                    status,
                    status_date,
                });
            let csv = open_data::csv(rows);
            // The same list for the whole country: by département, with
            // its signed index, in one archive.
            let verdicts: Vec<_> = c.published().map(|(g, _)| Ok(g.pledge.clone())).collect();
            let (index, shards) = crate::domain::organiser::shards::publish(&list, &verdicts, &key);
            // The whole list and its open data in it too: one archive,
            // unpacked at once, never half a publication online.
            let text = list.publish(&key);
            let files: Vec<(String, Vec<u8>)> = [
                ("engagements.json".to_owned(), text.clone().into_bytes()),
                ("engagements.csv".to_owned(), csv.clone().into_bytes()),
                (
                    format!("{}index.json", crate::domain::organiser::shards::FOLDER),
                    index.into_bytes(),
                ),
            ]
            .into_iter()
            .chain(
                shards
                    .into_iter()
                    .map(|(path, text)| (path, text.into_bytes())),
            )
            .collect();
            Some(Published {
                list: text,
                csv,
                shards: crate::domain::organiser::zip::stored_zip(&files, today),
                count: list.entries.len(),
            })
        })
    }
}

/// Keeps an unreadable console record under [`Console::BACKUP_KEY`] (an
/// earlier, different backup is never overwritten) and removes it from its
/// own key; whether the console may now save there (false: the record, or
/// another tab's newer one, stays where it is, and the console holds).
fn set_aside(io: &SharedIo, text: String) -> bool {
    let kept = match io.get(Console::BACKUP_KEY) {
        Ok(Some(backup)) => backup == text,
        // An earlier backup that differs is never overwritten.
        Ok(None) => io.set(Console::BACKUP_KEY, &text).is_ok(),
        Err(_) => false,
    };
    // Removed only if it is still the record read: another tab may have
    // saved a newer one since, which this console then never saves over.
    if kept && io.get(Console::KEY) == Ok(Some(text)) {
        let _ = io.remove(Console::KEY);
    }
    kept && io.get(Console::KEY) == Ok(None)
}
