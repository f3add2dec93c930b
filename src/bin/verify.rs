//! Mounts the verify build: what a pledge link's visitor loads (see
//! `components::Parts::VERIFY`), kept until the full build (the card) or
//! the journey build (« start my own ») takes over.

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
        view! { <PledgeWidget parts=Parts::VERIFY /> }
    });
    web::release_on_takeover(mounted);
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("The widget runs in a browser: serve it with `scripts/serve`.");
}
