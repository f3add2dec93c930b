use crate::domain::pledge::codec::{Base64, Base64Error, Decoder, Encoder};
use crate::domain::pledge::payload::{LinkError, LinkErrorKind, Payload, MAX_PAYLOAD_BYTES};
use crate::domain::pledge::signed_pledge::{SignedPledge, VerifiedPledge};

/// The link to a signed pledge: the widget's own page with the payload in
/// the fragment (`#e=…`), which browsers never send to a server.
pub struct ShareLink;

/// What a page's fragment holds.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Fragment {
    /// No pledge link: show the candidate's own journey.
    None,
    /// A pledge link, valid or not.
    Pledge(Result<VerifiedPledge, LinkError>),
}

impl ShareLink {
    /// What starts the fragment of a pledge link.
    pub const MARKER: &'static str = "e=";

    /// The link for `signed`, on the page at `page_url` (any fragment of
    /// `page_url` is dropped).
    pub fn build(page_url: &str, signed: &SignedPledge) -> String {
        let base = page_url.split('#').next().unwrap_or_default();
        format!(
            "{base}#{}{}",
            Self::MARKER,
            Base64::<Payload>::encode(signed)
        )
    }

    /// The payload as text, as it stands after the marker.
    pub fn payload_text(signed: &SignedPledge) -> String {
        Base64::<Payload>::encode(signed)
    }

    /// The payload text of payload bytes.
    pub fn payload_text_of(bytes: &[u8]) -> String {
        use base64::{engine::general_purpose::URL_SAFE_NO_PAD, Engine};
        URL_SAFE_NO_PAD.encode(bytes)
    }

    /// The link on the page at `page_url` for a payload text.
    pub fn with_payload(page_url: &str, payload_text: &str) -> String {
        let base = page_url.split('#').next().unwrap_or_default();
        format!("{base}#{}{payload_text}", Self::MARKER)
    }

    /// Whether a page's fragment (with or without its `#`) holds a pledge,
    /// valid or not: what [`ShareLink::read`] would answer with
    /// [`Fragment::Pledge`], without decoding or verifying anything.
    pub fn holds_pledge(fragment: &str) -> bool {
        let fragment = fragment.strip_prefix('#').unwrap_or(fragment);
        fragment.starts_with(Self::MARKER)
    }

    /// Reads a page's fragment, with or without its leading `#`, and checks
    /// its signature in Rust.
    pub fn read(fragment: &str) -> Fragment {
        match ShareLink::payload(fragment) {
            None => Fragment::None,
            Some(bytes) => Fragment::Pledge(bytes.and_then(|b| Payload::decode(&b))),
        }
    }

    /// The payload bytes a fragment carries (`None`: not a pledge link),
    /// decoded from base64url but not checked: for a reader that checks the
    /// signature elsewhere (see [`Payload::signed_part`]).
    pub fn payload(fragment: &str) -> Option<Result<Vec<u8>, LinkError>> {
        let fragment = fragment.strip_prefix('#').unwrap_or(fragment);
        let payload = fragment.strip_prefix(Self::MARKER)?;
        // Some apps add a trailing slash or spaces when they linkify.
        let payload = payload.trim().trim_end_matches('/');
        if payload.len() > MAX_PAYLOAD_BYTES.div_ceil(3) * 4 {
            return Some(Err(LinkError::new(LinkErrorKind::TooLong)));
        }
        // Only base64url characters, but not a whole encoding (a length no
        // encoding has, or a last character with bits that no encoder
        // sets): cut short while copied, as a link that ends mid-way is.
        let alphabet = |b: u8| b.is_ascii_alphanumeric() || b == b'-' || b == b'_';
        let cut = payload.bytes().all(alphabet);
        Some(Base64::<Raw>::decode(payload).map_err(|e| match e {
            Base64Error::Base64 if cut => LinkError::new(LinkErrorKind::Truncated),
            Base64Error::Base64 => LinkError::new(LinkErrorKind::Encoding),
            Base64Error::Inner(never) => match never {},
        }))
    }
}

/// Bytes as they are: the identity codec under [`Base64`].
struct Raw;

impl Decoder<Vec<u8>> for Raw {
    type Encoded = [u8];
    type Error = std::convert::Infallible;
    fn decode(bytes: &[u8]) -> Result<Vec<u8>, Self::Error> {
        Ok(bytes.to_vec())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn holds_pledge_agrees_with_read() {
        let link = ShareLink::build("https://example.org/w/", &signed());
        let fragment = link.split_once('#').unwrap().1.to_owned();
        for f in [
            String::new(),
            "#".into(),
            "#top".into(),
            "e".into(),
            "#e=".into(),
            "e=AAAA".into(),
            format!("#{fragment}"),
            fragment.clone(),
            format!("#x{fragment}"),
        ] {
            let read = matches!(ShareLink::read(&f), Fragment::Pledge(_));
            assert_eq!(ShareLink::holds_pledge(&f), read, "{f:?}");
        }
    }
    use crate::domain::journey::identity::Identity;
    use crate::domain::journey::selection::Selection;
    use crate::domain::pledge::keys::PledgeKey;
    use crate::domain::pledge::signed_pledge::Pledge;
    use crate::domain::signing_date::SigningDate;

    fn signed() -> SignedPledge {
        let id = Identity {
            name: "Camille".into(),
            commune: "Lyon".into(),
            commune_code: None,
            ..Identity::default()
        };
        Pledge::new(Selection::EMPTY, &id, SigningDate::from_days(10), None)
            .unwrap()
            .sign(&PledgeKey::from_seed([1; 32]))
    }

    #[test]
    fn links_replace_the_page_fragment() {
        let link = ShareLink::build("https://a.example/w/?lang=fr#e=old", &signed());
        assert!(link.starts_with("https://a.example/w/?lang=fr#e="));
        assert!(!link.contains("old"));
    }

    #[test]
    fn other_fragments_are_not_pledge_links() {
        assert_eq!(ShareLink::read(""), Fragment::None);
        assert_eq!(ShareLink::read("#"), Fragment::None);
        assert_eq!(ShareLink::read("#top"), Fragment::None);
    }

    #[test]
    fn a_link_reads_back_with_or_without_hash_and_linkifier_debris() {
        let s = signed();
        let text = ShareLink::payload_text(&s);
        for fragment in [
            format!("#e={text}"),
            format!("e={text}"),
            format!("e={text}/"),
            format!("e={text} "),
        ] {
            assert_eq!(
                ShareLink::read(&fragment),
                Fragment::Pledge(Ok(s.verified())),
                "{fragment}"
            );
        }
    }

    #[test]
    fn broken_links_say_why() {
        let text = ShareLink::payload_text(&signed());
        let kind = |f: &str| match ShareLink::read(f) {
            Fragment::Pledge(Err(e)) => e.kind(),
            other => panic!("{other:?}"),
        };
        assert_eq!(kind("e="), LinkErrorKind::Truncated);
        assert_eq!(
            kind(&format!("e={}", &text[..text.len() - 1])),
            LinkErrorKind::Truncated
        );
        assert_eq!(
            kind(&format!("e={}", &text[..40])),
            LinkErrorKind::Truncated
        );
        assert_eq!(kind("e=ab$c"), LinkErrorKind::Encoding);
        // Cut anywhere: the last character's spare bits may be set, or the
        // length be one no encoding has; either way it is cut, not forged.
        for cut in 1..30 {
            assert_eq!(
                kind(&format!("e={}", &text[..text.len() - cut])),
                LinkErrorKind::Truncated,
                "{cut} characters cut"
            );
        }
        assert_eq!(
            kind(&format!("e={}", "A".repeat(5000))),
            LinkErrorKind::TooLong
        );
        let mut altered: Vec<char> = text.chars().collect();
        altered[20] = if altered[20] == 'A' { 'B' } else { 'A' };
        let altered: String = altered.into_iter().collect();
        assert_eq!(
            kind(&format!("e={altered}")),
            LinkErrorKind::SignatureMismatch
        );
    }
}
