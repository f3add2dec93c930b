//! The campaign, as plain data generated at build time from its file
//! (`campaign/<slug>.json`, named by `widget-settings.json`; by default the
//! Coorace campaign "S'engager pour les territoires inclusifs de demain",
//! #Municipales2020). `build.rs` checks the file and writes the data;
//! nothing campaign-specific is written in code. Commitment ids and
//! positions are part of the signed payload format: they never change
//! within a campaign.

include!(concat!(env!("OUT_DIR"), "/campaign.rs"));

/// The campaign in one language: its heading, its introduction and its
/// proposals.
#[derive(Debug)]
pub struct Campaign {
    /// The language of these texts ("fr").
    pub lang: &'static str,
    /// The campaign's name in a sentence (the e-mail to the organiser).
    pub name: &'static str,
    /// Title, as printed.
    pub title: &'static str,
    /// The line above the title ("Coorace part en campagne").
    pub tagline: &'static str,
    pub hashtag: &'static str,
    /// The line under the title.
    pub subtitle: &'static str,
    /// The widget's accessible name.
    pub label: &'static str,
    /// The text that goes with a shared link: `{count}`, `{hashtag}`.
    pub share_text: &'static str,
    /// The subject of a link shared by e-mail.
    pub share_subject: &'static str,
    /// The proposals, in order.
    pub proposals: &'static [Proposal],
    /// [`Campaign::id`], computed by the build from the reference text.
    id: [u8; CAMPAIGN_ID_LEN],
}

/// One of the proposals.
#[derive(Debug)]
pub struct Proposal {
    /// From 1, as numbered in the campaign.
    pub number: u8,
    pub title: &'static str,
    /// A short title, for the card's chart.
    pub short: &'static str,
    pub commitments: &'static [Commitment],
}

/// One "Je m'engage à …" a candidate can tick.
#[derive(Debug, PartialEq, Eq)]
pub struct Commitment {
    /// Stable id: proposal number, dot, rank in the proposal ("4.1").
    pub id: &'static str,
    /// Fixed position across the campaign, from 0; the bit index in
    /// payloads.
    pub position: u8,
    pub text: &'static str,
}

/// The campaign's prose in one language: its introduction and each
/// proposal's explanatory paragraph, which the journey shows and a
/// pledge's reader never needs. Apart from [`Campaign`] (see
/// [`Campaign::prose`]), so that a build that never shows it (the verify
/// build, a pledge link's) does not carry it.
#[derive(Debug)]
pub struct Prose {
    /// The introduction, one entry per paragraph.
    pub introduction: &'static [&'static str],
    /// Each proposal's explanatory paragraph, in the proposals' order.
    pub proposals: &'static [&'static str],
}

impl Prose {
    /// The explanatory paragraph of the proposal numbered `number`.
    pub fn proposal(&self, number: u8) -> &'static str {
        usize::from(number)
            .checked_sub(1)
            .and_then(|i| self.proposals.get(i))
            .copied()
            .unwrap_or_default()
    }
}

/// Bytes of the campaign id in signed payloads.
pub const CAMPAIGN_ID_LEN: usize = 2;

/// An earlier version of the campaign (its file's `earlier_versions`):
/// links signed under it carry its id and still read, their commitments
/// being its first `commitments` positions, which later versions keep.
#[derive(Debug, PartialEq, Eq)]
pub struct EarlierVersion {
    pub version: u32,
    /// `YYYY-MM-DD`, checked by the build.
    pub date: &'static str,
    pub id: [u8; CAMPAIGN_ID_LEN],
    pub commitments: u8,
}

impl EarlierVersion {
    /// The version's date as (year, month, day).
    pub fn ymd(&self) -> (i32, u32, u32) {
        let part = |r: std::ops::Range<usize>| self.date.get(r).and_then(|s| s.parse().ok());
        match (part(0..4), part(5..7), part(8..10)) {
            (Some(y), Some(m), Some(d)) => (y as i32, m, d),
            _ => (2020, 1, 1),
        }
    }
}

/// Which version of the campaign a payload's id names: `Some(None)` this
/// one, `Some(Some(v))` an earlier one whose links still read, `None` none
/// of them (another campaign).
pub fn version_of(id: [u8; CAMPAIGN_ID_LEN]) -> Option<Option<&'static EarlierVersion>> {
    version_in(id, CAMPAIGN.id(), &EARLIER_VERSIONS)
}

fn version_in(
    id: [u8; CAMPAIGN_ID_LEN],
    current: [u8; CAMPAIGN_ID_LEN],
    earlier: &'static [EarlierVersion],
) -> Option<Option<&'static EarlierVersion>> {
    if id == current {
        return Some(None);
    }
    earlier.iter().find(|v| v.id == id).map(Some)
}

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
    /// bytes of the SHA-256 of the reference text with its structure (see
    /// `build/campaign_file.rs`, `canonical_text`). A payload signed
    /// against another wording does not read against this one.
    pub fn id(&self) -> [u8; CAMPAIGN_ID_LEN] {
        self.id
    }

    /// Its introduction and its proposals' paragraphs (what the journey
    /// shows; apart, so that only the builds that call this carry them).
    pub fn prose(&self) -> &'static Prose {
        prose_in(self.lang)
    }

    /// The proposal at this index (0-based), if there is one.
    pub fn proposal(&self, index: usize) -> Option<&'static Proposal> {
        self.proposals.get(index)
    }

    /// The campaign in this language, if it offers it.
    pub fn in_language(code: &str) -> Option<&'static Campaign> {
        LANGUAGES.iter().copied().find(|c| c.lang == code)
    }
}

impl Proposal {
    /// Positions of this proposal's commitments.
    pub fn positions(&self) -> impl Iterator<Item = u8> + '_ {
        self.commitments.iter().map(|c| c.position)
    }
}

/// The prefix of every record the widget keeps in the browser's storage.
pub const STORAGE_ROOT: &str = "pw-pledge-widget/";

/// The key a record the code names `pw-pledge-widget/<name>` is stored
/// under: the campaign's slug after the root, so that two campaigns served
/// from one origin never share a draft, a key or a pledge. A key outside
/// the root is left as it is.
pub fn stored_key(name: &str) -> String {
    match name.strip_prefix(STORAGE_ROOT) {
        Some(rest) => format!("{STORAGE_ROOT}{SLUG}/{rest}"),
        None => name.to_owned(),
    }
}

/// The code's name for a key stored by this campaign ([`stored_key`]'s
/// inverse); `None` for another campaign's record or anything else.
pub fn record_name(stored: &str) -> Option<String> {
    let rest = stored
        .strip_prefix(STORAGE_ROOT)?
        .strip_prefix(SLUG)?
        .strip_prefix('/')?;
    Some(format!("{STORAGE_ROOT}{rest}"))
}

// The campaign this build carries, whatever its file: structure and
// lookups. The Coorace file's own wording (verbatim from the source text)
// and its pinned id are tested on the file, in `tests/campaign_file.rs`.
#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    #[test]
    fn proposals_are_numbered_in_order_and_each_has_commitments() {
        assert_eq!(CAMPAIGN.proposals.len(), PROPOSAL_COUNT);
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
    fn positions_run_from_0_in_order() {
        let positions: Vec<usize> = CAMPAIGN
            .commitments()
            .map(|c| usize::from(c.position))
            .collect();
        assert_eq!(positions, (0..COMMITMENT_COUNT).collect::<Vec<_>>());
    }

    #[test]
    fn ids_are_unique_and_name_their_proposal() {
        let mut seen = HashSet::new();
        for p in CAMPAIGN.proposals {
            for c in p.commitments {
                assert!(c.id.starts_with(&format!("{}.", p.number)), "{}", c.id);
                assert!(seen.insert(c.id), "duplicate id {}", c.id);
            }
        }
        assert_eq!(seen.len(), COMMITMENT_COUNT);
    }

    #[test]
    fn every_language_has_the_same_structure_and_id() {
        assert!(std::ptr::eq(LANGUAGES[0], &CAMPAIGN));
        for other in LANGUAGES {
            assert_eq!(other.id(), CAMPAIGN.id());
            assert_eq!(other.hashtag, CAMPAIGN.hashtag);
            assert_eq!(
                other.prose().introduction.len(),
                CAMPAIGN.prose().introduction.len()
            );
            assert_eq!(other.prose().proposals.len(), CAMPAIGN.proposals.len());
            // Each language its own prose.
            assert_eq!(
                std::ptr::eq(other.prose(), CAMPAIGN.prose()),
                std::ptr::eq(other, &CAMPAIGN)
            );
            let ids = |c: &Campaign| {
                c.commitments()
                    .map(|c| (c.id, c.position))
                    .collect::<Vec<_>>()
            };
            assert_eq!(ids(other), ids(&CAMPAIGN), "{}", other.lang);
            assert_eq!(
                Campaign::in_language(other.lang).map(|c| c.lang),
                Some(other.lang)
            );
        }
        assert!(Campaign::in_language("xx").is_none());
    }

    #[test]
    fn lookups_agree() {
        for c in CAMPAIGN.commitments() {
            assert_eq!(CAMPAIGN.commitment_by_id(c.id), Some(c));
            assert_eq!(CAMPAIGN.commitment_at(c.position), Some(c));
        }
        let past = format!("{}.1", PROPOSAL_COUNT + 1);
        assert_eq!(CAMPAIGN.commitment_by_id(&past), None);
        assert_eq!(CAMPAIGN.commitment_at(COMMITMENT_COUNT as u8), None);
        assert!(CAMPAIGN.proposal(PROPOSAL_COUNT).is_none());
    }

    #[test]
    fn a_link_names_this_version_an_earlier_one_or_none() {
        static EARLIER: [EarlierVersion; 1] = [EarlierVersion {
            version: 1,
            date: "2026-11-28",
            id: [0x93, 0x59],
            commitments: 20,
        }];
        let current = [0x12, 0x34];
        assert_eq!(version_in(current, current, &EARLIER), Some(None));
        assert_eq!(
            version_in([0x93, 0x59], current, &EARLIER),
            Some(Some(&EARLIER[0]))
        );
        assert_eq!(version_in([0x00, 0x01], current, &EARLIER), None);
        assert_eq!(EARLIER[0].ymd(), (2026, 11, 28));
        // This build: its own id is this version.
        assert_eq!(version_of(CAMPAIGN.id()), Some(None));
    }

    #[test]
    fn records_are_stored_under_the_campaign_and_read_back() {
        let stored = stored_key("pw-pledge-widget/draft/v1");
        assert_eq!(stored, format!("pw-pledge-widget/{SLUG}/draft/v1"));
        assert_eq!(
            record_name(&stored).as_deref(),
            Some("pw-pledge-widget/draft/v1")
        );
        // Another campaign's records, and the unscoped ones, are not ours.
        assert_eq!(
            record_name("pw-pledge-widget/other-campaign/draft/v1"),
            None
        );
        assert_eq!(record_name("pw-pledge-widget/draft/v1"), None);
        assert_eq!(
            record_name(&format!("pw-pledge-widget/{SLUG}x/draft/v1")),
            None
        );
        assert_eq!(stored_key("elsewhere"), "elsewhere");
    }
}
