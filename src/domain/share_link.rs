use super::codec::{Base64, Base64Error, Decoder, Encoder};
use super::payload::{LinkError, LinkErrorKind, PayloadV1, MAX_PAYLOAD_BYTES};
use super::{SignedPledge, VerifiedPledge};

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
            Base64::<PayloadV1>::encode(signed)
        )
    }

    /// Reads a page's fragment, with or without its leading `#`.
    pub fn read(fragment: &str) -> Fragment {
        let fragment = fragment.strip_prefix('#').unwrap_or(fragment);
        let Some(payload) = fragment.strip_prefix(Self::MARKER) else {
            return Fragment::None;
        };
        // Some apps add a trailing slash or spaces when they linkify.
        let payload = payload.trim().trim_end_matches('/');
        if payload.len() > MAX_PAYLOAD_BYTES.div_ceil(3) * 4 {
            return Fragment::Pledge(Err(LinkError::new(LinkErrorKind::TooLong)));
        }
        Fragment::Pledge(Base64::<PayloadV1>::decode(payload).map_err(|e| match e {
            Base64Error::Base64 if payload.len() % 4 == 1 => {
                LinkError::new(LinkErrorKind::Truncated)
            }
            Base64Error::Base64 => LinkError::new(LinkErrorKind::Encoding),
            Base64Error::Inner(e) => e,
        }))
    }
}
