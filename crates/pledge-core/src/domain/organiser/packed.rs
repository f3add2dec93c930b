//! Bytes as text for the browser's storage, 15 bits per character.
//!
//! Browsers count `localStorage` in UTF-16 units (Firefox, about 5 million
//! per origin) or in bytes of UTF-16 (Chromium, 10 MiB): base64 spends a
//! unit on 6 bits, this spends one on 15, so the organiser's console holds
//! 2.5 times more pledges in the same quota. Each character is one of the
//! 32,768 code points from U+4E00 to U+CDFF: scalar values of the Basic
//! Multilingual Plane, below the surrogates, so the text survives every
//! conversion between UTF-8 and UTF-16 unchanged. The text starts with the
//! byte count (two characters, 30 bits), so that the last character's
//! unused bits are not read as bytes.

/// The first code point used.
const BASE: u32 = 0x4E00;
/// Bits per character.
const BITS: u32 = 15;
const MASK: u32 = (1 << BITS) - 1;

/// The text of `bytes` (at most 2³⁰ − 1 of them).
pub fn pack(bytes: &[u8]) -> String {
    let len = bytes.len() as u32;
    let mut out = String::with_capacity((bytes.len() * 8).div_ceil(15) * 3 + 6);
    let mut push = |v: u32| out.push(char::from_u32(BASE + (v & MASK)).unwrap_or('\u{4E00}'));
    push(len >> BITS);
    push(len);
    let (mut acc, mut held) = (0u32, 0u32);
    for &b in bytes {
        acc = (acc << 8) | u32::from(b);
        held += 8;
        if held >= BITS {
            held -= BITS;
            push(acc >> held);
            acc &= (1 << held) - 1;
        }
    }
    if held > 0 {
        push(acc << (BITS - held));
    }
    out
}

/// The bytes of a text [`pack`] made; `None` for any other text (a
/// character out of range, a count that does not match the text's length,
/// unused bits that are not zero).
pub fn unpack(text: &str) -> Option<Vec<u8>> {
    let mut values = text.chars().map(|c| {
        let v = u32::from(c).checked_sub(BASE)?;
        (v <= MASK).then_some(v)
    });
    let len = (values.next()?? << BITS | values.next()??) as usize;
    let chars = text.chars().count() - 2;
    if chars as u64 != (len as u64 * 8).div_ceil(u64::from(BITS)) {
        return None;
    }
    let mut out = Vec::with_capacity(len);
    let (mut acc, mut held) = (0u32, 0u32);
    for v in values {
        acc = (acc << BITS) | v?;
        held += BITS;
        while held >= 8 && out.len() < len {
            held -= 8;
            out.push((acc >> held) as u8);
            acc &= (1 << held) - 1;
        }
    }
    // What is left are the last character's padding bits: all zero.
    (out.len() == len && acc == 0).then_some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_length_and_byte_comes_back() {
        for len in 0..64usize {
            let bytes: Vec<u8> = (0..len).map(|i| (i * 37 + len * 11) as u8 ^ 0xA5).collect();
            let text = pack(&bytes);
            assert_eq!(text.chars().count(), 2 + (len * 8).div_ceil(15));
            assert_eq!(unpack(&text).as_deref(), Some(&bytes[..]), "{len} bytes");
        }
        let all: Vec<u8> = (0..=255).collect();
        assert_eq!(unpack(&pack(&all)), Some(all));
    }

    #[test]
    fn only_code_points_of_the_range_are_written() {
        let text = pack(&[0xFF; 100]);
        assert!(text.chars().all(|c| ('\u{4E00}'..='\u{CDFF}').contains(&c)));
        // Half the characters of base64, for the same bytes.
        assert!(text.chars().count() * 2 < 100 * 4 / 3 + 4);
    }

    #[test]
    fn any_other_text_is_refused() {
        let text = pack(b"pledges");
        let mut chars: Vec<char> = text.chars().collect();
        let cases = [
            String::new(),
            "\u{4E00}".into(),
            format!("{text}\u{4E00}"),
            text.chars().take(text.chars().count() - 1).collect(),
            text.replacen('\u{4E00}', "A", 1),
            {
                // Padding bits set in the last character.
                let last = chars.len() - 1;
                chars[last] = char::from_u32(u32::from(chars[last]) | 1).unwrap();
                chars.iter().collect()
            },
        ];
        for case in cases {
            assert_eq!(unpack(&case), None, "{case:?}");
        }
    }
}
