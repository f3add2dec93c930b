//! The state's rules, on the host, with storage in memory.

use leptos::prelude::Owner;

use super::*;
use crate::domain::{Field, StoredDraft};

fn owner() -> Owner {
    let owner = Owner::new();
    owner.set();
    owner
}

fn ready_to_sign(state: &PledgeState) {
    state.dispatch(Action::Tick(0, true));
    state.dispatch(Action::Edit(Field::Name, "Camille Dupont".into()));
    state.dispatch(Action::Edit(Field::Commune, "Lyon".into()));
    state.dispatch(Action::GoTo(Step::Sign));
}

fn stored_draft(io: &MemoryIo) -> Option<Draft> {
    io.stored(StoredDraft::KEY)
        .map(|t| StoredDraft::decode(&t).expect("a readable draft"))
}

#[test]
fn every_action_is_saved_and_reopens_the_same() {
    let _owner = owner();
    let io = MemoryIo::default();
    let state = PledgeState::open(io.clone().shared(), Scope::JOURNEY, None);
    ready_to_sign(&state);
    let here = state.with(Clone::clone);
    assert_eq!(stored_draft(&io), Some(here.clone()));
    let again = PledgeState::open(io.clone().shared(), Scope::JOURNEY, None);
    assert_eq!(again.with(Clone::clone), here);
    assert_eq!(again.notice(), None);
}

#[test]
fn without_storage_everything_stays_in_memory_and_the_candidate_is_told() {
    let _owner = owner();
    let io = MemoryIo::unavailable();
    let state = PledgeState::open(io.clone().shared(), Scope::FULL, None);
    assert_eq!(state.notice(), Some(StorageNotice::Unavailable));
    ready_to_sign(&state);
    assert!(state.with(|d| d.selection.contains(0)));
    state.sign(None).expect("signs in memory");
    assert!(state.signed().is_some());
    assert!(state.fingerprint().is_some());
    let status = state.key_notices();
    assert!(status.key_not_kept && status.signed_not_kept && status.created_now);
    assert_eq!(io.keep_storage_asked(), 0, "nothing kept: nothing to ask");
}

#[test]
fn a_full_quota_keeps_the_answers_in_memory_and_warns_once() {
    let _owner = owner();
    let io = MemoryIo::default();
    let state = PledgeState::open(io.clone().shared(), Scope::FULL, None);
    state.dispatch(Action::Tick(0, true));
    io.set_full(true);
    state.dispatch(Action::Tick(1, true));
    assert_eq!(state.notice(), Some(StorageNotice::SaveFailed));
    state.dismiss_notice();
    state.dispatch(Action::Tick(2, true));
    assert_eq!(state.notice(), None, "a dismissed warning stays dismissed");
    assert!(state.with(|d| (0..3).all(|p| d.selection.contains(p))));
    ready_to_sign(&state);
    state.sign(None).expect("signs");
    assert!(
        state.key_notices().key_not_kept,
        "the key could not be kept: said"
    );
    assert!(state.key_notices().signed_not_kept);
}

#[test]
fn the_first_signature_makes_and_keeps_a_key_and_says_so() {
    let _owner = owner();
    let io = MemoryIo::default();
    let state = PledgeState::open(io.clone().shared(), Scope::FULL, None);
    ready_to_sign(&state);
    state.sign(None).expect("signs");
    let status = state.key_notices();
    assert!(status.created_now && !status.key_not_kept && !status.signed_not_kept);
    let stored = PledgeKey::from_stored(&io.stored(keys::KEY).expect("kept")).expect("a key");
    assert_eq!(Some(stored.public().fingerprint()), state.fingerprint());
    // The key kept, the browser is asked to keep the site's storage (once).
    assert_eq!(io.keep_storage_asked(), 1);
    // Signing again uses the same key and makes none.
    state.dispatch(Action::GoTo(Step::Sign));
    let before = state.fingerprint();
    state.sign(None).expect("signs");
    assert_eq!(state.fingerprint(), before);
}

#[test]
fn two_tabs_signing_share_one_key() {
    let _owner = owner();
    let a_io = MemoryIo::default();
    let b_io = a_io.other_tab();
    let a = PledgeState::open(a_io.clone().shared(), Scope::FULL, None);
    let b = PledgeState::open(b_io.shared(), Scope::FULL, None);
    ready_to_sign(&a);
    ready_to_sign(&b);
    a.sign(None).expect("a signs");
    b.sign(None).expect("b signs");
    assert_eq!(a.fingerprint(), b.fingerprint());
    let a_signed = a.signed().expect("signed").pledge.public_key();
    let b_signed = b.signed().expect("signed").pledge.public_key();
    assert_eq!(a_signed, b_signed);
    assert!(!b.key_notices().created_now, "b made no key of its own");
}

#[test]
fn a_tick_in_one_tab_reaches_the_other_without_moving_it() {
    let _owner = owner();
    let a_io = MemoryIo::default();
    let a = PledgeState::open(a_io.clone().shared(), Scope::JOURNEY, None);
    let b = PledgeState::open(a_io.other_tab().shared(), Scope::JOURNEY, None);
    b.dispatch(Action::GoTo(Step::Proposal(6)));
    a.dispatch(Action::Tick(3, true));
    b.changed_elsewhere(
        Some(StoredDraft::KEY),
        a_io.stored(StoredDraft::KEY).as_deref(),
    );
    assert!(b.with(|d| d.selection.contains(3)));
    assert_eq!(b.with(|d| d.step), Step::Proposal(6));
    assert_eq!(b.notice(), Some(StorageNotice::ChangedElsewhere));
}

#[test]
fn forgetting_in_one_tab_empties_the_other_and_it_writes_nothing_old_back() {
    let _owner = owner();
    let a_io = MemoryIo::default();
    let b_io = a_io.other_tab();
    let a = PledgeState::open(a_io.clone().shared(), Scope::FULL, None);
    ready_to_sign(&a);
    a.sign(None).expect("signs");
    let b = PledgeState::open(b_io.clone().shared(), Scope::FULL, None);
    assert!(b.signed().is_some() && b.fingerprint().is_some());

    a.forget_everything();
    for key in [keys::KEY, keys::SIGNED, StoredDraft::KEY] {
        assert_eq!(a_io.stored(key), None);
        b.changed_elsewhere(Some(key), None);
    }
    assert_eq!(b.with(Clone::clone), Draft::default());
    assert_eq!(b.fingerprint(), None);
    assert_eq!(b.signed(), None);
    assert_eq!(b.notice(), Some(StorageNotice::ForgottenElsewhere));

    // B's next action saves B's new answers only.
    b.dispatch(Action::Tick(5, true));
    let saved = stored_draft(&b_io).expect("saved");
    assert!(saved.selection.contains(5) && !saved.selection.contains(0));
    assert_eq!(saved.identity, Draft::default().identity);
    assert_eq!(a_io.stored(keys::KEY), None);
    assert_eq!(a_io.stored(keys::SIGNED), None);
}

#[test]
fn importing_over_another_key_waits_for_consent() {
    let _owner = owner();
    let io = MemoryIo::default();
    let state = PledgeState::open(io.clone().shared(), Scope::FULL, None);
    ready_to_sign(&state);
    state.sign(None).expect("signs");
    let current = state.fingerprint().expect("a key");
    let other = PledgeKey::from_seed([9; 32]);
    let other_fp = other.public().fingerprint();

    let outcome = state.import_key(&other.to_file()).expect("a key file");
    assert_eq!(
        outcome,
        ImportOutcome::NeedsConsent {
            current: current.clone(),
            incoming: other_fp.clone()
        }
    );
    assert_eq!(
        state.fingerprint(),
        Some(current.clone()),
        "unchanged until confirmed"
    );
    assert_eq!(state.pending_import(), Some(other_fp.clone()));
    state.cancel_import();
    assert_eq!(state.pending_import(), None);
    assert_eq!(state.fingerprint(), Some(current.clone()));
    let stored = PledgeKey::from_stored(&io.stored(keys::KEY).expect("kept")).expect("a key");
    assert_eq!(stored.public().fingerprint(), current);

    state.import_key(&other.to_file()).expect("a key file");
    assert_eq!(state.confirm_import(), Some(other_fp.clone()));
    assert_eq!(state.fingerprint(), Some(other_fp.clone()));
    let stored = PledgeKey::from_stored(&io.stored(keys::KEY).expect("kept")).expect("a key");
    assert_eq!(stored.public().fingerprint(), other_fp);
    assert_eq!(
        state.import_key(&other.to_file()),
        Ok(ImportOutcome::AlreadyInUse(other_fp))
    );
}

#[test]
fn a_first_import_needs_no_question() {
    let _owner = owner();
    let state = PledgeState::open(MemoryIo::default().shared(), Scope::FULL, None);
    let key = PledgeKey::from_seed([3; 32]);
    assert_eq!(
        state.import_key(&key.to_file()),
        Ok(ImportOutcome::Imported(key.public().fingerprint()))
    );
    assert!(state.import_key("not a key").is_err());
}

#[test]
fn an_unreadable_stored_key_is_backed_up_never_overwritten() {
    let _owner = owner();
    let io = MemoryIo::default();
    io.put(keys::KEY, "damaged");
    let state = PledgeState::open(io.clone().shared(), Scope::FULL, None);
    assert_eq!(state.key_notices().unreadable, Some(true));
    assert_eq!(io.stored(keys::KEY_BACKUP).as_deref(), Some("damaged"));
    ready_to_sign(&state);
    state.sign(None).expect("signs with a new key");
    assert_eq!(io.stored(keys::KEY_BACKUP).as_deref(), Some("damaged"));

    // Where even the backup cannot be written, the damaged key stays put.
    let full = MemoryIo::default();
    full.put(keys::KEY, "damaged");
    full.set_full(true);
    let state = PledgeState::open(full.clone().shared(), Scope::FULL, None);
    assert_eq!(state.key_notices().unreadable, Some(false));
    ready_to_sign(&state);
    state.sign(None).expect("signs with a key in memory");
    assert_eq!(full.stored(keys::KEY).as_deref(), Some("damaged"));
    assert!(state.key_notices().key_not_kept);
    // Once there is room, the damaged key moves to the backup first.
    full.set_full(false);
    state.dispatch(Action::GoTo(Step::Sign));
    state.sign(None).expect("signs");
    assert_eq!(full.stored(keys::KEY_BACKUP).as_deref(), Some("damaged"));
    assert!(!state.key_notices().key_not_kept);
}

#[test]
fn the_handed_over_draft_comes_before_storage() {
    let _owner = owner();
    let io = MemoryIo::unavailable();
    let mut draft = Draft::default();
    draft.apply(Action::Tick(4, true));
    let text = StoredDraft::encode(&draft);
    let state = PledgeState::open(io.clone().shared(), Scope::FULL, Some(&text));
    assert_eq!(state.with(Clone::clone), draft);
    assert_eq!(state.notice(), None);
}

#[test]
fn an_unreadable_draft_is_backed_up_with_a_notice() {
    let _owner = owner();
    let io = MemoryIo::default();
    io.put(StoredDraft::KEY, "{broken");
    let state = PledgeState::open(io.clone().shared(), Scope::JOURNEY, None);
    assert_eq!(
        state.notice(),
        Some(StorageNotice::Recovered { backed_up: true })
    );
    assert_eq!(
        state.set_aside_drafts().items()[0].kept,
        Kept::Unreadable("{broken".into())
    );
    let kept = SetAside::decode(&io.stored(keys::SET_ASIDE).unwrap(), io.today());
    assert_eq!(kept, state.set_aside_drafts(), "kept in storage too");
    assert_eq!(state.with(Clone::clone), Draft::default());
    assert_eq!(
        stored_draft(&io),
        Some(Draft::default()),
        "the main record starts afresh"
    );
}

#[test]
fn the_journey_scope_leaves_key_and_signed_pledge_alone() {
    let _owner = owner();
    let io = MemoryIo::default();
    io.put(keys::KEY, "damaged");
    let state = PledgeState::open(io.clone().shared(), Scope::JOURNEY, None);
    assert_eq!(state.fingerprint(), None);
    assert_eq!(io.stored(keys::KEY).as_deref(), Some("damaged"));
    assert_eq!(io.stored(keys::KEY_BACKUP), None);
}

#[test]
fn a_drawing_in_progress_lives_in_the_state_until_start_over_or_forget() {
    let _owner = owner();
    let state = PledgeState::open(MemoryIo::default().shared(), Scope::FULL, None);
    let drawing = state.drawing();
    drawing.update(|d| d.begin(crate::domain::PadPoint { x: 0.2, y: 0.5 }));
    assert!(
        !state.drawing().with(Drawing::is_empty),
        "the same signal, wherever asked"
    );
    state.dispatch(Action::StartOver);
    assert!(state.drawing().with(Drawing::is_empty));
    drawing.update(|d| d.begin(crate::domain::PadPoint { x: 0.2, y: 0.5 }));
    state.forget_everything();
    assert!(state.drawing().with(Drawing::is_empty));
}

// The organiser's console.

fn golden_links() -> String {
    let tsv = include_str!("../../tests/golden/payload-v1.tsv");
    tsv.lines()
        .filter(|l| !l.starts_with('#') && !l.is_empty())
        .map(|l| l.split('\t').nth(1).unwrap())
        .take(3)
        .collect::<Vec<_>>()
        .join("\n")
}

/// Opens the console as its page does, the stored pledges checked (here
/// in Rust; in the browser by WebCrypto).
fn open_console(io: &MemoryIo) -> ConsoleState {
    let console = ConsoleState::open(io.clone().shared(), io.after_paint());
    if let Some(record) = console.record_to_check() {
        console.opened(crate::domain::check_in_rust(&record.payloads()));
    }
    assert_eq!(console.checking(), None);
    console
}

/// Takes pasted links as the console's page does, checked in Rust.
fn take_links(console: &ConsoleState, text: &str) -> crate::domain::IntakeReport {
    match console.read_links(text).expect("not busy") {
        Ok(pasted) => {
            let checked = crate::domain::check_in_rust(&pasted.payloads());
            let report = console.take_checked(pasted, checked);
            console.save();
            report
        }
        Err(refused) => refused,
    }
}

#[test]
fn the_console_saves_nothing_and_publishes_nothing_until_its_record_is_checked() {
    use crate::domain::{check_in_rust, Console, LinkError, LinkErrorKind};
    let _owner = owner();
    let io = MemoryIo::default();
    let console = open_console(&io);
    console.create_key().unwrap();
    take_links(&console, &golden_links());
    let stored = io.stored(Console::KEY).unwrap();

    let opening = ConsoleState::open(io.clone().shared(), io.after_paint());
    assert_eq!(
        opening.checking(),
        Some(Checking {
            opening: true,
            done: 0,
            total: 3
        })
    );
    // Empty until checked: not published, not saved over the record, and
    // no paste taken meanwhile.
    assert_eq!(opening.with(|c| c.entries().len()), 0);
    assert!(opening.publish(None).is_none());
    opening.set_note(0, "x");
    assert!(opening.read_links(&golden_links()).is_none());
    assert_eq!(io.stored(Console::KEY).as_deref(), Some(stored.as_str()));
    let record = opening.record_to_check().unwrap();
    opening.checked_so_far(2);
    assert_eq!(opening.checking().map(|c| c.done), Some(2));
    opening.opened(check_in_rust(&record.payloads()));
    assert_eq!(opening.checking(), None);
    assert_eq!(opening.with(|c| c.entries().len()), 3);
    assert_eq!(opening.publish(None).map(|p| p.count), Some(3));

    // One pledge the browser says does not verify: the record is set
    // aside whole, and said.
    let refused = ConsoleState::open(io.clone().shared(), io.after_paint());
    let record = refused.record_to_check().unwrap();
    let mut checked = check_in_rust(&record.payloads());
    checked[1] = Err(LinkError::new(LinkErrorKind::SignatureMismatch));
    refused.opened(checked);
    assert!(refused.notices().set_aside);
    assert_eq!(refused.with(|c| c.entries().len()), 0);
    assert_eq!(
        io.stored(Console::BACKUP_KEY).as_deref(),
        Some(stored.as_str())
    );
    assert_eq!(io.stored(Console::KEY), None);

    // Another tab saved a newer record while this one was checking: that
    // record is neither removed nor saved over, and an earlier, different
    // backup is never overwritten.
    io.put(Console::KEY, &stored);
    let late = ConsoleState::open(io.clone().shared(), io.after_paint());
    let record = late.record_to_check().unwrap();
    let mut checked = check_in_rust(&record.payloads());
    checked[0] = Err(LinkError::new(LinkErrorKind::SignatureMismatch));
    io.put(Console::KEY, "newer, from another tab");
    io.put(Console::BACKUP_KEY, "an earlier backup");
    late.opened(checked);
    assert!(late.notices().set_aside);
    take_links(&late, &golden_links());
    assert!(late.notices().not_saved, "said: this console is not saved");
    assert_eq!(
        io.stored(Console::KEY).as_deref(),
        Some("newer, from another tab")
    );
    assert_eq!(
        io.stored(Console::BACKUP_KEY).as_deref(),
        Some("an earlier backup")
    );
}

#[test]
fn the_console_survives_a_reload_and_sets_aside_what_it_cannot_read() {
    use crate::domain::{Console, EntryStatus};
    let _owner = owner();
    let io = MemoryIo::default();
    let console = open_console(&io);
    let report = take_links(&console, &golden_links());
    assert_eq!(report.links.len(), 3);
    console.set_status(0, EntryStatus::Verified);
    console.set_note(0, "appel");
    let again = open_console(&io);
    assert_eq!(again.with(|c| c.entries().len()), 3);
    assert_eq!(
        again.with(|c| c.status(0)).map(|s| s.0),
        Some(EntryStatus::Verified)
    );
    assert_eq!(again.notices(), ConsoleNotices::default());

    // A damaged record is kept aside, never overwritten, and said.
    io.put(
        Console::KEY,
        "{\"version\":1,\"entries\":[{\"link\":\"AAAA\"",
    );
    let damaged = open_console(&io);
    assert!(damaged.notices().set_aside);
    assert_eq!(damaged.with(|c| c.entries().len()), 0);
    assert!(io
        .stored(Console::BACKUP_KEY)
        .unwrap()
        .starts_with("{\"version\":1"));

    // Without storage: said, and the work lives in the tab.
    let none = ConsoleState::open(
        MemoryIo::unavailable().shared(),
        MemoryIo::default().after_paint(),
    );
    assert!(none.notices().not_saved);
    take_links(&none, &golden_links());
    assert_eq!(none.with(|c| c.entries().len()), 3);
}

#[test]
fn a_change_is_saved_once_shown_and_changes_meanwhile_together() {
    use crate::domain::{Console, EntryStatus};
    let _owner = owner();
    let io = MemoryIo::default().painting_later();
    let console = open_console(&io);
    take_links(&console, &golden_links());
    let before = io.stored(Console::KEY).unwrap();

    // Shown at once, saved after the page is drawn: both changes in one
    // save.
    console.set_status(0, EntryStatus::Verified);
    console.set_note(1, "appel");
    assert_eq!(
        console.with(|c| c.status(0)).map(|s| s.0),
        Some(EntryStatus::Verified)
    );
    assert_eq!(io.stored(Console::KEY).as_deref(), Some(before.as_str()));
    assert_eq!(io.paint(), 1, "one save for the two changes");
    let saved = io.stored(Console::KEY).unwrap();
    assert_ne!(saved, before);
    let again = open_console(&io);
    assert_eq!(
        again.with(|c| c.status(0)).map(|s| s.0),
        Some(EntryStatus::Verified)
    );
    assert_eq!(again.with(|c| c.entries()[1].note.clone()), "appel");

    // A save the browser refuses is said, and tried again at the next
    // flush (leaving the page, publishing).
    io.set_full(true);
    console.set_status(0, EntryStatus::Withdrawn);
    assert_eq!(io.paint(), 1);
    assert!(console.notices().storage_full);
    assert_eq!(io.stored(Console::KEY).as_deref(), Some(saved.as_str()));
    io.set_full(false);
    console.flush();
    assert!(!console.notices().storage_full);
    let saved = io.stored(Console::KEY).unwrap();
    assert_eq!(
        open_console(&io).with(|c| c.status(0)).map(|s| s.0),
        Some(EntryStatus::Withdrawn)
    );

    // Links taken, the page left before the task that saves them: saved.
    let fresh = MemoryIo::default().painting_later();
    let pasting = open_console(&fresh);
    let pasted = pasting.read_links(&golden_links()).unwrap().unwrap();
    let checked = crate::domain::check_in_rust(&pasted.payloads());
    pasting.take_checked(pasted, checked);
    assert_eq!(fresh.stored(Console::KEY), None);
    pasting.flush();
    assert_eq!(open_console(&fresh).with(|c| c.entries().len()), 3);

    // Leaving the page before it is drawn saves too (`flush`), once.
    console.set_status(2, EntryStatus::Withdrawn);
    console.flush();
    let left = io.stored(Console::KEY).unwrap();
    assert_ne!(left, saved);
    io.put(Console::KEY, "another tab's, since");
    assert_eq!(io.paint(), 1);
    assert_eq!(
        io.stored(Console::KEY).as_deref(),
        Some("another tab's, since"),
        "nothing left to save: the paint writes nothing"
    );
}

#[test]
fn a_refused_save_is_not_tried_again_over_another_tab_s_console() {
    use crate::domain::{Console, EntryStatus};
    let _owner = owner();
    let io = MemoryIo::default().painting_later();
    let a = open_console(&io);
    take_links(&a, &golden_links());
    io.set_full(true);
    a.set_status(0, EntryStatus::Verified);
    io.paint();
    assert!(a.notices().storage_full);
    io.set_full(false);
    // Another tab saves its console (the storage event says so).
    let b_io = io.other_tab();
    let b = open_console(&b_io);
    b.remove(2);
    b.flush();
    let b_saved = io.stored(Console::KEY).unwrap();
    a.saved_elsewhere();
    a.flush();
    assert_eq!(io.stored(Console::KEY), Some(b_saved), "not written over");
    // Its next change saves, as every change does.
    a.set_status(1, EntryStatus::Verified);
    a.flush();
    assert_eq!(open_console(&io).with(|c| c.entries().len()), 3);
    // A change still waiting for the page to show it, when another tab
    // saves meanwhile: saved all the same.
    a.set_status(1, EntryStatus::Withdrawn);
    b.set_note(0, "from the other tab");
    a.saved_elsewhere();
    assert_eq!(io.paint(), 1);
    assert_eq!(
        open_console(&io).with(|c| c.status(1)).map(|s| s.0),
        Some(EntryStatus::Withdrawn)
    );
}

#[test]
fn a_full_storage_is_said_and_publishing_and_exporting_still_work() {
    use crate::domain::{Console, EntryStatus, PledgeList};
    let _owner = owner();
    let io = MemoryIo::default();
    let console = open_console(&io);
    console.create_key().unwrap();
    take_links(&console, &golden_links());
    let stored = io.stored(Console::KEY);
    io.set_full(true);
    console.set_status(0, EntryStatus::Verified);
    let notices = console.notices();
    assert!(notices.storage_full && !notices.not_saved);
    // What was saved before stays as it was.
    assert_eq!(io.stored(Console::KEY), stored);
    // The work in the tab is whole: published with the new status…
    let published = console.publish(None).unwrap();
    let (json, csv, n) = (published.list, published.csv, published.count);
    assert_eq!(n, 3);
    let key = console.key().unwrap().public();
    let list = PledgeList::open(&json, &key).unwrap();
    assert_eq!(list.entries[0].status, EntryStatus::Verified);
    assert!(csv.contains("verifie"));
    // …and the key exports.
    assert!(console.key_file().is_some());
    // Room again: the next change is saved and the notice goes.
    io.set_full(false);
    console.set_note(0, "appel");
    assert!(!console.notices().storage_full);
    let saved = Console::decode(&io.stored(Console::KEY).unwrap()).unwrap();
    assert_eq!(saved.status(0).map(|s| s.0), Some(EntryStatus::Verified));
}

#[test]
fn the_organiser_key_is_never_replaced_without_consent() {
    let _owner = owner();
    let io = MemoryIo::default();
    let console = open_console(&io);
    assert!(console.publish(None).is_none(), "no list without a key");
    console.create_key().unwrap();
    let first = console.key().unwrap().public();
    console.create_key().unwrap();
    assert_eq!(
        console.key().unwrap().public(),
        first,
        "create never replaces"
    );

    let other = crate::domain::PledgeKey::from_seed([9; 32]);
    console.import_key(&other.to_organiser_file()).unwrap();
    assert_eq!(console.key().unwrap().public(), first);
    assert!(console.pending_key().is_some());
    console.cancel_key();
    assert_eq!(console.key().unwrap().public(), first);
    console.import_key(&other.to_organiser_file()).unwrap();
    console.confirm_key();
    assert_eq!(console.key().unwrap().public(), other.public());
    // A candidate's key file is not an organiser's.
    assert!(console.import_key(&other.to_file()).is_err());
    // Kept across a reload.
    let again = open_console(&io);
    assert_eq!(again.key().unwrap().public(), other.public());

    take_links(&console, &golden_links());
    let published = console.publish(None).unwrap();
    let (json, csv, n) = (published.list, published.csv, published.count);
    assert_eq!(n, 3);
    let list = crate::domain::PledgeList::open(&json, &other.public()).unwrap();
    assert_eq!(list.entries.len(), 3);
    assert_eq!(csv.lines().count(), 4);
    // The archive holds the signed index (its files stored as they are),
    // numbered as the list, whose shards hold every entry.
    use crate::domain::organiser::shards::ShardIndex;
    let zip = String::from_utf8_lossy(&published.shards).into_owned();
    assert!(zip.starts_with("PK\u{3}\u{4}"));
    let start = zip
        .find("{\n  \"format\": \"coorace-engagements-index\"")
        .unwrap();
    let end = start + zip[start..].find("\"\n}\n").unwrap() + 4;
    let index = ShardIndex::open(&zip[start..end], &other.public()).unwrap();
    assert_eq!(Some(index.sequence), list.sequence);
    assert_eq!(index.shards.iter().map(|s| s.entries).sum::<u32>(), 3);
    for shard in &index.shards {
        assert!(zip.contains(&shard.path()), "{}", shard.path());
    }
}

/// Dispatches `actions` in order.
fn act(state: &PledgeState, actions: impl IntoIterator<Item = Action>) {
    for action in actions {
        state.dispatch(action);
    }
}

/// Two tabs sharing one storage, both having answered `actions`.
fn two_tabs_having(
    actions: impl IntoIterator<Item = Action>,
) -> (MemoryIo, PledgeState, PledgeState) {
    let io = MemoryIo::default();
    let a = PledgeState::open(io.clone().shared(), Scope::FULL, None);
    let b = PledgeState::open(io.other_tab().shared(), Scope::FULL, None);
    for action in actions {
        a.dispatch(action.clone());
        b.dispatch(action);
    }
    (io, a, b)
}

fn carried(name: &str, ticks: &[u8], step: Step) -> Draft {
    let mut d = Draft::default();
    for &t in ticks {
        d.apply(Action::Tick(t, true));
    }
    d.apply(Action::Edit(Field::Name, name.into()));
    d.apply(Action::Edit(Field::Commune, "Lyon".into()));
    d.step = step;
    d
}

#[test]
fn a_carried_draft_never_lands_past_the_summary() {
    for step in [Step::Sign, Step::Signed, Step::Summary] {
        let _owner = owner();
        let io = MemoryIo::default();
        let state = PledgeState::open(io.clone().shared(), Scope::FULL, None);
        state.receive_carried(carried("Camille", &[0], step));
        assert_eq!(state.with(|d| d.step), Step::Summary, "{step:?}");
        assert_eq!(
            state.arrival(),
            Some(Arrival::Adopted),
            "told where it came from"
        );
        assert_eq!(stored_draft(&io).unwrap().step, Step::Summary);
        // Still said after a reload, or the full build taking over.
        let reopened = PledgeState::open(io.clone().shared(), Scope::FULL, None);
        assert_eq!(reopened.arrival(), Some(Arrival::Adopted));
        reopened.dispatch(Action::GoTo(Step::Sign));
        reopened.sign(None).unwrap();
        assert_eq!(reopened.arrival(), None, "signing is checking");
        let again = PledgeState::open(io.clone().shared(), Scope::FULL, None);
        assert_eq!(again.arrival(), None);
    }
    // Without a complete identity, not even the summary.
    let _owner = owner();
    let io = MemoryIo::default();
    let state = PledgeState::open(io.clone().shared(), Scope::FULL, None);
    let mut incomplete = carried("", &[0], Step::Signed);
    incomplete.identity.name.clear();
    state.receive_carried(incomplete);
    assert_eq!(state.with(|d| d.step), Step::Identity);
}

#[test]
fn a_carried_draft_asks_before_replacing_answers_of_ones_own() {
    let _owner = owner();
    let io = MemoryIo::default();
    let state = PledgeState::open(io.clone().shared(), Scope::FULL, None);
    let mine = carried("Camille", &[5], Step::Proposal(3));
    act(
        &state,
        [
            Action::Tick(5, true),
            Action::Edit(Field::Name, "Camille".into()),
            Action::Edit(Field::Commune, "Lyon".into()),
            Action::GoTo(Step::Proposal(3)),
        ],
    );
    let stranger = carried("Camille", &[0, 1, 2], Step::Sign);
    state.receive_carried(stranger.clone());
    // Nothing changed yet: the question shows both.
    assert_eq!(state.with(Clone::clone), mine);
    assert_eq!(stored_draft(&io), Some(mine.clone()));
    let Some(Arrival::Asking {
        mine: shown,
        received,
        signed,
    }) = state.arrival()
    else {
        panic!("asks first");
    };
    assert!(shown.same_answers(&mine) && received.same_answers(&stranger) && !signed);
    assert_eq!(received.step, Step::Summary);
    // « Garder les miennes »: nothing changes, nothing is kept of theirs.
    state.refuse_arrival();
    assert_eq!(state.arrival(), None);
    assert_eq!(state.with(Clone::clone), mine);
    assert!(state.set_aside_drafts().is_empty());
    // A second link: asked again; « Remplacer »: mine are set aside.
    state.receive_carried(stranger.clone());
    state.accept_arrival();
    assert!(state.with(|d| d.same_answers(&stranger)));
    assert_eq!(state.with(|d| d.step), Step::Summary);
    assert_eq!(state.arrival(), Some(Arrival::Adopted));
    let kept = SetAside::decode(&io.stored(keys::SET_ASIDE).unwrap(), io.today());
    assert_eq!(kept.items()[0].kept, Kept::Draft(mine.clone()));
    assert_eq!(kept.items()[0].day, io.today());
    // And they come back, the replacing ones set aside in turn.
    state.restore(0);
    assert!(state.with(|d| d.same_answers(&mine)));
    let kept = SetAside::decode(&io.stored(keys::SET_ASIDE).unwrap(), io.today());
    assert_eq!(kept.items().len(), 1);
    assert!(matches!(&kept.items()[0].kept, Kept::Draft(d) if d.same_answers(&stranger)));
}

#[test]
fn the_same_answers_or_an_empty_page_take_a_carried_draft_in_one_step() {
    let _owner = owner();
    let io = MemoryIo::default();
    let state = PledgeState::open(io.clone().shared(), Scope::FULL, None);
    state.dispatch(Action::Next); // at proposal 1, nothing answered
    let theirs = carried("Camille", &[0], Step::Sign);
    state.receive_carried(theirs.clone());
    assert_eq!(state.arrival(), Some(Arrival::Adopted));
    assert!(
        state.set_aside_drafts().is_empty(),
        "nothing of one's own to keep"
    );
    // The same answers again (the frame handing over twice): no question.
    state.receive_carried(theirs);
    assert_eq!(state.arrival(), Some(Arrival::Adopted));
}

#[test]
fn a_carried_draft_where_a_pledge_was_signed_asks_and_signing_keeps_earlier_links() {
    let _owner = owner();
    let io = MemoryIo::default();
    let state = PledgeState::open(io.clone().shared(), Scope::FULL, None);
    act(
        &state,
        [
            Action::Tick(5, true),
            Action::Edit(Field::Name, "Camille".into()),
            Action::Edit(Field::Commune, "Lyon".into()),
            Action::GoTo(Step::Sign),
        ],
    );
    state.sign(None).unwrap();
    let first = state.latest_signed_payload().unwrap();
    state.dispatch(Action::StartOver);
    // Empty answers, but a signed pledge here: asked first.
    state.receive_carried(carried("Camille", &[0, 1], Step::Sign));
    assert!(matches!(
        state.arrival(),
        Some(Arrival::Asking { signed: true, .. })
    ));
    state.accept_arrival();
    state.dispatch(Action::GoTo(Step::Sign));
    state.sign(None).unwrap();
    assert_eq!(state.arrival(), None, "signing is checking");
    let second = state.latest_signed_payload().unwrap();
    assert_ne!(first, second);
    let earlier = state.earlier_pledges();
    assert_eq!(earlier.len(), 1);
    assert_eq!(earlier[0].payload, first);
    assert_eq!(earlier[0].count, 1);
    // Kept in storage, read by a page opened later.
    let later = PledgeState::open(io.clone().shared(), Scope::JOURNEY, None);
    assert_eq!(later.latest_signed_payload(), Some(second));
    assert_eq!(later.earlier_pledges(), earlier);
}

#[test]
fn another_tab_hears_of_a_replacement_and_can_take_its_answers_back() {
    let _owner = owner();
    let (io, a, b) = two_tabs_having([
        Action::Tick(5, true),
        Action::Edit(Field::Name, "Camille".into()),
    ]);
    let mine = a.with(Clone::clone);
    a.receive_carried(carried("Camille", &[0], Step::Sign));
    a.accept_arrival();
    // The storage events, in the order tab A wrote.
    for key in [keys::SET_ASIDE, StoredDraft::KEY] {
        b.changed_elsewhere(Some(key), io.stored(key).as_deref());
    }
    assert_eq!(b.notice(), Some(StorageNotice::ReplacedElsewhere));
    assert!(b.with(|d| !d.same_answers(&mine)));
    b.restore(0);
    assert!(b.with(|d| d.same_answers(&mine)));
    assert_eq!(b.notice(), None);
}

#[test]
fn a_tab_at_the_sign_step_whose_answers_another_tab_replaced_goes_back_to_the_summary() {
    let _owner = owner();
    let (io, a, b) = two_tabs_having([
        Action::Tick(5, true),
        Action::Edit(Field::Name, "Camille".into()),
        Action::Edit(Field::Commune, "Lyon".into()),
    ]);
    b.dispatch(Action::GoTo(Step::Sign));
    assert_eq!(b.with(|d| d.step), Step::Sign);
    a.receive_carried(carried("Camille", &[0, 1], Step::Sign));
    a.accept_arrival();
    for key in [keys::SET_ASIDE, StoredDraft::KEY] {
        b.changed_elsewhere(Some(key), io.stored(key).as_deref());
    }
    assert_eq!(b.notice(), Some(StorageNotice::ReplacedElsewhere));
    // Not left one click from signing answers it has not seen.
    assert!(matches!(b.with(|d| d.step), Step::Summary | Step::Identity));
}

#[test]
fn the_single_backup_of_older_versions_joins_the_list() {
    let _owner = owner();
    let io = MemoryIo::default();
    io.put(keys::OLD_DRAFT_BACKUP, "{old broken");
    let state = PledgeState::open(io.clone().shared(), Scope::JOURNEY, None);
    assert_eq!(
        state.set_aside_drafts().items()[0].kept,
        Kept::Unreadable("{old broken".into())
    );
    assert_eq!(io.stored(keys::OLD_DRAFT_BACKUP), None);
    state.forget_everything();
    assert_eq!(io.stored(keys::SET_ASIDE), None);
}

#[test]
fn a_frame_with_storage_apart_says_so_once_per_site() {
    let _owner = owner();
    let io = MemoryIo::default();
    let state = PledgeState::open(io.clone().shared(), Scope::JOURNEY, None);
    state.dispatch(Action::Tick(0, true));
    state.storage_kept_apart();
    assert_eq!(state.notice(), Some(StorageNotice::Partitioned));
    state.dismiss_notice();
    assert_eq!(state.notice(), None);
    // The next visit to this partner's page: already told.
    let again = PledgeState::open(io.clone().shared(), Scope::JOURNEY, None);
    again.storage_kept_apart();
    assert_eq!(again.notice(), None);
    // « Forget me » forgets that too.
    again.forget_everything();
    let after = PledgeState::open(io.clone().shared(), Scope::JOURNEY, None);
    after.storage_kept_apart();
    assert_eq!(after.notice(), Some(StorageNotice::Partitioned));
}

#[test]
fn a_frame_with_storage_apart_keeps_the_more_pressing_notice() {
    let _owner = owner();
    // Storage refused: its own notice (answers lost at close) stays.
    let refused = PledgeState::open(MemoryIo::unavailable().shared(), Scope::JOURNEY, None);
    refused.storage_kept_apart();
    assert_eq!(refused.notice(), Some(StorageNotice::Unavailable));
    // Refused after dismissal: nothing is said over it.
    refused.dismiss_notice();
    refused.storage_kept_apart();
    assert_eq!(refused.notice(), None);
    // A save that failed is said rather than this.
    let io = MemoryIo::default();
    let state = PledgeState::open(io.clone().shared(), Scope::JOURNEY, None);
    io.set_full(true);
    state.dispatch(Action::Tick(0, true));
    state.storage_kept_apart();
    assert_eq!(state.notice(), Some(StorageNotice::SaveFailed));
}

#[test]
fn with_storage_full_nothing_of_ones_own_is_replaced_or_dropped() {
    let _owner = owner();
    let io = MemoryIo::default();
    let state = PledgeState::open(io.clone().shared(), Scope::FULL, None);
    ready_to_sign(&state);
    state.sign(None).unwrap();
    let first = state.latest_signed_payload().unwrap();
    // A second pledge, signed when storage is full: the first stays stored.
    state.dispatch(Action::GoTo(Step::Summary));
    state.dispatch(Action::Tick(7, true));
    state.dispatch(Action::GoTo(Step::Sign));
    io.set_full(true);
    state.sign(None).unwrap();
    assert!(state.key_notices().signed_not_kept, "told it was not kept");
    assert_eq!(
        io.stored(keys::SIGNED),
        Some(first),
        "the stored pledge stays"
    );
    // Answers from elsewhere cannot set the candidate's own aside: kept.
    let mine = state.with(Clone::clone);
    state.receive_carried(carried("Other", &[2], Step::Sign));
    state.accept_arrival();
    assert!(state.with(|d| d.same_answers(&mine)));
    assert_eq!(state.notice(), Some(StorageNotice::CannotSetAside));
    assert_eq!(state.arrival(), None);
}

#[test]
fn a_tab_at_the_sign_step_goes_back_to_the_summary_when_answers_change_elsewhere() {
    let _owner = owner();
    let io = MemoryIo::default();
    let a = PledgeState::open(io.clone().shared(), Scope::FULL, None);
    let b = PledgeState::open(io.other_tab().shared(), Scope::FULL, None);
    ready_to_sign(&b);
    a.changed_elsewhere(
        Some(StoredDraft::KEY),
        io.stored(StoredDraft::KEY).as_deref(),
    );
    a.dispatch(Action::Tick(9, true));
    b.changed_elsewhere(
        Some(StoredDraft::KEY),
        io.stored(StoredDraft::KEY).as_deref(),
    );
    assert_eq!(b.with(|d| d.step), Step::Summary);
}

#[test]
fn another_tab_that_took_answers_from_another_page_is_heard_of() {
    let _owner = owner();
    let (io, a, b) = two_tabs_having([]);
    b.receive_carried(carried("Camille", &[0], Step::Sign));
    for key in [StoredDraft::KEY, keys::FROM_ELSEWHERE] {
        a.changed_elsewhere(Some(key), io.stored(key).as_deref());
    }
    assert_eq!(a.arrival(), Some(Arrival::Adopted));
    b.dispatch(Action::GoTo(Step::Sign));
    b.sign(None).unwrap();
    a.changed_elsewhere(Some(keys::FROM_ELSEWHERE), None);
    assert_eq!(a.arrival(), None);
}

#[test]
fn each_published_list_is_numbered_above_the_last_and_above_what_was_seen() {
    use crate::domain::PledgeList;
    let _owner = owner();
    let io = MemoryIo::default();
    let console = open_console(&io);
    console.create_key().unwrap();
    take_links(&console, &golden_links());
    let key = console.key().unwrap().public();
    let sequence = |json: String| PledgeList::open(&json, &key).unwrap().sequence.unwrap();
    let first = sequence(console.publish(None).unwrap().list);
    let second = sequence(console.publish(None).unwrap().list);
    assert!(second > first);
    // Storage refusing: numbered from memory, still above.
    io.set_full(true);
    let third = sequence(console.publish(None).unwrap().list);
    assert!(third > second);
    // Another browser published a list numbered far above: this one
    // numbers above it (a new console, its storage empty).
    io.set_full(false);
    let elsewhere = open_console(&MemoryIo::default());
    elsewhere.import_key(&console.key_file().unwrap()).unwrap();
    take_links(&elsewhere, &golden_links());
    let seen = third + 1000;
    assert!(sequence(elsewhere.publish(Some(seen)).unwrap().list) > seen);
}

#[test]
fn the_follow_up_is_kept_published_and_an_unreadable_one_set_aside() {
    use crate::domain::organiser::follow_up::{FollowUp, Mandate, Record, ReviewKind};
    use crate::domain::{Console, PledgeList};
    let _owner = owner();
    let io = MemoryIo::default();
    let console = open_console(&io);
    console.create_key().unwrap();
    take_links(&console, &golden_links());
    let signatory = console.with(|c| c.entries()[0].pledge.public_key());
    let today = console.today();
    assert!(console.record_follow_up(Record::Elected {
        key: signatory,
        date: today,
        mandate: Mandate::Mayor,
    }));
    assert!(console.record_follow_up(Record::Review {
        date: today,
        kind: ReviewKind::HundredDays,
    }));
    // Kept across a reload, and published with the list.
    let again = open_console(&io);
    assert_eq!(again.with_follow_up(|f| f.records.len()), 2);
    let json = console.publish(None).unwrap().list;
    let list = PledgeList::open(&json, &console.key().unwrap().public()).unwrap();
    assert_eq!(
        list.follow_up.mandate(&signatory, None),
        Some(Mandate::Mayor)
    );
    // An unreadable follow-up is set aside, never overwritten.
    io.put(Console::FOLLOW_UP_KEY, "pw-follow-up 1 !!!");
    let reopened = open_console(&io);
    assert!(reopened.notices().follow_up_set_aside);
    assert_eq!(reopened.with_follow_up(|f| f.records.len()), 0);
    assert_eq!(
        io.stored(Console::FOLLOW_UP_BACKUP_KEY).as_deref(),
        Some("pw-follow-up 1 !!!")
    );
    assert!(reopened.record_follow_up(Record::Review {
        date: today,
        kind: ReviewKind::Annual,
    }));
    let kept = FollowUp::from_stored(&io.stored(Console::FOLLOW_UP_KEY).unwrap()).unwrap();
    assert_eq!(kept.records.len(), 1);
}

#[test]
fn the_published_follow_up_is_taken_in_never_published_over() {
    use crate::domain::organiser::follow_up::{FollowUp, Record, ReviewKind};
    let _owner = owner();
    let review = |kind| Record::Review {
        date: crate::domain::SigningDate::from_days(2500),
        kind,
    };
    let published = FollowUp {
        records: vec![review(ReviewKind::HundredDays), review(ReviewKind::Annual)],
    };
    // A new device: its console takes the published follow-up in.
    let io = MemoryIo::default();
    let console = open_console(&io);
    console.create_key().unwrap();
    console.saw_published(&published);
    assert_eq!(console.with_follow_up(Clone::clone), published);
    assert!(open_console(&io).with_follow_up(|f| f.records.len()) == 2);
    // A record the browser refuses to keep is not taken (nor published).
    io.set_full(true);
    assert!(!console.record_follow_up(review(ReviewKind::MidTerm)));
    assert_eq!(console.with_follow_up(|f| f.records.len()), 2);
    io.set_full(false);
    // A console whose follow-up is not a beginning of the published one
    // holds publishing, and says so.
    let other = open_console(&MemoryIo::default());
    other.create_key().unwrap();
    assert!(other.record_follow_up(review(ReviewKind::MidTerm)));
    other.saw_published(&published);
    assert!(other.notices().follow_up_conflict);
    assert!(other.publish(None).is_none());
    assert_eq!(other.with_follow_up(|f| f.records.len()), 1, "its own kept");
    assert_eq!(console.notices().follow_up_taken_in, 2, "said how many");

    // Said until the follow-up is kept, whatever the console's own saves
    // say meanwhile.
    {
        let io = MemoryIo::default();
        let console = open_console(&io);
        take_links(&console, &golden_links());
        io.set_full(true);
        console.saw_published(&published);
        assert!(console.notices().storage_full);
        io.set_full(false);
        console.set_status(0, crate::domain::EntryStatus::Verified);
        assert!(
            console.notices().storage_full,
            "the follow-up is not kept yet"
        );
        assert!(console.record_follow_up(review(ReviewKind::MidTerm)));
        assert!(!console.notices().storage_full);
        assert_eq!(open_console(&io).with_follow_up(|f| f.records.len()), 3);
    }
    // A browser that cannot keep the published follow-up (full, or no
    // storage) still takes it in, says so, and publishes it whole: never
    // a list without the records already published.
    for io in [MemoryIo::default(), MemoryIo::unavailable()] {
        let console = open_console(&io);
        console.create_key().unwrap();
        io.set_full(true);
        console.saw_published(&published);
        assert_eq!(console.with_follow_up(Clone::clone), published);
        let notices = console.notices();
        assert!(notices.storage_full || notices.not_saved);
        let list = console.publish(None).expect("published");
        let key = console.key().unwrap().public();
        let read = crate::domain::PledgeList::open(&list.list, &key).unwrap();
        assert_eq!(read.follow_up, published);
    }
}

#[test]
fn a_conflict_is_settled_by_taking_the_published_follow_up_its_own_set_aside() {
    use crate::domain::organiser::follow_up::{FollowUp, Record, ReviewKind};
    use crate::domain::Console;
    let _owner = owner();
    let review = |kind| Record::Review {
        date: crate::domain::SigningDate::from_days(2500),
        kind,
    };
    let published = FollowUp {
        records: vec![review(ReviewKind::HundredDays)],
    };
    let io = MemoryIo::default();
    let console = open_console(&io);
    console.create_key().unwrap();
    assert!(console.record_follow_up(review(ReviewKind::MidTerm)));
    let own = io.stored(Console::FOLLOW_UP_KEY).unwrap();
    // Nothing read yet: nothing to take.
    assert!(!console.take_published());
    console.saw_published(&published);
    assert!(console.notices().follow_up_conflict);
    // Another follow-up already set aside: never written over.
    io.put(Console::FOLLOW_UP_BACKUP_KEY, "an earlier backup");
    assert!(!console.take_published());
    assert_eq!(io.stored(Console::FOLLOW_UP_KEY).unwrap(), own);
    assert!(console.notices().follow_up_conflict);
    crate::state::Io::remove(&io, Console::FOLLOW_UP_BACKUP_KEY).unwrap();
    assert!(console.take_published());
    assert_eq!(io.stored(Console::FOLLOW_UP_BACKUP_KEY).unwrap(), own);
    assert_eq!(console.with_follow_up(Clone::clone), published);
    assert!(!console.notices().follow_up_conflict);
    assert!(console.publish(None).is_some(), "publishing again");
    assert_eq!(
        open_console(&io).with_follow_up(Clone::clone),
        published,
        "kept across a reload"
    );
}

#[test]
fn a_follow_up_that_could_not_be_set_aside_is_never_published_over() {
    use crate::domain::Console;
    let _owner = owner();
    let io = MemoryIo::default();
    io.put(Console::FOLLOW_UP_KEY, "pw-follow-up 1 !!!");
    // The backup slot holds another text: the unreadable one stays, held.
    io.put(Console::FOLLOW_UP_BACKUP_KEY, "an earlier backup");
    let console = open_console(&io);
    console.create_key().unwrap();
    assert!(console.notices().follow_up_set_aside);
    assert!(
        console.publish(None).is_none(),
        "an empty follow-up would erase the published one"
    );
    assert_eq!(
        io.stored(Console::FOLLOW_UP_KEY).as_deref(),
        Some("pw-follow-up 1 !!!")
    );
}
