//! The strings of a sharded publication's readers (`docs/list-shards.md`):
//! the national wall, and what a reader says of an index or shard it
//! refuses. Apart, so that the verify build, which reads one shard as a
//! list and never the index, does not carry them.

use crate::domain::organiser::pledge_list::{ListErrorKind, ListFailure};

/// The shards' strings, in one language.
#[derive(Debug)]
pub struct ShardTexts {
    pub index_altered: &'static str,
    pub index_invalid: &'static str,
    pub index_other_key: &'static str,
    pub shard_altered: &'static str,
    pub shard_missing: &'static str,
    pub list_mismatched: &'static str,
    /// The national wall, from the signed index: `{n}` départements.
    pub national_scope: &'static str,
    pub national_hint: &'static str,
    /// `{n}`, `{total}`.
    pub national_loading: &'static str,
    pub national_load_all: &'static str,
    /// `{n}`, `{total}`: the national wall's follow-up, of the
    /// départements fetched so far.
    pub national_partial: &'static str,
    /// `{n}`, `{names}`: the départements whose part could not be read
    /// (the first one's reason said above it).
    pub national_failed: &'static str,
    /// The button that reads them again.
    pub national_retry: &'static str,
}

/// In French.
pub static SHARDS_FR: ShardTexts = ShardTexts {
    index_altered: "l'index des départements a été modifié après sa signature.",
    index_invalid: "l'index des départements est illisible ou d'un format inconnu.",
    index_other_key: "l'index des départements n'est pas signé par la clé de {organiser} que ce site connaît.",
    shard_altered: "la partie de la liste d'un département ne correspond pas à l'index signé : elle a été modifiée, ou vient d'une autre publication.",
    shard_missing: "la partie de la liste d'un département, nommée par l'index signé, est introuvable.",
    list_mismatched: "la liste entière (engagements.json) et ses parties par département (engagements/) ne sont pas de la même publication : une partie des fichiers n'a pas été mise en ligne.",
    national_scope: "Toute la France : les totaux de l'index signé, {n} départements.",
    national_hint: "Cherchez une commune, un code postal ou un nom : les engagements des départements concernés sont chargés et vérifiés à la demande.",
    national_loading: "Départements chargés et vérifiés : {n} sur {total}…",
    national_load_all: "Charger tous les départements",
    national_partial: "Selon les départements chargés : {n} sur {total}.",
    national_failed: "Départements non lus ({n}) : {names}.",
    national_retry: "Les lire à nouveau",
};

/// In English.
pub static SHARDS_EN: ShardTexts = ShardTexts {
    index_altered: "the index of départements was changed after it was signed.",
    index_invalid: "the index of départements cannot be read, or is in an unknown format.",
    index_other_key: "the index of départements is not signed by the key of {organiser} this site knows.",
    shard_altered: "the part of the list for a département does not match the signed index: it was changed, or comes from another publication.",
    shard_missing: "the part of the list for a département, named by the signed index, cannot be found.",
    list_mismatched: "the whole list (engagements.json) and its parts by département (engagements/) are not from the same publication: some of the files were not put online.",
    national_scope: "All of France: the signed index's totals, {n} départements.",
    national_hint: "Search for a commune, a postcode or a name: the pledges of the départements concerned are fetched and checked on demand.",
    national_loading: "Départements fetched and checked: {n} of {total}…",
    national_load_all: "Fetch every département",
    national_partial: "From the départements fetched: {n} of {total}.",
    national_failed: "Départements not read ({n}): {names}.",
    national_retry: "Read them again",
};

impl ShardTexts {
    /// Why an index or a shard was refused, in a sentence (`None` for any
    /// other failure: `OrgTexts::list_failure` says it).
    pub fn failure(&self, failure: ListFailure) -> Option<&'static str> {
        Some(match failure {
            ListFailure::Index(e) if e.kind() == ListErrorKind::SignatureMismatch => {
                self.index_altered
            }
            ListFailure::Index(e) if e.kind() == ListErrorKind::OtherKey => self.index_other_key,
            ListFailure::Index(_) => self.index_invalid,
            ListFailure::ShardAltered => self.shard_altered,
            ListFailure::ShardMissing => self.shard_missing,
            ListFailure::Mismatched => self.list_mismatched,
            _ => return None,
        })
    }
}
