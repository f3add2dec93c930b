//! Pins the organiser (name, contact address, public key) from the
//! deployment's settings file at build time: `widget-settings.json` at the
//! project's root, or the file named by `PW_WIDGET_SETTINGS` (the tests'
//! build uses `tests/fixtures/widget-settings.test.json`, whose key is a
//! test key). Writes `$OUT_DIR/organiser.rs`, read by
//! `src/settings.rs`. A malformed setting stops the build with a
//! message saying which and why: a widget must never ship with a key other
//! than the one its organiser meant.

use std::{env, fs, path::PathBuf};

use base64::{engine::general_purpose::URL_SAFE_NO_PAD, Engine};

// The key check, shared with the domain (and tested there).
#[path = "crates/pledge-core/src/domain/organiser/pinned_key.rs"]
mod pinned_key;

fn main() {
    let root = PathBuf::from(env::var("CARGO_MANIFEST_DIR").unwrap());
    println!("cargo:rerun-if-env-changed=PW_WIDGET_SETTINGS");
    let path = match env::var("PW_WIDGET_SETTINGS") {
        Ok(p) if !p.trim().is_empty() => root.join(p.trim()),
        _ => root.join("widget-settings.json"),
    };
    println!("cargo:rerun-if-changed={}", path.display());
    let out = PathBuf::from(env::var("OUT_DIR").unwrap()).join("organiser.rs");
    let code = match generate(&path) {
        Ok(code) => code,
        Err(message) => {
            eprintln!("{}: {message}", path.display());
            panic!("{}: {message}", path.display());
        }
    };
    fs::write(out, code).unwrap();
}

/// The code pinning the organiser of the settings file at `path`, or why
/// not (also run by `tests/build_settings.rs`).
pub fn generate(path: &PathBuf) -> Result<String, String> {
    let text = match fs::read_to_string(path) {
        Ok(text) => text,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => String::from("{}"),
        Err(e) => return Err(e.to_string()),
    };
    let settings: serde_json::Value =
        serde_json::from_str(&text).map_err(|e| format!("not JSON: {e}"))?;
    let Some(organiser) = settings.get("organiser") else {
        return Ok("const PINNED: Option<Pinned> = None;\n".into());
    };
    let field = |name: &str| -> Result<String, String> {
        match organiser.get(name) {
            None | Some(serde_json::Value::Null) => Ok(String::new()),
            Some(serde_json::Value::String(s)) => Ok(s.trim().to_owned()),
            Some(_) => Err(format!("organiser.{name} must be a string")),
        }
    };
    let (name, contact, key) = (field("name")?, field("contact")?, field("public_key")?);
    if name.is_empty() {
        return Err("organiser.name is required (shown as « vérifié par … »)".into());
    }
    if name.chars().count() > 60 || name.chars().any(char::is_control) {
        return Err("organiser.name: at most 60 characters, no control characters".into());
    }
    if !contact.is_empty() && !is_address(&contact) {
        return Err(format!(
            "organiser.contact is not an e-mail address: {contact:?}"
        ));
    }
    let key = if key.is_empty() {
        "None".to_owned()
    } else {
        let bytes = URL_SAFE_NO_PAD
            .decode(&key)
            .map_err(|_| "organiser.public_key: not base64url (copy it from the console)")?;
        let bytes: [u8; 32] = bytes
            .try_into()
            .map_err(|_| "organiser.public_key: not 32 bytes (copy it from the console)")?;
        if let Some(problem) = pinned_key::pinned_key_problem(&bytes) {
            return Err(problem.into());
        }
        format!("Some({bytes:?})")
    };
    Ok(format!(
        "const PINNED: Option<Pinned> = Some(Pinned {{ name: {name:?}, contact: {contact:?}, public_key: {key} }});\n"
    ))
}

/// A plain address: one `@`, something on each side, no spaces, nothing a
/// `mailto:` link would read as another header.
fn is_address(text: &str) -> bool {
    let Some((local, domain)) = text.split_once('@') else {
        return false;
    };
    !local.is_empty()
        && domain.contains('.')
        && !domain.starts_with('.')
        && !domain.ends_with('.')
        && text.chars().all(|c| {
            c.is_ascii_graphic()
                && !matches!(
                    c,
                    '?' | '&' | '#' | '/' | '%' | ',' | ';' | '<' | '>' | '"' | '\\'
                )
        })
        && !domain.contains('@')
}
