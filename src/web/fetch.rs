//! Small files of the widget's own build, fetched as text: the communes'
//! index and shards (`communes/`), which the service worker keeps once
//! fetched.

use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::Response;

/// The text of the file at `path`, relative to the widget's page; `None`
/// when offline, missing (404) or not text. Never a cross-origin address:
/// callers pass names the build wrote (`CommuneIndex` checks them).
pub async fn fetch_text(path: &str) -> Option<String> {
    let window = web_sys::window()?;
    let response = JsFuture::from(window.fetch_with_str(path)).await.ok()?;
    let response: Response = response.dyn_into().ok()?;
    if !response.ok() {
        return None;
    }
    JsFuture::from(response.text().ok()?)
        .await
        .ok()?
        .as_string()
}
