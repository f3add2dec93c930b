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

#[cfg(test)]
mod tests {
    use super::OriginSharing::{self, *};

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
        }
    }
}
