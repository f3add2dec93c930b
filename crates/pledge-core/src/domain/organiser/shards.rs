//! The list for the whole country: shards by département and a signed
//! index (`docs/list-shards.md`). Each shard is a whole list version 2
//! (`engagements/69.json`: the pledges of the communes of the Rhône, signed
//! like `engagements.json`, with the same issue date and sequence); the
//! index (`engagements/index.json`) names each shard with the SHA-256 of
//! its file, its count of entries and its totals, and is signed too. A
//! reader fetches the index and only the shards it needs, and checks each
//! against the index: a shard from another publication, or altered, is
//! refused with its own sentence.

use base64::{engine::general_purpose::URL_SAFE_NO_PAD, Engine};
use sha2::{Digest, Sha256};

use crate::campaign::{CAMPAIGN, COMMITMENT_COUNT};
use crate::domain::journey::commune_code::CommuneCode;
use crate::domain::json::{self, Json, Version};
use crate::domain::organiser::follow_up::{FollowUp, Record};
use crate::domain::organiser::pledge_list::{
    current_per_key, is_part_name, signed_file, EntryStatus, ListError, ListErrorKind, PledgeList,
    SignedList,
};
use crate::domain::organiser::wall::{Totals, Wall, WallScope};
use crate::domain::pledge::keys::{PledgeKey, PublicKey};
use crate::domain::pledge::payload::LinkError;
use crate::domain::pledge::signed_pledge::VerifiedPledge;
use crate::domain::signing_date::SigningDate;

/// The index file's `format`, and the start of its signed bytes.
pub const INDEX_FORMAT: &str = "coorace-engagements-index";
pub const INDEX_VERSION: u8 = 1;
/// The shard of the pledges whose commune has no official code (typed by
/// hand, or signed before codes).
pub const UNCODED: &str = "sans-code";
/// Where the files are, next to the widget's.
pub const FOLDER: &str = "engagements/";
const CONTEXT_LEN: usize = INDEX_FORMAT.len() + 1;
/// Context, version, campaign id, key, date, sequence, shard count.
const HEADER_LEN: usize = CONTEXT_LEN + 1 + 2 + 32 + 2 + 4 + 4;

/// One shard, as the index names it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ShardSummary {
    /// The département's code (« 69 », « 2A », « 971 ») or [`UNCODED`].
    pub name: String,
    /// The SHA-256 of the shard's file, byte for byte.
    pub hash: [u8; 32],
    /// How many entries it holds.
    pub entries: u32,
    /// What its wall counts by default (verified, current pledges).
    pub totals: Totals,
}

impl ShardSummary {
    /// The shard's file, from the widget's folder.
    pub fn path(&self) -> String {
        format!("{FOLDER}{}.json", self.name)
    }
}

/// The signed index of a sharded publication.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ShardIndex {
    pub issued: SigningDate,
    /// The publication's sequence, as in every shard.
    pub sequence: u32,
    /// By name.
    pub shards: Vec<ShardSummary>,
}

/// Why a shard was refused, with its own sentence.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ShardError {
    /// The index names no such shard.
    Unknown,
    /// Its file is not the one the index names (altered, or from another
    /// publication).
    NotInIndex,
}

/// Each entry's pledge as checked, in the list's order.
pub type Verdicts = Vec<Result<VerifiedPledge, LinkError>>;

/// The shard a pledge goes to: its commune's département, or [`UNCODED`].
pub fn shard_name(pledge: &VerifiedPledge) -> String {
    pledge
        .pledge()
        .commune_code()
        .map_or_else(|| UNCODED.to_owned(), |c| c.department().to_owned())
}

/// The whole country's totals: every shard's added up (communes are per
/// département, so they add up too).
pub fn national_totals(index: &ShardIndex) -> Totals {
    let mut totals = Totals::default();
    for s in &index.shards {
        totals.candidates = totals.candidates.saturating_add(s.totals.candidates);
        totals.communes = totals.communes.saturating_add(s.totals.communes);
        for (all, n) in totals
            .per_commitment
            .iter_mut()
            .zip(s.totals.per_commitment)
        {
            *all = all.saturating_add(n);
        }
    }
    totals
}

/// Splits `list` into its shards, given each entry's pledge as checked
/// (`verdicts[i]` for `list.entries[i]`): every pledge of a key in the
/// shard of that key's current pledge (so that each shard's wall counts a
/// candidate once), an entry that does not read in [`UNCODED`]; the
/// follow-up records about a key with it, the reviews in every shard.
/// Each shard has the list's date and sequence. By name.
pub fn split(
    list: &PledgeList,
    verdicts: &[Result<VerifiedPledge, LinkError>],
) -> Vec<(String, PledgeList, Verdicts)> {
    split_by(list, verdicts, |p| Some(shard_name(p)), Some(UNCODED))
}

/// A commune's file (`docs/list-shards.md`): the pledges of the keys whose
/// current pledge is in that commune, and the follow-up about them, as in
/// its département's shard; signed for the commune and its publication
/// ([`commune_part`]), with the list's date and sequence. A commune's wall
/// reads it alone, after the index (which does not name it).
pub fn commune_path(code: &str) -> String {
    format!("{FOLDER}{COMMUNES}{code}.json")
}

/// A commune's file's signed place: its code, and the first five bytes of
/// the SHA-256 of its département's shard in the same publication, in hex
/// (`69123-3f2a9c01b7`): a file of another publication (left on the host
/// since, or not yet replaced) names another shard, so a reader that has
/// the index never takes it as current, whatever its sequence says.
pub fn commune_part(code: &str, shard_hash: &[u8; 32]) -> String {
    let mut part = format!("{code}-");
    for byte in &shard_hash[..5] {
        part.push_str(&format!("{byte:02x}"));
    }
    part
}

/// At most this many communes' files in a publication: with the
/// départements' files and the rest, the archive stays under the 65,535
/// entries of a ZIP without its 64-bit extension (`zip::stored_zip`).
/// France has about 35,000 communes; a publication naming more (codes
/// that are well formed but no commune's) has none, and every commune's
/// wall reads its département's shard.
pub const MAX_COMMUNE_FILES: usize = 60_000;

/// The folder of the communes' files, in [`FOLDER`].
pub const COMMUNES: &str = "communes/";

/// Splits `list` into its communes' files (see [`commune_path`]): by the
/// official code of each key's current pledge's commune; pledges without
/// one, and entries that do not read, are in no commune's file, and a
/// commune whose pledges are all withdrawn has none (its wall is its
/// département's shard's).
pub fn split_communes(
    list: &PledgeList,
    verdicts: &[Result<VerifiedPledge, LinkError>],
) -> Vec<(String, PledgeList, Verdicts)> {
    let mut communes = split_by(
        list,
        verdicts,
        |p| p.pledge().commune_code().map(|c| c.as_str().to_owned()),
        None,
    );
    communes.retain(|(_, commune, _)| {
        commune
            .entries
            .iter()
            .any(|e| matches!(e.status, EntryStatus::Verified | EntryStatus::Pending))
    });
    communes
}

/// Splits `list` by the place `place_of` gives each key's current pledge:
/// every pledge of a key with that one (so that each part's wall counts a
/// candidate once); an entry that does not read, or a key without a
/// place, in `rest` if given, else left out; the follow-up records about a
/// key with it, the reviews in every part.
fn split_by(
    list: &PledgeList,
    verdicts: &[Result<VerifiedPledge, LinkError>],
    place_of: impl Fn(&VerifiedPledge) -> Option<String>,
    rest: Option<&str>,
) -> Vec<(String, PledgeList, Verdicts)> {
    use std::collections::{BTreeMap, HashMap};
    let valid: Vec<(usize, &VerifiedPledge)> = verdicts
        .iter()
        .enumerate()
        .filter_map(|(i, v)| v.as_ref().ok().map(|p| (i, p)))
        .collect();
    let keys: Vec<_> = valid
        .iter()
        .map(|(_, p)| (p.public_key(), p.pledge().date()))
        .collect();
    let mut home: HashMap<PublicKey, Option<String>> = HashMap::new();
    for ((_, pledge), current) in valid.iter().zip(current_per_key(&keys)) {
        if current {
            home.insert(pledge.public_key(), place_of(pledge));
        }
    }
    let rest = rest.map(str::to_owned);
    let mut parts: BTreeMap<String, (PledgeList, Vec<_>)> = BTreeMap::new();
    let empty = || PledgeList {
        issued: list.issued,
        sequence: list.sequence,
        entries: Vec::new(),
        follow_up: FollowUp::default(),
    };
    for (entry, verdict) in list.entries.iter().zip(verdicts) {
        let name = match verdict {
            Ok(p) => home
                .get(&p.public_key())
                .cloned()
                .unwrap_or_else(|| place_of(p))
                .or_else(|| rest.clone()),
            Err(_) => rest.clone(),
        };
        let Some(name) = name else { continue };
        let (part, checked) = parts.entry(name).or_insert_with(|| (empty(), Vec::new()));
        part.entries.push(entry.clone());
        checked.push(verdict.clone());
    }
    for record in &list.follow_up.records {
        let about = match record {
            Record::Elected { key, .. } => Some(key),
            Record::Status(s) => Some(&s.key),
            Record::Review { .. } => None,
        };
        match about.map(|k| home.get(k).and_then(Option::as_ref)) {
            Some(Some(name)) => {
                if let Some((part, _)) = parts.get_mut(name) {
                    part.follow_up.records.push(record.clone());
                }
            }
            // A review is everyone's; a record of a key no part holds
            // has no page to show it on, and is left out.
            None => {
                for (part, _) in parts.values_mut() {
                    part.follow_up.records.push(record.clone());
                }
            }
            Some(None) => {}
        }
    }
    parts
        .into_iter()
        .map(|(name, (list, verdicts))| (name, list, verdicts))
        .collect()
}

/// Every name a shard can have: each département a well-formed commune
/// code can name (`00`…`96` and `99`, `2A`, `2B`, `970`…`989`, see
/// `CommuneCode::department`) and [`UNCODED`].
pub fn every_shard_name() -> impl Iterator<Item = String> {
    (0..=99)
        .filter(|n| !matches!(n, 97 | 98))
        .map(|n| format!("{n:02}"))
        .chain(["2A".to_owned(), "2B".to_owned()])
        .chain((970..=989).map(|n| n.to_string()))
        .chain([UNCODED.to_owned()])
}

/// A sharded publication, signed by `key`: the index's file and each
/// shard's path and file. Every other name a shard can have gets an empty
/// shard, signed, that the index does not name: unpacked over an earlier
/// publication, it replaces a file left from it (a département whose
/// pledges are gone since), which a pledge's page, reading its
/// département's file without the index, would otherwise take as current.
pub fn publish(
    list: &PledgeList,
    verdicts: &[Result<VerifiedPledge, LinkError>],
    key: &PledgeKey,
) -> (String, Vec<(String, String)>) {
    publish_within(list, verdicts, key, MAX_COMMUNE_FILES)
}

/// [`publish`], with at most `max_communes` communes' files (else none).
fn publish_within(
    list: &PledgeList,
    verdicts: &[Result<VerifiedPledge, LinkError>],
    key: &PledgeKey,
    max_communes: usize,
) -> (String, Vec<(String, String)>) {
    let mut summaries = Vec::new();
    let mut files = Vec::new();
    for (name, shard, checked) in split(list, verdicts) {
        let text = shard.publish_part(key, Some(&name));
        let totals = Wall::new(&shard, checked).totals(&WallScope::default());
        let summary = ShardSummary {
            name,
            hash: Sha256::digest(text.as_bytes()).into(),
            entries: shard.entries.len() as u32,
            totals,
        };
        files.push((summary.path(), text));
        summaries.push(summary);
    }
    let empty = PledgeList {
        issued: list.issued,
        sequence: list.sequence,
        entries: Vec::new(),
        follow_up: FollowUp::default(),
    };
    for part in every_shard_name() {
        if !summaries.iter().any(|s| s.name == part) {
            let path = format!("{FOLDER}{part}.json");
            files.push((path, empty.publish_part(key, Some(&part))));
        }
    }
    let communes = split_communes(list, verdicts);
    if communes.len() <= max_communes {
        for (code, commune, _) in communes {
            let department = CommuneCode::parse(&code).map(|c| c.department().to_owned());
            let shard = summaries
                .iter()
                .find(|s| Some(&s.name) == department.as_ref());
            // Always found: a commune's keys are at home in its département.
            if let Some(shard) = shard {
                let part = commune_part(&code, &shard.hash);
                files.push((commune_path(&code), commune.publish_part(key, Some(&part))));
            }
        }
    }
    let index = ShardIndex {
        issued: list.issued,
        sequence: list.sequence.unwrap_or_default(),
        shards: summaries,
    };
    (index.publish(key), files)
}

impl ShardIndex {
    /// The bytes the organiser signs (`docs/list-shards.md`).
    pub fn canonical_bytes(&self, organiser: &PublicKey) -> Vec<u8> {
        let mut out = Vec::with_capacity(HEADER_LEN + self.shards.len() * 140);
        out.extend(INDEX_FORMAT.as_bytes());
        out.push(0);
        out.push(INDEX_VERSION);
        out.extend(CAMPAIGN.id());
        out.extend(organiser.to_bytes());
        out.extend(self.issued.days().to_le_bytes());
        out.extend(self.sequence.to_le_bytes());
        out.extend((self.shards.len() as u32).to_le_bytes());
        for s in &self.shards {
            out.push(s.name.len() as u8);
            out.extend(s.name.as_bytes());
            out.extend(s.hash);
            out.extend(s.entries.to_le_bytes());
            out.extend((s.totals.candidates as u32).to_le_bytes());
            out.extend((s.totals.communes as u32).to_le_bytes());
            for n in s.totals.per_commitment {
                out.extend(n.to_le_bytes());
            }
        }
        out
    }

    /// The `engagements/index.json` file, signed by `key`.
    pub fn publish(&self, key: &PledgeKey) -> String {
        let message = self.canonical_bytes(&key.public());
        signed_file(INDEX_FORMAT, INDEX_VERSION, key, "index", &message)
    }

    /// The file's shape and version, and that it is signed by `pinned`:
    /// what the signature covers (not checked here). The same errors as a
    /// list's, so a reader says the same plain sentences.
    pub fn signed_part(text: &str, pinned: &PublicKey) -> Result<SignedList, ListError> {
        let fail = |kind| ListError::new(kind);
        let file = json::parse(text).map_err(|e| {
            fail(if e.offset >= text.trim_end().len() {
                ListErrorKind::Truncated
            } else {
                ListErrorKind::NotAList
            })
        })?;
        let string = |name: &str| match file.get(name) {
            Some(Json::String(s)) => Ok(s.as_str()),
            _ => Err(fail(ListErrorKind::NotAList)),
        };
        if string("format")? != INDEX_FORMAT {
            return Err(fail(ListErrorKind::NotAList));
        }
        match file.version() {
            Version::Whole(1) => {}
            Version::Whole(v) => return Err(fail(ListErrorKind::UnknownVersion(v))),
            Version::NotAWholeNumber => return Err(fail(ListErrorKind::UnknownVersion(u64::MAX))),
            Version::NotANumber | Version::Missing => return Err(fail(ListErrorKind::NotAList)),
        }
        let message = URL_SAFE_NO_PAD
            .decode(string("index")?)
            .map_err(|_| fail(ListErrorKind::SignatureMismatch))?;
        let signature: [u8; 64] = URL_SAFE_NO_PAD
            .decode(string("signature")?)
            .map_err(|_| fail(ListErrorKind::SignatureMismatch))?
            .try_into()
            .map_err(|_| fail(ListErrorKind::SignatureMismatch))?;
        if message.get(..CONTEXT_LEN - 1) != Some(INDEX_FORMAT.as_bytes())
            || message.get(CONTEXT_LEN - 1) != Some(&0)
        {
            return Err(fail(ListErrorKind::Malformed));
        }
        if message.len() < HEADER_LEN {
            return Err(fail(ListErrorKind::Truncated));
        }
        if message[CONTEXT_LEN] != INDEX_VERSION {
            return Err(fail(ListErrorKind::UnknownVersion(u64::from(
                message[CONTEXT_LEN],
            ))));
        }
        let key_at = CONTEXT_LEN + 1 + 2;
        if message[key_at..key_at + 32] != pinned.to_bytes() {
            return Err(fail(ListErrorKind::OtherKey));
        }
        Ok(SignedList {
            message,
            public_key: *pinned,
            signature,
        })
    }

    /// Once the caller has checked the signature (`signature_valid`): the
    /// campaign, then every shard's summary, to the last byte.
    pub fn read_checked(part: &SignedList, signature_valid: bool) -> Result<ShardIndex, ListError> {
        let malformed = || ListError::new(ListErrorKind::Malformed);
        if !signature_valid {
            return Err(ListError::new(ListErrorKind::SignatureMismatch));
        }
        let bytes = &part.message;
        if bytes.len() < HEADER_LEN || !bytes.starts_with(INDEX_FORMAT.as_bytes()) {
            return Err(malformed());
        }
        let mut at = CONTEXT_LEN + 1;
        if crate::campaign::version_of([bytes[at], bytes[at + 1]]).is_none() {
            return Err(ListError::new(ListErrorKind::OtherCampaign));
        }
        at += 2 + 32;
        let issued = SigningDate::from_days(u16::from_le_bytes([bytes[at], bytes[at + 1]]));
        let u32_at = |at: usize| {
            u32::from_le_bytes([bytes[at], bytes[at + 1], bytes[at + 2], bytes[at + 3]])
        };
        let sequence = u32_at(at + 2);
        let count = u32_at(at + 6) as usize;
        let mut rest = &bytes[HEADER_LEN..];
        let mut take = |n: usize| -> Result<&[u8], ListError> {
            if rest.len() < n {
                return Err(malformed());
            }
            let (head, tail) = rest.split_at(n);
            rest = tail;
            Ok(head)
        };
        let read_u32 = |b: &[u8]| u32::from_le_bytes([b[0], b[1], b[2], b[3]]);
        let mut shards: Vec<ShardSummary> = Vec::with_capacity(count.min(1024));
        for _ in 0..count {
            let len = take(1)?[0] as usize;
            let name = std::str::from_utf8(take(len)?).map_err(|_| malformed())?;
            // A name is a file name: letters, digits and hyphens only, in
            // order and each once (no `../`, no two shards alike).
            if !is_part_name(name) || shards.last().is_some_and(|s| s.name.as_str() >= name) {
                return Err(malformed());
            }
            let hash: [u8; 32] = take(32)?.try_into().map_err(|_| malformed())?;
            let entries = read_u32(take(4)?);
            let candidates = read_u32(take(4)?) as usize;
            let communes = read_u32(take(4)?) as usize;
            let mut per_commitment = [0u32; COMMITMENT_COUNT];
            for n in per_commitment.iter_mut() {
                *n = read_u32(take(4)?);
            }
            // Figures that cannot be: more candidates than entries, more
            // communes than candidates, a commitment taken more often
            // than there are candidates.
            if candidates > entries as usize
                || communes > candidates
                || per_commitment.iter().any(|n| *n as usize > candidates)
            {
                return Err(malformed());
            }
            shards.push(ShardSummary {
                name: name.to_owned(),
                hash,
                entries,
                totals: Totals {
                    candidates,
                    communes,
                    per_commitment,
                },
            });
        }
        if !rest.is_empty() {
            return Err(malformed());
        }
        Ok(ShardIndex {
            issued,
            sequence,
            shards,
        })
    }

    /// Reads and checks an index file, the signature checked in Rust.
    pub fn open(text: &str, pinned: &PublicKey) -> Result<ShardIndex, ListError> {
        let part = ShardIndex::signed_part(text, pinned)?;
        let valid = part.public_key.verifies(&part.message, &part.signature);
        ShardIndex::read_checked(&part, valid)
    }

    /// The shards a search needs: for a code (digits, « 2A »), the
    /// départements it can be in (a postal code « 20… » is Corsica's, 2A or
    /// 2B); for a name, every shard; nothing for an empty search.
    pub fn shards_for(&self, query: &str) -> Vec<String> {
        let q = query.trim().to_ascii_uppercase();
        if q.is_empty() {
            return Vec::new();
        }
        let code_like = q.len() <= 5
            && q.bytes()
                .enumerate()
                .all(|(i, b)| b.is_ascii_digit() || (i == 1 && (b == b'A' || b == b'B')));
        let corsican_postal = q.len() > 2 && q.starts_with("20");
        self.shards
            .iter()
            .map(|s| s.name.as_str())
            .filter(|name| {
                !code_like
                    || if q.len() <= name.len() {
                        name.starts_with(&q)
                    } else {
                        q.starts_with(name) || (corsican_postal && matches!(*name, "2A" | "2B"))
                    }
            })
            .map(str::to_owned)
            .collect()
    }

    /// The shard of this name, if the index names it.
    pub fn shard(&self, name: &str) -> Option<&ShardSummary> {
        self.shards.iter().find(|s| s.name == name)
    }

    /// Whether `text` is the file the index names for the shard `name`
    /// (then read it as a list; its own signature holds too).
    pub fn check_shard(&self, name: &str, text: &str) -> Result<(), ShardError> {
        let shard = self.shard(name).ok_or(ShardError::Unknown)?;
        let hash: [u8; 32] = Sha256::digest(text.as_bytes()).into();
        if hash == shard.hash {
            Ok(())
        } else {
            Err(ShardError::NotInIndex)
        }
    }
}

/// Several shards' lists as one (for a wall across them): entries in
/// order, each key's records once, the reviews once.
pub fn merge(shards: &[PledgeList], issued: SigningDate, sequence: u32) -> PledgeList {
    let mut merged = PledgeList {
        issued,
        sequence: Some(sequence),
        entries: Vec::new(),
        follow_up: FollowUp::default(),
    };
    for (i, shard) in shards.iter().enumerate() {
        merged.entries.extend(shard.entries.iter().cloned());
        merged.follow_up.records.extend(
            shard
                .follow_up
                .records
                .iter()
                .filter(|r| i == 0 || !matches!(r, Record::Review { .. }))
                .cloned(),
        );
    }
    merged
}

#[cfg(test)]
mod tests;
