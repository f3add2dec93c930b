use std::cell::Cell;

use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{
    Blob, BlobPropertyBag, CanvasRenderingContext2d, FontFace, FontFaceDescriptors,
    HtmlCanvasElement,
};

use super::dom::document;
use super::signature_pad::draw_strokes;
use crate::domain::card::{
    encode_png, qr_runs, seal, Align, CardItem, CardLayout, Rect, Weight, QR_QUIET_ZONE,
};

/// The card's typeface: Atkinson Hyperlegible (SIL OFL), shipped in
/// `fonts/` and fetched only when a card is first made.
pub const CARD_FONT: &str = "Atkinson Hyperlegible";

const LATIN: &str = "U+0000-00FF,U+0131,U+0152-0153,U+02BB-02BC,U+02C6,U+02DA,U+02DC,U+0304,U+0308,U+0329,U+2000-206F,U+20AC,U+2122,U+2191,U+2193,U+2212,U+2215,U+FEFF,U+FFFD";
const LATIN_EXT: &str = "U+0100-02BA,U+02BD-02C5,U+02C7-02CC,U+02CE-02D7,U+02DD-02FF,U+1D00-1DBF,U+1E00-1E9F,U+1EF2-1EFF,U+2020,U+20A0-20AB,U+20AD-20C0,U+2113,U+2C60-2C7F,U+A720-A7FF";

thread_local! {
    static FONT_LOADED: Cell<bool> = const { Cell::new(false) };
}

/// Loads the card's typeface once. Without it (offline before the first
/// card, blocked) the card is drawn with the system's sans-serif.
pub async fn load_card_font() {
    if FONT_LOADED.with(Cell::get) {
        return;
    }
    let Some(fonts) = document().map(|d| d.fonts()) else {
        return;
    };
    for (weight, subset, range) in [
        ("400", "latin", LATIN),
        ("700", "latin", LATIN),
        ("400", "latin-ext", LATIN_EXT),
        ("700", "latin-ext", LATIN_EXT),
    ] {
        let descriptors = FontFaceDescriptors::new();
        descriptors.set_weight(weight);
        descriptors.set_unicode_range(range);
        let source = format!("url(fonts/atkinson-hyperlegible-{subset}-{weight}-normal.woff2)");
        let Ok(face) = FontFace::new_with_str_and_descriptors(CARD_FONT, &source, &descriptors)
        else {
            continue;
        };
        if let Ok(promise) = face.load() {
            if JsFuture::from(promise).await.is_ok() {
                let _ = fonts.add(&face);
            }
        }
    }
    FONT_LOADED.with(|f| f.set(true));
}

fn font(size: f32, weight: Weight) -> String {
    let w = match weight {
        Weight::Regular => 400,
        Weight::Bold => 700,
    };
    // Whole pixels: formatting an f32 would pull float printing into the wasm.
    let px = size.round() as u32;
    format!("{w} {px}px \"{CARD_FONT}\", system-ui, sans-serif")
}

/// Draws a card layout on a new canvas.
pub fn draw_card(layout: &CardLayout) -> Option<HtmlCanvasElement> {
    let canvas: HtmlCanvasElement = document()?.create_element("canvas").ok()?.dyn_into().ok()?;
    canvas.set_width(layout.width as u32);
    canvas.set_height(layout.height as u32);
    // An opaque canvas encodes as RGB rather than RGBA: smaller PNGs.
    let options = web_sys::ContextAttributes2d::new();
    options.set_alpha(false);
    let ctx: CanvasRenderingContext2d = canvas
        .get_context_with_context_options("2d", &options)
        .ok()??
        .dyn_into()
        .ok()?;
    ctx.set_text_baseline("top");
    for item in &layout.items {
        match item {
            CardItem::Fill { rect, color } => {
                ctx.set_fill_style_str(color);
                ctx.fill_rect(rect.x.into(), rect.y.into(), rect.w.into(), rect.h.into());
            }
            CardItem::Text {
                rect,
                lines,
                size,
                line_height,
                weight,
                color,
                align,
            } => {
                ctx.set_font(&font(*size, *weight));
                ctx.set_fill_style_str(color);
                let (x, text_align) = match align {
                    Align::Left => (rect.x, "left"),
                    Align::Right => (rect.right(), "right"),
                };
                ctx.set_text_align(text_align);
                // Nothing paints outside the box: not a stack of marks, not
                // a glyph wider than estimated.
                ctx.save();
                clip_to(&ctx, rect);
                for (i, line) in lines.iter().enumerate() {
                    let y = rect.y + i as f32 * line_height + (line_height - size) / 2.0;
                    // The box width bounds the line whatever the real glyphs.
                    let _ = ctx.fill_text_with_max_width(line, x.into(), y.into(), rect.w.into());
                }
                ctx.restore();
            }
            CardItem::Seal { rect, color, ink } => draw_seal(&ctx, rect, color, ink),
            CardItem::Qr {
                rect,
                width,
                dark,
                paper,
                ink,
            } => {
                ctx.set_fill_style_str(paper);
                ctx.fill_rect(rect.x.into(), rect.y.into(), rect.w.into(), rect.h.into());
                let modules = width + 2 * QR_QUIET_ZONE;
                // Whole pixels per module keep the code crisp and scannable.
                let px = (rect.w / modules as f32).floor().max(1.0);
                let offset_x =
                    rect.x + (rect.w - px * modules as f32) / 2.0 + px * QR_QUIET_ZONE as f32;
                let offset_y =
                    rect.y + (rect.h - px * modules as f32) / 2.0 + px * QR_QUIET_ZONE as f32;
                ctx.set_fill_style_str(ink);
                for (y, x, len) in qr_runs(*width, dark) {
                    ctx.fill_rect(
                        (offset_x + x as f32 * px).into(),
                        (offset_y + y as f32 * px).into(),
                        (px * len as f32).into(),
                        px.into(),
                    );
                }
            }
            CardItem::Drawing {
                rect,
                strokes,
                color,
            } => {
                let (x0, y0) = (f64::from(rect.x), f64::from(rect.y));
                let (w, h) = (f64::from(rect.w), f64::from(rect.h));
                let points = strokes.iter().map(|stroke| {
                    stroke.iter().map(move |&(gx, gy)| {
                        (
                            x0 + f64::from(gx) / 127.0 * w,
                            y0 + f64::from(gy) / 63.0 * h,
                        )
                    })
                });
                draw_strokes(&ctx, points, color, (h / 22.0).max(2.0));
            }
        }
    }
    Some(canvas)
}

fn clip_to(ctx: &CanvasRenderingContext2d, rect: &Rect) {
    ctx.begin_path();
    ctx.rect(rect.x.into(), rect.y.into(), rect.w.into(), rect.h.into());
    ctx.clip();
}

/// The organiser's seal: its rosette filled with `color`, its check mark
/// stroked with `ink`, scaled from the seal's grid into `rect`.
fn draw_seal(ctx: &CanvasRenderingContext2d, rect: &Rect, color: &str, ink: &str) {
    let unit = f64::from(rect.w.min(rect.h)) / f64::from(seal::GRID);
    let at = |(x, y): (u8, u8)| {
        (
            f64::from(rect.x) + f64::from(x) * unit,
            f64::from(rect.y) + f64::from(y) * unit,
        )
    };
    let path = |points: &[(u8, u8)]| {
        ctx.begin_path();
        for (i, &p) in points.iter().enumerate() {
            let (x, y) = at(p);
            if i == 0 {
                ctx.move_to(x, y);
            } else {
                ctx.line_to(x, y);
            }
        }
    };
    path(&seal::OUTLINE);
    ctx.close_path();
    ctx.set_fill_style_str(color);
    ctx.fill();
    path(&seal::CHECK);
    ctx.set_stroke_style_str(ink);
    ctx.set_line_width(f64::from(seal::CHECK_WIDTH) * unit);
    ctx.set_line_cap("round");
    ctx.set_line_join("round");
    ctx.stroke();
}

/// A PNG image in the browser's memory, handed back to `web`'s sharing
/// functions (components hold it without touching `web_sys`).
pub type PngBlob = Blob;

/// The canvas as a compact PNG blob (see `card::encode_png`).
pub fn canvas_png(canvas: &HtmlCanvasElement) -> Option<Blob> {
    let ctx: CanvasRenderingContext2d = canvas.get_context("2d").ok()??.dyn_into().ok()?;
    let (w, h) = (canvas.width(), canvas.height());
    let pixels = ctx
        .get_image_data(0.0, 0.0, w.into(), h.into())
        .ok()?
        .data()
        .0;
    let png = encode_png(w, h, &pixels)?;
    let options = BlobPropertyBag::new();
    options.set_type("image/png");
    let parts = js_sys::Array::of1(&js_sys::Uint8Array::from(&png[..]));
    Blob::new_with_u8_array_sequence_and_options(&parts, &options).ok()
}

/// Draws a card and encodes it as PNG.
pub async fn card_png(layout: &CardLayout) -> Option<Blob> {
    load_card_font().await;
    let canvas = draw_card(layout)?;
    canvas_png(&canvas)
}
