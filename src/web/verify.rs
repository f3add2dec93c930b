//! Light verification of a pledge link: the payload is read by the domain
//! and its Ed25519 signature checked by the browser (WebCrypto), so the
//! verify build carries no Rust elliptic-curve code. Where the browser has
//! no Ed25519, the caller hands over to the full build (Rust verifier).

use js_sys::{Array, Object, Promise, Reflect, Uint8Array};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::CryptoKey;

use crate::domain::{Fragment, LinkError, Payload, ShareLink, VerifiedPledge};

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
    let part = match Payload::signed_part(bytes) {
        Err(e) => return Ok(Err(e)),
        Ok(part) => part,
    };
    let valid = !part.has_weak_point()
        && ed25519_verify(
            &part.public_key.to_bytes(),
            &part.message(),
            &part.signature,
        )
        .await?;
    Ok(Payload::read_checked(&part, valid))
}

/// WebCrypto's Ed25519: the subtle crypto object, the algorithm and the
/// key usages every check passes.
struct Ed25519 {
    subtle: web_sys::SubtleCrypto,
    algorithm: Object,
    usages: Array,
}

impl Ed25519 {
    fn new() -> Result<Self, NoEd25519> {
        let subtle = web_sys::window()
            .and_then(|w| w.crypto().ok())
            .map(|c| c.subtle())
            .ok_or(NoEd25519)?;
        let algorithm = Object::new();
        Reflect::set(&algorithm, &"name".into(), &"Ed25519".into()).map_err(|_| NoEd25519)?;
        let usages = Array::of1(&"verify".into());
        Ok(Ed25519 {
            subtle,
            algorithm,
            usages,
        })
    }
}

/// `signature` by `key` over `message`, checked by WebCrypto.
pub async fn ed25519_verify(
    key: &[u8; 32],
    message: &[u8],
    signature: &[u8; 64],
) -> Result<bool, NoEd25519> {
    let Ed25519 {
        subtle,
        algorithm,
        usages,
    } = Ed25519::new()?;
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

/// Many signatures checked by WebCrypto at once: every key imported, then
/// every signature verified, each batch awaited as one `Promise.allSettled`
/// (two futures in all, not two per signature: at 10 000 pledges, the
/// per-call futures cost more than the cryptography). A key the browser
/// refuses to import is not valid: `false`.
pub async fn ed25519_verify_many(
    items: &[([u8; 32], &[u8], [u8; 64])],
) -> Result<Vec<bool>, NoEd25519> {
    if items.is_empty() {
        return Ok(Vec::new());
    }
    let Ed25519 {
        subtle,
        algorithm,
        usages,
    } = Ed25519::new()?;
    // Everything copied to the browser once; each key, signature and
    // message is a view of it (10 000 copies cost more than the checks).
    let bytes: usize = items.iter().map(|(_, m, _)| 96 + m.len()).sum();
    let mut all = Vec::with_capacity(bytes + super::verify_worker::CANARIES_LEN);
    let mut at = Vec::with_capacity(items.len());
    for (key, message, signature) in items {
        let start = all.len() as u32;
        all.extend_from_slice(key);
        all.extend_from_slice(signature);
        all.extend_from_slice(message);
        at.push((start, all.len() as u32));
    }
    // For the worker: two signatures whose answers the page knows (never
    // checked on the page).
    let canaries = super::verify_worker::canaries(&mut all);
    let all = Uint8Array::from(&all[..]);
    // Off the page's thread where the signatures' worker answers.
    if let Some(answer) = super::verify_worker::verify(&all, &at, canaries).await {
        return answer;
    }
    let imports = Array::new_with_length(items.len() as u32);
    for (i, &(start, _)) in at.iter().enumerate() {
        let promise = subtle
            .import_key_with_object(
                "raw",
                &all.subarray(start, start + 32),
                &algorithm,
                false,
                &usages,
            )
            .map_err(|_| NoEd25519)?;
        imports.set(i as u32, promise.into());
    }
    let keys: Array = JsFuture::from(Promise::all_settled(&imports))
        .await
        .map_err(|_| NoEd25519)?
        .into();
    super::dom::mark("pw-verify-keys-imported");
    let verdicts = Array::new_with_length(items.len() as u32);
    for (i, &(start, end)) in at.iter().enumerate() {
        let settled = keys.get(i as u32);
        let status = Reflect::get(&settled, &"status".into())
            .ok()
            .and_then(|s| s.as_string());
        let promise: JsValue = if status.as_deref() == Some("fulfilled") {
            let key: CryptoKey = Reflect::get(&settled, &"value".into())
                .ok()
                .and_then(|k| k.dyn_into().ok())
                .ok_or(NoEd25519)?;
            subtle
                .verify_with_object_and_js_u8_array_and_js_u8_array(
                    &algorithm,
                    &key,
                    &all.subarray(start + 32, start + 96),
                    &all.subarray(start + 96, end),
                )
                .map_err(|_| NoEd25519)?
                .into()
        } else {
            let reason = Reflect::get(&settled, &"reason".into()).unwrap_or_default();
            if not_supported(&reason) {
                return Err(NoEd25519);
            }
            Promise::resolve(&JsValue::FALSE).into()
        };
        verdicts.set(i as u32, promise);
    }
    let verdicts: Array = JsFuture::from(Promise::all_settled(&verdicts))
        .await
        .map_err(|_| NoEd25519)?
        .into();
    Ok((0..items.len() as u32)
        .map(|i| {
            let settled = verdicts.get(i);
            Reflect::get(&settled, &"value".into())
                .ok()
                .and_then(|v| v.as_bool())
                == Some(true)
        })
        .collect())
}

/// Payloads read as [`verify_payload`] reads one, the signatures checked
/// by the browser together.
pub async fn verify_payloads(
    payloads: &[&[u8]],
) -> Result<Vec<Result<VerifiedPledge, LinkError>>, NoEd25519> {
    let parts: Vec<_> = payloads.iter().map(|b| Payload::signed_part(b)).collect();
    // Only the well-formed, strict ones go to the browser.
    let messages: Vec<_> = parts
        .iter()
        .filter_map(|p| p.as_ref().ok().filter(|p| !p.has_weak_point()))
        .map(|p| (p.public_key.to_bytes(), p.message(), p.signature))
        .collect();
    let asked: Vec<_> = messages
        .iter()
        .map(|(key, message, signature)| (*key, &message[..], *signature))
        .collect();
    super::dom::mark("pw-verify-parsed");
    let mut answers = ed25519_verify_many(&asked).await?.into_iter();
    super::dom::mark("pw-verify-signatures-checked");
    Ok(parts
        .into_iter()
        .map(|part| {
            let part = part?;
            let valid = !part.has_weak_point() && answers.next() == Some(true);
            Payload::read_checked(&part, valid)
        })
        .collect())
}

fn not_supported(error: &JsValue) -> bool {
    Reflect::get(error, &"name".into())
        .ok()
        .and_then(|n| n.as_string())
        .is_some_and(|n| n == "NotSupportedError")
}

/// How many payloads [`check_payloads`] gives the browser at once: small
/// enough that reading them and asking for their checks is a short task.
const BATCH: usize = 1_000;

/// Many payloads checked as [`verify_payloads`] checks them, a batch at a
/// time, the page's thread given back between batches (the console stays
/// responsive with 30,000 pledges: the browser's Ed25519 runs off it);
/// `progress` hears how many are done after each batch. Where the browser
/// has no Ed25519, the batch is checked in Rust, and so is every payload
/// the browser refuses (only the full build, which carries the Rust
/// verifier, calls this).
pub async fn check_payloads(
    payloads: &[&[u8]],
    progress: impl Fn(usize),
) -> Vec<Result<VerifiedPledge, LinkError>> {
    let mut checked = Vec::with_capacity(payloads.len());
    // The task that read the links (a paste, a file, the stored record)
    // ends here: drawing and input come before the first batch.
    next_task().await;
    for batch in payloads.chunks(BATCH) {
        match verify_payloads(batch).await {
            // What the browser refuses is checked again in Rust: a stored
            // pledge is never set aside on one engine's word.
            Ok(answers) => checked.extend(answers.into_iter().zip(batch).map(|(a, b)| {
                a.or_else(|_| {
                    crate::domain::check_in_rust(&[b])
                        .pop()
                        .unwrap_or(Err(LinkError::new(crate::domain::LinkErrorKind::Truncated)))
                })
            })),
            Err(NoEd25519) => checked.extend(crate::domain::check_in_rust(batch)),
        }
        progress(checked.len());
        next_task().await;
    }
    checked
}

/// Resolves in a later task (`setTimeout(…, 0)`): what is drawn meanwhile
/// is drawn, and input is handled.
pub async fn next_task() {
    let promise = Promise::new(&mut |resolve, _| {
        let done = web_sys::window().and_then(|w| {
            w.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 0)
                .ok()
        });
        if done.is_none() {
            let _ = resolve.call0(&JsValue::UNDEFINED);
        }
    });
    let _ = JsFuture::from(promise).await;
}
