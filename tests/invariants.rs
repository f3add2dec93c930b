//! Mechanical invariants of ARCHITECTURE.md, checked on the source tree.

use std::fs;
use std::path::{Path, PathBuf};

fn rust_files(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for entry in fs::read_dir(dir).expect("a readable source tree") {
        let path = entry.expect("an entry").path();
        if path.is_dir() {
            out.extend(rust_files(&path));
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
    out.sort();
    out
}

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Where the pure core's code is (`crates/pledge-core`).
const CORE: &str = "crates/pledge-core/src/";

/// Every Rust file of the widget (`src/`) and of its pure core.
fn all_rust_files() -> Vec<PathBuf> {
    let mut files = rust_files(&root().join("src"));
    files.extend(rust_files(&root().join(CORE)));
    files
}

/// The files under `dir` (a path from the project's root, as `relative`
/// names them).
fn files_under(dir: &str) -> Vec<PathBuf> {
    all_rust_files()
        .into_iter()
        .filter(|p| relative(p).starts_with(dir))
        .collect()
}

/// The file's shipped code: without its comments, the rest of the file
/// from a top-level `#[cfg(test)]` (the tests module), and any indented
/// item marked `#[cfg(test)]` up to its closing brace (tests may do what
/// the widget must not).
fn shipped_code(path: &Path) -> String {
    let text = fs::read_to_string(path).expect("a readable file");
    let mut out = Vec::new();
    let mut skipping: Option<usize> = None;
    for line in text.lines() {
        let indent = line.len() - line.trim_start().len();
        if let Some(at) = skipping {
            if indent == at && line.trim_start().starts_with('}') {
                skipping = None;
            }
            continue;
        }
        if line.trim_start() == "#[cfg(test)]" {
            if indent == 0 {
                break;
            }
            skipping = Some(indent);
            continue;
        }
        // Comments may name what code must not use.
        let l = line.trim_start();
        if !(l.starts_with("//") || l.starts_with("//!") || l.starts_with("///")) {
            out.push(line);
        }
    }
    out.join("\n")
}

fn relative(path: &Path) -> String {
    path.strip_prefix(root())
        .expect("under the project")
        .to_string_lossy()
        .replace('\\', "/")
}

#[test]
fn only_the_web_module_touches_the_browser() {
    let offenders: Vec<String> = all_rust_files()
        .into_iter()
        .filter(|p| !relative(p).starts_with("src/web/"))
        .filter(|p| {
            let code = shipped_code(p);
            [
                "web_sys",
                "gloo_storage",
                "gloo::",
                "js_sys",
                "wasm_bindgen",
            ]
            .iter()
            .any(|name| code.contains(name))
        })
        .map(|p| relative(&p))
        .collect();
    assert!(
        offenders.is_empty(),
        "browser APIs outside src/web: {offenders:?}"
    );
}

/// The names of the dependencies a `Cargo.toml` lists in any
/// `[…dependencies]` table (build and dev ones included).
fn dependencies(manifest: &str) -> Vec<String> {
    let mut names = Vec::new();
    let mut in_deps = false;
    for line in manifest.lines().map(str::trim) {
        if line.starts_with('[') {
            in_deps = line.trim_end_matches(']').ends_with("dependencies");
        } else if in_deps && !line.starts_with('#') {
            if let Some((name, _)) = line.split_once('=') {
                names.push(name.trim().to_owned());
            }
        }
    }
    names
}

#[test]
fn the_pure_core_depends_on_no_framework_or_browser() {
    // Cargo keeps the core pure: it cannot name what it does not depend on.
    let manifest = fs::read_to_string(root().join("crates/pledge-core/Cargo.toml")).unwrap();
    let deps = dependencies(&manifest);
    assert!(
        deps.contains(&"sha2".to_owned()),
        "the check reads the table: {deps:?}"
    );
    for forbidden in [
        "leptos",
        "web-sys",
        "js-sys",
        "wasm-bindgen",
        "gloo-storage",
        "gloo",
    ] {
        assert!(
            !deps.iter().any(|d| d == forbidden),
            "{forbidden} among pledge-core's dependencies"
        );
    }
    let offenders: Vec<String> = files_under(CORE)
        .into_iter()
        .filter(|p| shipped_code(p).contains("leptos"))
        .map(|p| relative(&p))
        .collect();
    assert!(
        offenders.is_empty(),
        "leptos in the pure core: {offenders:?}"
    );
}

/// The `crate::…` paths the shipped code of `file` names, as written
/// (`crate::domain::pledge::payload::Payload`, `crate::web`, …).
fn crate_paths(file: &Path) -> Vec<String> {
    let code = shipped_code(file);
    let mut paths = Vec::new();
    for (at, _) in code.match_indices("crate::") {
        // `pledge_core::…` or `some_crate::` are other crates' paths.
        let before = code[..at].chars().next_back();
        if before.is_some_and(|c| c.is_alphanumeric() || c == '_') {
            continue;
        }
        let path: String = code[at..]
            .chars()
            .take_while(|c| c.is_alphanumeric() || *c == '_' || *c == ':')
            .collect();
        paths.push(path.trim_end_matches(':').to_owned());
    }
    paths
}

/// `(layer, what it must never use)`: each directory or file (from the
/// project's root) and the `crate::` modules its shipped code never
/// names. The core's paths are its own crate's (`crate::domain` there is
/// `pledge_core::domain`).
const NEVER: [(&str, &[&str]); 11] = [
    // The campaign is data: it uses nothing else of the core.
    (
        "crates/pledge-core/src/campaign/",
        &["crate::domain", "crate::i18n", "crate::unicode"],
    ),
    // The domain says what is, never how it reads: no interface strings.
    ("crates/pledge-core/src/domain/", &["crate::i18n"]),
    (
        "crates/pledge-core/src/unicode.rs",
        &["crate::campaign", "crate::domain", "crate::i18n"],
    ),
    // The state reaches the browser only through its `Io`.
    ("src/state/", &["crate::web", "crate::components"]),
    // The browser edge serves the views, never the reverse.
    ("src/web/", &["crate::components"]),
    (
        "src/settings.rs",
        &["crate::state", "crate::web", "crate::components"],
    ),
    // Inside the domain, features stand on each other one way only.
    (
        "crates/pledge-core/src/domain/journey/",
        &[
            "crate::domain::pledge",
            "crate::domain::card",
            "crate::domain::organiser",
            "crate::domain::embed",
        ],
    ),
    (
        "crates/pledge-core/src/domain/pledge/",
        &[
            "crate::domain::card",
            "crate::domain::organiser",
            "crate::domain::embed",
        ],
    ),
    (
        "crates/pledge-core/src/domain/card/",
        &[
            "crate::domain::journey",
            "crate::domain::organiser",
            "crate::domain::embed",
        ],
    ),
    (
        "crates/pledge-core/src/domain/organiser/",
        &["crate::domain::card", "crate::domain::embed"],
    ),
    (
        "crates/pledge-core/src/domain/embed/",
        &[
            "crate::domain::journey",
            "crate::domain::pledge",
            "crate::domain::card",
            "crate::domain::organiser",
        ],
    ),
];

/// `(folder, the only component folders it may use)`, from `src/components`.
const COMPONENT_FOLDERS: [(&str, &[&str]); 8] = [
    ("ui", &[]),
    ("card", &[]),
    ("wall", &[]),
    ("journey", &["ui"]),
    ("organiser", &["ui"]),
    ("verify", &["card", "ui"]),
    ("signing", &["card", "journey", "ui", "verify"]),
    (
        "shell",
        &[
            "card",
            "journey",
            "organiser",
            "signing",
            "ui",
            "verify",
            "wall",
        ],
    ),
];

#[test]
fn every_layer_uses_only_what_lies_below_it() {
    let mut offenders = Vec::new();
    let mut seen = 0;
    for (layer, never) in NEVER {
        let files = files_under(layer);
        assert!(!files.is_empty(), "{layer}: no file found");
        for file in files {
            for path in crate_paths(&file) {
                seen += 1;
                if never
                    .iter()
                    .any(|n| path == *n || path.starts_with(&format!("{n}::")))
                {
                    offenders.push(format!("{}: {path}", relative(&file)));
                }
            }
        }
    }
    // The domain's features name each other by path, never through the
    // domain's facade (`crate::domain::Type`), so the rule above sees them.
    for file in files_under("crates/pledge-core/src/domain/") {
        let r = relative(&file);
        if r.ends_with("domain/mod.rs") {
            continue;
        }
        for path in crate_paths(&file) {
            let after = path.strip_prefix("crate::domain::").unwrap_or_default();
            if after.chars().next().is_some_and(char::is_uppercase) || path == "crate::domain" {
                offenders.push(format!("{r}: {path} (through the facade)"));
            }
        }
    }
    // Component folders: each uses only the folders listed, and always by
    // path (`crate::components::ui::StepNav`), never the facade.
    let folders: Vec<&str> = COMPONENT_FOLDERS.iter().map(|(f, _)| *f).collect();
    for (folder, may) in COMPONENT_FOLDERS {
        let files = files_under(&format!("src/components/{folder}/"));
        assert!(!files.is_empty(), "src/components/{folder}: no file found");
        for file in files {
            for path in crate_paths(&file) {
                let Some(after) = path.strip_prefix("crate::components") else {
                    continue;
                };
                seen += 1;
                let used = after
                    .trim_start_matches("::")
                    .split("::")
                    .next()
                    .unwrap_or_default();
                if !folders.contains(&used) || (used != folder && !may.contains(&used)) {
                    offenders.push(format!("{}: {path}", relative(&file)));
                }
            }
        }
    }
    assert!(seen > 150, "the check sees the paths: {seen}");
    assert!(
        offenders.is_empty(),
        "a layer uses what it must never use (see ARCHITECTURE.md, Invariants):\n{}",
        offenders.join("\n")
    );
}

#[test]
fn every_component_folder_is_ruled() {
    let on_disk: Vec<String> = fs::read_dir(root().join("src/components"))
        .unwrap()
        .filter_map(|e| e.ok())
        .filter(|e| e.path().is_dir())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    for folder in &on_disk {
        assert!(
            COMPONENT_FOLDERS.iter().any(|(f, _)| f == folder),
            "src/components/{folder} has no rule in COMPONENT_FOLDERS"
        );
    }
    assert_eq!(on_disk.len(), COMPONENT_FOLDERS.len());
}

const PANICS: [&str; 4] = [".unwrap()", ".expect(", "panic!(", "unreachable!("];

/// Occurrences of a panicking call in the domain that are proven not to
/// panic: (file, the line's code, why).
const SAFE_IN_DOMAIN: [(&str, &str, &str); 2] = [
    (
        "crates/pledge-core/src/domain/json.rs",
        "self.expect(b':', \"expected ':'\")?;",
        "the JSON parser's own `expect` method, which returns an error",
    ),
    (
        "crates/pledge-core/src/domain/organiser/pledge_list.rs",
        "let key: [u8; 32] = message[key_at..key_at + 32].try_into().expect(\"32 bytes\");",
        "a slice of exactly 32 bytes, within the header whose length was checked just before",
    ),
];

/// The shipped lines of `files` that call something that panics, but the
/// allowed ones.
fn panicking_lines(files: Vec<PathBuf>, allowed: &[(&str, &str, &str)]) -> Vec<String> {
    files
        .into_iter()
        // A module's separate test file (`mod tests;` under `#[cfg(test)]`).
        .filter(|p| p.file_name().is_none_or(|n| n != "tests.rs"))
        .flat_map(|p| {
            let file = relative(&p);
            shipped_code(&p)
                .lines()
                .filter(|l| PANICS.iter().any(|call| l.contains(call)))
                .filter(|l| {
                    !allowed
                        .iter()
                        .any(|(f, code, _)| *f == file && l.trim() == *code)
                })
                .map(|l| format!("{file}: {}", l.trim()))
                .collect::<Vec<_>>()
        })
        .collect()
}

#[test]
fn the_web_module_never_panics_on_purpose() {
    let offenders = panicking_lines(files_under("src/web/"), &[]);
    assert!(
        offenders.is_empty(),
        "unwrap/expect/panic in src/web: {offenders:?}"
    );
}

#[test]
fn the_domain_never_panics_on_purpose_but_where_proven_safe() {
    let offenders = panicking_lines(
        files_under("crates/pledge-core/src/domain/"),
        &SAFE_IN_DOMAIN,
    );
    assert!(
        offenders.is_empty(),
        "unwrap/expect/panic in the domain (prove it safe and allow it with a reason, or return an error): {offenders:#?}"
    );
    // Every allowance still names a line that exists: none outlives its code.
    for (file, code, why) in SAFE_IN_DOMAIN {
        assert!(!why.is_empty());
        let shipped = shipped_code(&root().join(file));
        assert!(
            shipped.lines().any(|l| l.trim() == code),
            "{file}: allowed line gone: {code}"
        );
    }
}

#[test]
fn only_the_payload_decoder_makes_a_verified_pledge() {
    let makers: Vec<String> = all_rust_files()
        .into_iter()
        .filter(|p| {
            shipped_code(p).lines().any(|l| {
                l.contains("VerifiedPledge {") && !l.contains("struct ") && !l.contains("impl ")
            })
        })
        .map(|p| relative(&p))
        .collect();
    assert_eq!(makers, ["crates/pledge-core/src/domain/pledge/payload.rs"]);
}

#[test]
fn the_checks_above_see_the_source_tree() {
    // Guards the guards: they must find the files they are about.
    let files: Vec<String> = all_rust_files().iter().map(|p| relative(p)).collect();
    for expected in [
        "src/web/storage.rs",
        "crates/pledge-core/src/domain/pledge/payload.rs",
        "src/state/mod.rs",
        "src/components/card/card_panel.rs",
    ] {
        assert!(files.iter().any(|f| f == expected), "{expected} not found");
    }
    assert!(shipped_code(&root().join("src/web/storage.rs")).contains("web_sys"));
}

#[test]
fn a_signature_verdict_comes_only_from_a_verifier() {
    // `read_checked(part, valid)` trusts its caller's verdict: only the
    // Rust readers and the browser-verifying `web` functions call it, for a
    // pledge (`web::verify_link`, `web::verify_payloads`) and for the
    // organiser's list (`web::check_list`).
    let callers = |call: &str| -> Vec<String> {
        all_rust_files()
            .into_iter()
            .filter(|p| shipped_code(p).contains(call))
            .map(|p| relative(&p))
            .collect::<std::collections::BTreeSet<_>>()
            .into_iter()
            .collect::<Vec<_>>()
    };
    assert_eq!(
        callers("Payload::read_checked("),
        [
            "crates/pledge-core/src/domain/pledge/payload.rs",
            "src/web/verify.rs"
        ]
    );
    assert_eq!(
        callers("PledgeList::read_checked("),
        [
            "crates/pledge-core/src/domain/organiser/pledge_list.rs",
            "src/web/list.rs"
        ]
    );
    // And for the index of a sharded publication (`web::load_index`).
    assert_eq!(
        callers("ShardIndex::read_checked("),
        [
            "crates/pledge-core/src/domain/organiser/shards.rs",
            "src/web/list.rs"
        ]
    );
    // And nothing calls either under another name.
    let bare: Vec<String> = all_rust_files()
        .into_iter()
        .filter(|p| {
            shipped_code(p).lines().any(|l| {
                l.contains("read_checked(")
                    && !l.contains("::read_checked(")
                    && !l.contains("fn read_checked(")
            })
        })
        .map(|p| relative(&p))
        .collect();
    assert!(bare.is_empty(), "{bare:?}");
    // Nor under an alias, `Self::` or as a function pointer: the word
    // itself stays in the five files.
    let named: Vec<String> = all_rust_files()
        .into_iter()
        .filter(|p| shipped_code(p).contains("read_checked"))
        .map(|p| relative(&p))
        .collect::<std::collections::BTreeSet<_>>()
        .into_iter()
        .collect();
    assert_eq!(
        named,
        [
            "crates/pledge-core/src/domain/organiser/pledge_list.rs",
            "crates/pledge-core/src/domain/organiser/shards.rs",
            "crates/pledge-core/src/domain/pledge/payload.rs",
            "src/web/list.rs",
            "src/web/verify.rs"
        ]
    );
}

#[test]
fn only_the_unicode_hook_is_linked_by_name() {
    // `extern "Rust"` and `#[no_mangle]` bypass the type checker between
    // crates: the core's one declaration and the widget's one definition.
    let found = |word: &str| -> Vec<String> {
        all_rust_files()
            .into_iter()
            .filter(|p| shipped_code(p).contains(word))
            .map(|p| relative(&p))
            .collect()
    };
    assert_eq!(
        found("extern \"Rust\""),
        ["crates/pledge-core/src/unicode.rs"]
    );
    assert_eq!(found("#[no_mangle]"), ["src/web/unicode.rs"]);
    assert_eq!(found("no_mangle"), ["src/web/unicode.rs"]);
}

/// Every `fill(` and `format!(` call in shipped code: (file, line, the
/// call's text with its parentheses balanced, on one line).
fn formatting_calls() -> Vec<(String, usize, String)> {
    let mut calls = Vec::new();
    for path in all_rust_files() {
        let code = shipped_code(&path);
        for opener in ["fill(", "format!("] {
            for (at, _) in code.match_indices(opener) {
                // `fill(` as a function, not `.fill(` or `prefill(`.
                let before = code[..at].chars().next_back();
                if before.is_some_and(|c| c.is_alphanumeric() || c == '_' || c == '.') {
                    continue;
                }
                let start = at + opener.len();
                let mut depth = 1;
                let mut end = start;
                for (i, c) in code[start..].char_indices() {
                    depth += match c {
                        '(' | '[' => 1,
                        ')' | ']' => -1,
                        _ => 0,
                    };
                    if depth == 0 {
                        end = start + i;
                        break;
                    }
                }
                let call = code[at..=end]
                    .split_whitespace()
                    .collect::<Vec<_>>()
                    .join(" ");
                let line = code[..at].lines().count();
                calls.push((relative(&path), line, call));
            }
        }
    }
    calls
}

/// The placeholders that carry candidate text in the widget's patterns.
const CANDIDATE_KEYS: [&str; 5] = ["name", "commune", "list", "details", "text"];

/// Candidate text as the code reaches it: a pledge's accessors and the
/// fields of an identity, a list entry's pledge, an intake line, a card.
const CANDIDATE_EXPRESSIONS: [&str; 9] = [
    ".name()",
    ".commune()",
    ".list()",
    "id.name",
    "identity.name",
    "identity.commune",
    "content.name",
    "content.details",
    "l.text",
];

/// Formatting that does not need isolates, and why.
const NOT_SHOWN_IN_A_SENTENCE: [(&str, &str, &str); 7] = [
    (
        "crates/pledge-core/src/domain/organiser/console.rs",
        "ShareLink::MARKER",
        "a pasted link's payload text, read back as a link: not a name, never shown",
    ),
    (
        "crates/pledge-core/src/domain/journey/stored_draft.rs",
        "&id.",
        "the stored draft's JSON fields (name, commune, list): storage, not a sentence",
    ),
    (
        "crates/pledge-core/src/domain/organiser/wall.rs",
        "fold(p.name())",
        "the wall's search key: folded text, never shown",
    ),
    (
        "src/components/wall/wall_totals.rs",
        "(\"commune\", &c)",
        "the partner's commune option (not signed text); the paragraph is a <bdi>",
    ),
    (
        "crates/pledge-core/src/i18n/mod.rs",
        "(\"details\", &content.details)",
        "the card's details, joined from isolated parts by `card_content`",
    ),
    (
        "crates/pledge-core/src/i18n/follow_up.rs",
        "(\"details\", &content.details)",
        "the « bilan » card's details: a mandate, then `details`' isolated parts",
    ),
    (
        "crates/pledge-core/src/domain/card/share_targets.rs",
        "{text}",
        "the share text: the widget's own words and count, no candidate text",
    ),
];

/// Whether `value` (a `fill` value or a variable) is isolated: it calls
/// `isolated(`, or is a variable whose `let` in `file` does.
fn goes_through_isolated(file: &str, value: &str) -> bool {
    if value.contains("isolated(") {
        return true;
    }
    let name: String = value
        .trim_start_matches('&')
        .chars()
        .take_while(|c| c.is_alphanumeric() || *c == '_')
        .collect();
    !name.is_empty()
        && shipped_code(&root().join(file)).lines().any(|l| {
            let l = l.trim_start();
            l.starts_with("let ")
                && l.contains("isolated(")
                && l.split(['=', '(', ')', ',', ' ']).any(|w| w == name)
        })
}

#[test]
fn candidate_text_is_isolated_wherever_it_is_formatted() {
    let calls = formatting_calls();
    assert!(
        calls.len() > 40,
        "the search sees the calls: {}",
        calls.len()
    );
    let allowed = |file: &str, text: &str| {
        NOT_SHOWN_IN_A_SENTENCE
            .iter()
            .any(|(f, snippet, _)| *f == file && text.contains(snippet))
    };
    let mut offenders = Vec::new();
    // Every `("key", value)` pair given to `fill` (in the call or bound
    // before it) whose key carries candidate text.
    let mut isolated_seen = 0;
    for path in all_rust_files() {
        let file = relative(&path);
        let code = shipped_code(&path)
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ");
        for key in CANDIDATE_KEYS {
            let quoted = format!("(\"{key}\", ");
            for (at, _) in code.match_indices(&quoted) {
                let rest = &code[at + quoted.len()..];
                // Up to the pair's closing parenthesis.
                let mut depth = 1;
                let end = rest
                    .char_indices()
                    .find(|&(_, c)| {
                        depth += match c {
                            '(' => 1,
                            ')' => -1,
                            _ => 0,
                        };
                        depth == 0
                    })
                    .map_or(rest.len(), |(i, _)| i);
                let value = &rest[..end];
                let pair = format!("{quoted}{value})");
                if goes_through_isolated(&file, value) {
                    isolated_seen += 1;
                } else if !allowed(&file, &pair) {
                    offenders.push(format!("{file}: {pair}"));
                }
            }
        }
    }
    // Candidate text named in a `format!` or `fill` call itself, or a
    // `{name}`-style inline argument of `format!`.
    for (file, line, call) in &calls {
        if file == "crates/pledge-core/src/i18n/mod.rs" && call.contains("\\u{2068}{text}\\u{2069}")
        {
            continue; // `isolated` itself
        }
        let named = CANDIDATE_EXPRESSIONS.iter().any(|e| call.contains(e))
            || (call.starts_with("format!(")
                && CANDIDATE_KEYS
                    .iter()
                    .any(|k| call.contains(&format!("{{{k}}}"))));
        if named && !call.contains("isolated(") && !allowed(file, call) {
            offenders.push(format!("{file}:{line}: {call}"));
        }
    }
    assert!(
        offenders.is_empty(),
        "candidate text formatted without `i18n::isolated`:\n{}",
        offenders.join("\n")
    );
    assert!(
        isolated_seen >= 6,
        "the check sees isolated values: {isolated_seen}"
    );
    // Every exception still names a call.
    for (file, snippet, why) in NOT_SHOWN_IN_A_SENTENCE {
        let code = shipped_code(&root().join(file))
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ");
        assert!(
            code.contains(snippet),
            "stale exception {file} {snippet} ({why})"
        );
    }
}

/// Every text file of what the widget ships, apart from Rust: its page,
/// styles, loader, manifest and build scripts.
fn shipped_other_files() -> Vec<PathBuf> {
    let mut files = vec![root().join("index.html")];
    for dir in ["style", "assets", "scripts"] {
        let mut stack = vec![root().join(dir)];
        while let Some(dir) = stack.pop() {
            for entry in fs::read_dir(&dir).expect("a readable folder") {
                let path = entry.expect("an entry").path();
                if path.is_dir() {
                    stack.push(path);
                } else if path.extension().is_some_and(|e| {
                    ["css", "js", "mjs", "html", "webmanifest", "svg"]
                        .contains(&e.to_str().unwrap_or(""))
                }) {
                    files.push(path);
                }
            }
        }
    }
    files.sort();
    files
}

#[test]
fn nothing_campaign_specific_is_written_in_code_styles_or_pages() {
    // The Coorace campaign's own words, counts and colours: they belong in
    // its file (campaign/coorace-municipales-2020.json), which build.rs and
    // the post-build hook read.
    let file: serde_json::Value = serde_json::from_str(
        &fs::read_to_string(root().join("campaign/coorace-municipales-2020.json")).unwrap(),
    )
    .unwrap();
    let mut words: Vec<String> = vec![
        file["hashtag"].as_str().unwrap().to_owned(),
        file["organisation"].as_str().unwrap().to_owned(),
        file["colours"]["accent"]["light"]
            .as_str()
            .unwrap()
            .to_owned(),
        file["colours"]["accent"]["dark"]
            .as_str()
            .unwrap()
            .to_owned(),
    ];
    for lang in ["fr", "en"] {
        for key in ["title", "tagline", "subtitle", "name"] {
            words.push(file[key][lang].as_str().unwrap().to_owned());
        }
        for p in file["proposals"].as_array().unwrap() {
            words.push(p["title"][lang].as_str().unwrap().to_owned());
            words.push(p["short"][lang].as_str().unwrap().to_owned());
        }
    }
    // The campaign's counts, as a sentence or a type would write them.
    for count in [
        "sur 20",
        "out of 20",
        "20 engagements",
        "20 commitments",
        "10 propositions",
        "10 proposals",
        "; 20]",
        "repeat(10,",
    ] {
        words.push(count.to_owned());
    }
    let mut found = Vec::new();
    // Test modules in files of their own may use the campaign's words.
    let test_only = |p: &Path| p.ends_with("tests.rs") || p.ends_with("test_rng.rs");
    // The organisation's name in lower case too (file names), but for the
    // format ids of published lists and key files, which must stay what
    // files already say, and the name of the default campaign's file.
    words.push(file["organisation"].as_str().unwrap().to_lowercase());
    let format_id =
        |line: &str| line.contains("_FORMAT: &str = ") || line.contains("DEFAULT_CAMPAIGN");
    for path in all_rust_files().into_iter().filter(|p| !test_only(p)) {
        let code = shipped_code(&path);
        for word in &words {
            if code
                .lines()
                .any(|l| l.contains(word.as_str()) && !format_id(l))
            {
                found.push(format!("{}: {word:?}", relative(&path)));
            }
        }
    }
    for path in shipped_other_files() {
        let text = fs::read_to_string(&path).expect("a readable file");
        for word in &words {
            if text
                .lines()
                .any(|l| l.contains(word.as_str()) && !format_id(l))
            {
                found.push(format!("{}: {word:?}", relative(&path)));
            }
        }
    }
    assert!(
        found.is_empty(),
        "campaign-specific text outside its file:\n{}",
        found.join("\n")
    );
    assert!(words.len() > 40, "the check reads the campaign file");
}

#[test]
fn every_stored_record_is_under_the_campaign_and_read_from_before() {
    // Each `const NAME: &str = "pw-pledge-widget/…"` of shipped code is a
    // record: `state::RECORDS` must list it, or a record of the build
    // before campaign keys would be neither read nor forgotten by the
    // campaign that adopts them (src/state/campaign_storage.rs).
    let records = fs::read_to_string(root().join("src/state/campaign_storage.rs")).unwrap();
    let listed = &records[records.find("pub const RECORDS").unwrap()..];
    let listed = &listed[..listed.find("];").unwrap()];
    let mut names = Vec::new();
    for path in all_rust_files() {
        for line in shipped_code(&path).lines() {
            let l = line.trim_start();
            if !(l.starts_with("pub const ") && l.contains("= \"pw-pledge-widget/")) {
                continue;
            }
            let name = l["pub const ".len()..]
                .split(':')
                .next()
                .unwrap()
                .trim()
                .to_owned();
            if name == "STORAGE_ROOT" {
                continue;
            }
            assert!(
                listed.contains(&format!("::{name},")),
                "{}: {name} is not in state::RECORDS",
                relative(&path)
            );
            let value = l.split('"').nth(1).unwrap().to_owned();
            if !names.contains(&value) {
                names.push(value);
            }
        }
    }
    // As many records as RECORDS lists (its entries are distinct: a test
    // in campaign_storage.rs).
    let entries = listed
        .lines()
        .filter(|l| l.trim_end().ends_with(','))
        .count();
    assert_eq!(names.len(), entries, "records in code: {names:?}");
    assert!(entries >= 14, "the check reads the list");
}

#[test]
fn the_signatures_worker_and_the_page_speak_one_version() {
    // An answer of another version is not believed (a cached worker of
    // another build): both sides name the same one.
    let version_in = |path: &str, prefix: &str| -> String {
        let text = std::fs::read_to_string(root().join(path)).unwrap();
        let line = text
            .lines()
            .find(|l| l.starts_with(prefix))
            .unwrap_or_else(|| panic!("{prefix} in {path}"));
        line[prefix.len()..].trim_end_matches(';').trim().to_owned()
    };
    let worker = version_in("assets/verify-worker.js", "const VERSION = ");
    let page = version_in("src/web/verify_worker.rs", "const VERSION: u32 = ");
    assert_eq!(worker, page);
    assert!(worker.parse::<u32>().is_ok_and(|v| v >= 1), "{worker}");
}
