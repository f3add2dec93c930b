//! Options a partner site passes to an embedded widget, as URL parameters
//! (`?embed=1&lang=fr&accent=%23006e5f&theme=dark&compact=1`). Every value
//! is checked here; anything unknown falls back to the default, so nothing a
//! page passes is ever injected as markup or raw CSS.

use crate::domain::embed::contrast::{contrast, relative_luminance};

/// Colour scheme of the widget.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Theme {
    Light,
    Dark,
    /// Follows the visitor's system setting.
    #[default]
    Auto,
}

impl Theme {
    /// The CSS modifier, as in `pw-widget--theme-dark`.
    pub fn as_str(self) -> &'static str {
        match self {
            Theme::Light => "light",
            Theme::Dark => "dark",
            Theme::Auto => "auto",
        }
    }
}

/// A validated accent colour, as `#rrggbb`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Accent(String);

impl Accent {
    /// Accepts `#rgb` or `#rrggbb` (any case), nothing else: no names, no
    /// functions, no `;` or `}` that could break out of a declaration.
    pub fn parse(value: &str) -> Option<Accent> {
        let hex = value.trim().strip_prefix('#')?;
        if !hex.chars().all(|c| c.is_ascii_hexdigit()) {
            return None;
        }
        let full = match hex.len() {
            3 => hex.chars().flat_map(|c| [c, c]).collect(),
            6 => hex.to_owned(),
            _ => return None,
        };
        Some(Accent(format!("#{}", full.to_ascii_lowercase())))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The text colour that reads on this accent: white where it has at
    /// least 4.5:1 contrast, else black (which then always has more).
    pub fn contrast_text(&self) -> &'static str {
        let l = relative_luminance(self.rgb());
        // Contrast with white: 1.05 / (l + 0.05).
        if 1.05 / (l + 0.05) >= 4.5 {
            "#ffffff"
        } else {
            "#000000"
        }
    }

    /// This accent, darkened or lightened just enough to read at 4.5:1 on
    /// `surface` (as text, borders and focus cues use it). A partner's
    /// colour that already reads is kept as it is.
    pub fn readable_on(&self, surface: [u8; 3]) -> Accent {
        let surface_l = relative_luminance(surface);
        // Towards black on a light surface, towards white on a dark one.
        let target: [u8; 3] = if surface_l > 0.18 {
            [0, 0, 0]
        } else {
            [255, 255, 255]
        };
        let base = self.rgb();
        for step in 0..=20u16 {
            let mix = |i: usize| {
                ((u16::from(base[i]) * (20 - step) + u16::from(target[i]) * step) / 20) as u8
            };
            let c = [mix(0), mix(1), mix(2)];
            if contrast(relative_luminance(c), surface_l) >= 4.5 {
                return Accent(format!("#{:02x}{:02x}{:02x}", c[0], c[1], c[2]));
            }
        }
        Accent(format!(
            "#{:02x}{:02x}{:02x}",
            target[0], target[1], target[2]
        ))
    }

    pub fn rgb(&self) -> [u8; 3] {
        let v = u32::from_str_radix(&self.0[1..], 16).unwrap_or(0);
        [(v >> 16) as u8, (v >> 8) as u8, v as u8]
    }
}

/// Everything an embedding page can ask for.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct EmbedOptions {
    /// Inside a partner's iframe (set by the loader).
    pub embedded: bool,
    /// The interface language asked for, as a short language tag
    /// ("fr", "en-GB"); whether the widget has it is decided by `i18n`.
    pub lang: Option<String>,
    pub accent: Option<Accent>,
    pub theme: Theme,
    /// A smaller header, for sidebars.
    pub compact: bool,
    /// What to show instead of the candidate's journey: the public wall
    /// (`?mur`, or `data-view="wall"` on a partner's snippet) or the
    /// organiser's console (`?organisateur`).
    pub view: View,
    /// The wall of one commune only (`data-commune` on the snippet).
    pub commune: Option<String>,
}

/// The page the widget shows.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum View {
    /// The candidate's journey (or a pledge link).
    #[default]
    Journey,
    Wall,
    Console,
}

/// The widget's own options, set by a partner's snippet: links out of the
/// widget (share links, QR codes) drop every one of them, so that they
/// open the plain standalone page, not the partner's look or language.
const WIDGET_OPTIONS: [&str; 9] = [
    "embed",
    "compact",
    "lang",
    "accent",
    "theme",
    "view",
    "commune",
    "mur",
    "organisateur",
];

/// A query key as the widget reads it: percent-decoded, in lower case, so
/// that `?EMBED=1` and `?%65mbed=1` are `embed` everywhere.
fn option_key(raw: &str) -> String {
    decode(raw).to_ascii_lowercase()
}

impl EmbedOptions {
    /// Reads the options from a URL's query (with or without its `?`).
    pub fn from_query(query: &str) -> EmbedOptions {
        let mut options = EmbedOptions::default();
        for (key, value) in pairs(query) {
            match option_key(&key).as_str() {
                "embed" => options.embedded = truthy(&value),
                "compact" => options.compact = truthy(&value),
                "lang" => {
                    let tag = value.len() <= 12
                        && value.chars().all(|c| c.is_ascii_alphanumeric() || c == '-');
                    // Not a language tag: as if none was given, but marked
                    // as asked so that it falls back to French.
                    options.lang = Some(if tag { value } else { "invalid".into() });
                }
                "accent" => options.accent = Accent::parse(&value),
                "mur" => options.view = View::Wall,
                "organisateur" => options.view = View::Console,
                "view" => {
                    options.view = match value.as_str() {
                        "wall" | "mur" => View::Wall,
                        _ => View::Journey,
                    }
                }
                "commune" => {
                    let commune: String = value.trim().chars().take(80).collect();
                    options.commune = (!commune.is_empty()).then_some(commune);
                }
                "theme" => {
                    options.theme = match value.as_str() {
                        "light" => Theme::Light,
                        "dark" => Theme::Dark,
                        _ => Theme::Auto,
                    }
                }
                _ => {}
            }
        }
        options
    }
}

fn truthy(value: &str) -> bool {
    matches!(value, "1" | "true" | "yes" | "")
}

/// The query's key–value pairs, percent-decoded (`+` as a space).
fn pairs(query: &str) -> Vec<(String, String)> {
    query
        .trim_start_matches('?')
        .split('&')
        .filter(|p| !p.is_empty())
        .map(|p| {
            let (k, v) = p.split_once('=').unwrap_or((p, ""));
            (k.to_owned(), decode(v))
        })
        .collect()
}

fn decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'+' => out.push(b' '),
            b'%' if i + 2 < bytes.len() => {
                match std::str::from_utf8(&bytes[i + 1..i + 3])
                    .ok()
                    .and_then(|h| u8::from_str_radix(h, 16).ok())
                {
                    Some(b) => {
                        out.push(b);
                        i += 2;
                    }
                    None => out.push(b'%'),
                }
            }
            b => out.push(b),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// The widget's standalone page for a page URL: the same page without the
/// parameters that only an embedding frame uses, and without fragment.
/// Share links and QR codes point there, never to a partner's page.
pub fn standalone_url(page_url: &str) -> String {
    let without_fragment = page_url.split('#').next().unwrap_or_default();
    let without_fragment = &without_hand_over_page(without_fragment);
    let Some((base, query)) = without_fragment.split_once('?') else {
        return without_fragment.to_owned();
    };
    let kept: Vec<&str> = query
        .split('&')
        .filter(|p| {
            let key = option_key(p.split('=').next().unwrap_or_default());
            !p.is_empty() && !WIDGET_OPTIONS.contains(&key.as_str())
        })
        .collect();
    if kept.is_empty() {
        base.to_owned()
    } else {
        format!("{base}?{}", kept.join("&"))
    }
}

/// The page a partner's frame opens to sign on the widget's own page: the
/// same page under another name, served without the opener policy so that
/// the frame keeps a handle on the tab to hear which pledge was signed
/// (`scripts/security-headers.mjs`). Every link out of the widget still
/// points to the widget's page itself ([`standalone_url`]).
pub const HAND_OVER_PAGE: &str = "signer.html";

/// The hand-over page next to the page at `page_url`, without options.
pub fn hand_over_url(page_url: &str) -> String {
    let standalone = standalone_url(page_url);
    let (base, query) = match standalone.split_once('?') {
        Some((base, query)) => (base, Some(query)),
        None => (standalone.as_str(), None),
    };
    let folder = &base[..base.rfind('/').map_or(base.len(), |i| i + 1)];
    match query {
        Some(query) => format!("{folder}{HAND_OVER_PAGE}?{query}"),
        None => format!("{folder}{HAND_OVER_PAGE}"),
    }
}

/// `url` (no fragment) with a last path segment naming the hand-over page
/// replaced by the folder it is in.
fn without_hand_over_page(url: &str) -> String {
    let (base, query) = match url.split_once('?') {
        Some((base, query)) => (base, Some(query)),
        None => (url, None),
    };
    // Also as a host that drops `.html` serves it (Cloudflare Pages).
    let name = HAND_OVER_PAGE.trim_end_matches(".html");
    let folder = base
        .strip_suffix(HAND_OVER_PAGE)
        .or_else(|| base.strip_suffix(name));
    match folder {
        Some(folder) if folder.ends_with('/') => match query {
            Some(query) => format!("{folder}?{query}"),
            None => folder.to_owned(),
        },
        _ => url.to_owned(),
    }
}

/// The organiser's console on its own page: [`standalone_url`] asking for
/// `?organisateur` (where a framed console sends the organiser).
pub fn console_url(page_url: &str) -> String {
    let page = standalone_url(page_url);
    let joint = if page.contains('?') { '&' } else { '?' };
    format!("{page}{joint}organisateur")
}

/// A query (with its `?`, or empty) without what picks the wall or the
/// console (`mur`, `organisateur`, `view`, `commune`): the candidate's own
/// journey, started from a pledge opened on the wall, keeps the rest (a
/// partner's theme, language, frame).
pub fn journey_query(query: &str) -> String {
    let kept: Vec<&str> = query
        .trim_start_matches('?')
        .split('&')
        .filter(|p| !p.is_empty())
        .filter(|p| {
            let key = option_key(p.split_once('=').map_or(*p, |(k, _)| k));
            !matches!(key.as_str(), "mur" | "organisateur" | "view" | "commune")
        })
        .collect();
    if kept.is_empty() {
        String::new()
    } else {
        format!("?{}", kept.join("&"))
    }
}

/// A commune's name as asked in the address (`commune`), to show on the
/// wall where no pledge names it: without what could hide or reorder the
/// text around it (controls, direction marks, embeddings, overrides and
/// isolates, invisible formatting: zero-width characters, the soft hyphen,
/// the byte order mark). Only the wall's builds show it.
pub fn shown_as_asked(commune: &str) -> String {
    commune
        .chars()
        .filter(|c| {
            !c.is_control()
                && !matches!(
                    c,
                    '\u{00AD}'
                        | '\u{061C}'
                        | '\u{200B}'..='\u{200F}'
                        | '\u{202A}'..='\u{202E}'
                        | '\u{2060}'..='\u{206F}'
                        | '\u{FEFF}'
                )
        })
        .collect::<String>()
        .trim()
        .to_owned()
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_journey_leaves_the_wall_and_the_console_behind() {
        use super::{journey_query, EmbedOptions, View};
        for (query, kept) in [
            ("?mur", ""),
            ("", ""),
            ("?organisateur", ""),
            (
                "?view=wall&embed=1&commune=25515&theme=dark",
                "?embed=1&theme=dark",
            ),
            ("?MUR&lang=en", "?lang=en"),
            ("?%6Dur&accent=%23ff0000", "?accent=%23ff0000"),
            ("?embed=1&&view=mur", "?embed=1"),
        ] {
            assert_eq!(journey_query(query), kept, "{query}");
            assert_eq!(EmbedOptions::from_query(kept).view, View::Journey);
        }
    }

    #[test]
    fn the_hand_over_page_sits_next_to_the_widget_and_links_never_point_to_it() {
        use super::{hand_over_url, standalone_url};
        assert_eq!(
            hand_over_url("https://w.example/engagements/?embed=1&accent=%23ff0000#x"),
            "https://w.example/engagements/signer.html"
        );
        assert_eq!(
            hand_over_url("https://w.example/index.html?embed=1&ref=a"),
            "https://w.example/signer.html?ref=a"
        );
        assert_eq!(
            hand_over_url("http://127.0.0.1:8080/"),
            "http://127.0.0.1:8080/signer.html"
        );
        assert_eq!(
            standalone_url("https://w.example/engagements/signer.html#d=abc"),
            "https://w.example/engagements/"
        );
        assert_eq!(
            standalone_url("https://w.example/signer.html?embed=1&ref=a"),
            "https://w.example/?ref=a"
        );
        assert_eq!(
            standalone_url("https://w.example/signer?ref=a#d=x"),
            "https://w.example/?ref=a"
        );
        // Only that exact name, as a whole segment.
        assert_eq!(
            standalone_url("https://w.example/cosigner.html"),
            "https://w.example/cosigner.html"
        );
    }

    use super::*;

    #[test]
    fn a_framed_console_links_to_its_own_page() {
        assert_eq!(
            console_url("https://w.example/e/?organisateur&embed=1&lang=en#x"),
            "https://w.example/e/?organisateur"
        );
        assert_eq!(
            console_url("https://w.example/?utm=1&organisateur&theme=dark"),
            "https://w.example/?utm=1&organisateur"
        );
        assert_eq!(
            EmbedOptions::from_query("?organisateur&embed=1").view,
            View::Console
        );
    }

    #[test]
    fn a_commune_asked_is_shown_without_what_hides_or_reorders_text() {
        let o = EmbedOptions::from_query(
            "?mur&commune=%E2%80%AELyon%E2%81%A6%20%E2%80%8B%0A%C2%A0Nord%EF%BB%BF%C2%AD",
        );
        let asked = o.commune.unwrap();
        assert_eq!(shown_as_asked(&asked), "Lyon \u{a0}Nord");
        assert_eq!(shown_as_asked("\u{200F}\r"), "");
    }

    #[test]
    fn the_wall_and_the_console_are_asked_in_the_query() {
        assert_eq!(EmbedOptions::from_query("?mur").view, View::Wall);
        assert_eq!(
            EmbedOptions::from_query("?organisateur").view,
            View::Console
        );
        let o = EmbedOptions::from_query("?embed=1&view=wall&commune=Saint-%C3%89tienne");
        assert_eq!(
            (o.view, o.commune.as_deref()),
            (View::Wall, Some("Saint-Étienne"))
        );
        // A partner's snippet cannot open the console.
        assert_eq!(
            EmbedOptions::from_query("?view=console").view,
            View::Journey
        );
        assert_eq!(EmbedOptions::from_query("?commune=%20").commune, None);
        assert_eq!(
            standalone_url("https://w.example/?mur&commune=Lyon&x=1#e=AA"),
            "https://w.example/?x=1"
        );
    }

    #[test]
    fn options_are_read_from_the_query() {
        let o = EmbedOptions::from_query("?embed=1&lang=fr&accent=%23006E5F&theme=dark&compact=1");
        assert!(o.embedded && o.compact);
        assert_eq!(o.lang.as_deref(), Some("fr"));
        assert_eq!(o.accent, Accent::parse("#006e5f"));
        assert_eq!(o.theme, Theme::Dark);
        assert_eq!(EmbedOptions::from_query(""), EmbedOptions::default());
    }

    #[test]
    fn unknown_values_fall_back_to_the_defaults() {
        let o =
            EmbedOptions::from_query("lang=xx&accent=red;}body{display:none&theme=neon&compact=no");
        assert_eq!(o.lang.as_deref(), Some("xx"));
        assert_eq!(o.accent, None);
        let o = EmbedOptions::from_query("lang=%3Cscript%3E");
        assert_eq!(o.lang.as_deref(), Some("invalid"));
        assert_eq!(o.theme, Theme::Auto);
        assert!(!o.compact);
    }

    #[test]
    fn accents_are_hex_colours_only() {
        assert_eq!(
            Accent::parse("#ABC")
                .map(|a| a.as_str().to_owned())
                .as_deref(),
            Some("#aabbcc")
        );
        assert_eq!(
            Accent::parse(" #8a1451 ").map(|a| a.rgb()),
            Some([0x8a, 0x14, 0x51])
        );
        for bad in [
            "red",
            "#12",
            "#1234567",
            "#ggg",
            "rgb(1,2,3)",
            "#fff;}",
            "",
            "#",
            "url(x)",
            "#abcd",
        ] {
            assert_eq!(Accent::parse(bad), None, "{bad}");
        }
    }

    #[test]
    fn text_on_the_accent_is_white_or_black_whichever_reads() {
        assert_eq!(Accent::parse("#8a1451").unwrap().contrast_text(), "#ffffff");
        assert_eq!(Accent::parse("#ffd400").unwrap().contrast_text(), "#000000");
        assert_eq!(Accent::parse("#000").unwrap().contrast_text(), "#ffffff");
    }

    #[test]
    fn accents_are_adjusted_until_they_read_on_the_surface() {
        let white = [255, 255, 255];
        let dark = [0x17, 0x16, 0x1a];
        let ok = Accent::parse("#8a1451").unwrap();
        assert_eq!(ok.readable_on(white), ok, "a readable accent is kept");
        for hex in [
            "#ffd400", "#00ff00", "#ffffff", "#7fbfff", "#000000", "#8a1451", "#123456",
        ] {
            let a = Accent::parse(hex).unwrap();
            for surface in [white, dark] {
                let r = a.readable_on(surface);
                let c = contrast(relative_luminance(r.rgb()), relative_luminance(surface));
                assert!(
                    c >= 4.5,
                    "{hex} on {surface:?}: {} gives {c:.2}",
                    r.as_str()
                );
                let on = if r.contrast_text() == "#ffffff" {
                    [255, 255, 255]
                } else {
                    [0, 0, 0]
                };
                let c = contrast(relative_luminance(r.rgb()), relative_luminance(on));
                assert!(c >= 4.5, "text on {}: {c:.2}", r.as_str());
            }
        }
    }

    #[test]
    fn percent_decoding_copes_with_broken_escapes() {
        assert_eq!(decode("%23a%2"), "#a%2");
        assert_eq!(decode("a+b%20c"), "a b c");
        assert_eq!(decode("%"), "%");
        assert_eq!(decode("%zz"), "%zz");
    }

    #[test]
    fn the_standalone_url_drops_every_widget_option() {
        assert_eq!(
            standalone_url("https://w.example/p/?embed=1&lang=fr&compact=1#e=x"),
            "https://w.example/p/"
        );
        assert_eq!(
            standalone_url("https://w.example/p/?page=7&accent=%23ffd400&theme=dark&x=1"),
            "https://w.example/p/?page=7&x=1"
        );
        assert_eq!(
            standalone_url("https://w.example/p/?embed=1"),
            "https://w.example/p/"
        );
        assert_eq!(
            standalone_url("https://w.example/p/"),
            "https://w.example/p/"
        );
        assert_eq!(
            standalone_url("https://w.example/p/?theme=dark&embed=1"),
            "https://w.example/p/"
        );
    }

    /// `key` with each character's case flipped or percent-encoded, as the
    /// bits of `mask` say.
    fn disguise(key: &str, mask: u32) -> String {
        key.chars()
            .enumerate()
            .map(|(i, c)| match (mask >> (2 * i)) & 3 {
                0 => c.to_string(),
                1 => c.to_ascii_uppercase().to_string(),
                2 => format!("%{:02x}", c as u32),
                _ => format!("%{:02X}", c.to_ascii_uppercase() as u32),
            })
            .collect()
    }

    #[test]
    fn options_in_any_case_or_percent_encoding_are_read_and_dropped_alike() {
        for key in WIDGET_OPTIONS {
            for mask in 0..(1u32 << (2 * key.len())).min(4096) {
                let disguised = disguise(key, mask);
                let url = format!("https://w.example/p/?{disguised}=1&keep=yes#e=x");
                assert_eq!(
                    standalone_url(&url),
                    "https://w.example/p/?keep=yes",
                    "{disguised}"
                );
                if key == "embed" {
                    assert!(
                        EmbedOptions::from_query(&format!("?{disguised}=1")).embedded,
                        "{disguised}"
                    );
                }
            }
        }
        // Encoded twice is another key, for both.
        assert!(!EmbedOptions::from_query("?%2565mbed=1").embedded);
        assert_eq!(
            standalone_url("https://w.example/?%2565mbed=1"),
            "https://w.example/?%2565mbed=1"
        );
    }
}
