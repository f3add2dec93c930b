//! The organiser's console, as data: the pledges gathered from pasted
//! links, each with the status the organiser gives it, kept in storage
//! between visits and published as a [`PledgeList`].

use std::collections::HashMap;

use crate::domain::journey::stored_draft::{RecordError, RecordErrorKind};
use crate::domain::json::{self, Json, Version};
use crate::domain::organiser::pledge_list::{EntryStatus, ListEntry, PledgeList};
use crate::domain::pledge::keys::PublicKey;
use crate::domain::pledge::payload::{LinkError, LinkErrorKind, Payload};
use crate::domain::pledge::share_link::ShareLink;
use crate::domain::pledge::signed_pledge::VerifiedPledge;
use crate::domain::signing_date::SigningDate;

/// A pledge the organiser gathered.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Gathered {
    /// The payload as a link carries it, after `#e=`, in its canonical
    /// form (whatever trailing `/` or spaces the pasted link had).
    pub payload_text: String,
    /// The payload's bytes, as published.
    pub payload: Vec<u8>,
    pub pledge: VerifiedPledge,
    /// The organiser's own note (how the key was checked…); never published.
    pub note: String,
}

/// What became of one link pasted into the console.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Intake {
    /// A valid pledge, now in the console; `replaces`: an older pledge of
    /// the same key is now shown as replaced (the new one keeps the key's
    /// status).
    Added { replaces: bool },
    /// Valid, but the same key signed a later pledge already here: kept,
    /// shown as replaced.
    Superseded,
    /// This very pledge is already here.
    Duplicate,
    /// Not a valid pledge, with the reason.
    Invalid(LinkErrorKind),
}

/// One verdict: the line it was on (from 1), the text read, the candidate's
/// name when the link was valid, the key's status in the console then, and
/// what became of it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct IntakeLine {
    pub line: usize,
    pub text: String,
    pub name: Option<String>,
    pub status: Option<EntryStatus>,
    pub intake: Intake,
}

/// What a paste or a file gave: a verdict per link, and the non-blank
/// lines that held none (their numbers, from 1), said together.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct IntakeReport {
    pub links: Vec<IntakeLine>,
    pub without_link: Vec<usize>,
    /// The text was over [`Console::MAX_INTAKE_BYTES`] or held more than
    /// [`Console::MAX_INTAKE_LINKS`] links: nothing was taken.
    pub too_big: bool,
}

impl IntakeReport {
    /// How many links got `intake` (compared by kind, reasons aside).
    pub fn count(&self, kind: fn(&Intake) -> bool) -> usize {
        self.links.iter().filter(|l| kind(&l.intake)).count()
    }
}

/// Everything in the console. A status belongs to the candidate's key, not
/// to one link: every pledge of a key shows it, a pledge the same key signs
/// later keeps it (a withdrawn candidate who signs again stays « retiré »
/// until the organiser changes it; a verified key stays verified, since
/// the check was of the key), and only the key's latest pledge is
/// published.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Console {
    entries: Vec<Gathered>,
    /// Each key's status and the day it was set.
    statuses: HashMap<[u8; 32], (EntryStatus, SigningDate)>,
    /// A key whose status is « clé remplacée »: the same candidate's new key.
    new_keys: HashMap<[u8; 32], PublicKey>,
    /// Kept with every change, so that no lookup walks the entries: each
    /// key's current pledge (latest signing date, then latest gathered)…
    latest: HashMap<[u8; 32], (SigningDate, usize)>,
    /// …and each payload's entry.
    by_payload: HashMap<String, usize>,
}

/// The pledge links in a line of text (a link, a CSV row, a message):
/// each `#e=` and the base64url characters after it.
fn payloads_in(line: &str) -> Vec<&str> {
    let mut found = Vec::new();
    let mut rest = line;
    while let Some(at) = rest.find("#e=") {
        let after = &rest[at + 3..];
        let end = after
            .find(|c: char| !(c.is_ascii_alphanumeric() || c == '-' || c == '_'))
            .unwrap_or(after.len());
        found.push(&after[..end]);
        rest = &after[end..];
    }
    found
}

/// A payload's bytes, read from its text (the signature not yet checked).
fn payload_bytes(text: &str) -> Result<Vec<u8>, LinkErrorKind> {
    match ShareLink::payload(&format!("{}{text}", ShareLink::MARKER)) {
        Some(Ok(bytes)) => Ok(bytes),
        Some(Err(e)) => Err(e.kind()),
        None => Err(LinkErrorKind::Truncated),
    }
}

/// Each payload's signature checked in Rust, the way a host (and a browser
/// without Ed25519 in WebCrypto) checks them: what [`Console::take_checked`]
/// and [`Console::from_record`] are given in the browser by WebCrypto.
pub fn check_in_rust(payloads: &[&[u8]]) -> Vec<Result<VerifiedPledge, LinkError>> {
    use crate::domain::pledge::codec::Decoder;
    payloads.iter().map(|b| Payload::decode(b)).collect()
}

/// A pledge link found in pasted text: where, and its bytes once read
/// (its signature is checked after, many at once).
#[derive(Clone, Debug, PartialEq, Eq)]
struct Pasted {
    line: usize,
    text: String,
    bytes: Result<Vec<u8>, LinkErrorKind>,
}

/// What a paste or a file held, read but not yet checked: the signatures
/// of [`PastedLinks::payloads`] are checked together (by the browser's
/// WebCrypto, off the page's thread), then [`Console::take_checked`] keeps
/// the valid ones.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct PastedLinks {
    found: Vec<Pasted>,
    without_link: Vec<usize>,
}

impl PastedLinks {
    /// The payloads to check, in order (the links that could be read).
    pub fn payloads(&self) -> Vec<&[u8]> {
        self.found
            .iter()
            .filter_map(|p| p.bytes.as_deref().ok())
            .collect()
    }
}

/// A stored console, read but its pledges not yet checked: see
/// [`Console::read_record`].
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ConsoleRecord {
    items: Vec<RecordItem>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
struct RecordItem {
    payload: Vec<u8>,
    status: EntryStatus,
    date: SigningDate,
    /// With « clé remplacée »: the new key.
    new_key: Option<[u8; 32]>,
    note: String,
}

impl ConsoleRecord {
    /// The payloads whose signatures are to be checked, in order.
    pub fn payloads(&self) -> Vec<&[u8]> {
        self.items.iter().map(|i| i.payload.as_slice()).collect()
    }

    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
    }
}

/// Bytes read from the front.
struct Bytes<'a>(&'a [u8]);

impl<'a> Bytes<'a> {
    fn take(&mut self, n: usize) -> Option<&'a [u8]> {
        let (head, tail) = self.0.split_at_checked(n)?;
        self.0 = tail;
        Some(head)
    }

    /// Two bytes, little endian.
    fn u16(&mut self) -> Option<u16> {
        self.take(2).map(|b| u16::from_le_bytes([b[0], b[1]]))
    }
}

/// How the stored record starts, before the packed bytes (version 2).
const RECORD_V2: &str = "pw-console 2 ";

impl Console {
    /// Storage key of the console's record.
    pub const KEY: &'static str = "pw-pledge-widget/organiser-console/v1";
    /// The sequence of the last list this console published
    /// (`pledge_list::next_sequence`), in decimal.
    pub const SEQUENCE_KEY: &'static str = "pw-pledge-widget/organiser-console/list-sequence";
    /// The follow-up after the vote (`FollowUp::to_stored`).
    pub const FOLLOW_UP_KEY: &'static str = "pw-pledge-widget/organiser-console/follow-up";
    /// Where an unreadable follow-up is moved instead of being deleted.
    pub const FOLLOW_UP_BACKUP_KEY: &'static str = "pw-pledge-widget/follow-up/backup";
    /// Where an unreadable record is moved instead of being deleted.
    pub const BACKUP_KEY: &'static str = "pw-pledge-widget/organiser-console/unreadable-backup";
    /// The most text taken at once, pasted or from a file: 16 MB (about
    /// 60,000 links).
    pub const MAX_INTAKE_BYTES: usize = 16 * 1024 * 1024;
    /// The most links taken at once.
    pub const MAX_INTAKE_LINKS: usize = 50_000;

    pub fn entries(&self) -> &[Gathered] {
        &self.entries
    }

    /// The entry whose payload text is `payload_text`.
    pub fn index_of(&self, payload_text: &str) -> Option<usize> {
        self.by_payload.get(payload_text).copied()
    }

    /// Whether entry `index` is its key's current pledge (the others are
    /// replaced, and not published).
    pub fn is_current(&self, index: usize) -> bool {
        self.entries.get(index).is_some_and(|g| {
            let key = g.pledge.public_key().to_bytes();
            self.latest.get(&key).is_some_and(|(_, i)| *i == index)
        })
    }

    /// For each entry, whether it is its key's current pledge.
    pub fn current(&self) -> Vec<bool> {
        (0..self.entries.len())
            .map(|i| self.is_current(i))
            .collect()
    }

    /// The status of a key, and the day it was set (« en attente » for a
    /// key the console does not know).
    pub fn status_of(&self, key: PublicKey) -> Option<(EntryStatus, SigningDate)> {
        self.statuses.get(&key.to_bytes()).copied()
    }

    /// The status entry `index` shows: its key's.
    pub fn status(&self, index: usize) -> Option<(EntryStatus, SigningDate)> {
        self.status_of(self.entries.get(index)?.pledge.public_key())
    }

    /// Finds every pledge link in `text` (one per line, or a CSV of them)
    /// and reads it, without checking signatures yet; the non-blank lines
    /// without one are noted. `None`: the text is over
    /// [`Console::MAX_INTAKE_BYTES`] or has more than
    /// [`Console::MAX_INTAKE_LINKS`] links, and is refused whole.
    pub fn read_links(text: &str) -> Option<PastedLinks> {
        if text.len() > Console::MAX_INTAKE_BYTES
            || text.matches("#e=").count() > Console::MAX_INTAKE_LINKS
        {
            return None;
        }
        let mut pasted = PastedLinks::default();
        for (index, line) in text.lines().enumerate() {
            let found = payloads_in(line);
            if found.is_empty() && !line.trim().is_empty() {
                pasted.without_link.push(index + 1);
            }
            for payload in found {
                pasted.found.push(Pasted {
                    line: index + 1,
                    text: shorten(payload),
                    bytes: payload_bytes(payload),
                });
            }
        }
        Some(pasted)
    }

    /// Keeps the valid pledges of `pasted`, given what the check of each of
    /// its [`PastedLinks::payloads`] found, in order: a new key « en
    /// attente » from `today`, a known key with its status. A verdict per
    /// link, and the lines without one.
    pub fn take_checked(
        &mut self,
        pasted: PastedLinks,
        checked: Vec<Result<VerifiedPledge, LinkError>>,
        today: SigningDate,
    ) -> IntakeReport {
        let mut checked = checked.into_iter();
        let mut report = IntakeReport {
            without_link: pasted.without_link,
            ..IntakeReport::default()
        };
        for Pasted { line, text, bytes } in pasted.found {
            let read = bytes.and_then(|bytes| match checked.next() {
                Some(Ok(pledge)) => Ok((bytes, pledge)),
                Some(Err(e)) => Err(e.kind()),
                None => Err(LinkErrorKind::SignatureMismatch),
            });
            let (name, key, intake) = match read {
                Ok((bytes, pledge)) => self.take(bytes, pledge, today),
                Err(kind) => (None, None, Intake::Invalid(kind)),
            };
            report.links.push(IntakeLine {
                line,
                text,
                name,
                status: key.and_then(|k| self.status_of(k)).map(|(s, _)| s),
                intake,
            });
        }
        report
    }

    /// [`Console::read_links`] and [`Console::take_checked`], the
    /// signatures checked in Rust.
    pub fn take_links(&mut self, text: &str, today: SigningDate) -> IntakeReport {
        let Some(pasted) = Console::read_links(text) else {
            return IntakeReport {
                too_big: true,
                ..IntakeReport::default()
            };
        };
        let checked = check_in_rust(&pasted.payloads());
        self.take_checked(pasted, checked, today)
    }

    fn take(
        &mut self,
        bytes: Vec<u8>,
        pledge: VerifiedPledge,
        today: SigningDate,
    ) -> (Option<String>, Option<PublicKey>, Intake) {
        let text = ShareLink::payload_text_of(&bytes);
        let name = Some(pledge.pledge().name().to_owned());
        let public = pledge.public_key();
        if self.by_payload.contains_key(&text) {
            return (name, Some(public), Intake::Duplicate);
        }
        let key = public.to_bytes();
        let date = pledge.pledge().date();
        let index = self.entries.len();
        self.statuses
            .entry(key)
            .or_insert((EntryStatus::Pending, today));
        let intake = match self.latest.get(&key).copied() {
            None => {
                self.latest.insert(key, (date, index));
                Intake::Added { replaces: false }
            }
            Some((latest, _)) if date >= latest => {
                self.latest.insert(key, (date, index));
                Intake::Added { replaces: true }
            }
            Some(_) => Intake::Superseded,
        };
        self.by_payload.insert(text.clone(), index);
        self.entries.push(Gathered {
            payload_text: text,
            payload: bytes,
            pledge,
            note: String::new(),
        });
        (name, Some(public), intake)
    }

    /// Rebuilds what is kept alongside the entries (after a removal, or
    /// once read back).
    fn reindex(&mut self) {
        self.latest.clear();
        self.by_payload.clear();
        for (index, g) in self.entries.iter().enumerate() {
            let key = g.pledge.public_key().to_bytes();
            let date = g.pledge.pledge().date();
            let slot = self.latest.entry(key).or_insert((date, index));
            if date >= slot.0 {
                *slot = (date, index);
            }
            self.by_payload.insert(g.payload_text.clone(), index);
        }
        let latest = &self.latest;
        self.statuses.retain(|key, _| latest.contains_key(key));
        // A new key whose pledges are all gone (removed, or never there in
        // a tampered record) replaces nothing: the old key is « en
        // attente » again, and counts.
        let gone: Vec<[u8; 32]> = self
            .new_keys
            .iter()
            .filter(|(key, new)| {
                !latest.contains_key(*key) || !latest.contains_key(&new.to_bytes())
            })
            .map(|(key, _)| *key)
            .collect();
        for key in gone {
            self.new_keys.remove(&key);
            if let Some(slot) = self.statuses.get_mut(&key) {
                if slot.0 == EntryStatus::KeyReplaced {
                    slot.0 = EntryStatus::Pending;
                }
            }
        }
    }

    /// Sets the status of entry `index`'s key (so of every pledge of that
    /// key), dated `today`; the same status again keeps its date.
    pub fn set_status(&mut self, index: usize, status: EntryStatus, today: SigningDate) {
        let Some(g) = self.entries.get(index) else {
            return;
        };
        let key = g.pledge.public_key().to_bytes();
        let slot = self
            .statuses
            .entry(key)
            .or_insert((EntryStatus::Pending, today));
        if slot.0 != status {
            *slot = (status, today);
        }
        if status != EntryStatus::KeyReplaced {
            self.new_keys.remove(&key);
        }
    }

    /// « Même candidat·e, nouvelle clé »: the key of entry `old` is the
    /// same candidate's earlier key, and the key of entry `new` their
    /// key now. The old key becomes « clé remplacée » (its pledges count
    /// for nothing; the list names the new key) and the new key « vérifié »,
    /// both from `today`. Refused (false) for the same key, or a new key
    /// that is itself replaced.
    pub fn link_new_key(&mut self, old: usize, new: usize, today: SigningDate) -> bool {
        let (Some(o), Some(n)) = (self.entries.get(old), self.entries.get(new)) else {
            return false;
        };
        let (old_key, new_key) = (o.pledge.public_key(), n.pledge.public_key());
        if old_key == new_key || self.new_keys.contains_key(&new_key.to_bytes()) {
            return false;
        }
        self.statuses
            .insert(old_key.to_bytes(), (EntryStatus::KeyReplaced, today));
        self.new_keys.insert(old_key.to_bytes(), new_key);
        self.set_status(new, EntryStatus::Verified, today);
        // A key that named the old one as its new one now names this one.
        for k in self.new_keys.values_mut() {
            if *k == old_key {
                *k = new_key;
            }
        }
        true
    }

    /// The new key of entry `index`'s key, where it is « clé remplacée ».
    pub fn new_key(&self, index: usize) -> Option<PublicKey> {
        let key = self.entries.get(index)?.pledge.public_key().to_bytes();
        self.new_keys.get(&key).copied()
    }

    /// The other keys a candidate's new key could be, for entry `index`:
    /// each other key's current entry whose candidate has the same name
    /// (folded: accents, case), and that is not itself replaced.
    pub fn same_name_keys(&self, index: usize) -> Vec<usize> {
        let Some(g) = self.entries.get(index) else {
            return Vec::new();
        };
        let key = g.pledge.public_key();
        let name = crate::domain::journey::search::fold(g.pledge.pledge().name());
        (0..self.entries.len())
            .filter(|&i| self.is_current(i))
            .filter(|&i| {
                let other = &self.entries[i].pledge;
                other.public_key() != key
                    && !self.new_keys.contains_key(&other.public_key().to_bytes())
                    && crate::domain::journey::search::fold(other.pledge().name()) == name
            })
            .collect()
    }

    pub fn set_note(&mut self, index: usize, note: &str) {
        if let Some(g) = self.entries.get_mut(index) {
            g.note = note.chars().take(500).collect();
        }
    }

    /// Drops an entry (a link pasted by mistake). A key left with no
    /// pledge loses its status.
    pub fn remove(&mut self, index: usize) {
        if index < self.entries.len() {
            self.entries.remove(index);
            self.reindex();
        }
    }

    /// The list to publish: each key's current pledge with the key's
    /// status (« retiré » included: the wall counts those apart), in the
    /// order gathered.
    pub fn list(&self, issued: SigningDate, sequence: u32) -> PledgeList {
        let entries = self
            .published()
            .map(|(g, (status, status_date))| ListEntry {
                status,
                status_date,
                payload: g.payload.clone(),
                new_key: self
                    .new_keys
                    .get(&g.pledge.public_key().to_bytes())
                    .copied(),
            })
            .collect();
        PledgeList {
            issued,
            sequence: Some(sequence),
            entries,
            follow_up: Default::default(),
        }
    }

    /// What is published: each key's current pledge and the key's status,
    /// in the order gathered.
    pub fn published(&self) -> impl Iterator<Item = (&Gathered, (EntryStatus, SigningDate))> {
        self.entries
            .iter()
            .enumerate()
            .filter(|(i, _)| self.is_current(*i))
            .filter_map(|(i, g)| Some((g, self.status(i)?)))
    }

    /// The record kept in storage (version 2): [`RECORD_V2`], then the
    /// bytes of every entry, [packed](crate::domain::organiser::packed) 15 bits to a
    /// character. Each entry: the payload's length (2 bytes, little
    /// endian) and bytes, its key's status (1 byte, [`EntryStatus::byte`]) and
    /// that status's day (2 bytes), the note's length in bytes (2) and its
    /// UTF-8. About 95 characters a pledge, where version 1's JSON took
    /// 330: 30,000 pledges fit in every browser's storage.
    pub fn encode(&self) -> String {
        let mut bytes = Vec::with_capacity(self.entries.iter().map(|g| g.payload.len() + 8).sum());
        // Payloads are at most 2 KB and notes 500 characters: both fit.
        let put_len = |out: &mut Vec<u8>, n: usize| out.extend((n as u16).to_le_bytes());
        for (i, g) in self.entries.iter().enumerate() {
            let (status, date) = self
                .status(i)
                .unwrap_or((EntryStatus::Pending, SigningDate::from_days(0)));
            put_len(&mut bytes, g.payload.len());
            bytes.extend_from_slice(&g.payload);
            bytes.push(status.byte());
            bytes.extend(date.days().to_le_bytes());
            if status == EntryStatus::KeyReplaced {
                let key = g.pledge.public_key().to_bytes();
                bytes.extend(self.new_keys.get(&key).map_or([0; 32], |k| k.to_bytes()));
            }
            put_len(&mut bytes, g.note.len());
            bytes.extend_from_slice(g.note.as_bytes());
        }
        format!(
            "{RECORD_V2}{}",
            crate::domain::organiser::packed::pack(&bytes)
        )
    }

    /// Reads a stored record (version 2, or version 1's JSON) without
    /// checking its pledges' signatures yet: [`Console::from_record`]
    /// takes the checks' answers.
    pub fn read_record(text: &str) -> Result<ConsoleRecord, RecordError> {
        let malformed = |why: &str| RecordError::new(RecordErrorKind::Malformed(why.into()));
        if let Some(packed) = text.strip_prefix(RECORD_V2) {
            let bytes = crate::domain::organiser::packed::unpack(packed)
                .ok_or(malformed("not packed bytes"))?;
            let mut rest = Bytes(&bytes);
            let mut items = Vec::new();
            while !rest.0.is_empty() {
                let cut = || malformed("an entry is cut");
                let n = rest.u16().ok_or_else(cut)?;
                let payload = rest.take(n.into()).ok_or_else(cut)?.to_vec();
                let status = rest.take(1).ok_or_else(cut)?[0];
                let status = EntryStatus::from_byte(status).ok_or(malformed("unknown status"))?;
                let date = rest.u16().ok_or_else(cut)?;
                let new_key = match status {
                    EntryStatus::KeyReplaced => Some(
                        <[u8; 32]>::try_from(rest.take(32).ok_or_else(cut)?).map_err(|_| cut())?,
                    ),
                    _ => None,
                };
                let n = rest.u16().ok_or_else(cut)?;
                let note = std::str::from_utf8(rest.take(n.into()).ok_or_else(cut)?)
                    .map_err(|_| malformed("a note is not UTF-8"))?;
                items.push(RecordItem {
                    payload,
                    status,
                    date: SigningDate::from_days(date),
                    new_key,
                    note: note.chars().take(500).collect(),
                });
            }
            return Ok(ConsoleRecord { items });
        }
        let record = json::parse(text).map_err(|e| malformed(&e.to_string()))?;
        match record.version() {
            Version::Whole(1) => {}
            Version::Whole(v) => return Err(RecordError::new(RecordErrorKind::UnknownVersion(v))),
            Version::NotAWholeNumber => {
                return Err(RecordError::new(RecordErrorKind::UnknownVersion(u64::MAX)))
            }
            Version::NotANumber | Version::Missing => return Err(malformed("no version")),
        }
        let Some(Json::Array(items)) = record.get("entries") else {
            return Err(malformed("no entries"));
        };
        let items = items
            .iter()
            .map(|item| {
                let string = |k: &str| match item.get(k) {
                    Some(Json::String(s)) => Ok(s.as_str()),
                    _ => Err(malformed("an entry lacks a text field")),
                };
                let payload = payload_bytes(string("link")?)
                    .map_err(|_| malformed("an entry's pledge does not verify"))?;
                // Version 1 had no « clé remplacée » (it names no new key).
                let status = EntryStatus::from_key(string("status")?)
                    .filter(|s| *s != EntryStatus::KeyReplaced)
                    .ok_or(malformed("unknown status"))?;
                let date = match item.get("date") {
                    Some(Json::Number(n)) => n.parse::<u16>().map_err(|_| malformed("bad date"))?,
                    _ => return Err(malformed("no date")),
                };
                Ok(RecordItem {
                    payload,
                    status,
                    date: SigningDate::from_days(date),
                    new_key: None,
                    note: string("note")?.chars().take(500).collect(),
                })
            })
            .collect::<Result<_, _>>()?;
        Ok(ConsoleRecord { items })
    }

    /// The console of a record read by [`Console::read_record`], given the
    /// check of each of its [`ConsoleRecord::payloads`], in order: one
    /// pledge that does not verify refuses the whole record (it is set
    /// aside, never half read). A link is kept in its canonical form.
    /// Records written before statuses were the key's may give a key's
    /// pledges different ones: the key takes the one most recently set
    /// other than « en attente » (which is what a pledge taken later was
    /// given by default), else « en attente ».
    pub fn from_record(
        record: ConsoleRecord,
        checked: Vec<Result<VerifiedPledge, LinkError>>,
    ) -> Result<Console, RecordError> {
        let malformed = |why: &str| RecordError::new(RecordErrorKind::Malformed(why.into()));
        if checked.len() != record.items.len() {
            return Err(malformed("not every pledge was checked"));
        }
        let mut console = Console {
            entries: Vec::with_capacity(record.items.len()),
            ..Console::default()
        };
        for (item, pledge) in record.items.into_iter().zip(checked) {
            let Ok(pledge) = pledge else {
                return Err(malformed("an entry's pledge does not verify"));
            };
            let payload_text = ShareLink::payload_text_of(&item.payload);
            if console.by_payload.contains_key(&payload_text) {
                continue;
            }
            let rank = |(s, d): (EntryStatus, SigningDate)| (s != EntryStatus::Pending, d);
            let key = pledge.public_key().to_bytes();
            if item.new_key == Some(key) {
                return Err(malformed("a key replaced by itself"));
            }
            let slot = console
                .statuses
                .entry(key)
                .or_insert((item.status, item.date));
            if rank((item.status, item.date)) >= rank(*slot) {
                *slot = (item.status, item.date);
                match item.new_key {
                    Some(new) => {
                        console.new_keys.insert(key, PublicKey::from_bytes(new));
                    }
                    None => {
                        console.new_keys.remove(&key);
                    }
                }
            }
            console
                .by_payload
                .insert(payload_text.clone(), console.entries.len());
            console.entries.push(Gathered {
                payload_text,
                payload: item.payload,
                pledge,
                note: item.note,
            });
        }
        console.reindex();
        Ok(console)
    }

    /// [`Console::read_record`] and [`Console::from_record`], the
    /// signatures checked in Rust.
    pub fn decode(text: &str) -> Result<Console, RecordError> {
        let record = Console::read_record(text)?;
        let checked = check_in_rust(&record.payloads());
        Console::from_record(record, checked)
    }
}

/// At most 60 characters of a pasted text, for the report.
fn shorten(text: &str) -> String {
    if text.chars().count() <= 60 {
        return text.to_owned();
    }
    let head: String = text.chars().take(59).collect();
    format!("{head}…")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::journey::identity::Identity;
    use crate::domain::journey::selection::Selection;
    use crate::domain::pledge::codec::Decoder;
    use crate::domain::pledge::keys::PledgeKey;
    use crate::domain::pledge::payload::Payload;
    use crate::domain::pledge::signed_pledge::Pledge;

    fn link(seed: u8, name: &str, day: u16) -> String {
        let identity = Identity {
            name: name.into(),
            commune: "Lyon".into(),
            commune_code: None,
            list: String::new(),
            role: None,
        };
        let mut selection = Selection::default();
        selection.set(3, true);
        let signed = Pledge::new(selection, &identity, SigningDate::from_days(day), None)
            .unwrap()
            .sign(&PledgeKey::from_seed([seed; 32]));
        ShareLink::build("https://w.example/engagements/", &signed)
    }

    fn today() -> SigningDate {
        SigningDate::from_days(3000)
    }

    #[test]
    fn pasted_links_get_a_verdict_each() {
        let (a, b, c) = (
            link(1, "Ana", 2500),
            link(2, "Bea", 2500),
            link(3, "Cid", 2500),
        );
        // One character of the signature changed.
        let altered = link(4, "Dan", 2500);
        let at = altered.len() - 10;
        let swap = if &altered[at..=at] == "A" { "B" } else { "A" };
        let altered = format!("{}{swap}{}", &altered[..at], &altered[at + 1..]);
        let text = format!("{a}\n\n  {b}  \nnom,lien\n\"Cid\",\"{c}\"\n{altered}\n{a}/\nfin\n");
        let mut console = Console::default();
        let report = console.take_links(&text, today());
        let verdicts: Vec<(usize, Intake)> = report
            .links
            .iter()
            .map(|r| (r.line, r.intake.clone()))
            .collect();
        assert_eq!(
            verdicts,
            [
                (1, Intake::Added { replaces: false }),
                (3, Intake::Added { replaces: false }),
                (5, Intake::Added { replaces: false }),
                (6, Intake::Invalid(LinkErrorKind::SignatureMismatch)),
                (7, Intake::Duplicate),
            ]
        );
        // Lines without a link are said together.
        assert_eq!(report.without_link, [4, 8]);
        assert_eq!(report.links[2].name.as_deref(), Some("Cid"));
        assert_eq!(report.links[2].status, Some(EntryStatus::Pending));
        assert_eq!(report.links[3].status, None);
        assert_eq!(console.entries().len(), 3);
        assert!((0..3).all(|i| console.status(i).map(|s| s.0) == Some(EntryStatus::Pending)));
        assert_eq!(
            console.index_of(&console.entries()[1].payload_text),
            Some(1)
        );
    }

    #[test]
    fn too_much_text_is_refused_whole() {
        let mut console = Console::default();
        let one = link(1, "Ana", 2500);
        let many = format!("{one}\n").repeat(Console::MAX_INTAKE_LINKS + 1);
        let report = console.take_links(&many, today());
        assert!(report.too_big && report.links.is_empty());
        let big = " ".repeat(Console::MAX_INTAKE_BYTES + 1);
        assert!(console.take_links(&big, today()).too_big);
        assert!(console.entries().is_empty());
    }

    #[test]
    fn a_later_pledge_of_the_same_key_replaces_the_older() {
        let mut console = Console::default();
        console.take_links(&link(1, "Ana", 2500), today());
        let newer = console.take_links(&link(1, "Ana B.", 2510), today());
        assert_eq!(newer.links[0].intake, Intake::Added { replaces: true });
        let older = console.take_links(&link(1, "Ana A.", 2400), today());
        assert_eq!(older.links[0].intake, Intake::Superseded);
        assert_eq!(console.current(), [false, true, false]);
        let list = console.list(today(), 1);
        assert_eq!(list.entries.len(), 1);
        assert_eq!(
            Payload::decode(&list.entries[0].payload)
                .unwrap()
                .pledge()
                .name(),
            "Ana B."
        );
        // Removing the current one makes the next latest current.
        console.remove(1);
        assert_eq!(console.current(), [true, false]);
    }

    #[test]
    fn a_status_belongs_to_the_key_not_to_one_link() {
        let mut console = Console::default();
        console.take_links(&link(1, "Ana", 2500), today());
        console.take_links(&link(2, "Bea", 2500), today());
        let withdrawn_on = SigningDate::from_days(3001);
        console.set_status(0, EntryStatus::Withdrawn, withdrawn_on);
        // The withdrawn candidate signs again: still « retiré », from the
        // same day, until the organiser acts.
        let later = SigningDate::from_days(3010);
        let again = console.take_links(&link(1, "Ana", 2600), later);
        assert_eq!(again.links[0].intake, Intake::Added { replaces: true });
        assert_eq!(again.links[0].status, Some(EntryStatus::Withdrawn));
        assert_eq!(
            console.status(2),
            Some((EntryStatus::Withdrawn, withdrawn_on))
        );
        assert_eq!(console.status(0), console.status(2));
        // Published, with its status: the wall counts it apart.
        let list = console.list(later, 1);
        assert_eq!(
            list.entries
                .iter()
                .map(|e| (e.status, e.status_date))
                .collect::<Vec<_>>(),
            [
                (EntryStatus::Pending, today()),
                (EntryStatus::Withdrawn, withdrawn_on)
            ]
        );
        assert_eq!(list.entries[1].payload, console.entries()[2].payload);
        // Acting on any pledge of the key acts on the key.
        console.set_status(0, EntryStatus::Verified, later);
        assert_eq!(console.status(2), Some((EntryStatus::Verified, later)));
        // A verified key's newer pledge is verified: the check was of the key.
        let third = console.take_links(&link(1, "Ana", 2700), later);
        assert_eq!(third.links[0].status, Some(EntryStatus::Verified));
        // And it survives storage.
        let back = Console::decode(&console.encode()).unwrap();
        assert_eq!(back, console);
    }

    #[test]
    fn an_older_record_gives_the_key_its_latest_deliberate_status() {
        // Written before statuses were the key's: the withdrawn pledge,
        // then the same key's new one taken « en attente ».
        let (old, new) = (link(1, "Ana", 2500), link(1, "Ana", 2600));
        let text_of = |l: &str| l.split("#e=").nth(1).unwrap().to_owned();
        let record = format!(
            "{{\"version\":1,\"entries\":[{{\"link\":\"{}\",\"status\":\"retire\",\"date\":3001,\"note\":\"\"}},{{\"link\":\"{}\",\"status\":\"en_attente\",\"date\":3005,\"note\":\"\"}}]}}",
            text_of(&old),
            text_of(&new)
        );
        let console = Console::decode(&record).unwrap();
        assert_eq!(
            console.status(1),
            Some((EntryStatus::Withdrawn, SigningDate::from_days(3001)))
        );
    }

    #[test]
    fn statuses_and_notes_survive_storage() {
        let mut console = Console::default();
        console.take_links(
            &format!("{}\n{}", link(1, "Ana", 2500), link(2, "Bea", 2500)),
            today(),
        );
        let later = SigningDate::from_days(3005);
        console.set_status(0, EntryStatus::Verified, later);
        console.set_note(0, "Appel le 3/12, empreinte lue \"ABCD\"");
        console.set_status(1, EntryStatus::Withdrawn, later);
        let text = console.encode();
        let back = Console::decode(&text).unwrap();
        assert_eq!(back, console);
        assert_eq!(back.status(0), Some((EntryStatus::Verified, later)));
        // Same status again: the date stays.
        console.set_status(0, EntryStatus::Verified, SigningDate::from_days(3100));
        assert_eq!(console.status(0), Some((EntryStatus::Verified, later)));
        let list = console.list(today(), 1);
        assert_eq!(
            list.entries.iter().map(|e| e.status).collect::<Vec<_>>(),
            [EntryStatus::Verified, EntryStatus::Withdrawn]
        );
    }

    /// A version 1 record, as consoles stored it before version 2:
    /// (link text, status key, day, note) per entry.
    fn v1_record(entries: &[(&str, &str, u16, &str)]) -> String {
        let entries: Vec<String> = entries
            .iter()
            .map(|(link, status, day, note)| {
                format!("{{\"link\":\"{link}\",\"status\":\"{status}\",\"date\":{day},\"note\":\"{note}\"}}")
            })
            .collect();
        format!("{{\"version\":1,\"entries\":[{}]}}", entries.join(","))
    }

    #[test]
    fn a_stored_link_with_a_trailing_slash_or_spaces_publishes() {
        // Stored by an older console as pasted: « Publier » used to panic.
        let mut console = Console::default();
        console.take_links(&link(1, "Ana", 2500), today());
        let payload = console.entries()[0].payload_text.clone();
        for suffix in ["/", "  ", "/  "] {
            let pasted = format!(" {payload}{suffix}");
            let record = v1_record(&[(&pasted, "en_attente", 3000, "")]);
            let back = Console::decode(&record).unwrap();
            assert_eq!(back.entries()[0].payload_text, payload);
            assert_eq!(back.list(today(), 1), console.list(today(), 1));
            assert_eq!(back.index_of(&payload), Some(0));
        }
    }

    #[test]
    fn a_version_1_record_reads_and_is_written_back_as_version_2() {
        let (a, b) = (link(1, "Ana", 2500), link(2, "Bea", 2500));
        let text_of = |l: &str| l.split("#e=").nth(1).unwrap().to_owned();
        let v1 = v1_record(&[
            (&text_of(&a), "verifie", 3001, "Appel le 3/12"),
            (&text_of(&b), "retire", 3002, ""),
        ]);
        let console = Console::decode(&v1).unwrap();
        assert_eq!(
            console.status(0),
            Some((EntryStatus::Verified, SigningDate::from_days(3001)))
        );
        assert_eq!(console.entries()[0].note, "Appel le 3/12");
        let v2 = console.encode();
        assert!(v2.starts_with(RECORD_V2));
        assert_eq!(Console::decode(&v2).unwrap(), console);
        // Under 40 % of version 1's characters (Firefox counts characters;
        // Chromium, bytes of UTF-16: still under 80 % there).
        assert!(
            v2.chars().count() * 5 < v1.chars().count() * 2,
            "{} vs {}",
            v2.chars().count(),
            v1.chars().count()
        );
    }

    #[test]
    fn pledges_are_kept_as_the_check_of_their_signatures_says() {
        // The browser checks the signatures: its answers decide.
        let text = format!("{}\n{}\n", link(1, "Ana", 2500), link(2, "Bea", 2500));
        let pasted = Console::read_links(&text).unwrap();
        assert_eq!(pasted.payloads().len(), 2);
        let mut checked = check_in_rust(&pasted.payloads());
        checked[1] = Err(LinkError::new(LinkErrorKind::SignatureMismatch));
        let mut console = Console::default();
        let report = console.take_checked(pasted.clone(), checked, today());
        assert_eq!(report.links[0].intake, Intake::Added { replaces: false });
        assert_eq!(
            report.links[1].intake,
            Intake::Invalid(LinkErrorKind::SignatureMismatch)
        );
        assert_eq!(console.entries().len(), 1);
        // Fewer answers than links: the rest are not taken.
        let mut other = Console::default();
        let report = other.take_checked(pasted, Vec::new(), today());
        assert!(report
            .links
            .iter()
            .all(|l| l.intake == Intake::Invalid(LinkErrorKind::SignatureMismatch)));
        // A record: one pledge refused, the whole record refused.
        let record = Console::read_record(&console.encode()).unwrap();
        let mut checked = check_in_rust(&record.payloads());
        assert!(Console::from_record(record.clone(), checked.clone()).is_ok());
        checked[0] = Err(LinkError::new(LinkErrorKind::SignatureMismatch));
        assert!(Console::from_record(record.clone(), checked).is_err());
        assert!(Console::from_record(record, Vec::new()).is_err());
    }

    #[test]
    fn damaged_records_are_refused_not_half_read() {
        let mut console = Console::default();
        console.take_links(
            &format!("{}\n{}", link(1, "Ana", 2500), link(2, "Bea", 2500)),
            today(),
        );
        console.set_note(0, "Appel");
        let good = console.encode();
        let chars: Vec<char> = good.chars().collect();
        let with = |at: usize, c: char| {
            let mut changed = chars.clone();
            changed[at] = c;
            changed.into_iter().collect::<String>()
        };
        let flip = |at: usize| with(at, char::from_u32(u32::from(chars[at]) ^ 0x10).unwrap());
        let prefix = RECORD_V2.len();
        let payload = console.entries()[0].payload_text.clone();
        let mut flipped = payload.clone().into_bytes();
        flipped[20] = if flipped[20] == b'A' { b'B' } else { b'A' };
        let cases = [
            // A pledge's byte changed: its signature fails.
            flip(prefix + 2 + 40),
            // The byte count, a character out of range, a cut.
            flip(prefix + 1),
            with(prefix + 5, 'A'),
            good[..good.len() - 3].to_owned(),
            good.replace(RECORD_V2, "pw-console 3 "),
            v1_record(&[(&String::from_utf8(flipped).unwrap(), "en_attente", 3000, "")]),
            v1_record(&[(&payload, "peut-etre", 3000, "")]),
            v1_record(&[(&payload, "en_attente", 3000, "")])
                .replace("\"version\":1", "\"version\":9"),
            "[]".to_owned(),
            String::new(),
        ];
        for case in cases {
            assert!(Console::decode(&case).is_err(), "{case}");
        }
        assert_eq!(Console::decode(&good).unwrap(), console);
    }

    #[test]
    fn same_candidate_new_key_replaces_the_old_key_in_the_list() {
        let mut console = Console::default();
        let (old, new, other) = (
            link(1, "Ana Duval", 2500),
            link(2, "ana duval", 2600),
            link(3, "Bea", 2600),
        );
        console.take_links(&format!("{old}\n{new}\n{other}"), today());
        // Only the other key of the same (folded) name is offered.
        assert_eq!(console.same_name_keys(0), [1]);
        assert!(!console.link_new_key(0, 0, today()), "not to itself");
        let on = SigningDate::from_days(3004);
        assert!(console.link_new_key(0, 1, on));
        assert_eq!(console.status(0), Some((EntryStatus::KeyReplaced, on)));
        assert_eq!(console.status(1), Some((EntryStatus::Verified, on)));
        let new_key = console.entries()[1].pledge.public_key();
        assert_eq!(console.new_key(0), Some(new_key));
        // A replaced key is not offered as anyone's new key.
        assert_eq!(console.same_name_keys(1), Vec::<usize>::new());
        let list = console.list(today(), 1);
        assert_eq!(list.entries[0].status, EntryStatus::KeyReplaced);
        assert_eq!(list.entries[0].new_key, Some(new_key));
        assert_eq!(list.entries[1].new_key, None);
        // Kept in the record, version 2.
        let back = Console::decode(&console.encode()).unwrap();
        assert_eq!(back, console);
        // Removing the new key's only pledge undoes it: the candidate
        // counts again by the old key.
        let mut removed = console.clone();
        removed.remove(1);
        assert_eq!(removed.new_key(0), None);
        assert_eq!(removed.status(0).map(|s| s.0), Some(EntryStatus::Pending));
        assert_eq!(removed.list(today(), 1).entries[0].new_key, None);
        // Another status undoes it.
        console.set_status(0, EntryStatus::Pending, on);
        assert_eq!(console.new_key(0), None);
        assert_eq!(console.list(today(), 1).entries[0].new_key, None);
    }
}
