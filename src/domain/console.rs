//! The organiser's console, as data: the pledges gathered from pasted
//! links, each with the status the organiser gives it, kept in storage
//! between visits and published as a [`PledgeList`].

use std::collections::HashMap;

use super::json::{self, Json};
use super::{
    LinkErrorKind, ListEntry, PayloadV1, PledgeList, PublicKey, RecordError, RecordErrorKind,
    ShareLink, SigningDate, Status, VerifiedPledge,
};

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
    pub status: Option<Status>,
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
    statuses: HashMap<[u8; 32], (Status, SigningDate)>,
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

/// A payload's text read and checked, in its canonical form.
fn read_payload(text: &str) -> Result<(String, Vec<u8>, VerifiedPledge), LinkErrorKind> {
    use super::codec::Decoder;
    let bytes = match ShareLink::payload(&format!("{}{text}", ShareLink::MARKER)) {
        Some(Ok(bytes)) => bytes,
        Some(Err(e)) => return Err(e.kind()),
        None => return Err(LinkErrorKind::Truncated),
    };
    let pledge = PayloadV1::decode(&bytes).map_err(|e| e.kind())?;
    Ok((ShareLink::payload_text_of(&bytes), bytes, pledge))
}

impl Console {
    /// Storage key of the console's record.
    pub const KEY: &'static str = "pw-pledge-widget/organiser-console/v1";
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
    pub fn status_of(&self, key: PublicKey) -> Option<(Status, SigningDate)> {
        self.statuses.get(&key.to_bytes()).copied()
    }

    /// The status entry `index` shows: its key's.
    pub fn status(&self, index: usize) -> Option<(Status, SigningDate)> {
        self.status_of(self.entries.get(index)?.pledge.public_key())
    }

    /// Reads every pledge link in `text` (one per line, or a CSV of them),
    /// checks each, and keeps the valid ones: a new key « en attente » from
    /// `today`, a known key with its status. Returns a verdict per link
    /// found, and the non-blank lines without one. Text over
    /// [`Console::MAX_INTAKE_BYTES`] or with more than
    /// [`Console::MAX_INTAKE_LINKS`] links is refused whole.
    pub fn take_links(&mut self, text: &str, today: SigningDate) -> IntakeReport {
        let mut report = IntakeReport::default();
        if text.len() > Console::MAX_INTAKE_BYTES
            || text.matches("#e=").count() > Console::MAX_INTAKE_LINKS
        {
            report.too_big = true;
            return report;
        }
        for (index, line) in text.lines().enumerate() {
            let found = payloads_in(line);
            if found.is_empty() {
                if !line.trim().is_empty() {
                    report.without_link.push(index + 1);
                }
                continue;
            }
            for payload in found {
                let (name, key, intake) = self.take(payload, today);
                report.links.push(IntakeLine {
                    line: index + 1,
                    text: shorten(payload),
                    name,
                    status: key.and_then(|k| self.status_of(k)).map(|(s, _)| s),
                    intake,
                });
            }
        }
        report
    }

    fn take(
        &mut self,
        payload: &str,
        today: SigningDate,
    ) -> (Option<String>, Option<PublicKey>, Intake) {
        let (text, bytes, pledge) = match read_payload(payload) {
            Ok(read) => read,
            Err(kind) => return (None, None, Intake::Invalid(kind)),
        };
        let name = Some(pledge.pledge().name().to_owned());
        let public = pledge.public_key();
        if self.by_payload.contains_key(&text) {
            return (name, Some(public), Intake::Duplicate);
        }
        let key = public.to_bytes();
        let date = pledge.pledge().date();
        let index = self.entries.len();
        self.statuses.entry(key).or_insert((Status::Pending, today));
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
    }

    /// Sets the status of entry `index`'s key (so of every pledge of that
    /// key), dated `today`; the same status again keeps its date.
    pub fn set_status(&mut self, index: usize, status: Status, today: SigningDate) {
        let Some(g) = self.entries.get(index) else {
            return;
        };
        let slot = self
            .statuses
            .entry(g.pledge.public_key().to_bytes())
            .or_insert((Status::Pending, today));
        if slot.0 != status {
            *slot = (status, today);
        }
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
    pub fn list(&self, issued: SigningDate) -> PledgeList {
        let entries = self
            .published()
            .map(|(g, (status, status_date))| ListEntry {
                status,
                status_date,
                payload: g.payload.clone(),
            })
            .collect();
        PledgeList { issued, entries }
    }

    /// What is published: each key's current pledge and the key's status,
    /// in the order gathered.
    pub fn published(&self) -> impl Iterator<Item = (&Gathered, (Status, SigningDate))> {
        self.entries
            .iter()
            .enumerate()
            .filter(|(i, _)| self.is_current(*i))
            .filter_map(|(i, g)| Some((g, self.status(i)?)))
    }

    /// The record kept in storage: each entry with its key's status.
    pub fn encode(&self) -> String {
        let mut out = String::with_capacity(self.entries.len() * 280 + 32);
        out.push_str("{\"version\":1,\"entries\":[");
        for (i, g) in self.entries.iter().enumerate() {
            if i > 0 {
                out.push(',');
            }
            let (status, date) = self
                .status(i)
                .unwrap_or((Status::Pending, SigningDate::from_days(0)));
            out.push_str("{\"link\":");
            json::write_string(&mut out, &g.payload_text);
            out.push_str(",\"status\":");
            json::write_string(&mut out, status.key());
            out.push_str(&format!(",\"date\":{},\"note\":", date.days()));
            json::write_string(&mut out, &g.note);
            out.push('}');
        }
        out.push_str("]}");
        out
    }

    /// Reads a stored record back, checking every pledge again. A link is
    /// kept in its canonical form. Records written before statuses were
    /// the key's may give a key's pledges different ones: the key takes
    /// the one most recently set other than « en attente » (which is what
    /// a pledge taken later was given by default), else « en attente ».
    pub fn decode(text: &str) -> Result<Console, RecordError> {
        let malformed = |why: &str| RecordError::new(RecordErrorKind::Malformed(why.into()));
        let record = json::parse(text).map_err(|e| malformed(&e.to_string()))?;
        match record.get("version") {
            Some(Json::Number(n)) if n == "1" => {}
            Some(Json::Number(n)) => {
                return Err(RecordError::new(RecordErrorKind::UnknownVersion(
                    n.parse().unwrap_or(u64::MAX),
                )))
            }
            _ => return Err(malformed("no version")),
        }
        let Some(Json::Array(items)) = record.get("entries") else {
            return Err(malformed("no entries"));
        };
        let mut console = Console {
            entries: Vec::with_capacity(items.len()),
            ..Console::default()
        };
        for item in items {
            let string = |k: &str| match item.get(k) {
                Some(Json::String(s)) => Ok(s.as_str()),
                _ => Err(malformed("an entry lacks a text field")),
            };
            let Ok((payload_text, payload, pledge)) = read_payload(string("link")?) else {
                return Err(malformed("an entry's pledge does not verify"));
            };
            let status = Status::from_key(string("status")?).ok_or(malformed("unknown status"))?;
            let date = match item.get("date") {
                Some(Json::Number(n)) => n.parse::<u16>().map_err(|_| malformed("bad date"))?,
                _ => return Err(malformed("no date")),
            };
            let date = SigningDate::from_days(date);
            if console.by_payload.contains_key(&payload_text) {
                continue;
            }
            let rank = |(s, d): (Status, SigningDate)| (s != Status::Pending, d);
            let key = pledge.public_key().to_bytes();
            let slot = console.statuses.entry(key).or_insert((status, date));
            if rank((status, date)) >= rank(*slot) {
                *slot = (status, date);
            }
            console
                .by_payload
                .insert(payload_text.clone(), console.entries.len());
            console.entries.push(Gathered {
                payload_text,
                payload,
                pledge,
                note: string("note")?.chars().take(500).collect(),
            });
        }
        console.reindex();
        Ok(console)
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
    use crate::domain::codec::Decoder;
    use crate::domain::{Identity, PayloadV1, Pledge, PledgeKey, Selection};

    fn link(seed: u8, name: &str, day: u16) -> String {
        let identity = Identity {
            name: name.into(),
            commune: "Lyon".into(),
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
        let mut altered = link(4, "Dan", 2500);
        altered.insert(altered.len() - 10, 'A');
        altered.truncate(altered.len() - 1);
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
        assert_eq!(report.links[2].status, Some(Status::Pending));
        assert_eq!(report.links[3].status, None);
        assert_eq!(console.entries().len(), 3);
        assert!((0..3).all(|i| console.status(i).map(|s| s.0) == Some(Status::Pending)));
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
        let list = console.list(today());
        assert_eq!(list.entries.len(), 1);
        assert_eq!(
            PayloadV1::decode(&list.entries[0].payload)
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
        console.set_status(0, Status::Withdrawn, withdrawn_on);
        // The withdrawn candidate signs again: still « retiré », from the
        // same day, until the organiser acts.
        let later = SigningDate::from_days(3010);
        let again = console.take_links(&link(1, "Ana", 2600), later);
        assert_eq!(again.links[0].intake, Intake::Added { replaces: true });
        assert_eq!(again.links[0].status, Some(Status::Withdrawn));
        assert_eq!(console.status(2), Some((Status::Withdrawn, withdrawn_on)));
        assert_eq!(console.status(0), console.status(2));
        // Published, with its status: the wall counts it apart.
        let list = console.list(later);
        assert_eq!(
            list.entries
                .iter()
                .map(|e| (e.status, e.status_date))
                .collect::<Vec<_>>(),
            [
                (Status::Pending, today()),
                (Status::Withdrawn, withdrawn_on)
            ]
        );
        assert_eq!(list.entries[1].payload, console.entries()[2].payload);
        // Acting on any pledge of the key acts on the key.
        console.set_status(0, Status::Verified, later);
        assert_eq!(console.status(2), Some((Status::Verified, later)));
        // A verified key's newer pledge is verified: the check was of the key.
        let third = console.take_links(&link(1, "Ana", 2700), later);
        assert_eq!(third.links[0].status, Some(Status::Verified));
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
            Some((Status::Withdrawn, SigningDate::from_days(3001)))
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
        console.set_status(0, Status::Verified, later);
        console.set_note(0, "Appel le 3/12, empreinte lue \"ABCD\"");
        console.set_status(1, Status::Withdrawn, later);
        let text = console.encode();
        let back = Console::decode(&text).unwrap();
        assert_eq!(back, console);
        assert_eq!(back.status(0), Some((Status::Verified, later)));
        // Same status again: the date stays.
        console.set_status(0, Status::Verified, SigningDate::from_days(3100));
        assert_eq!(console.status(0), Some((Status::Verified, later)));
        let list = console.list(today());
        assert_eq!(
            list.entries.iter().map(|e| e.status).collect::<Vec<_>>(),
            [Status::Verified, Status::Withdrawn]
        );
    }

    #[test]
    fn a_stored_link_with_a_trailing_slash_or_spaces_publishes() {
        // Stored by an older console as pasted: « Publier » used to panic.
        let mut console = Console::default();
        console.take_links(&link(1, "Ana", 2500), today());
        let payload = console.entries()[0].payload_text.clone();
        for suffix in ["/", "  ", "/  "] {
            let record = console
                .encode()
                .replace(&payload, &format!(" {payload}{suffix}"));
            let back = Console::decode(&record).unwrap();
            assert_eq!(back.entries()[0].payload_text, payload);
            assert_eq!(back.list(today()), console.list(today()));
            assert_eq!(back.index_of(&payload), Some(0));
        }
    }

    #[test]
    fn damaged_records_are_refused_not_half_read() {
        let mut console = Console::default();
        console.take_links(&link(1, "Ana", 2500), today());
        let good = console.encode();
        let payload = console.entries()[0].payload_text.clone();
        let mut flipped = payload.clone().into_bytes();
        flipped[20] = if flipped[20] == b'A' { b'B' } else { b'A' };
        let cases = [
            good.replace(&payload, &String::from_utf8(flipped).unwrap()),
            good.replace("en_attente", "peut-etre"),
            good.replace("\"version\":1", "\"version\":9"),
            good[..good.len() - 3].to_owned(),
            "[]".to_owned(),
        ];
        for case in cases {
            assert!(Console::decode(&case).is_err(), "{case}");
        }
    }
}
