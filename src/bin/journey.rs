//! Mounts the journey build: the first screen's small wasm (see
//! `components::Parts`), kept until the full build takes over.

#[cfg(target_arch = "wasm32")]
fn main() {
    use leptos::prelude::*;
    use pledge_widget::components::{Parts, PledgeWidget};
    use pledge_widget::web;

    web::install_panic_hook();
    let Some(host) = web::widget_host() else {
        return;
    };
    // From a pledge link's page, the verify build was there first.
    web::release_journey_build();
    let mounted = leptos::mount::mount_to(host, || {
        view! { <PledgeWidget parts=Parts::JOURNEY /> }
    });
    web::release_on_takeover(mounted);
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("The widget runs in a browser: serve it with `scripts/serve`.");
}
