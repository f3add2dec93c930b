//! After the vote: the organiser's follow-up of the signatories who were
//! elected (their mandate, and where each commitment they took stands,
//! with a date, a short note and evidence links), and the dated reviews
//! (« bilan des 100 jours », …) that let the public compare two dates.
//! Published in the list, version 2, after the entries
//! (`docs/list-v2.md`, « Follow-up »).
//!
//! The history is append-only: records stay in the order the organiser
//! made them and are never rewritten; what a reader shows as current, or
//! as of a review, is derived from them ([`FollowUp::status`]).

use crate::campaign::COMMITMENT_COUNT;
use crate::domain::journey::candidate_text;
use crate::domain::pledge::codec::leb128;
use crate::domain::pledge::keys::PublicKey;
use crate::domain::signing_date::SigningDate;

/// How the stored follow-up starts (see [`FollowUp::to_stored`]).
const STORED_TAG: &str = "pw-follow-up 1 ";

/// The longest note, in characters: a sentence or two.
pub const NOTE_MAX_CHARS: usize = 280;
/// The longest evidence link, in bytes.
pub const EVIDENCE_MAX_BYTES: usize = 300;
/// The most evidence links on one status.
pub const EVIDENCE_MAX: usize = 3;

/// An elected signatory's mandate.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Mandate {
    /// « maire ».
    Mayor,
    /// « adjoint·e ».
    Deputy,
    /// « conseiller·e » (of the majority).
    Councillor,
    /// « conseiller·e d'opposition ».
    Opposition,
    /// No mandate (any more): not elected after all, or the mandate ended
    /// (a mistaken election is undone so, the history kept).
    None,
}

/// Where a commitment an elected signatory took stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Progress {
    /// « pas encore évalué ».
    NotAssessed,
    /// « en cours ».
    InProgress,
    /// « tenu ».
    Kept,
    /// « partiellement tenu ».
    PartlyKept,
    /// « non tenu ».
    NotKept,
    /// « hors compétence de la commune »: not counted against the
    /// signatory.
    OutOfScope,
}

/// A dated review that freezes the statuses at its date.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ReviewKind {
    /// « bilan des 100 jours ».
    HundredDays,
    /// « bilan annuel ».
    Annual,
    /// « bilan de mi-mandat ».
    MidTerm,
}

macro_rules! byte_enum {
    ($ty:ident { $($variant:ident = $byte:literal, $key:literal;)+ }) => {
        impl $ty {
            /// Every value, in order.
            pub const ALL: &'static [$ty] = &[$($ty::$variant),+];

            pub(crate) fn byte(self) -> u8 {
                match self { $($ty::$variant => $byte),+ }
            }

            pub(crate) fn from_byte(byte: u8) -> Option<$ty> {
                match byte { $($byte => Some($ty::$variant),)+ _ => None }
            }

            /// Its name in open data and records.
            pub fn key(self) -> &'static str {
                match self { $($ty::$variant => $key),+ }
            }
        }
    };
}

byte_enum!(Mandate {
    Mayor = 1, "maire";
    Deputy = 2, "adjoint";
    Councillor = 3, "conseiller";
    Opposition = 4, "opposition";
    None = 5, "aucun";
});

byte_enum!(Progress {
    NotAssessed = 0, "pas_encore_evalue";
    InProgress = 1, "en_cours";
    Kept = 2, "tenu";
    PartlyKept = 3, "partiellement_tenu";
    NotKept = 4, "non_tenu";
    OutOfScope = 5, "hors_competence";
});

byte_enum!(ReviewKind {
    HundredDays = 1, "bilan_100_jours";
    Annual = 2, "bilan_annuel";
    MidTerm = 3, "bilan_mi_mandat";
});

/// Why a follow-up record cannot be taken (in the console) or read (in a
/// list, where any of them makes the list *malformed*).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FollowUpError {
    /// A note longer than [`NOTE_MAX_CHARS`].
    NoteTooLong,
    /// A note with a control, direction or tag character.
    NoteText,
    /// An evidence link that is not `https://…` without spaces, or too
    /// long.
    Evidence,
    /// More than [`EVIDENCE_MAX`] links.
    TooMuchEvidence,
    /// A commitment position the campaign does not have.
    Commitment,
    /// Bytes that do not read as records.
    Malformed,
}

/// A link to evidence (a council decision, an article): `https://` only,
/// no spaces or control characters, at most [`EVIDENCE_MAX_BYTES`].
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Evidence(String);

impl Evidence {
    /// A link as the public will see it: printable ASCII only (no
    /// look-alike letters, no invisible or direction characters), no
    /// backslash, and a host that is a name with a dot: no login part
    /// (`https://mairie.fr@other.example/`), no port, no IP address.
    pub fn parse(text: &str) -> Result<Evidence, FollowUpError> {
        let text = text.trim();
        let printable = text.bytes().all(|b| b.is_ascii_graphic()) && !text.contains('\\');
        let host = evidence_host(text).unwrap_or_default();
        let named = host.contains('.')
            && host.split('.').all(|label| !label.is_empty())
            && host
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'.')
            && !host.bytes().all(|b| b.is_ascii_digit() || b == b'.');
        if !printable || !named || text.len() > EVIDENCE_MAX_BYTES {
            return Err(FollowUpError::Evidence);
        }
        Ok(Evidence(text.to_owned()))
    }

    /// Where the link goes (its host), shown next to it.
    pub fn host(&self) -> &str {
        evidence_host(&self.0).unwrap_or_default()
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// The host of an `https://` link: what comes before its path, query or
/// fragment.
fn evidence_host(text: &str) -> Option<&str> {
    text.strip_prefix("https://")?.split(['/', '?', '#']).next()
}

/// Where one commitment of one signatory stands, as of a date.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StatusRecord {
    pub key: PublicKey,
    pub date: SigningDate,
    /// The commitment's position in the campaign.
    pub position: u8,
    pub progress: Progress,
    /// Public, short; checked as candidate text is.
    pub note: String,
    pub evidence: Vec<Evidence>,
}

impl StatusRecord {
    /// The record, checked: a commitment of the campaign, a note within
    /// its limits, at most [`EVIDENCE_MAX`] links.
    pub fn new(
        key: PublicKey,
        date: SigningDate,
        position: u8,
        progress: Progress,
        note: &str,
        evidence: Vec<Evidence>,
    ) -> Result<StatusRecord, FollowUpError> {
        let note = candidate_text::canonical(note);
        if usize::from(position) >= COMMITMENT_COUNT {
            return Err(FollowUpError::Commitment);
        }
        if note.chars().count() > NOTE_MAX_CHARS {
            return Err(FollowUpError::NoteTooLong);
        }
        if !note.is_empty() && candidate_text::fault(&note).is_some() {
            return Err(FollowUpError::NoteText);
        }
        if evidence.len() > EVIDENCE_MAX {
            return Err(FollowUpError::TooMuchEvidence);
        }
        Ok(StatusRecord {
            key,
            date,
            position,
            progress,
            note,
            evidence,
        })
    }
}

/// One step of the follow-up's history.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Record {
    /// The signatory of this key was elected, with this mandate, on this
    /// day (a later record of the key replaces it).
    Elected {
        key: PublicKey,
        date: SigningDate,
        mandate: Mandate,
    },
    Status(StatusRecord),
    /// A review: the statuses as of its date, frozen.
    Review {
        date: SigningDate,
        kind: ReviewKind,
    },
}

impl Record {
    /// The day it is dated.
    pub fn date(&self) -> SigningDate {
        match self {
            Record::Elected { date, .. } | Record::Review { date, .. } => *date,
            Record::Status(s) => s.date,
        }
    }

    /// Whether it is about this signatory (a review is about everyone).
    pub fn is_about(&self, signatory: &PublicKey) -> bool {
        match self {
            Record::Elected { key, .. } => key == signatory,
            Record::Status(s) => s.key == *signatory,
            Record::Review { .. } => true,
        }
    }
}

/// How an elected signatory's commitments stand, counted.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Scoreboard {
    pub kept: usize,
    pub partly_kept: usize,
    pub in_progress: usize,
    pub not_kept: usize,
    /// Not counted against the signatory.
    pub out_of_scope: usize,
    /// Taken, but no status yet (or « pas encore évalué »).
    pub not_assessed: usize,
}

impl Scoreboard {
    fn count(&mut self, progress: Option<Progress>) {
        *match progress {
            Some(Progress::Kept) => &mut self.kept,
            Some(Progress::PartlyKept) => &mut self.partly_kept,
            Some(Progress::InProgress) => &mut self.in_progress,
            Some(Progress::NotKept) => &mut self.not_kept,
            Some(Progress::OutOfScope) => &mut self.out_of_scope,
            Some(Progress::NotAssessed) | None => &mut self.not_assessed,
        } += 1;
    }

    /// Every commitment counted.
    pub fn total(&self) -> usize {
        self.kept
            + self.partly_kept
            + self.in_progress
            + self.not_kept
            + self.out_of_scope
            + self.not_assessed
    }
}

/// A followed signatory as of a date ([`FollowUp::standing`]).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Standing {
    /// The latest mandate record (« aucun » included), with its date.
    mandate: Option<(SigningDate, Mandate)>,
    /// Per commitment, by position: the latest status, with its date.
    progress: [Option<(SigningDate, Progress)>; COMMITMENT_COUNT],
}

impl Standing {
    /// Their mandate, if they hold one.
    pub fn mandate(&self) -> Option<Mandate> {
        self.mandate.map(|(_, m)| m).filter(|m| *m != Mandate::None)
    }

    /// Where the commitment at `position` stands, if it has a status.
    pub fn progress(&self, position: u8) -> Option<Progress> {
        self.progress
            .get(usize::from(position))
            .copied()
            .flatten()
            .map(|(_, p)| p)
    }

    /// The commitments `taken` (positions), counted by where they stand.
    pub fn scoreboard(&self, taken: impl IntoIterator<Item = u8>) -> Scoreboard {
        let mut board = Scoreboard::default();
        for position in taken {
            board.count(self.progress(position));
        }
        board
    }
}

/// The follow-up: every record, in the order made.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct FollowUp {
    pub records: Vec<Record>,
}

impl FollowUp {
    /// The records dated no later than `date`, as a reader shows a list
    /// issued that day: a record dated after its list (a console's clock
    /// ahead) never outranks the ones before it.
    pub fn until(&self, date: SigningDate) -> FollowUp {
        FollowUp {
            records: self
                .records
                .iter()
                .filter(|r| r.date() <= date)
                .cloned()
                .collect(),
        }
    }

    /// The signatory's mandate, as of `as_of` (every record if `None`):
    /// the latest by date, then by order.
    pub fn mandate(&self, key: &PublicKey, as_of: Option<SigningDate>) -> Option<Mandate> {
        self.latest_mandate(key, as_of)
            .filter(|m| *m != Mandate::None)
    }

    fn latest_mandate(&self, key: &PublicKey, as_of: Option<SigningDate>) -> Option<Mandate> {
        self.latest(as_of, |r| match r {
            Record::Elected {
                key: k,
                date,
                mandate,
            } if k == key => Some((*date, *mandate)),
            _ => None,
        })
    }

    /// Where the commitment at `position` of this signatory stands as of
    /// `as_of` (every record if `None`): the latest record by date, then
    /// by order.
    pub fn status(
        &self,
        key: &PublicKey,
        position: u8,
        as_of: Option<SigningDate>,
    ) -> Option<&StatusRecord> {
        self.latest(as_of, |r| match r {
            Record::Status(s) if s.key == *key && s.position == position => Some((s.date, s)),
            _ => None,
        })
    }

    /// Every status this commitment of this signatory had, in the order
    /// recorded.
    pub fn history<'a>(
        &'a self,
        key: &'a PublicKey,
        position: u8,
    ) -> impl Iterator<Item = &'a StatusRecord> + 'a {
        self.records.iter().filter_map(move |r| match r {
            Record::Status(s) if s.key == *key && s.position == position => Some(s),
            _ => None,
        })
    }

    /// The reviews, by date.
    pub fn reviews(&self) -> Vec<(SigningDate, ReviewKind)> {
        let mut reviews: Vec<_> = self
            .records
            .iter()
            .filter_map(|r| match r {
                Record::Review { date, kind } => Some((*date, *kind)),
                _ => None,
            })
            .collect();
        reviews.sort_by_key(|(date, _)| *date);
        reviews
    }

    /// The signatory's commitments `taken` (positions), counted by where
    /// they stand as of `as_of`.
    pub fn scoreboard(
        &self,
        key: &PublicKey,
        taken: impl IntoIterator<Item = u8>,
        as_of: Option<SigningDate>,
    ) -> Scoreboard {
        let mut board = Scoreboard::default();
        for position in taken {
            board.count(self.status(key, position, as_of).map(|s| s.progress));
        }
        board
    }

    /// Every followed signatory as of `as_of` (every record if `None`):
    /// their mandate and where each commitment stands, read in one pass
    /// over the records (the wall reads thousands), with the same rule as
    /// [`FollowUp::mandate`] and [`FollowUp::status`]: the latest by date,
    /// then by order.
    pub fn standing(
        &self,
        as_of: Option<SigningDate>,
    ) -> std::collections::HashMap<PublicKey, Standing> {
        let mut all: std::collections::HashMap<PublicKey, Standing> = Default::default();
        for record in &self.records {
            match record {
                Record::Elected { key, date, mandate } if as_of.is_none_or(|l| *date <= l) => {
                    let s = all.entry(*key).or_default();
                    if s.mandate.is_none_or(|(d, _)| *date >= d) {
                        s.mandate = Some((*date, *mandate));
                    }
                }
                Record::Status(r) if as_of.is_none_or(|l| r.date <= l) => {
                    let slot = &mut all.entry(r.key).or_default().progress[usize::from(r.position)];
                    if slot.is_none_or(|(d, _)| r.date >= d) {
                        *slot = Some((r.date, r.progress));
                    }
                }
                _ => {}
            }
        }
        all
    }

    /// The latest of the records `pick` keeps, by date then by order, no
    /// later than `as_of`.
    fn latest<'a, T>(
        &'a self,
        as_of: Option<SigningDate>,
        pick: impl Fn(&'a Record) -> Option<(SigningDate, T)>,
    ) -> Option<T> {
        self.records
            .iter()
            .filter_map(pick)
            .filter(|(date, _)| as_of.is_none_or(|limit| *date <= limit))
            .enumerate()
            .max_by_key(|(i, (date, _))| (*date, *i))
            .map(|(_, (_, value))| value)
    }

    /// How the console keeps it in storage: a tag, then the bytes of
    /// [`FollowUp::encode`] in base64url.
    pub fn to_stored(&self) -> String {
        use base64::{engine::general_purpose::URL_SAFE_NO_PAD, Engine};
        let mut bytes = Vec::new();
        self.encode(&mut bytes);
        format!("{STORED_TAG}{}", URL_SAFE_NO_PAD.encode(bytes))
    }

    /// Reads what [`FollowUp::to_stored`] wrote, every rule checked.
    pub fn from_stored(text: &str) -> Result<FollowUp, FollowUpError> {
        use base64::{engine::general_purpose::URL_SAFE_NO_PAD, Engine};
        let bytes = text
            .strip_prefix(STORED_TAG)
            .and_then(|b| URL_SAFE_NO_PAD.decode(b.trim()).ok())
            .ok_or(FollowUpError::Malformed)?;
        FollowUp::decode(&bytes)
    }

    /// Appends a record: the history only grows.
    pub fn record(&mut self, record: Record) {
        self.records.push(record);
    }

    /// Writes the records after a list's entries: their count (u32), then
    /// each (`docs/list-v2.md`).
    pub fn encode(&self, out: &mut Vec<u8>) {
        out.extend((self.records.len() as u32).to_le_bytes());
        for record in &self.records {
            match record {
                Record::Elected { key, date, mandate } => {
                    out.push(1);
                    out.extend(key.to_bytes());
                    out.extend(date.days().to_le_bytes());
                    out.push(mandate.byte());
                }
                Record::Status(s) => {
                    out.push(2);
                    out.extend(s.key.to_bytes());
                    out.extend(s.date.days().to_le_bytes());
                    out.push(s.position);
                    out.push(s.progress.byte());
                    put_text(out, &s.note);
                    let links = &s.evidence[..s.evidence.len().min(EVIDENCE_MAX)];
                    out.push(links.len() as u8);
                    for e in links {
                        put_text(out, e.as_str());
                    }
                }
                Record::Review { date, kind } => {
                    out.push(3);
                    out.extend(date.days().to_le_bytes());
                    out.push(kind.byte());
                }
            }
        }
    }

    /// Reads what [`FollowUp::encode`] wrote, every rule checked, and
    /// nothing after it.
    pub fn decode(mut bytes: &[u8]) -> Result<FollowUp, FollowUpError> {
        let malformed = FollowUpError::Malformed;
        // Each record takes at least 4 bytes: no huge allocation on a
        // hostile count.
        let room = bytes.len() / 4;
        let mut take = |n: usize| -> Result<&[u8], FollowUpError> {
            if bytes.len() < n {
                return Err(FollowUpError::Malformed);
            }
            let (head, tail) = bytes.split_at(n);
            bytes = tail;
            Ok(head)
        };
        let count = u32_of(take(4)?);
        let mut records = Vec::with_capacity((count as usize).min(room));
        for _ in 0..count {
            let kind = take(1)?[0];
            let record = match kind {
                1 => {
                    let key = key_of(take(32)?);
                    let date = date_of(take(2)?);
                    let mandate = Mandate::from_byte(take(1)?[0]).ok_or(malformed)?;
                    Record::Elected { key, date, mandate }
                }
                2 => {
                    let key = key_of(take(32)?);
                    let date = date_of(take(2)?);
                    let head = take(2)?;
                    let (position, progress) = (head[0], head[1]);
                    let progress = Progress::from_byte(progress).ok_or(malformed)?;
                    let note = text_of(&mut take)?;
                    let links = take(1)?[0];
                    let mut evidence = Vec::new();
                    for _ in 0..links {
                        let text = text_of(&mut take)?;
                        let link = Evidence::parse(&text)?;
                        // Written as read: trimmed already.
                        if link.as_str() != text {
                            return Err(malformed);
                        }
                        evidence.push(link);
                    }
                    let status = StatusRecord::new(key, date, position, progress, &note, evidence)?;
                    // Written as read: canonical already.
                    if status.note != note {
                        return Err(malformed);
                    }
                    Record::Status(status)
                }
                3 => {
                    let date = date_of(take(2)?);
                    let kind = ReviewKind::from_byte(take(1)?[0]).ok_or(malformed)?;
                    Record::Review { date, kind }
                }
                _ => return Err(malformed),
            };
            records.push(record);
        }
        if !bytes.is_empty() {
            return Err(malformed);
        }
        Ok(FollowUp { records })
    }
}

fn put_text(out: &mut Vec<u8>, text: &str) {
    leb128::put(out, text.len());
    out.extend(text.as_bytes());
}

fn text_of<'a>(
    take: &mut impl FnMut(usize) -> Result<&'a [u8], FollowUpError>,
) -> Result<String, FollowUpError> {
    // Short or not in its shortest form: not what the console wrote.
    let len = leb128::read(|| take(1).ok().map(|b| b[0])).map_err(|_| FollowUpError::Malformed)?;
    let text = take(len)?;
    String::from_utf8(text.to_vec()).map_err(|_| FollowUpError::Malformed)
}

fn u32_of(b: &[u8]) -> u32 {
    u32::from_le_bytes([b[0], b[1], b[2], b[3]])
}

fn key_of(b: &[u8]) -> PublicKey {
    let mut key = [0; 32];
    key.copy_from_slice(b);
    PublicKey::from_bytes(key)
}

fn date_of(b: &[u8]) -> SigningDate {
    SigningDate::from_days(u16::from_le_bytes([b[0], b[1]]))
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    fn key(seed: u8) -> PublicKey {
        crate::domain::pledge::keys::PledgeKey::from_seed([seed; 32]).public()
    }

    fn day(d: u16) -> SigningDate {
        SigningDate::from_days(d)
    }

    fn status(seed: u8, d: u16, position: u8, progress: Progress, note: &str) -> Record {
        let evidence = vec![Evidence::parse("https://mairie.example/deliberation-12").unwrap()];
        Record::Status(
            StatusRecord::new(key(seed), day(d), position, progress, note, evidence).unwrap(),
        )
    }

    /// A follow-up of every kind of record: two signatories, a review.
    pub(crate) fn sample() -> FollowUp {
        FollowUp {
            records: vec![
                Record::Elected {
                    key: key(1),
                    date: day(2300),
                    mandate: Mandate::Mayor,
                },
                status(
                    1,
                    2310,
                    0,
                    Progress::InProgress,
                    "Délibération en préparation.",
                ),
                Record::Review {
                    date: day(2400),
                    kind: ReviewKind::HundredDays,
                },
                status(1, 2500, 0, Progress::Kept, "Clause votée le 3 mars."),
                status(1, 2350, 1, Progress::OutOfScope, ""),
                Record::Elected {
                    key: key(2),
                    date: day(2300),
                    mandate: Mandate::Opposition,
                },
            ],
        }
    }

    #[test]
    fn records_read_back_as_written() {
        let mut bytes = Vec::new();
        sample().encode(&mut bytes);
        assert_eq!(FollowUp::decode(&bytes), Ok(sample()));
        let mut none = Vec::new();
        FollowUp::default().encode(&mut none);
        assert_eq!(none, [0, 0, 0, 0]);
        assert_eq!(FollowUp::decode(&none), Ok(FollowUp::default()));
    }

    #[test]
    fn the_latest_record_by_date_is_current_and_a_review_freezes_its_date() {
        let f = sample();
        let now = f.status(&key(1), 0, None).unwrap();
        assert_eq!(
            (now.progress, now.note.as_str()),
            (Progress::Kept, "Clause votée le 3 mars.")
        );
        // As of the « bilan des 100 jours »: still « en cours ».
        let (review, kind) = f.reviews()[0];
        assert_eq!(kind, ReviewKind::HundredDays);
        assert_eq!(
            f.status(&key(1), 0, Some(review)).unwrap().progress,
            Progress::InProgress
        );
        // Recorded later, dated earlier: its date places it.
        assert_eq!(
            f.status(&key(1), 1, Some(review)).unwrap().progress,
            Progress::OutOfScope
        );
        assert_eq!(f.status(&key(1), 1, Some(day(2349))), None);
        assert_eq!(f.history(&key(1), 0).count(), 2);
        assert_eq!(f.mandate(&key(1), None), Some(Mandate::Mayor));
        assert_eq!(f.mandate(&key(2), None), Some(Mandate::Opposition));
        assert_eq!(f.mandate(&key(3), None), None);
        assert_eq!(f.mandate(&key(1), Some(day(2299))), None);
        // An election undone (or a mandate ended): none since, kept before.
        let mut undone = f.clone();
        undone.record(Record::Elected {
            key: key(1),
            date: day(2600),
            mandate: Mandate::None,
        });
        assert_eq!(undone.mandate(&key(1), None), None);
        assert_eq!(
            undone.mandate(&key(1), Some(day(2599))),
            Some(Mandate::Mayor)
        );
    }

    #[test]
    fn the_scoreboard_counts_taken_commitments_only_and_out_of_scope_apart() {
        let f = sample();
        let board = f.scoreboard(&key(1), [0, 1, 5], None);
        assert_eq!(
            board,
            Scoreboard {
                kept: 1,
                out_of_scope: 1,
                not_assessed: 1,
                ..Scoreboard::default()
            }
        );
        let earlier = f.scoreboard(&key(1), [0, 1, 5], Some(day(2400)));
        assert_eq!((earlier.in_progress, earlier.kept), (1, 0));
    }

    #[test]
    fn the_standing_in_one_pass_agrees_with_each_record_read_alone() {
        // The sample, and records out of date order with ties (same day:
        // the later one counts) and a mandate undone.
        let mut f = sample();
        f.record(status(2, 2350, 3, Progress::NotKept, ""));
        f.record(status(2, 2350, 3, Progress::PartlyKept, ""));
        f.record(status(2, 2320, 3, Progress::Kept, ""));
        f.record(Record::Elected {
            key: key(2),
            date: day(2500),
            mandate: Mandate::None,
        });
        for as_of in [
            None,
            Some(day(2299)),
            Some(day(2320)),
            Some(day(2400)),
            Some(day(2600)),
        ] {
            let standing = f.standing(as_of);
            for seed in [1, 2, 3] {
                let s = standing.get(&key(seed)).copied().unwrap_or_default();
                assert_eq!(
                    s.mandate(),
                    f.mandate(&key(seed), as_of),
                    "{seed} {as_of:?}"
                );
                for position in 0..COMMITMENT_COUNT as u8 {
                    assert_eq!(
                        s.progress(position),
                        f.status(&key(seed), position, as_of).map(|r| r.progress),
                        "{seed} {position} {as_of:?}"
                    );
                }
                let taken = [0, 1, 3, 5];
                assert_eq!(s.scoreboard(taken), f.scoreboard(&key(seed), taken, as_of));
            }
        }
        assert_eq!(
            f.standing(None)[&key(2)].progress(3),
            Some(Progress::PartlyKept)
        );
    }

    #[test]
    fn a_record_dated_after_its_list_is_left_out() {
        let mut f = sample();
        f.record(status(1, 9000, 0, Progress::NotKept, ""));
        let shown = f.until(day(3000));
        assert_eq!(shown, sample());
        assert_eq!(
            shown.status(&key(1), 0, None).map(|s| s.progress),
            sample().status(&key(1), 0, None).map(|s| s.progress)
        );
    }

    #[test]
    fn a_record_past_its_rules_is_refused() {
        let k = key(1);
        let new = |position, note: &str, evidence| {
            StatusRecord::new(k, day(1), position, Progress::Kept, note, evidence)
        };
        assert_eq!(
            new(COMMITMENT_COUNT as u8, "", vec![]),
            Err(FollowUpError::Commitment)
        );
        assert_eq!(
            new(0, &"x".repeat(NOTE_MAX_CHARS + 1), vec![]),
            Err(FollowUpError::NoteTooLong)
        );
        assert_eq!(new(0, "a\u{202E}b", vec![]), Err(FollowUpError::NoteText));
        let link = Evidence::parse("https://a.example/").unwrap();
        assert_eq!(
            new(0, "", vec![link; EVIDENCE_MAX + 1]),
            Err(FollowUpError::TooMuchEvidence)
        );
        for bad in [
            "http://a.example/",
            "javascript:alert(1)",
            "https://",
            "https:///path",
            "https://a.example/a b",
            "https://a.example/\u{7}",
            "data:text/html,x",
            "https://mairie.fr@evil.example/",
            "https://a.example\\@b.example/",
            "https://a.example/\u{202E}x",
            "https://a.example/\u{200B}",
            "https://mairié.example/",
            "https://192.168.0.1/",
            "https://localhost/",
            "https://a.example:8443/",
            "https://@/",
            "https://a..example/",
        ] {
            assert_eq!(
                Evidence::parse(bad),
                Err(FollowUpError::Evidence),
                "{bad:?}"
            );
        }
        assert!(Evidence::parse(&format!(
            "https://a.example/{}",
            "x".repeat(EVIDENCE_MAX_BYTES)
        ))
        .is_err());
        let link = Evidence::parse(" https://mairie.example/d?id=4#p2 ").unwrap();
        assert_eq!(
            (link.as_str(), link.host()),
            ("https://mairie.example/d?id=4#p2", "mairie.example")
        );
        // The note is kept canonical (NFC, trimmed).
        assert_eq!(new(0, "  Tenu.  ", vec![]).unwrap().note, "Tenu.");
    }

    #[test]
    fn the_console_keeps_it_in_storage_and_reads_it_back() {
        let text = sample().to_stored();
        assert!(text.starts_with("pw-follow-up 1 "));
        assert_eq!(FollowUp::from_stored(&text), Ok(sample()));
        let mut more = sample();
        more.record(Record::Review {
            date: day(2600),
            kind: ReviewKind::Annual,
        });
        assert_eq!(
            FollowUp::from_stored(&more.to_stored())
                .unwrap()
                .records
                .len(),
            7
        );
        for bad in [
            "",
            "pw-follow-up 1 !!",
            "pw-follow-up 2 AAAAAA",
            &text[..text.len() - 3],
        ] {
            assert_eq!(
                FollowUp::from_stored(bad),
                Err(FollowUpError::Malformed),
                "{bad:?}"
            );
        }
    }

    #[test]
    fn bytes_that_are_not_records_are_malformed() {
        let mut good = Vec::new();
        sample().encode(&mut good);
        // Cut anywhere, or a byte more.
        for cut in 0..good.len() {
            assert_eq!(
                FollowUp::decode(&good[..cut]),
                Err(FollowUpError::Malformed),
                "cut at {cut}"
            );
        }
        let mut longer = good.clone();
        longer.push(0);
        assert!(FollowUp::decode(&longer).is_err());
        // An unknown record kind, mandate, progress or review.
        for (at, value) in [(4, 9u8), (4 + 1 + 32 + 2, 9), (4 + 39 + 1 + 32 + 2 + 1, 9)] {
            let mut bad = good.clone();
            bad[at] = value;
            assert!(FollowUp::decode(&bad).is_err(), "byte {at}");
        }
        // A hostile count allocates nothing big.
        assert!(FollowUp::decode(&u32::MAX.to_le_bytes()).is_err());
        // A note with a direction override, written by hand.
        let mut forged = vec![1, 0, 0, 0, 2];
        forged.extend(key(1).to_bytes());
        forged.extend([0, 0, 0, 2]);
        let note = "a\u{202E}b".as_bytes();
        forged.push(note.len() as u8);
        forged.extend(note);
        forged.push(0);
        assert_eq!(FollowUp::decode(&forged), Err(FollowUpError::NoteText));
    }
}
