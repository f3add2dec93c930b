//! The Coorace campaign "S'engager pour les territoires inclusifs de demain"
//! (#Municipales2020) as plain data.
//!
//! Every string is copied word for word from
//! `campaign/coorace-municipales-2020.txt`; a host test checks that each one
//! still appears verbatim there. Commitment ids and positions are part of the
//! signed payload format: they never change for this campaign.

mod data;
mod en;

use sha2::{Digest, Sha256};

pub use data::CAMPAIGN;
pub use en::CAMPAIGN_EN;

/// The campaign: its heading, its introduction and its ten proposals.
#[derive(Debug)]
pub struct Campaign {
    /// Title, as printed (upper case in the source text).
    pub title: &'static str,
    /// "Coorace part en campagne".
    pub tagline: &'static str,
    /// "#Municipales2020".
    pub hashtag: &'static str,
    /// "10 propositions d'utilité sociale et territoriale".
    pub subtitle: &'static str,
    /// The introduction, one entry per paragraph.
    pub introduction: &'static [&'static str],
    /// The ten proposals, in order.
    pub proposals: &'static [Proposal],
    /// [`Campaign::id`], once computed.
    id: std::sync::OnceLock<[u8; CAMPAIGN_ID_LEN]>,
}

/// One of the ten proposals.
#[derive(Debug)]
pub struct Proposal {
    /// 1 to 10, as numbered in the campaign.
    pub number: u8,
    pub title: &'static str,
    /// The explanatory paragraph.
    pub text: &'static str,
    pub commitments: &'static [Commitment],
}

/// One "Je m'engage à …" a candidate can tick.
#[derive(Debug, PartialEq, Eq)]
pub struct Commitment {
    /// Stable id: proposal number, dot, rank in the proposal ("4.1").
    pub id: &'static str,
    /// Fixed position 0–19 across the campaign; the bit index in payloads.
    pub position: u8,
    pub text: &'static str,
}

/// Number of commitments in the campaign.
pub const COMMITMENT_COUNT: usize = 20;

/// Bytes of the campaign id in signed payloads.
pub const CAMPAIGN_ID_LEN: usize = 2;

impl Campaign {
    /// Every commitment, in position order.
    pub fn commitments(&self) -> impl Iterator<Item = &'static Commitment> {
        self.proposals.iter().flat_map(|p| p.commitments.iter())
    }

    /// The commitment with this id, if there is one.
    pub fn commitment_by_id(&self, id: &str) -> Option<&'static Commitment> {
        self.commitments().find(|c| c.id == id)
    }

    /// The commitment at this position, if there is one.
    pub fn commitment_at(&self, position: u8) -> Option<&'static Commitment> {
        self.commitments().find(|c| c.position == position)
    }

    /// Identifies this exact campaign text in signed payloads: the first
    /// bytes of the SHA-256 of [`Campaign::canonical_text`]. A payload signed
    /// against another wording does not read against this one.
    ///
    /// Computed once per campaign: every payload read or written asks for
    /// it (10 000 times for a wall of 10 000 pledges).
    pub fn id(&self) -> [u8; CAMPAIGN_ID_LEN] {
        *self.id.get_or_init(|| {
            let digest = Sha256::digest(self.canonical_text().as_bytes());
            let mut id = [0; CAMPAIGN_ID_LEN];
            id.copy_from_slice(&digest[..CAMPAIGN_ID_LEN]);
            id
        })
    }

    /// Every string of the campaign with its structure, one field per line
    /// (fields never contain a line break), in a fixed order.
    pub fn canonical_text(&self) -> String {
        let mut lines = vec![self.title, self.tagline, self.hashtag, self.subtitle];
        lines.extend(self.introduction.iter().copied());
        let mut out = lines.join("\n");
        for p in self.proposals {
            out.push_str(&format!("\n#{}\n{}\n{}", p.number, p.title, p.text));
            for c in p.commitments {
                out.push_str(&format!("\n{} {} {}", c.id, c.position, c.text));
            }
        }
        out
    }

    /// The proposal at this index (0-based), if there is one.
    pub fn proposal(&self, index: usize) -> Option<&'static Proposal> {
        self.proposals.get(index)
    }
}

impl Proposal {
    /// Positions of this proposal's commitments.
    pub fn positions(&self) -> impl Iterator<Item = u8> + '_ {
        self.commitments.iter().map(|c| c.position)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    const SOURCE: &str = include_str!("../../../../campaign/coorace-municipales-2020.txt");

    #[test]
    fn has_ten_proposals_numbered_in_order() {
        assert_eq!(CAMPAIGN.proposals.len(), 10);
        for (i, p) in CAMPAIGN.proposals.iter().enumerate() {
            assert_eq!(usize::from(p.number), i + 1);
            assert!(
                !p.commitments.is_empty(),
                "proposal {} has no commitment",
                p.number
            );
        }
    }

    #[test]
    fn has_twenty_commitments_with_positions_0_to_19_in_order() {
        let positions: Vec<u8> = CAMPAIGN.commitments().map(|c| c.position).collect();
        assert_eq!(positions, (0..20).collect::<Vec<u8>>());
        assert_eq!(CAMPAIGN.commitments().count(), COMMITMENT_COUNT);
    }

    #[test]
    fn ids_are_unique_and_follow_proposal_and_rank() {
        let mut seen = HashSet::new();
        for p in CAMPAIGN.proposals {
            for (rank, c) in p.commitments.iter().enumerate() {
                assert_eq!(c.id, format!("{}.{}", p.number, rank + 1));
                assert!(seen.insert(c.id), "duplicate id {}", c.id);
            }
        }
        assert_eq!(seen.len(), 20);
    }

    #[test]
    fn every_string_is_verbatim_from_the_source_text() {
        // The title spans two lines in the source.
        assert!(SOURCE.contains(&CAMPAIGN.title.replacen("TERRITOIRES ", "TERRITOIRES\n", 1)));
        for s in [CAMPAIGN.tagline, CAMPAIGN.hashtag, CAMPAIGN.subtitle] {
            assert!(SOURCE.contains(s), "not in source: {s}");
        }
        for paragraph in CAMPAIGN.introduction {
            assert!(SOURCE.contains(paragraph), "not in source: {paragraph}");
        }
        for p in CAMPAIGN.proposals {
            let heading = format!("#{}. {}\n", p.number, p.title);
            assert!(
                SOURCE.contains(&heading),
                "heading not in source: {heading}"
            );
            assert!(SOURCE.contains(p.text), "text not in source: {}", p.text);
            for c in p.commitments {
                assert!(SOURCE.contains(c.text), "not in source: {}", c.text);
            }
        }
    }

    #[test]
    fn every_commitment_of_the_source_is_in_the_data_exactly_once() {
        let in_source: Vec<&str> = SOURCE
            .lines()
            .filter_map(|l| l.find("Je m'engage").map(|i| l[i..].trim_end()))
            .collect();
        let in_data: Vec<&str> = CAMPAIGN.commitments().map(|c| c.text).collect();
        assert_eq!(in_source, in_data);
    }

    #[test]
    fn key_phrases_are_present() {
        assert!(CAMPAIGN.introduction[0]
            .starts_with("Nous, entreprises d'utilité sociale et territoriale"));
        assert_eq!(CAMPAIGN.hashtag, "#Municipales2020");
        assert!(CAMPAIGN.title.contains("INCLUSIFS DE DEMAIN"));
        assert_eq!(
            CAMPAIGN.commitment_by_id("9.3").map(|c| c.text),
            Some("Je m'engage à désigner un-e élu-e en charge de l'ESS.")
        );
        assert!(CAMPAIGN
            .commitments()
            .all(|c| c.text.starts_with("Je m'engage à ")));
    }

    #[test]
    fn the_campaign_id_is_pinned_and_follows_the_text() {
        // Pinned: a change here breaks every link already shared.
        assert_eq!(CAMPAIGN.id(), [0x93, 0x59]);
        let text = CAMPAIGN.canonical_text();
        assert!(text.contains("\n9.3 17 Je m'engage à désigner un-e élu-e en charge de l'ESS."));
        for field in CAMPAIGN.commitments().map(|c| c.text) {
            assert!(!field.contains('\n'));
        }
    }

    #[test]
    fn the_english_translation_has_the_same_structure() {
        assert_eq!(CAMPAIGN_EN.proposals.len(), CAMPAIGN.proposals.len());
        assert_eq!(CAMPAIGN_EN.introduction.len(), CAMPAIGN.introduction.len());
        for (fr, en) in CAMPAIGN.proposals.iter().zip(CAMPAIGN_EN.proposals) {
            assert_eq!(fr.number, en.number);
            let ids = |p: &Proposal| {
                p.commitments
                    .iter()
                    .map(|c| (c.id, c.position))
                    .collect::<Vec<_>>()
            };
            assert_eq!(ids(fr), ids(en), "proposal {}", fr.number);
            assert!(en
                .commitments
                .iter()
                .all(|c| c.text.starts_with("I commit to ")));
        }
        assert_eq!(CAMPAIGN_EN.hashtag, CAMPAIGN.hashtag);
    }

    #[test]
    fn lookups_agree() {
        for c in CAMPAIGN.commitments() {
            assert_eq!(CAMPAIGN.commitment_by_id(c.id), Some(c));
            assert_eq!(CAMPAIGN.commitment_at(c.position), Some(c));
        }
        assert_eq!(CAMPAIGN.commitment_by_id("11.1"), None);
        assert_eq!(CAMPAIGN.commitment_at(20), None);
        assert!(CAMPAIGN.proposal(10).is_none());
    }
}
