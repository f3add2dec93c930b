//! The canonical signed payload. Version 2, which the widget signs, is
//! documented byte by byte in `docs/payload-v2.md`; version 1, which links
//! shared before it carry and every reader still reads, in
//! `docs/payload-v1.md`. Both are pinned by the golden vectors in
//! `tests/golden.rs`.

use std::borrow::Cow;
use std::fmt;

use crate::campaign::{version_of, CAMPAIGN, CAMPAIGN_ID_LEN, COMMITMENT_COUNT};
use crate::domain::journey::candidate_text;
use crate::domain::journey::commune_code::CommuneCode;
use crate::domain::journey::identity::{Field, Identity, Role};
use crate::domain::journey::selection::Selection;
use crate::domain::pledge::codec::{leb128, Decoder, Encoder};
use crate::domain::pledge::drawing::DrawnSignature;
use crate::domain::pledge::keys::{PledgeKey, PublicKey};
use crate::domain::pledge::signed_pledge::{Pledge, SignedPledge, VerifiedPledge};
use crate::domain::signing_date::SigningDate;

/// The payload formats a reader takes. The widget signs [`Format::V2`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Format {
    /// Links signed until December 2026: a 3-byte mask (24 commitments at
    /// most), no commune code, the signature over the bytes alone.
    V1,
    /// A mask as long as the campaign version needs, the commune's
    /// official code, and the signature over a context string then the
    /// bytes (so no other signed message of the widget can pass for one).
    V2,
}

impl Format {
    /// What the widget signs.
    pub const CURRENT: Format = Format::V2;

    /// The version byte.
    pub fn byte(self) -> u8 {
        match self {
            Format::V1 => 1,
            Format::V2 => 2,
        }
    }

    fn from_byte(byte: u8) -> Option<Format> {
        match byte {
            1 => Some(Format::V1),
            2 => Some(Format::V2),
            _ => None,
        }
    }
}

/// What a version-2 signature covers before the payload's own bytes.
pub const CONTEXT_V2: &[u8] = b"pledge-widget/payload/v2\0";

/// Longest payload a valid pledge can make, rounded up.
pub const MAX_PAYLOAD_BYTES: usize = 2048;
/// Version 1's mask: 3 bytes.
const V1_MASK_BYTES: usize = 3;
/// The commune code's length when there is one.
const CODE_LEN: usize = 5;

/// The payload codec: a [`SignedPledge`] to bytes in its format, and bytes
/// of either format to a [`VerifiedPledge`] (decoding checks the signature).
pub struct Payload;

/// Why a payload (or a link) could not be read as a valid pledge.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LinkError {
    kind: LinkErrorKind,
}

/// The kinds of [`LinkError`], each with its own plain-words message in the
/// interface.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum LinkErrorKind {
    /// The link holds characters that are not base64url.
    Encoding,
    /// The link is shorter than its content says: cut while copying.
    Truncated,
    /// Longer than any pledge can be.
    TooLong,
    /// A format version this widget does not know.
    UnknownVersion(u8),
    /// Signed against another campaign text.
    UnknownCampaign,
    /// The signature does not match the content: something was changed.
    SignatureMismatch,
    /// Signed, but a name, commune or list holds characters that the
    /// widget refuses at signing (controls, direction overrides, nothing
    /// visible, or text not in its canonical form).
    ForbiddenText,
    /// Signed, but its content breaks the format's rules.
    Malformed,
}

impl LinkError {
    /// An error of this kind (the web edge and tests make them too).
    pub fn new(kind: LinkErrorKind) -> Self {
        LinkError { kind }
    }

    pub fn kind(&self) -> LinkErrorKind {
        self.kind
    }
}

impl fmt::Display for LinkError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.kind {
            LinkErrorKind::Encoding => f.write_str("the link is not valid base64url"),
            LinkErrorKind::Truncated => f.write_str("the link is truncated"),
            LinkErrorKind::TooLong => f.write_str("the link is too long"),
            LinkErrorKind::UnknownVersion(v) => write!(f, "unknown payload version {v}"),
            LinkErrorKind::UnknownCampaign => f.write_str("unknown campaign"),
            LinkErrorKind::SignatureMismatch => f.write_str("the signature does not match"),
            LinkErrorKind::ForbiddenText => f.write_str("forbidden characters in the text"),
            LinkErrorKind::Malformed => f.write_str("malformed payload"),
        }
    }
}

impl std::error::Error for LinkError {}

fn err<T>(kind: LinkErrorKind) -> Result<T, LinkError> {
    Err(LinkError::new(kind))
}

impl Pledge {
    /// Signs the canonical payload of this pledge with `key`, in the
    /// current format.
    pub fn sign(self, key: &PledgeKey) -> SignedPledge {
        self.sign_as(Format::CURRENT, key)
    }

    /// Signs in a given format: version 1 only for the golden vectors of
    /// links already shared (the widget signs [`Format::CURRENT`]). A
    /// version-1 payload holds no commune code and at most 24 commitments.
    #[doc(hidden)]
    pub fn sign_as(self, format: Format, key: &PledgeKey) -> SignedPledge {
        let public_key = key.public();
        let body = body_for(format, CAMPAIGN.id(), &self, &public_key);
        SignedPledge {
            signature: key.sign(&signed_message(format, &body)),
            pledge: self,
            public_key,
            format,
        }
    }
}

/// What the signature of a payload in `format` covers, given its bytes
/// before the signature.
fn signed_message(format: Format, body: &[u8]) -> Cow<'_, [u8]> {
    match format {
        Format::V1 => Cow::Borrowed(body),
        Format::V2 => Cow::Owned([CONTEXT_V2, body].concat()),
    }
}

/// How many commitments the campaign version named by `campaign` has.
fn commitments_of(campaign: [u8; CAMPAIGN_ID_LEN]) -> Option<usize> {
    version_of(campaign)
        .map(|earlier| earlier.map_or(COMMITMENT_COUNT, |v| usize::from(v.commitments)))
}

/// Whether a payload in `format` can say, for each of a campaign
/// version's `commitments`, whether it was taken.
fn carries(format: Format, commitments: usize) -> bool {
    match format {
        Format::V1 => commitments <= V1_MASK_BYTES * 8,
        Format::V2 => commitments <= 64,
    }
}

/// The version-2 mask's length for a campaign version of `commitments`.
fn mask_len(commitments: usize) -> usize {
    commitments.div_ceil(8)
}

/// Everything before the signature, in `format`, under the campaign
/// version `campaign` names (a link signed under an earlier one is read
/// back with its id).
fn body_for(
    format: Format,
    campaign: [u8; CAMPAIGN_ID_LEN],
    pledge: &Pledge,
    public_key: &PublicKey,
) -> Vec<u8> {
    let mut out = Vec::with_capacity(160);
    out.push(format.byte());
    out.extend(campaign);
    let mask = pledge.selection().bits().to_le_bytes();
    match format {
        Format::V1 => out.extend(&mask[..V1_MASK_BYTES]),
        Format::V2 => {
            let n = mask_len(commitments_of(campaign).unwrap_or(COMMITMENT_COUNT));
            out.push(n as u8);
            out.extend(&mask[..n]);
        }
    }
    out.push(pledge.role().map_or(0, role_byte));
    out.extend(pledge.date().days().to_le_bytes());
    let code = pledge.commune_code();
    let code = code.as_ref().map_or(&[][..], |c| &c.as_bytes()[..]);
    let texts: &[&[u8]] = match format {
        Format::V1 => &[
            pledge.name().as_bytes(),
            pledge.commune().as_bytes(),
            pledge.list().as_bytes(),
        ],
        Format::V2 => &[
            pledge.name().as_bytes(),
            pledge.commune().as_bytes(),
            code,
            pledge.list().as_bytes(),
        ],
    };
    for text in texts {
        leb128::put(&mut out, text.len());
        out.extend(*text);
    }
    let drawing = pledge
        .drawing()
        .map(DrawnSignature::to_bytes)
        .unwrap_or_default();
    leb128::put(&mut out, drawing.len());
    out.extend(drawing);
    out.extend(public_key.to_bytes());
    out
}

fn role_byte(role: Role) -> u8 {
    match role {
        Role::HeadOfList => 1,
        Role::RunningMate => 2,
        Role::Candidate => 3,
    }
}

/// A reader over payload bytes that reports running out as truncation.
struct Reader<'a> {
    bytes: &'a [u8],
}

impl<'a> Reader<'a> {
    fn take(&mut self, n: usize) -> Result<&'a [u8], LinkError> {
        if self.bytes.len() < n {
            return err(LinkErrorKind::Truncated);
        }
        let (head, tail) = self.bytes.split_at(n);
        self.bytes = tail;
        Ok(head)
    }

    fn len(&mut self) -> Result<usize, LinkError> {
        leb128::read(|| self.take(1).ok().map(|b| b[0])).map_err(|fault| {
            LinkError::new(match fault {
                leb128::Fault::Truncated => LinkErrorKind::Truncated,
                leb128::Fault::NotShortest => LinkErrorKind::Malformed,
            })
        })
    }

    fn chunk(&mut self) -> Result<&'a [u8], LinkError> {
        let n = self.len()?;
        self.take(n)
    }

    /// The header after the campaign id, in `format`: the mask's bytes and
    /// the role and date (3 bytes).
    fn header(&mut self, format: Format) -> Result<(&'a [u8], &'a [u8]), LinkError> {
        self.take(1 + CAMPAIGN_ID_LEN)?;
        let mask = match format {
            Format::V1 => self.take(V1_MASK_BYTES)?,
            Format::V2 => {
                let n = self.take(1)?[0];
                self.take(usize::from(n))?
            }
        };
        Ok((mask, self.take(3)?))
    }

    /// The texts in `format`'s order: name, commune, commune code (version
    /// 2), list; then the drawing.
    fn texts(&mut self, format: Format) -> Result<Texts<'a>, LinkError> {
        let (name, commune) = (self.chunk()?, self.chunk()?);
        let code = match format {
            Format::V1 => &[][..],
            Format::V2 => self.chunk()?,
        };
        Ok(Texts {
            name,
            commune,
            code,
            list: self.chunk()?,
            drawing: self.chunk()?,
        })
    }
}

struct Texts<'a> {
    name: &'a [u8],
    commune: &'a [u8],
    code: &'a [u8],
    list: &'a [u8],
    drawing: &'a [u8],
}

impl Encoder<SignedPledge> for Payload {
    type Encoded = Vec<u8>;

    fn encode(signed: &SignedPledge) -> Vec<u8> {
        let mut out = body_for(
            signed.format,
            CAMPAIGN.id(),
            &signed.pledge,
            &signed.public_key,
        );
        out.extend(signed.signature);
        out
    }
}

/// What a payload's signature covers, found without checking it (reading
/// steps 1–4 of `docs/payload-v2.md`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SignedPart<'a> {
    pub format: Format,
    /// Every byte before the signature.
    pub body: &'a [u8],
    pub public_key: PublicKey,
    pub signature: [u8; 64],
    /// Where the signing date stands in `body`.
    date_at: usize,
}

impl<'a> SignedPart<'a> {
    /// What the signature is over: the body, after the context string in
    /// version 2.
    pub fn message(&self) -> Cow<'a, [u8]> {
        signed_message(self.format, self.body)
    }

    /// Whether the key or the signature's `R` is a point of small order,
    /// which strict verification refuses: checked before a verifier that
    /// may not (the browser's).
    pub fn has_weak_point(&self) -> bool {
        let mut r = [0; 32];
        r.copy_from_slice(&self.signature[..32]);
        crate::domain::pledge::keys::is_small_order_encoding(&self.public_key.to_bytes())
            || crate::domain::pledge::keys::is_small_order_encoding(&r)
    }

    /// The signing date the payload states (not checked: the signature
    /// covers it).
    pub fn date(&self) -> SigningDate {
        match self.body.get(self.date_at..self.date_at + 2) {
            Some(&[a, b]) => SigningDate::from_days(u16::from_le_bytes([a, b])),
            _ => SigningDate::from_days(0),
        }
    }
}

impl Payload {
    /// Steps 1–4: size, version, campaign, a whole structure; what the
    /// signature covers and with which key.
    pub fn signed_part(bytes: &[u8]) -> Result<SignedPart<'_>, LinkError> {
        if bytes.len() > MAX_PAYLOAD_BYTES {
            return err(LinkErrorKind::TooLong);
        }
        let Some(&version) = bytes.first() else {
            return err(LinkErrorKind::Truncated);
        };
        let Some(format) = Format::from_byte(version) else {
            return err(LinkErrorKind::UnknownVersion(version));
        };
        let campaign = bytes.get(1..1 + CAMPAIGN_ID_LEN);
        // This version of the campaign, or an earlier one whose links
        // still read (its file's `earlier_versions`).
        match campaign.map(|id| version_of([id[0], id[1]])) {
            None => return err(LinkErrorKind::Truncated),
            Some(None) => return err(LinkErrorKind::UnknownCampaign),
            Some(Some(_)) => {}
        }

        // Walk the structure to find where the key and signature must be.
        let mut r = Reader { bytes };
        r.header(format)?;
        let date_at = bytes.len() - r.bytes.len() - 2;
        r.texts(format)?;
        let key: [u8; 32] = r
            .take(32)?
            .try_into()
            .map_err(|_| LinkError::new(LinkErrorKind::Truncated))?;
        let signature: [u8; 64] = r
            .take(64)?
            .try_into()
            .map_err(|_| LinkError::new(LinkErrorKind::Truncated))?;
        if !r.bytes.is_empty() {
            return err(LinkErrorKind::SignatureMismatch);
        }
        Ok(SignedPart {
            format,
            body: &bytes[..bytes.len() - 64],
            public_key: PublicKey::from_bytes(key),
            signature,
            date_at,
        })
    }

    /// Steps 5–7 once the signature of [`Payload::signed_part`] was
    /// checked by the caller: `signature_valid` is that check's answer (the
    /// browser's Ed25519 in the light verification of `web::verify_link`;
    /// [`Decoder::decode`] checks it here, in Rust). `tests/invariants.rs`
    /// keeps its callers to those two.
    pub fn read_checked(
        part: &SignedPart<'_>,
        signature_valid: bool,
    ) -> Result<VerifiedPledge, LinkError> {
        if !signature_valid {
            return err(LinkErrorKind::SignatureMismatch);
        }
        let public_key = part.public_key;
        // The structure was walked by `signed_part`: read the fields.
        let mut r = Reader { bytes: part.body };
        let (mask, role_and_date) = r.header(part.format)?;
        let texts = r.texts(part.format)?;

        // Signed: now every field must follow the rules.
        let campaign = [part.body[1], part.body[2]];
        let earlier = version_of(campaign).ok_or(LinkError::new(LinkErrorKind::UnknownCampaign))?;
        let commitments = earlier.map_or(COMMITMENT_COUNT, |v| usize::from(v.commitments));
        // A version-1 mask cannot say whether the commitments past its 24th
        // were taken: no such link for a campaign version that has them.
        if !carries(part.format, commitments) {
            return err(LinkErrorKind::Malformed);
        }
        // A mask longer than 8 bytes names more commitments than any
        // campaign has; its length is checked by the re-encoding below.
        if mask.len() > 8 {
            return err(LinkErrorKind::Malformed);
        }
        let mut wide = [0; 8];
        wide[..mask.len()].copy_from_slice(mask);
        let bits = u64::from_le_bytes(wide);
        // Only the commitments of the version it was signed under.
        if commitments < 64 && bits >> commitments != 0 {
            return err(LinkErrorKind::Malformed);
        }
        let selection =
            Selection::from_bits(bits).ok_or(LinkError::new(LinkErrorKind::Malformed))?;
        let role = match role_and_date[0] {
            0 => None,
            1 => Some(Role::HeadOfList),
            2 => Some(Role::RunningMate),
            3 => Some(Role::Candidate),
            _ => return err(LinkErrorKind::Malformed),
        };
        let date = SigningDate::from_days(u16::from_le_bytes([role_and_date[1], role_and_date[2]]));
        // The candidate-text rule, as at signing: a link a careful signer
        // could not have made is refused with its own reason.
        let text = |b: &[u8]| {
            let t = std::str::from_utf8(b).map_err(|_| LinkError::new(LinkErrorKind::Malformed))?;
            if candidate_text::fault(t).is_some() || !candidate_text::is_readable(t) {
                return err(LinkErrorKind::ForbiddenText);
            }
            Ok(t.to_owned())
        };
        let commune_code = match texts.code {
            [] => None,
            code => Some(
                std::str::from_utf8(code)
                    .ok()
                    .filter(|c| c.len() == CODE_LEN)
                    .and_then(CommuneCode::parse)
                    .ok_or(LinkError::new(LinkErrorKind::Malformed))?,
            ),
        };
        let identity = Identity {
            name: text(texts.name)?,
            commune: text(texts.commune)?,
            commune_code,
            list: text(texts.list)?,
            role,
        };
        let drawing = match texts.drawing {
            [] => None,
            d => Some(
                DrawnSignature::from_bytes(d)
                    .map_err(|_| LinkError::new(LinkErrorKind::Malformed))?,
            ),
        };
        let pledge = Pledge::as_read(selection, &identity, date, drawing)
            .map_err(|_: Field| LinkError::new(LinkErrorKind::Malformed))?;
        // Only canonical content: texts as `Pledge::new` makes them, the
        // mask as long as the campaign version needs.
        if body_for(part.format, campaign, &pledge, &public_key) != part.body {
            return err(LinkErrorKind::Malformed);
        }
        Ok(VerifiedPledge {
            pledge,
            public_key,
            earlier,
            format: part.format,
        })
    }
}

impl Decoder<VerifiedPledge> for Payload {
    type Encoded = [u8];
    type Error = LinkError;

    /// Checks, in order: size, version, campaign, that the link is whole,
    /// the signature (strict Ed25519, in Rust), then every field. So a
    /// change anywhere is reported as a change, not as whatever the changed
    /// byte happens to break.
    fn decode(bytes: &[u8]) -> Result<VerifiedPledge, LinkError> {
        let part = Payload::signed_part(bytes)?;
        let valid = part.public_key.verifies(&part.message(), &part.signature);
        Payload::read_checked(&part, valid)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::pledge::drawing::{Drawing, PadPoint};
    use crate::domain::pledge::keys::PledgeKey;
    use crate::domain::pledge::share_link::{Fragment, ShareLink};

    fn identity(name: &str, commune: &str, list: &str, role: Option<Role>) -> Identity {
        Identity {
            name: name.into(),
            commune: commune.into(),
            commune_code: None,
            list: list.into(),
            role,
        }
    }

    fn date() -> SigningDate {
        SigningDate::from_ymd(2026, 11, 28).unwrap()
    }

    fn drawing() -> DrawnSignature {
        let mut d = Drawing::default();
        for s in 0..3 {
            d.begin(PadPoint { x: 0.1, y: 0.5 });
            for i in 1..120 {
                let t = i as f32 / 120.0;
                d.extend(PadPoint {
                    x: 0.1 + 0.8 * t,
                    y: 0.5 + 0.35 * (t * 25.0 + s as f32).sin(),
                });
            }
        }
        d.to_signature().unwrap()
    }

    fn signed(
        selection: Selection,
        id: &Identity,
        drawing: Option<DrawnSignature>,
    ) -> SignedPledge {
        Pledge::new(selection, id, date(), drawing)
            .unwrap()
            .sign(&PledgeKey::from_seed([9; 32]))
    }

    fn decode(bytes: &[u8]) -> Result<VerifiedPledge, LinkError> {
        Payload::decode(bytes)
    }

    fn kind(bytes: &[u8]) -> LinkErrorKind {
        decode(bytes).unwrap_err().kind()
    }

    #[test]
    fn pledges_round_trip_with_and_without_drawing() {
        let cases = [
            (Selection::EMPTY, identity("A", "B", "", None), None),
            (
                Selection::all(),
                identity(
                    "Zoé Ñúñez-Łukasiewicz",
                    "Saint-Étienne",
                    "Ensemble !",
                    Some(Role::HeadOfList),
                ),
                Some(drawing()),
            ),
            (
                Selection::from_bits(0b1010_0101).unwrap(),
                identity(
                    "王小明",
                    "Mayotte — Mamoudzou",
                    "قائمة المواطنين",
                    Some(Role::Candidate),
                ),
                None,
            ),
        ];
        for (selection, id, drawing) in cases {
            let s = signed(selection, &id, drawing);
            let bytes = Payload::encode(&s);
            let back = decode(&bytes).unwrap();
            assert_eq!(back, s.verified());
            assert_eq!(Payload::encode(&s), bytes, "deterministic");
        }
    }

    #[test]
    fn texts_are_signed_trimmed() {
        let s = signed(
            Selection::EMPTY,
            &identity("  Camille  ", " Lyon ", "  ", None),
            None,
        );
        assert_eq!(s.pledge().name(), "Camille");
        assert_eq!(s.pledge().list(), "");
        assert!(decode(&Payload::encode(&s)).is_ok());
    }

    /// What a forger's own tool could sign: the fields as given, unchecked.
    fn forged(name: &str, commune: &str, list: &str) -> Vec<u8> {
        let pledge = Pledge {
            selection: Selection::EMPTY,
            name: name.into(),
            commune: commune.into(),
            list: list.into(),
            commune_code: None,
            role: Some(Role::HeadOfList),
            date: date(),
            drawing: None,
        };
        Payload::encode(&pledge.sign(&PledgeKey::from_seed([7; 32])))
    }

    #[test]
    fn hostile_text_signed_by_another_tool_is_refused_with_its_own_reason() {
        // The examples, each in every field.
        for bad in [
            "\u{200B}",
            "\u{2060}",
            "A\nSignature valide",
            "\0",
            "Lyon\u{202E}ertnoc",
            "Saint-E\u{301}tienne", // not NFC
        ] {
            for bytes in [
                forged(bad, "Lyon", ""),
                forged("Ana", bad, ""),
                forged("Ana", "Lyon", bad),
            ] {
                assert_eq!(kind(&bytes), LinkErrorKind::ForbiddenText, "{bad:?}");
            }
        }
        assert!(
            decode(&forged("Ana", "Lyon", "")).is_ok(),
            "the forger's tool works"
        );
    }

    #[test]
    fn every_forbidden_character_is_refused_at_signing_and_at_decoding() {
        use crate::domain::journey::candidate_text::{
            is_control, is_direction_formatting, is_invisible,
        };
        let forbidden = (0..=0x10FFFFu32)
            .filter_map(char::from_u32)
            .filter(|&c| is_control(c) || is_direction_formatting(c));
        for c in forbidden {
            let name = format!("Ana{c}Lopez");
            let at_signing = Pledge::new(
                Selection::EMPTY,
                &identity(&name, "Lyon", "", None),
                date(),
                None,
            );
            assert_eq!(at_signing, Err(Field::Name), "{:04X}", c as u32);
            assert_eq!(
                kind(&forged(&name, "Lyon", "")),
                LinkErrorKind::ForbiddenText,
                "{:04X}",
                c as u32
            );
        }
        // Invisible-only texts, one per 61 invisible characters (they all
        // go through the same test as the unit tests of `candidate_text`).
        let invisible = (0..=0x10FFFFu32)
            .filter_map(char::from_u32)
            .filter(|&c| is_invisible(c) && !c.is_whitespace() && !is_control(c))
            .step_by(61);
        for c in invisible {
            let commune = format!("{c}{c}");
            assert!(
                Pledge::new(
                    Selection::EMPTY,
                    &identity("Ana", &commune, "", None),
                    date(),
                    None
                )
                .is_err(),
                "{:04X}",
                c as u32
            );
            assert_eq!(
                kind(&forged("Ana", &commune, "")),
                LinkErrorKind::ForbiddenText,
                "{:04X}",
                c as u32
            );
        }
    }

    #[test]
    fn the_second_pass_examples_are_refused_when_signed_by_another_tool() {
        let wide = format!("A{}Signature valide", "\u{2003}".repeat(60));
        let zalgo = format!("Camille{}", "\u{346}".repeat(60));
        let tags = "Ana\u{E0073}\u{E0069}\u{E0067}\u{E006E}";
        for bad in [wide.as_str(), "Ana\u{A0} Lopez", "Ana  Lopez", &zalgo, tags] {
            for bytes in [
                forged(bad, "Lyon", ""),
                forged("Ana", bad, ""),
                forged("Ana", "Lyon", bad),
            ] {
                assert_eq!(kind(&bytes), LinkErrorKind::ForbiddenText, "{bad:?}");
            }
        }
        // One non-breaking space, as a link signed before issue 22 may
        // hold, still verifies.
        assert!(decode(&forged("Ana\u{A0}Lopez", "Lyon", "")).is_ok());
        // Typed, the wide spaces are signed as one; the others are refused.
        let s = signed(Selection::EMPTY, &identity(&wide, "Lyon", "", None), None);
        assert_eq!(s.pledge().name(), "A Signature valide");
        assert!(decode(&Payload::encode(&s)).is_ok());
        for bad in [zalgo.as_str(), tags] {
            assert_eq!(
                Pledge::new(
                    Selection::EMPTY,
                    &identity(bad, "Lyon", "", None),
                    date(),
                    None
                ),
                Err(Field::Name)
            );
        }
        // A flag's tag sequence is fine.
        let wales = "🏴\u{E0067}\u{E0062}\u{E0077}\u{E006C}\u{E0073}\u{E007F}";
        assert!(decode(&forged("Ana", "Lyon", wales)).is_ok());
    }

    #[test]
    fn the_text_rule_at_signing_agrees_with_the_decoder() {
        use crate::domain::journey::candidate_text::{canonical, fault, is_readable};
        use crate::domain::test_rng::random_text;
        let mut rng = Rng(0xd1ce);
        let (mut signed_ok, mut refused) = (0, 0);
        for _ in 0..20_000 {
            let typed = format!(
                "{}{}",
                ["", "Ana", "é"][rng.below(3)],
                random_text(&mut rng)
            );
            // What the widget signs, read back.
            let at_signing = Pledge::new(
                Selection::EMPTY,
                &identity(&typed, "Lyon", "", None),
                date(),
                None,
            );
            let text = canonical(&typed);
            match at_signing {
                Ok(p) => {
                    signed_ok += 1;
                    assert_eq!(p.name(), text);
                    let bytes = Payload::encode(&p.sign(&PledgeKey::from_seed([7; 32])));
                    assert!(decode(&bytes).is_ok(), "{typed:?}");
                }
                Err(_) => refused += 1,
            }
            // What another tool signs, as typed: the decoder says
            // ForbiddenText exactly when the rule does.
            let rule = fault(&typed).is_some() || !is_readable(&typed);
            if !typed.is_empty() && typed.len() < 200 {
                let read = decode(&forged(&typed, "Lyon", ""));
                assert_eq!(
                    read.as_ref().err().map(LinkError::kind) == Some(LinkErrorKind::ForbiddenText),
                    rule,
                    "{typed:?}: {read:?}"
                );
                if read.is_ok() {
                    // Canonical but for a single space character per gap.
                    assert_eq!(
                        canonical(&typed),
                        typed.replace(|c: char| c.is_whitespace(), " "),
                        "only canonical text verifies, {typed:?}"
                    );
                }
            }
        }
        assert!(
            signed_ok > 2_000 && refused > 2_000,
            "{signed_ok} {refused}"
        );
    }

    #[test]
    fn texts_are_signed_in_nfc_and_read_back_unchanged() {
        let s = signed(
            Selection::EMPTY,
            &identity("Zoe\u{308}", "Saint-E\u{301}tienne", "", None),
            None,
        );
        assert_eq!(s.pledge().name(), "Zoë");
        assert_eq!(s.pledge().commune(), "Saint-Étienne");
        let back = decode(&Payload::encode(&s)).unwrap();
        assert_eq!(back.pledge().commune(), "Saint-Étienne");
    }

    #[test]
    fn every_single_bit_flip_is_rejected() {
        let mut id = identity(
            "Camille Dupont",
            "Saint-Étienne",
            "Liste",
            Some(Role::RunningMate),
        );
        id.commune_code = CommuneCode::parse("42218");
        let s = signed(Selection::from_bits(0b1011).unwrap(), &id, Some(drawing()));
        // Version 2 as signed today, and version 1 as links already shared.
        let v1 = Pledge::new(
            s.pledge().selection(),
            &identity("Ana", "Lyon", "", None),
            date(),
            Some(drawing()),
        )
        .unwrap()
        .sign_as(Format::V1, &PledgeKey::from_seed([9; 32]));
        for bytes in [Payload::encode(&s), Payload::encode(&v1)] {
            assert!(bytes.len() > 300, "the test covers a drawing too");
            assert!(decode(&bytes).is_ok());
            for i in 0..bytes.len() {
                for bit in 0..8 {
                    let mut flipped = bytes.clone();
                    flipped[i] ^= 1 << bit;
                    assert!(
                        decode(&flipped).is_err(),
                        "flip of byte {i} bit {bit} accepted (version {})",
                        bytes[0]
                    );
                }
            }
        }
    }

    #[test]
    fn version_2_carries_the_commune_code_and_version_1_still_reads() {
        let mut id = identity("Ana", "Sainte-Colombe", "", None);
        id.commune_code = CommuneCode::parse("25515");
        let s = signed(Selection::from_bits(0b101).unwrap(), &id, None);
        let bytes = Payload::encode(&s);
        assert_eq!(bytes[0], 2);
        assert_eq!(usize::from(bytes[3]), mask_len(COMMITMENT_COUNT));
        let back = decode(&bytes).unwrap();
        assert_eq!(back.pledge().commune_code(), id.commune_code);
        assert_eq!(back.format(), Format::V2);
        assert_eq!(back, s.verified());
        // Typed, not chosen: no code, an empty chunk.
        let typed = signed(Selection::EMPTY, &identity("Ana", "Lyon", "", None), None);
        assert_eq!(
            decode(&Payload::encode(&typed))
                .unwrap()
                .pledge()
                .commune_code(),
            None
        );
        // Version 1: read back as it was signed, without a code.
        let v1 = Pledge::new(
            Selection::from_bits(0b101).unwrap(),
            &identity("Ana", "Lyon", "", None),
            date(),
            None,
        )
        .unwrap()
        .sign_as(Format::V1, &PledgeKey::from_seed([9; 32]));
        let bytes = Payload::encode(&v1);
        assert_eq!(
            (bytes[0], bytes.len()),
            (1, 1 + 2 + 3 + 1 + 2 + (1 + 3) + (1 + 4) + 1 + 1 + 32 + 64)
        );
        let back = decode(&bytes).unwrap();
        assert_eq!(
            (back.format(), back.pledge().selection().bits()),
            (Format::V1, 0b101)
        );
    }

    #[test]
    fn version_1_only_for_campaign_versions_of_24_commitments_at_most() {
        assert!(carries(Format::V1, 20) && carries(Format::V1, 24));
        assert!(!carries(Format::V1, 25) && !carries(Format::V1, 30));
        assert!(carries(Format::V2, 30) && carries(Format::V2, 64));
        assert!(!carries(Format::V2, 65));
    }

    #[test]
    fn a_version_2_signature_is_over_its_context_string() {
        let key = PledgeKey::from_seed([9; 32]);
        let s = signed(Selection::EMPTY, &identity("Ana", "Lyon", "", None), None);
        let mut bytes = Payload::encode(&s);
        assert!(decode(&bytes).is_ok());
        // The same bytes signed without the context string: what another
        // of the key's signatures over these bytes would be.
        let n = bytes.len() - 64;
        let bare = key.sign(&bytes[..n]);
        bytes[n..].copy_from_slice(&bare);
        assert_eq!(kind(&bytes), LinkErrorKind::SignatureMismatch);
        // A version-1 payload's bytes under version 2's byte: refused too.
        let v1 = Pledge::new(
            Selection::EMPTY,
            &identity("Ana", "Lyon", "", None),
            date(),
            None,
        )
        .unwrap()
        .sign_as(Format::V1, &key);
        let mut relabelled = Payload::encode(&v1);
        relabelled[0] = 2;
        assert!(decode(&relabelled).is_err());
    }

    #[test]
    fn a_version_2_mask_is_exactly_as_long_as_the_campaign_needs() {
        let n = mask_len(COMMITMENT_COUNT);
        for (len, extra) in [(n + 1, 1), (n - 1, 0)] {
            let mut bytes = signed_raw(|_| {});
            resign(&mut bytes, |b| {
                b[3] = len as u8;
                if extra == 1 {
                    b.insert(4 + n, 0);
                } else {
                    b.remove(4 + n - 1);
                }
            });
            assert_eq!(kind(&bytes), LinkErrorKind::Malformed, "mask of {len}");
        }
        // A bit past the last commitment, correctly signed: refused.
        if !COMMITMENT_COUNT.is_multiple_of(8) {
            let mut bytes = signed_raw(|_| {});
            resign(&mut bytes, |b| b[4 + n - 1] |= 0x80);
            assert_eq!(kind(&bytes), LinkErrorKind::Malformed);
        }
    }

    #[test]
    fn a_commune_code_of_another_shape_is_refused() {
        for code in [&b"2C004"[..], b"1234", b"123456", b"75 56", b"2a004"] {
            let mut bytes = signed_raw(|_| {});
            // name "A", commune "B", then the code's chunk (empty).
            let at = header_len() + 2 + 2;
            assert_eq!(bytes[at], 0, "the empty code's length");
            resign(&mut bytes, |b| {
                b[at] = code.len() as u8;
                for (i, c) in code.iter().enumerate() {
                    b.insert(at + 1 + i, *c);
                }
            });
            assert_eq!(kind(&bytes), LinkErrorKind::Malformed, "{code:?}");
        }
    }

    #[test]
    fn errors_say_what_went_wrong() {
        let s = signed(
            Selection::EMPTY,
            &identity("Camille", "Lyon", "", None),
            None,
        );
        let bytes = Payload::encode(&s);
        assert_eq!(kind(&[]), LinkErrorKind::Truncated);
        let mut v3 = bytes.clone();
        v3[0] = 3;
        assert_eq!(kind(&v3), LinkErrorKind::UnknownVersion(3));
        let mut other = bytes.clone();
        other[1] ^= 0xff;
        assert_eq!(kind(&other), LinkErrorKind::UnknownCampaign);
        assert_eq!(kind(&bytes[..bytes.len() - 1]), LinkErrorKind::Truncated);
        assert_eq!(kind(&bytes[..20]), LinkErrorKind::Truncated);
        let mut name = bytes.clone();
        name[header_len() + 1] = b'K';
        assert_eq!(kind(&name), LinkErrorKind::SignatureMismatch);
        let mut longer = bytes.clone();
        longer.push(0);
        assert_eq!(kind(&longer), LinkErrorKind::SignatureMismatch);
        assert_eq!(
            kind(&vec![1; MAX_PAYLOAD_BYTES + 1]),
            LinkErrorKind::TooLong
        );
    }

    /// A body signed by a real key but breaking a rule must still be refused.
    fn signed_raw(mutate: impl FnOnce(&mut Pledge)) -> Vec<u8> {
        let key = PledgeKey::from_seed([9; 32]);
        let mut p = Pledge::new(
            Selection::EMPTY,
            &identity("A", "B", "", None),
            date(),
            None,
        )
        .unwrap();
        mutate(&mut p);
        let mut bytes = body_for(Format::CURRENT, CAMPAIGN.id(), &p, &key.public());
        resign(&mut bytes, |_| {});
        bytes
    }

    /// Version 2's header: version, campaign, mask length, mask, role, date.
    fn header_len() -> usize {
        1 + CAMPAIGN_ID_LEN + 1 + mask_len(COMMITMENT_COUNT) + 3
    }

    /// Changes an unsigned or signed version-2 body and signs it again (key
    /// of `signed_raw`), so that only a rule is broken.
    fn resign(bytes: &mut Vec<u8>, change: impl FnOnce(&mut Vec<u8>)) {
        let key = PledgeKey::from_seed([9; 32]);
        let signed = bytes.len() > 64 && Payload::signed_part(bytes).is_ok();
        if signed {
            bytes.truncate(bytes.len() - 64);
        }
        change(bytes);
        let sig = key.sign(&signed_message(Format::V2, bytes));
        bytes.extend(sig);
    }

    #[test]
    fn length_limits_hold_at_encode_and_decode() {
        // Encode: a pledge cannot be made past the limits.
        let long = "é".repeat(81);
        assert_eq!(
            Pledge::new(
                Selection::EMPTY,
                &identity(&long, "B", "", None),
                date(),
                None
            ),
            Err(Field::Name)
        );
        assert_eq!(
            Pledge::new(
                Selection::EMPTY,
                &identity("A", "B", &"x".repeat(121), None),
                date(),
                None
            ),
            Err(Field::List)
        );
        // Decode: even validly signed, content past the limits is refused.
        let over = signed_raw(|p| p.name = "é".repeat(81));
        assert_eq!(kind(&over), LinkErrorKind::Malformed);
        let over = signed_raw(|p| p.list = "x".repeat(121));
        assert_eq!(kind(&over), LinkErrorKind::Malformed);
        let empty = signed_raw(|p| p.commune.clear());
        assert_eq!(kind(&empty), LinkErrorKind::Malformed);
        let untrimmed = signed_raw(|p| p.name = " A".into());
        assert_eq!(kind(&untrimmed), LinkErrorKind::Malformed);
        // Right at the limits is fine.
        let max = signed(
            Selection::all(),
            &identity(
                &"é".repeat(80),
                &"漢".repeat(80),
                &"🙂".repeat(120),
                Some(Role::Candidate),
            ),
            Some(drawing()),
        );
        assert!(decode(&Payload::encode(&max)).is_ok());
        assert!(Payload::encode(&max).len() <= MAX_PAYLOAD_BYTES);
    }

    #[test]
    fn signed_but_invalid_fields_are_malformed() {
        let mut bad_role = signed_raw(|_| {});
        resign(&mut bad_role, |b| b[header_len() - 3] = 4);
        assert_eq!(kind(&bad_role), LinkErrorKind::Malformed);
    }

    use crate::domain::test_rng::Rng;

    #[test]
    fn a_hundred_thousand_random_and_mutated_fragments_never_panic() {
        let valid: Vec<String> = [
            signed(Selection::EMPTY, &identity("A", "B", "", None), None),
            signed(
                Selection::all(),
                &identity("Zoé", "Nîmes", "L", Some(Role::HeadOfList)),
                Some(drawing()),
            ),
        ]
        .iter()
        .map(|s| {
            ShareLink::build("https://x.example/", s)
                .split('#')
                .nth(1)
                .unwrap()
                .to_owned()
        })
        .collect();
        let alphabet: Vec<char> =
            "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_=+/#é% "
                .chars()
                .collect();
        let mut rng = Rng(0x5eed);
        let (mut ok, mut rejected) = (0, 0);
        for round in 0..100_000 {
            let fragment: String = if round % 2 == 0 {
                // Mutate a valid link: flip, insert, delete or truncate.
                let mut chars: Vec<char> = valid[round % 4 / 2].chars().collect();
                for _ in 0..1 + rng.below(3) {
                    if chars.len() <= 3 {
                        break;
                    }
                    let at = 3 + rng.below(chars.len() - 3);
                    match rng.below(4) {
                        0 => chars[at] = alphabet[rng.below(alphabet.len())],
                        1 => chars.insert(at, alphabet[rng.below(alphabet.len())]),
                        2 => {
                            chars.remove(at);
                        }
                        _ => chars.truncate(at),
                    }
                }
                chars.into_iter().collect()
            } else {
                let len = rng.below(400);
                let body: String = (0..len)
                    .map(|_| alphabet[rng.below(alphabet.len())])
                    .collect();
                format!("e={body}")
            };
            match ShareLink::read(&fragment) {
                Fragment::Pledge(Ok(_)) => ok += 1,
                Fragment::Pledge(Err(_)) => rejected += 1,
                Fragment::None => unreachable!("every case starts with the marker"),
            }
        }
        assert_eq!(ok + rejected, 100_000);
        assert!(rejected > 99_000, "mutations are caught: {ok} accepted");
    }
}
