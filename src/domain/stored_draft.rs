use std::fmt;

use serde::{Deserialize, Serialize};

use super::{Draft, Identity, Role, Selection, Step};
use crate::campaign::CAMPAIGN;

/// How a [`Draft`] is kept in the browser's storage: one JSON record under
/// one versioned key.
///
/// Commitments are stored by id ("4.1"), not by position, so a record stays
/// readable by a person and an unknown id is caught on load.
#[derive(Debug, Serialize, Deserialize)]
pub struct StoredDraft {
    version: u32,
    step: String,
    ticked: Vec<String>,
    name: String,
    commune: String,
    list: String,
    role: Option<String>,
}

#[derive(Deserialize)]
struct VersionOnly {
    version: u64,
}

impl StoredDraft {
    /// Storage key of the current record. A new record format gets a new key.
    pub const KEY: &'static str = "pw-pledge-widget/draft/v1";
    /// Where an unreadable record is moved instead of being deleted.
    pub const BACKUP_KEY: &'static str = "pw-pledge-widget/draft/unreadable-backup";
    pub const VERSION: u32 = 1;

    /// The record for this draft, as JSON text.
    pub fn encode(draft: &Draft) -> String {
        let record = StoredDraft {
            version: Self::VERSION,
            step: draft.step.key(),
            ticked: CAMPAIGN
                .commitments()
                .filter(|c| draft.selection.contains(c.position))
                .map(|c| c.id.to_owned())
                .collect(),
            name: draft.identity.name.clone(),
            commune: draft.identity.commune.clone(),
            list: draft.identity.list.clone(),
            role: draft.identity.role.map(|r| r.key().to_owned()),
        };
        // Serialising plain strings and vectors cannot fail.
        serde_json::to_string(&record).unwrap_or_default()
    }

    /// Reads a record back. Anything that is not exactly a version-1 record
    /// of this campaign is an error: the caller keeps the text as a backup.
    pub fn decode(text: &str) -> Result<Draft, RecordError> {
        let version = serde_json::from_str::<VersionOnly>(text)
            .map_err(|e| RecordError::new(RecordErrorKind::Malformed(e.to_string())))?
            .version;
        if version != u64::from(Self::VERSION) {
            return Err(RecordError::new(RecordErrorKind::UnknownVersion(version)));
        }
        let record: StoredDraft = serde_json::from_str(text)
            .map_err(|e| RecordError::new(RecordErrorKind::Malformed(e.to_string())))?;

        let mut selection = Selection::EMPTY;
        for id in &record.ticked {
            let commitment = CAMPAIGN
                .commitment_by_id(id)
                .ok_or_else(|| RecordError::new(RecordErrorKind::UnknownCommitment(id.clone())))?;
            selection.set(commitment.position, true);
        }
        let step = Step::from_key(&record.step)
            .ok_or_else(|| RecordError::new(RecordErrorKind::UnknownStep(record.step.clone())))?;
        let role = match record.role {
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
                name: record.name,
                commune: record.commune,
                list: record.list,
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
    fn new(kind: RecordErrorKind) -> Self {
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
    use crate::domain::{Action, Field};

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

    #[test]
    fn errors_read_as_sentences() {
        let e = StoredDraft::decode(r#"{"version":7}"#).unwrap_err();
        assert_eq!(e.to_string(), "unknown record version 7");
    }
}
