//! Where a candidate can share their pledge, as plain URLs: no SDK, no
//! request, just links that open each network's own share page.

/// A network or app to share the link on.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ShareTarget {
    X,
    Facebook,
    LinkedIn,
    WhatsApp,
    Bluesky,
    /// Mastodon needs the candidate's own instance (a host name).
    Mastodon(String),
    Email,
}

impl ShareTarget {
    /// Every target that needs nothing more than the text and link.
    pub const DIRECT: [ShareTarget; 6] = [
        ShareTarget::X,
        ShareTarget::Facebook,
        ShareTarget::LinkedIn,
        ShareTarget::WhatsApp,
        ShareTarget::Bluesky,
        ShareTarget::Email,
    ];

    pub fn name(&self) -> &'static str {
        match self {
            ShareTarget::X => "X",
            ShareTarget::Facebook => "Facebook",
            ShareTarget::LinkedIn => "LinkedIn",
            ShareTarget::WhatsApp => "WhatsApp",
            ShareTarget::Bluesky => "Bluesky",
            ShareTarget::Mastodon(_) => "Mastodon",
            ShareTarget::Email => "E-mail",
        }
    }

    /// The share page for `text` and `link` (`subject` is the e-mail's).
    pub fn url(&self, text: &str, link: &str, subject: &str) -> String {
        let with_link = format!("{text} {link}");
        match self {
            ShareTarget::X => format!(
                "https://x.com/intent/tweet?text={}&url={}",
                percent_encode(text),
                percent_encode(link)
            ),
            ShareTarget::Facebook => {
                format!(
                    "https://www.facebook.com/sharer/sharer.php?u={}",
                    percent_encode(link)
                )
            }
            ShareTarget::LinkedIn => format!(
                "https://www.linkedin.com/sharing/share-offsite/?url={}",
                percent_encode(link)
            ),
            ShareTarget::WhatsApp => format!("https://wa.me/?text={}", percent_encode(&with_link)),
            ShareTarget::Bluesky => {
                format!(
                    "https://bsky.app/intent/compose?text={}",
                    percent_encode(&with_link)
                )
            }
            ShareTarget::Mastodon(instance) => {
                format!(
                    "https://{instance}/share?text={}",
                    percent_encode(&with_link)
                )
            }
            ShareTarget::Email => format!(
                "mailto:?subject={}&body={}",
                percent_encode(subject),
                percent_encode(&format!("{text}\n\n{link}"))
            ),
        }
    }
}

/// The host name of a Mastodon instance as a person may type it
/// ("mastodon.social", "@me@mastodon.social", "https://piaille.fr/"), or
/// `None` if it is not a plausible host name.
pub fn mastodon_instance(input: &str) -> Option<String> {
    let s = input.trim();
    let s = s
        .strip_prefix("https://")
        .or_else(|| s.strip_prefix("http://"))
        .unwrap_or(s);
    let s = s.split('/').next().unwrap_or_default();
    // "@me@host" and "me@host" name an account on the host.
    let host = s
        .rsplit('@')
        .next()
        .unwrap_or_default()
        .to_ascii_lowercase();
    let labels_ok = host.split('.').all(|l| {
        !l.is_empty()
            && l.len() <= 63
            && !l.starts_with('-')
            && !l.ends_with('-')
            && l.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
    });
    (host.contains('.') && host.len() <= 253 && labels_ok).then_some(host)
}

/// Percent-encodes everything but the unreserved characters (RFC 3986), as
/// `encodeURIComponent` does, for query values.
pub fn percent_encode(s: &str) -> String {
    let mut out = String::with_capacity(s.len() * 3);
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b'~') {
            out.push(char::from(b));
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// The lower case of a Latin letter (ASCII, Latin-1, « Œ », « Ÿ »); any
/// other character as it is. Enough for [`file_slug`], which keeps only
/// these, and without the 11 KB of Unicode case tables that
/// `char::to_lowercase` brings into the wasm.
fn latin_lowercase(c: char) -> char {
    match c {
        'A'..='Z' => c.to_ascii_lowercase(),
        'À'..='Þ' if c != '×' => char::from_u32(u32::from(c) + 0x20).unwrap_or(c),
        'Œ' => 'œ',
        'Ÿ' => 'ÿ',
        _ => c,
    }
}

/// A file-name-safe slug of a name: "Zoé Ñúñez" → "zoe-nunez".
pub fn file_slug(name: &str) -> String {
    let mut slug = String::new();
    for c in name.chars().map(latin_lowercase) {
        let mapped = match c {
            'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' => 'a',
            'ç' => 'c',
            'è' | 'é' | 'ê' | 'ë' => 'e',
            'ì' | 'í' | 'î' | 'ï' => 'i',
            'ñ' => 'n',
            'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' => 'o',
            'ù' | 'ú' | 'û' | 'ü' => 'u',
            'ý' | 'ÿ' => 'y',
            'œ' => 'o',
            'æ' => 'a',
            c if c.is_ascii_alphanumeric() => c,
            _ => '-',
        };
        if mapped != '-' || !slug.ends_with('-') {
            slug.push(mapped);
        }
    }
    let slug: String = slug.trim_matches('-').chars().take(40).collect();
    let slug = slug.trim_end_matches('-').to_owned();
    if slug.is_empty() {
        "candidat".into()
    } else {
        slug
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const LINK: &str = "https://example.org/w/#e=AZ_-9";

    #[test]
    fn urls_carry_the_text_and_the_link_encoded() {
        let text = "Je m'engage #Municipales2020 : 5/20 & plus";
        let x = ShareTarget::X.url(text, LINK, "s");
        assert_eq!(
            x,
            "https://x.com/intent/tweet?text=Je%20m%27engage%20%23Municipales2020%20%3A%205%2F20%20%26%20plus&url=https%3A%2F%2Fexample.org%2Fw%2F%23e%3DAZ_-9"
        );
        assert!(ShareTarget::Facebook
            .url(text, LINK, "s")
            .ends_with("?u=https%3A%2F%2Fexample.org%2Fw%2F%23e%3DAZ_-9"));
        assert!(ShareTarget::WhatsApp
            .url(text, LINK, "s")
            .contains("%23Municipales2020"));
        assert!(ShareTarget::Bluesky
            .url(text, LINK, "s")
            .starts_with("https://bsky.app/intent/compose?text="));
        let mail = ShareTarget::Email.url(text, LINK, "Mon engagement");
        assert!(mail.starts_with("mailto:?subject=Mon%20engagement&body="));
        assert!(mail.contains("%0A%0Ahttps%3A"));
        assert_eq!(
            ShareTarget::Mastodon("piaille.fr".into()).url("t", LINK, ""),
            "https://piaille.fr/share?text=t%20https%3A%2F%2Fexample.org%2Fw%2F%23e%3DAZ_-9"
        );
    }

    #[test]
    fn mastodon_instances_are_host_names_only() {
        assert_eq!(
            mastodon_instance("mastodon.social").as_deref(),
            Some("mastodon.social")
        );
        assert_eq!(
            mastodon_instance(" https://Piaille.fr/@moi ").as_deref(),
            Some("piaille.fr")
        );
        assert_eq!(
            mastodon_instance("@moi@mamot.fr").as_deref(),
            Some("mamot.fr")
        );
        for bad in [
            "",
            "localhost",
            "javascript:alert(1)",
            "evil.com\"><script>",
            "a..b",
            "-a.fr",
            "x y.fr",
        ] {
            assert_eq!(mastodon_instance(bad), None, "{bad}");
        }
    }

    #[test]
    fn file_slugs_are_safe() {
        assert_eq!(file_slug("Zoé Ñúñez"), "zoe-nunez");
        assert_eq!(file_slug("  Jean--Pierre  L'Œuvre "), "jean-pierre-l-ouvre");
        assert_eq!(file_slug("王小明"), "candidat");
        assert_eq!(
            file_slug("ÉLOÏSE ÇA ŒUVRE ŸVES ÀÆ"),
            "eloise-ca-ouvre-yves-aa"
        );
        assert_eq!(file_slug("Σοφία × Ølstad"), "olstad");
        assert_eq!(file_slug("../../etc/passwd"), "etc-passwd");
        assert!(file_slug(&"a".repeat(100)).len() <= 40);
    }
}
