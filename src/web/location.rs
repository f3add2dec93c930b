/// The page's fragment, with its `#` ("" when there is none).
pub fn fragment() -> String {
    web_sys::window()
        .and_then(|w| w.location().hash().ok())
        .unwrap_or_default()
}

/// The widget's standalone page: this page's URL without fragment and
/// without frame-only parameters. Share links and QR codes point there,
/// never to a partner's page.
pub fn page_url() -> String {
    let href = web_sys::window()
        .and_then(|w| w.location().href().ok())
        .unwrap_or_default();
    crate::domain::standalone_url(&href)
}

/// Reloads the page (a new version of the widget was published).
pub fn reload() {
    if let Some(w) = web_sys::window() {
        let _ = w.location().reload();
    }
}

/// Drops the fragment from the address bar without reloading or adding a
/// history entry.
/// The rest of the address stays as it is (a partner's options in a frame,
/// the hand-over page's name).
pub fn clear_fragment() {
    if let Some(w) = web_sys::window() {
        let location = w.location();
        let here = format!(
            "{}{}",
            location.pathname().unwrap_or_default(),
            location.search().unwrap_or_default()
        );
        if let Ok(history) = w.history() {
            let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&here));
        }
    }
}

/// Leaves the wall's or the console's view for the candidate's own journey:
/// the address loses its fragment and what picks those pages
/// (`domain::journey_query`), so that a build started next, or a reload,
/// shows the journey.
pub fn leave_for_journey() {
    if let Some(w) = web_sys::window() {
        let location = w.location();
        let here = format!(
            "{}{}",
            location.pathname().unwrap_or_default(),
            crate::domain::journey_query(&location.search().unwrap_or_default())
        );
        if let Ok(history) = w.history() {
            let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&here));
        }
    }
}

/// Calls `f` with the new fragment whenever it changes (a link pasted in
/// the address bar of an open widget), until the calling owner is cleaned
/// up.
pub fn on_fragment_change(f: impl Fn(String) + 'static) {
    let handle =
        leptos::prelude::window_event_listener(leptos::ev::hashchange, move |_| f(fragment()));
    leptos::prelude::on_cleanup(move || handle.remove());
}

/// Today's date in the browser's time zone.
pub fn today() -> crate::domain::SigningDate {
    let now = js_sys::Date::new_0();
    crate::domain::SigningDate::from_ymd(
        now.get_full_year() as i32,
        now.get_month() + 1,
        now.get_date(),
    )
    .unwrap_or(crate::domain::SigningDate::from_days(0))
}

/// The browser's preferred languages, most preferred first.
pub fn browser_languages() -> Vec<String> {
    web_sys::window()
        .map(|w| {
            w.navigator()
                .languages()
                .iter()
                .filter_map(|l| l.as_string())
                .collect()
        })
        .unwrap_or_default()
}
