//! The hand-over between the widget's builds.
//!
//! The page first starts the small journey build (`pledge-journey`), the
//! verify build for a pledge link, the wall's or the console's for those
//! pages. When the candidate reaches the identity step, asks for a card,
//! or a build meets a page it does not carry, the page's boot script
//! (`scripts/externalize-boot.mjs` writes it) loads the build that has it
//! ([`Build`]), which takes the host element over. The wasm modules share
//! nothing but `window.pwWidget`:
//!
//! - `prefetchFull()` / `startFull()`, `startJourney()`, `startWall()`,
//!   `startConsole()`: set by the boot script;
//! - `releaseJourney()`: set by the journey build, called by the full build
//!   just before it mounts (so nothing blank is ever painted);
//! - `handover`: the journey's draft (written when it is released) and
//!   language, read once by the full build (storage may be unavailable, so
//!   they do not go through it).

use std::cell::{Cell, RefCell};

use js_sys::{Function, Object, Promise, Reflect};
use wasm_bindgen::{closure::Closure, JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

const GLOBAL: &str = "pwWidget";

thread_local! {
    static TOOK_OVER: Cell<bool> = const { Cell::new(false) };
    /// The draft as last saved, as stored text.
    static LATEST_DRAFT: RefCell<Option<String>> = const { RefCell::new(None) };
}

pub(super) fn keep_latest_draft(text: String) {
    LATEST_DRAFT.with(|d| *d.borrow_mut() = Some(text));
}

/// `window.pwWidget.handover`, made if missing.
fn handover() -> Option<Object> {
    let global = global()?;
    let existing = Reflect::get(&global, &"handover".into()).ok()?;
    if let Some(object) = existing.dyn_ref::<Object>() {
        return Some(object.clone());
    }
    let object = Object::new();
    Reflect::set(&global, &"handover".into(), &object).ok()?;
    Some(object)
}

/// A random token a widget's frame puts in the links that hand the
/// answers over to the widget's page, kept on its window
/// (`pwWidget.handOver`, made once): the hand-over page stays open only for
/// a tab whose opener holds the token its own address carries
/// (assets/prepaint.js), which a stranger's page cannot read. Empty if the
/// browser gives no randomness (the hand-over page then sends the tab on to
/// the widget's page).
pub fn hand_over_token() -> String {
    let Some(global) = global() else {
        return String::new();
    };
    if let Some(token) = Reflect::get(&global, &"handOver".into())
        .ok()
        .and_then(|t| t.as_string())
    {
        return token;
    }
    let mut bytes = [0u8; 16];
    if getrandom::fill(&mut bytes).is_err() {
        return String::new();
    }
    let token: String = bytes.iter().map(|b| format!("{b:02x}")).collect();
    let _ = Reflect::set(&global, &"handOver".into(), &token.as_str().into());
    token
}

/// `window.pwWidget`, made if missing.
fn global() -> Option<Object> {
    let window: JsValue = web_sys::window()?.into();
    let existing = Reflect::get(&window, &GLOBAL.into()).ok()?;
    if let Some(object) = existing.dyn_ref::<Object>() {
        return Some(object.clone());
    }
    let object = Object::new();
    Reflect::set(&window, &GLOBAL.into(), &object).ok()?;
    Some(object)
}

fn method(name: &str) -> Option<Function> {
    Reflect::get(&global()?.into(), &name.into())
        .ok()?
        .dyn_into()
        .ok()
}

/// Journey build: keeps what it mounted until the full build takes over;
/// then hands the latest draft over and drops it (unmounting the journey
/// and disposing its owner).
pub fn release_on_takeover<T: 'static>(mounted: T) {
    let Some(global) = global() else {
        std::mem::forget(mounted);
        return;
    };
    let release = Closure::once_into_js(move || {
        if let (Some(handover), Some(draft)) = (handover(), LATEST_DRAFT.with(|d| d.take())) {
            let _ = Reflect::set(&handover, &"draft".into(), &draft.into());
        }
        drop(mounted);
    });
    let _ = Reflect::set(&global, &"releaseJourney".into(), &release);
}

/// Full build, before it mounts: removes the journey build if it runs on
/// this page. Returns whether it did (the candidate was mid-journey).
pub fn release_journey_build() -> bool {
    let Some(release) = method("releaseJourney") else {
        return false;
    };
    if let Some(global) = global() {
        let _ = Reflect::delete_property(&global, &"releaseJourney".into());
    }
    let released = release.call0(&JsValue::NULL).is_ok();
    TOOK_OVER.with(|t| t.set(released));
    released
}

/// Whether this build took over from the journey build on this page.
pub fn took_over_journey() -> bool {
    TOOK_OVER.with(Cell::get)
}

/// Starts downloading the full build, so that it is there when needed.
pub fn prefetch_full_build() {
    if let Some(prefetch) = method("prefetchFull") {
        let _ = prefetch.call0(&JsValue::NULL);
    }
}

/// Asks the full build, about to take over a pledge link's page, to bring
/// the card into view (the visitor asked for the image).
pub fn request_card_on_takeover(bilan: bool) {
    if let Some(handover) = handover() {
        let _ = Reflect::set(&handover, &"focus".into(), &card_focus(bilan).into());
    }
}

fn card_focus(bilan: bool) -> &'static str {
    if bilan {
        "bilan"
    } else {
        "card"
    }
}

/// Whether the build that took over was asked to show the card (or the
/// « bilan » card): read once, by the one it is for.
pub fn card_requested(bilan: bool) -> bool {
    match handed_over("focus") {
        Some(focus) if focus == card_focus(bilan) => true,
        Some(other) => {
            if let Some(handover) = handover() {
                let _ = Reflect::set(&handover, &"focus".into(), &other.into());
            }
            false
        }
        None => false,
    }
}

/// Whether « Commencer » was tapped on the prerendered welcome screen
/// before the app started (recorded by the prepaint script; read once).
pub fn take_pending_start() -> bool {
    let Some(global) = global() else {
        return false;
    };
    let pending = Reflect::get(&global, &"pendingStart".into())
        .ok()
        .and_then(|v| v.as_bool())
        .unwrap_or(false);
    let _ = Reflect::delete_property(&global, &"pendingStart".into());
    pending
}

/// Asks the service worker, if any, to cache the rest of the widget (the
/// full build, the fonts) for offline use: once the journey has started.
pub fn precache_rest() {
    if let Some(precache) = method("precacheRest") {
        let _ = precache.call0(&JsValue::NULL);
    }
}

/// Why the full build could not start.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FullBuildError {
    /// Not reached (offline, say): trying again may work.
    Unreachable,
    /// Its files are gone from the server: a new version was published
    /// while the page was open, and the page could not reload by itself
    /// without losing answers (the boot script reloads when it can).
    NewVersion,
}

/// The builds a build hands over to (see `components::Parts`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Build {
    /// Everything a candidate needs past the summary: the identity step,
    /// signing, the card.
    Full,
    /// The candidate's journey (from a pledge link: « start my own »).
    Journey,
    /// The public wall.
    Wall,
    /// The organiser's console.
    Console,
}

impl Build {
    /// Its starter on `window.pwWidget`, set by the boot script.
    fn starter(self) -> &'static str {
        match self {
            Build::Full => "startFull",
            Build::Journey => "startJourney",
            Build::Wall => "startWall",
            Build::Console => "startConsole",
        }
    }
}

/// Loads and starts `build`, handing it the language shown. Resolves once
/// it has taken over; fails when it cannot be loaded, leaving this build in
/// place.
pub async fn start_build(build: Build, lang: &str) -> Result<(), FullBuildError> {
    call_starter(build.starter(), lang).await
}

async fn call_starter(starter: &str, lang: &str) -> Result<(), FullBuildError> {
    let failed = |_| FullBuildError::Unreachable;
    let handover = handover().ok_or(FullBuildError::Unreachable)?;
    let _ = Reflect::set(&handover, &"lang".into(), &lang.into());
    let start = method(starter).ok_or(FullBuildError::Unreachable)?;
    let promise: Promise = start
        .call0(&JsValue::NULL)
        .map_err(failed)?
        .dyn_into()
        .map_err(failed)?;
    JsFuture::from(promise).await.map(|_| ()).map_err(|error| {
        let name = Reflect::get(&error, &"name".into())
            .ok()
            .and_then(|n| n.as_string());
        if name.as_deref() == Some("PwBuildGone") {
            FullBuildError::NewVersion
        } else {
            FullBuildError::Unreachable
        }
    })
}

/// The journey's draft and language handed over to this build, if any
/// (each read once).
fn handed_over(field: &str) -> Option<String> {
    let handover = Reflect::get(&global()?.into(), &"handover".into()).ok()?;
    let value = Reflect::get(&handover, &field.into()).ok()?.as_string()?;
    let _ = Reflect::delete_property(handover.unchecked_ref::<Object>(), &field.into());
    Some(value)
}

pub(super) fn take_handover() -> crate::state::Handover {
    crate::state::Handover {
        draft: handed_over("draft"),
        lang: handed_over("lang"),
    }
}
