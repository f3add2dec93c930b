use std::fmt;

use crate::campaign::CAMPAIGN;
use crate::domain::journey::commune_code::CommuneCode;
use crate::domain::journey::draft::{Draft, Step};
use crate::domain::journey::identity::{Identity, Role};
use crate::domain::journey::selection::Selection;
use crate::domain::json::{self, Json, Version};

/// How a [`Draft`] is kept in the browser's storage: one JSON record under
/// one versioned key, for example
/// `{"version":1,"step":"summary","ticked":["1.1","8.2"],"name":"Zoé","commune":"Lyon","list":"","role":null}`.
///
/// Commitments are stored by id ("4.1"), not by position, so a record stays
/// readable by a person and an unknown id is caught on load. Read and
/// written with the small [`json`](crate::domain::json) module, not `serde_json`,
/// to keep the first screen's wasm small.
#[derive(Debug)]
pub struct StoredDraft;

fn malformed(reason: impl Into<String>) -> RecordError {
    RecordError::new(RecordErrorKind::Malformed(reason.into()))
}

/// The member `key`, which must be a string.
fn string_field(record: &Json, key: &'static str) -> Result<String, RecordError> {
    match record.get(key) {
        Some(Json::String(s)) => Ok(s.clone()),
        Some(_) => Err(malformed(format!("{key} is not a string"))),
        None => Err(malformed(format!("missing field {key}"))),
    }
}

impl StoredDraft {
    /// Storage key of the current record. A new record format gets a new key.
    pub const KEY: &'static str = "pw-pledge-widget/draft/v1";
    pub const VERSION: u32 = 1;

    /// The record for this draft, as JSON text.
    pub fn encode(draft: &Draft) -> String {
        let mut out = String::from("{\"version\":1,\"step\":");
        json::write_string(&mut out, &draft.step.key());
        out.push_str(",\"ticked\":[");
        let ticked = CAMPAIGN
            .commitments()
            .filter(|c| draft.selection.contains(c.position));
        for (i, commitment) in ticked.enumerate() {
            if i > 0 {
                out.push(',');
            }
            json::write_string(&mut out, commitment.id);
        }
        out.push(']');
        let id = &draft.identity;
        for (key, value) in [
            ("name", &id.name),
            ("commune", &id.commune),
            ("list", &id.list),
        ] {
            out.push_str(",\"");
            out.push_str(key);
            out.push_str("\":");
            json::write_string(&mut out, value);
        }
        // Only when chosen from the referential: a record without it reads
        // as before, and builds before it ignore the member.
        if let Some(code) = &id.commune_code {
            out.push_str(",\"commune_code\":");
            json::write_string(&mut out, code.as_str());
        }
        out.push_str(",\"role\":");
        match id.role {
            Some(role) => json::write_string(&mut out, role.key()),
            None => out.push_str("null"),
        }
        out.push('}');
        out
    }

    /// What starts a fragment that carries a draft (`#d=…`).
    pub const CARRY_MARKER: &'static str = "d=";

    /// The widget's own page carrying `draft` in its fragment (which never
    /// reaches a server): how a partner's frame hands the candidate's
    /// answers to the page where their one key lives. The answers and
    /// identity only: never a key.
    pub fn carry_link(page_url: &str, draft: &Draft) -> String {
        use base64::{engine::general_purpose::URL_SAFE_NO_PAD, Engine};
        let base = page_url.split('#').next().unwrap_or_default();
        format!(
            "{base}#{}{}",
            Self::CARRY_MARKER,
            URL_SAFE_NO_PAD.encode(Self::encode(draft))
        )
    }

    /// What follows the draft in a carried fragment: the frame's hand-over
    /// token (`&h=…`), which only the hand-over page's first script reads.
    pub const TOKEN_MARKER: &'static str = "&h=";

    /// [`Self::carry_link`] with the frame's hand-over token after the draft.
    pub fn carry_link_from_frame(page_url: &str, draft: &Draft, token: &str) -> String {
        format!(
            "{}{}{token}",
            Self::carry_link(page_url, draft),
            Self::TOKEN_MARKER
        )
    }

    /// The draft a page's fragment (with or without its `#`) carries;
    /// `None` when it carries none.
    pub fn carried(fragment: &str) -> Option<Result<Draft, RecordError>> {
        use base64::{engine::general_purpose::URL_SAFE_NO_PAD, Engine};
        let fragment = fragment.strip_prefix('#').unwrap_or(fragment);
        let text = fragment.strip_prefix(Self::CARRY_MARKER)?;
        let text = text.split(Self::TOKEN_MARKER).next().unwrap_or(text).trim();
        // A draft is a few hundred bytes; its texts are bounded.
        if text.len() > 16 * 1024 {
            return Some(Err(malformed("the carried draft is too long")));
        }
        let bytes = match URL_SAFE_NO_PAD.decode(text) {
            Ok(bytes) => bytes,
            Err(_) => return Some(Err(malformed("the carried draft is not base64url"))),
        };
        match String::from_utf8(bytes) {
            Ok(json) => Some(Self::decode(&json)),
            Err(_) => Some(Err(malformed("the carried draft is not UTF-8"))),
        }
    }

    /// Reads a record back. Anything that is not exactly a version-1 record
    /// of this campaign is an error: the caller keeps the text as a backup.
    /// Unknown members are ignored.
    pub fn decode(text: &str) -> Result<Draft, RecordError> {
        let record = json::parse(text).map_err(|e| malformed(e.to_string()))?;
        if !matches!(record, Json::Object(_)) {
            return Err(malformed("not an object"));
        }
        let version = match record.version() {
            Version::Whole(v) => v,
            Version::NotAWholeNumber => return Err(malformed("version is not a whole number")),
            Version::NotANumber => return Err(malformed("version is not a number")),
            Version::Missing => return Err(malformed("missing field version")),
        };
        if version != u64::from(Self::VERSION) {
            return Err(RecordError::new(RecordErrorKind::UnknownVersion(version)));
        }
        let step_key = string_field(&record, "step")?;
        let ticked = match record.get("ticked") {
            Some(Json::Array(items)) => items
                .iter()
                .map(|item| match item {
                    Json::String(id) => Ok(id.clone()),
                    _ => Err(malformed("a ticked id is not a string")),
                })
                .collect::<Result<Vec<_>, _>>()?,
            Some(_) => return Err(malformed("ticked is not a list")),
            None => return Err(malformed("missing field ticked")),
        };
        let name = string_field(&record, "name")?;
        let commune = string_field(&record, "commune")?;
        let list = string_field(&record, "list")?;
        // A code that is not one (edited by hand) leaves the commune typed:
        // the name is what the candidate sees, and it is kept.
        let commune_code = match record.get("commune_code") {
            Some(Json::String(code)) => CommuneCode::parse(code),
            _ => None,
        };
        let role_key = match record.get("role") {
            None | Some(Json::Null) => None,
            Some(Json::String(key)) => Some(key.clone()),
            Some(_) => return Err(malformed("role is not a string")),
        };

        let mut selection = Selection::EMPTY;
        for id in &ticked {
            let commitment = CAMPAIGN
                .commitment_by_id(id)
                .ok_or_else(|| RecordError::new(RecordErrorKind::UnknownCommitment(id.clone())))?;
            selection.set(commitment.position, true);
        }
        let step = Step::from_key(&step_key)
            .ok_or_else(|| RecordError::new(RecordErrorKind::UnknownStep(step_key.clone())))?;
        let role = match role_key {
            None => None,
            Some(key) => Some(
                Role::from_key(&key)
                    .ok_or_else(|| RecordError::new(RecordErrorKind::UnknownRole(key)))?,
            ),
        };
        let mut draft = Draft {
            step: Step::Welcome,
            selection,
            identity: Identity {
                name,
                commune,
                commune_code,
                list,
                role,
            },
        };
        // A record saved at the summary whose identity is no longer complete
        // (edited by hand, say) resumes at the identity step instead.
        draft.step = if draft.allows(step) {
            step
        } else {
            Step::Identity
        };
        Ok(draft)
    }
}

/// Why a stored record could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RecordError {
    kind: RecordErrorKind,
}

/// The kinds of [`RecordError`].
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum RecordErrorKind {
    /// Not JSON, or not the shape of a record.
    Malformed(String),
    /// A record from another version of the widget.
    UnknownVersion(u64),
    /// A commitment id this campaign does not have.
    UnknownCommitment(String),
    UnknownStep(String),
    UnknownRole(String),
}

impl RecordError {
    pub(crate) fn new(kind: RecordErrorKind) -> Self {
        RecordError { kind }
    }

    pub fn kind(&self) -> &RecordErrorKind {
        &self.kind
    }
}

impl fmt::Display for RecordError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.kind {
            RecordErrorKind::Malformed(e) => write!(f, "malformed record: {e}"),
            RecordErrorKind::UnknownVersion(v) => write!(f, "unknown record version {v}"),
            RecordErrorKind::UnknownCommitment(id) => write!(f, "unknown commitment id {id:?}"),
            RecordErrorKind::UnknownStep(s) => write!(f, "unknown step {s:?}"),
            RecordErrorKind::UnknownRole(r) => write!(f, "unknown role {r:?}"),
        }
    }
}

impl std::error::Error for RecordError {}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::journey::draft::Action;
    use crate::domain::journey::identity::Field;

    #[test]
    fn a_draft_travels_in_a_link_and_nothing_else_does() {
        let mut draft = sample();
        draft.apply(Action::Edit(Field::Name, "Zoé « l'Ardente » & co".into()));
        let link = StoredDraft::carry_link("https://w.example/?embed=1#old", &draft);
        assert!(link.starts_with("https://w.example/?embed=1#d="));
        let fragment = link.split_once('#').unwrap().1;
        assert_eq!(StoredDraft::carried(fragment).unwrap().unwrap(), draft);
        assert_eq!(
            StoredDraft::carried(&format!("#{fragment}"))
                .unwrap()
                .unwrap(),
            draft
        );
        assert!(StoredDraft::carried("#e=AAAA").is_none());
        // A frame's hand-over token after the draft is not part of it.
        let from_frame = StoredDraft::carry_link_from_frame("https://w.example/", &draft, "00ff");
        assert!(from_frame.ends_with("&h=00ff"));
        let fragment = from_frame.split_once('#').unwrap().1;
        assert_eq!(StoredDraft::carried(fragment).unwrap().unwrap(), draft);
        assert!(StoredDraft::carried("").is_none());
        for bad in ["d=%%%", "d=AAAA", &format!("d={}", "A".repeat(20_000))] {
            assert!(StoredDraft::carried(bad).unwrap().is_err(), "{bad:.20}");
        }
    }

    fn sample() -> Draft {
        let mut d = Draft::default();
        d.apply(Action::Tick(0, true));
        d.apply(Action::Tick(19, true));
        d.apply(Action::SetAllOf(7, true));
        d.apply(Action::Edit(
            Field::Name,
            "Zoé Ñúñez <b>\"x\"</b> 漢字 🙂".into(),
        ));
        d.apply(Action::Edit(Field::Commune, "Saint-Étienne".into()));
        d.apply(Action::SetRole(Some(Role::RunningMate)));
        d.apply(Action::GoTo(Step::Summary));
        d
    }

    fn kind_of(text: &str) -> RecordErrorKind {
        StoredDraft::decode(text).unwrap_err().kind().clone()
    }

    #[test]
    fn a_draft_round_trips_through_its_record() {
        let d = sample();
        assert_eq!(d.step, Step::Summary);
        assert_eq!(StoredDraft::decode(&StoredDraft::encode(&d)), Ok(d));
        let empty = Draft::default();
        assert_eq!(StoredDraft::decode(&StoredDraft::encode(&empty)), Ok(empty));
    }

    #[test]
    fn a_chosen_commune_keeps_its_code_and_typing_drops_it() {
        let mut d = sample();
        let code = CommuneCode::parse("42218").unwrap();
        d.apply(Action::ChooseCommune("Saint-Étienne".into(), code));
        let text = StoredDraft::encode(&d);
        assert!(text.contains(r#""commune_code":"42218""#), "{text}");
        assert_eq!(StoredDraft::decode(&text), Ok(d.clone()));
        // A record without the member (every record before it) reads as typed.
        assert!(!StoredDraft::encode(&sample()).contains("commune_code"));
        // A hand-edited code that is not one leaves the commune typed.
        let bad = text.replace("42218", "42-18");
        let read = StoredDraft::decode(&bad).unwrap();
        assert_eq!(
            (read.identity.commune.as_str(), read.identity.commune_code),
            ("Saint-Étienne", None)
        );
        // Typing in the field again makes it a typed commune.
        d.apply(Action::Edit(Field::Commune, "Saint-Étienne-".into()));
        assert_eq!(d.identity.commune_code, None);
    }

    #[test]
    fn the_record_names_commitments_by_id() {
        let text = StoredDraft::encode(&sample());
        assert!(
            text.contains(r#""ticked":["1.1","8.1","8.2","8.3","10.2"]"#),
            "{text}"
        );
        assert!(text.contains(r#""version":1"#));
    }

    #[test]
    fn corrupt_text_is_malformed() {
        for bad in [
            "",
            "{",
            "null",
            "[]",
            "not json",
            r#"{"version":1}"#,
            r#"{"version":"1"}"#,
            r#"{"version":1.0}"#,
            r#"{"version":-1}"#,
            r#"{"version":1,"step":"welcome","ticked":[1],"name":"","commune":"","list":""}"#,
            r#"{"version":1,"step":"welcome","ticked":[],"name":null,"commune":"","list":""}"#,
            r#"{"version":1,"step":"welcome","ticked":{},"name":"","commune":"","list":""}"#,
            r#"{"version":1,"step":"welcome","ticked":[],"name":"","commune":"","list":"","role":3}"#,
            r#"{"version":1,"version":1,"step":"welcome","ticked":[],"name":"","commune":"","list":""}"#,
        ] {
            assert!(
                matches!(kind_of(bad), RecordErrorKind::Malformed(_)),
                "{bad}"
            );
        }
    }

    #[test]
    fn other_versions_are_refused() {
        let text = StoredDraft::encode(&sample()).replace(r#""version":1"#, r#""version":2"#);
        assert_eq!(kind_of(&text), RecordErrorKind::UnknownVersion(2));
        assert_eq!(
            kind_of(r#"{"version":0}"#),
            RecordErrorKind::UnknownVersion(0)
        );
    }

    #[test]
    fn unknown_ids_steps_and_roles_are_refused() {
        let text = StoredDraft::encode(&sample());
        assert_eq!(
            kind_of(&text.replace("\"10.2\"", "\"10.3\"")),
            RecordErrorKind::UnknownCommitment("10.3".into())
        );
        assert_eq!(
            kind_of(&text.replace("\"summary\"", "\"proposal-12\"")),
            RecordErrorKind::UnknownStep("proposal-12".into())
        );
        assert_eq!(
            kind_of(&text.replace("\"colistier\"", "\"maire\"")),
            RecordErrorKind::UnknownRole("maire".into())
        );
    }

    #[test]
    fn a_summary_with_an_incomplete_identity_resumes_at_the_identity_step() {
        let text = StoredDraft::encode(&sample()).replace("Saint-Étienne", "");
        assert_eq!(
            StoredDraft::decode(&text).map(|d| d.step),
            Ok(Step::Identity)
        );
    }

    /// The record as `serde_json` wrote it before this module did.
    #[derive(serde::Serialize, serde::Deserialize, PartialEq, Debug)]
    struct SerdeRecord {
        version: u32,
        step: String,
        ticked: Vec<String>,
        name: String,
        commune: String,
        list: String,
        role: Option<String>,
    }

    #[test]
    fn records_are_byte_identical_to_what_serde_json_wrote() {
        let mut rng = crate::domain::test_rng::Rng(7);
        const TEXTS: &[&str] = &[
            "",
            "Zoé",
            "\"quoted\"",
            "a\\b",
            "\u{1}\n\t",
            "漢字 🙂",
            "<b>x</b>",
        ];
        let steps = [
            Step::Welcome,
            Step::Proposal(3),
            Step::Identity,
            Step::Summary,
        ];
        for _ in 0..2_000 {
            let mut d = Draft::default();
            for position in 0..20 {
                d.apply(Action::Tick(position, rng.below(2) == 0));
            }
            for field in [Field::Name, Field::Commune, Field::List] {
                let text: String = (0..rng.below(4))
                    .map(|_| TEXTS[rng.below(TEXTS.len())])
                    .collect();
                d.apply(Action::Edit(field, text));
            }
            d.apply(Action::SetRole(match rng.below(3) {
                0 => None,
                1 => Some(Role::HeadOfList),
                _ => Some(Role::RunningMate),
            }));
            d.step = steps[rng.below(steps.len())];
            let ours = StoredDraft::encode(&d);
            let record = SerdeRecord {
                version: 1,
                step: d.step.key(),
                ticked: CAMPAIGN
                    .commitments()
                    .filter(|c| d.selection.contains(c.position))
                    .map(|c| c.id.to_owned())
                    .collect(),
                name: d.identity.name.clone(),
                commune: d.identity.commune.clone(),
                list: d.identity.list.clone(),
                role: d.identity.role.map(|r| r.key().to_owned()),
            };
            assert_eq!(ours, serde_json::to_string(&record).unwrap());
            assert_eq!(serde_json::from_str::<SerdeRecord>(&ours).unwrap(), record);
            let back = StoredDraft::decode(&ours).unwrap();
            assert_eq!((back.selection, &back.identity), (d.selection, &d.identity));
        }
    }

    #[test]
    fn reads_records_in_any_member_order_and_spacing() {
        let text = "{ \"role\" : null , \"list\":\"\", \"commune\":\"Lyon\",\n \"name\":\"Z\\u00f6e\",\"ticked\":[ \"2.1\" ],\"step\":\"identity\",\"version\":1,\"extra\":{\"x\":[1]}}";
        let d = StoredDraft::decode(text).unwrap();
        assert_eq!(d.identity.name, "Zöe");
        assert_eq!(d.step, Step::Identity);
        let without_role =
            r#"{"version":1,"step":"welcome","ticked":[],"name":"","commune":"","list":""}"#;
        assert_eq!(StoredDraft::decode(without_role), Ok(Draft::default()));
    }

    #[test]
    fn errors_read_as_sentences() {
        let e = StoredDraft::decode(r#"{"version":7}"#).unwrap_err();
        assert_eq!(e.to_string(), "unknown record version 7");
    }
}
