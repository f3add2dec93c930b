use std::panic;

use web_sys::Element;

use super::dom::document;
use crate::i18n::FR;

/// Class of the root element of the widget, where a fatal error is shown.
const WIDGET_CLASS: &str = "pw-widget";

/// Logs panics to the console and replaces the widget with a readable
/// message, instead of leaving a frozen or blank page.
pub fn install_panic_hook() {
    panic::set_hook(Box::new(|info| {
        console_error_panic_hook::hook(info);
        let doc = document();
        let target = doc
            .query_selector(&format!(".{WIDGET_CLASS}"))
            .ok()
            .flatten()
            .or_else(|| doc.get_element_by_id("pledge-widget"))
            .or_else(|| doc.body().map(Element::from));
        if let Some(target) = target {
            show_fatal_error(&target);
        }
    }));
}

/// Replaces the content of `target` with the fatal-error message. Built from
/// plain DOM calls: after a panic the reactive system cannot be trusted.
pub fn show_fatal_error(target: &Element) {
    let doc = document();
    let make = |tag: &str, class: &str, text: &str| -> Option<Element> {
        let el = doc.create_element(tag).ok()?;
        el.set_class_name(class);
        el.set_text_content(Some(text));
        Some(el)
    };
    target.set_text_content(None);
    let Some(panel) = make("div", "pw-fatal", "") else {
        return;
    };
    let _ = panel.set_attribute("role", "alert");
    for child in [
        make("p", "pw-fatal__title", FR.fatal_title),
        make("p", "pw-fatal__body", FR.fatal_body),
        make(
            "a",
            "pw-fatal__reload pw-button pw-button--primary",
            FR.fatal_reload,
        ),
    ]
    .into_iter()
    .flatten()
    {
        if child.tag_name() == "A" {
            // A plain link reloads the page without running any Rust code.
            // It leaves out the fragment: a link to the same URL with a
            // fragment would only scroll, not reload.
            let href = web_sys::window()
                .map(|w| w.location())
                .map(|l| l.pathname().unwrap_or_default() + &l.search().unwrap_or_default())
                .unwrap_or_default();
            let _ = child.set_attribute("href", &href);
        }
        let _ = panel.append_child(&child);
    }
    let _ = target.append_child(&panel);
}
