use std::panic;

use web_sys::Element;

use super::dom::document;
use crate::i18n::{Lang, Texts};

/// Class of the root element of the widget, where a fatal error is shown.
const WIDGET_CLASS: &str = "pw-widget";

/// Logs panics to the console and replaces the widget with a readable
/// message, instead of leaving a frozen or blank page.
pub fn install_panic_hook() {
    panic::set_hook(Box::new(|info| {
        console_error_panic_hook::hook(info);
        let Some(doc) = document() else {
            return;
        };
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

/// The language the widget showed: the nearest `lang` around `target`.
fn shown_texts(target: &Element) -> &'static Texts {
    target
        .closest("[lang]")
        .ok()
        .flatten()
        .and_then(|el| el.get_attribute("lang"))
        .and_then(|code| Lang::from_code(&code))
        .unwrap_or(Lang::Fr)
        .texts()
}

/// This page's address without its fragment: always on the widget's own
/// origin and path, whatever the path looks like (a path that starts with
/// `//` would otherwise read as another site).
fn reload_href() -> String {
    web_sys::window()
        .and_then(|w| w.location().href().ok())
        .map(|href| href.split('#').next().unwrap_or_default().to_owned())
        .unwrap_or_default()
}

/// Replaces the content of `target` with the fatal-error message, in the
/// language the widget showed. Built from plain DOM calls: after a panic
/// the reactive system cannot be trusted.
pub fn show_fatal_error(target: &Element) {
    let Some(doc) = document() else {
        return;
    };
    let t = shown_texts(target);
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
        make("p", "pw-fatal__title", t.fatal_title),
        make("p", "pw-fatal__body", t.fatal_body),
        make(
            "a",
            "pw-fatal__reload pw-button pw-button--primary",
            t.fatal_reload,
        ),
    ]
    .into_iter()
    .flatten()
    {
        if child.tag_name() == "A" {
            // A plain link reloads the page without running any Rust code.
            // It leaves out the fragment: a link to the same URL with a
            // fragment would only scroll, not reload.
            let _ = child.set_attribute("href", &reload_href());
        }
        let _ = panel.append_child(&child);
    }
    let _ = target.append_child(&panel);
}
