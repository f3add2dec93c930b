use gloo_storage::{LocalStorage, Storage};

use crate::domain::{Draft, StoredDraft};

/// What was found in storage when the widget opened.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LoadedDraft {
    /// Nothing stored yet.
    Fresh,
    /// A readable record.
    Resumed(Draft),
    /// A record that could not be read; it was copied to
    /// [`StoredDraft::BACKUP_KEY`] if `backed_up`.
    Unreadable { backed_up: bool },
    /// No usable localStorage (private mode, disabled, blocked).
    Unavailable,
}

/// Why a draft could not be saved.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SaveError {
    /// No usable localStorage.
    Unavailable,
    /// The browser refused the write (quota full, blocked).
    Refused,
}

/// Whether localStorage can be used at all. Reading `window.localStorage`
/// throws in some private modes and when storage is blocked, and gloo's
/// `LocalStorage::raw()` would turn that into an exception: ask first.
pub(super) fn available() -> bool {
    web_sys::window()
        .and_then(|w| w.local_storage().ok().flatten())
        .is_some()
}

/// Reads the saved draft, moving an unreadable record to the backup key.
/// The draft handed over by the journey build comes first: it is the
/// latest, and it is the only copy when storage is unavailable.
pub fn load_draft() -> LoadedDraft {
    if let Some(draft) = super::builds::handed_over_draft()
        .as_deref()
        .and_then(|text| StoredDraft::decode(text).ok())
    {
        return LoadedDraft::Resumed(draft);
    }
    if !available() {
        return LoadedDraft::Unavailable;
    }
    let raw = LocalStorage::raw();
    let text = match raw.get_item(StoredDraft::KEY) {
        Ok(Some(text)) => text,
        Ok(None) => return LoadedDraft::Fresh,
        Err(_) => return LoadedDraft::Unavailable,
    };
    match StoredDraft::decode(&text) {
        Ok(draft) => LoadedDraft::Resumed(draft),
        Err(_) => LoadedDraft::Unreadable {
            backed_up: raw.set_item(StoredDraft::BACKUP_KEY, &text).is_ok(),
        },
    }
}

/// Saves the draft under its versioned key. The latest text is also kept
/// in memory, for the full build taking over (see `builds`).
pub fn save_draft(draft: &Draft) -> Result<(), SaveError> {
    let text = StoredDraft::encode(draft);
    let result = if available() {
        LocalStorage::raw()
            .set_item(StoredDraft::KEY, &text)
            .map_err(|_| SaveError::Refused)
    } else {
        Err(SaveError::Unavailable)
    };
    super::builds::keep_latest_draft(text);
    result
}
