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
    /// `{campaign}`, `{hashtag}`, `{link}`, `{fingerprint}`, `{name}`,
    /// `{commune}`.
    pub send_body: &'static str,

    // A pledge link's status in the list.
    pub status_checking: &'static str,
    /// `{organiser}`, `{date}`.
    pub status_verified: &'static str,
    /// `{date}`.
    pub status_withdrawn: &'static str,
    /// A key the organiser replaced by the same candidate's new key:
    /// `{organiser}`, `{fingerprint}` (the new key's), `{date}`.
    pub status_key_replaced: &'static str,
    pub status_key_replaced_link: &'static str,
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
    /// Under a pledge's status: the date of the list it is read from.
    /// `{date}`.
    pub status_as_of: &'static str,
    /// Instead of `status_as_of`, and under the wall's lead, when the list
    /// is the service worker's copy, served offline. `{date}`.
    pub list_offline: &'static str,
    /// Instead of `status_as_of`, and under the wall's lead, when the list
    /// is a version 1 list (no sequence). `{date}`.
    pub list_version_1: &'static str,
    /// A file of the list signed for another place
    /// (`ListFailure::OtherPart`).
    pub list_misplaced: &'static str,
    /// A list older than one already read on this device.
    pub list_older: &'static str,
    /// No list published any more, where one was read on this device.
    pub list_gone: &'static str,

    // Statuses.
    pub verified: &'static str,
    pub pending: &'static str,
    pub withdrawn: &'static str,
    pub key_replaced: &'static str,

    // The wall (its own strings: `WallTexts`), where a build has none.
    pub wall_heading: &'static str,
    pub wall_loading: &'static str,

    // The console.
    pub console_heading: &'static str,
}

pub const ORG_FR: OrgTexts = OrgTexts {
    send: "Envoyer mon engagement à {organiser}",
    send_hint: "Pas d'application de messagerie ? Copiez le lien ci-dessus et envoyez-le à {contact}.",
    send_subject: "Mon engagement – {name}, {commune}",
    send_body: "Bonjour,\n\nVoici mon engagement signé pour la campagne « {campaign} » ({hashtag}) :\n\n{link}\n\nEmpreinte de ma clé : {fingerprint}\n\n{name}\n{commune}\n",
    status_checking: "Recherche de cet engagement dans la liste publiée…",
    status_verified: "Engagement vérifié par {organiser} le {date}",
    status_withdrawn: "Engagement retiré le {date}",
    status_key_replaced: "Clé remplacée le {date} : {organiser} a relié ce·tte candidat·e à sa nouvelle clé ({fingerprint}). Cet engagement ne compte plus.",
    status_key_replaced_link: "Voir son engagement actuel",
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
    status_as_of: "Selon la liste du {date}.",
    list_offline: "Hors ligne — liste du {date}.",
    list_version_1: "Selon la liste du {date}, d'un ancien format (version 1) : sans numéro de publication, rien ne dit qu'elle est la plus récente.",
    list_misplaced: "un fichier de la liste n'est pas à sa place : il est signé pour une autre (la partie d'un autre département, ou la liste entière).",
    list_older: "cette liste est plus ancienne que celle déjà consultée sur cet appareil.",
    list_gone: "la liste déjà consultée sur cet appareil n'est plus publiée.",
    verified: "Vérifié",
    pending: "En attente",
    withdrawn: "Retiré",
    key_replaced: "Clé remplacée",
    wall_heading: "Qui s'est engagé à quoi",
    wall_loading: "Chargement et vérification de la liste…",
    console_heading: "Console de l'organisateur",
};

pub const ORG_EN: OrgTexts = OrgTexts {
    send: "Send my pledge to {organiser}",
    send_hint: "No mail app? Copy the link above and send it to {contact}.",
    send_subject: "My pledge – {name}, {commune}",
    send_body: "Hello,\n\nHere is my signed pledge for the campaign « {campaign} » ({hashtag}):\n\n{link}\n\nMy key's fingerprint: {fingerprint}\n\n{name}\n{commune}\n",
    status_checking: "Looking this pledge up in the published list…",
    status_verified: "Pledge verified by {organiser} on {date}",
    status_withdrawn: "Pledge withdrawn on {date}",
    status_key_replaced: "Key replaced on {date}: {organiser} linked this candidate to their new key ({fingerprint}). This pledge no longer counts.",
    status_key_replaced_link: "See their current pledge",
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
    status_as_of: "According to the list of {date}.",
    list_offline: "Offline — list of {date}.",
    list_version_1: "According to the list of {date}, in an old format (version 1): with no publication number, nothing shows it is the latest.",
    list_misplaced: "a file of the list is not in its place: it is signed for another (the part of another département, or the whole list).",
    list_older: "this list is older than the one already read on this device.",
    list_gone: "the list already read on this device is no longer published.",
    verified: "Verified",
    pending: "Pending",
    withdrawn: "Withdrawn",
    key_replaced: "Key replaced",
    wall_heading: "Who committed to what",
    wall_loading: "Loading and checking the list…",
    console_heading: "Organiser's console",
};

impl OrgTexts {
    /// Why a list cannot be used, in a sentence.
    pub fn list_failure(
        &self,
        failure: crate::domain::organiser::pledge_list::ListFailure,
    ) -> &'static str {
        use crate::domain::organiser::pledge_list::ListErrorKind as E;
        use crate::domain::organiser::pledge_list::ListFailure as F;
        match failure {
            F::NotPublished => self.list_not_published,
            F::Unreachable => self.list_unreachable,
            F::NoVerifier => self.list_no_verifier,
            F::Older => self.list_older,
            F::Gone => self.list_gone,
            // Said in their own words by the builds that read shards
            // (`ShardTexts::failure`); the verify build never meets them.
            F::Index(_) | F::ShardAltered | F::ShardMissing | F::Mismatched => self.list_malformed,
            F::OtherPart => self.list_misplaced,
            F::Invalid(e) => match e.kind() {
                E::NotAList => self.list_not_a_list,
                E::Truncated => self.list_truncated,
                E::UnknownVersion(_) => self.list_unknown_version,
                E::OtherKey => self.list_other_key,
                E::SignatureMismatch => self.list_altered,
                E::OtherCampaign => self.list_other_campaign,
                E::Malformed => self.list_malformed,
            },
        }
    }

    pub fn status(&self, status: crate::domain::EntryStatus) -> &'static str {
        match status {
            crate::domain::EntryStatus::Verified => self.verified,
            crate::domain::EntryStatus::Pending => self.pending,
            crate::domain::EntryStatus::Withdrawn => self.withdrawn,
            crate::domain::EntryStatus::KeyReplaced => self.key_replaced,
        }
    }
}
