//! The public wall's strings (`?mur`, a partner's `data-commune`): apart,
//! so that the builds without the wall (a pledge link's verify build) do
//! not carry them. Its heading and « loading » line are `OrgTexts`', which
//! every build shows where the wall is loaded from another build.

/// The wall's strings, in one language.
#[derive(Debug)]
pub struct WallTexts {
    /// `{organiser}`, `{date}`.
    pub wall_lead: &'static str,
    pub wall_error_heading: &'static str,
    pub wall_no_organiser: &'static str,
    pub wall_candidates: &'static str,
    pub wall_communes: &'static str,
    /// `{commune}`.
    pub wall_commune_only: &'static str,
    pub wall_with_pending: &'static str,
    pub wall_chart_heading: &'static str,
    pub wall_chart_caption: &'static str,
    pub wall_commitment_column: &'static str,
    pub wall_count_column: &'static str,
    pub wall_search_label: &'static str,
    pub wall_search_hint: &'static str,
    /// `{shown}`, `{total}`.
    pub wall_results: &'static str,
    /// `{query}`.
    pub wall_no_results: &'static str,
    pub wall_show_more: &'static str,
    pub wall_download: &'static str,
    /// `{n}`.
    pub wall_flagged: &'static str,
    /// `{position}`, `{reason}`.
    pub wall_flagged_entry: &'static str,
    /// `{n}`.
    pub wall_withdrawn_note: &'static str,
    /// `{n}`.
    pub wall_replaced_note: &'static str,
}

/// In French.
pub static WALL_FR: WallTexts = WallTexts {
    wall_lead:
        "Les engagements signés des candidat·es aux municipales, publiés par {organiser} le {date}.",
    wall_error_heading: "La liste ne peut pas être affichée",
    wall_no_organiser: "Aucune liste d'engagements n'est configurée pour ce widget.",
    wall_candidates: "candidat·es",
    wall_communes: "communes",
    wall_commune_only: "Commune : {commune}",
    wall_with_pending: "Compter aussi les engagements en attente de vérification",
    wall_chart_heading: "Combien ont pris chaque engagement",
    wall_chart_caption: "Nombre de candidat·es ayant pris chaque engagement",
    wall_commitment_column: "Engagement",
    wall_count_column: "Candidat·es",
    wall_search_label: "Rechercher une commune, un nom ou une liste",
    wall_search_hint: "Par exemple : saint etienne, ou 42100",
    wall_results: "{shown} affichés sur {total}",
    wall_no_results: "Aucun engagement ne correspond à « {query} ».",
    wall_show_more: "Afficher plus",
    wall_download: "Télécharger les données (CSV)",
    wall_flagged: "Entrées non valides, ni affichées ni comptées : {n}",
    wall_flagged_entry: "Entrée {position} : {reason}",
    wall_withdrawn_note: "Engagements retirés, non comptés : {n}",
    wall_replaced_note: "Engagements remplacés par un plus récent : {n}",
};

/// In English.
pub static WALL_EN: WallTexts = WallTexts {
    wall_lead: "The signed pledges of candidates in the municipal elections, published by {organiser} on {date}.",
    wall_error_heading: "The list cannot be shown",
    wall_no_organiser: "No list of pledges is configured for this widget.",
    wall_candidates: "candidates",
    wall_communes: "communes",
    wall_commune_only: "Commune: {commune}",
    wall_with_pending: "Also count pledges awaiting verification",
    wall_chart_heading: "How many took each commitment",
    wall_chart_caption: "Number of candidates who took each commitment",
    wall_commitment_column: "Commitment",
    wall_count_column: "Candidates",
    wall_search_label: "Search a commune, a name or a list",
    wall_search_hint: "For example: saint etienne, or 42100",
    wall_results: "{shown} shown out of {total}",
    wall_no_results: "No pledge matches « {query} ».",
    wall_show_more: "Show more",
    wall_download: "Download the data (CSV)",
    wall_flagged: "Invalid entries, neither shown nor counted: {n}",
    wall_flagged_entry: "Entry {position}: {reason}",
    wall_withdrawn_note: "Withdrawn pledges, not counted: {n}",
    wall_replaced_note: "Pledges replaced by a later one: {n}",
};
