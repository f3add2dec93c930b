use std::cell::Cell;
use std::rc::Rc;

use wasm_bindgen::{closure::Closure, JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{Element, HtmlElement};

use crate::domain::{FrameStorage, OriginSharing};

/// The page's query string, with its `?` ("" when there is none).
pub fn query() -> String {
    web_sys::window()
        .and_then(|w| w.location().search().ok())
        .unwrap_or_default()
}

/// Whether the widget runs inside another page's frame.
pub fn is_framed() -> bool {
    web_sys::window()
        .and_then(|w| w.parent().ok().flatten().map(|p| p != w))
        .unwrap_or(false)
}

/// What this page's storage is to the widget's own page: `Shared` at top
/// level; in a frame, judged from the top page's origin and the Storage
/// Access API (see [`FrameStorage::judge`]).
pub async fn frame_storage() -> FrameStorage {
    if !is_framed() {
        return FrameStorage::Shared;
    }
    let Some(window) = web_sys::window() else {
        return FrameStorage::Unknown;
    };
    let own = own_origin().unwrap_or_default();
    let top = top_origin(&window);
    let access = has_storage_access(&window).await;
    FrameStorage::judge(&own, top.as_deref(), access)
}

/// The top page's origin: `location.ancestorOrigins` (Chromium, WebKit),
/// else the origin of the page that loaded this frame (Firefox, unless
/// that page sends no referrer).
fn top_origin(window: &web_sys::Window) -> Option<String> {
    let ancestors = js_sys::Reflect::get(&window.location(), &"ancestorOrigins".into())
        .ok()
        .filter(JsValue::is_object);
    if let Some(ancestors) = ancestors {
        let length = js_sys::Reflect::get(&ancestors, &"length".into())
            .ok()
            .and_then(|l| l.as_f64())
            .unwrap_or(0.0) as u32;
        if length > 0 {
            return js_sys::Reflect::get_u32(&ancestors, length - 1)
                .ok()
                .and_then(|o| o.as_string());
        }
    }
    let referrer = window.document()?.referrer();
    (!referrer.is_empty()).then(|| OriginSharing::origin(&referrer).to_owned())
}

/// `document.hasStorageAccess()`, where the browser has it.
async fn has_storage_access(window: &web_sys::Window) -> Option<bool> {
    let document = window.document()?;
    let method = js_sys::Reflect::get(&document, &"hasStorageAccess".into()).ok()?;
    let method = method.dyn_into::<js_sys::Function>().ok()?;
    let promise = method
        .call0(&document)
        .ok()?
        .dyn_into::<js_sys::Promise>()
        .ok()?;
    JsFuture::from(promise).await.ok()?.as_bool()
}

fn post_to_parent(kind: &str, height: Option<f64>) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let Some(parent) = window.parent().ok().flatten() else {
        return;
    };
    if parent == window {
        return;
    }
    let message = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&message, &"type".into(), &JsValue::from_str(kind));
    if let Some(h) = height {
        let _ = js_sys::Reflect::set(&message, &"height".into(), &JsValue::from_f64(h));
    }
    // The height is not a secret; the loader checks who sent it.
    let _ = parent.post_message(&message, "*");
}

/// Tells the embedding page the widget's height whenever its layout
/// changes, so the page can size the frame to fit (no inner scroll bar).
pub fn report_height(root: &Element) {
    if !is_framed() {
        return;
    }
    let last = Rc::new(Cell::new(0.0));
    let measure = {
        let root = root.clone();
        move || {
            let scroll_y = web_sys::window()
                .and_then(|w| w.scroll_y().ok())
                .unwrap_or(0.0);
            let height = (root.get_bounding_client_rect().bottom() + scroll_y).ceil();
            if (height - last.get()).abs() >= 1.0 {
                last.set(height);
                post_to_parent("pw-height", Some(height));
            }
        }
    };
    measure();
    let callback = Closure::<dyn Fn()>::new(measure);
    let Ok(observer) = web_sys::ResizeObserver::new(callback.as_ref().unchecked_ref()) else {
        return;
    };
    observer.observe(root);
    // Observes until the widget's owner is cleaned up (the journey build,
    // when the full build takes over).
    let observing = send_wrapper::SendWrapper::new((observer, callback));
    leptos::prelude::on_cleanup(move || {
        if observing.valid() {
            let (observer, _callback) = observing.take();
            observer.disconnect();
        }
    });
}

/// Asks the embedding page to bring the widget's top into view (after a
/// step change, when the frame's top may be scrolled away).
pub fn report_step_change() {
    post_to_parent("pw-step", None);
}

/// Applies a theme's custom properties on the widget root, through the
/// CSSOM (allowed under a strict style-src, unlike style attributes).
pub fn set_css_variable(el: &HtmlElement, name: &str, value: &str) {
    let _ = el.style().set_property(name, value);
}

/// The message a tab opened from a partner's frame sends back to that
/// frame once the candidate signed there.
const SIGNED_MESSAGE: &str = "pw-signed";

fn own_origin() -> Option<String> {
    web_sys::window().and_then(|w| w.location().origin().ok())
}

/// In the widget's own page, opened from a partner's frame to sign: tells
/// that frame (our own origin only) which pledge was signed, so it can show
/// it. Nothing else, never a key.
pub fn tell_opener_signed(payload_text: &str) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let Ok(opener) = window.opener() else {
        return;
    };
    // A window of another browsing context: `instanceof Window` is false
    // across realms, so no checked cast.
    if !opener.is_object() {
        return;
    }
    let opener = opener.unchecked_into::<web_sys::Window>();
    let Some(origin) = own_origin() else {
        return;
    };
    let message = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&message, &"type".into(), &SIGNED_MESSAGE.into());
    let _ = js_sys::Reflect::set(&message, &"payload".into(), &payload_text.into());
    // Only a page of the widget's own origin can read it.
    let _ = opener.post_message(&message, &origin);
}

/// Calls `f` with the payload of a pledge signed in a tab this frame
/// opened (a message from the widget's own origin), until the calling
/// owner is cleaned up.
pub fn on_signed_in_tab(f: impl Fn(String) + 'static) {
    let handle = leptos::prelude::window_event_listener(leptos::ev::message, move |event| {
        if Some(event.origin()) != own_origin() {
            return;
        }
        let data = event.data();
        let kind = js_sys::Reflect::get(&data, &"type".into())
            .ok()
            .and_then(|k| k.as_string());
        let payload = js_sys::Reflect::get(&data, &"payload".into())
            .ok()
            .and_then(|p| p.as_string());
        if let (Some(SIGNED_MESSAGE), Some(payload)) = (kind.as_deref(), payload) {
            f(payload);
        }
    });
    leptos::prelude::on_cleanup(move || handle.remove());
}

/// Shows `fragment` (with its `#`) in the address, as a click on a link
/// would: the widget follows it.
pub fn go_to_fragment(fragment: &str) {
    if let Some(w) = web_sys::window() {
        let _ = w.location().set_hash(fragment);
    }
}
