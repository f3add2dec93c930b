//! The card as an indexed-colour PNG in its palette.

use super::palette;

pub(super) fn rgb(hex: &str) -> [u8; 3] {
    let v = u32::from_str_radix(hex.trim_start_matches('#'), 16).unwrap_or(0);
    [(v >> 16) as u8, (v >> 8) as u8, v as u8]
}

/// The colours a drawn card may hold: the palette and the blends between
/// the pairs that meet at antialiased edges.
pub(super) fn card_colours() -> Vec<[u8; 3]> {
    use palette::*;
    let pairs = [
        (PAPER, INK),
        (PAPER, MUTED),
        (PAPER, ACCENT),
        (ACCENT, ON_ACCENT),
        (PAPER, TRACK),
        (TRACK, ACCENT),
        (QR_PAPER, QR_INK),
        (TRACK, INK),
        (PAPER, SEAL),
        (SEAL, ON_SEAL),
    ];
    let mut colours = Vec::new();
    for (a, b) in pairs {
        let (a, b) = (rgb(a), rgb(b));
        for step in 0..=6u16 {
            let mix =
                |i: usize| ((u16::from(a[i]) * (6 - step) + u16::from(b[i]) * step) / 6) as u8;
            let c = [mix(0), mix(1), mix(2)];
            if !colours.contains(&c) {
                colours.push(c);
            }
        }
    }
    colours
}

/// Encodes an RGBA image as an indexed-colour PNG in the card's palette.
///
/// The browser's own `toBlob` writes 8-bit RGB with fast compression: a
/// story card weighs about 180 KB. Snapped to the palette, indexed and
/// compressed hard, the same card stays well under the 150 KB budget.
pub fn encode_png(width: u32, height: u32, rgba: &[u8]) -> Option<Vec<u8>> {
    if rgba.len() != width as usize * height as usize * 4 {
        return None;
    }
    let colours = card_colours();
    let mut last_in = [0u8; 3];
    let mut last_index = 0u8;
    let mut indices = Vec::with_capacity(rgba.len() / 4);
    for px in rgba.chunks_exact(4) {
        let c = [px[0], px[1], px[2]];
        if c != last_in || indices.is_empty() {
            last_in = c;
            last_index = nearest(&colours, c);
        }
        indices.push(last_index);
    }
    let mut out = Vec::new();
    {
        let mut encoder = png::Encoder::new(&mut out, width, height);
        encoder.set_color(png::ColorType::Indexed);
        encoder.set_depth(png::BitDepth::Eight);
        encoder.set_palette(colours.concat());
        encoder.set_compression(png::Compression::Best);
        encoder.set_filter(png::FilterType::NoFilter);
        let mut writer = encoder.write_header().ok()?;
        writer.write_image_data(&indices).ok()?;
    }
    Some(out)
}

fn nearest(colours: &[[u8; 3]], c: [u8; 3]) -> u8 {
    let distance = |k: &[u8; 3]| -> i32 {
        (0..3)
            .map(|i| {
                let d = i32::from(k[i]) - i32::from(c[i]);
                d * d
            })
            .sum()
    };
    colours
        .iter()
        .enumerate()
        .min_by_key(|(_, k)| distance(k))
        .map_or(0, |(i, _)| i as u8)
}
