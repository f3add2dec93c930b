use crate::domain::journey::candidate_text::{self, TextFault};
use crate::domain::journey::commune_code::CommuneCode;

/// Who signs the pledge, as typed by the candidate.
///
/// Text is kept exactly as typed, even past the length limits, so nothing the
/// candidate entered is ever lost; [`Identity::error`] says what is wrong.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Identity {
    pub name: String,
    pub commune: String,
    /// The commune's official code when the candidate chose it among the
    /// referential's suggestions; `None` when typed (a commune newer than
    /// the referential, or no choice made).
    pub commune_code: Option<CommuneCode>,
    pub list: String,
    pub role: Option<Role>,
}

/// The candidate's place on the list.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Role {
    HeadOfList,
    RunningMate,
    Candidate,
}

impl Role {
    pub const ALL: [Role; 3] = [Role::HeadOfList, Role::RunningMate, Role::Candidate];

    /// Stable key, for storage and form values.
    pub fn key(self) -> &'static str {
        match self {
            Role::HeadOfList => "tete-de-liste",
            Role::RunningMate => "colistier",
            Role::Candidate => "candidat",
        }
    }

    pub fn from_key(key: &str) -> Option<Role> {
        Role::ALL.into_iter().find(|r| r.key() == key)
    }
}

/// A text field of the identity step.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Field {
    Name,
    Commune,
    List,
}

/// What is wrong with a field's value.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FieldError {
    /// A required field is empty (or only spaces).
    Missing,
    /// Longer than allowed, in characters.
    TooLong { max: usize, actual: usize },
    /// Breaks the rule for candidate text (see [`candidate_text`]).
    Text(TextFault),
}

impl Field {
    pub const ALL: [Field; 3] = [Field::Name, Field::Commune, Field::List];

    /// Longest value allowed, in characters (Unicode scalar values).
    pub fn max_chars(self) -> usize {
        match self {
            Field::Name => 80,
            Field::Commune => 80,
            Field::List => 120,
        }
    }

    pub fn is_required(self) -> bool {
        matches!(self, Field::Name | Field::Commune)
    }

    /// Stable key, for element ids and storage.
    pub fn key(self) -> &'static str {
        match self {
            Field::Name => "name",
            Field::Commune => "commune",
            Field::List => "list",
        }
    }
}

impl Identity {
    pub fn get(&self, field: Field) -> &str {
        match field {
            Field::Name => &self.name,
            Field::Commune => &self.commune,
            Field::List => &self.list,
        }
    }

    pub fn set(&mut self, field: Field, value: String) {
        match field {
            Field::Name => self.name = value,
            Field::Commune => {
                // A typed change is no longer the chosen commune.
                if value != self.commune {
                    self.commune_code = None;
                }
                self.commune = value
            }
            Field::List => self.list = value,
        }
    }

    /// What is wrong with this field, if anything. Lengths count the
    /// characters of the text as it would be signed (trimmed, NFC).
    pub fn error(&self, field: Field) -> Option<FieldError> {
        let value = candidate_text::canonical(self.get(field));
        let actual = value.chars().count();
        if field.is_required() && actual == 0 {
            Some(FieldError::Missing)
        } else if let Some(fault) = candidate_text::fault(&value) {
            Some(FieldError::Text(fault))
        } else if actual > field.max_chars() {
            Some(FieldError::TooLong {
                max: field.max_chars(),
                actual,
            })
        } else {
            None
        }
    }

    /// Whether the identity can go on the pledge as it is.
    pub fn is_complete(&self) -> bool {
        Field::ALL.iter().all(|&f| self.error(f).is_none())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn valid() -> Identity {
        Identity {
            name: "Camille Dupont".into(),
            commune: "Saint-Étienne".into(),
            commune_code: None,
            ..Identity::default()
        }
    }

    #[test]
    fn name_and_commune_are_required_list_and_role_are_not() {
        assert!(valid().is_complete());
        let mut i = valid();
        i.name = "   ".into();
        assert_eq!(i.error(Field::Name), Some(FieldError::Missing));
        assert!(!i.is_complete());
        let mut i = valid();
        i.commune.clear();
        assert_eq!(i.error(Field::Commune), Some(FieldError::Missing));
        assert_eq!(valid().error(Field::List), None);
    }

    #[test]
    fn length_is_counted_in_characters_not_bytes() {
        let mut i = valid();
        i.name = "é".repeat(80);
        assert_eq!(i.error(Field::Name), None);
        i.name.push('漢');
        assert_eq!(
            i.error(Field::Name),
            Some(FieldError::TooLong {
                max: 80,
                actual: 81
            })
        );
    }

    #[test]
    fn text_past_the_limit_is_kept_as_typed() {
        let mut i = valid();
        let long = "x".repeat(4096);
        i.set(Field::List, long.clone());
        assert_eq!(i.get(Field::List), long);
        assert!(matches!(
            i.error(Field::List),
            Some(FieldError::TooLong { actual: 4096, .. })
        ));
    }

    #[test]
    fn hostile_text_is_refused_with_its_reason_in_every_field() {
        for field in Field::ALL {
            for (text, fault) in [
                ("\u{200B}", TextFault::Invisible),
                ("A\nSignature valide", TextFault::Control('\n')),
                ("Lyon\u{202E}", TextFault::Direction('\u{202E}')),
                ("\u{2067}Ana", TextFault::Direction('\u{2067}')),
            ] {
                let mut i = valid();
                i.set(field, text.into());
                assert_eq!(
                    i.error(field),
                    Some(FieldError::Text(fault)),
                    "{field:?} {text:?}"
                );
                assert!(!i.is_complete());
            }
        }
    }

    #[test]
    fn stacked_marks_and_tags_are_refused_and_space_runs_counted_once() {
        for field in Field::ALL {
            for (text, fault) in [
                (
                    format!("Camille{}", "\u{346}".repeat(60)),
                    TextFault::StackedMarks,
                ),
                (
                    "Ana\u{E0041}\u{E0042}".to_owned(),
                    TextFault::Tag('\u{E0041}'),
                ),
            ] {
                let mut i = valid();
                i.set(field, text.clone());
                assert_eq!(
                    i.error(field),
                    Some(FieldError::Text(fault)),
                    "{field:?} {text:?}"
                );
            }
            // Not refused: collapsed when signed, and counted so.
            let mut i = valid();
            i.set(
                field,
                format!("A{}Signature valide", "\u{2003}".repeat(100)),
            );
            assert_eq!(i.error(field), None, "{field:?}");
        }
    }

    #[test]
    fn length_counts_the_composed_form() {
        let mut i = valid();
        i.name = "e\u{301}".repeat(80); // 160 code points, 80 once composed
        assert_eq!(i.error(Field::Name), None);
    }

    #[test]
    fn role_keys_round_trip() {
        for r in Role::ALL {
            assert_eq!(Role::from_key(r.key()), Some(r));
        }
        assert_eq!(Role::from_key("maire"), None);
    }
}
