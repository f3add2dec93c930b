//! Estimated text widths and wrapping (the estimate errs wide).

use super::Weight;

/// Estimated advance of one character, in ems. The estimate errs wide; the
/// drawing also passes each line's box width to the canvas, which narrows a
/// line rather than let it spill.
fn char_width(c: char, weight: Weight) -> f32 {
    let base = match c {
        'i' | 'l' | 'j' | 'I' | '.' | ',' | '\'' | ':' | ';' | '!' | '|' | ' ' | '·' => 0.3,
        'f' | 't' | 'r' | '(' | ')' | '-' => 0.42,
        'm' | 'w' | 'M' | 'W' | '@' => 0.9,
        c if c.is_ascii_uppercase() => 0.7,
        c if c.is_ascii() => 0.58,
        // Accented Latin, Greek, Cyrillic, Arabic, Hebrew…
        c if (c as u32) < 0x2E80 => 0.62,
        // CJK, emoji and other wide characters.
        _ => 1.05,
    };
    match weight {
        Weight::Regular => base,
        Weight::Bold => base * 1.07,
    }
}

/// Estimated width of `text` in pixels.
pub fn text_width(text: &str, size: f32, weight: Weight) -> f32 {
    text.chars().map(|c| char_width(c, weight)).sum::<f32>() * size
}

const ELLIPSIS: char = '…';

/// Breaks `text` into at most `max_lines` lines of at most `width` pixels,
/// at spaces where it can and anywhere where it must; the last line ends
/// with "…" when text is left over.
pub fn wrap(text: &str, size: f32, weight: Weight, width: f32, max_lines: usize) -> Vec<String> {
    let fits = |s: &str| text_width(s, size, weight) <= width;
    let mut lines: Vec<String> = Vec::new();
    let mut current = String::new();
    // Control characters never reach the card.
    let clean: String = text
        .chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect();
    let mut truncated = false;
    'words: for word in clean.split_whitespace() {
        let candidate = if current.is_empty() {
            word.to_owned()
        } else {
            format!("{current} {word}")
        };
        if fits(&candidate) {
            current = candidate;
            continue;
        }
        if !current.is_empty() {
            lines.push(std::mem::take(&mut current));
            if lines.len() == max_lines {
                truncated = true;
                break;
            }
        }
        // The word alone: split it where it must.
        for c in word.chars() {
            current.push(c);
            if !fits(&current) {
                current.pop();
                lines.push(std::mem::take(&mut current));
                if lines.len() == max_lines {
                    truncated = true;
                    break 'words;
                }
                current.push(c);
            }
        }
    }
    if !current.is_empty() {
        if lines.len() < max_lines {
            lines.push(current);
        } else {
            truncated = true;
        }
    }
    if truncated {
        if let Some(last) = lines.last_mut() {
            while !last.is_empty() && !fits(&format!("{last}{ELLIPSIS}")) {
                last.pop();
            }
            *last = format!("{}{ELLIPSIS}", last.trim_end());
        }
    }
    lines
}
