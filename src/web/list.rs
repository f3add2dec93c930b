//! The organiser's published list (`engagements.json`, next to the
//! widget's files): fetched from the widget's own origin, its signature and
//! each pledge's checked by the browser (WebCrypto Ed25519, all at once).

use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{RequestCache, RequestInit, Response};

use super::verify::{ed25519_verify, NoEd25519};
use crate::domain::pledge_list::ListFailure;
use crate::domain::{LinkError, PledgeList, PublicKey, VerifiedPledge};

/// Where the list is published, relative to the widget's page.
pub const LIST_FILE: &str = "engagements.json";

/// The list's text, fresh from the server (the service worker answers
/// with the last copy when offline).
pub async fn fetch_list() -> Result<String, ListFailure> {
    let window = web_sys::window().ok_or(ListFailure::Unreachable)?;
    // The boot script may have started this fetch already, while the
    // build loaded (`pwWidget.list`): taken once.
    let prefetched = js_sys::Reflect::get(&window, &"pwWidget".into())
        .ok()
        .filter(|w| w.is_object())
        .and_then(|w| {
            let list = js_sys::Reflect::get(&w, &"list".into()).ok()?;
            let _ = js_sys::Reflect::delete_property(&w.into(), &"list".into());
            list.dyn_into::<js_sys::Promise>().ok()
        });
    let request = match prefetched {
        Some(promise) => promise,
        None => {
            let init = RequestInit::new();
            init.set_cache(RequestCache::NoCache);
            window.fetch_with_str_and_init(LIST_FILE, &init)
        }
    };
    let response = JsFuture::from(request)
        .await
        .map_err(|_| ListFailure::Unreachable)?;
    let response: Response = response.dyn_into().map_err(|_| ListFailure::Unreachable)?;
    match response.status() {
        200 => {}
        404 | 410 => return Err(ListFailure::NotPublished),
        _ => return Err(ListFailure::Unreachable),
    }
    let text = response.text().map_err(|_| ListFailure::Unreachable)?;
    JsFuture::from(text)
        .await
        .ok()
        .and_then(|t| t.as_string())
        .ok_or(ListFailure::Unreachable)
}

/// Reads `text` as [`PledgeList::open`] does, the organiser's signature
/// checked by the browser.
pub async fn check_list(text: &str, pinned: &PublicKey) -> Result<PledgeList, ListFailure> {
    let part = PledgeList::signed_part(text, pinned).map_err(ListFailure::Invalid)?;
    let valid = ed25519_verify(&part.public_key.to_bytes(), &part.message, &part.signature)
        .await
        .map_err(|NoEd25519| ListFailure::NoVerifier)?;
    PledgeList::read_checked(&part, valid).map_err(ListFailure::Invalid)
}

/// Fetches and checks the list.
pub async fn load_list(pinned: &PublicKey) -> Result<PledgeList, ListFailure> {
    check_list(&fetch_list().await?, pinned).await
}

/// Every entry's pledge, read as a pledge link is, the signatures checked
/// by the browser all at once.
pub async fn verify_entries(
    list: &PledgeList,
) -> Result<Vec<Result<VerifiedPledge, LinkError>>, ListFailure> {
    let payloads: Vec<&[u8]> = list.entries.iter().map(|e| e.payload.as_slice()).collect();
    super::verify::verify_payloads(&payloads)
        .await
        .map_err(|NoEd25519| ListFailure::NoVerifier)
}

/// Marks a moment for the benchmark (`performance.mark`).
pub fn mark(name: &str) {
    if let Some(performance) = web_sys::window().and_then(|w| w.performance()) {
        let _ = performance.mark(name);
    }
}
