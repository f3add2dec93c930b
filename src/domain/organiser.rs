//! The campaign's organiser, pinned at build time from the deployment's
//! settings file (see `build.rs` and the README's « Organiser » steps):
//! its name, the address candidates send their pledges to, and the public
//! key that signs the list of pledges. Each part is optional: no contact,
//! no « send to the organiser » button; no key, no list, no wall.

use super::PublicKey;

/// What `build.rs` writes from the settings.
struct Pinned {
    name: &'static str,
    contact: &'static str,
    public_key: Option<[u8; 32]>,
}

include!(concat!(env!("OUT_DIR"), "/organiser.rs"));

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
    /// The organiser pinned in this build's settings, if any.
    pub fn pinned() -> Option<Organiser> {
        PINNED.as_ref().map(|p| Organiser {
            name: p.name,
            contact: (!p.contact.is_empty()).then_some(p.contact),
            public_key: p.public_key.map(PublicKey::from_bytes),
        })
    }

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

#[cfg(test)]
mod pinned_tests {
    use super::*;

    /// The build pinned what the settings file it read says.
    #[test]
    fn pinned_is_what_the_settings_say() {
        let path = option_env!("PW_WIDGET_SETTINGS").unwrap_or("widget-settings.json");
        let text = std::fs::read_to_string(format!("{}/{path}", env!("CARGO_MANIFEST_DIR")))
            .unwrap_or_else(|_| "{}".into());
        let settings: serde_json::Value = serde_json::from_str(&text).unwrap();
        match (Organiser::pinned(), settings.get("organiser")) {
            (None, None) => {}
            (Some(o), Some(s)) => {
                assert_eq!(o.name, s["name"].as_str().unwrap());
                assert_eq!(o.contact, s["contact"].as_str().filter(|c| !c.is_empty()));
                assert_eq!(
                    o.public_key.map(PublicKey::to_text).as_deref(),
                    s["public_key"].as_str().filter(|k| !k.is_empty())
                );
            }
            other => panic!("pinned and settings disagree: {other:?}"),
        }
    }
}
