//! Mounts the commune build: what a visitor of one commune's wall loads
//! (`?mur&commune=69123`, a partner's `data-commune="69123"`; see
//! `components::Parts::COMMUNE`): the signed index and the commune's own
//! file, checked by the browser, and its wall; anything else hands over to
//! the wall build.

#[cfg(target_arch = "wasm32")]
fn main() {
    use leptos::prelude::*;
    use pledge_widget::components::{Parts, PledgeWidget};
    use pledge_widget::web;

    web::install_panic_hook();
    let Some(host) = web::widget_host() else {
        return;
    };
    let mounted = leptos::mount::mount_to(host, || {
        view! { <PledgeWidget parts=Parts::COMMUNE /> }
    });
    web::release_on_takeover(mounted);
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("The widget runs in a browser: serve it with `scripts/serve`.");
}
