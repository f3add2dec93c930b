//! Light verification of a pledge link: the payload is read by the domain
//! and its Ed25519 signature checked by the browser (WebCrypto), so the
//! verify build carries no Rust elliptic-curve code. Where the browser has
//! no Ed25519, the caller hands over to the full build (Rust verifier).

use js_sys::{Array, Object, Reflect, Uint8Array};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::CryptoKey;

use crate::domain::{Fragment, LinkError, PayloadV1, ShareLink, VerifiedPledge};

/// This browser cannot check Ed25519 signatures.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct NoEd25519;

/// Reads `fragment` as [`ShareLink::read`] does, with the signature checked
/// by the browser: the same verdicts (tested in `tests/web.rs`).
pub async fn verify_link(fragment: &str) -> Result<Fragment, NoEd25519> {
    let bytes = match ShareLink::payload(fragment) {
        None => return Ok(Fragment::None),
        Some(Err(e)) => return Ok(Fragment::Pledge(Err(e))),
        Some(Ok(bytes)) => bytes,
    };
    Ok(Fragment::Pledge(verify_payload(&bytes).await?))
}

/// A payload, read as the Rust decoder reads it, with the signature checked
/// by the browser. Strict verification, as the Rust verifier's: no
/// small-order key or `R` (WebCrypto implementations differ there).
pub async fn verify_payload(bytes: &[u8]) -> Result<Result<VerifiedPledge, LinkError>, NoEd25519> {
    let part = match PayloadV1::signed_part(bytes) {
        Err(e) => return Ok(Err(e)),
        Ok(part) => part,
    };
    let valid = !part.has_weak_point()
        && ed25519_verify(&part.public_key.to_bytes(), part.message, &part.signature).await?;
    Ok(PayloadV1::read_checked(&part, valid))
}

/// `signature` by `key` over `message`, checked by WebCrypto.
pub async fn ed25519_verify(
    key: &[u8; 32],
    message: &[u8],
    signature: &[u8; 64],
) -> Result<bool, NoEd25519> {
    let subtle = web_sys::window()
        .and_then(|w| w.crypto().ok())
        .map(|c| c.subtle())
        .ok_or(NoEd25519)?;
    let algorithm = Object::new();
    Reflect::set(&algorithm, &"name".into(), &"Ed25519".into()).map_err(|_| NoEd25519)?;
    let usages = Array::of1(&"verify".into());
    let key_data = Uint8Array::from(&key[..]);
    let imported = subtle
        .import_key_with_object("raw", &key_data, &algorithm, false, &usages)
        .map_err(|_| NoEd25519)?;
    let crypto_key: CryptoKey = match JsFuture::from(imported).await {
        Ok(k) => k.dyn_into().map_err(|_| NoEd25519)?,
        // A key the browser refuses to import is not a valid key: only a
        // browser without Ed25519 says NotSupportedError.
        Err(e) => {
            return if not_supported(&e) {
                Err(NoEd25519)
            } else {
                Ok(false)
            }
        }
    };
    let verdict = subtle
        .verify_with_object_and_js_u8_array_and_js_u8_array(
            &algorithm,
            &crypto_key,
            &Uint8Array::from(&signature[..]),
            &Uint8Array::from(message),
        )
        .map_err(|_| NoEd25519)?;
    match JsFuture::from(verdict).await {
        Ok(v) => Ok(v.as_bool() == Some(true)),
        Err(e) if not_supported(&e) => Err(NoEd25519),
        Err(_) => Ok(false),
    }
}

fn not_supported(error: &JsValue) -> bool {
    Reflect::get(error, &"name".into())
        .ok()
        .and_then(|n| n.as_string())
        .is_some_and(|n| n == "NotSupportedError")
}
