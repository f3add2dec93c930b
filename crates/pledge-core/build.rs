//! Builds the campaign's data from its file: the one `widget-settings.json`
//! names in `campaign` (or the file `PW_WIDGET_SETTINGS` names, as the root
//! package's build script reads it), by default
//! `campaign/coorace-municipales-2020.json`. Writes `$OUT_DIR/campaign.rs`,
//! included by `src/campaign/mod.rs`. A campaign file with a problem stops
//! the build with every problem and the path of its field.

use std::{
    env, fs,
    path::{Path, PathBuf},
};

#[path = "build/campaign_file.rs"]
mod campaign_file;

/// The campaign a deployment builds when its settings name none.
const DEFAULT_CAMPAIGN: &str = "campaign/coorace-municipales-2020.json";

fn main() {
    let project = PathBuf::from(env::var("CARGO_MANIFEST_DIR").unwrap()).join("../..");
    println!("cargo:rerun-if-env-changed=PW_WIDGET_SETTINGS");
    println!("cargo:rerun-if-changed=build/campaign_file.rs");
    let settings = match env::var("PW_WIDGET_SETTINGS") {
        Ok(p) if !p.trim().is_empty() => project.join(p.trim()),
        _ => project.join("widget-settings.json"),
    };
    println!("cargo:rerun-if-changed={}", settings.display());
    let named = env::var("PW_WIDGET_SETTINGS").is_ok_and(|p| !p.trim().is_empty());
    let campaign = match campaign_path(&settings, named) {
        Ok(path) => project.join(path),
        Err(message) => fail(&settings, &message),
    };
    println!("cargo:rerun-if-changed={}", campaign.display());
    let text = fs::read_to_string(&campaign).unwrap_or_else(|e| fail(&campaign, &e.to_string()));
    let file = campaign_file::CampaignFile::parse(&text).unwrap_or_else(|e| fail(&campaign, &e));
    let out = PathBuf::from(env::var("OUT_DIR").unwrap()).join("campaign.rs");
    fs::write(out, file.to_rust()).unwrap();
}

/// The campaign file the settings name (relative to the project's root).
/// No `widget-settings.json` means the defaults; a settings file named on
/// purpose (`named`) must be there.
fn campaign_path(settings: &Path, named: bool) -> Result<String, String> {
    let text = match fs::read_to_string(settings) {
        Ok(text) => text,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound && !named => {
            return Ok(DEFAULT_CAMPAIGN.into())
        }
        Err(e) => return Err(e.to_string()),
    };
    let value: serde_json::Value =
        serde_json::from_str(&text).map_err(|e| format!("not JSON: {e}"))?;
    match value.get("campaign") {
        None | Some(serde_json::Value::Null) => Ok(DEFAULT_CAMPAIGN.into()),
        Some(serde_json::Value::String(s)) if !s.trim().is_empty() => Ok(s.trim().to_owned()),
        Some(_) => Err("campaign: the path of the campaign file, from the project's root".into()),
    }
}

fn fail(path: &Path, message: &str) -> ! {
    let message = message.replace('\n', &format!("\n{}: ", path.display()));
    eprintln!("{}: {message}", path.display());
    panic!("{}: {message}", path.display());
}
