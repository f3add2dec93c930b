//! The signatures' worker (`assets/verify-worker.js`): many Ed25519
//! signatures checked by WebCrypto off the page's thread, so that the wall
//! and the console stay responsive while thousands are checked. One worker
//! per page, started on first use; where it cannot start or answer (a host
//! without the file, a browser that refuses workers), the caller checks on
//! the page's thread as before, and never asks it again.

use std::cell::{Cell, RefCell};
use std::collections::HashMap;

use js_sys::{Function, Object, Promise, Reflect, Uint32Array, Uint8Array};
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{MessageEvent, Worker};

use super::verify::NoEd25519;

/// The worker's file, next to the widget's page.
const WORKER_FILE: &str = "verify-worker.js";
/// The protocol's version, as in the worker's file: an answer of another
/// (a cached worker of another build) is no answer.
const VERSION: u32 = 1;
/// How long a request may go unanswered before the worker is given up
/// (a worker that died without a word, a stalled fetch of its file).
const PATIENCE_MS: i32 = 30_000;

/// The page's worker, and the requests it has not answered yet.
struct Checker {
    worker: Worker,
    /// Each request's `resolve`, by id: called with the worker's answer,
    /// or with `undefined` where the worker failed.
    pending: HashMap<u32, Function>,
    next: u32,
    // Kept alive with the worker.
    _on_message: Closure<dyn FnMut(MessageEvent)>,
    _on_error: Closure<dyn FnMut(JsValue)>,
}

thread_local! {
    static CHECKER: RefCell<Option<Checker>> = const { RefCell::new(None) };
    /// The worker failed once (not found, refused, silent, of another
    /// version): never asked again.
    static BROKEN: Cell<bool> = const { Cell::new(false) };
}

/// Gives the worker up: every request waiting falls back, and it is never
/// asked again.
fn give_up() {
    BROKEN.set(true);
    settle(None, &JsValue::UNDEFINED);
    CHECKER.with_borrow(|c| {
        if let Some(c) = c {
            c.worker.terminate();
        }
    });
}

/// Resolves the request `id` (`None`: every request) with `answer`
/// (`undefined`: failed).
fn settle(id: Option<u32>, answer: &JsValue) {
    let resolve: Vec<Function> = CHECKER.with_borrow_mut(|c| match (c.as_mut(), id) {
        (None, _) => Vec::new(),
        (Some(c), Some(id)) => c.pending.remove(&id).into_iter().collect(),
        (Some(c), None) => c.pending.drain().map(|(_, r)| r).collect(),
    });
    for resolve in resolve {
        let _ = resolve.call1(&JsValue::UNDEFINED, answer);
    }
}

/// The page's worker, started on first use; `None` where it cannot be.
fn worker() -> Option<()> {
    if BROKEN.get() {
        return None;
    }
    if CHECKER.with_borrow(Option::is_some) {
        return Some(());
    }
    let Ok(worker) = Worker::new(WORKER_FILE) else {
        BROKEN.set(true);
        return None;
    };
    let on_message = Closure::<dyn FnMut(MessageEvent)>::new(|event: MessageEvent| {
        let data = event.data();
        let id = Reflect::get(&data, &"id".into())
            .ok()
            .and_then(|id| id.as_f64())
            .map(|id| id as u32);
        if id.is_some() {
            settle(id, &data);
        }
    });
    // Not found, not a script, refused, an answer that cannot be read:
    // every request falls back, and the worker is never asked again.
    let on_error = Closure::<dyn FnMut(JsValue)>::new(|_| give_up());
    worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
    worker.set_onmessageerror(Some(on_error.as_ref().unchecked_ref()));
    CHECKER.set(Some(Checker {
        worker,
        pending: HashMap::new(),
        next: 0,
        _on_message: on_message,
        _on_error: on_error,
    }));
    Some(())
}

/// RFC 8032's second test: key, signature of the one-byte message `r`.
const CANARY_KEY: [u8; 32] = [
    0x3d, 0x40, 0x17, 0xc3, 0xe8, 0x43, 0x89, 0x5a, 0x92, 0xb7, 0x0a, 0xa7, 0x4d, 0x1b, 0x7e, 0xbc,
    0x9c, 0x98, 0x2c, 0xcf, 0x2e, 0xc4, 0x96, 0x8c, 0xc0, 0xcd, 0x55, 0xf1, 0x2a, 0xf4, 0x66, 0x0c,
];
const CANARY_SIGNATURE: [u8; 64] = [
    0x92, 0xa0, 0x09, 0xa9, 0xf0, 0xd4, 0xca, 0xb8, 0x72, 0x0e, 0x82, 0x0b, 0x5f, 0x64, 0x25, 0x40,
    0xa2, 0xb2, 0x7b, 0x54, 0x16, 0x50, 0x3f, 0x8f, 0xb3, 0x76, 0x22, 0x23, 0xeb, 0xdb, 0x69, 0xda,
    0x08, 0x5a, 0xc1, 0xe4, 0x3e, 0x15, 0x99, 0x6e, 0x45, 0x8f, 0x36, 0x13, 0xd0, 0xf1, 0x1d, 0x8c,
    0x38, 0x7b, 0x2e, 0xae, 0xb4, 0x30, 0x2a, 0xee, 0xb0, 0x0d, 0x29, 0x16, 0x12, 0xbb, 0x0c, 0x00,
];

/// The bytes [`canaries`] adds: two keys, signatures and one-byte messages.
pub(super) const CANARIES_LEN: usize = 2 * (32 + 64 + 1);

/// Lays out, after the signatures in `all`, two whose answers the page
/// knows: RFC 8032's second test (valid), then the same with one bit of
/// `S` flipped (not valid). Their places in `all`.
pub(super) fn canaries(all: &mut Vec<u8>) -> [(u32, u32); 2] {
    [0u8, 1].map(|flip| {
        let start = all.len() as u32;
        all.extend_from_slice(&CANARY_KEY);
        all.extend_from_slice(&CANARY_SIGNATURE);
        all[start as usize + 64] ^= flip;
        all.push(b'r');
        (start, all.len() as u32)
    })
}

/// The signatures laid out in `all` (key, signature, message, at `at`'s
/// (start, end) pairs), checked by the worker: `None` where it cannot
/// answer (the caller then checks on the page's thread). `canaries` are
/// two more in `all` ([`canaries`]), asked after the others: a worker
/// that does not answer « valid, not valid » for them (one that says yes
/// to everything, or no to everything, or no longer checks) is not
/// believed, and never asked again. (It is code of the widget's own
/// origin: this catches a broken worker, not a hostile one.)
pub(super) async fn verify(
    all: &Uint8Array,
    at: &[(u32, u32)],
    canaries: [(u32, u32); 2],
) -> Option<Result<Vec<bool>, NoEd25519>> {
    worker()?;
    let bounds: Vec<u32> = at
        .iter()
        .chain(&canaries)
        .flat_map(|&(start, end)| [start, end])
        .collect();
    let request = Object::new();
    let id = CHECKER.with_borrow_mut(|c| {
        let c = c.as_mut()?;
        c.next = c.next.wrapping_add(1);
        Some(c.next)
    })?;
    Reflect::set(&request, &"v".into(), &VERSION.into()).ok()?;
    Reflect::set(&request, &"id".into(), &id.into()).ok()?;
    Reflect::set(&request, &"all".into(), all).ok()?;
    Reflect::set(&request, &"at".into(), &Uint32Array::from(&bounds[..])).ok()?;
    let answer = Promise::new(&mut |resolve, _| {
        CHECKER.with_borrow_mut(|c| {
            if let Some(c) = c.as_mut() {
                c.pending.insert(id, resolve);
            }
        });
    });
    let sent = CHECKER.with_borrow(|c| c.as_ref().map(|c| c.worker.post_message(&request).is_ok()));
    if sent != Some(true) {
        settle(Some(id), &JsValue::UNDEFINED);
        return None;
    }
    // Unanswered for too long: the worker is given up.
    if let Some(window) = web_sys::window() {
        let late = Closure::once_into_js(move || {
            if CHECKER.with_borrow(|c| c.as_ref().is_some_and(|c| c.pending.contains_key(&id))) {
                give_up();
            }
        });
        let _ = window.set_timeout_with_callback_and_timeout_and_arguments_0(
            late.unchecked_ref(),
            PATIENCE_MS,
        );
    }
    let answer = JsFuture::from(answer).await.ok()?;
    if answer.is_undefined() {
        return None;
    }
    let field = |name: &str| Reflect::get(&answer, &name.into()).unwrap_or_default();
    // A worker of another build: never asked again.
    if field("v").as_f64() != Some(f64::from(VERSION)) {
        give_up();
        return None;
    }
    if field("unsupported").is_truthy() {
        return Some(Err(NoEd25519));
    }
    let verdicts: Uint8Array = field("verdicts").dyn_into().ok()?;
    let mut verdicts = verdicts.to_vec();
    // An answer of another length is no answer; one wrong about the
    // canaries, no worker to believe.
    if verdicts.len() != at.len() + 2 || verdicts.split_off(at.len()) != [1, 0] {
        give_up();
        return None;
    }
    super::dom::mark("pw-verify-worker-answered");
    Some(Ok(verdicts.into_iter().map(|v| v == 1).collect()))
}
