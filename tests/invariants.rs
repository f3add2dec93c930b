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

fn src() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("src")
}

/// The file's code before its first `#[cfg(test)]` item (tests may do what
/// the widget must not).
fn shipped_code(path: &Path) -> String {
    let text = fs::read_to_string(path).expect("a readable file");
    let code = text.split("#[cfg(test)]").next().unwrap_or_default();
    // Comments may name what code must not use.
    code.lines()
        .filter(|l| {
            let l = l.trim_start();
            !(l.starts_with("//") || l.starts_with("//!") || l.starts_with("///"))
        })
        .collect::<Vec<_>>()
        .join("\n")
}

fn relative(path: &Path) -> String {
    path.strip_prefix(src())
        .expect("under src")
        .to_string_lossy()
        .replace('\\', "/")
}

#[test]
fn only_the_web_module_touches_the_browser() {
    let offenders: Vec<String> = rust_files(&src())
        .into_iter()
        .filter(|p| !relative(p).starts_with("web/"))
        .filter(|p| {
            let code = shipped_code(p);
            // `unicode.rs` may call the browser's own NFC through js_sys (a
            // pure function, no I/O), and nothing else of the browser.
            let names: &[&str] = if relative(p) == "unicode.rs" {
                &["web_sys", "gloo_storage", "gloo::"]
            } else {
                &["web_sys", "gloo_storage", "gloo::", "js_sys"]
            };
            names.iter().any(|name| code.contains(name))
        })
        .map(|p| relative(&p))
        .collect();
    assert!(
        offenders.is_empty(),
        "browser APIs outside src/web: {offenders:?}"
    );
}

#[test]
fn the_pure_core_imports_no_framework() {
    let offenders: Vec<String> = rust_files(&src())
        .into_iter()
        .filter(|p| {
            let r = relative(p);
            r.starts_with("domain/") || r.starts_with("campaign/")
        })
        .filter(|p| shipped_code(p).contains("leptos"))
        .map(|p| relative(&p))
        .collect();
    assert!(
        offenders.is_empty(),
        "leptos in the pure core: {offenders:?}"
    );
}

const PANICS: [&str; 4] = [".unwrap()", ".expect(", "panic!(", "unreachable!("];

/// Occurrences of a panicking call in the domain that are proven not to
/// panic: (file, the line's code, why).
const SAFE_IN_DOMAIN: [(&str, &str, &str); 3] = [
    (
        "domain/json.rs",
        "self.expect(b':', \"expected ':'\")?;",
        "the JSON parser's own `expect` method, which returns an error",
    ),
    (
        "domain/pledge_list.rs",
        "let key: [u8; 32] = message[key_at..key_at + 32].try_into().expect(\"32 bytes\");",
        "a slice of exactly 32 bytes, within the header whose length was checked just before",
    ),
    (
        "domain/pledge_list.rs",
        "let count = u32::from_le_bytes(bytes[at + 2..at + 6].try_into().expect(\"4 bytes\"));",
        "a slice of exactly 4 bytes, within the header (`signed_part` checked its length)",
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
    let offenders = panicking_lines(rust_files(&src().join("web")), &[]);
    assert!(
        offenders.is_empty(),
        "unwrap/expect/panic in src/web: {offenders:?}"
    );
}

#[test]
fn the_domain_never_panics_on_purpose_but_where_proven_safe() {
    let offenders = panicking_lines(rust_files(&src().join("domain")), &SAFE_IN_DOMAIN);
    assert!(
        offenders.is_empty(),
        "unwrap/expect/panic in src/domain (prove it safe and allow it with a reason, or return an error): {offenders:#?}"
    );
    // Every allowance still names a line that exists: none outlives its code.
    for (file, code, why) in SAFE_IN_DOMAIN {
        assert!(!why.is_empty());
        let shipped = shipped_code(&src().join(file));
        assert!(
            shipped.lines().any(|l| l.trim() == code),
            "{file}: allowed line gone: {code}"
        );
    }
}

#[test]
fn only_the_payload_decoder_makes_a_verified_pledge() {
    let makers: Vec<String> = rust_files(&src())
        .into_iter()
        .filter(|p| {
            shipped_code(p).lines().any(|l| {
                l.contains("VerifiedPledge {") && !l.contains("struct ") && !l.contains("impl ")
            })
        })
        .map(|p| relative(&p))
        .collect();
    assert_eq!(makers, ["domain/payload.rs"]);
}

#[test]
fn the_checks_above_see_the_source_tree() {
    // Guards the guards: they must find the files they are about.
    let files: Vec<String> = rust_files(&src()).iter().map(|p| relative(p)).collect();
    for expected in [
        "web/storage.rs",
        "domain/payload.rs",
        "state/mod.rs",
        "components/card_panel.rs",
    ] {
        assert!(files.iter().any(|f| f == expected), "{expected} not found");
    }
    assert!(shipped_code(&src().join("web/storage.rs")).contains("web_sys"));
}

#[test]
fn a_signature_verdict_comes_only_from_a_verifier() {
    // `read_checked(part, valid)` trusts its caller's verdict: only the
    // Rust readers and the browser-verifying `web` functions call it, for a
    // pledge (`web::verify_link`, `web::verify_payloads`) and for the
    // organiser's list (`web::check_list`).
    let callers = |call: &str| -> Vec<String> {
        rust_files(&src())
            .into_iter()
            .filter(|p| shipped_code(p).contains(call))
            .map(|p| relative(&p))
            .collect()
    };
    assert_eq!(
        callers("PayloadV1::read_checked("),
        ["domain/payload.rs", "web/verify.rs"]
    );
    assert_eq!(
        callers("PledgeList::read_checked("),
        ["domain/pledge_list.rs", "web/list.rs"]
    );
    // And nothing calls either under another name.
    let bare: Vec<String> = rust_files(&src())
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
}

/// Every `fill(` and `format!(` call in shipped code: (file, line, the
/// call's text with its parentheses balanced, on one line).
fn formatting_calls() -> Vec<(String, usize, String)> {
    let mut calls = Vec::new();
    for path in rust_files(&src()) {
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
const NOT_SHOWN_IN_A_SENTENCE: [(&str, &str, &str); 6] = [
    (
        "domain/console.rs",
        "ShareLink::MARKER",
        "a pasted link's payload text, read back as a link: not a name, never shown",
    ),
    (
        "domain/stored_draft.rs",
        "&id.",
        "the stored draft's JSON fields (name, commune, list): storage, not a sentence",
    ),
    (
        "domain/wall.rs",
        "fold(p.name())",
        "the wall's search key: folded text, never shown",
    ),
    (
        "components/wall_totals.rs",
        "(\"commune\", &c)",
        "the partner's commune option (not signed text); the paragraph is a <bdi>",
    ),
    (
        "i18n/mod.rs",
        "(\"details\", &content.details)",
        "the card's details, joined from isolated parts by `card_content`",
    ),
    (
        "domain/share_targets.rs",
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
        && shipped_code(&src().join(file)).lines().any(|l| {
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
    for path in rust_files(&src()) {
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
        if file == "i18n/mod.rs" && call.contains("\\u{2068}{text}\\u{2069}") {
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
        let code = shipped_code(&src().join(file))
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ");
        assert!(
            code.contains(snippet),
            "stale exception {file} {snippet} ({why})"
        );
    }
}
