//! Mounts the full build of the widget (see `components::Parts`), taking
//! over from the journey build when that one runs on the page.

#[cfg(target_arch = "wasm32")]
fn main() {
    use leptos::prelude::*;
    use pledge_widget::components::{Parts, PledgeWidget};
    use pledge_widget::web;

    web::install_panic_hook();
    let Some(host) = web::widget_host() else {
        return;
    };
    web::release_journey_build();
    leptos::mount::mount_to(host, || {
        view! { <PledgeWidget parts=Parts::FULL /> }
    })
    .forget();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("The widget runs in a browser: serve it with `scripts/serve`.");
}
