//! The browser's side of [`state::Io`](crate::state::Io): localStorage,
//! the clock, randomness, and the hand-over between the two builds.

use std::rc::Rc;

use gloo_storage::{LocalStorage, Storage};
use leptos::prelude::*;

use crate::domain::SigningDate;
use crate::state::{Handover, Io, SharedIo, StoreError};

/// Whether localStorage can be used at all. Reading `window.localStorage`
/// throws in some private modes and when storage is blocked, and gloo's
/// `LocalStorage::raw()` would turn that into an exception: ask first.
fn available() -> bool {
    web_sys::window()
        .and_then(|w| w.local_storage().ok().flatten())
        .is_some()
}

/// The widget's I/O in a browser.
#[derive(Debug, Clone, Copy, Default)]
pub struct BrowserIo;

impl BrowserIo {
    pub fn shared() -> SharedIo {
        Rc::new(BrowserIo)
    }
}

impl Io for BrowserIo {
    fn get(&self, key: &str) -> Result<Option<String>, StoreError> {
        if !available() {
            return Err(StoreError::Unavailable);
        }
        LocalStorage::raw()
            .get_item(key)
            .map_err(|_| StoreError::Unavailable)
    }

    fn set(&self, key: &str, value: &str) -> Result<(), StoreError> {
        if !available() {
            return Err(StoreError::Unavailable);
        }
        LocalStorage::raw()
            .set_item(key, value)
            .map_err(|_| StoreError::Refused)
    }

    fn remove(&self, key: &str) -> Result<(), StoreError> {
        if !available() {
            return Err(StoreError::Unavailable);
        }
        LocalStorage::raw()
            .remove_item(key)
            .map_err(|_| StoreError::Refused)
    }

    fn today(&self) -> SigningDate {
        super::location::today()
    }

    fn random_seed(&self) -> Option<[u8; 32]> {
        let mut seed = [0u8; 32];
        getrandom::fill(&mut seed).ok()?;
        Some(seed)
    }

    fn keep_storage(&self) {
        keep_storage();
    }

    fn take_handover(&self) -> Handover {
        super::builds::take_handover()
    }

    fn keep_for_handover(&self, draft_text: &str) {
        super::builds::keep_latest_draft(draft_text.to_owned());
    }
}

/// Calls `f(key, new_value)` when another tab of this origin changes
/// localStorage (`key` is `None` when it cleared everything), until the
/// calling owner is cleaned up.
pub fn on_storage_change(f: impl Fn(Option<String>, Option<String>) + 'static) {
    let handle = window_event_listener(leptos::ev::storage, move |event| {
        f(event.key(), event.new_value());
    });
    on_cleanup(move || handle.remove());
}

/// `navigator.storage.persist()`, where it exists (WebKitGTK has no
/// `navigator.storage`), its answer left to the browser: Chromium decides
/// alone, Firefox may ask the person. Called when a key is kept, after the
/// tap that signed: never on page load.
fn keep_storage() {
    use js_sys::{Function, Promise, Reflect};
    use wasm_bindgen::{JsCast, JsValue};
    let Some(window) = web_sys::window() else {
        return;
    };
    let storage = Reflect::get(&window.navigator(), &JsValue::from_str("storage"))
        .ok()
        .filter(|s| s.is_object());
    let Some(storage) = storage else {
        return;
    };
    let persist = Reflect::get(&storage, &JsValue::from_str("persist"))
        .ok()
        .and_then(|f| f.dyn_into::<Function>().ok());
    let Some(promise) = persist
        .and_then(|f| f.call0(&storage).ok())
        .and_then(|p| p.dyn_into::<Promise>().ok())
    else {
        return;
    };
    wasm_bindgen_futures::spawn_local(async move {
        let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
    });
}
