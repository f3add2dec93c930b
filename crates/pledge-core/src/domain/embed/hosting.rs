//! Where the widget is served from, as far as the key is concerned.
//!
//! The candidate's secret key lives in the origin's storage: every page of
//! the same origin (scheme, host and port) can read it. The widget cannot
//! see what else an origin serves, so it judges from its own address: at
//! the root of a host of its own, it assumes the origin is its own; in a
//! sub-folder, or on a host known to serve many people's sites under one
//! origin, it cannot rule out other pages and says so in the key panel.

/// How the widget's origin may be shared, judged from its address.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum OriginSharing {
    /// Served at the root of its host: assumed to be its own origin.
    OwnOrigin,
    /// Served from a folder of a site (`https://example.org/engagements/`):
    /// other pages of that site share its storage.
    SubFolder,
    /// A host that serves many projects under one origin
    /// (`user.github.io/a/`, `user.github.io/b/` are one origin).
    SharedHost,
    /// Local development (localhost, 127.0.0.1, `file:`): no warning.
    Local,
}

/// Hosts whose sites are folders of one origin per account.
const SHARED_HOST_SUFFIXES: [&str; 2] = [".github.io", ".gitlab.io"];

impl OriginSharing {
    /// Judges `page_url` (the widget's own address, without fragment).
    pub fn of(page_url: &str) -> OriginSharing {
        let Some((scheme, rest)) = page_url.split_once("://") else {
            return OriginSharing::Local;
        };
        if !scheme.eq_ignore_ascii_case("https") && !scheme.eq_ignore_ascii_case("http") {
            return OriginSharing::Local;
        }
        let end = rest.find(['/', '?', '#']).unwrap_or(rest.len());
        let (authority, path) = rest.split_at(end);
        let host = authority
            .rsplit_once('@')
            .map_or(authority, |(_, h)| h)
            .to_ascii_lowercase();
        let host = match host.strip_prefix('[') {
            Some(v6) => v6.split(']').next().unwrap_or_default().to_owned(),
            None => host.split(':').next().unwrap_or_default().to_owned(),
        };
        let host = host.trim_end_matches('.');
        if host == "localhost"
            || host.ends_with(".localhost")
            || host == "::1"
            || host.starts_with("127.")
        {
            return OriginSharing::Local;
        }
        if SHARED_HOST_SUFFIXES.iter().any(|s| host.ends_with(s)) {
            return OriginSharing::SharedHost;
        }
        let path = path.split(['?', '#']).next().unwrap_or_default();
        match path {
            "" | "/" | "/index.html" => OriginSharing::OwnOrigin,
            _ => OriginSharing::SubFolder,
        }
    }

    /// The origin part of `page_url` (`https://example.org`), as shown.
    pub fn origin(page_url: &str) -> &str {
        let start = page_url.find("://").map_or(0, |i| i + 3);
        let end = page_url[start..]
            .find(['/', '?', '#'])
            .map_or(page_url.len(), |i| start + i);
        &page_url[..end]
    }

    /// Whether the key panel should warn that other pages may read the key.
    pub fn warns(self) -> bool {
        matches!(self, OriginSharing::SubFolder | OriginSharing::SharedHost)
    }
}

/// What a partner's frame's storage is to the widget's own page.
///
/// A frame of another site gets storage apart from the widget's own page:
/// Firefox and Safari partition it by the top-level site, Chromium
/// partitions it (Chrome 115 and later) or refuses it (third-party cookies
/// blocked). The widget never asks for storage access, so in a cross-site
/// frame whose storage works, the answers are kept for that partner site
/// only. See ARCHITECTURE.md, "One key, whichever site".
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FrameStorage {
    /// Top level, or a frame of the widget's own site: one storage.
    Shared,
    /// A frame of another site: its storage is kept for that site only.
    Partitioned,
    /// Nothing tells (no ancestor origin, no referrer, no Storage Access
    /// API): said nothing about.
    Unknown,
}

/// Suffixes under which each name is someone else's site (a few of the
/// public suffix list's multi-label entries, those a partner is likely on).
const MULTI_LABEL_SUFFIXES: [&str; 10] = [
    "asso.fr",
    "gouv.fr",
    "com.fr",
    "co.uk",
    "org.uk",
    "github.io",
    "gitlab.io",
    "netlify.app",
    "pages.dev",
    "vercel.app",
];

/// The site of an origin (`https://www.coorace.org:8443` → `https`,
/// `coorace.org`): scheme and registrable name, approximated with the few
/// multi-label suffixes above; an IP address or a one-label host is its own
/// site. `None` for what is not an http(s) origin.
fn site(origin: &str) -> Option<(String, String)> {
    let (scheme, rest) = origin.split_once("://")?;
    let scheme = scheme.to_ascii_lowercase();
    if scheme != "https" && scheme != "http" {
        return None;
    }
    let authority = rest.split(['/', '?', '#']).next().unwrap_or_default();
    let host = authority
        .rsplit_once('@')
        .map_or(authority, |(_, h)| h)
        .to_ascii_lowercase();
    let host = match host.strip_prefix('[') {
        Some(v6) => return Some((scheme, v6.split(']').next()?.to_owned())),
        None => host.split(':').next().unwrap_or_default(),
    };
    let host = host.trim_end_matches('.');
    if host.is_empty() {
        return None;
    }
    let is_ip = host.bytes().all(|b| b.is_ascii_digit() || b == b'.');
    let labels: Vec<&str> = host.split('.').collect();
    let keep = if MULTI_LABEL_SUFFIXES
        .iter()
        .any(|s| host.ends_with(&format!(".{s}")))
    {
        3
    } else {
        2
    };
    let name = if is_ip || labels.len() <= keep {
        host.to_owned()
    } else {
        labels[labels.len() - keep..].join(".")
    };
    Some((scheme, name))
}

impl FrameStorage {
    /// Judges a frame of the widget at `own_origin` from what the browser
    /// tells: the top-level page's origin (`location.ancestorOrigins`, or
    /// the referrer), and `document.hasStorageAccess()` where it exists.
    pub fn judge(
        own_origin: &str,
        top_origin: Option<&str>,
        has_storage_access: Option<bool>,
    ) -> FrameStorage {
        if let Some(top) = top_origin.filter(|t| !t.is_empty() && *t != "null") {
            return match (site(own_origin), site(top)) {
                (Some(own), Some(top)) if own == top => FrameStorage::Shared,
                (Some(_), Some(_)) => FrameStorage::Partitioned,
                _ => FrameStorage::Unknown,
            };
        }
        match has_storage_access {
            // Engines that say so: this frame has its own storage.
            Some(false) => FrameStorage::Partitioned,
            // Firefox grants all storage with access; others cookies only.
            _ => FrameStorage::Unknown,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::OriginSharing::{self, *};
    use super::{site, FrameStorage};

    #[test]
    fn judges_the_origin_from_the_address() {
        for (url, expected) in [
            ("https://engagements.coorace.org/", OwnOrigin),
            ("https://engagements.coorace.org", OwnOrigin),
            (
                "https://engagements.coorace.org/index.html?lang=en",
                OwnOrigin,
            ),
            ("https://engagements.coorace.org/?embed=1", OwnOrigin),
            ("https://coorace.org/engagements/", SubFolder),
            ("https://coorace.org/engagements/index.html", SubFolder),
            ("https://coorace.github.io/widget/", SharedHost),
            ("https://coorace.github.io/", SharedHost),
            ("https://COORACE.GitHub.IO./", SharedHost),
            ("https://group.gitlab.io/w/", SharedHost),
            ("http://127.0.0.1:8080/", Local),
            ("http://localhost:8080/sub/", Local),
            ("http://[::1]:8080/", Local),
            ("file:///home/x/dist/index.html", Local),
            ("https://user:pw@example.org:8443/", OwnOrigin),
            ("https://evil.example/x.github.io/", SubFolder),
        ] {
            assert_eq!(OriginSharing::of(url), expected, "{url}");
        }
        assert_eq!(
            OriginSharing::origin("https://coorace.org/engagements/?x#y"),
            "https://coorace.org"
        );
        assert_eq!(
            OriginSharing::origin("https://a.github.io"),
            "https://a.github.io"
        );
        assert!(SubFolder.warns() && SharedHost.warns());
        assert!(!OwnOrigin.warns() && !Local.warns());
    }

    #[test]
    fn never_panics_on_odd_addresses() {
        for url in [
            "",
            "://",
            "https://",
            "https://[",
            "https://[::1",
            "https://a:b:c/",
            "https:///x",
        ] {
            let _ = OriginSharing::of(url);
            let _ = FrameStorage::judge(url, Some(url), None);
            let _ = site(url);
        }
    }

    #[test]
    fn a_frame_of_another_site_has_storage_apart() {
        let own = "https://engagements.coorace.org";
        for (top, expected) in [
            // The widget's own site, whichever sub-domain: one storage.
            ("https://engagements.coorace.org", FrameStorage::Shared),
            ("https://www.coorace.org", FrameStorage::Shared),
            ("https://coorace.org:8443", FrameStorage::Shared),
            ("HTTPS://COORACE.ORG.", FrameStorage::Shared),
            // Another site, or the same name without TLS (schemeful).
            ("https://reseau-insertion.fr", FrameStorage::Partitioned),
            ("https://coorace.fr", FrameStorage::Partitioned),
            ("http://coorace.org", FrameStorage::Partitioned),
            ("https://evilcoorace.org", FrameStorage::Partitioned),
            // Nothing usable: the access answer decides, if any.
            ("null", FrameStorage::Unknown),
            ("", FrameStorage::Unknown),
        ] {
            assert_eq!(FrameStorage::judge(own, Some(top), None), expected, "{top}");
        }
        assert_eq!(
            FrameStorage::judge(own, Some("file:///x.html"), None),
            FrameStorage::Unknown
        );
        // Multi-label suffixes: two associations are two sites.
        assert_eq!(
            FrameStorage::judge(
                "https://coorace.asso.fr",
                Some("https://www.partenaire.asso.fr"),
                None
            ),
            FrameStorage::Partitioned
        );
        assert_eq!(
            FrameStorage::judge(
                "https://widget.coorace.asso.fr",
                Some("https://coorace.asso.fr"),
                None
            ),
            FrameStorage::Shared
        );
        assert_eq!(
            FrameStorage::judge("https://a.github.io", Some("https://b.github.io"), None),
            FrameStorage::Partitioned
        );
        // IP addresses and local names are sites of their own (the e2e
        // partners: localhost and 127.0.0.2 around 127.0.0.1).
        for top in ["http://localhost:4000", "http://127.0.0.2:4000"] {
            assert_eq!(
                FrameStorage::judge("http://127.0.0.1:8080", Some(top), None),
                FrameStorage::Partitioned,
                "{top}"
            );
        }
        assert_eq!(
            FrameStorage::judge("http://127.0.0.1:8080", Some("http://127.0.0.1:9000"), None),
            FrameStorage::Shared
        );
        // No top origin known.
        assert_eq!(
            FrameStorage::judge(own, None, Some(false)),
            FrameStorage::Partitioned
        );
        assert_eq!(
            FrameStorage::judge(own, None, Some(true)),
            FrameStorage::Unknown
        );
        assert_eq!(FrameStorage::judge(own, None, None), FrameStorage::Unknown);
        // A top origin known wins over the access answer (Chromium says
        // true with third-party cookies allowed, yet partitions storage).
        assert_eq!(
            FrameStorage::judge(own, Some("https://partenaire.fr"), Some(true)),
            FrameStorage::Partitioned
        );
    }
}
