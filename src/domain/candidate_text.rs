//! The one rule for the text a candidate signs (name, commune, list), applied
//! at both ends: [`Identity::error`](super::Identity::error) refuses it before
//! signing, and the payload decoder refuses a signed link that breaks it, so a
//! link that a careful signer could not have made never shows as valid.
//!
//! - No control characters: C0 and C1 controls (a line break would let a name
//!   read « A », then « Signature valide » on a line of its own), the line and
//!   paragraph separators, and the interlinear annotation marks that hide text.
//! - No explicit direction formatting: embeddings and overrides (U+202A to
//!   U+202E) and isolates (U+2066 to U+2069), which can turn the text around
//!   it. Marks (U+200E, U+200F, U+061C) stay allowed: they change nothing
//!   beyond the isolated field they sit in.
//! - Something visible: a text that is empty once spaces and invisible or
//!   format characters are removed is refused.
//! - Signed as [`canonical`]: trimmed, in Unicode Normalization Form C, so one
//!   name is one sequence of bytes however the keyboard composed it.

use crate::unicode;

/// Why a text cannot go on a pledge.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TextFault {
    /// A control character, shown to the candidate by its code point.
    Control(char),
    /// An explicit bidirectional embedding, override or isolate.
    Direction(char),
    /// Nothing visible: only spaces and invisible characters.
    Invisible,
}

/// The first fault of `text`, or `None`. An empty text has none: whether a
/// field may be empty is the identity's rule, not this one.
pub fn fault(text: &str) -> Option<TextFault> {
    let mut visible = false;
    for c in text.chars() {
        if is_control(c) {
            return Some(TextFault::Control(c));
        }
        if is_direction_formatting(c) {
            return Some(TextFault::Direction(c));
        }
        visible |= !is_invisible(c);
    }
    (!visible && !text.is_empty()).then_some(TextFault::Invisible)
}

/// The form that is signed: trimmed, then NFC.
pub fn canonical(text: &str) -> String {
    unicode::nfc(text.trim())
}

/// Whether `text` is in NFC, as every signed text is.
pub fn is_normalized(text: &str) -> bool {
    unicode::is_nfc(text)
}

/// Controls that break lines or hide text.
pub fn is_control(c: char) -> bool {
    c.is_control() // Cc: U+0000–U+001F, U+007F–U+009F
        || matches!(c, '\u{2028}' | '\u{2029}') // line, paragraph separators
        || matches!(c, '\u{FFF9}'..='\u{FFFB}') // interlinear annotation
}

/// Bidi embeddings, overrides (LRE, RLE, PDF, LRO, RLO) and isolates (LRI,
/// RLI, FSI, PDI).
pub fn is_direction_formatting(c: char) -> bool {
    matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// Characters that draw nothing: white space, Unicode's default-ignorable
/// code points, the other format characters (Cf), and blank look-alikes.
pub fn is_invisible(c: char) -> bool {
    c.is_whitespace()
        || matches!(
            c,
            // Default_Ignorable_Code_Point (Unicode 15.1).
            '\u{00AD}'
                | '\u{034F}'
                | '\u{061C}'
                | '\u{115F}'..='\u{1160}'
                | '\u{17B4}'..='\u{17B5}'
                | '\u{180B}'..='\u{180F}'
                | '\u{200B}'..='\u{200F}'
                | '\u{202A}'..='\u{202E}'
                | '\u{2060}'..='\u{206F}'
                | '\u{3164}'
                | '\u{FE00}'..='\u{FE0F}'
                | '\u{FEFF}'
                | '\u{FFA0}'
                | '\u{FFF0}'..='\u{FFF8}'
                | '\u{1BCA0}'..='\u{1BCA3}'
                | '\u{1D173}'..='\u{1D17A}'
                | '\u{E0000}'..='\u{E0FFF}'
                // Other format characters (Cf) outside that set.
                | '\u{0600}'..='\u{0605}'
                | '\u{06DD}'
                | '\u{070F}'
                | '\u{0890}'..='\u{0891}'
                | '\u{08E2}'
                | '\u{110BD}'
                | '\u{110CD}'
                | '\u{13430}'..='\u{1343F}'
                | '\u{FFF9}'..='\u{FFFB}'
                // Blank look-alikes: braille blank, Hangul fillers.
                | '\u{2800}'
        )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ordinary_names_in_many_scripts_pass() {
        for ok in [
            "Camille Dupont",
            "Saint-Étienne",
            "L'Haÿ-les-Roses",
            "Zoé Ñúñez-Łukasiewicz",
            "王小明",
            "محمد الأمين",
            "שרה לוי",
            "Ελένη",
            "Nguyễn Thị Minh Khai",
            "Liste 🌱 citoyenne",
            "🏴\u{E0067}\u{E0062}\u{E0065}\u{E006E}\u{E0067}\u{E007F}", // tag sequence flag
            "فاطمة\u{200F} Martin", // a right-to-left mark is allowed
            "",
        ] {
            assert_eq!(fault(ok), None, "{ok:?}");
        }
    }

    #[test]
    fn the_issues_examples_are_refused() {
        assert_eq!(fault("\u{200B}"), Some(TextFault::Invisible));
        assert_eq!(fault("\u{2060}"), Some(TextFault::Invisible));
        assert_eq!(fault("A\nSignature valide"), Some(TextFault::Control('\n')));
        assert_eq!(fault("\0"), Some(TextFault::Control('\0')));
        assert_eq!(
            fault("Lyon\u{202E}ertnoc"),
            Some(TextFault::Direction('\u{202E}'))
        );
        assert_eq!(
            fault("  \u{3164}\u{FEFF} \u{2800}"),
            Some(TextFault::Invisible)
        );
    }

    #[test]
    fn every_control_is_refused_wherever_it_stands() {
        let controls = (0..=0x10FFFFu32)
            .filter_map(char::from_u32)
            .filter(|&c| is_control(c));
        let mut n = 0;
        for c in controls {
            n += 1;
            for text in [
                format!("{c}"),
                format!("Ana{c}"),
                format!("{c}Ana"),
                format!("A{c}na"),
            ] {
                assert_eq!(
                    fault(&text),
                    Some(TextFault::Control(c)),
                    "{:04X}",
                    c as u32
                );
            }
        }
        assert_eq!(
            n,
            32 + 1 + 32 + 2 + 3,
            "C0, DEL, C1, separators, annotation"
        );
    }

    #[test]
    fn every_direction_formatting_character_is_refused() {
        let all: Vec<char> = (0..=0x10FFFFu32)
            .filter_map(char::from_u32)
            .filter(|&c| is_direction_formatting(c))
            .collect();
        assert_eq!(all.len(), 9);
        for c in all {
            for text in [format!("{c}Ana"), format!("Ana{c}"), format!("محمد{c}")] {
                assert_eq!(
                    fault(&text),
                    Some(TextFault::Direction(c)),
                    "{:04X}",
                    c as u32
                );
            }
        }
    }

    #[test]
    fn any_text_made_only_of_invisible_characters_is_refused() {
        // Every invisible character that is not a control or a direction
        // character, alone, doubled, and mixed with spaces: refused. Next to
        // one visible letter: accepted.
        let invisible: Vec<char> = (0..=0x10FFFFu32)
            .filter_map(char::from_u32)
            .filter(|&c| is_invisible(c) && !is_control(c) && !is_direction_formatting(c))
            .collect();
        assert!(invisible.len() > 4000, "{}", invisible.len());
        for &c in &invisible {
            for text in [format!("{c}"), format!("{c}{c}"), format!(" {c} ")] {
                assert_eq!(fault(&text), Some(TextFault::Invisible), "{:04X}", c as u32);
            }
            assert_eq!(fault(&format!("{c}A")), None, "{:04X}", c as u32);
        }
    }

    #[test]
    fn visible_characters_of_every_plane_pass_alone() {
        // Sampled across the whole code space: any assigned-looking character
        // that none of the three classes names counts as visible.
        for cp in (0x21..=0x10FFFFu32).step_by(97) {
            let Some(c) = char::from_u32(cp) else {
                continue;
            };
            if is_invisible(c) || is_control(c) || is_direction_formatting(c) {
                continue;
            }
            assert_eq!(fault(&c.to_string()), None, "{cp:04X}");
        }
    }

    #[test]
    fn canonical_is_trimmed_nfc_and_idempotent() {
        let decomposed = "Saint-E\u{301}tienne"; // E + combining acute
        assert_ne!(decomposed, "Saint-Étienne");
        assert_eq!(canonical(decomposed), "Saint-Étienne");
        assert_eq!(canonical("  Zoe\u{308}  "), "Zoë");
        assert_eq!(canonical("한국"), "한국");
        assert_eq!(
            canonical("\u{1100}\u{1161}\u{11A8}"),
            "각",
            "conjoining jamo"
        );
        for text in [decomposed, " Ana ", "王小明", "\u{212B}ngström"] {
            let once = canonical(text);
            assert!(is_normalized(&once), "{text:?}");
            assert_eq!(canonical(&once), once);
        }
        assert!(!is_normalized(decomposed));
        assert!(!is_normalized("\u{212B}")); // Ångström sign: NFC is U+00C5
    }
}
