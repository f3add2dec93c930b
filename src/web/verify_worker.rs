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
    /// The worker failed once (not found, refused): never asked again.
    static BROKEN: Cell<bool> = const { Cell::new(false) };
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
    let worker = Worker::new(WORKER_FILE).ok()?;
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
    // Not found, not a script, refused: every request falls back, and the
    // worker is never asked again.
    let on_error = Closure::<dyn FnMut(JsValue)>::new(|_| {
        BROKEN.set(true);
        settle(None, &JsValue::UNDEFINED);
        CHECKER.with_borrow(|c| {
            if let Some(c) = c {
                c.worker.terminate();
            }
        });
    });
    worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
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
/// answer (the caller then checks on the page's thread).
pub(super) async fn verify(
    all: &Uint8Array,
    at: &[(u32, u32)],
) -> Option<Result<Vec<bool>, NoEd25519>> {
    worker()?;
    let bounds: Vec<u32> = at.iter().flat_map(|&(start, end)| [start, end]).collect();
    let request = Object::new();
    let id = CHECKER.with_borrow_mut(|c| {
        let c = c.as_mut()?;
        c.next = c.next.wrapping_add(1);
        Some(c.next)
    })?;
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
    let answer = JsFuture::from(answer).await.ok()?;
    if answer.is_undefined() {
        return None;
    }
    if Reflect::get(&answer, &"unsupported".into())
        .ok()?
        .is_truthy()
    {
        return Some(Err(NoEd25519));
    }
    let verdicts: Uint8Array = Reflect::get(&answer, &"verdicts".into())
        .ok()?
        .dyn_into()
        .ok()?;
    // An answer of another length is no answer.
    (verdicts.length() as usize == at.len())
        .then(|| Ok(verdicts.to_vec().into_iter().map(|v| v == 1).collect()))
}
