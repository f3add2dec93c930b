//! Mounts the wall build: what a visitor of the public wall loads (`?mur`,
//! a partner's `view=wall`; see `components::Parts::WALL`): the list, its
//! checks and the wall, without the journey, signing, the card or the
//! console (each hands over to the build that has it).

#[cfg(target_arch = "wasm32")]
fn main() {
    use pledge_widget::components::{mount_build, Parts};
    mount_build(Parts::WALL);
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("The widget runs in a browser: serve it with `scripts/serve`.");
}
