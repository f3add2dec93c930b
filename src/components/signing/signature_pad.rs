use leptos::{ev::PointerEvent, html, prelude::*};

use crate::state::journey_texts;

use crate::domain::Drawing;
use crate::web;

/// A pad to draw a handwritten signature with a finger, stylus or mouse.
/// Optional: the pledge can be signed without it.
#[component]
pub fn SignaturePad(
    /// The drawing, kept by the step so that it survives re-renders.
    drawing: RwSignal<Drawing>,
) -> impl IntoView {
    let canvas = NodeRef::<html::Canvas>::new();
    let drawing_now = RwSignal::new(false);

    Effect::new(move |_| {
        drawing.track();
        if let Some(canvas) = canvas.get() {
            drawing.with(|d| web::draw_pad(&canvas, d, "#1c1b1f"));
        }
    });

    let down = move |ev: PointerEvent| {
        if let Some(p) = web::pad_point(&ev) {
            ev.prevent_default();
            web::capture_pointer(&ev);
            drawing_now.set(true);
            drawing.update(|d| d.begin(p));
        }
    };
    let moved = move |ev: PointerEvent| {
        if drawing_now.get_untracked() {
            if let Some(p) = web::pad_point(&ev) {
                drawing.update(|d| d.extend(p));
            }
        }
    };
    let up = move |_: PointerEvent| drawing_now.set(false);

    view! {
        <div class="pw-pad">
            <p class="pw-field__label" id="pw-pad-label">
                {move || journey_texts().pad_label}
            </p>
            <p class="pw-pad__hint" id="pw-pad-hint">
                {move || journey_texts().pad_hint}
            </p>
            <canvas
                class="pw-pad__canvas"
                node_ref=canvas
                role="img"
                aria-labelledby="pw-pad-label"
                aria-describedby="pw-pad-hint"
                on:pointerdown=down
                on:pointermove=moved
                on:pointerup=up
                on:pointercancel=up
            ></canvas>
            <button
                type="button"
                class="pw-button pw-button--quiet pw-pad__clear"
                disabled=move || drawing.with(Drawing::is_empty)
                on:click=move |_| drawing.update(Drawing::clear)
            >
                {move || journey_texts().pad_clear}
            </button>
        </div>
    }
}
