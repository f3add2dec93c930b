//! Mounts the verify build: what a pledge link's visitor loads (see
//! `components::Parts::VERIFY`), kept until the full build (the card) or
//! the journey build (« start my own ») takes over.

#[cfg(target_arch = "wasm32")]
fn main() {
    use pledge_widget::components::{mount_build, Parts};
    mount_build(Parts::VERIFY);
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("The widget runs in a browser: serve it with `scripts/serve`.");
}
