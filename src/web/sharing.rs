use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{Blob, File, FilePropertyBag, ShareData, Url};

/// A URL for a blob (for an `<img>` or a download link); free it with
/// [`revoke_url`].
pub fn blob_url(blob: &Blob) -> Option<String> {
    Url::create_object_url_with_blob(blob).ok()
}

pub fn revoke_url(url: &str) {
    let _ = Url::revoke_object_url(url);
}

fn png_file(blob: &Blob, name: &str) -> Option<File> {
    let options = FilePropertyBag::new();
    options.set_type("image/png");
    File::new_with_blob_sequence_and_options(&js_sys::Array::of1(blob), name, &options).ok()
}

fn share_data(file: &File, text: &str, url: &str) -> ShareData {
    let data = ShareData::new();
    data.set_files(&js_sys::Array::of1(file));
    data.set_text(text);
    data.set_url(url);
    data
}

/// Whether this browser can share an image file through the system's
/// share sheet (most phones; few desktops).
pub fn can_share_files(blob: &Blob) -> bool {
    let Some(window) = web_sys::window() else {
        return false;
    };
    let navigator = window.navigator();
    // `canShare` is missing in older browsers: ask before calling it.
    if !js_sys::Reflect::has(&navigator, &JsValue::from_str("canShare")).unwrap_or(false) {
        return false;
    }
    let Some(file) = png_file(blob, "card.png") else {
        return false;
    };
    navigator.can_share_with_data(&share_data(&file, "", ""))
}

/// How a share ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ShareOutcome {
    Shared,
    /// The person closed the share sheet.
    Cancelled,
    /// The browser or the embedding page refused.
    Failed,
}

/// Shares the image with a text and the link through the share sheet.
pub async fn share_files(blob: &Blob, name: &str, text: &str, url: &str) -> ShareOutcome {
    let (Some(window), Some(file)) = (web_sys::window(), png_file(blob, name)) else {
        return ShareOutcome::Failed;
    };
    match JsFuture::from(
        window
            .navigator()
            .share_with_data(&share_data(&file, text, url)),
    )
    .await
    {
        Ok(_) => ShareOutcome::Shared,
        Err(e) => {
            let name = js_sys::Reflect::get(&e, &JsValue::from_str("name"))
                .ok()
                .and_then(|n| n.as_string());
            if name.as_deref() == Some("AbortError") {
                ShareOutcome::Cancelled
            } else {
                ShareOutcome::Failed
            }
        }
    }
}

/// Copies the PNG to the clipboard; `false` where that is refused.
pub async fn copy_image(blob: &Blob) -> bool {
    let Some(window) = web_sys::window() else {
        return false;
    };
    let clipboard = window.navigator().clipboard();
    let has_item =
        js_sys::Reflect::has(&window, &JsValue::from_str("ClipboardItem")).unwrap_or(false);
    if clipboard.is_undefined() || !has_item {
        return false;
    }
    let record = js_sys::Object::new();
    if js_sys::Reflect::set(&record, &JsValue::from_str("image/png"), blob).is_err() {
        return false;
    }
    let Ok(item) =
        web_sys::ClipboardItem::new_with_record_from_str_to_blob_promise(record.unchecked_ref())
    else {
        return false;
    };
    JsFuture::from(clipboard.write(&js_sys::Array::of1(&item)))
        .await
        .is_ok()
}

/// Opens a URL in a new tab (share pages).
pub fn open_in_new_tab(url: &str) {
    if let Some(window) = web_sys::window() {
        let _ = window.open_with_url_and_target_and_features(url, "_blank", "noopener");
    }
}

/// Opens the browser's print dialog.
pub fn print() {
    if let Some(window) = web_sys::window() {
        let _ = window.print();
    }
}
