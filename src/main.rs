//! Mounts the full build of the widget (see `components::Parts`), taking
//! over from the build that runs on the page, if any.

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
    let mounted = leptos::mount::mount_to(host, || {
        view! { <PledgeWidget parts=Parts::FULL /> }
    });
    // Kept until the wall's or the console's build takes over (a page
    // whose address turned to theirs).
    web::release_on_takeover(mounted);
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("The widget runs in a browser: serve it with `scripts/serve`.");
}
