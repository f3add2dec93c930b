//! Every record under the campaign's own keys (`campaign::stored_key`), so
//! that two campaigns served from one origin never share a draft, a key or
//! a pledge; and the records of builds from before, moved there, never
//! lost.

use std::rc::Rc;

use crate::campaign::{stored_key, ADOPTS_UNSCOPED_STORAGE};
use crate::domain::{Console, EarlierPledges, SetAside, SigningDate, StoredDraft};

use super::{keys, organiser, Handover, Io, SharedIo, StoreError};

/// Every record the widget keeps, by the name the code gives it.
pub const RECORDS: [&str; 14] = [
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
    organiser::keys::ORGANISER_KEY,
    organiser::keys::ORGANISER_KEY_BACKUP,
];

/// Storage for this campaign: each record under the campaign's key. The
/// rest (clock, randomness, hand-over) is the inner `Io`'s.
struct CampaignIo(SharedIo);

impl Io for CampaignIo {
    fn get(&self, key: &str) -> Result<Option<String>, StoreError> {
        self.0.get(&stored_key(key))
    }
    fn set(&self, key: &str, value: &str) -> Result<(), StoreError> {
        self.0.set(&stored_key(key), value)
    }
    fn remove(&self, key: &str) -> Result<(), StoreError> {
        self.0.remove(&stored_key(key))
    }
    fn today(&self) -> SigningDate {
        self.0.today()
    }
    fn random_seed(&self) -> Option<[u8; 32]> {
        self.0.random_seed()
    }
    fn keep_storage(&self) {
        self.0.keep_storage();
    }
    fn take_handover(&self) -> Handover {
        self.0.take_handover()
    }
    fn keep_for_handover(&self, draft_text: &str) {
        self.0.keep_for_handover(draft_text);
    }
}

/// The browser's storage as this campaign uses it; where the campaign
/// adopts the records of builds from before campaign keys, they are moved
/// first ([`move_unscoped_records`]).
pub fn for_this_campaign(io: SharedIo) -> SharedIo {
    if ADOPTS_UNSCOPED_STORAGE {
        move_unscoped_records(&*io);
    }
    Rc::new(CampaignIo(io))
}

/// Moves each record stored under a key without the campaign's name to
/// the campaign's key: written there and read back before the old one is
/// removed. Nothing is overwritten: where the campaign's key already holds
/// something else (a tab of the build before wrote after the move), the
/// old record stays where it is. Returns the names moved.
pub fn move_unscoped_records(io: &dyn Io) -> Vec<&'static str> {
    let mut moved = Vec::new();
    for name in RECORDS {
        let Ok(Some(value)) = io.get(name) else {
            continue;
        };
        let target = stored_key(name);
        let copied = match io.get(&target) {
            Ok(None) => {
                io.set(&target, &value).is_ok()
                    && io.get(&target).ok().flatten().as_deref() == Some(value.as_str())
            }
            Ok(Some(there)) => there == value,
            Err(_) => false,
        };
        if copied && io.remove(name).is_ok() {
            moved.push(name);
        }
    }
    moved
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::campaign::SLUG;
    use crate::state::MemoryIo;

    #[test]
    fn each_record_is_stored_under_the_campaign_and_read_back() {
        let memory = MemoryIo::default();
        let io: SharedIo = Rc::new(CampaignIo(memory.clone().shared()));
        io.set(StoredDraft::KEY, "mine").unwrap();
        assert_eq!(
            memory
                .stored(&format!("pw-pledge-widget/{SLUG}/draft/v1"))
                .as_deref(),
            Some("mine")
        );
        assert_eq!(memory.stored(StoredDraft::KEY), None);
        assert_eq!(io.get(StoredDraft::KEY).unwrap().as_deref(), Some("mine"));
        // Another campaign's draft on the same origin is not this one's.
        memory.put("pw-pledge-widget/another-campaign/signed/v1", "theirs");
        assert_eq!(io.get(keys::SIGNED).unwrap(), None);
        io.remove(StoredDraft::KEY).unwrap();
        assert_eq!(io.get(StoredDraft::KEY).unwrap(), None);
    }

    #[test]
    fn every_record_is_listed_once() {
        let mut names = RECORDS.to_vec();
        names.sort_unstable();
        names.dedup();
        assert_eq!(names.len(), RECORDS.len());
    }

    #[test]
    fn records_of_the_build_before_move_under_the_campaign_never_lost() {
        let memory = MemoryIo::default();
        for (i, name) in RECORDS.iter().enumerate() {
            memory.put(name, &format!("record {i}"));
        }
        let moved = move_unscoped_records(&memory);
        assert_eq!(moved, RECORDS.to_vec());
        for (i, name) in RECORDS.iter().enumerate() {
            assert_eq!(memory.stored(name), None, "{name} moved away");
            assert_eq!(
                memory.stored(&stored_key(name)),
                Some(format!("record {i}")),
                "{name}"
            );
        }
        // Once moved, a second opening finds nothing to move.
        assert!(move_unscoped_records(&memory).is_empty());
    }

    #[test]
    fn a_move_that_cannot_be_written_leaves_the_record_where_it_was() {
        let memory = MemoryIo::default();
        memory.put(keys::KEY, "the candidate's key");
        memory.set_full(true);
        assert!(move_unscoped_records(&memory).is_empty());
        assert_eq!(
            memory.stored(keys::KEY).as_deref(),
            Some("the candidate's key")
        );
        assert!(move_unscoped_records(&MemoryIo::unavailable()).is_empty());
    }

    #[test]
    fn nothing_under_the_campaign_key_is_overwritten_by_an_older_record() {
        let memory = MemoryIo::default();
        memory.put(&stored_key(StoredDraft::KEY), "newer, already moved");
        memory.put(
            StoredDraft::KEY,
            "written since by a tab of the build before",
        );
        memory.put(keys::SIGNED, "same");
        memory.put(&stored_key(keys::SIGNED), "same");
        assert_eq!(move_unscoped_records(&memory), vec![keys::SIGNED]);
        assert_eq!(
            memory.stored(&stored_key(StoredDraft::KEY)).as_deref(),
            Some("newer, already moved")
        );
        assert_eq!(
            memory.stored(StoredDraft::KEY).as_deref(),
            Some("written since by a tab of the build before")
        );
        assert_eq!(memory.stored(keys::SIGNED), None);
    }

    #[test]
    fn a_campaign_opened_after_the_move_reads_the_candidate_s_answers() {
        use leptos::prelude::Owner;
        let owner = Owner::new();
        owner.set();
        // A draft as the build before stored it, under the unscoped key.
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
        move_unscoped_records(&memory);
        let io: SharedIo = Rc::new(CampaignIo(memory.shared()));
        let state = crate::state::PledgeState::open(io, crate::state::Scope::JOURNEY, None);
        assert!(state.with(|d| d.selection.contains(3)));
    }
}
