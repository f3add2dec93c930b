//! The browser's Unicode normalisation, given to the pure core
//! (`pledge_core::unicode` declares `__pledge_core_normalize`; this defines
//! it). `String.prototype.normalize` is backed by the browser's ICU data,
//! which the widget would otherwise ship as 63 KB gzip of tables.

// The core's declaration and this definition must agree.
const _: pledge_core::unicode::Normalize = __pledge_core_normalize;

/// `text` in the normalisation `form` ("NFC" or "NFKD").
#[no_mangle]
fn __pledge_core_normalize(text: &str, form: &str) -> String {
    String::from(js_sys::JsString::from(text).normalize(form))
}
