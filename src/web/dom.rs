use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement};

/// Class of the heading that receives focus when the step changes.
pub const STEP_HEADING_CLASS: &str = "pw-step__heading";

/// The element the widget mounts into: `#pledge-widget` if the page has
/// one (its loading message is cleared), else `<body>`; `None` outside a
/// page.
pub fn widget_host() -> Option<HtmlElement> {
    let document = document()?;
    match document
        .get_element_by_id("pledge-widget")
        .and_then(|e| e.dyn_into::<HtmlElement>().ok())
    {
        Some(host) => {
            host.set_text_content(None);
            Some(host)
        }
        None => document.body(),
    }
}

/// Moves focus to the current step's heading inside `root`, so keyboard and
/// screen-reader users start reading the new step from its top.
pub fn focus_step_heading(root: &Element) {
    focus_first(root, &format!(".{STEP_HEADING_CLASS}"));
}

/// Focuses the first element under `root` that matches `selector`.
pub fn focus_first(root: &Element, selector: &str) {
    if let Ok(Some(el)) = root.query_selector(selector) {
        if let Ok(el) = el.dyn_into::<HtmlElement>() {
            focus(&el);
        }
    }
}

/// Focuses an element.
pub fn focus(el: &HtmlElement) {
    let _ = el.focus();
}

pub(super) fn document() -> Option<web_sys::Document> {
    web_sys::window().and_then(|w| w.document())
}

/// Marks a moment for the benchmark (`performance.mark`).
pub fn mark(name: &str) {
    if let Some(performance) = web_sys::window().and_then(|w| w.performance()) {
        let _ = performance.mark(name);
    }
}
