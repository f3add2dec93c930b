//! The typed state layer between the components and the domain.
//!
//! [`PledgeState`] holds the candidate's [`Draft`], key and signed pledge in
//! signals and is shared through context. The widget root opens it once,
//! with the [`Io`] the build gives it, and keeps it for the widget's life:
//! switching language, opening a pledge link and coming back, or the full
//! build taking over never re-read storage. Components read it and call its
//! methods; the domain does the logic; every side effect goes through the
//! `Io`, and every failure comes back as a value the candidate is told of.
//!
//! This module builds on the host too: its rules are tested there with
//! [`MemoryIo`].

mod campaign_storage;
mod io;
mod locale;
mod organiser;

use leptos::prelude::*;

pub use campaign_storage::{for_this_campaign, heard, Heard, RECORDS};
pub use io::{AfterPaint, Handover, Io, MemoryIo, SharedIo, StoreError};
pub use locale::{
    campaign, console_texts, follow_up_texts, journey_text_signal, journey_texts, org_texts,
    shard_texts, text_signal, texts, wall_texts, Locale,
};
pub use organiser::{
    organiser, Checked, Checking, ConsoleNotices, ConsoleState, OrganiserContext, Published,
    Vouched,
};

use crate::domain::journey::candidate_text;
use crate::domain::{
    Action, CommuneCode, Draft, Drawing, DrawnSignature, EarlierPledge, EarlierPledges, Fragment,
    Kept, KeyFileError, Pledge, PledgeKey, SetAside, ShareLink, Step, StoredDraft, VerifiedPledge,
};

/// Where each record lives in the browser's storage.
pub mod keys {
    pub use crate::domain::StoredDraft;
    /// The candidate's signing key (`PledgeKey::to_stored`).
    pub const KEY: &str = "pw-pledge-widget/key/v1";
    /// A stored key that could not be read, kept rather than overwritten.
    pub const KEY_BACKUP: &str = "pw-pledge-widget/key/unreadable-backup";
    /// The payload text of the last signed pledge.
    pub const SIGNED: &str = "pw-pledge-widget/signed/v1";
    /// The language chosen with the switch.
    pub const LANG: &str = "pw-pledge-widget/lang/v1";
    /// In a partner's frame with storage apart: the candidate dismissed
    /// the notice that says so.
    pub const FRAME_TOLD: &str = "pw-pledge-widget/frame-storage-told/v1";
    /// Earlier drafts, set aside rather than lost (`SetAside`).
    pub const SET_ASIDE: &str = crate::domain::SetAside::KEY;
    /// The draft came from another page and was not signed yet.
    pub const FROM_ELSEWHERE: &str = "pw-pledge-widget/draft/from-elsewhere/v1";
    /// Links of pledges signed before the current one (`EarlierPledges`).
    pub const SIGNED_EARLIER: &str = crate::domain::EarlierPledges::KEY;
    /// Where older versions kept one unreadable draft: read once into
    /// [`SET_ASIDE`], then removed.
    pub const OLD_DRAFT_BACKUP: &str = "pw-pledge-widget/draft/unreadable-backup";
}

/// Answers that came from another page (`#d=…`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Arrival {
    /// They would replace answers of the candidate's own, or come where a
    /// pledge was signed: nothing changes until the candidate says which to
    /// keep.
    Asking {
        mine: Draft,
        received: Draft,
        /// A signed pledge is on this page (it stays either way).
        signed: bool,
    },
    /// The answers shown came from another page: to check before signing.
    Adopted,
}

/// A message about the draft's storage, shown above the current step.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StorageNotice {
    /// The stored draft could not be read; the widget started fresh.
    Recovered { backed_up: bool },
    /// No storage: answers live in memory only.
    Unavailable,
    /// A save was refused (quota full, say).
    SaveFailed,
    /// Another tab changed the answers; this one shows them now.
    ChangedElsewhere,
    /// A link carried answers that could not be read; nothing changed.
    CarriedUnreadable,
    /// Answers from another page were not taken: the candidate's own could
    /// not be set aside (storage full), so they stay.
    CannotSetAside,
    /// Another tab replaced the answers (with answers from another page, or
    /// set-aside ones); the earlier ones can be taken back.
    ReplacedElsewhere,
    /// Another tab forgot everything; so did this one.
    ForgottenElsewhere,
    /// In a partner's frame whose storage works but is kept for that site
    /// only ([`crate::domain::FrameStorage::Partitioned`]).
    Partitioned,
}

/// What the candidate must know about their key and signed pledge.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct KeyNotices {
    /// The key was made by the last signature: worth exporting now.
    pub created_now: bool,
    /// The key lives in memory only: it is lost when the tab closes.
    pub key_not_kept: bool,
    /// The signed pledge could not be kept (its link still works).
    pub signed_not_kept: bool,
    /// A stored key could not be read; it was kept under a backup key
    /// (`true`) or left in place (`false`), never overwritten.
    pub unreadable: Option<bool>,
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
    /// The signed pledge did not read back as valid (never expected).
    Unverifiable,
}

/// What reading a key file led to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ImportOutcome {
    /// There was no key: this one is now the candidate's (its fingerprint).
    Imported(String),
    /// The file holds the key already in use.
    AlreadyInUse(String),
    /// Another key is in use: nothing changed until the candidate confirms
    /// ([`PledgeState::confirm_import`]) or cancels.
    NeedsConsent { current: String, incoming: String },
}

/// Which records a build opens: the journey build never signs, so it leaves
/// the key and the signed pledge in storage for the full build. Function
/// pointers, like `components::Parts`, so that the journey build's wasm
/// holds no key or payload reading (the linker leaves out what only
/// [`Scope::FULL`] refers to).
#[derive(Debug, Clone, Copy)]
pub struct Scope {
    /// The key (and whether a damaged one was set aside) and the signed
    /// pledge, as stored.
    open_records: fn(&dyn Io) -> Records,
    /// A key another tab stored, read.
    read_key: fn(&str) -> Option<PledgeKey>,
    /// Whether the signed step needs a signed pledge here.
    signs: bool,
}

/// The records only the full build opens.
#[derive(Debug, Default)]
struct Records {
    key: Option<PledgeKey>,
    unreadable: Option<bool>,
    signed: Option<SignedRecord>,
}

impl Scope {
    /// Everything: the full build.
    pub const FULL: Scope = Scope {
        open_records,
        read_key,
        signs: true,
    };
    /// The draft only: the journey build.
    pub const JOURNEY: Scope = Scope {
        open_records: no_records,
        read_key: no_key,
        signs: false,
    };
}

fn open_records(io: &dyn Io) -> Records {
    let (key, unreadable) = load_key(io);
    Records {
        key,
        unreadable,
        signed: load_signed(io),
    }
}

fn no_records(_: &dyn Io) -> Records {
    Records::default()
}

fn read_key(text: &str) -> Option<PledgeKey> {
    PledgeKey::from_stored(text).ok()
}

fn no_key(_: &str) -> Option<PledgeKey> {
    None
}

/// The widget's shared state. Cheap to copy: it holds handles only.
#[derive(Debug, Clone, Copy)]
pub struct PledgeState {
    io: StoredValue<SharedIo, LocalStorage>,
    scope: StoredValue<Scope>,
    draft: RwSignal<Draft>,
    notice: RwSignal<Option<StorageNotice>>,
    /// Whether the candidate was already told that saving fails, so that a
    /// dismissed warning does not come back at every keystroke.
    save_warned: StoredValue<bool>,
    key: RwSignal<Option<PledgeKey>>,
    key_notices: RwSignal<KeyNotices>,
    /// A key file read but not yet used: waits for the candidate's consent.
    pending_import: RwSignal<Option<PledgeKey>>,
    signed: RwSignal<Option<SignedRecord>>,
    /// The handwritten signature being drawn: kept here so that a language
    /// switch (which re-renders the sign step) does not wipe it.
    drawing: RwSignal<Drawing>,
    /// Answers from another page, waiting for the candidate or to check.
    arrival: RwSignal<Option<Arrival>>,
    /// Earlier drafts the candidate can take back.
    set_aside: RwSignal<SetAside>,
    /// The stored payload of the last signed pledge, as text (read in every
    /// build: the journey build links to it without reading it).
    latest_signed: RwSignal<Option<String>>,
    /// Pledges signed before the last one.
    earlier: RwSignal<EarlierPledges>,
}

impl std::fmt::Debug for dyn Io {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Io")
    }
}

impl PledgeState {
    /// Opens what the browser kept (the draft handed over by the journey
    /// build first: it is the latest, and the only copy without storage).
    pub fn open(io: SharedIo, scope: Scope, handed_over_draft: Option<&str>) -> Self {
        let (mut draft, notice) = match handed_over_draft.map(StoredDraft::decode) {
            Some(Ok(draft)) => (draft, None),
            _ => load_draft(&*io),
        };
        let set_aside = load_set_aside(&*io);
        let latest_signed = io.get(keys::SIGNED).ok().flatten();
        let from_elsewhere = io.get(keys::FROM_ELSEWHERE) == Ok(Some("1".into()));
        let earlier = io
            .get(keys::SIGNED_EARLIER)
            .ok()
            .flatten()
            .and_then(|text| EarlierPledges::decode(&text))
            .unwrap_or_default();
        let Records {
            key,
            unreadable,
            signed,
        } = (scope.open_records)(&*io);
        // The journey build keeps the step as stored: the full build checks
        // it against the signed pledge.
        if scope.signs && draft.step == Step::Signed && signed.is_none() {
            draft.step = Step::Summary;
        }
        PledgeState {
            io: StoredValue::new_local(io),
            scope: StoredValue::new(scope),
            draft: RwSignal::new(draft),
            save_warned: StoredValue::new(notice == Some(StorageNotice::Unavailable)),
            notice: RwSignal::new(notice),
            key: RwSignal::new(key),
            key_notices: RwSignal::new(KeyNotices {
                unreadable,
                ..KeyNotices::default()
            }),
            pending_import: RwSignal::new(None),
            signed: RwSignal::new(signed),
            drawing: RwSignal::new(Drawing::default()),
            arrival: RwSignal::new(from_elsewhere.then_some(Arrival::Adopted)),
            set_aside: RwSignal::new(set_aside),
            latest_signed: RwSignal::new(latest_signed),
            earlier: RwSignal::new(earlier),
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

    fn io(&self) -> SharedIo {
        self.io.get_value()
    }

    /// Reads the draft, tracking it.
    pub fn with<R>(&self, f: impl FnOnce(&Draft) -> R) -> R {
        self.draft.with(f)
    }

    /// [`Self::with`], or `None` once the state is gone (the full build
    /// took the page over): for tasks that end after an `await`.
    pub fn try_with<R>(&self, f: impl FnOnce(&Draft) -> R) -> Option<R> {
        self.draft.try_with(f)
    }

    /// The draft's commune code with the commune as it would be signed.
    pub fn commune_pair(&self) -> Option<(CommuneCode, String)> {
        self.draft.try_with_untracked(|d| {
            let code = d.identity.commune_code?;
            Some((code, candidate_text::canonical(&d.identity.commune)))
        })?
    }

    /// Forgets the draft's commune code if the draft still pairs it with
    /// `name` (the referential gives that code another name).
    pub fn forget_commune_code_of(&self, code: CommuneCode, name: &str) {
        if self
            .commune_pair()
            .is_some_and(|(c, n)| c == code && n == name)
        {
            self.dispatch(Action::ForgetCommuneCode);
        }
    }

    /// Applies one action of the candidate and saves the draft if it
    /// changed. A refused save shows a notice once; the draft stays in
    /// memory either way.
    pub fn dispatch(&self, action: Action) {
        if action == Action::StartOver {
            self.drawing.set(Drawing::default());
            self.set_arrival(None);
        }
        let changed = self.draft.try_update(|d| {
            let before = d.clone();
            d.apply(action);
            *d != before
        });
        if changed == Some(true) {
            self.save_draft();
        }
    }

    fn save_draft(&self) {
        let text = self.draft.with_untracked(StoredDraft::encode);
        let io = self.io();
        io.keep_for_handover(&text);
        let notice = match io.set(StoredDraft::KEY, &text) {
            Ok(()) => return,
            Err(StoreError::Unavailable) => StorageNotice::Unavailable,
            Err(StoreError::Refused) => StorageNotice::SaveFailed,
        };
        if !self.save_warned.get_value() {
            self.save_warned.set_value(true);
            self.notice.set(Some(notice));
        }
    }

    /// Answers carried from another page (`#d=…`, see
    /// [`StoredDraft::carry_link`]): a partner's frame handing over to sign
    /// here, or any page at all. They never land past the summary (every
    /// commitment on screen first), and they are told to come from
    /// elsewhere. Where they would replace answers of the candidate's own,
    /// or a pledge was signed here, nothing changes until the candidate
    /// answers ([`Self::accept_arrival`], [`Self::refuse_arrival`]).
    pub fn receive_carried(&self, carried: Draft) {
        let received = carried.arriving();
        let mine = self.draft.get_untracked();
        let signed = self.latest_signed.with_untracked(Option::is_some);
        if signed || (mine.has_answers() && !mine.same_answers(&received)) {
            self.set_arrival(Some(Arrival::Asking {
                mine,
                received,
                signed,
            }));
        } else {
            // Nothing of the candidate's own to set aside: it cannot fail.
            let _ = self.replace_draft(received);
            self.set_arrival(Some(Arrival::Adopted));
        }
    }

    /// A link carried answers that cannot be read: nothing changed.
    pub fn carried_unreadable(&self) {
        self.notice.set(Some(StorageNotice::CarriedUnreadable));
    }

    /// Sets what came from another page. That the draft shown came from
    /// elsewhere is kept in storage too, so that a reload or the full
    /// build taking over still says it until the candidate signs.
    fn set_arrival(&self, arrival: Option<Arrival>) {
        let io = self.io();
        let _ = if arrival == Some(Arrival::Adopted) {
            io.set(keys::FROM_ELSEWHERE, "1")
        } else {
            io.remove(keys::FROM_ELSEWHERE)
        };
        self.arrival.set(arrival);
    }

    /// Answers from another page, waiting or to check, without tracking.
    pub fn arrival_untracked(&self) -> Option<Arrival> {
        self.arrival.get_untracked()
    }

    /// Answers from another page, waiting or to check, tracking them.
    pub fn arrival(&self) -> Option<Arrival> {
        self.arrival.get()
    }

    /// « Remplacer mes réponses »: the received answers become the draft;
    /// the candidate's own are set aside.
    /// Where the candidate's own answers cannot be set aside (storage full),
    /// they stay: nothing is replaced, and the candidate is told.
    pub fn accept_arrival(&self) {
        if let Some(Arrival::Asking { received, .. }) = self.arrival.get_untracked() {
            if self.replace_draft(received).is_err() {
                self.set_arrival(None);
                self.notice.set(Some(StorageNotice::CannotSetAside));
                return;
            }
            self.set_arrival(Some(Arrival::Adopted));
        }
    }

    /// « Garder les miennes »: nothing changes; the received answers are
    /// dropped (they are still wherever they came from).
    pub fn refuse_arrival(&self) {
        self.set_arrival(None);
    }

    /// The candidate checked the answers that came from elsewhere (or
    /// signed them): the reminder goes.
    pub fn arrival_checked(&self) {
        if self.arrival.get_untracked() == Some(Arrival::Adopted) {
            self.set_arrival(None);
        }
    }

    /// Makes `draft` the candidate's draft, setting the current one aside
    /// first (if it has answers of its own), and saves. A set-aside copy
    /// the browser refused (storage full) replaces nothing: the current
    /// draft stays. (Without any storage, the tab's memory keeps both.)
    fn replace_draft(&self, draft: Draft) -> Result<(), StoreError> {
        let current = self.draft.get_untracked();
        if !current.same_answers(&draft) {
            if let Err(StoreError::Refused) = self.set_aside(Kept::Draft(current)) {
                return Err(StoreError::Refused);
            }
        }
        self.drawing.set(Drawing::default());
        self.draft.set(draft);
        self.save_draft();
        Ok(())
    }

    /// Keeps `kept` in the set-aside list (re-read first: another tab may
    /// have kept something since). What could not be written stays in this
    /// tab's list, shown all the same.
    fn set_aside(&self, kept: Kept) -> Result<(), StoreError> {
        let io = self.io();
        let mut list = load_set_aside(&*io);
        let written = if list.keep(io.today(), kept) {
            io.set(keys::SET_ASIDE, &list.encode())
        } else {
            Ok(())
        };
        self.set_aside.set(list);
        written
    }

    /// Earlier drafts the candidate can take back, newest first.
    pub fn set_aside_drafts(&self) -> SetAside {
        self.set_aside.get()
    }

    /// « Reprendre ces réponses »: the set-aside draft at `index` becomes
    /// the draft (at most at the summary); the current one takes its place
    /// in the list. An unreadable item is not a draft: nothing happens.
    pub fn restore(&self, index: usize) {
        let io = self.io();
        let mut list = load_set_aside(&*io);
        let Some(Kept::Draft(draft)) = list.items().get(index).map(|i| i.kept.clone()) else {
            return;
        };
        list.take(index);
        let current = self.draft.get_untracked();
        if !current.same_answers(&draft) {
            list.keep(io.today(), Kept::Draft(current));
        }
        // The current answers must be kept before they are replaced.
        if let Err(StoreError::Refused) = io.set(keys::SET_ASIDE, &list.encode()) {
            self.notice.set(Some(StorageNotice::CannotSetAside));
            return;
        }
        self.set_aside.set(list);
        self.drawing.set(Drawing::default());
        self.draft.set(draft.arriving());
        self.save_draft();
        self.set_arrival(None);
        if matches!(
            self.notice.get_untracked(),
            Some(StorageNotice::ReplacedElsewhere | StorageNotice::Recovered { .. })
        ) {
            self.notice.set(None);
        }
    }

    /// The payload of the last signed pledge, as stored, tracking it.
    pub fn latest_signed_payload(&self) -> Option<String> {
        self.latest_signed.get()
    }

    /// Pledges signed before the last one, newest first, tracking them.
    pub fn earlier_pledges(&self) -> Vec<EarlierPledge> {
        self.earlier.with(|e| e.items().to_vec())
    }

    /// The widget's hand-over page (next to `page_url`) carrying the
    /// current draft and the frame's hand-over `token`: how a partner's
    /// frame opens the widget's own page.
    pub fn carry_link(&self, page_url: &str, token: &str) -> String {
        let hand_over = crate::domain::hand_over_url(page_url);
        self.draft
            .with(|d| StoredDraft::carry_link_from_frame(&hand_over, d, token))
    }

    pub fn notice(&self) -> Option<StorageNotice> {
        self.notice.get()
    }

    pub fn dismiss_notice(&self) {
        if self.notice.get_untracked() == Some(StorageNotice::Partitioned) {
            // Said once per partner site, not at every visit.
            let _ = self.io().set(keys::FRAME_TOLD, "1");
        }
        self.notice.set(None);
    }

    /// This partner's frame keeps its storage apart from the widget's own
    /// page: tells the candidate, unless another notice is showing, storage
    /// is refused (its own notice says so) or they dismissed this one
    /// before on this site.
    pub fn storage_kept_apart(&self) {
        if self.notice.get_untracked().is_some() {
            return;
        }
        if let Ok(None) = self.io().get(keys::FRAME_TOLD) {
            self.notice.set(Some(StorageNotice::Partitioned));
        }
    }

    /// The handwritten signature being drawn on the sign step.
    pub fn drawing(&self) -> RwSignal<Drawing> {
        self.drawing
    }

    /// Today, as a signature would be dated.
    pub fn today(&self) -> crate::domain::SigningDate {
        self.io().today()
    }

    /// The fingerprint of the candidate's key, if they have one yet.
    pub fn fingerprint(&self) -> Option<String> {
        self.key
            .with(|k| k.as_ref().map(|k| k.public().fingerprint()))
    }

    /// What the candidate must know about their key, tracking it.
    pub fn key_notices(&self) -> KeyNotices {
        self.key_notices.get()
    }

    /// The last signed pledge, without tracking it.
    pub fn signed_untracked(&self) -> Option<SignedRecord> {
        self.signed.get_untracked()
    }

    /// The last signed pledge, tracking it.
    pub fn signed(&self) -> Option<SignedRecord> {
        self.signed.get()
    }

    /// The share link of the last signed pledge, on the page at `page_url`.
    pub fn share_link(&self, page_url: &str) -> Option<String> {
        self.signed.with(|s| {
            s.as_ref()
                .map(|s| ShareLink::with_payload(page_url, &s.payload))
        })
    }

    /// The key to sign with: the one in storage first (another tab may
    /// have made or imported one since this tab opened), else the one in
    /// memory, else a new one, kept at once. Never overwrites a stored key
    /// that could not be read.
    fn signing_key(&self) -> Result<PledgeKey, SignError> {
        let io = self.io();
        let (stored, unreadable) = load_key(&*io);
        if let Some(key) = stored {
            self.key.set(Some(key.clone()));
            return Ok(key);
        }
        if unreadable.is_some() {
            self.key_notices.update(|s| s.unreadable = unreadable);
        }
        let (key, created) = match self.key.get_untracked() {
            Some(key) => (key, false),
            None => {
                let seed = io.random_seed().ok_or(SignError::NoRandomness)?;
                (PledgeKey::from_seed(seed), true)
            }
        };
        let kept = self.keep_key(&key);
        self.key.set(Some(key.clone()));
        self.key_notices.update(|s| {
            s.created_now |= created;
            s.key_not_kept = kept.is_err();
        });
        Ok(key)
    }

    /// Writes the key, unless a stored key that could not be read (and
    /// could not be backed up) would be overwritten.
    fn keep_key(&self, key: &PledgeKey) -> Result<(), StoreError> {
        if self
            .key_notices
            .with_untracked(|s| s.unreadable == Some(false))
        {
            return Err(StoreError::Refused);
        }
        let io = self.io();
        io.set(keys::KEY, &key.to_stored())?;
        // Kept: ask the browser not to erase it with the rest (Safari
        // erases a site's storage after 7 days without a visit).
        io.keep_storage();
        Ok(())
    }

    /// Signs the draft today with the candidate's key, keeps the result and
    /// moves to the signed step. What could not be kept is in
    /// [`Self::key_notices`].
    pub fn sign(&self, drawing: Option<DrawnSignature>) -> Result<(), SignError> {
        let io = self.io();
        let pledge = self
            .draft
            .with_untracked(|d| Pledge::from_draft(d, io.today(), drawing))
            .map_err(|_| SignError::Incomplete)?;
        let key = self.signing_key()?;
        let payload = ShareLink::payload_text(&pledge.sign(&key));
        // Read back as any visitor will read the link.
        let record = read_signed(payload).ok_or(SignError::Unverifiable)?;
        // The previous link is kept among the earlier ones first; if it
        // cannot be, the stored pledge is not overwritten (the new one's
        // link is on screen, and the candidate is told it was not kept).
        let kept = match self.keep_earlier_pledge(&record.payload) {
            Ok(()) => io.set(keys::SIGNED, &record.payload),
            Err(e) => Err(e),
        };
        self.key_notices
            .update(|s| s.signed_not_kept = kept.is_err());
        self.latest_signed.set(Some(record.payload.clone()));
        self.signed.set(Some(record));
        self.arrival_checked();
        self.dispatch(Action::GoTo(Step::Signed));
        Ok(())
    }

    /// Before a new signature replaces the stored one: the stored pledge
    /// (as stored now: another tab may have signed since) joins the earlier
    /// ones, so its link stays reachable. An earlier list that cannot be
    /// read is set aside whole, never overwritten.
    fn keep_earlier_pledge(&self, new_payload: &str) -> Result<(), StoreError> {
        let io = self.io();
        let Some(previous) = io.get(keys::SIGNED).ok().flatten() else {
            return Ok(());
        };
        if previous == new_payload {
            return Ok(());
        }
        let mut earlier = match io.get(keys::SIGNED_EARLIER) {
            Ok(Some(text)) => match EarlierPledges::decode(&text) {
                Some(earlier) => earlier,
                None => {
                    self.set_aside(Kept::Unreadable(text))?;
                    EarlierPledges::default()
                }
            },
            _ => EarlierPledges::default(),
        };
        let (day, count) = match read_signed(previous.clone()) {
            Some(r) => (
                r.pledge.pledge().date(),
                r.pledge.pledge().selection().count(),
            ),
            None => (io.today(), 0),
        };
        earlier.keep(EarlierPledge {
            payload: previous,
            day,
            count,
        });
        let written = io.set(keys::SIGNED_EARLIER, &earlier.encode());
        self.earlier.set(earlier);
        written
    }

    /// The key as an export file, if there is a key.
    pub fn key_file(&self) -> Option<String> {
        self.key
            .with_untracked(|k| k.as_ref().map(PledgeKey::to_file))
    }

    /// Reads a key file. Where another key is in use, nothing changes until
    /// the candidate confirms: see [`ImportOutcome::NeedsConsent`].
    pub fn import_key(&self, file_text: &str) -> Result<ImportOutcome, KeyFileError> {
        let incoming = PledgeKey::from_file(file_text)?;
        let incoming_fp = incoming.public().fingerprint();
        // Another tab may have a key in storage that this one never saw.
        if let (Some(stored), _) = load_key(&*self.io()) {
            self.key.set(Some(stored));
        }
        match self.fingerprint() {
            Some(current) if current == incoming_fp => Ok(ImportOutcome::AlreadyInUse(current)),
            Some(current) => {
                self.pending_import.set(Some(incoming));
                Ok(ImportOutcome::NeedsConsent {
                    current,
                    incoming: incoming_fp,
                })
            }
            None => {
                self.use_key(incoming);
                Ok(ImportOutcome::Imported(incoming_fp))
            }
        }
    }

    /// The key waiting for consent, by fingerprint.
    pub fn pending_import(&self) -> Option<String> {
        self.pending_import
            .with(|k| k.as_ref().map(|k| k.public().fingerprint()))
    }

    /// Replaces the current key by the one waiting for consent; returns its
    /// fingerprint.
    pub fn confirm_import(&self) -> Option<String> {
        let key = self.pending_import.try_update(Option::take).flatten()?;
        let fingerprint = key.public().fingerprint();
        self.use_key(key);
        Some(fingerprint)
    }

    /// Drops the key waiting for consent; the current one stays.
    pub fn cancel_import(&self) {
        self.pending_import.set(None);
    }

    fn use_key(&self, key: PledgeKey) {
        let kept = self.keep_key(&key);
        self.key.set(Some(key));
        self.key_notices.set(KeyNotices {
            key_not_kept: kept.is_err(),
            ..KeyNotices::default()
        });
    }

    /// Wipes the key, the signed pledge and every answer, here and in
    /// storage (other tabs follow through [`Self::changed_elsewhere`]).
    pub fn forget_everything(&self) {
        let io = self.io();
        for key in [
            keys::KEY,
            keys::KEY_BACKUP,
            keys::SIGNED,
            keys::FRAME_TOLD,
            keys::SET_ASIDE,
            keys::SIGNED_EARLIER,
            keys::FROM_ELSEWHERE,
            keys::OLD_DRAFT_BACKUP,
            StoredDraft::KEY,
        ] {
            let _ = io.remove(key);
        }
        self.clear_memory();
        io.keep_for_handover(&StoredDraft::encode(&Draft::default()));
    }

    fn clear_memory(&self) {
        self.key.set(None);
        self.signed.set(None);
        self.latest_signed.set(None);
        self.earlier.set(EarlierPledges::default());
        self.set_aside.set(SetAside::default());
        self.set_arrival(None);
        self.pending_import.set(None);
        self.key_notices.set(KeyNotices::default());
        self.draft.set(Draft::default());
        self.drawing.set(Drawing::default());
    }

    /// Another tab changed a record (a `storage` event): `key` is `None`
    /// when that tab cleared all storage, `value` is `None` when the record
    /// was removed. This tab follows, and never writes the old data back.
    pub fn changed_elsewhere(&self, key: Option<&str>, value: Option<&str>) {
        match (key, value) {
            (None, _) => self.forgotten_elsewhere(),
            (Some(StoredDraft::KEY), None) => self.forgotten_elsewhere(),
            (Some(StoredDraft::KEY), Some(text)) => {
                let Ok(theirs) = StoredDraft::decode(text) else {
                    return;
                };
                let mut changed = false;
                self.draft.update(|d| {
                    let before = d.clone();
                    d.adopt_answers_from(theirs);
                    // Answers changed elsewhere (replaced by another page's,
                    // or edited) are seen whole before anything is signed:
                    // a tab at the sign step goes back to the summary, as a
                    // carried draft never lands past it.
                    if d.step == Step::Sign && !d.same_answers(&before) {
                        *d = d.clone().arriving();
                    }
                    changed = *d != before;
                });
                // A replacement, said first (set-aside list written
                // before the draft), is not downgraded to a mere change.
                if changed && self.notice.get_untracked() != Some(StorageNotice::ReplacedElsewhere)
                {
                    self.notice.set(Some(StorageNotice::ChangedElsewhere));
                }
            }
            (Some(keys::SET_ASIDE), text) => {
                let list = text
                    .map(|t| SetAside::decode(t, self.io().today()))
                    .unwrap_or_default();
                let grew = list.items().first().is_some_and(|first| {
                    self.set_aside
                        .with_untracked(|mine| mine.items().first() != Some(first))
                });
                self.set_aside.set(list);
                if grew {
                    self.notice.set(Some(StorageNotice::ReplacedElsewhere));
                }
            }
            (Some(keys::SIGNED), value) => {
                self.latest_signed.set(value.map(str::to_owned));
                if value.is_none() {
                    self.signed.set(None);
                }
            }
            // Another tab took answers from another page: this one shows
            // them too (through the draft's event) and says so.
            (Some(keys::FROM_ELSEWHERE), value) => {
                let asking = matches!(self.arrival.get_untracked(), Some(Arrival::Asking { .. }));
                if !asking {
                    self.arrival
                        .set((value == Some("1")).then_some(Arrival::Adopted));
                }
            }
            (Some(keys::SIGNED_EARLIER), value) => self
                .earlier
                .set(value.and_then(EarlierPledges::decode).unwrap_or_default()),
            (Some(keys::KEY), Some(text)) => {
                if let Some(key) = (self.scope.get_value().read_key)(text) {
                    self.key.set(Some(key));
                }
            }
            (Some(keys::KEY), None) => self.key.set(None),
            _ => {}
        }
    }

    fn forgotten_elsewhere(&self) {
        let had_something = self.draft.with_untracked(|d| *d != Draft::default())
            || self.key.with_untracked(Option::is_some);
        self.clear_memory();
        if had_something {
            self.notice.set(Some(StorageNotice::ForgottenElsewhere));
        }
    }
}

/// The stored draft, or why there is none. A record that cannot be read
/// is set aside (as its text), never deleted.
fn load_draft(io: &dyn Io) -> (Draft, Option<StorageNotice>) {
    match io.get(StoredDraft::KEY) {
        Ok(None) => (Draft::default(), None),
        Ok(Some(text)) => match StoredDraft::decode(&text) {
            Ok(draft) => (draft, None),
            Err(_) => {
                let mut list = load_set_aside(io);
                list.keep(io.today(), Kept::Unreadable(text));
                let backed_up = io.set(keys::SET_ASIDE, &list.encode()).is_ok();
                if backed_up {
                    // Kept aside: the main record starts afresh, so that
                    // the next visit does not recover it again.
                    let _ = io.set(StoredDraft::KEY, &StoredDraft::encode(&Draft::default()));
                }
                (
                    Draft::default(),
                    Some(StorageNotice::Recovered { backed_up }),
                )
            }
        },
        Err(_) => (Draft::default(), Some(StorageNotice::Unavailable)),
    }
}

/// The set-aside drafts, with the one unreadable record older versions
/// kept (moved into the list once, then removed).
fn load_set_aside(io: &dyn Io) -> SetAside {
    let mut list = match io.get(keys::SET_ASIDE) {
        Ok(Some(text)) => SetAside::decode(&text, io.today()),
        _ => SetAside::default(),
    };
    if let Ok(Some(old)) = io.get(keys::OLD_DRAFT_BACKUP) {
        let kept = match StoredDraft::decode(&old) {
            Ok(draft) => Kept::Draft(draft),
            Err(_) => Kept::Unreadable(old),
        };
        list.keep(io.today(), kept);
        if io.set(keys::SET_ASIDE, &list.encode()).is_ok() {
            let _ = io.remove(keys::OLD_DRAFT_BACKUP);
        }
    }
    list
}

/// The stored key; a stored text that is not a key is copied to the
/// backup key (`Some(true)`), or left where it is if even that fails
/// (`Some(false)`), and never overwritten.
fn load_key(io: &dyn Io) -> (Option<PledgeKey>, Option<bool>) {
    let Ok(Some(text)) = io.get(keys::KEY) else {
        return (None, None);
    };
    match PledgeKey::from_stored(&text) {
        Ok(key) => (Some(key), None),
        Err(_) => {
            let backed_up = io.get(keys::KEY_BACKUP) == Ok(Some(text.clone()))
                || io.set(keys::KEY_BACKUP, &text).is_ok();
            if backed_up {
                let _ = io.remove(keys::KEY);
            }
            (None, Some(backed_up))
        }
    }
}

fn load_signed(io: &dyn Io) -> Option<SignedRecord> {
    read_signed(io.get(keys::SIGNED).ok().flatten()?)
}

/// A payload text, read and verified as a pledge link's visitor would.
fn read_signed(payload: String) -> Option<SignedRecord> {
    match ShareLink::read(&format!("{}{payload}", ShareLink::MARKER)) {
        Fragment::Pledge(Ok(pledge)) => Some(SignedRecord { payload, pledge }),
        _ => None,
    }
}

#[cfg(test)]
mod tests;
