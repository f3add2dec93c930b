//! The campaign file (`campaign/<slug>.json`): read, checked and turned into
//! the Rust data of `crate::campaign` at build time. Run by `build.rs`, and
//! by `tests/campaign_file.rs` on good and broken files.
//!
//! Every problem is reported with the path of the field it is in
//! (`proposals[3].commitments[1].text.en: missing`), all of them at once,
//! so that an organiser who edits the file by hand fixes it in one go.
//! The format is documented in `docs/campaign-file.md`.

use std::collections::HashSet;
use std::fmt::Write as _;

use serde_json::{Map, Value};
use sha2::{Digest, Sha256};

// The WCAG contrast rule, shared with the domain (and tested there).
#[path = "../src/domain/embed/contrast.rs"]
mod contrast;

/// The languages the widget's interface is written in: a campaign may offer
/// any of them, the first it lists being its reference text.
pub const INTERFACE_LANGUAGES: [&str; 2] = ["fr", "en"];
/// Payload v2 carries the ticked commitments in a mask of 8 bytes at most.
pub const MAX_COMMITMENTS: usize = 64;
pub const MAX_PROPOSALS: usize = 30;
pub const MAX_HASHTAG_CHARS: usize = 40;
/// The card's chart labels: longer ones would be cut.
pub const MAX_SHORT_TITLE_CHARS: usize = 28;
/// Headings (title, tagline, subtitle, name, label, proposal titles): the
/// welcome screen and the card show them whole.
pub const MAX_HEADING_CHARS: usize = 150;
/// Any text (a paragraph, a commitment).
pub const MAX_TEXT_CHARS: usize = 1_000;
/// Bytes of the campaign id in signed payloads.
pub const ID_LEN: usize = 2;
/// The id of the one campaign the widget carried before storage keys named
/// the campaign (the Coorace text): only it may adopt those records.
pub const UNSCOPED_CAMPAIGN_ID: [u8; ID_LEN] = [0x93, 0x59];

/// The surfaces the accent colours must read on (the stylesheet's own
/// light and dark backgrounds).
const LIGHT_SURFACE: &str = "#ffffff";
const DARK_SURFACE: &str = "#17161a";

/// A campaign as its file gives it; text fields hold one value per
/// language, in the order of `languages`.
#[derive(Debug, Clone)]
pub struct CampaignFile {
    pub slug: String,
    /// Records stored before keys named the campaign are this campaign's
    /// (the one campaign the widget carried then).
    pub adopt_unscoped_storage: bool,
    pub version: u32,
    pub date: String,
    pub organisation: String,
    pub languages: Vec<String>,
    pub name: Vec<String>,
    pub title: Vec<String>,
    pub tagline: Vec<String>,
    pub hashtag: String,
    pub subtitle: Vec<String>,
    pub introduction: Vec<Vec<String>>,
    pub label: Vec<String>,
    pub share_text: Vec<String>,
    pub share_subject: Vec<String>,
    pub colours: Colours,
    pub proposals: Vec<ProposalEntry>,
    /// Earlier versions of this campaign whose links still read.
    pub earlier_versions: Vec<EarlierVersionEntry>,
}

/// An earlier version of the campaign: its links carry its id, and name
/// its first `commitments` positions, which this version keeps.
#[derive(Debug, Clone)]
pub struct EarlierVersionEntry {
    pub version: u32,
    pub date: String,
    pub id: [u8; ID_LEN],
    pub commitments: usize,
}

#[derive(Debug, Clone)]
pub struct Colours {
    pub accent_light: String,
    pub accent_dark: String,
    pub on_accent_light: String,
    pub on_accent_dark: String,
    pub soft_light: String,
    pub soft_dark: String,
    pub card_track: String,
}

#[derive(Debug, Clone)]
pub struct ProposalEntry {
    pub number: u8,
    pub title: Vec<String>,
    pub short: Vec<String>,
    pub text: Vec<String>,
    pub commitments: Vec<CommitmentEntry>,
}

#[derive(Debug, Clone)]
pub struct CommitmentEntry {
    pub id: String,
    pub text: Vec<String>,
}

impl CampaignFile {
    /// Reads and checks a campaign file's text; `Err` lists every problem,
    /// one per line, each with the path of its field.
    pub fn parse(text: &str) -> Result<CampaignFile, String> {
        let root: Value = serde_json::from_str(text).map_err(|e| format!("not JSON: {e}"))?;
        let mut r = Reader::default();
        let Some(root) = root.as_object() else {
            return Err("the file must hold one JSON object".into());
        };
        r.known(
            root,
            "",
            &[
                "slug",
                "adopt_unscoped_storage",
                "version",
                "date",
                "organisation",
                "languages",
                "name",
                "title",
                "tagline",
                "hashtag",
                "subtitle",
                "introduction",
                "label",
                "share_text",
                "share_subject",
                "page",
                "colours",
                "proposals",
                "earlier_versions",
            ],
        );
        let languages = r.languages(root);
        r.languages = languages.clone();
        let slug = r.text(root, "", "slug");
        if !slug.is_empty() && !is_slug(&slug) {
            r.error(
                "slug",
                "lower-case letters, digits and hyphens, starting with a letter, at most 40",
            );
        }
        let adopt_unscoped_storage = match root.get("adopt_unscoped_storage") {
            None => false,
            Some(Value::Bool(b)) => *b,
            Some(_) => {
                r.error("adopt_unscoped_storage", "true or false");
                false
            }
        };
        let version = r.version(root);
        let date = r.text(root, "", "date");
        if !date.is_empty() && !is_date(&date) {
            r.error("date", "a date written YYYY-MM-DD");
        }
        let organisation = r.text(root, "", "organisation");
        if organisation.chars().count() > 60 {
            r.error("organisation", "at most 60 characters");
        }
        let hashtag = r.text(root, "", "hashtag");
        if !hashtag.is_empty()
            && (!hashtag.starts_with('#')
                || hashtag.chars().count() > MAX_HASHTAG_CHARS
                || hashtag.chars().any(char::is_whitespace))
        {
            r.error(
                "hashtag",
                &format!(
                    "« # » then at most {} characters, no space",
                    MAX_HASHTAG_CHARS - 1
                ),
            );
        }
        let name = r.localised(root, "", "name");
        let title = r.localised(root, "", "title");
        let tagline = r.localised(root, "", "tagline");
        let subtitle = r.localised(root, "", "subtitle");
        for (field, values) in [
            ("name", &name),
            ("title", &title),
            ("tagline", &tagline),
            ("subtitle", &subtitle),
        ] {
            r.heading(field, values);
        }
        let introduction = r.paragraphs(root, "", "introduction");
        let label = r.localised(root, "", "label");
        r.heading("label", &label);
        let share_text = r.localised(root, "", "share_text");
        for (text, lang) in share_text.iter().zip(&languages) {
            r.placeholders(&format!("share_text.{lang}"), text, &["count", "hashtag"]);
        }
        let share_subject = r.localised(root, "", "share_subject");
        r.page(root);
        let colours = r.colours(root);
        let proposals = r.proposals(root);
        let count = proposals.iter().map(|p| p.commitments.len()).sum();
        let earlier_versions = r.earlier_versions(root, version, count);
        if !r.errors.is_empty() {
            return Err(r.errors.join("\n"));
        }
        let file = CampaignFile {
            slug,
            adopt_unscoped_storage,
            version,
            date,
            organisation,
            languages,
            name,
            title,
            tagline,
            hashtag,
            subtitle,
            introduction,
            label,
            share_text,
            share_subject,
            colours,
            proposals,
            earlier_versions,
        };
        let id = file.id();
        if file.earlier_versions.iter().any(|v| v.id == id) {
            return Err("earlier_versions: an earlier version has this version's id: its reference text did not change (the same version, then)".into());
        }
        let this_or_before = |wanted: [u8; ID_LEN]| {
            id == wanted || file.earlier_versions.iter().any(|v| v.id == wanted)
        };
        if file.adopt_unscoped_storage && !this_or_before(UNSCOPED_CAMPAIGN_ID) {
            return Err(
                "adopt_unscoped_storage: only for the campaign the widget carried before storage keys named the campaign (the Coorace text, unchanged); a new campaign leaves it out, or it would take that campaign's candidates' keys and pledges"
                    .into(),
            );
        }
        Ok(file)
    }

    /// Every string of the campaign in its reference language with its
    /// structure, one field per line, in a fixed order: what the campaign id
    /// hashes. Unchanged since the first links were shared.
    pub fn canonical_text(&self) -> String {
        let mut lines = vec![
            self.title[0].as_str(),
            self.tagline[0].as_str(),
            self.hashtag.as_str(),
            self.subtitle[0].as_str(),
        ];
        lines.extend(self.introduction[0].iter().map(String::as_str));
        let mut out = lines.join("\n");
        let mut position = 0;
        for p in &self.proposals {
            let _ = write!(out, "\n#{}\n{}\n{}", p.number, p.title[0], p.text[0]);
            for c in &p.commitments {
                let _ = write!(out, "\n{} {} {}", c.id, position, c.text[0]);
                position += 1;
            }
        }
        out
    }

    /// The campaign id signed in every payload and list: the first bytes of
    /// the SHA-256 of [`CampaignFile::canonical_text`].
    pub fn id(&self) -> [u8; ID_LEN] {
        let digest = Sha256::digest(self.canonical_text().as_bytes());
        let mut id = [0; ID_LEN];
        id.copy_from_slice(&digest[..ID_LEN]);
        id
    }

    pub fn commitment_count(&self) -> usize {
        self.proposals.iter().map(|p| p.commitments.len()).sum()
    }

    /// The Rust data of `crate::campaign` (included from `$OUT_DIR`).
    pub fn to_rust(&self) -> String {
        let mut out =
            String::from("// Generated by build.rs from the campaign file: do not edit.\n\n");
        let c = &self.colours;
        // Each constant with its doc line.
        let constants = [
            (
                "The campaign's stable name in storage keys and file names.",
                format!("pub const SLUG: &str = {:?};", self.slug),
            ),
            (
                "Whether records stored before keys named the campaign are its own.",
                format!(
                    "pub const ADOPTS_UNSCOPED_STORAGE: bool = {};",
                    self.adopt_unscoped_storage
                ),
            ),
            (
                "The campaign file's version.",
                format!("pub const VERSION: u32 = {};", self.version),
            ),
            (
                "The campaign file's date.",
                format!("pub const VERSION_DATE: &str = {:?};", self.date),
            ),
            (
                "Who runs the campaign.",
                format!("pub const ORGANISATION: &str = {:?};", self.organisation),
            ),
            (
                "Number of commitments in the campaign.",
                format!(
                    "pub const COMMITMENT_COUNT: usize = {};",
                    self.commitment_count()
                ),
            ),
            (
                "Number of proposals in the campaign.",
                format!(
                    "pub const PROPOSAL_COUNT: usize = {};",
                    self.proposals.len()
                ),
            ),
            (
                "The card's accent.",
                format!("pub const CARD_ACCENT: &str = {:?};", c.accent_light),
            ),
            (
                "Text on the card's accent.",
                format!("pub const CARD_ON_ACCENT: &str = {:?};", c.on_accent_light),
            ),
            (
                "The card chart's empty bars.",
                format!("pub const CARD_TRACK: &str = {:?};", c.card_track),
            ),
        ];
        for (doc, line) in constants {
            let _ = writeln!(out, "/// {doc}\n{line}");
        }
        let _ = writeln!(
            out,
            "/// Earlier versions whose links still read (newest first)."
        );
        let _ = writeln!(
            out,
            "pub static EARLIER_VERSIONS: [EarlierVersion; {}] = [",
            self.earlier_versions.len()
        );
        for v in &self.earlier_versions {
            let _ = writeln!(
                out,
                "    EarlierVersion {{ version: {}, date: {:?}, id: {:?}, commitments: {} }},",
                v.version, v.date, v.id, v.commitments
            );
        }
        let _ = writeln!(out, "];");
        let id = self.id();
        for (i, lang) in self.languages.iter().enumerate() {
            let name = if i == 0 {
                "CAMPAIGN".to_owned()
            } else {
                format!("CAMPAIGN_{}", lang.to_uppercase())
            };
            let _ = writeln!(out, "\n/// The campaign in {lang:?}.");
            let _ = writeln!(out, "pub static {name}: Campaign = Campaign {{");
            let _ = writeln!(out, "    lang: {lang:?},");
            let _ = writeln!(out, "    id: {id:?},");
            for (field, values) in [
                ("name", &self.name),
                ("title", &self.title),
                ("tagline", &self.tagline),
                ("subtitle", &self.subtitle),
                ("label", &self.label),
                ("share_text", &self.share_text),
                ("share_subject", &self.share_subject),
            ] {
                let _ = writeln!(out, "    {field}: {:?},", values[i]);
            }
            let _ = writeln!(out, "    hashtag: {:?},", self.hashtag);
            let _ = writeln!(out, "    proposals: &[");
            let mut position = 0u8;
            for p in &self.proposals {
                let _ = writeln!(out, "        Proposal {{");
                let _ = writeln!(out, "            number: {},", p.number);
                let _ = writeln!(out, "            title: {:?},", p.title[i]);
                let _ = writeln!(out, "            short: {:?},", p.short[i]);
                let _ = writeln!(out, "            commitments: &[");
                for c in &p.commitments {
                    let _ = writeln!(
                        out,
                        "                Commitment {{ id: {:?}, position: {position}, text: {:?} }},",
                        c.id, c.text[i]
                    );
                    position += 1;
                }
                let _ = writeln!(out, "            ],\n        }},");
            }
            let _ = writeln!(out, "    ],\n}};");
            let _ = writeln!(out, "\n/// The campaign's prose in {lang:?}.");
            let _ = writeln!(
                out,
                "static PROSE_{}: Prose = Prose {{",
                lang.to_uppercase()
            );
            let _ = writeln!(out, "    introduction: &{:?},", self.introduction[i]);
            let texts: Vec<&String> = self.proposals.iter().map(|p| &p.text[i]).collect();
            let _ = writeln!(out, "    proposals: &{texts:?},\n}};");
        }
        let arms: String = self
            .languages
            .iter()
            .skip(1)
            .map(|l| format!("        {l:?} => &PROSE_{},\n", l.to_uppercase()))
            .collect();
        let _ = writeln!(
            out,
            "\n/// The prose of the campaign in a language it offers (its reference's\n/// for any other).\nfn prose_in(lang: &str) -> &'static Prose {{\n    match lang {{\n{arms}        _ => &PROSE_{},\n    }}\n}}",
            self.languages[0].to_uppercase()
        );
        let all: Vec<String> = self
            .languages
            .iter()
            .enumerate()
            .map(|(i, l)| {
                if i == 0 {
                    "&CAMPAIGN".to_owned()
                } else {
                    format!("&CAMPAIGN_{}", l.to_uppercase())
                }
            })
            .collect();
        let _ = writeln!(
            out,
            "\n/// The campaign in each language it offers, its reference first."
        );
        let _ = writeln!(
            out,
            "pub static LANGUAGES: [&Campaign; {}] = [{}];",
            all.len(),
            all.join(", ")
        );
        out
    }
}

#[derive(Default)]
struct Reader {
    errors: Vec<String>,
    languages: Vec<String>,
}

fn join(path: &str, key: &str) -> String {
    if path.is_empty() {
        key.to_owned()
    } else {
        format!("{path}.{key}")
    }
}

impl Reader {
    fn error(&mut self, path: &str, message: &str) {
        self.errors.push(format!("{path}: {message}"));
    }

    /// Refuses fields the format does not know (a typo would be lost).
    fn known(&mut self, object: &Map<String, Value>, path: &str, keys: &[&str]) {
        for key in object.keys() {
            if !keys.contains(&key.as_str()) {
                self.error(&join(path, key), "not a field of a campaign file (a typo?)");
            }
        }
    }

    fn get<'v>(
        &mut self,
        object: &'v Map<String, Value>,
        path: &str,
        key: &str,
    ) -> Option<&'v Value> {
        let value = object.get(key);
        if value.is_none() {
            self.error(&join(path, key), "missing");
        }
        value
    }

    /// A one-line text, neither empty nor with control characters.
    fn check_text(&mut self, path: &str, value: &Value) -> String {
        match value.as_str() {
            None => {
                self.error(path, "must be a text (in quotes)");
                String::new()
            }
            Some(s) if s.trim().is_empty() => {
                self.error(path, "empty");
                String::new()
            }
            Some(s) if s.chars().any(char::is_control) => {
                self.error(path, "no line break or control character");
                String::new()
            }
            Some(s) if s.chars().any(is_invisible_format) => {
                self.error(path, "no invisible character (direction override or isolate, zero-width space, byte order mark, soft hyphen): it would change how the text reads, or its id, unseen");
                String::new()
            }
            Some(s) if s != s.trim() => {
                self.error(path, "no space at the start or end");
                String::new()
            }
            Some(s) if !unicode_normalization::is_nfc(s) => {
                self.error(path, "not in Unicode's composed form (NFC): save the file as NFC, or a text that looks the same would give the campaign another id");
                String::new()
            }
            Some(s) if s.chars().count() > MAX_TEXT_CHARS => {
                self.error(path, &format!("at most {MAX_TEXT_CHARS} characters"));
                String::new()
            }
            Some(s) => s.to_owned(),
        }
    }

    fn text(&mut self, object: &Map<String, Value>, path: &str, key: &str) -> String {
        match self.get(object, path, key) {
            Some(v) => self.check_text(&join(path, key), v),
            None => String::new(),
        }
    }

    /// A value in each of the campaign's languages.
    fn each_language<T: Default + Clone>(
        &mut self,
        object: &Map<String, Value>,
        path: &str,
        key: &str,
        mut read: impl FnMut(&mut Self, &str, &Value) -> T,
    ) -> Vec<T> {
        let here = join(path, key);
        let languages = self.languages.clone();
        let Some(value) = self.get(object, path, key) else {
            return vec![T::default(); languages.len()];
        };
        let Some(map) = value.as_object() else {
            self.error(
                &here,
                &format!("must give a value per language ({})", languages.join(", ")),
            );
            return vec![T::default(); languages.len()];
        };
        for lang in map.keys() {
            if !languages.contains(lang) {
                self.error(
                    &join(&here, lang),
                    &format!(
                        "not one of the campaign's languages ({})",
                        languages.join(", ")
                    ),
                );
            }
        }
        languages
            .iter()
            .map(|lang| match map.get(lang) {
                Some(v) => read(self, &join(&here, lang), v),
                None => {
                    self.error(
                        &join(&here, lang),
                        "missing (every text is given in each of the campaign's languages)",
                    );
                    T::default()
                }
            })
            .collect()
    }

    /// A heading, in each language, at most [`MAX_HEADING_CHARS`].
    fn heading(&mut self, path: &str, values: &[String]) {
        for (value, lang) in values.iter().zip(self.languages.clone()) {
            if value.chars().count() > MAX_HEADING_CHARS {
                self.error(
                    &join(path, &lang),
                    &format!("at most {MAX_HEADING_CHARS} characters (a heading)"),
                );
            }
        }
    }

    fn localised(&mut self, object: &Map<String, Value>, path: &str, key: &str) -> Vec<String> {
        self.each_language(object, path, key, |r, path, v| r.check_text(path, v))
    }

    fn paragraphs(
        &mut self,
        object: &Map<String, Value>,
        path: &str,
        key: &str,
    ) -> Vec<Vec<String>> {
        let out = self.each_language(object, path, key, |r, path, v| match v.as_array() {
            Some(items) if !items.is_empty() => items
                .iter()
                .enumerate()
                .map(|(i, item)| r.check_text(&format!("{path}[{i}]"), item))
                .collect(),
            _ => {
                r.error(path, "a list of paragraphs, at least one");
                Vec::new()
            }
        });
        if out.iter().any(|p| p.len() != out[0].len()) {
            self.error(&join(path, key), "as many paragraphs in each language");
        }
        out
    }

    /// Only these `{placeholders}` in a pattern.
    fn placeholders(&mut self, path: &str, text: &str, allowed: &[&str]) {
        let mut rest = text;
        while let Some(open) = rest.find('{') {
            let Some(close) = rest[open..].find('}') else {
                break;
            };
            let name = &rest[open + 1..open + close];
            if !allowed.contains(&name) {
                self.error(
                    path,
                    &format!(
                        "unknown placeholder {{{name}}} (known: {})",
                        allowed
                            .iter()
                            .map(|a| format!("{{{a}}}"))
                            .collect::<Vec<_>>()
                            .join(", ")
                    ),
                );
            }
            rest = &rest[open + close + 1..];
        }
    }

    fn languages(&mut self, root: &Map<String, Value>) -> Vec<String> {
        let Some(value) = self.get(root, "", "languages") else {
            return vec!["fr".into()];
        };
        let codes: Vec<String> = match value.as_array() {
            Some(items) => items
                .iter()
                .filter_map(|v| v.as_str().map(str::to_owned))
                .collect(),
            None => Vec::new(),
        };
        let mut seen = HashSet::new();
        let fine = !codes.is_empty()
            && codes.len() == value.as_array().map_or(0, Vec::len)
            && codes
                .iter()
                .all(|c| INTERFACE_LANGUAGES.contains(&c.as_str()) && seen.insert(c.clone()));
        if fine && codes[0] != "fr" {
            self.error("languages", "the reference text (the first language) is French: the interface's notes on translations say so");
            return vec!["fr".into()];
        }
        if !fine {
            self.error(
                "languages",
                &format!(
                    "a list of language codes, the reference first, each once, among those the interface is written in ({})",
                    INTERFACE_LANGUAGES.join(", ")
                ),
            );
            return vec!["fr".into()];
        }
        codes
    }

    fn version(&mut self, root: &Map<String, Value>) -> u32 {
        match self.get(root, "", "version").map(Value::as_u64) {
            Some(Some(v)) if (1..=u64::from(u16::MAX)).contains(&v) => v as u32,
            Some(_) => {
                self.error("version", "a whole number from 1");
                1
            }
            None => 1,
        }
    }

    fn page(&mut self, root: &Map<String, Value>) {
        let Some(page) = self.get(root, "", "page") else {
            return;
        };
        let Some(page) = page.as_object() else {
            self.error(
                "page",
                "an object (the page's texts, in the reference language)",
            );
            return;
        };
        let fields = [
            "title",
            "site_name",
            "description",
            "social_title",
            "social_description",
            "image_alt",
            "app_name",
            "app_short_name",
            "app_description",
            "image_footer",
        ];
        self.known(page, "page", &fields);
        for key in fields {
            self.text(page, "page", key);
        }
    }

    fn colours(&mut self, root: &Map<String, Value>) -> Colours {
        let mut c = Colours {
            accent_light: String::new(),
            accent_dark: String::new(),
            on_accent_light: String::new(),
            on_accent_dark: String::new(),
            soft_light: String::new(),
            soft_dark: String::new(),
            card_track: String::new(),
        };
        let Some(colours) = self.get(root, "", "colours") else {
            return c;
        };
        let Some(colours) = colours.as_object() else {
            self.error("colours", "an object");
            return c;
        };
        self.known(
            colours,
            "colours",
            &["accent", "on_accent", "soft", "card_track"],
        );
        let pair = |r: &mut Self, key: &str| -> (String, String) {
            let Some(v) = r.get(colours, "colours", key) else {
                return Default::default();
            };
            let Some(v) = v.as_object() else {
                r.error(
                    &join("colours", key),
                    "{ \"light\": \"#rrggbb\", \"dark\": \"#rrggbb\" }",
                );
                return Default::default();
            };
            (
                r.colour(v, &join("colours", key), "light"),
                r.colour(v, &join("colours", key), "dark"),
            )
        };
        (c.accent_light, c.accent_dark) = pair(self, "accent");
        (c.on_accent_light, c.on_accent_dark) = pair(self, "on_accent");
        (c.soft_light, c.soft_dark) = pair(self, "soft");
        c.card_track = self.colour(colours, "colours", "card_track");
        // Text and controls in the accent colour must read (WCAG AA, 4.5:1).
        for (what, fg, bg, path) in [
            (
                "the accent on the light background",
                &c.accent_light,
                LIGHT_SURFACE,
                "colours.accent.light",
            ),
            (
                "the accent on the dark background",
                &c.accent_dark,
                DARK_SURFACE,
                "colours.accent.dark",
            ),
            (
                "on_accent on the accent",
                &c.on_accent_light,
                c.accent_light.as_str(),
                "colours.on_accent.light",
            ),
            (
                "on_accent on the accent",
                &c.on_accent_dark,
                c.accent_dark.as_str(),
                "colours.on_accent.dark",
            ),
        ] {
            if let (Some(a), Some(b)) = (rgb(fg), rgb(bg)) {
                let ratio = contrast::contrast_of(a, b);
                if ratio < 4.5 {
                    self.error(
                        path,
                        &format!("{what} reads at {ratio:.2}:1, below the 4.5:1 text needs"),
                    );
                }
            }
        }
        c
    }

    fn colour(&mut self, object: &Map<String, Value>, path: &str, key: &str) -> String {
        let here = join(path, key);
        match self.get(object, path, key).map(Value::as_str) {
            Some(Some(s)) if rgb(s).is_some() => s.to_ascii_lowercase(),
            Some(_) => {
                self.error(&here, "a colour written #rrggbb");
                String::new()
            }
            None => String::new(),
        }
    }

    /// `earlier_versions`: each with its version (below this one), date,
    /// id (4 hex digits, as a link carries it) and how many commitments it
    /// had (this version keeps their positions, adding after them).
    fn earlier_versions(
        &mut self,
        root: &Map<String, Value>,
        current: u32,
        count: usize,
    ) -> Vec<EarlierVersionEntry> {
        let Some(list) = root.get("earlier_versions") else {
            return Vec::new();
        };
        let Some(list) = list.as_array() else {
            self.error("earlier_versions", "a list");
            return Vec::new();
        };
        let mut out: Vec<EarlierVersionEntry> = Vec::new();
        for (i, item) in list.iter().enumerate() {
            let path = format!("earlier_versions[{i}]");
            let Some(v) = item.as_object() else {
                self.error(&path, "an object");
                continue;
            };
            self.known(v, &path, &["version", "date", "id", "commitments"]);
            let version = match v.get("version").and_then(Value::as_u64) {
                Some(n) if n >= 1 && n < u64::from(current) => n as u32,
                _ => {
                    self.error(
                        &join(&path, "version"),
                        &format!("a version before this one ({current})"),
                    );
                    0
                }
            };
            let date = self.text(v, &path, "date");
            if !date.is_empty() && !is_date(&date) {
                self.error(&join(&path, "date"), "a date written YYYY-MM-DD");
            }
            let id = match v.get("id").and_then(Value::as_str) {
                Some(hex)
                    if hex.len() == 2 * ID_LEN && hex.chars().all(|c| c.is_ascii_hexdigit()) =>
                {
                    let byte = |i: usize| u8::from_str_radix(&hex[i..i + 2], 16).unwrap_or(0);
                    [byte(0), byte(2)]
                }
                _ => {
                    self.error(
                        &join(&path, "id"),
                        "its campaign id, 4 hex digits (the build said it, and its links carry it)",
                    );
                    [0; ID_LEN]
                }
            };
            let commitments = match v.get("commitments").and_then(Value::as_u64) {
                Some(n) if n >= 1 && n as usize <= count => n as usize,
                _ => {
                    self.error(&join(&path, "commitments"), &format!("how many commitments it had: from 1 to this version's {count} (their positions are kept)"));
                    0
                }
            };
            if out.iter().any(|o| o.version == version || o.id == id) {
                self.error(&path, "a version or an id listed twice");
            }
            out.push(EarlierVersionEntry {
                version,
                date,
                id,
                commitments,
            });
        }
        out.sort_by_key(|v| std::cmp::Reverse(v.version));
        out
    }

    fn proposals(&mut self, root: &Map<String, Value>) -> Vec<ProposalEntry> {
        let Some(list) = self.get(root, "", "proposals") else {
            return Vec::new();
        };
        let Some(list) = list.as_array() else {
            self.error("proposals", "a list");
            return Vec::new();
        };
        if list.is_empty() || list.len() > MAX_PROPOSALS {
            self.error("proposals", &format!("from 1 to {MAX_PROPOSALS} proposals"));
        }
        let mut ids = HashSet::new();
        let mut proposals = Vec::new();
        for (i, item) in list.iter().enumerate() {
            let path = format!("proposals[{i}]");
            let Some(p) = item.as_object() else {
                self.error(&path, "an object");
                continue;
            };
            self.known(
                p,
                &path,
                &["number", "title", "short", "text", "commitments"],
            );
            let number = match p.get("number").and_then(Value::as_u64) {
                Some(n) if n == i as u64 + 1 => n as u8,
                _ => {
                    self.error(
                        &join(&path, "number"),
                        &format!(
                            "must be {} (proposals are numbered from 1, in order)",
                            i + 1
                        ),
                    );
                    0
                }
            };
            let title = self.localised(p, &path, "title");
            self.heading(&join(&path, "title"), &title);
            let short = self.localised(p, &path, "short");
            for (s, lang) in short.iter().zip(self.languages.clone()) {
                if s.chars().count() > MAX_SHORT_TITLE_CHARS {
                    self.error(
                        &format!("{path}.short.{lang}"),
                        &format!("at most {MAX_SHORT_TITLE_CHARS} characters (the card's chart)"),
                    );
                }
            }
            let text = self.localised(p, &path, "text");
            let mut commitments = Vec::new();
            match self.get(p, &path, "commitments").map(Value::as_array) {
                Some(Some(list)) if !list.is_empty() => {
                    for (j, item) in list.iter().enumerate() {
                        let cpath = format!("{path}.commitments[{j}]");
                        let Some(c) = item.as_object() else {
                            self.error(&cpath, "an object");
                            continue;
                        };
                        self.known(c, &cpath, &["id", "text"]);
                        let id = self.text(c, &cpath, "id");
                        if !id.is_empty() {
                            if !is_commitment_id(&id, number) {
                                self.error(&join(&cpath, "id"), &format!("{id:?}: the proposal's number, a dot, a rank ({number}.1, {number}.2…)"));
                            } else if !ids.insert(id.clone()) {
                                self.error(&join(&cpath, "id"), &format!("duplicate id {id:?}"));
                            }
                        }
                        let text = self.localised(c, &cpath, "text");
                        commitments.push(CommitmentEntry { id, text });
                    }
                }
                Some(_) => self.error(
                    &join(&path, "commitments"),
                    "a list of at least one commitment",
                ),
                None => {}
            }
            proposals.push(ProposalEntry {
                number,
                title,
                short,
                text,
                commitments,
            });
        }
        let count: usize = proposals.iter().map(|p| p.commitments.len()).sum();
        if count > MAX_COMMITMENTS {
            self.error("proposals", &format!("{count} commitments: at most {MAX_COMMITMENTS} (a signed link carries them in a mask of 8 bytes at most)"));
        }
        proposals
    }
}

/// Format characters that change how a text reads, or its bytes, without
/// being seen (the zero-width joiners of emoji and scripts are allowed).
fn is_invisible_format(c: char) -> bool {
    matches!(c,
        '\u{00AD}' | '\u{061C}' | '\u{180E}' | '\u{200B}' | '\u{200E}' | '\u{200F}'
        | '\u{202A}'..='\u{202E}' | '\u{2060}'..='\u{2064}' | '\u{2066}'..='\u{2069}'
        | '\u{FEFF}' | '\u{FFF9}'..='\u{FFFB}')
}

fn is_slug(s: &str) -> bool {
    s.len() <= 40
        && s.starts_with(|c: char| c.is_ascii_lowercase())
        && s.chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
}

fn is_date(s: &str) -> bool {
    let b = s.as_bytes();
    b.len() == 10
        && b[4] == b'-'
        && b[7] == b'-'
        && b.iter()
            .enumerate()
            .all(|(i, c)| i == 4 || i == 7 || c.is_ascii_digit())
        && (1..=12).contains(&s[5..7].parse::<u8>().unwrap_or(0))
        && (1..=31).contains(&s[8..10].parse::<u8>().unwrap_or(0))
}

fn is_commitment_id(id: &str, proposal: u8) -> bool {
    match id.split_once('.') {
        Some((p, rank)) => {
            p.parse::<u8>().ok() == Some(proposal)
                && !rank.starts_with('0')
                && rank.parse::<u8>().is_ok_and(|r| r > 0)
        }
        None => false,
    }
}

fn rgb(s: &str) -> Option<[u8; 3]> {
    let hex = s.strip_prefix('#')?;
    if hex.len() != 6 || !hex.chars().all(|c| c.is_ascii_hexdigit()) {
        return None;
    }
    let at = |i: usize| u8::from_str_radix(&hex[i..i + 2], 16).ok();
    Some([at(0)?, at(2)?, at(4)?])
}
