//! The browser's Unicode normalisation, given to the pure core
//! (`pledge_core::unicode` declares `__pledge_core_normalize`; this defines
//! it). `String.prototype.normalize` is backed by the browser's ICU data,
//! which the widget would otherwise ship as 63 KB gzip of tables.

// The core's declaration and this definition must agree.
const _: pledge_core::unicode::Normalize = __pledge_core_normalize;

thread_local! {
    /// One letter or digit, as `char::is_alphanumeric` has it: made once.
    static ALPHANUMERIC: js_sys::RegExp =
        js_sys::RegExp::new(r"^[\p{Alphabetic}\p{Nd}\p{Nl}\p{No}]$", "u");
}

/// `text` in the normalisation `form` ("NFC" or "NFKD"); for "FOLD", its
/// one character in lower case if it is a letter or a digit, else a space
/// (`char::is_alphanumeric` is Alphabetic, Nd, Nl or No).
#[no_mangle]
fn __pledge_core_normalize(text: &str, form: &str) -> String {
    if form == "FOLD" {
        return if ALPHANUMERIC.with(|re| re.test(text)) {
            String::from(js_sys::JsString::from(text).to_lower_case())
        } else {
            " ".to_owned()
        };
    }
    String::from(js_sys::JsString::from(text).normalize(form))
}
