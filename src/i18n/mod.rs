//! Every interface string, in one place.
//!
//! French is the only interface language for now; a translation adds one
//! more [`Texts`] value. Campaign content lives in `campaign`, not here.
//! Patterns with `{name}` placeholders are filled with [`fill`].

mod fr;

pub use fr::FR;

/// The interface strings of one language.
#[derive(Debug)]
pub struct Texts {
    pub lang: &'static str,
    pub widget_label: &'static str,
    pub start: &'static str,
    pub welcome_lead: &'static str,
    /// `{n}`, `{total}`.
    pub progress: &'static str,
    pub progress_bar_label: &'static str,
    pub jump_nav_label: &'static str,
    /// `{n}`, `{ticked}`, `{total}`.
    pub jump_button_label: &'static str,
    pub commitments_legend: &'static str,
    pub tick_all: &'static str,
    pub untick_all: &'static str,
    pub back: &'static str,
    pub next: &'static str,
    pub identity_heading: &'static str,
    pub identity_lead: &'static str,
    pub name_label: &'static str,
    pub commune_label: &'static str,
    pub list_label: &'static str,
    pub role_legend: &'static str,
    pub role_none: &'static str,
    pub role_head_of_list: &'static str,
    pub role_running_mate: &'static str,
    pub role_candidate: &'static str,
    pub required_marker: &'static str,
    pub optional_marker: &'static str,
    pub name_missing: &'static str,
    pub commune_missing: &'static str,
    /// `{max}`, `{actual}`.
    pub too_long: &'static str,
    pub to_summary: &'static str,
    pub fix_errors: &'static str,
    pub summary_heading: &'static str,
    /// `{n}`, `{total}`: zero or one commitment.
    pub count_one: &'static str,
    /// `{n}`, `{total}`: more than one.
    pub count_many: &'static str,
    pub none_ticked: &'static str,
    pub edit: &'static str,
    /// `{n}`.
    pub edit_proposal_label: &'static str,
    pub identity_summary_heading: &'static str,
    pub edit_identity_label: &'static str,
    pub start_over: &'static str,
    pub start_over_question: &'static str,
    pub start_over_confirm: &'static str,
    pub cancel: &'static str,
    pub dismiss: &'static str,
    pub notice_recovered: &'static str,
    pub notice_recovered_no_backup: &'static str,
    pub notice_unavailable: &'static str,
    pub notice_save_failed: &'static str,
    pub fatal_title: &'static str,
    pub fatal_body: &'static str,
    pub fatal_reload: &'static str,
}

impl Texts {
    /// "N engagement(s) sur 20", with the right plural.
    pub fn count(&self, n: usize, total: usize) -> String {
        let pattern = if n <= 1 {
            self.count_one
        } else {
            self.count_many
        };
        fill(
            pattern,
            &[("n", &n.to_string()), ("total", &total.to_string())],
        )
    }

    pub fn role(&self, role: crate::domain::Role) -> &'static str {
        use crate::domain::Role;
        match role {
            Role::HeadOfList => self.role_head_of_list,
            Role::RunningMate => self.role_running_mate,
            Role::Candidate => self.role_candidate,
        }
    }

    pub fn field_label(&self, field: crate::domain::Field) -> &'static str {
        use crate::domain::Field;
        match field {
            Field::Name => self.name_label,
            Field::Commune => self.commune_label,
            Field::List => self.list_label,
        }
    }

    /// The message for a field's error.
    pub fn field_error(
        &self,
        field: crate::domain::Field,
        error: crate::domain::FieldError,
    ) -> String {
        use crate::domain::{Field, FieldError};
        match (error, field) {
            (FieldError::Missing, Field::Commune) => self.commune_missing.to_owned(),
            (FieldError::Missing, _) => self.name_missing.to_owned(),
            (FieldError::TooLong { max, actual }, _) => fill(
                self.too_long,
                &[("max", &max.to_string()), ("actual", &actual.to_string())],
            ),
        }
    }
}

/// Replaces each `{key}` in `pattern` with its value.
pub fn fill(pattern: &str, values: &[(&str, &str)]) -> String {
    let mut out = pattern.to_owned();
    for (key, value) in values {
        out = out.replace(&format!("{{{key}}}"), value);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{Field, FieldError};

    #[test]
    fn count_uses_french_plural_rules() {
        assert_eq!(FR.count(0, 20), "0 engagement sur 20");
        assert_eq!(FR.count(1, 20), "1 engagement sur 20");
        assert_eq!(FR.count(12, 20), "12 engagements sur 20");
    }

    #[test]
    fn fill_replaces_every_placeholder() {
        assert_eq!(
            fill(FR.progress, &[("n", "3"), ("total", "10")]),
            "Proposition 3 sur 10"
        );
        assert_eq!(fill("{a}{a}{b}", &[("a", "x"), ("b", "y")]), "xxy");
    }

    #[test]
    fn errors_name_the_limit_and_the_length() {
        let msg = FR.field_error(
            Field::Name,
            FieldError::TooLong {
                max: 80,
                actual: 95,
            },
        );
        assert!(msg.contains("80") && msg.contains("95"), "{msg}");
        assert_ne!(
            FR.field_error(Field::Name, FieldError::Missing),
            FR.field_error(Field::Commune, FieldError::Missing)
        );
    }

    #[test]
    fn no_string_is_left_empty() {
        let debug = format!("{FR:?}");
        assert!(!debug.contains(": \"\""), "{debug}");
    }
}
