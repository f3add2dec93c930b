use wasm_bindgen::JsCast;
use web_sys::{CanvasRenderingContext2d, HtmlCanvasElement, PointerEvent};

use crate::domain::{Drawing, PadPoint};

/// Where a pointer event falls on the pad, scaled to 0–1 on both axes.
pub fn pad_point(ev: &PointerEvent) -> Option<PadPoint> {
    let canvas: HtmlCanvasElement = ev.current_target()?.dyn_into().ok()?;
    let (w, h) = (canvas.client_width(), canvas.client_height());
    if w == 0 || h == 0 {
        return None;
    }
    Some(PadPoint {
        x: ev.offset_x() as f32 / w as f32,
        y: ev.offset_y() as f32 / h as f32,
    })
}

/// Keeps receiving a stroke's moves even when the finger leaves the pad.
pub fn capture_pointer(ev: &PointerEvent) {
    if let Some(el) = ev
        .current_target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
    {
        let _ = el.set_pointer_capture(ev.pointer_id());
    }
}

/// Draws the strokes on the pad, sized to its box at the screen's density.
pub fn draw_pad(canvas: &HtmlCanvasElement, drawing: &Drawing, color: &str) {
    let ratio = web_sys::window().map_or(1.0, |w| w.device_pixel_ratio());
    let (w, h) = (
        (f64::from(canvas.client_width()) * ratio) as u32,
        (f64::from(canvas.client_height()) * ratio) as u32,
    );
    if canvas.width() != w || canvas.height() != h {
        canvas.set_width(w);
        canvas.set_height(h);
    }
    let Some(ctx) = canvas
        .get_context("2d")
        .ok()
        .flatten()
        .and_then(|c| c.dyn_into::<CanvasRenderingContext2d>().ok())
    else {
        return;
    };
    let (w, h) = (f64::from(w), f64::from(h));
    ctx.clear_rect(0.0, 0.0, w, h);
    let strokes = drawing.strokes().iter().map(|stroke| {
        stroke
            .iter()
            .map(|p| (f64::from(p.x) * w, f64::from(p.y) * h))
    });
    draw_strokes(&ctx, strokes, color, 2.5 * ratio);
}

/// Strokes a handwritten signature: round ends, and a one-point stroke
/// (a dot) still shows. Shared by the pad and the card.
pub(super) fn draw_strokes<S, P>(
    ctx: &CanvasRenderingContext2d,
    strokes: S,
    color: &str,
    width: f64,
) where
    S: IntoIterator<Item = P>,
    P: IntoIterator<Item = (f64, f64)>,
{
    ctx.set_stroke_style_str(color);
    ctx.set_line_width(width);
    ctx.set_line_cap("round");
    ctx.set_line_join("round");
    for stroke in strokes {
        ctx.begin_path();
        for (i, (x, y)) in stroke.into_iter().enumerate() {
            if i == 0 {
                ctx.move_to(x, y);
                ctx.line_to(x + 0.1, y);
            } else {
                ctx.line_to(x, y);
            }
        }
        ctx.stroke();
    }
}
