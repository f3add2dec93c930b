use leptos::prelude::*;

#[component]
fn Counter() -> impl IntoView {
    let (count, set_count) = signal(0);
    view! {
        <button on:click=move |_| set_count.update(|n| *n += 1)>"Clicks: " {count}</button>
    }
}

fn main() {
    leptos::mount::mount_to_body(Counter);
}
