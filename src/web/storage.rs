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

/// Runs `f` 200 ms after the next frame is drawn (so that changes made
/// in quick succession are saved together, and the frame is never held),
/// or after 500 ms if no frame comes (a hidden tab draws none); once. The
/// mark `pw-after-paint` is for the benchmark.
pub fn after_paint(f: Box<dyn FnOnce()>) {
    use std::cell::Cell;
    use std::time::Duration;
    let once = Rc::new(Cell::new(Some(f)));
    let run = {
        let once = Rc::clone(&once);
        move || {
            if let Some(f) = once.take() {
                f();
                super::mark("pw-after-paint");
            }
        }
    };
    let late = run.clone();
    request_animation_frame(move || set_timeout(run, Duration::from_millis(200)));
    set_timeout(late, Duration::from_millis(500));
}

/// Calls `f` when the person leaves the page or hides it (`pagehide`, and
/// `visibilitychange` to hidden: a phone may close a hidden tab without
/// any other event), until the calling owner is cleaned up.
pub fn on_leaving(f: impl Fn() + 'static) {
    let f = Rc::new(f);
    let hide = {
        let f = Rc::clone(&f);
        window_event_listener(leptos::ev::pagehide, move |_| f())
    };
    // `visibilitychange` is fired at the document and bubbles to the window.
    let hidden = window_event_listener_untyped("visibilitychange", move |_| {
        let hidden = super::dom::document()
            .is_some_and(|d| d.visibility_state() == web_sys::VisibilityState::Hidden);
        if hidden {
            f();
        }
    });
    on_cleanup(move || {
        hide.remove();
        hidden.remove();
    });
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
