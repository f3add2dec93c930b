//! Mounts the console build: the organiser's console (`?organisateur`; see
//! `components::Parts::CONSOLE`) and the wall it publishes, without the
//! candidate's journey, signing or card (each hands over to the build that
//! has it).

#[cfg(target_arch = "wasm32")]
fn main() {
    use leptos::prelude::*;
    use pledge_widget::components::{Parts, PledgeWidget};
    use pledge_widget::web;

    web::install_panic_hook();
    let Some(host) = web::widget_host() else {
        return;
    };
    // From a page whose address turned to this build's, another build was
    // there first.
    web::release_journey_build();
    let mounted = leptos::mount::mount_to(host, || {
        view! { <PledgeWidget parts=Parts::CONSOLE /> }
    });
    web::release_on_takeover(mounted);
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("The widget runs in a browser: serve it with `scripts/serve`.");
}
