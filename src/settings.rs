//! This deployment's settings, pinned at build time: `build.rs` reads
//! `widget-settings.json` (or the file `PW_WIDGET_SETTINGS` names) and writes
//! `$OUT_DIR/organiser.rs`, read here. What a deployment pins is the
//! widget's business, not the pure core's: the core's [`Organiser`] is
//! plain data.

use crate::domain::{Organiser, PublicKey};

/// What `build.rs` writes from the settings.
struct Pinned {
    name: &'static str,
    contact: &'static str,
    public_key: Option<[u8; 32]>,
}

include!(concat!(env!("OUT_DIR"), "/organiser.rs"));

/// The organiser pinned in this build's settings, if any.
pub fn pinned_organiser() -> Option<Organiser> {
    PINNED.as_ref().map(|p| Organiser {
        name: p.name,
        contact: (!p.contact.is_empty()).then_some(p.contact),
        public_key: p.public_key.map(PublicKey::from_bytes),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The build pinned what the settings file it read says.
    #[test]
    fn pinned_is_what_the_settings_say() {
        let path = option_env!("PW_WIDGET_SETTINGS").unwrap_or("widget-settings.json");
        let text = std::fs::read_to_string(format!("{}/{path}", env!("CARGO_MANIFEST_DIR")))
            .unwrap_or_else(|_| "{}".into());
        let settings: serde_json::Value = serde_json::from_str(&text).unwrap();
        match (pinned_organiser(), settings.get("organiser")) {
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
