//! Mounts the full build of the widget (see `components::Parts::FULL`): the
//! candidate's identity step, signing and card, taking over from the build
//! that runs on the page, if any.

#[cfg(target_arch = "wasm32")]
fn main() {
    use pledge_widget::components::{mount_build, Parts};
    mount_build(Parts::FULL);
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("The widget runs in a browser: serve it with `scripts/serve`.");
}
