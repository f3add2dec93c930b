//! Mounts the widget. Everything else is in the library.

#[cfg(target_arch = "wasm32")]
fn main() {
    pledge_widget::web::install_panic_hook();
    leptos::mount::mount_to(
        pledge_widget::web::widget_host(),
        pledge_widget::components::PledgeWidget,
    )
    .forget();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("The widget runs in a browser: serve it with `scripts/serve`.");
}
