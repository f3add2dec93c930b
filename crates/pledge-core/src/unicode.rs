//! Unicode Normalization Form C, from the platform: the browser's own
//! (`String.prototype.normalize`, backed by its ICU data) in the widget, the
//! `unicode-normalization` crate on the host. The crate's tables would add
//! 63 KB gzip to each wasm build for an algorithm every browser ships.
//!
//! In wasm the core declares the one function it needs,
//! `__pledge_core_normalize`, and the crate that runs it in a browser
//! defines it (the widget's `web::unicode`), the way `getrandom`'s custom
//! backends are linked, so the core never needs a browser binding of its
//! own. The definition is checked against [`Normalize`] at compile time;
//! rustc links wasm with undefined symbols allowed, so a build that lost it
//! would import it from `env` instead: `tests/scripts/built-wasm.test.mjs`
//! fails any release build with such an import.
//!
//! A pure function like `char::is_whitespace`, not I/O: the pure core calls
//! it. `tests/web.rs` checks in Chromium that both give the same result over
//! every code point of the Basic Multilingual Plane followed by a combining
//! mark, and on decomposed and compatibility forms.

/// `text` in NFC.
pub fn nfc(text: &str) -> String {
    imp::nfc(text)
}

/// `text` in NFKD (compatibility decomposition), for search.
pub fn nfkd(text: &str) -> String {
    imp::nfkd(text)
}

/// A character as search folds it: in lower case if it is a letter or a
/// digit (`char::is_alphanumeric`), else a space. The platform's in wasm
/// (the browser's `\p{Alphabetic}` and `toLowerCase`), whose tables the
/// widget would otherwise ship; only characters outside ASCII ever ask.
pub fn fold_char(c: char) -> String {
    imp::fold_char(c)
}

/// Whether `text` is already in NFC.
pub fn is_nfc(text: &str) -> bool {
    // ASCII is always NFC: the common case costs no call into the browser.
    text.is_ascii() || nfc(text) == text
}

/// The shape of the platform's normalisation: `text` in `form` ("NFC" or
/// "NFKD"), or, for "FOLD", its one character as [`fold_char`] folds it. The widget's definition is checked against it.
pub type Normalize = fn(&str, &str) -> String;

#[cfg(target_arch = "wasm32")]
mod imp {
    extern "Rust" {
        /// `text` in the normalisation `form` ("NFC" or "NFKD"), as the
        /// platform does it; defined by the crate that runs the core.
        fn __pledge_core_normalize(text: &str, form: &str) -> String;
    }

    pub fn nfc(text: &str) -> String {
        // SAFETY: a safe Rust function of this signature (checked against
        // `Normalize` where it is defined), defined once by the widget
        // (`web::unicode`; a second definition would not link), with no
        // precondition. A build without it is caught by the built-wasm test.
        unsafe { __pledge_core_normalize(text, "NFC") }
    }

    pub fn nfkd(text: &str) -> String {
        // SAFETY: as above.
        unsafe { __pledge_core_normalize(text, "NFKD") }
    }

    pub fn fold_char(c: char) -> String {
        let mut buf = [0; 4];
        // SAFETY: as above ("FOLD": the one character, folded).
        unsafe { __pledge_core_normalize(c.encode_utf8(&mut buf), "FOLD") }
    }
}

#[cfg(not(target_arch = "wasm32"))]
mod imp {
    use unicode_normalization::UnicodeNormalization;

    pub fn nfc(text: &str) -> String {
        text.nfc().collect()
    }

    pub fn nfkd(text: &str) -> String {
        text.nfkd().collect()
    }

    pub fn fold_char(c: char) -> String {
        if c.is_alphanumeric() {
            c.to_lowercase().collect()
        } else {
            " ".to_owned()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn composes_and_recognises_nfc() {
        assert_eq!(nfc("E\u{301}"), "É");
        assert_eq!(nfc("\u{212B}"), "\u{C5}");
        assert!(is_nfc("Saint-Étienne"));
        assert!(!is_nfc("Saint-E\u{301}tienne"));
        assert!(is_nfc(""));
    }
}
