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

/// The signatures laid out in `all` (key, signature, message, at `at`'s
/// (start, end) pairs), checked by the worker: `None` where it cannot
/// answer (the caller then checks on the page's thread). `canary` is one
/// more in `all` that is not valid (the first one with a bit of its
/// signature flipped), asked after the others: a worker that calls it
/// valid (one that says yes to everything, or no longer checks) is not
/// believed, and never asked again.
pub(super) async fn verify(
    all: &Uint8Array,
    at: &[(u32, u32)],
    canary: (u32, u32),
) -> Option<Result<Vec<bool>, NoEd25519>> {
    worker()?;
    let bounds: Vec<u32> = at
        .iter()
        .chain([&canary])
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
    // An answer of another length is no answer; one that calls the canary
    // valid, no worker to believe.
    if verdicts.len() != at.len() + 1 || verdicts.pop() != Some(0) {
        give_up();
        return None;
    }
    super::dom::mark("pw-verify-worker-answered");
    Some(Ok(verdicts.into_iter().map(|v| v == 1).collect()))
}
