//! The organiser's published list of pledges (`engagements.json`): each
//! gathered pledge's payload with the status the organiser gave it, signed
//! by the organiser's key over canonical bytes. Version 2 adds a context
//! string (a list's signed bytes can never be a pledge's) and a sequence
//! number that grows with every publication (a reader can tell an older
//! list from the one it saw); version 1 lists are still read. Documented
//! byte by byte in `docs/list-v1.md` and `docs/list-v2.md`; pinned by the
//! golden vectors in `tests/golden.rs`.

use std::fmt;

use base64::{engine::general_purpose::URL_SAFE_NO_PAD, Engine};

use crate::campaign::{CAMPAIGN, CAMPAIGN_ID_LEN};
use crate::domain::json::{self, Json, Version};
use crate::domain::organiser::follow_up::FollowUp;
use crate::domain::pledge::codec::leb128;
use crate::domain::pledge::keys::{PledgeKey, PublicKey};
use crate::domain::pledge::payload::Payload;
use crate::domain::pledge::signed_pledge::VerifiedPledge;
use crate::domain::signing_date::SigningDate;

/// The `format` member of the file.
pub const LIST_FORMAT: &str = "coorace-engagements";
/// The version the console publishes (the `version` member, and the
/// signed version byte).
pub const LIST_VERSION: u8 = 2;
/// The first signed bytes of a version 2 list, its context: the format's
/// name and a zero byte. No pledge payload starts so (a payload's first
/// byte is its version, 1 or 2), so that a list's signature can never be
/// taken for a pledge's, nor the reverse.
const CONTEXT_LEN: usize = LIST_FORMAT.len() + 1;
/// Version 1: version, campaign id, organiser key, issue date, entry count.
const HEADER_LEN_V1: usize = 1 + CAMPAIGN_ID_LEN + 32 + 2 + 4;
/// Version 2: context, version, campaign id, organiser key, issue date,
/// sequence, entry count.
const HEADER_LEN_V2: usize = CONTEXT_LEN + 1 + CAMPAIGN_ID_LEN + 32 + 2 + 4 + 4;

/// A part's name in its context is at most this long (« 2A », « 971 »,
/// « sans-code »): see `shards::ShardSummary`.
pub const PART_NAME_MAX: usize = 16;

/// Whether `name` can name a part of a list (1 to 16 ASCII letters, digits
/// or hyphens: a file name, never a path).
pub fn is_part_name(name: &str) -> bool {
    (1..=PART_NAME_MAX).contains(&name.len())
        && name.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-')
}

/// Version 2's context at the start of `message`: its length, and the
/// part of the list it names, if any. The whole list's context is the
/// format's name and a zero byte; a part's (a shard of
/// `docs/list-shards.md`) adds `/` and its name before the zero byte, so
/// that one part can never be taken for another, nor for the whole list.
fn context(message: &[u8]) -> Option<(usize, Option<&str>)> {
    let rest = message.strip_prefix(LIST_FORMAT.as_bytes())?;
    match rest.first()? {
        0 => Some((CONTEXT_LEN, None)),
        b'/' => {
            let end = rest.iter().take(PART_NAME_MAX + 2).position(|b| *b == 0)?;
            let name = std::str::from_utf8(&rest[1..end]).ok()?;
            is_part_name(name).then_some((CONTEXT_LEN + end, Some(name)))
        }
        _ => None,
    }
}

/// The little-endian u32 at `at` (within bytes whose length was checked).
fn u32_at(bytes: &[u8], at: usize) -> u32 {
    u32::from_le_bytes([bytes[at], bytes[at + 1], bytes[at + 2], bytes[at + 3]])
}

/// What the organiser says of a pledge.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum EntryStatus {
    /// Checked outside the widget (a call, a post on the candidate's
    /// official account showing the fingerprint): the key is the
    /// candidate's.
    Verified,
    /// Not (yet) checked.
    Pending,
    /// Withdrawn by the candidate or the organiser.
    Withdrawn,
    /// The same candidate now signs with another key (their browser erased
    /// this one, or they moved): the list names the new key
    /// ([`ListEntry::new_key`]), which the organiser vouched for; this
    /// key's pledges count for nothing.
    KeyReplaced,
}

impl EntryStatus {
    /// The statuses the organiser gives a key by choosing one; « clé
    /// remplacée » is given by naming the new key
    /// (`Console::link_new_key`).
    pub const ALL: [EntryStatus; 3] = [
        EntryStatus::Verified,
        EntryStatus::Pending,
        EntryStatus::Withdrawn,
    ];

    /// The byte that stands for the status in a list (and the console's record).
    pub(crate) fn byte(self) -> u8 {
        match self {
            EntryStatus::Verified => 1,
            EntryStatus::Pending => 2,
            EntryStatus::Withdrawn => 3,
            EntryStatus::KeyReplaced => 4,
        }
    }

    pub(crate) fn from_byte(byte: u8) -> Option<EntryStatus> {
        [EntryStatus::KeyReplaced]
            .into_iter()
            .chain(EntryStatus::ALL)
            .find(|s| s.byte() == byte)
    }

    /// Its name in records and open data (« verifie », « en_attente »,
    /// « retire »).
    pub fn key(self) -> &'static str {
        match self {
            EntryStatus::Verified => "verifie",
            EntryStatus::Pending => "en_attente",
            EntryStatus::Withdrawn => "retire",
            EntryStatus::KeyReplaced => "cle_remplacee",
        }
    }

    pub fn from_key(key: &str) -> Option<EntryStatus> {
        [EntryStatus::KeyReplaced]
            .into_iter()
            .chain(EntryStatus::ALL)
            .find(|s| s.key() == key)
    }
}

/// One pledge in the list: its payload as in its link (not checked here:
/// each entry's own signature is checked by the reader, see
/// `Payload::signed_part`), its status and the day it was set.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ListEntry {
    pub status: EntryStatus,
    pub status_date: SigningDate,
    pub payload: Vec<u8>,
    /// With [`EntryStatus::KeyReplaced`] (and only then): the candidate's new
    /// key.
    pub new_key: Option<PublicKey>,
}

/// A list of pledges, as the organiser publishes it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PledgeList {
    pub issued: SigningDate,
    /// Grows with every publication: version 2 (`None`: a version 1 list,
    /// which has none and reads as older than any version 2 list).
    pub sequence: Option<u32>,
    pub entries: Vec<ListEntry>,
    /// The follow-up after the vote (version 2 only: a version 1 list has
    /// none, and publishing one drops it).
    pub follow_up: FollowUp,
}

/// A file the organiser publishes: its `format` and `version`, the
/// organiser's fingerprint (for people), then the signed bytes under
/// `field` and their signature by `key`, in base64url (a list's, or the
/// shards' index's).
pub(crate) fn signed_file(
    format: &str,
    version: u8,
    key: &PledgeKey,
    field: &str,
    message: &[u8],
) -> String {
    let signature = key.sign(message);
    let mut out = String::from("{\n  \"format\": ");
    json::write_string(&mut out, format);
    out.push_str(&format!(",\n  \"version\": {version},\n  \"organiser\": "));
    json::write_string(&mut out, &key.public().fingerprint());
    out.push_str(&format!(",\n  \"{field}\": \""));
    out.push_str(&URL_SAFE_NO_PAD.encode(message));
    out.push_str("\",\n  \"signature\": \"");
    out.push_str(&URL_SAFE_NO_PAD.encode(signature));
    out.push_str("\"\n}\n");
    out
}

/// Why a file is not a list this widget can trust.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ListError {
    kind: ListErrorKind,
}

/// The kinds of [`ListError`], each with its own plain-words message in the
/// interface.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ListErrorKind {
    /// Not JSON, or not a list of pledges.
    NotAList,
    /// Cut short (a download that stopped).
    Truncated,
    /// A version this widget does not know.
    UnknownVersion(u64),
    /// Signed by a key that is not the organiser's pinned one.
    OtherKey,
    /// The signature does not match: the list was altered.
    SignatureMismatch,
    /// The list of another campaign.
    OtherCampaign,
    /// Signed, but breaks the format's rules.
    Malformed,
}

impl ListError {
    pub fn new(kind: ListErrorKind) -> Self {
        ListError { kind }
    }

    pub fn kind(&self) -> ListErrorKind {
        self.kind
    }
}

impl From<ListErrorKind> for ListError {
    fn from(kind: ListErrorKind) -> Self {
        ListError::new(kind)
    }
}

impl fmt::Display for ListError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.kind {
            ListErrorKind::NotAList => f.write_str("not a list of pledges"),
            ListErrorKind::Truncated => f.write_str("the list is truncated"),
            ListErrorKind::UnknownVersion(v) => write!(f, "unknown list version {v}"),
            ListErrorKind::OtherKey => f.write_str("signed by another key"),
            ListErrorKind::SignatureMismatch => f.write_str("the signature does not match"),
            ListErrorKind::OtherCampaign => f.write_str("the list of another campaign"),
            ListErrorKind::Malformed => f.write_str("malformed list"),
        }
    }
}

impl std::error::Error for ListError {}

/// Why the list could not be used, from fetching it to checking it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ListFailure {
    /// The server has no list (404): none published yet.
    NotPublished,
    /// No answer (offline, and not cached).
    Unreachable,
    /// This browser cannot check Ed25519 signatures.
    NoVerifier,
    /// The file is not a list this widget can trust.
    Invalid(ListError),
    /// A list older than one this browser already read from the same
    /// organiser (`Freshness::Older`): its statuses are not current.
    Older,
    /// No list (404), where this browser has read one of the organiser's:
    /// it was taken down, not « none published yet ».
    Gone,
    /// The index of a sharded publication is not one this widget can
    /// trust (`docs/list-shards.md`).
    Index(ListError),
    /// A shard is not the file its signed index names: altered, or from
    /// another publication.
    ShardAltered,
    /// A shard the signed index names cannot be found (404).
    ShardMissing,
    /// The whole list and the shards' index are not of the same
    /// publication (part of the files was not put online).
    Mismatched,
    /// A part of the list (a département's shard) in the place of another,
    /// or of the whole list, or the whole list in a part's place: its
    /// signed context names another (`SignedList::is_part`).
    OtherPart,
}

/// What the list's signature covers, found without checking it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SignedList {
    /// The canonical bytes.
    pub message: Vec<u8>,
    pub public_key: PublicKey,
    pub signature: [u8; 64],
}

impl SignedList {
    /// Where the bytes after the context string start: the version byte.
    fn start(&self) -> usize {
        context(&self.message).map_or(0, |(len, _)| len)
    }

    /// The part of the list these bytes say they are (a département's
    /// shard), or `None` for the whole list: signed, so that a file moved
    /// to another part's place is refused ([`SignedList::is_part`]).
    pub fn part(&self) -> Option<&str> {
        context(&self.message).and_then(|(_, part)| part)
    }

    /// Whether these bytes are the part `expected` (`None`: the whole
    /// list), else [`ListFailure::OtherPart`].
    pub fn is_part(&self, expected: Option<&str>) -> Result<(), ListFailure> {
        if self.part() == expected {
            Ok(())
        } else {
            Err(ListFailure::OtherPart)
        }
    }
}

/// The sequence of a list published on `today` after one numbered `last`
/// (by this console): the day's first number, `days × 4,096`, or one more
/// than the last, whichever is greater. So it grows with every publication
/// from one console, and a console's first list of a later day is newer
/// than any of an earlier day (up to 4,096 publications a day).
pub fn next_sequence(today: SigningDate, last: Option<u32>) -> u32 {
    let first_of_day = u32::from(today.days()) << 12;
    last.map_or(first_of_day, |last| {
        first_of_day.max(last.saturating_add(1))
    })
}

/// Where a list stands against the newest one this reader saw from the
/// same organiser (`docs/list-v2.md`, « Rollback »).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Freshness {
    /// As new as any seen, or newer: its statuses are current.
    Current,
    /// Older than one already seen here (a stale cache, a mirror, or a
    /// list put back on purpose): its statuses are not shown as current.
    Older,
}

impl Freshness {
    /// `seen`: the highest sequence this reader saw (a version 1 list
    /// counts as 0); `list`: the one just read.
    pub fn of(list: Option<u32>, seen: Option<u32>) -> Freshness {
        match seen {
            Some(seen) if list.unwrap_or(0) < seen => Freshness::Older,
            _ => Freshness::Current,
        }
    }
}

impl PledgeList {
    /// The canonical bytes the organiser signs: version 2 with a
    /// sequence, version 1 without.
    pub fn canonical_bytes(&self, organiser: &PublicKey) -> Vec<u8> {
        self.canonical_bytes_of_part(organiser, None)
    }

    /// The canonical bytes of this list as the part `part` of a
    /// publication (a département's shard; `None`: the whole list), named
    /// in its context (version 2 only).
    pub fn canonical_bytes_of_part(&self, organiser: &PublicKey, part: Option<&str>) -> Vec<u8> {
        let size: usize = self.entries.iter().map(|e| e.payload.len() + 5).sum();
        let mut out = Vec::with_capacity(HEADER_LEN_V2 + PART_NAME_MAX + 1 + size);
        if self.sequence.is_some() {
            out.extend(LIST_FORMAT.as_bytes());
            if let Some(part) = part {
                debug_assert!(is_part_name(part));
                out.push(b'/');
                out.extend(part.as_bytes());
            }
            out.push(0);
        }
        out.push(self.version());
        out.extend(CAMPAIGN.id());
        out.extend(organiser.to_bytes());
        out.extend(self.issued.days().to_le_bytes());
        if let Some(sequence) = self.sequence {
            out.extend(sequence.to_le_bytes());
        }
        out.extend((self.entries.len() as u32).to_le_bytes());
        for entry in &self.entries {
            out.push(entry.status.byte());
            out.extend(entry.status_date.days().to_le_bytes());
            if entry.status == EntryStatus::KeyReplaced {
                let key = entry.new_key.map_or([0; 32], |k| k.to_bytes());
                out.extend(key);
            }
            // As in the payload: payloads are < 16 384 bytes.
            leb128::put(&mut out, entry.payload.len());
            out.extend(&entry.payload);
        }
        if self.sequence.is_some() {
            self.follow_up.encode(&mut out);
        }
        out
    }

    /// Its format's version: 2 with a sequence, 1 without.
    pub fn version(&self) -> u8 {
        if self.sequence.is_some() {
            2
        } else {
            1
        }
    }

    /// The `engagements.json` file: this list signed by `key`.
    pub fn publish(&self, key: &PledgeKey) -> String {
        self.publish_part(key, None)
    }

    /// The file of this list as the part `part` of a publication (see
    /// [`PledgeList::canonical_bytes_of_part`]).
    pub fn publish_part(&self, key: &PledgeKey, part: Option<&str>) -> String {
        let message = self.canonical_bytes_of_part(&key.public(), part);
        signed_file(LIST_FORMAT, self.version(), key, "list", &message)
    }

    /// Reading steps 1–3 of `docs/list-v2.md` (and `list-v1.md`): the
    /// file's shape, its version, that it is signed by `pinned`; what the
    /// signature covers (not checked here).
    pub fn signed_part(text: &str, pinned: &PublicKey) -> Result<SignedList, ListError> {
        let file = json::parse(text).map_err(|e| {
            if e.offset >= text.trim_end().len() {
                ListErrorKind::Truncated
            } else {
                ListErrorKind::NotAList
            }
        })?;
        let string = |name: &str| match file.get(name) {
            Some(Json::String(s)) => Ok(s.as_str()),
            _ => Err(ListError::new(ListErrorKind::NotAList)),
        };
        if string("format")? != LIST_FORMAT {
            return Err(ListError::new(ListErrorKind::NotAList));
        }
        let version = match file.version() {
            Version::Whole(v @ (1 | 2)) => v as u8,
            Version::Whole(v) => return Err(ListError::new(ListErrorKind::UnknownVersion(v))),
            Version::NotAWholeNumber => {
                return Err(ListError::new(ListErrorKind::UnknownVersion(u64::MAX)))
            }
            Version::NotANumber | Version::Missing => {
                return Err(ListError::new(ListErrorKind::NotAList))
            }
        };
        // Text that is no longer base64url was changed after publishing.
        let message = URL_SAFE_NO_PAD
            .decode(string("list")?)
            .map_err(|_| ListError::new(ListErrorKind::SignatureMismatch))?;
        let signature: [u8; 64] = URL_SAFE_NO_PAD
            .decode(string("signature")?)
            .map_err(|_| ListError::new(ListErrorKind::SignatureMismatch))?
            .try_into()
            .map_err(|_| ListError::new(ListErrorKind::SignatureMismatch))?;
        // Version 2's bytes start with the context; version 1's with their
        // version byte. The file's version and the signed one agree.
        // Version 2's context first: version 1's bytes relabelled are
        // malformed, however short.
        let (start, header) = match (version, context(&message)) {
            (1, _) => (0, HEADER_LEN_V1),
            (_, Some((len, _))) => (len, HEADER_LEN_V2 - CONTEXT_LEN + len),
            (_, None) => return Err(ListError::new(ListErrorKind::Malformed)),
        };
        if message.len() < header {
            return Err(ListError::new(ListErrorKind::Truncated));
        }
        if message[start] != version {
            return Err(ListError::new(ListErrorKind::UnknownVersion(u64::from(
                message[start],
            ))));
        }
        let key_at = start + 1 + CAMPAIGN_ID_LEN;
        let key: [u8; 32] = message[key_at..key_at + 32].try_into().expect("32 bytes");
        if key != pinned.to_bytes() {
            return Err(ListError::new(ListErrorKind::OtherKey));
        }
        Ok(SignedList {
            message,
            public_key: *pinned,
            signature,
        })
    }

    /// Steps 4–5, once the caller has checked the signature
    /// (`signature_valid`): the campaign, then every entry's framing. The
    /// entries' own signatures are the reader's to check.
    pub fn read_checked(part: &SignedList, signature_valid: bool) -> Result<PledgeList, ListError> {
        if !signature_valid {
            return Err(ListError::new(ListErrorKind::SignatureMismatch));
        }
        // The header is whole (`signed_part` checked it; a `SignedList`
        // made otherwise is refused here rather than read past its end).
        let start = part.start();
        let bytes = part.message.get(start..).unwrap_or_default();
        let version = bytes.first().copied().unwrap_or_default();
        let header = match version {
            1 if start == 0 => HEADER_LEN_V1,
            2 if start >= CONTEXT_LEN => HEADER_LEN_V2 - CONTEXT_LEN,
            _ => return Err(ListError::new(ListErrorKind::Malformed)),
        };
        if bytes.len() < header {
            return Err(ListError::new(ListErrorKind::Truncated));
        }
        // Published under this version of the campaign or an earlier one
        // whose links still read.
        if crate::campaign::version_of([bytes[1], bytes[2]]).is_none() {
            return Err(ListError::new(ListErrorKind::OtherCampaign));
        }
        let mut at = 1 + CAMPAIGN_ID_LEN + 32;
        let issued = SigningDate::from_days(u16::from_le_bytes([bytes[at], bytes[at + 1]]));
        at += 2;
        let sequence = (version == 2).then(|| {
            at += 4;
            u32_at(bytes, at - 4)
        });
        let count = u32_at(bytes, at);
        let mut rest = &bytes[at + 4..];
        let mut take = |n: usize| -> Result<&[u8], ListError> {
            if rest.len() < n {
                return Err(ListError::new(ListErrorKind::Malformed));
            }
            let (head, tail) = rest.split_at(n);
            rest = tail;
            Ok(head)
        };
        // Each entry takes at least 4 bytes: no huge allocation on a
        // hostile count.
        let mut entries = Vec::with_capacity((count as usize).min(bytes.len() / 4));
        for _ in 0..count {
            let head = take(3)?;
            let status =
                EntryStatus::from_byte(head[0]).ok_or(ListError::new(ListErrorKind::Malformed))?;
            let status_date = SigningDate::from_days(u16::from_le_bytes([head[1], head[2]]));
            let new_key = match status {
                EntryStatus::KeyReplaced => {
                    let key: [u8; 32] = take(32)?
                        .try_into()
                        .map_err(|_| ListError::new(ListErrorKind::Malformed))?;
                    Some(PublicKey::from_bytes(key))
                }
                _ => None,
            };
            // Short or not in its shortest form: either way not a list we wrote.
            let len = leb128::read(|| take(1).ok().map(|b| b[0]))
                .map_err(|_| ListError::new(ListErrorKind::Malformed))?;
            let payload = take(len)?.to_vec();
            // A key « replaced » by itself is no replacement.
            if let Some(new) = new_key {
                let own = Payload::signed_part(&payload).map(|p| p.public_key);
                if own == Ok(new) {
                    return Err(ListError::new(ListErrorKind::Malformed));
                }
            }
            entries.push(ListEntry {
                status,
                status_date,
                payload,
                new_key,
            });
        }
        // Version 2: the follow-up, to the last byte; version 1: nothing.
        let follow_up = match sequence {
            Some(_) => {
                FollowUp::decode(rest).map_err(|_| ListError::new(ListErrorKind::Malformed))?
            }
            None if rest.is_empty() => FollowUp::default(),
            None => return Err(ListError::new(ListErrorKind::Malformed)),
        };
        Ok(PledgeList {
            issued,
            sequence,
            entries,
            follow_up,
        })
    }

    /// Reads and checks a published file against the organiser's pinned
    /// key, the signature checked in Rust.
    pub fn open(text: &str, pinned: &PublicKey) -> Result<PledgeList, ListError> {
        let part = PledgeList::signed_part(text, pinned)?;
        let valid = part.public_key.verifies(&part.message, &part.signature);
        PledgeList::read_checked(&part, valid)
    }
}

/// What a list says of one pledge, by the one rule the wall applies too
/// ([`current_per_key`]): a key's current pledge is its latest (signing
/// date, then place in the list), and the others of that key are replaced.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Listed {
    /// This very pledge is its key's latest in the list, with its status
    /// and the day it was set.
    Entry(EntryStatus, SigningDate),
    /// Later pledges of the same key are listed (their indices, the latest
    /// first): the first whose own signature holds replaces this one. If
    /// none holds (the wall flags them), `own` stands: this pledge's entry,
    /// when it is listed too.
    Replaced {
        later: Vec<usize>,
        own: Option<(EntryStatus, SigningDate)>,
    },
    Absent,
}

impl PledgeList {
    /// Where `old` is « clé remplacée »: the candidate's new key, and the
    /// index of that key's latest entry, when listed (its own signature
    /// not checked here: a caller that links to it checks it first).
    pub fn new_key_of(&self, old: &PublicKey) -> Option<(PublicKey, Option<usize>)> {
        let key_of = |e: &ListEntry| Payload::signed_part(&e.payload).ok().map(|p| p.public_key);
        let new = self
            .entries
            .iter()
            .find(|e| e.status == EntryStatus::KeyReplaced && key_of(e) == Some(*old))?
            .new_key?;
        let latest = self
            .entries
            .iter()
            .enumerate()
            .filter_map(|(i, e)| {
                let part = Payload::signed_part(&e.payload).ok()?;
                (part.public_key == new).then(|| (part.date(), i))
            })
            .max()
            .map(|(_, i)| i);
        Some((new, latest))
    }

    /// Looks up `pledge`, whose payload is `payload`. Other entries are
    /// read without checking their signature: a caller that shows one as
    /// the replacement checks it first (see [`Listed::Replaced`]).
    pub fn find(&self, payload: &[u8], pledge: &VerifiedPledge) -> Listed {
        let key = pledge.public_key();
        let own_at = self.entries.iter().position(|e| e.payload == payload);
        // Where this pledge stands in the order: its date, then its place
        // (an unlisted pledge comes before every listed one of its day).
        let own_rank = (pledge.pledge().date(), own_at.map_or(0, |i| i + 1));
        let mut later: Vec<((SigningDate, usize), usize)> = self
            .entries
            .iter()
            .enumerate()
            .filter(|(i, _)| Some(*i) != own_at)
            .filter_map(|(i, e)| {
                let part = Payload::signed_part(&e.payload).ok()?;
                let rank = (part.date(), i + 1);
                (part.public_key == key && rank > own_rank).then_some((rank, i))
            })
            .collect();
        let own = own_at
            .and_then(|i| self.entries.get(i))
            .map(|e| (e.status, e.status_date));
        if later.is_empty() {
            return match own {
                Some((status, date)) => Listed::Entry(status, date),
                None => Listed::Absent,
            };
        }
        later.sort_unstable_by_key(|l| std::cmp::Reverse(l.0));
        Listed::Replaced {
            later: later.into_iter().map(|(_, i)| i).collect(),
            own,
        }
    }
}

/// Which of these pledges is each candidate's current one: for each key,
/// the latest signing date wins, and on the same day the later in the
/// sequence (the one gathered or listed last). The others are replaced.
pub fn current_per_key(pledges: &[(PublicKey, SigningDate)]) -> Vec<bool> {
    current_of_each(pledges)
        .iter()
        .enumerate()
        .map(|(i, current)| *current == i)
        .collect()
}

/// For each of `pledges`, where its key's current pledge is (itself, if
/// it is the current one): see [`current_per_key`].
pub fn current_of_each(pledges: &[(PublicKey, SigningDate)]) -> Vec<usize> {
    let mut latest: std::collections::HashMap<[u8; 32], (SigningDate, usize)> =
        std::collections::HashMap::with_capacity(pledges.len());
    for (i, (key, date)) in pledges.iter().enumerate() {
        let slot = latest.entry(key.to_bytes()).or_insert((*date, i));
        if *date >= slot.0 {
            *slot = (*date, i);
        }
    }
    pledges
        .iter()
        .map(|(key, _)| latest.get(&key.to_bytes()).map_or(0, |(_, i)| *i))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key() -> PledgeKey {
        PledgeKey::from_seed([7; 32])
    }

    fn list() -> PledgeList {
        PledgeList {
            issued: SigningDate::from_ymd(2026, 11, 29).unwrap(),
            sequence: Some(7),
            entries: vec![
                ListEntry {
                    status: EntryStatus::Verified,
                    status_date: SigningDate::from_days(2500),
                    payload: vec![1; 200],
                    new_key: None,
                },
                ListEntry {
                    status: EntryStatus::Withdrawn,
                    status_date: SigningDate::from_days(2501),
                    payload: vec![2; 10],
                    new_key: None,
                },
            ],
            follow_up: Default::default(),
        }
    }

    /// A version 1 list: the same, without a sequence.
    fn list_v1() -> PledgeList {
        PledgeList {
            sequence: None,
            follow_up: FollowUp::default(),
            ..list()
        }
    }

    /// The version 2 list with a follow-up.
    fn list_followed() -> PledgeList {
        PledgeList {
            follow_up: crate::domain::organiser::follow_up::tests::sample(),
            ..list()
        }
    }

    /// A file around these bytes, its version the one they say.
    fn file_with(message: &[u8], signature: &[u8]) -> String {
        let version = if context(message).is_some() { 2 } else { 1 };
        format!(
            r#"{{"format":"{LIST_FORMAT}","version":{version},"list":"{}","signature":"{}"}}"#,
            URL_SAFE_NO_PAD.encode(message),
            URL_SAFE_NO_PAD.encode(signature)
        )
    }

    #[test]
    fn a_published_list_reads_back_in_either_version() {
        for list in [list(), list_v1(), list_followed()] {
            let file = list.publish(&key());
            assert!(file.contains(&format!("\"version\": {}", list.version())));
            assert_eq!(PledgeList::open(&file, &key().public()), Ok(list));
        }
    }

    #[test]
    fn version_2_is_signed_after_its_context_and_carries_its_sequence() {
        let message = list().canonical_bytes(&key().public());
        assert!(message.starts_with(b"coorace-engagements\0\x02"));
        let at = CONTEXT_LEN + 1 + CAMPAIGN_ID_LEN + 32 + 2;
        assert_eq!(message[at..at + 4], 7u32.to_le_bytes());
        // No pledge payload starts as a list does: its first byte is its
        // version, and the context's is none of them.
        assert!(Payload::signed_part(&message).is_err());
        assert!(!matches!(message[0], 1 | 2));
        // Version 1's bytes are as they were: version 2's without the
        // context, the sequence and the follow-up (here none: its count, 0).
        let v1 = list_v1().canonical_bytes(&key().public());
        assert_eq!(v1[0], 1);
        assert!(message.ends_with(&[0, 0, 0, 0]));
        let end = message.len() - 4;
        assert_eq!(v1.len(), end - CONTEXT_LEN - 4);
        assert_eq!(v1[1..], [&message[21..57], &message[61..end]].concat()[..]);
    }

    #[test]
    fn each_publication_numbers_its_list_above_the_last() {
        let day = |d| SigningDate::from_days(d);
        assert_eq!(next_sequence(day(2500), None), 2500 * 4096);
        assert_eq!(next_sequence(day(2500), Some(2500 * 4096)), 2500 * 4096 + 1);
        // A later day starts above the earlier day's.
        assert_eq!(next_sequence(day(2501), Some(2500 * 4096 + 9)), 2501 * 4096);
        // A clock set back never numbers a list below the last.
        assert_eq!(next_sequence(day(2400), Some(2500 * 4096)), 2500 * 4096 + 1);
        assert_eq!(next_sequence(day(2500), Some(u32::MAX)), u32::MAX);
    }

    #[test]
    fn a_list_older_than_one_seen_is_said_so() {
        use Freshness::{Current, Older};
        assert_eq!(Freshness::of(Some(7), None), Current);
        assert_eq!(Freshness::of(None, None), Current);
        assert_eq!(Freshness::of(Some(7), Some(7)), Current);
        assert_eq!(Freshness::of(Some(8), Some(7)), Current);
        assert_eq!(Freshness::of(Some(6), Some(7)), Older);
        // A version 1 list after any version 2 one.
        assert_eq!(Freshness::of(None, Some(1)), Older);
        assert_eq!(Freshness::of(None, Some(0)), Current);
    }

    #[test]
    fn a_list_s_signature_is_never_a_pledge_s_nor_the_reverse() {
        use crate::domain::pledge::codec::Decoder;
        // The organiser's bytes, signed, offered as a pledge link's payload.
        let message = list().canonical_bytes(&key().public());
        let mut as_payload = message.clone();
        as_payload.extend(key().sign(&message));
        assert!(Payload::decode(&as_payload).is_err());
        // What a pledge signed (its message, with its own context), and its
        // signature, offered as a list of either version: the signature
        // holds over those bytes, yet they are no list.
        let (pledge, _) = signed(7, "Ana", 10);
        let part = Payload::signed_part(&pledge).unwrap();
        let (message, signature) = (part.message(), part.signature);
        assert!(part.public_key.verifies(&message, &signature));
        for version in [1, 2] {
            let text = format!(
                r#"{{"format":"{LIST_FORMAT}","version":{version},"list":"{}","signature":"{}"}}"#,
                URL_SAFE_NO_PAD.encode(&*message),
                URL_SAFE_NO_PAD.encode(signature)
            );
            let pinned = part.public_key;
            assert!(
                PledgeList::open(&text, &pinned).is_err(),
                "version {version}"
            );
        }
    }

    #[test]
    fn every_single_bit_flip_of_the_signed_bytes_or_signature_is_refused() {
        for list in [list(), list_v1(), list_followed()] {
            every_bit_flip_is_refused(&list);
        }
    }

    fn every_bit_flip_is_refused(list: &PledgeList) {
        let message = list.canonical_bytes(&key().public());
        let signature = key().sign(&message);
        for bit in 0..(message.len() + 64) * 8 {
            let (mut m, mut s) = (message.clone(), signature.to_vec());
            let (i, mask) = (bit / 8, 1u8 << (bit % 8));
            if i < m.len() {
                m[i] ^= mask;
            } else {
                s[i - m.len()] ^= mask;
            }
            let read = PledgeList::open(&file_with(&m, &s), &key().public());
            assert!(read.is_err(), "bit {bit} flipped, still accepted");
        }
    }

    #[test]
    fn each_bad_file_says_why() {
        let good = list().publish(&key());
        let pinned = key().public();
        let other = PledgeKey::from_seed([8; 32]);
        let cases: Vec<(String, ListErrorKind)> = vec![
            ("hello".into(), ListErrorKind::NotAList),
            ("{}".into(), ListErrorKind::NotAList),
            (good[..good.len() / 2].into(), ListErrorKind::Truncated),
            (
                good.replace("\"version\": 2", "\"version\": 3"),
                ListErrorKind::UnknownVersion(3),
            ),
            // Relabelled: version 2's bytes as version 1, and the reverse.
            (
                good.replace("\"version\": 2", "\"version\": 1"),
                ListErrorKind::UnknownVersion(u64::from(b'c')),
            ),
            (
                list_v1()
                    .publish(&key())
                    .replace("\"version\": 1", "\"version\": 2"),
                ListErrorKind::Malformed,
            ),
            (list().publish(&other), ListErrorKind::OtherKey),
            (
                good.replace(LIST_FORMAT, "something-else"),
                ListErrorKind::NotAList,
            ),
        ];
        for (text, error) in cases {
            assert_eq!(
                PledgeList::open(&text, &pinned).map_err(|e| e.kind()),
                Err(error),
                "{text}"
            );
        }
        // Signed, but for another campaign.
        let mut message = list().canonical_bytes(&pinned);
        message[CONTEXT_LEN + 1] ^= 0xff;
        let text = file_with(&message, &key().sign(&message));
        assert_eq!(
            PledgeList::open(&text, &pinned).map_err(|e| e.kind()),
            Err(ListErrorKind::OtherCampaign)
        );
        // Signed, with a byte more or an entry cut.
        for cut in [1usize, 5] {
            let mut message = list().canonical_bytes(&pinned);
            message.truncate(message.len() - cut);
            let text = file_with(&message, &key().sign(&message));
            assert_eq!(
                PledgeList::open(&text, &pinned).map_err(|e| e.kind()),
                Err(ListErrorKind::Malformed)
            );
        }
        let mut message = list().canonical_bytes(&pinned);
        message.push(0);
        let text = file_with(&message, &key().sign(&message));
        assert_eq!(
            PledgeList::open(&text, &pinned).map_err(|e| e.kind()),
            Err(ListErrorKind::Malformed)
        );
    }

    fn signed(
        seed: u8,
        name: &str,
        day: u16,
    ) -> (
        Vec<u8>,
        crate::domain::pledge::signed_pledge::VerifiedPledge,
    ) {
        use crate::domain::journey::identity::Identity;
        use crate::domain::pledge::codec::{Decoder, Encoder};
        use crate::domain::pledge::payload::Payload;
        use crate::domain::pledge::signed_pledge::Pledge;
        let identity = Identity {
            name: name.into(),
            commune: "Lyon".into(),
            commune_code: None,
            list: String::new(),
            role: None,
        };
        let pledge = Pledge::new(
            Default::default(),
            &identity,
            SigningDate::from_days(day),
            None,
        );
        let bytes = Payload::encode(&pledge.unwrap().sign(&PledgeKey::from_seed([seed; 32])));
        let verified = Payload::decode(&bytes).unwrap();
        (bytes, verified)
    }

    fn entry(status: EntryStatus, day: u16, payload: &[u8]) -> ListEntry {
        ListEntry {
            status,
            status_date: SigningDate::from_days(day),
            payload: payload.to_vec(),
            new_key: None,
        }
    }

    #[test]
    fn a_pledge_is_found_by_its_bytes_or_its_key() {
        let (old, new, other) = (
            signed(1, "Ana", 10),
            signed(1, "Ana", 20),
            signed(2, "Bea", 10),
        );
        let list = PledgeList {
            issued: SigningDate::from_days(30),
            sequence: Some(1),
            entries: vec![entry(EntryStatus::Verified, 25, &new.0)],
            follow_up: Default::default(),
        };
        assert_eq!(
            list.find(&new.0, &new.1),
            Listed::Entry(EntryStatus::Verified, SigningDate::from_days(25))
        );
        assert_eq!(
            list.find(&old.0, &old.1),
            Listed::Replaced {
                later: vec![0],
                own: None
            }
        );
        assert_eq!(list.find(&other.0, &other.1), Listed::Absent);
        // A newer pledge not (yet) in the list is not replaced by an older.
        let newest = signed(1, "Ana", 40);
        assert_eq!(list.find(&newest.0, &newest.1), Listed::Absent);
    }

    #[test]
    fn an_old_link_in_the_list_is_replaced_as_on_the_wall() {
        // Both pledges of one key are listed (another tool, an older
        // console): the wall counts the latest only, so the old link must
        // not say « vérifié ».
        let (old, new, same_day) = (
            signed(1, "Ana", 10),
            signed(1, "Ana B", 20),
            signed(1, "Ana C", 20),
        );
        let list = PledgeList {
            issued: SigningDate::from_days(30),
            sequence: Some(1),
            entries: vec![
                entry(EntryStatus::Pending, 21, &new.0),
                entry(EntryStatus::Verified, 12, &old.0),
                entry(EntryStatus::Pending, 22, &same_day.0),
            ],
            follow_up: Default::default(),
        };
        let verified_old = Some((EntryStatus::Verified, SigningDate::from_days(12)));
        // Latest first: same date, later in the list, wins.
        assert_eq!(
            list.find(&old.0, &old.1),
            Listed::Replaced {
                later: vec![2, 0],
                own: verified_old
            }
        );
        assert_eq!(
            list.find(&new.0, &new.1),
            Listed::Replaced {
                later: vec![2],
                own: Some((EntryStatus::Pending, SigningDate::from_days(21)))
            }
        );
        assert_eq!(
            list.find(&same_day.0, &same_day.1),
            Listed::Entry(EntryStatus::Pending, SigningDate::from_days(22))
        );
        // The wall's rule gives the same current pledge.
        let keys: Vec<_> = [&new, &old, &same_day]
            .iter()
            .map(|(_, p)| (p.public_key(), p.pledge().date()))
            .collect();
        assert_eq!(current_per_key(&keys), [false, false, true]);
    }

    #[test]
    fn the_latest_pledge_of_each_key_is_current() {
        let (a, b) = (
            PledgeKey::from_seed([1; 32]).public(),
            PledgeKey::from_seed([2; 32]).public(),
        );
        let d = SigningDate::from_days;
        let pledges = [(a, d(10)), (b, d(5)), (a, d(12)), (a, d(11)), (b, d(5))];
        assert_eq!(current_per_key(&pledges), [false, false, true, false, true]);
        assert!(current_per_key(&[]).is_empty());
    }

    #[test]
    fn a_signed_part_built_by_hand_is_refused_not_read_past_its_end() {
        let pinned = key().public();
        let full = list().canonical_bytes(&pinned);
        for len in 0..HEADER_LEN_V2 + 2 {
            let part = SignedList {
                message: full[..len.min(full.len())].to_vec(),
                public_key: pinned,
                signature: [0; 64],
            };
            assert!(
                PledgeList::read_checked(&part, true).is_err(),
                "{len} bytes"
            );
        }
        // Version 1's bytes, short, relabelled as 2: malformed (no context).
        let v1 = list_v1().canonical_bytes(&pinned);
        let text = file_with(&v1[..10], &[0; 64]).replace("\"version\":1", "\"version\":2");
        assert_eq!(
            PledgeList::open(&text, &pinned).map_err(|e| e.kind()),
            Err(ListErrorKind::Malformed)
        );
    }

    #[test]
    fn a_hostile_count_allocates_nothing_big() {
        let pinned = key().public();
        // The entry count: after the sequence in version 2.
        for (list, at) in [(list(), HEADER_LEN_V2 - 4), (list_v1(), HEADER_LEN_V1 - 4)] {
            let mut message = list.canonical_bytes(&pinned);
            message[at..at + 4].copy_from_slice(&u32::MAX.to_le_bytes());
            let text = file_with(&message, &key().sign(&message));
            assert_eq!(
                PledgeList::open(&text, &pinned).map_err(|e| e.kind()),
                Err(ListErrorKind::Malformed)
            );
        }
    }

    #[test]
    fn a_replaced_key_names_its_new_key_and_the_list_reads_it_back() {
        let pinned = key().public();
        let (old, old_pledge) = signed(1, "Ana", 2500);
        let (new, new_pledge) = signed(2, "Ana", 2600);
        let mut replaced = entry(EntryStatus::KeyReplaced, 2601, &old);
        replaced.new_key = Some(new_pledge.public_key());
        let list = PledgeList {
            issued: SigningDate::from_days(2602),
            sequence: Some(1),
            entries: vec![replaced, entry(EntryStatus::Verified, 2601, &new)],
            follow_up: Default::default(),
        };
        let read = PledgeList::open(&list.publish(&key()), &pinned).unwrap();
        assert_eq!(read, list);
        // The old key's page finds its new key and that key's entry.
        assert_eq!(
            read.new_key_of(&old_pledge.public_key()),
            Some((new_pledge.public_key(), Some(1)))
        );
        assert_eq!(read.new_key_of(&new_pledge.public_key()), None);
        assert_eq!(
            read.find(&old, &old_pledge),
            Listed::Entry(EntryStatus::KeyReplaced, SigningDate::from_days(2601))
        );
        // Signed, but naming its own key as the new one: malformed.
        let mut own = entry(EntryStatus::KeyReplaced, 2601, &old);
        own.new_key = Some(old_pledge.public_key());
        let selfish = PledgeList {
            issued: SigningDate::from_days(2602),
            sequence: Some(1),
            entries: vec![own],
            follow_up: Default::default(),
        };
        assert_eq!(
            PledgeList::open(&selfish.publish(&key()), &pinned).map_err(|e| e.kind()),
            Err(ListErrorKind::Malformed)
        );
        // Signed, but the new key cut short: malformed.
        let mut message = list.canonical_bytes(&pinned);
        let at = HEADER_LEN_V2 + 3 + 10;
        message.drain(at..at + 25);
        let text = file_with(&message, &key().sign(&message));
        assert_eq!(
            PledgeList::open(&text, &pinned).map_err(|e| e.kind()),
            Err(ListErrorKind::Malformed)
        );
    }
}
