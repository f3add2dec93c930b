use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{Blob, BlobPropertyBag, HtmlAnchorElement, HtmlInputElement, Url};

use super::dom::document;

/// Copies text to the clipboard; `false` where the browser refuses (no
/// permission, insecure page, an embedding frame without clipboard-write).
pub async fn copy_text(text: &str) -> bool {
    let Some(window) = web_sys::window() else {
        return false;
    };
    let clipboard = window.navigator().clipboard();
    // Older browsers have no clipboard object at all.
    if clipboard.is_undefined() {
        return false;
    }
    JsFuture::from(clipboard.write_text(text)).await.is_ok()
}

/// Offers `text` as a file download named `name`.
pub fn download_text(name: &str, text: &str, mime: &str) -> bool {
    let options = BlobPropertyBag::new();
    options.set_type(mime);
    let parts = js_sys::Array::of1(&text.into());
    let Ok(blob) = Blob::new_with_str_sequence_and_options(&parts, &options) else {
        return false;
    };
    download_blob(name, &blob)
}

/// Offers `bytes` as a file download named `name`.
pub fn download_bytes(name: &str, bytes: &[u8], mime: &str) -> bool {
    let options = BlobPropertyBag::new();
    options.set_type(mime);
    let parts = js_sys::Array::of1(&js_sys::Uint8Array::from(bytes).into());
    let Ok(blob) = Blob::new_with_u8_array_sequence_and_options(&parts, &options) else {
        return false;
    };
    download_blob(name, &blob)
}

fn download_blob(name: &str, blob: &Blob) -> bool {
    let Ok(url) = Url::create_object_url_with_blob(blob) else {
        return false;
    };
    let done = document()
        .and_then(|d| d.create_element("a").ok())
        .and_then(|a| a.dyn_into::<HtmlAnchorElement>().ok())
        .map(|a| {
            a.set_href(&url);
            a.set_download(name);
            a.click();
        })
        .is_some();
    let _ = Url::revoke_object_url(&url);
    done
}

/// The text of the first file chosen in a file input, if any: a key file,
/// tiny (anything large is refused before it is read).
pub async fn chosen_file_text(input: &HtmlInputElement) -> Option<String> {
    chosen_text_up_to(input, 64.0 * 1024.0).await
}

/// The text of a file of links chosen in the organiser's console (up to
/// the console's cap, `Console::MAX_INTAKE_BYTES`: 16 MB, some 50,000
/// links).
pub async fn chosen_text_file(input: &HtmlInputElement) -> Option<String> {
    chosen_text_up_to(input, crate::domain::Console::MAX_INTAKE_BYTES as f64).await
}

async fn chosen_text_up_to(input: &HtmlInputElement, max: f64) -> Option<String> {
    let file = input.files()?.get(0)?;
    if file.size() > max {
        return None;
    }
    let text = JsFuture::from(file.text()).await.ok()?;
    input.set_value("");
    text.as_string()
}
