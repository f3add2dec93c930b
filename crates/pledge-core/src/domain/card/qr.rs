//! QR codes as dark modules, horizontal runs and SVG paths.

use qrcode::{Color as QrColor, EcLevel, QrCode};

/// The QR code of `link`, as dark modules row by row, and its width.
pub fn qr_modules(link: &str) -> Option<(usize, Vec<bool>)> {
    let code = QrCode::with_error_correction_level(link.as_bytes(), EcLevel::L).ok()?;
    let width = code.width();
    let dark = code
        .to_colors()
        .into_iter()
        .map(|c| c == QrColor::Dark)
        .collect();
    Some((width, dark))
}

/// The dark modules of a QR code as horizontal runs: `(row, first column,
/// length)`. Drawing runs instead of single modules keeps both the canvas
/// calls and the SVG path short.
pub fn qr_runs(width: usize, dark: &[bool]) -> impl Iterator<Item = (usize, usize, usize)> + '_ {
    (0..width).flat_map(move |y| {
        let row = &dark[y * width..(y + 1) * width];
        let mut runs = Vec::new();
        let mut x = 0;
        while x < width {
            if row[x] {
                let start = x;
                while x < width && row[x] {
                    x += 1;
                }
                runs.push((y, start, x - start));
            } else {
                x += 1;
            }
        }
        runs
    })
}

/// The dark modules of a QR code as one SVG path, one unit per module,
/// for a `viewBox` of `0 0 width width` (print and screen).
pub fn qr_svg_path(width: usize, dark: &[bool]) -> String {
    qr_runs(width, dark)
        .map(|(y, x, len)| format!("M{x} {y}h{len}v1h-{len}z"))
        .collect()
}

/// Modules of white around a QR code, as the standard asks.
pub(super) const QUIET_ZONE: usize = 4;
