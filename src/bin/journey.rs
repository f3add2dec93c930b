//! Mounts the journey build: the first screen's small wasm (see
//! `components::Parts::JOURNEY`), kept until the full build takes over.

#[cfg(target_arch = "wasm32")]
fn main() {
    use pledge_widget::components::{mount_build, Parts};
    mount_build(Parts::JOURNEY);
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("The widget runs in a browser: serve it with `scripts/serve`.");
}
