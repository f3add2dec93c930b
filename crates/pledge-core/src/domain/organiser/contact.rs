//! The campaign's organiser (pinned at build time by the widget from the
//! deployment's settings file: `build.rs`, the widget's `settings` module
//! and the README's « Organiser » steps): its name, the address candidates send their pledges to, and the public
//! key that signs the list of pledges. Each part is optional: no contact,
//! no « send to the organiser » button; no key, no list, no wall.

use crate::domain::pledge::keys::PublicKey;

/// The organiser as this build knows it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Organiser {
    /// Shown as « vérifié par … ».
    pub name: &'static str,
    /// Where candidates send their pledge (`mailto:`), if anywhere.
    pub contact: Option<&'static str>,
    /// The key the published list must be signed with.
    pub public_key: Option<PublicKey>,
}

impl Organiser {
    /// A `mailto:` link to the organiser with this subject and body, or
    /// `None` without a contact address. Everything but unreserved
    /// characters is percent-encoded (RFC 6068), so no text can add a
    /// header or a recipient.
    pub fn mailto(&self, subject: &str, body: &str) -> Option<String> {
        let contact = self.contact?;
        Some(format!(
            "mailto:{contact}?subject={}&body={}",
            percent_encode(subject),
            percent_encode(&body.replace("\r\n", "\n").replace('\n', "\r\n"))
        ))
    }
}

fn percent_encode(text: &str) -> String {
    let mut out = String::with_capacity(text.len() * 3);
    for b in text.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~') {
            out.push(char::from(b));
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn organiser(contact: Option<&'static str>) -> Organiser {
        Organiser {
            name: "Coorace (TEST)",
            contact,
            public_key: None,
        }
    }

    #[test]
    fn mailto_encodes_everything_that_could_add_a_header() {
        let link = organiser(Some("engagements@example.org"))
            .mailto(
                "Mon engagement & le vôtre?",
                "Lien : https://w.example/#e=AZ-_\nbcc: x@evil\r\nFin",
            )
            .unwrap();
        assert_eq!(
            link,
            "mailto:engagements@example.org?subject=Mon%20engagement%20%26%20le%20v%C3%B4tre%3F\
             &body=Lien%20%3A%20https%3A%2F%2Fw.example%2F%23e%3DAZ-_%0D%0Abcc%3A%20x%40evil%0D%0AFin"
        );
        // Only the one recipient, one `?`, one subject and one body.
        assert_eq!(link.matches('?').count(), 1);
        assert_eq!(link.matches('&').count(), 1);
    }

    #[test]
    fn no_contact_no_mailto() {
        assert_eq!(organiser(None).mailto("s", "b"), None);
    }
}
