//! WCAG 2.1 contrast between two sRGB colours: for a partner's accent
//! (`embed_options::Accent::readable_on`) and, at build time, a campaign's
//! colours (`build/campaign_file.rs` includes this file by path).

/// WCAG relative luminance of an sRGB colour.
pub fn relative_luminance(rgb: [u8; 3]) -> f64 {
    let channel = |c: u8| {
        let c = f64::from(c) / 255.0;
        if c <= 0.039_28 {
            c / 12.92
        } else {
            ((c + 0.055) / 1.055).powf(2.4)
        }
    };
    0.2126 * channel(rgb[0]) + 0.7152 * channel(rgb[1]) + 0.0722 * channel(rgb[2])
}

/// The contrast ratio of two relative luminances (1 to 21).
pub fn contrast(a: f64, b: f64) -> f64 {
    let (hi, lo) = if a > b { (a, b) } else { (b, a) };
    (hi + 0.05) / (lo + 0.05)
}

/// The contrast ratio of two colours.
pub fn contrast_of(a: [u8; 3], b: [u8; 3]) -> f64 {
    contrast(relative_luminance(a), relative_luminance(b))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn black_on_white_is_21_and_a_colour_on_itself_1() {
        assert!((contrast_of([0, 0, 0], [255, 255, 255]) - 21.0).abs() < 1e-9);
        assert!((contrast_of([138, 20, 81], [138, 20, 81]) - 1.0).abs() < 1e-9);
        // The Coorace accent on white reads (WCAG AA for text).
        assert!(contrast_of([0x8a, 0x14, 0x51], [255, 255, 255]) > 4.5);
    }
}
