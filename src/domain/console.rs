//! The organiser's console, as data: the pledges gathered from pasted
//! links, each with the status the organiser gives it, kept in storage
//! between visits and published as a [`PledgeList`].

use base64::{engine::general_purpose::URL_SAFE_NO_PAD, Engine};

use super::json::{self, Json};
use super::pledge_list::current_per_key;
use super::{
    Fragment, LinkErrorKind, ListEntry, PledgeList, RecordError, RecordErrorKind, ShareLink,
    SigningDate, Status, VerifiedPledge,
};

/// A pledge the organiser gathered.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Gathered {
    /// The payload as it stands in the link, after `#e=`.
    pub payload_text: String,
    pub pledge: VerifiedPledge,
    pub status: Status,
    /// The day the status was set.
    pub status_date: SigningDate,
    /// The organiser's own note (how the key was checked…); never published.
    pub note: String,
}

/// What became of one link pasted into the console.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Intake {
    /// A valid pledge, now in the console; `replaces`: an older pledge of
    /// the same key is now shown as replaced.
    Added { replaces: bool },
    /// Valid, but the same key signed a later pledge already here: kept,
    /// shown as replaced.
    Superseded,
    /// This very pledge is already here.
    Duplicate,
    /// Not a valid pledge, with the reason.
    Invalid(LinkErrorKind),
    /// The line holds no pledge link.
    NoLink,
}

/// One verdict: the line it was on (from 1), the text read, the candidate's
/// name when the link was valid, and what became of it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct IntakeLine {
    pub line: usize,
    pub text: String,
    pub name: Option<String>,
    pub intake: Intake,
}

/// Everything in the console.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Console {
    entries: Vec<Gathered>,
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

impl Console {
    /// Storage key of the console's record.
    pub const KEY: &'static str = "pw-pledge-widget/organiser-console/v1";
    /// Where an unreadable record is moved instead of being deleted.
    pub const BACKUP_KEY: &'static str = "pw-pledge-widget/organiser-console/unreadable-backup";

    pub fn entries(&self) -> &[Gathered] {
        &self.entries
    }

    /// For each entry, whether it is its key's current pledge (the others
    /// are replaced, and not published).
    pub fn current(&self) -> Vec<bool> {
        let pledges: Vec<_> = self
            .entries
            .iter()
            .map(|g| (g.pledge.public_key(), g.pledge.pledge().date()))
            .collect();
        current_per_key(&pledges)
    }

    /// Reads every pledge link in `text` (one per line, or a CSV of them),
    /// checks each, and keeps the valid ones as « en attente » from
    /// `today`. Returns a verdict per link found, and per non-blank line
    /// without one.
    pub fn take_links(&mut self, text: &str, today: SigningDate) -> Vec<IntakeLine> {
        let mut report = Vec::new();
        for (index, line) in text.lines().enumerate() {
            let found = payloads_in(line);
            if found.is_empty() {
                if !line.trim().is_empty() {
                    report.push(IntakeLine {
                        line: index + 1,
                        text: shorten(line.trim()),
                        name: None,
                        intake: Intake::NoLink,
                    });
                }
                continue;
            }
            for payload in found {
                let (name, intake) = self.take(payload, today);
                report.push(IntakeLine {
                    line: index + 1,
                    text: shorten(payload),
                    name,
                    intake,
                });
            }
        }
        report
    }

    fn take(&mut self, payload: &str, today: SigningDate) -> (Option<String>, Intake) {
        let pledge = match ShareLink::read(&format!("e={payload}")) {
            Fragment::Pledge(Ok(p)) => p,
            Fragment::Pledge(Err(e)) => return (None, Intake::Invalid(e.kind())),
            Fragment::None => return (None, Intake::NoLink),
        };
        let name = Some(pledge.pledge().name().to_owned());
        if self.entries.iter().any(|g| g.pledge == pledge) {
            return (name, Intake::Duplicate);
        }
        let key = pledge.public_key();
        let had_current = self.current_of(key);
        self.entries.push(Gathered {
            payload_text: payload.to_owned(),
            pledge,
            status: Status::Pending,
            status_date: today,
            note: String::new(),
        });
        let now_current = self.current_of(key);
        let intake = if now_current == Some(self.entries.len() - 1) {
            Intake::Added {
                replaces: had_current.is_some(),
            }
        } else {
            Intake::Superseded
        };
        (name, intake)
    }

    fn current_of(&self, key: super::PublicKey) -> Option<usize> {
        let current = self.current();
        (0..self.entries.len()).find(|&i| current[i] && self.entries[i].pledge.public_key() == key)
    }

    /// Sets an entry's status, dated `today`.
    pub fn set_status(&mut self, index: usize, status: Status, today: SigningDate) {
        if let Some(g) = self.entries.get_mut(index) {
            if g.status != status {
                g.status = status;
                g.status_date = today;
            }
        }
    }

    pub fn set_note(&mut self, index: usize, note: &str) {
        if let Some(g) = self.entries.get_mut(index) {
            g.note = note.chars().take(500).collect();
        }
    }

    /// Drops an entry (a link pasted by mistake).
    pub fn remove(&mut self, index: usize) {
        if index < self.entries.len() {
            self.entries.remove(index);
        }
    }

    /// The list to publish: each key's current pledge, in the order
    /// gathered.
    pub fn list(&self, issued: SigningDate) -> PledgeList {
        let current = self.current();
        let entries = self
            .entries
            .iter()
            .zip(current)
            .filter(|(_, c)| *c)
            .map(|(g, _)| ListEntry {
                status: g.status,
                status_date: g.status_date,
                payload: URL_SAFE_NO_PAD
                    .decode(&g.payload_text)
                    .expect("checked when gathered"),
            })
            .collect();
        PledgeList { issued, entries }
    }

    /// The record kept in storage.
    pub fn encode(&self) -> String {
        let mut out = String::from("{\"version\":1,\"entries\":[");
        for (i, g) in self.entries.iter().enumerate() {
            if i > 0 {
                out.push(',');
            }
            out.push_str("{\"link\":");
            json::write_string(&mut out, &g.payload_text);
            out.push_str(",\"status\":");
            json::write_string(&mut out, g.status.key());
            out.push_str(&format!(",\"date\":{},\"note\":", g.status_date.days()));
            json::write_string(&mut out, &g.note);
            out.push('}');
        }
        out.push_str("]}");
        out
    }

    /// Reads a stored record back, checking every pledge again.
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
        let mut entries = Vec::with_capacity(items.len());
        for item in items {
            let string = |k: &str| match item.get(k) {
                Some(Json::String(s)) => Ok(s.as_str()),
                _ => Err(malformed("an entry lacks a text field")),
            };
            let link = string("link")?;
            let Fragment::Pledge(Ok(pledge)) = ShareLink::read(&format!("e={link}")) else {
                return Err(malformed("an entry's pledge does not verify"));
            };
            let status = Status::from_key(string("status")?).ok_or(malformed("unknown status"))?;
            let date = match item.get("date") {
                Some(Json::Number(n)) => n.parse::<u16>().map_err(|_| malformed("bad date"))?,
                _ => return Err(malformed("no date")),
            };
            entries.push(Gathered {
                payload_text: link.to_owned(),
                pledge,
                status,
                status_date: SigningDate::from_days(date),
                note: string("note")?.chars().take(500).collect(),
            });
        }
        Ok(Console { entries })
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
        let text = format!("{a}\n\n  {b}  \nnom,lien\n\"Cid\",\"{c}\"\n{altered}\n{a}\n");
        let mut console = Console::default();
        let report = console.take_links(&text, today());
        let verdicts: Vec<(usize, Intake)> =
            report.iter().map(|r| (r.line, r.intake.clone())).collect();
        assert_eq!(
            verdicts,
            [
                (1, Intake::Added { replaces: false }),
                (3, Intake::Added { replaces: false }),
                (4, Intake::NoLink),
                (5, Intake::Added { replaces: false }),
                (6, Intake::Invalid(LinkErrorKind::SignatureMismatch)),
                (7, Intake::Duplicate),
            ]
        );
        assert_eq!(report[3].name.as_deref(), Some("Cid"));
        assert_eq!(console.entries().len(), 3);
        assert!(console
            .entries()
            .iter()
            .all(|g| g.status == Status::Pending));
    }

    #[test]
    fn a_later_pledge_of_the_same_key_replaces_the_older() {
        let mut console = Console::default();
        console.take_links(&link(1, "Ana", 2500), today());
        let newer = console.take_links(&link(1, "Ana B.", 2510), today());
        assert_eq!(newer[0].intake, Intake::Added { replaces: true });
        let older = console.take_links(&link(1, "Ana A.", 2400), today());
        assert_eq!(older[0].intake, Intake::Superseded);
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
        assert_eq!(back.entries()[0].status_date, later);
        // Same status again: the date stays.
        console.set_status(0, Status::Verified, SigningDate::from_days(3100));
        assert_eq!(console.entries()[0].status_date, later);
        let list = console.list(today());
        assert_eq!(
            list.entries.iter().map(|e| e.status).collect::<Vec<_>>(),
            [Status::Verified, Status::Withdrawn]
        );
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
