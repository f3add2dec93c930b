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
    /// A scoreboard's parts, singular and plural, in order: kept, partly
    /// kept, in progress, not kept, out of scope, not assessed.
    pub board: [(&'static str, &'static str); 6],
    /// Comparing two dates on a pledge's page.
    pub compare_heading: &'static str,
    pub compare_from: &'static str,
    pub compare_to: &'static str,
    /// `{date}`: the list's.
    pub compare_now: &'static str,
    /// `{review}`, `{date}`.
    pub compare_review: &'static str,
    pub compare_commitment_column: &'static str,
    /// The wall's follow-up.
    pub wall_elected_heading: &'static str,
    /// `{organiser}`.
    pub wall_elected_lead: &'static str,
    pub wall_councils_heading: &'static str,
    pub wall_councils_caption: &'static str,
    pub wall_councils_column: &'static str,
    /// `{kept}`, `{followed}`.
    pub wall_councils_count: &'static str,
    pub wall_download_follow_up: &'static str,
    /// The « bilan » card.
    pub bilan_heading: &'static str,
    pub bilan_explain: &'static str,
    pub bilan_request: &'static str,
    /// Which date the « bilan » card is drawn as of.
    pub bilan_date_label: &'static str,
    /// `{kept}`, `{taken}`: on the card, instead of the pledge's count.
    pub bilan_count: &'static str,
    /// `{date}`.
    pub bilan_as_of: &'static str,
    /// `{review}`, `{date}`.
    pub bilan_review: &'static str,
    /// `{organiser}`, `{date}`.
    pub bilan_source: &'static str,
    /// `{name}`, `{board}`: what goes with a shared bilan.
    pub bilan_share_text: &'static str,
    pub bilan_download: &'static str,
    pub bilan_share: &'static str,
    /// `{details}`, `{count}`, `{chart}`: the image's text alternative.
    pub bilan_alt: &'static str,
    /// `{title}`, `{kept}`, `{taken}`.
    pub bilan_alt_row: &'static str,
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
    board: [
        ("tenu", "tenus"),
        ("partiellement tenu", "partiellement tenus"),
        ("en cours", "en cours"),
        ("non tenu", "non tenus"),
        ("hors compétence", "hors compétence"),
        ("pas encore évalué", "pas encore évalués"),
    ],
    compare_heading: "Comparer deux dates",
    compare_from: "Du",
    compare_to: "Au",
    compare_now: "aujourd'hui (liste du {date})",
    compare_review: "{review} ({date})",
    compare_commitment_column: "Engagement",
    wall_elected_heading: "Élu·es signataires",
    wall_elected_lead: "Où en sont les engagements des signataires élu·es, selon le suivi de {organiser}. « Hors compétence de la commune » ne compte pas contre l'élu·e.",
    wall_councils_heading: "Engagements tenus, conseil par conseil",
    wall_councils_caption: "Pour chaque engagement, dans combien de conseils municipaux il est tenu, sur ceux où un·e élu·e signataire l'a pris.",
    wall_councils_column: "Conseils où il est tenu",
    wall_councils_count: "{kept} sur {followed}",
    wall_download_follow_up: "Télécharger le suivi (CSV)",
    bilan_heading: "Image du bilan",
    bilan_explain: "Où en sont ses engagements, à partager : une image dont le code QR ouvre cette page.",
    bilan_request: "Afficher l'image du bilan",
    bilan_date_label: "Date du bilan",
    bilan_count: "Engagements tenus : {kept} sur {taken}",
    bilan_as_of: "Bilan au {date}",
    bilan_review: "{review} au {date}",
    bilan_source: "Selon le suivi de {organiser} (liste du {date})",
    bilan_share_text: "Le bilan des engagements de {name} : {board}.",
    bilan_download: "Télécharger l'image du bilan",
    bilan_share: "Partager l'image du bilan",
    bilan_alt: "Bilan des engagements de {name}, {details} : {count}. {date}. Par proposition, engagements tenus sur engagements pris : {chart}.",
    bilan_alt_row: "{title} {kept} sur {taken}",
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
    board: [
        ("kept", "kept"),
        ("partly kept", "partly kept"),
        ("in progress", "in progress"),
        ("not kept", "not kept"),
        ("outside its powers", "outside its powers"),
        ("not yet assessed", "not yet assessed"),
    ],
    compare_heading: "Compare two dates",
    compare_from: "From",
    compare_to: "To",
    compare_now: "today (list of {date})",
    compare_review: "{review} ({date})",
    compare_commitment_column: "Commitment",
    wall_elected_heading: "Elected signatories",
    wall_elected_lead: "Where the elected signatories' commitments stand, according to {organiser}'s follow-up. « Outside the commune's powers » does not count against them.",
    wall_councils_heading: "Commitments kept, council by council",
    wall_councils_caption: "For each commitment, in how many municipal councils it is kept, out of those where an elected signatory took it.",
    wall_councils_column: "Councils where it is kept",
    wall_councils_count: "{kept} of {followed}",
    wall_download_follow_up: "Download the follow-up (CSV)",
    bilan_heading: "Review image",
    bilan_explain: "Where their commitments stand, to share: an image whose QR code opens this page.",
    bilan_request: "Show the review image",
    bilan_date_label: "Review date",
    bilan_count: "Commitments kept: {kept} of {taken}",
    bilan_as_of: "Review as of {date}",
    bilan_review: "{review} as of {date}",
    bilan_source: "According to {organiser}'s follow-up (list of {date})",
    bilan_share_text: "Where {name}'s commitments stand: {board}.",
    bilan_download: "Download the review image",
    bilan_share: "Share the review image",
    bilan_alt: "Review of {name}'s commitments, {details}: {count}. {date}. Per proposal, commitments kept of those taken: {chart}.",
    bilan_alt_row: "{title} {kept} of {taken}",
};

impl FollowUpTexts {
    /// « 2 tenus · 1 en cours · 1 hors compétence »: every part that is
    /// not zero, in order.
    pub fn scoreboard(&self, board: &crate::domain::organiser::follow_up::Scoreboard) -> String {
        let counts = [
            board.kept,
            board.partly_kept,
            board.in_progress,
            board.not_kept,
            board.out_of_scope,
            board.not_assessed,
        ];
        counts
            .iter()
            .zip(self.board)
            .filter(|(n, _)| **n > 0)
            .map(|(n, (one, many))| format!("{n} {}", if *n == 1 { one } else { many }))
            .collect::<Vec<_>>()
            .join(" · ")
    }

    /// The « bilan » card of an elected signatory: where each commitment
    /// they took stands as of `as_of` (a review's date and kind, or the
    /// list's date), per proposal kept of taken, its QR code to their
    /// pledge's page (`link`).
    #[allow(clippy::too_many_arguments)]
    pub fn bilan_content(
        &self,
        texts: &super::Texts,
        campaign: &crate::campaign::Campaign,
        pledge: &crate::domain::VerifiedPledge,
        follow_up: &crate::domain::organiser::follow_up::FollowUp,
        as_of: (
            crate::domain::SigningDate,
            Option<crate::domain::organiser::follow_up::ReviewKind>,
        ),
        source: String,
        link: &str,
    ) -> crate::domain::card::CardContent {
        use crate::domain::organiser::follow_up::Progress;
        let p = pledge.pledge();
        let key = pledge.public_key();
        let (date, review) = as_of;
        let standing = follow_up.standing(Some(date));
        let standing = standing.get(&key).copied().unwrap_or_default();
        let board = standing.scoreboard(p.selection().positions());
        let taken = p.selection().count();
        let mandate = standing.mandate().map(|m| self.mandate(m));
        let details = match mandate {
            Some(m) => format!("{} · {}", capitalised(m), texts.details(p)),
            None => texts.details(p),
        };
        crate::domain::card::CardContent {
            title: campaign.title.to_owned(),
            hashtag: campaign.hashtag.to_owned(),
            name: p.name().to_owned(),
            details,
            count: super::fill(
                self.bilan_count,
                &[
                    ("kept", &board.kept.to_string()),
                    ("taken", &taken.to_string()),
                ],
            ),
            chart: campaign
                .proposals
                .iter()
                .filter(|proposal| p.selection().count_in(proposal) > 0)
                .map(|proposal| {
                    let kept = proposal
                        .positions()
                        .filter(|&at| {
                            p.selection().contains(at)
                                && standing.progress(at) == Some(Progress::Kept)
                        })
                        .count();
                    (
                        proposal.short.to_owned(),
                        kept,
                        p.selection().count_in(proposal),
                    )
                })
                .collect(),
            drawing: None,
            date: match review {
                Some(kind) => capitalised(&super::fill(
                    self.bilan_review,
                    &[("review", self.review(kind)), ("date", &texts.date(date))],
                )),
                None => super::fill(self.bilan_as_of, &[("date", &texts.date(date))]),
            },
            fingerprint: super::fill(texts.card_key, &[("fingerprint", &key.fingerprint())]),
            scan_hint: texts.card_scan_hint.to_owned(),
            verified: Some(source),
            link: link.to_owned(),
        }
    }

    /// The bilan image's text alternative.
    pub fn bilan_alt(&self, content: &crate::domain::card::CardContent) -> String {
        let chart: Vec<String> = content
            .chart
            .iter()
            .map(|(title, kept, taken)| {
                super::fill(
                    self.bilan_alt_row,
                    &[
                        ("title", title),
                        ("kept", &kept.to_string()),
                        ("taken", &taken.to_string()),
                    ],
                )
            })
            .collect();
        super::fill(
            self.bilan_alt,
            &[
                ("name", &super::isolated(&content.name)),
                ("details", &content.details),
                ("count", &content.count),
                ("date", &content.date),
                ("chart", &chart.join(", ")),
            ],
        ) + &content
            .verified
            .as_ref()
            .map(|v| format!(" {v}."))
            .unwrap_or_default()
    }

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

/// « Maire », « Bilan des 100 jours »: the first letter up.
fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::campaign::CAMPAIGN;
    use crate::domain::journey::identity::Identity;
    use crate::domain::journey::selection::Selection;
    use crate::domain::organiser::follow_up::{
        FollowUp, Mandate, Progress, Record, ReviewKind, Scoreboard, StatusRecord,
    };
    use crate::domain::pledge::keys::PledgeKey;
    use crate::domain::pledge::signed_pledge::Pledge;
    use crate::domain::SigningDate;

    #[test]
    fn a_scoreboard_says_each_part_that_is_not_zero() {
        let board = Scoreboard {
            kept: 2,
            in_progress: 1,
            out_of_scope: 1,
            ..Scoreboard::default()
        };
        assert_eq!(
            FOLLOW_UP_FR.scoreboard(&board),
            "2 tenus · 1 en cours · 1 hors compétence"
        );
        let one = Scoreboard {
            kept: 1,
            not_assessed: 3,
            ..Scoreboard::default()
        };
        assert_eq!(
            FOLLOW_UP_FR.scoreboard(&one),
            "1 tenu · 3 pas encore évalués"
        );
        assert_eq!(FOLLOW_UP_EN.scoreboard(&one), "1 kept · 3 not yet assessed");
    }

    #[test]
    fn the_bilan_card_counts_what_was_kept_as_of_its_date() {
        let identity = Identity {
            name: "Camille Dupont".into(),
            commune: "Lyon".into(),
            commune_code: None,
            list: String::new(),
            role: None,
        };
        let mut selection = Selection::default();
        for at in [0, 1, 3] {
            selection.set(at, true);
        }
        let day = SigningDate::from_days;
        let signed = Pledge::new(selection, &identity, day(2000), None)
            .unwrap()
            .sign(&PledgeKey::from_seed([3; 32]));
        let verified = signed.verified();
        let key = verified.public_key();
        let status = |d, at, progress| {
            Record::Status(StatusRecord::new(key, day(d), at, progress, "", vec![]).unwrap())
        };
        let follow_up = FollowUp {
            records: vec![
                Record::Elected {
                    key,
                    date: day(2100),
                    mandate: Mandate::Mayor,
                },
                status(2200, 0, Progress::InProgress),
                Record::Review {
                    date: day(2250),
                    kind: ReviewKind::HundredDays,
                },
                status(2300, 0, Progress::Kept),
                status(2300, 3, Progress::Kept),
            ],
        };
        let texts = crate::i18n::Lang::Fr.texts();
        let now = FOLLOW_UP_FR.bilan_content(
            texts,
            &CAMPAIGN,
            &verified,
            &follow_up,
            (day(2400), None),
            "Selon le suivi".into(),
            "https://x.example/#e=1",
        );
        assert_eq!(now.count, "Engagements tenus : 2 sur 3");
        assert!(now.details.starts_with("Maire · "), "{}", now.details);
        assert!(now.date.starts_with("Bilan au "));
        // Only the proposals with a commitment taken: kept of taken.
        let first = &CAMPAIGN.proposals[0];
        let second = &CAMPAIGN.proposals[1];
        assert_eq!(
            now.chart,
            [
                (first.short.to_owned(), 1, 2),
                (second.short.to_owned(), 1, 1)
            ]
        );
        let then = FOLLOW_UP_FR.bilan_content(
            texts,
            &CAMPAIGN,
            &verified,
            &follow_up,
            (day(2250), Some(ReviewKind::HundredDays)),
            "Selon le suivi".into(),
            "https://x.example/#e=1",
        );
        assert_eq!(then.count, "Engagements tenus : 0 sur 3");
        assert!(
            then.date.starts_with("Bilan des 100 jours au "),
            "{}",
            then.date
        );
        let alt = FOLLOW_UP_FR.bilan_alt(&then);
        assert!(alt.contains("Engagements tenus : 0 sur 3"), "{alt}");
        assert!(alt.ends_with(" Selon le suivi."), "{alt}");
    }
}
