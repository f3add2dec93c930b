//! Every record under the campaign's own keys (`campaign::stored_key`), so
//! that two campaigns served from one origin never share a draft, a key or
//! a pledge; and the records of builds from before campaign keys, read in
//! place (never moved, so never lost half-way) by the campaign that adopts
//! them.
//!
//! Reading through rather than moving: a move can fail half-way (a full
//! quota: the organiser's console may take most of it), leave the key and
//! the signed pledge apart, and a tab of the build before, still open
//! during the deploy, would hear the old records removed as « forget me ».
//! Here the old record is read until this campaign writes its own, and
//! removed only with it (« forget me » forgets both).

use std::rc::Rc;

use crate::campaign::{record_name, stored_key, ADOPTS_UNSCOPED_STORAGE};
use crate::domain::{Console, EarlierPledges, SetAside, SigningDate, StoredDraft};

use super::{keys, organiser, Handover, Io, SharedIo, StoreError};

/// Every record the widget keeps, by the name the code gives it (also the
/// key builds before campaign keys stored it under).
pub const RECORDS: [&str; 17] = [
    StoredDraft::KEY,
    SetAside::KEY,
    EarlierPledges::KEY,
    keys::KEY,
    keys::KEY_BACKUP,
    keys::SIGNED,
    keys::LANG,
    keys::FRAME_TOLD,
    keys::FROM_ELSEWHERE,
    keys::OLD_DRAFT_BACKUP,
    Console::KEY,
    Console::BACKUP_KEY,
    Console::SEQUENCE_KEY,
    Console::FOLLOW_UP_KEY,
    Console::FOLLOW_UP_BACKUP_KEY,
    organiser::keys::ORGANISER_KEY,
    organiser::keys::ORGANISER_KEY_BACKUP,
];

/// Storage for this campaign: each record under the campaign's key; where
/// the campaign adopts the records of builds before campaign keys
/// (`adopts`), a record it has not written yet is read from the old key,
/// and removing a record removes both. The rest (clock, randomness,
/// hand-over) is the inner `Io`'s.
struct CampaignIo {
    inner: SharedIo,
    adopts: bool,
}

impl CampaignIo {
    fn reads_before(&self, name: &str) -> bool {
        self.adopts && RECORDS.contains(&name)
    }
}

impl Io for CampaignIo {
    fn get(&self, name: &str) -> Result<Option<String>, StoreError> {
        match self.inner.get(&stored_key(name))? {
            None if self.reads_before(name) => self.inner.get(name),
            found => Ok(found),
        }
    }
    fn set(&self, name: &str, value: &str) -> Result<(), StoreError> {
        self.inner.set(&stored_key(name), value)
    }
    fn remove(&self, name: &str) -> Result<(), StoreError> {
        let own = self.inner.remove(&stored_key(name));
        if self.reads_before(name) {
            self.inner.remove(name)?;
        }
        own
    }
    fn today(&self) -> SigningDate {
        self.inner.today()
    }
    fn random_seed(&self) -> Option<[u8; 32]> {
        self.inner.random_seed()
    }
    fn keep_storage(&self) {
        self.inner.keep_storage();
    }
    fn take_handover(&self) -> Handover {
        self.inner.take_handover()
    }
    fn keep_for_handover(&self, draft_text: &str) {
        self.inner.keep_for_handover(draft_text);
    }
}

/// The browser's storage as this campaign uses it.
pub fn for_this_campaign(io: SharedIo) -> SharedIo {
    scoped(io, ADOPTS_UNSCOPED_STORAGE)
}

fn scoped(inner: SharedIo, adopts: bool) -> SharedIo {
    Rc::new(CampaignIo { inner, adopts })
}

/// What another tab's change to a stored key means to this campaign.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Heard {
    /// One of this campaign's records changed (its name, its new value).
    Changed(String, Option<String>),
    /// A tab of the build before campaign keys removed the candidate's
    /// draft or key: « forget me » there, to be done here too.
    ForgottenBefore,
}

/// What the change of `stored` to `value` in another tab means for a tab
/// reading storage through `io` ([`for_this_campaign`]): this campaign's
/// keys always; an old key only where this campaign adopts old records,
/// and a change only if it is the value this tab reads (the campaign has
/// not written that record yet); another campaign's keys never.
pub fn heard(io: &dyn Io, stored: &str, value: Option<&str>) -> Option<Heard> {
    if let Some(name) = record_name(stored) {
        return Some(Heard::Changed(name, value.map(str::to_owned)));
    }
    if !(ADOPTS_UNSCOPED_STORAGE && RECORDS.contains(&stored)) {
        return None;
    }
    heard_before(io, stored, value)
}

fn heard_before(io: &dyn Io, stored: &str, value: Option<&str>) -> Option<Heard> {
    match value {
        // The build before's « forget me » always removes the draft (a key
        // alone is removed when it could not be read and was set aside):
        // heard as one only while this tab read that draft, having none of
        // its own.
        None if stored == StoredDraft::KEY && io.get(stored).ok().flatten().is_none() => {
            Some(Heard::ForgottenBefore)
        }
        None => None,
        Some(v) => (io.get(stored).ok().flatten().as_deref() == Some(v))
            .then(|| Heard::Changed(stored.to_owned(), Some(v.to_owned()))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::campaign::SLUG;
    use crate::state::MemoryIo;

    #[test]
    fn every_record_is_listed_once() {
        let mut names = RECORDS.to_vec();
        names.sort_unstable();
        names.dedup();
        assert_eq!(names.len(), RECORDS.len());
    }

    #[test]
    fn each_record_is_stored_under_the_campaign_and_read_back() {
        let memory = MemoryIo::default();
        let io = scoped(memory.clone().shared(), false);
        io.set(StoredDraft::KEY, "mine").unwrap();
        assert_eq!(
            memory
                .stored(&format!("pw-pledge-widget/{SLUG}/draft/v1"))
                .as_deref(),
            Some("mine")
        );
        assert_eq!(memory.stored(StoredDraft::KEY), None);
        assert_eq!(io.get(StoredDraft::KEY).unwrap().as_deref(), Some("mine"));
        // Another campaign's pledge on the same origin is not this one's,
        // nor, for a campaign that does not adopt them, older records.
        memory.put("pw-pledge-widget/another-campaign/signed/v1", "theirs");
        memory.put(keys::KEY, "a key from before");
        assert_eq!(io.get(keys::SIGNED).unwrap(), None);
        assert_eq!(io.get(keys::KEY).unwrap(), None);
        io.remove(StoredDraft::KEY).unwrap();
        assert_eq!(io.get(StoredDraft::KEY).unwrap(), None);
        assert_eq!(
            memory.stored(keys::KEY).as_deref(),
            Some("a key from before")
        );
    }

    #[test]
    fn records_from_before_are_read_in_place_until_the_campaign_writes_its_own() {
        let memory = MemoryIo::default();
        for (i, name) in RECORDS.iter().enumerate() {
            memory.put(name, &format!("record {i}"));
        }
        let io = scoped(memory.clone().shared(), true);
        for (i, name) in RECORDS.iter().enumerate() {
            assert_eq!(io.get(name).unwrap(), Some(format!("record {i}")), "{name}");
        }
        // Nothing moved: a full quota, a tab of the build before, nothing
        // can leave a record half-way.
        assert!(RECORDS.iter().all(|name| memory.stored(name).is_some()));
        io.set(StoredDraft::KEY, "newer").unwrap();
        assert_eq!(io.get(StoredDraft::KEY).unwrap().as_deref(), Some("newer"));
        assert_eq!(memory.stored(StoredDraft::KEY).as_deref(), Some("record 0"));
        // Removing forgets both: « forget me » leaves nothing to come back.
        io.remove(StoredDraft::KEY).unwrap();
        io.remove(keys::KEY).unwrap();
        assert_eq!(io.get(StoredDraft::KEY).unwrap(), None);
        assert_eq!(io.get(keys::KEY).unwrap(), None);
        assert_eq!(memory.stored(StoredDraft::KEY), None);
        assert_eq!(memory.stored(keys::KEY), None);
        // Only the records the widget keeps: any other key is left alone.
        memory.put("pw-pledge-widget/reloaded-for", "x");
        assert_eq!(io.get("pw-pledge-widget/reloaded-for").unwrap(), None);
    }

    #[test]
    fn storage_that_throws_is_said_as_before() {
        let io = scoped(MemoryIo::unavailable().shared(), true);
        assert_eq!(io.get(keys::KEY), Err(StoreError::Unavailable));
        assert_eq!(io.remove(keys::KEY), Err(StoreError::Unavailable));
    }

    #[test]
    fn another_tab_s_change_is_heard_for_this_campaign_only() {
        let memory = MemoryIo::default();
        let io = scoped(memory.clone().shared(), true);
        let ours = stored_key(StoredDraft::KEY);
        assert_eq!(
            heard(&*io, &ours, Some("x")),
            Some(Heard::Changed(
                StoredDraft::KEY.to_owned(),
                Some("x".into())
            ))
        );
        assert_eq!(
            heard(
                &*io,
                "pw-pledge-widget/another-campaign/draft/v1",
                Some("x")
            ),
            None
        );
        // A tab of the build before: heard while this campaign reads that
        // record from the old key, not once it has its own.
        memory.put(StoredDraft::KEY, "from the tab before");
        assert_eq!(
            heard_before(&*io, StoredDraft::KEY, Some("from the tab before")),
            Some(Heard::Changed(
                StoredDraft::KEY.to_owned(),
                Some("from the tab before".into())
            ))
        );
        io.set(StoredDraft::KEY, "ours").unwrap();
        memory.put(StoredDraft::KEY, "later, from the tab before");
        assert_eq!(
            heard_before(&*io, StoredDraft::KEY, Some("later, from the tab before")),
            None
        );
        // A key set aside (unreadable) is no « forget me »; nor is the old
        // draft's removal once this campaign has its own draft.
        assert_eq!(heard_before(&*io, keys::KEY, None), None);
        assert_eq!(heard_before(&*io, keys::LANG, None), None);
        memory.put(StoredDraft::KEY, "x");
        let _ = memory.remove(StoredDraft::KEY);
        assert_eq!(heard_before(&*io, StoredDraft::KEY, None), None);
        // Its « forget me », while this tab read the old draft, is one.
        let before_only = MemoryIo::default();
        let io = scoped(before_only.clone().shared(), true);
        before_only.put(StoredDraft::KEY, "from the tab before");
        let _ = before_only.remove(StoredDraft::KEY);
        assert_eq!(
            heard_before(&*io, StoredDraft::KEY, None),
            Some(Heard::ForgottenBefore)
        );
    }

    #[test]
    fn a_campaign_that_adopts_records_reads_the_candidate_s_answers_from_before() {
        use leptos::prelude::Owner;
        let owner = Owner::new();
        owner.set();
        // A draft as the build before stored it, under the old key.
        let before = MemoryIo::default();
        let opened = crate::state::PledgeState::open(
            before.clone().shared(),
            crate::state::Scope::JOURNEY,
            None,
        );
        opened.dispatch(crate::domain::Action::Tick(3, true));
        let text = before.stored(StoredDraft::KEY).expect("stored");
        let memory = MemoryIo::default();
        memory.put(StoredDraft::KEY, &text);
        let io = scoped(memory.clone().shared(), true);
        let state = crate::state::PledgeState::open(io, crate::state::Scope::JOURNEY, None);
        assert!(state.with(|d| d.selection.contains(3)));
        // A tick: written under the campaign's key, the old one kept.
        state.dispatch(crate::domain::Action::Tick(4, true));
        assert!(memory.stored(&stored_key(StoredDraft::KEY)).is_some());
        assert_eq!(memory.stored(StoredDraft::KEY), Some(text));
    }
}
