//! The strings of the organiser's side: sending a pledge to the
//! organiser, the list's verdict on a pledge link, the public wall and the
//! organiser's console. `{organiser}` is the organiser's name from the
//! build's settings.

/// The organiser's side's strings, in one language.
#[derive(Debug)]
pub struct OrgTexts {
    // Sending a pledge to the organiser (signed screen).
    pub send: &'static str,
    /// `{contact}`.
    pub send_hint: &'static str,
    /// `{name}`, `{commune}`.
    pub send_subject: &'static str,
    /// `{link}`, `{fingerprint}`, `{name}`, `{commune}`.
    pub send_body: &'static str,

    // A pledge link's status in the list.
    pub status_checking: &'static str,
    /// `{organiser}`, `{date}`.
    pub status_verified: &'static str,
    /// `{date}`.
    pub status_withdrawn: &'static str,
    /// `{organiser}`.
    pub status_unverified: &'static str,
    /// `{organiser}`.
    pub status_unverified_help: &'static str,
    /// `{organiser}`.
    pub status_replaced: &'static str,
    pub status_replaced_link: &'static str,
    /// `{organiser}`, `{reason}`.
    pub status_unavailable: &'static str,
    /// On the card: `{organiser}`, `{date}`.
    pub verified_badge: &'static str,

    // Why a list cannot be used.
    pub list_not_published: &'static str,
    pub list_unreachable: &'static str,
    pub list_no_verifier: &'static str,
    pub list_not_a_list: &'static str,
    pub list_truncated: &'static str,
    pub list_unknown_version: &'static str,
    /// `{organiser}`.
    pub list_other_key: &'static str,
    pub list_altered: &'static str,
    pub list_other_campaign: &'static str,
    pub list_malformed: &'static str,

    // Statuses.
    pub verified: &'static str,
    pub pending: &'static str,
    pub withdrawn: &'static str,

    // The wall.
    pub wall_heading: &'static str,
    /// `{organiser}`, `{date}`.
    pub wall_lead: &'static str,
    pub wall_loading: &'static str,
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
    pub wall_open: &'static str,
    /// `{n}`.
    pub wall_entry_count: &'static str,

    // The console.
    pub console_heading: &'static str,
    pub console_lead: &'static str,
    pub console_key_heading: &'static str,
    pub console_key_none: &'static str,
    pub console_key_create: &'static str,
    pub console_key_export: &'static str,
    pub console_key_import: &'static str,
    /// `{fingerprint}`.
    pub console_key_fingerprint: &'static str,
    pub console_key_public: &'static str,
    pub console_key_pinned: &'static str,
    /// `{fingerprint}`.
    pub console_key_not_pinned: &'static str,
    pub console_key_no_pin: &'static str,
    /// `{old}`, `{new}`.
    pub console_key_replace_question: &'static str,
    pub console_key_replace: &'static str,
    pub console_key_import_failed: &'static str,
    pub console_key_unsaved: &'static str,
    pub console_key_set_aside: &'static str,
    pub console_paste_heading: &'static str,
    pub console_paste_label: &'static str,
    pub console_paste_add: &'static str,
    pub console_paste_file: &'static str,
    pub console_report_heading: &'static str,
    /// `{line}`, `{name}`.
    pub intake_added: &'static str,
    /// `{line}`, `{name}`.
    pub intake_replaces: &'static str,
    /// `{line}`, `{name}`.
    pub intake_superseded: &'static str,
    /// `{line}`, `{name}`.
    pub intake_duplicate: &'static str,
    /// `{line}`, `{reason}`.
    pub intake_invalid: &'static str,
    /// `{line}`, `{text}`.
    pub intake_no_link: &'static str,
    /// `{n}`.
    pub console_entries_heading: &'static str,
    pub console_empty: &'static str,
    pub console_status_label: &'static str,
    /// `{date}`.
    pub console_status_since: &'static str,
    pub console_note_label: &'static str,
    pub console_replaced: &'static str,
    pub console_remove: &'static str,
    pub console_fingerprint: &'static str,
    pub console_publish_heading: &'static str,
    pub console_publish_lead: &'static str,
    pub console_publish: &'static str,
    pub console_publish_needs_key: &'static str,
    /// `{n}`.
    pub console_published: &'static str,
    pub console_not_saved: &'static str,
    pub console_set_aside: &'static str,
}

pub const ORG_FR: OrgTexts = OrgTexts {
    send: "Envoyer mon engagement à {organiser}",
    send_hint: "Pas d'application de messagerie ? Copiez le lien ci-dessus et envoyez-le à {contact}.",
    send_subject: "Mon engagement – {name}, {commune}",
    send_body: "Bonjour,\n\nVoici mon engagement signé pour la campagne « S'engager pour les territoires inclusifs de demain » (#Municipales2020) :\n\n{link}\n\nEmpreinte de ma clé : {fingerprint}\n\n{name}\n{commune}\n",
    status_checking: "Recherche de cet engagement dans la liste publiée…",
    status_verified: "Engagement vérifié par {organiser} le {date}",
    status_withdrawn: "Engagement retiré le {date}",
    status_unverified: "Signature valide — clé non vérifiée par {organiser}",
    status_unverified_help: "Le texte n'a pas été modifié depuis sa signature, mais {organiser} n'a pas (encore) confirmé que la clé qui l'a signé est bien celle de ce·tte candidat·e.",
    status_replaced: "{organiser} a publié un engagement plus récent de ce·tte candidat·e, qui remplace celui-ci.",
    status_replaced_link: "Voir l'engagement le plus récent",
    status_unavailable: "Statut auprès de {organiser} indisponible : {reason}",
    verified_badge: "Vérifié par {organiser} le {date}",
    list_not_published: "aucune liste n'a encore été publiée.",
    list_unreachable: "la liste n'a pas pu être chargée (hors ligne ?).",
    list_no_verifier: "ce navigateur ne sait pas vérifier les signatures de la liste.",
    list_not_a_list: "le fichier publié n'est pas une liste d'engagements.",
    list_truncated: "la liste est incomplète (téléchargement interrompu).",
    list_unknown_version: "la liste est d'une version que ce widget ne connaît pas : rechargez la page.",
    list_other_key: "la liste n'est pas signée par la clé de {organiser}.",
    list_altered: "la liste a été modifiée après sa signature.",
    list_other_campaign: "la liste est celle d'une autre campagne.",
    list_malformed: "la liste est mal formée.",
    verified: "Vérifié",
    pending: "En attente",
    withdrawn: "Retiré",
    wall_heading: "Qui s'est engagé à quoi",
    wall_lead: "Les engagements signés des candidat·es aux municipales, publiés par {organiser} le {date}.",
    wall_loading: "Chargement et vérification de la liste…",
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
    wall_search_hint: "Par exemple : saint etienne",
    wall_results: "{shown} affichés sur {total}",
    wall_no_results: "Aucun engagement ne correspond à « {query} ».",
    wall_show_more: "Afficher plus",
    wall_download: "Télécharger les données (CSV)",
    wall_flagged: "Entrées non valides, ni affichées ni comptées : {n}",
    wall_flagged_entry: "Entrée {position} : {reason}",
    wall_withdrawn_note: "Engagements retirés, non comptés : {n}",
    wall_replaced_note: "Engagements remplacés par un plus récent : {n}",
    wall_open: "Voir l'engagement",
    wall_entry_count: "{n} engagements sur 20",
    console_heading: "Console de l'organisateur",
    console_lead: "Rassemblez les engagements reçus, vérifiez les clés des candidat·es, puis publiez la liste signée. Tout reste dans ce navigateur.",
    console_key_heading: "Clé de l'organisateur",
    console_key_none: "Aucune clé d'organisateur dans ce navigateur.",
    console_key_create: "Créer la clé de l'organisateur",
    console_key_export: "Exporter la clé",
    console_key_import: "Importer une clé",
    console_key_fingerprint: "Empreinte : {fingerprint}",
    console_key_public: "Clé publique (organiser.public_key dans widget-settings.json)",
    console_key_pinned: "C'est la clé inscrite dans ce widget : les listes qu'elle signe sont acceptées.",
    console_key_not_pinned: "Ce n'est pas la clé inscrite dans ce widget ({fingerprint}) : une liste signée avec elle sera refusée.",
    console_key_no_pin: "Aucune clé n'est inscrite dans ce widget : copiez la clé publique dans widget-settings.json, puis reconstruisez le widget.",
    console_key_replace_question: "Remplacer la clé {old} par {new} ? Exportez d'abord la clé actuelle : sans elle, aucune liste ne pourra plus être signée pour ce widget.",
    console_key_replace: "Remplacer la clé",
    console_key_import_failed: "Ce fichier n'est pas une clé d'organisateur.",
    console_key_unsaved: "La clé n'a pas pu être enregistrée dans ce navigateur : exportez-la maintenant.",
    console_key_set_aside: "Une clé illisible a été mise de côté (elle n'a pas été effacée).",
    console_paste_heading: "Ajouter des engagements",
    console_paste_label: "Liens d'engagement, un par ligne (ou collez un CSV)",
    console_paste_add: "Vérifier et ajouter",
    console_paste_file: "Ou choisissez un fichier texte ou CSV",
    console_report_heading: "Résultat de la vérification",
    intake_added: "Ligne {line} : {name} — ajouté",
    intake_replaces: "Ligne {line} : {name} — ajouté, remplace un engagement plus ancien de la même clé",
    intake_superseded: "Ligne {line} : {name} — remplacé : la même clé a signé un engagement plus récent, déjà présent",
    intake_duplicate: "Ligne {line} : {name} — déjà présent",
    intake_invalid: "Ligne {line} : non valide — {reason}",
    intake_no_link: "Ligne {line} : aucun lien d'engagement ({text})",
    console_entries_heading: "Engagements rassemblés : {n}",
    console_empty: "Aucun engagement pour l'instant : collez des liens ci-dessus.",
    console_status_label: "Statut",
    console_status_since: "depuis le {date}",
    console_note_label: "Note (reste dans cette console, jamais publiée)",
    console_replaced: "Remplacé par un engagement plus récent de la même clé (non publié)",
    console_remove: "Retirer de la console",
    console_fingerprint: "Empreinte de la clé",
    console_publish_heading: "Publier",
    console_publish_lead: "Télécharge engagements.json (la liste signée) et engagements.csv (données ouvertes). Déposez les deux fichiers à côté des fichiers du widget : le mur et les pages d'engagement les liront.",
    console_publish: "Publier la liste signée",
    console_publish_needs_key: "Créez ou importez d'abord la clé de l'organisateur.",
    console_published: "Liste de {n} engagements signée : engagements.json et engagements.csv téléchargés.",
    console_not_saved: "Ce navigateur n'a pas pu enregistrer la console : votre travail sera perdu en quittant la page. Publiez ou gardez vos liens ailleurs.",
    console_set_aside: "Des données illisibles de la console ont été mises de côté (pas effacées) ; la console repart vide.",
};

pub const ORG_EN: OrgTexts = OrgTexts {
    send: "Send my pledge to {organiser}",
    send_hint: "No mail app? Copy the link above and send it to {contact}.",
    send_subject: "My pledge – {name}, {commune}",
    send_body: "Hello,\n\nHere is my signed pledge for the campaign « S'engager pour les territoires inclusifs de demain » (#Municipales2020):\n\n{link}\n\nMy key's fingerprint: {fingerprint}\n\n{name}\n{commune}\n",
    status_checking: "Looking this pledge up in the published list…",
    status_verified: "Pledge verified by {organiser} on {date}",
    status_withdrawn: "Pledge withdrawn on {date}",
    status_unverified: "Valid signature — key not verified by {organiser}",
    status_unverified_help: "The text has not changed since it was signed, but {organiser} has not (yet) confirmed that the key that signed it belongs to this candidate.",
    status_replaced: "{organiser} has published a later pledge by this candidate, which replaces this one.",
    status_replaced_link: "See the latest pledge",
    status_unavailable: "Status with {organiser} unavailable: {reason}",
    verified_badge: "Verified by {organiser} on {date}",
    list_not_published: "no list has been published yet.",
    list_unreachable: "the list could not be loaded (offline?).",
    list_no_verifier: "this browser cannot check the list's signatures.",
    list_not_a_list: "the published file is not a list of pledges.",
    list_truncated: "the list is incomplete (interrupted download).",
    list_unknown_version: "the list is of a version this widget does not know: reload the page.",
    list_other_key: "the list is not signed with {organiser}'s key.",
    list_altered: "the list was altered after it was signed.",
    list_other_campaign: "the list belongs to another campaign.",
    list_malformed: "the list is malformed.",
    verified: "Verified",
    pending: "Pending",
    withdrawn: "Withdrawn",
    wall_heading: "Who committed to what",
    wall_lead: "The signed pledges of candidates in the municipal elections, published by {organiser} on {date}.",
    wall_loading: "Loading and checking the list…",
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
    wall_search_hint: "For example: saint etienne",
    wall_results: "{shown} shown out of {total}",
    wall_no_results: "No pledge matches « {query} ».",
    wall_show_more: "Show more",
    wall_download: "Download the data (CSV)",
    wall_flagged: "Invalid entries, neither shown nor counted: {n}",
    wall_flagged_entry: "Entry {position}: {reason}",
    wall_withdrawn_note: "Withdrawn pledges, not counted: {n}",
    wall_replaced_note: "Pledges replaced by a later one: {n}",
    wall_open: "See the pledge",
    wall_entry_count: "{n} commitments out of 20",
    console_heading: "Organiser's console",
    console_lead: "Gather the pledges you received, verify the candidates' keys, then publish the signed list. Everything stays in this browser.",
    console_key_heading: "Organiser's key",
    console_key_none: "No organiser key in this browser.",
    console_key_create: "Create the organiser's key",
    console_key_export: "Export the key",
    console_key_import: "Import a key",
    console_key_fingerprint: "Fingerprint: {fingerprint}",
    console_key_public: "Public key (organiser.public_key in widget-settings.json)",
    console_key_pinned: "This is the key pinned in this widget: lists it signs are accepted.",
    console_key_not_pinned: "This is not the key pinned in this widget ({fingerprint}): a list signed with it will be refused.",
    console_key_no_pin: "No key is pinned in this widget: copy the public key into widget-settings.json, then rebuild the widget.",
    console_key_replace_question: "Replace key {old} with {new}? Export the current key first: without it, no list can be signed for this widget any more.",
    console_key_replace: "Replace the key",
    console_key_import_failed: "This file is not an organiser's key.",
    console_key_unsaved: "The key could not be saved in this browser: export it now.",
    console_key_set_aside: "An unreadable key was set aside (it was not deleted).",
    console_paste_heading: "Add pledges",
    console_paste_label: "Pledge links, one per line (or paste a CSV)",
    console_paste_add: "Check and add",
    console_paste_file: "Or choose a text or CSV file",
    console_report_heading: "Result of the check",
    intake_added: "Line {line}: {name} — added",
    intake_replaces: "Line {line}: {name} — added, replaces an older pledge by the same key",
    intake_superseded: "Line {line}: {name} — replaced: the same key signed a later pledge, already here",
    intake_duplicate: "Line {line}: {name} — already here",
    intake_invalid: "Line {line}: invalid — {reason}",
    intake_no_link: "Line {line}: no pledge link ({text})",
    console_entries_heading: "Pledges gathered: {n}",
    console_empty: "No pledge yet: paste links above.",
    console_status_label: "Status",
    console_status_since: "since {date}",
    console_note_label: "Note (stays in this console, never published)",
    console_replaced: "Replaced by a later pledge by the same key (not published)",
    console_remove: "Remove from the console",
    console_fingerprint: "Key fingerprint",
    console_publish_heading: "Publish",
    console_publish_lead: "Downloads engagements.json (the signed list) and engagements.csv (open data). Put both files next to the widget's files: the wall and the pledge pages will read them.",
    console_publish: "Publish the signed list",
    console_publish_needs_key: "Create or import the organiser's key first.",
    console_published: "List of {n} pledges signed: engagements.json and engagements.csv downloaded.",
    console_not_saved: "This browser could not save the console: your work will be lost when you leave the page. Publish or keep your links elsewhere.",
    console_set_aside: "Unreadable console data was set aside (not deleted); the console starts empty.",
};

impl OrgTexts {
    /// Why a list cannot be used, in a sentence.
    pub fn list_failure(&self, failure: crate::domain::pledge_list::ListFailure) -> &'static str {
        use crate::domain::pledge_list::ListFailure as F;
        use crate::domain::ListError as E;
        match failure {
            F::NotPublished => self.list_not_published,
            F::Unreachable => self.list_unreachable,
            F::NoVerifier => self.list_no_verifier,
            F::Invalid(E::NotAList) => self.list_not_a_list,
            F::Invalid(E::Truncated) => self.list_truncated,
            F::Invalid(E::UnknownVersion(_)) => self.list_unknown_version,
            F::Invalid(E::OtherKey) => self.list_other_key,
            F::Invalid(E::SignatureMismatch) => self.list_altered,
            F::Invalid(E::OtherCampaign) => self.list_other_campaign,
            F::Invalid(E::Malformed) => self.list_malformed,
        }
    }

    pub fn status(&self, status: crate::domain::Status) -> &'static str {
        match status {
            crate::domain::Status::Verified => self.verified,
            crate::domain::Status::Pending => self.pending,
            crate::domain::Status::Withdrawn => self.withdrawn,
        }
    }
}
