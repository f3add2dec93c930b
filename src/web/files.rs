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
    let Ok(url) = Url::create_object_url_with_blob(&blob) else {
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

/// The text of the first file chosen in a file input, if any.
pub async fn chosen_file_text(input: &HtmlInputElement) -> Option<String> {
    let file = input.files()?.get(0)?;
    // A key file is tiny; refuse anything large before reading it.
    if file.size() > 64.0 * 1024.0 {
        return None;
    }
    let text = JsFuture::from(file.text()).await.ok()?;
    input.set_value("");
    text.as_string()
}
