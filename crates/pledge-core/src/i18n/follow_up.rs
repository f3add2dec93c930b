//! The strings of the follow-up after the vote (mandates, where a
//! commitment stands, reviews), shown on a pledge's page and in the
//! console: apart, so that the verify build, which hands the follow-up to
//! another build, does not carry them.

/// The follow-up's strings, in one language.
#[derive(Debug)]
pub struct FollowUpTexts {
    pub mandate_mayor: &'static str,
    pub mandate_deputy: &'static str,
    pub mandate_councillor: &'static str,
    pub mandate_opposition: &'static str,
    pub mandate_none: &'static str,
    pub progress_not_assessed: &'static str,
    pub progress_in_progress: &'static str,
    pub progress_kept: &'static str,
    pub progress_partly_kept: &'static str,
    pub progress_not_kept: &'static str,
    pub progress_out_of_scope: &'static str,
    pub review_hundred_days: &'static str,
    pub review_annual: &'static str,
    pub review_mid_term: &'static str,
    /// The pledge page's follow-up section.
    pub follow_up_heading: &'static str,
    /// `{mandate}`, `{date}`.
    pub follow_up_elected: &'static str,
    /// `{status}`, `{date}`.
    pub follow_up_status: &'static str,
    /// `{n}`: the link's number; `{host}`: where it goes.
    pub follow_up_evidence: &'static str,
    /// `{n}`: how many statuses this commitment had.
    pub follow_up_history: &'static str,
}

/// The follow-up in French.
pub static FOLLOW_UP_FR: FollowUpTexts = FollowUpTexts {
    mandate_mayor: "maire",
    mandate_deputy: "adjoint·e",
    mandate_councillor: "conseiller·e municipal·e",
    mandate_opposition: "conseiller·e d'opposition",
    mandate_none: "aucun mandat (non élu·e, ou fin de mandat)",
    progress_not_assessed: "pas encore évalué",
    progress_in_progress: "en cours",
    progress_kept: "tenu",
    progress_partly_kept: "partiellement tenu",
    progress_not_kept: "non tenu",
    progress_out_of_scope: "hors compétence de la commune",
    review_hundred_days: "bilan des 100 jours",
    review_annual: "bilan annuel",
    review_mid_term: "bilan de mi-mandat",
    follow_up_heading: "Après l'élection",
    follow_up_elected: "Élu·e : {mandate} (depuis le {date}).",
    follow_up_status: "{status} ({date})",
    follow_up_evidence: "Preuve {n} ({host})",
    follow_up_history: "Historique ({n} statuts)",
};

/// The follow-up in English.
pub static FOLLOW_UP_EN: FollowUpTexts = FollowUpTexts {
    mandate_mayor: "mayor",
    mandate_deputy: "deputy mayor",
    mandate_councillor: "municipal councillor",
    mandate_opposition: "opposition councillor",
    mandate_none: "no mandate (not elected, or the mandate ended)",
    progress_not_assessed: "not yet assessed",
    progress_in_progress: "in progress",
    progress_kept: "kept",
    progress_partly_kept: "partly kept",
    progress_not_kept: "not kept",
    progress_out_of_scope: "outside the commune's powers",
    review_hundred_days: "100-day review",
    review_annual: "annual review",
    review_mid_term: "mid-term review",
    follow_up_heading: "After the election",
    follow_up_elected: "Elected: {mandate} (since {date}).",
    follow_up_status: "{status} ({date})",
    follow_up_evidence: "Evidence {n} ({host})",
    follow_up_history: "History ({n} statuses)",
};

impl FollowUpTexts {
    pub fn mandate(&self, mandate: crate::domain::organiser::follow_up::Mandate) -> &'static str {
        use crate::domain::organiser::follow_up::Mandate as M;
        match mandate {
            M::Mayor => self.mandate_mayor,
            M::Deputy => self.mandate_deputy,
            M::Councillor => self.mandate_councillor,
            M::Opposition => self.mandate_opposition,
            M::None => self.mandate_none,
        }
    }

    pub fn progress(
        &self,
        progress: crate::domain::organiser::follow_up::Progress,
    ) -> &'static str {
        use crate::domain::organiser::follow_up::Progress as P;
        match progress {
            P::NotAssessed => self.progress_not_assessed,
            P::InProgress => self.progress_in_progress,
            P::Kept => self.progress_kept,
            P::PartlyKept => self.progress_partly_kept,
            P::NotKept => self.progress_not_kept,
            P::OutOfScope => self.progress_out_of_scope,
        }
    }

    pub fn review(&self, kind: crate::domain::organiser::follow_up::ReviewKind) -> &'static str {
        use crate::domain::organiser::follow_up::ReviewKind as R;
        match kind {
            R::HundredDays => self.review_hundred_days,
            R::Annual => self.review_annual,
            R::MidTerm => self.review_mid_term,
        }
    }
}
