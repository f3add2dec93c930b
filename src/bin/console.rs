//! Mounts the console build: the organiser's console (`?organisateur`; see
//! `components::Parts::CONSOLE`) and the wall it publishes, without the
//! candidate's journey, signing or card (each hands over to the build that
//! has it).

#[cfg(target_arch = "wasm32")]
fn main() {
    use pledge_widget::components::{mount_build, Parts};
    mount_build(Parts::CONSOLE);
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("The widget runs in a browser: serve it with `scripts/serve`.");
}
