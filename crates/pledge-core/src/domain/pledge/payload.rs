//! The canonical signed payload, version 1. Documented byte by byte in
//! `docs/payload-v1.md`; pinned by the golden vectors in `tests/golden.rs`.

use std::fmt;

use crate::campaign::{version_of, CAMPAIGN, CAMPAIGN_ID_LEN};
use crate::domain::journey::candidate_text;
use crate::domain::journey::identity::{Field, Identity, Role};
use crate::domain::journey::selection::Selection;
use crate::domain::pledge::codec::{leb128, Decoder, Encoder};
use crate::domain::pledge::drawing::DrawnSignature;
use crate::domain::pledge::keys::{PledgeKey, PublicKey};
use crate::domain::pledge::signed_pledge::{Pledge, SignedPledge, VerifiedPledge};
use crate::domain::signing_date::SigningDate;

/// The version byte of this format.
pub const VERSION: u8 = 1;
/// Smallest possible payload: header, three empty lengths (which a valid
/// pledge never has, but a reader must not trip on), no drawing, key and
/// signature.
const MIN_LEN: usize = HEADER_LEN + 4 + 32 + 64;
/// Version, campaign id, commitments (3), role (1), date (2).
const HEADER_LEN: usize = 1 + CAMPAIGN_ID_LEN + 3 + 1 + 2;
/// Longest payload a valid pledge can make, rounded up.
pub const MAX_PAYLOAD_BYTES: usize = 2048;

/// The version-1 codec: a [`SignedPledge`] to bytes, and bytes to a
/// [`VerifiedPledge`] (decoding checks the signature).
pub struct PayloadV1;

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
    /// Signs the canonical payload of this pledge with `key`.
    pub fn sign(self, key: &PledgeKey) -> SignedPledge {
        let public_key = key.public();
        let body = body(&self, &public_key);
        SignedPledge {
            signature: key.sign(&body),
            pledge: self,
            public_key,
        }
    }
}

/// Everything before the signature, under this version of the campaign.
pub(super) fn body(pledge: &Pledge, public_key: &PublicKey) -> Vec<u8> {
    body_for(CAMPAIGN.id(), pledge, public_key)
}

/// Everything before the signature, under the campaign version `campaign`
/// names (a link signed under an earlier one is read back with its id).
fn body_for(campaign: [u8; CAMPAIGN_ID_LEN], pledge: &Pledge, public_key: &PublicKey) -> Vec<u8> {
    let mut out = Vec::with_capacity(160);
    out.push(VERSION);
    out.extend(campaign);
    out.extend(&pledge.selection().bits().to_le_bytes()[..3]);
    out.push(pledge.role().map_or(0, role_byte));
    out.extend(pledge.date().days().to_le_bytes());
    for text in [pledge.name(), pledge.commune(), pledge.list()] {
        leb128::put(&mut out, text.len());
        out.extend(text.as_bytes());
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
}

impl Encoder<SignedPledge> for PayloadV1 {
    type Encoded = Vec<u8>;

    fn encode(signed: &SignedPledge) -> Vec<u8> {
        let mut out = body(&signed.pledge, &signed.public_key);
        out.extend(signed.signature);
        out
    }
}

/// What a payload's signature covers, found without checking it (reading
/// steps 1–4 of `docs/payload-v1.md`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SignedPart<'a> {
    /// Every byte before the signature.
    pub message: &'a [u8],
    pub public_key: PublicKey,
    pub signature: [u8; 64],
}

impl SignedPart<'_> {
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
        // `signed_part` walked the header: version, campaign,
        // commitments (3), role (1), then the date.
        let at = 1 + CAMPAIGN_ID_LEN + 3 + 1;
        match self.message.get(at..at + 2) {
            Some(&[a, b]) => SigningDate::from_days(u16::from_le_bytes([a, b])),
            _ => SigningDate::from_days(0),
        }
    }
}

impl PayloadV1 {
    /// Steps 1–4: size, version, campaign, a whole structure; what the
    /// signature covers and with which key.
    pub fn signed_part(bytes: &[u8]) -> Result<SignedPart<'_>, LinkError> {
        if bytes.len() > MAX_PAYLOAD_BYTES {
            return err(LinkErrorKind::TooLong);
        }
        let Some(&version) = bytes.first() else {
            return err(LinkErrorKind::Truncated);
        };
        if version != VERSION {
            return err(LinkErrorKind::UnknownVersion(version));
        }
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
        r.take(HEADER_LEN)?;
        for _ in 0..4 {
            r.chunk()?; // name, commune, list, drawing
        }
        let key: [u8; 32] = r
            .take(32)?
            .try_into()
            .map_err(|_| LinkError::new(LinkErrorKind::Truncated))?;
        let signature: [u8; 64] = r
            .take(64)?
            .try_into()
            .map_err(|_| LinkError::new(LinkErrorKind::Truncated))?;
        if !r.bytes.is_empty() || bytes.len() < MIN_LEN {
            return err(LinkErrorKind::SignatureMismatch);
        }
        Ok(SignedPart {
            message: &bytes[..bytes.len() - 64],
            public_key: PublicKey::from_bytes(key),
            signature,
        })
    }

    /// Steps 5–7 once the signature of [`PayloadV1::signed_part`] was
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
        let mut r = Reader {
            bytes: part.message,
        };
        let header = r.take(HEADER_LEN)?;
        let (name, commune, list, drawing) = (r.chunk()?, r.chunk()?, r.chunk()?, r.chunk()?);

        // Signed: now every field must follow the rules.
        let mask = u32::from_le_bytes([header[3], header[4], header[5], 0]);
        let selection =
            Selection::from_bits(mask).ok_or(LinkError::new(LinkErrorKind::Malformed))?;
        // Signed under an earlier version: only the commitments it had.
        let campaign = [header[1], header[2]];
        let earlier = version_of(campaign).ok_or(LinkError::new(LinkErrorKind::UnknownCampaign))?;
        if let Some(v) = earlier {
            if u64::from(mask) >> v.commitments != 0 {
                return err(LinkErrorKind::Malformed);
            }
        }
        let role = match header[6] {
            0 => None,
            1 => Some(Role::HeadOfList),
            2 => Some(Role::RunningMate),
            3 => Some(Role::Candidate),
            _ => return err(LinkErrorKind::Malformed),
        };
        let date = SigningDate::from_days(u16::from_le_bytes([header[7], header[8]]));
        // The candidate-text rule, as at signing: a link a careful signer
        // could not have made is refused with its own reason.
        let text = |b: &[u8]| {
            let t = std::str::from_utf8(b).map_err(|_| LinkError::new(LinkErrorKind::Malformed))?;
            if candidate_text::fault(t).is_some() || !candidate_text::is_readable(t) {
                return err(LinkErrorKind::ForbiddenText);
            }
            Ok(t.to_owned())
        };
        let identity = Identity {
            name: text(name)?,
            commune: text(commune)?,
            list: text(list)?,
            role,
        };
        let drawing = match drawing {
            [] => None,
            d => Some(
                DrawnSignature::from_bytes(d)
                    .map_err(|_| LinkError::new(LinkErrorKind::Malformed))?,
            ),
        };
        let pledge = Pledge::as_read(selection, &identity, date, drawing)
            .map_err(|_: Field| LinkError::new(LinkErrorKind::Malformed))?;
        // Only canonical content: texts as `Pledge::new` makes them.
        if body_for(campaign, &pledge, &public_key) != part.message {
            return err(LinkErrorKind::Malformed);
        }
        Ok(VerifiedPledge {
            pledge,
            public_key,
            earlier,
        })
    }
}

impl Decoder<VerifiedPledge> for PayloadV1 {
    type Encoded = [u8];
    type Error = LinkError;

    /// Checks, in order: size, version, campaign, that the link is whole,
    /// the signature (strict Ed25519, in Rust), then every field. So a
    /// change anywhere is reported as a change, not as whatever the changed
    /// byte happens to break.
    fn decode(bytes: &[u8]) -> Result<VerifiedPledge, LinkError> {
        let part = PayloadV1::signed_part(bytes)?;
        let valid = part.public_key.verifies(part.message, &part.signature);
        PayloadV1::read_checked(&part, valid)
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
        PayloadV1::decode(bytes)
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
            let bytes = PayloadV1::encode(&s);
            let back = decode(&bytes).unwrap();
            assert_eq!(back, s.verified());
            assert_eq!(PayloadV1::encode(&s), bytes, "deterministic");
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
        assert!(decode(&PayloadV1::encode(&s)).is_ok());
    }

    /// What a forger's own tool could sign: the fields as given, unchecked.
    fn forged(name: &str, commune: &str, list: &str) -> Vec<u8> {
        let pledge = Pledge {
            selection: Selection::EMPTY,
            name: name.into(),
            commune: commune.into(),
            list: list.into(),
            role: Some(Role::HeadOfList),
            date: date(),
            drawing: None,
        };
        PayloadV1::encode(&pledge.sign(&PledgeKey::from_seed([7; 32])))
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
        assert!(decode(&PayloadV1::encode(&s)).is_ok());
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
                    let bytes = PayloadV1::encode(&p.sign(&PledgeKey::from_seed([7; 32])));
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
        let back = decode(&PayloadV1::encode(&s)).unwrap();
        assert_eq!(back.pledge().commune(), "Saint-Étienne");
    }

    #[test]
    fn every_single_bit_flip_is_rejected() {
        let s = signed(
            Selection::from_bits(0b1011).unwrap(),
            &identity(
                "Camille Dupont",
                "Saint-Étienne",
                "Liste",
                Some(Role::RunningMate),
            ),
            Some(drawing()),
        );
        let bytes = PayloadV1::encode(&s);
        assert!(bytes.len() > 300, "the test covers a drawing too");
        for i in 0..bytes.len() {
            for bit in 0..8 {
                let mut flipped = bytes.clone();
                flipped[i] ^= 1 << bit;
                assert!(
                    decode(&flipped).is_err(),
                    "flip of byte {i} bit {bit} accepted"
                );
            }
        }
    }

    #[test]
    fn errors_say_what_went_wrong() {
        let s = signed(
            Selection::EMPTY,
            &identity("Camille", "Lyon", "", None),
            None,
        );
        let bytes = PayloadV1::encode(&s);
        assert_eq!(kind(&[]), LinkErrorKind::Truncated);
        let mut v2 = bytes.clone();
        v2[0] = 2;
        assert_eq!(kind(&v2), LinkErrorKind::UnknownVersion(2));
        let mut other = bytes.clone();
        other[1] ^= 0xff;
        assert_eq!(kind(&other), LinkErrorKind::UnknownCampaign);
        assert_eq!(kind(&bytes[..bytes.len() - 1]), LinkErrorKind::Truncated);
        assert_eq!(kind(&bytes[..20]), LinkErrorKind::Truncated);
        let mut name = bytes.clone();
        name[HEADER_LEN + 1] = b'K';
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
        let mut bytes = body(&p, &key.public());
        let sig = key.sign(&bytes);
        bytes.extend(sig);
        bytes
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
        assert!(decode(&PayloadV1::encode(&max)).is_ok());
        assert!(PayloadV1::encode(&max).len() <= MAX_PAYLOAD_BYTES);
    }

    #[test]
    fn signed_but_invalid_fields_are_malformed() {
        let mut bad_role = signed_raw(|_| {});
        bad_role[6] = 4;
        // Re-sign so that only the rule is broken.
        let key = PledgeKey::from_seed([9; 32]);
        let n = bad_role.len() - 64;
        let sig = key.sign(&bad_role[..n]);
        bad_role[n..].copy_from_slice(&sig);
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
