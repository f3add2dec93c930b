use gloo_storage::{LocalStorage, Storage};

use super::storage::available;
use crate::domain::{PledgeKey, StoredDraft};

const KEY_KEY: &str = "pw-pledge-widget/key/v1";
const SIGNED_KEY: &str = "pw-pledge-widget/signed/v1";

/// A fresh key from the browser's cryptographic random source
/// (`crypto.getRandomValues`, through getrandom's `wasm_js` backend).
pub fn generate_key() -> Option<PledgeKey> {
    let mut seed = [0u8; 32];
    getrandom::fill(&mut seed).ok()?;
    Some(PledgeKey::from_seed(seed))
}

/// The candidate's key, if one is stored and readable. A damaged one
/// counts as none: the next signature makes and keeps a new key.
pub fn load_key() -> Option<PledgeKey> {
    if !available() {
        return None;
    }
    let text = LocalStorage::raw().get_item(KEY_KEY).ok().flatten()?;
    PledgeKey::from_stored(&text).ok()
}

/// Keeps the key for later signatures; `false` if the browser refused.
pub fn save_key(key: &PledgeKey) -> bool {
    available()
        && LocalStorage::raw()
            .set_item(KEY_KEY, &key.to_stored())
            .is_ok()
}

/// The payload text of the candidate's last signed pledge.
pub fn load_signed() -> Option<String> {
    if !available() {
        return None;
    }
    LocalStorage::raw().get_item(SIGNED_KEY).ok().flatten()
}

pub fn save_signed(payload_text: &str) -> bool {
    available()
        && LocalStorage::raw()
            .set_item(SIGNED_KEY, payload_text)
            .is_ok()
}

/// Wipes the key, the signed pledge and the draft ("forget me").
pub fn forget_everything() {
    if available() {
        for key in [
            KEY_KEY,
            SIGNED_KEY,
            StoredDraft::KEY,
            StoredDraft::BACKUP_KEY,
        ] {
            LocalStorage::delete(key);
        }
    }
}

const LANG_KEY: &str = "pw-pledge-widget/lang/v1";

/// The language the visitor chose with the widget's switch, if any; in the
/// full build taking over from the journey, the language it showed.
pub fn load_lang_choice() -> Option<String> {
    if let Some(lang) = super::builds::handed_over_lang() {
        return Some(lang);
    }
    if !available() {
        return None;
    }
    LocalStorage::raw().get_item(LANG_KEY).ok().flatten()
}

pub fn save_lang_choice(code: &str) {
    if available() {
        let _ = LocalStorage::raw().set_item(LANG_KEY, code);
    }
}
