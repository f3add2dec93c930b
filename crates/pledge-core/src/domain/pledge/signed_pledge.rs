use crate::domain::journey::candidate_text;
use crate::domain::journey::commune_code::CommuneCode;
use crate::domain::journey::draft::Draft;
use crate::domain::journey::identity::{Field, Identity, Role};
use crate::domain::journey::selection::Selection;
use crate::domain::pledge::drawing::DrawnSignature;
use crate::domain::pledge::keys::PublicKey;
use crate::domain::pledge::payload::Format;
use crate::domain::signing_date::SigningDate;

/// What a candidate signs: their commitments, who they are, the date and
/// an optional drawn signature. Built only through [`Pledge::new`], so every
/// pledge respects the identity's limits and encodes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Pledge {
    pub(super) selection: Selection,
    pub(super) name: String,
    pub(super) commune: String,
    pub(super) commune_code: Option<CommuneCode>,
    pub(super) list: String,
    pub(super) role: Option<Role>,
    pub(super) date: SigningDate,
    pub(super) drawing: Option<DrawnSignature>,
}

/// A pledge and its Ed25519 signature, ready to share.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SignedPledge {
    pub(super) pledge: Pledge,
    pub(super) public_key: PublicKey,
    pub(super) signature: [u8; 64],
    /// The payload format it is signed in.
    pub(super) format: Format,
}

/// A pledge read from a link whose signature checked out. Only the payload
/// decoder makes these.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct VerifiedPledge {
    pub(super) pledge: Pledge,
    pub(super) public_key: PublicKey,
    /// The earlier version of the campaign it was signed under, if not
    /// this one.
    pub(super) earlier: Option<&'static crate::campaign::EarlierVersion>,
    /// The payload format its link is in.
    pub(super) format: Format,
}

impl Pledge {
    /// A pledge for this selection and identity (texts in their canonical
    /// form: trimmed, NFC), or the first field that breaks a rule.
    pub fn new(
        selection: Selection,
        identity: &Identity,
        date: SigningDate,
        drawing: Option<DrawnSignature>,
    ) -> Result<Self, Field> {
        if let Some(&field) = Field::ALL.iter().find(|&&f| identity.error(f).is_some()) {
            return Err(field);
        }
        Ok(Pledge {
            selection,
            name: candidate_text::canonical(&identity.name),
            commune: candidate_text::canonical(&identity.commune),
            commune_code: identity.commune_code,
            list: candidate_text::canonical(&identity.list),
            role: identity.role,
            date,
            drawing,
        })
    }

    /// The pledge a link's texts make, for the decoder to compare with the
    /// signed bytes: as [`Pledge::new`], but with each gap's one space
    /// character kept as it was signed (links signed before spacing was
    /// canonical may hold a non-breaking space; the decoder has refused any
    /// run of them already: `candidate_text::is_readable`).
    pub(super) fn as_read(
        selection: Selection,
        identity: &Identity,
        date: SigningDate,
        drawing: Option<DrawnSignature>,
    ) -> Result<Self, Field> {
        let mut pledge = Pledge::new(selection, identity, date, drawing)?;
        let as_signed = |t: &str| crate::unicode::nfc(t.trim());
        pledge.name = as_signed(&identity.name);
        pledge.commune = as_signed(&identity.commune);
        pledge.list = as_signed(&identity.list);
        Ok(pledge)
    }

    /// The pledge for a draft whose identity is complete.
    pub fn from_draft(
        draft: &Draft,
        date: SigningDate,
        drawing: Option<DrawnSignature>,
    ) -> Result<Self, Field> {
        Pledge::new(draft.selection, &draft.identity, date, drawing)
    }

    pub fn selection(&self) -> Selection {
        self.selection
    }
    pub fn name(&self) -> &str {
        &self.name
    }
    pub fn commune(&self) -> &str {
        &self.commune
    }
    /// The commune's official code, when the candidate chose it from the
    /// referential (never in a version-1 link).
    pub fn commune_code(&self) -> Option<CommuneCode> {
        self.commune_code
    }
    /// Empty when the candidate gave none.
    pub fn list(&self) -> &str {
        &self.list
    }
    pub fn role(&self) -> Option<Role> {
        self.role
    }
    pub fn date(&self) -> SigningDate {
        self.date
    }
    pub fn drawing(&self) -> Option<&DrawnSignature> {
        self.drawing.as_ref()
    }

    // `sign` is with the payload format (`payload.rs`): what is signed is
    // the payload's body.
}

impl SignedPledge {
    pub fn pledge(&self) -> &Pledge {
        &self.pledge
    }
    pub fn public_key(&self) -> PublicKey {
        self.public_key
    }
    /// The same pledge as a reader of its link would see it, without the
    /// reading: for tests only (the payload decoder is the one maker of a
    /// `VerifiedPledge`; `tests/invariants.rs` checks it).
    #[cfg(test)]
    pub fn verified(&self) -> VerifiedPledge {
        VerifiedPledge {
            pledge: self.pledge.clone(),
            public_key: self.public_key,
            earlier: None,
            format: self.format,
        }
    }
}

impl VerifiedPledge {
    pub fn pledge(&self) -> &Pledge {
        &self.pledge
    }
    /// The earlier version of the campaign text it was signed under (its
    /// commitments are shown in today's text, which may differ), if not
    /// this one.
    pub fn earlier_version(&self) -> Option<&'static crate::campaign::EarlierVersion> {
        self.earlier
    }
    /// How many commitments the campaign text it was signed under had:
    /// what its count is « sur ».
    pub fn commitment_total(&self) -> usize {
        self.earlier.map_or(crate::campaign::COMMITMENT_COUNT, |v| {
            usize::from(v.commitments)
        })
    }
    /// Whether the commitment at `position` was in the text it was signed
    /// under (one added by a later version was not: neither taken nor not).
    pub fn was_offered(&self, position: u8) -> bool {
        usize::from(position) < self.commitment_total()
    }
    pub fn public_key(&self) -> PublicKey {
        self.public_key
    }
    /// The payload format its link is in.
    pub fn format(&self) -> Format {
        self.format
    }
}
