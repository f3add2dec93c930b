//! The one rule for the text a candidate signs (name, commune, list), applied
//! at both ends: [`Identity::error`](crate::domain::Identity::error) refuses it before
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
//! - No tag characters (U+E0000 to U+E007F): they draw nothing and can carry
//!   a hidden text, but for the emoji flags of a region (🏴 and a tag
//!   sequence, such as Scotland's or Wales').
//! - At most [`MAX_STACKED_MARKS`] nonspacing or enclosing marks in a row:
//!   more paint over the lines above and below.
//! - Something visible: a text that is empty once spaces and invisible or
//!   format characters are removed is refused.
//! - Signed as [`canonical`]: trimmed, every gap of white space one U+0020
//!   (HTML keeps a run of wide or non-breaking spaces, which could push the
//!   page's own words onto a line of their own), in Unicode Normalization
//!   Form C, so one name is one sequence of bytes however it was typed. A
//!   reader refuses text that is not NFC or holds a run of white space
//!   ([`is_readable`]; one other space character in a gap, as links signed
//!   before issue 22 may hold, still reads).

use crate::domain::journey::stacking_marks::is_stacking_mark;
use crate::unicode;

/// The most nonspacing or enclosing marks (General_Category Mn or Me) that
/// may follow one another, invisible characters between them not counting.
///
/// Four, because names in living scripts need at most three or four once in
/// NFC: Vietnamese two (« ệ » is one precomposed letter; a tone on a
/// letter with no precomposed form adds one), Yoruba and Lithuanian one or
/// two, Thai and Lao two (vowel and tone), Hebrew with points three (shin
/// dot, dagesh, vowel), Arabic two or three (shadda, vowel, a small high
/// letter), Devanagari three (nukta, vowel sign, candrabindu), Tibetan stacks
/// of subjoined letters with a vowel three or four, Myanmar two (its medials
/// and vowels are mostly spacing marks, which end a run). Unicode's
/// Stream-Safe Text Format allows 30 non-starters in a row, which is about
/// text processing, not display: thirty stacked marks reach several lines
/// above and below.
pub const MAX_STACKED_MARKS: usize = 4;

/// Why a text cannot go on a pledge.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TextFault {
    /// A control character, shown to the candidate by its code point.
    Control(char),
    /// An explicit bidirectional embedding, override or isolate.
    Direction(char),
    /// A tag character outside an emoji flag's tag sequence.
    Tag(char),
    /// More than [`MAX_STACKED_MARKS`] combining marks in a row.
    StackedMarks,
    /// Nothing visible: only spaces and invisible characters.
    Invisible,
}

/// The black flag that starts an emoji flag's tag sequence.
const FLAG_BASE: char = '\u{1F3F4}';
/// The tag that ends one.
const CANCEL_TAG: char = '\u{E007F}';

/// The first fault of `text`, or `None`. An empty text has none: whether a
/// field may be empty is the identity's rule, not this one.
pub fn fault(text: &str) -> Option<TextFault> {
    let mut visible = false;
    let mut marks = 0;
    let mut rest = text;
    while let Some(c) = rest.chars().next() {
        if c == FLAG_BASE {
            if let Some(len) = flag_tag_sequence(rest) {
                // A flag: one visible character, which ends a run of marks.
                (visible, marks, rest) = (true, 0, &rest[len..]);
                continue;
            }
        }
        rest = &rest[c.len_utf8()..];
        if is_control(c) {
            return Some(TextFault::Control(c));
        }
        if is_direction_formatting(c) {
            return Some(TextFault::Direction(c));
        }
        if is_tag(c) {
            return Some(TextFault::Tag(c));
        }
        if is_stacking_mark(c) {
            marks += 1;
            if marks > MAX_STACKED_MARKS {
                return Some(TextFault::StackedMarks);
            }
        } else if !is_invisible(c) || c.is_whitespace() {
            // A letter or a space is a new base; a joiner or other
            // invisible character between marks is not.
            marks = 0;
        }
        visible |= !is_invisible(c);
    }
    (!visible && !text.is_empty()).then_some(TextFault::Invisible)
}

/// The length in bytes of the emoji flag tag sequence `text` starts with
/// (U+1F3F4, then three to seven tags for the digits and small letters of a
/// subdivision code such as `gbsct`, then the cancel tag), if it does.
fn flag_tag_sequence(text: &str) -> Option<usize> {
    let mut chars = text.char_indices();
    if chars.next()?.1 != FLAG_BASE {
        return None;
    }
    let mut tags = 0;
    for (at, c) in chars {
        match c {
            '\u{E0030}'..='\u{E0039}' | '\u{E0061}'..='\u{E007A}' => tags += 1,
            CANCEL_TAG if (3..=7).contains(&tags) => return Some(at + c.len_utf8()),
            _ => return None,
        }
        if tags > 7 {
            return None;
        }
    }
    None
}

/// The form that is signed: trimmed, every gap of white space one U+0020,
/// then NFC.
pub fn canonical(text: &str) -> String {
    unicode::nfc(&collapse_spaces(text.trim()))
}

/// Whether a reader takes `text` as signed text, trimming aside (a reader
/// refuses untrimmed text as malformed, as it always did): NFC, and no gap
/// of white space holding more than one space character. The widget signs
/// every gap as one U+0020 ([`canonical`]); a link signed before it did may
/// hold one non-breaking or other space in a gap (a name pasted from a word
/// processor) and still verifies, since one space cannot push the page's
/// own words onto a line of their own. A run of them never verifies.
pub fn is_readable(text: &str) -> bool {
    let mut spaces_in_gap = 0;
    for c in text.chars() {
        if is_space(c) {
            spaces_in_gap += 1;
            if spaces_in_gap > 1 {
                return false;
            }
        } else if !is_invisible(c) || is_control(c) {
            spaces_in_gap = 0;
        }
    }
    unicode::is_nfc(text)
}

/// Whether `text` is in NFC.
pub fn is_normalized(text: &str) -> bool {
    unicode::is_nfc(text)
}

/// White space that [`canonical`] turns into U+0020: every white space
/// character but the controls (a line break or a tab is refused, not
/// hidden).
fn is_space(c: char) -> bool {
    c.is_whitespace() && !is_control(c)
}

/// Each gap (white space and the invisible characters among it) keeps one
/// U+0020, where its first space was, and its invisible characters: a run
/// of spaces broken by zero-width ones is still one gap.
fn collapse_spaces(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut spaced = false;
    for c in text.chars() {
        if is_space(c) {
            if !spaced {
                out.push(' ');
            }
            spaced = true;
        } else {
            if !is_invisible(c) || is_control(c) {
                spaced = false;
            }
            out.push(c);
        }
    }
    out
}

/// Tag characters (the Tags block, U+E0000 to U+E007F).
pub fn is_tag(c: char) -> bool {
    matches!(c, '\u{E0000}'..='\u{E007F}')
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
            .filter(|&c| {
                is_invisible(c) && !is_control(c) && !is_direction_formatting(c) && !is_tag(c)
            })
            .collect();
        assert!(invisible.len() > 3900, "{}", invisible.len());
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
    fn runs_of_wide_spaces_are_collapsed_at_signing() {
        // The issue's example: sixty em spaces would put the verdict's words
        // on a line of their own; signed, one space is left.
        let wide = format!("A{}Signature valide", "\u{2003}".repeat(60));
        assert_eq!(fault(&wide), None);
        assert_eq!(canonical(&wide), "A Signature valide");
        assert!(!is_readable(&wide));
        // One non-breaking space, as an older link may hold, still reads;
        // two do not.
        assert!(is_readable("Camille\u{A0}Dupont"));
        assert!(!is_readable("Camille\u{A0}\u{A0}Dupont"));
        assert!(!is_readable("Camille \u{200B}\u{2003}Dupont"));
        for (typed, signed) in [
            ("Camille  Dupont", "Camille Dupont"),
            ("Camille\u{A0}Dupont", "Camille Dupont"),
            ("Saint\u{202F}\u{3000}\u{2009}Denis", "Saint Denis"),
            // Zero-width characters do not split a gap: one space is kept,
            // in the first one's place, with them.
            ("A \u{200B} \u{200B} B", "A \u{200B}\u{200B}B"),
            ("A\u{2003}\u{FEFF}\u{2003}B", "A \u{FEFF}B"),
            ("  Zoé  ", "Zoé"),
            // A right-to-left mark by a space stays.
            ("قائمة\u{200F} 2020", "قائمة\u{200F} 2020"),
        ] {
            assert_eq!(canonical(typed), signed, "{typed:?}");
            assert!(is_readable(signed), "{signed:?}");
        }
        // Controls are not spaces to collapse: they stay, to be refused.
        assert_eq!(canonical("A\nB"), "A\nB");
        assert_eq!(fault(&canonical("A \t B")), Some(TextFault::Control('\t')));
    }

    #[test]
    fn stacks_of_more_than_four_marks_are_refused() {
        let zalgo = format!("Camille{}", "\u{346}".repeat(60));
        assert_eq!(fault(&zalgo), Some(TextFault::StackedMarks));
        let four = format!("Camille{}", "\u{346}".repeat(MAX_STACKED_MARKS));
        assert_eq!(fault(&four), None);
        assert_eq!(
            fault(&format!("{four}\u{301}")),
            Some(TextFault::StackedMarks)
        );
        // Enclosing marks stack too; joiners between marks do not end a run.
        assert_eq!(
            fault(&format!("A{}", "\u{20DD}".repeat(5))),
            Some(TextFault::StackedMarks)
        );
        assert_eq!(
            fault(&format!("A{}", "\u{346}\u{200C}".repeat(5))),
            Some(TextFault::StackedMarks)
        );
        // A letter or a space starts a new run.
        assert_eq!(fault(&format!("{four}a{four} {four}")), None);
        // Real names at their most stacked, typed decomposed or not.
        for ok in [
            "Nguyễn Thị Minh Khai",
            "Nguye\u{302}\u{303}n",
            "Ọlọ́runfẹ́mi",
            "שִׁמְעוֹן בֶּן", // shin dot, vowel; dagesh, vowel
            "محمّدٌ",
            "ก้อง สมศักดิ์",
            "क्षत्रियँ",
            "བསྒྲུབས",
            "ཧྨྱཱ",
            "မြွှေ",
            "1\u{FE0F}\u{20E3}", // keycap
        ] {
            assert_eq!(fault(&canonical(ok)), None, "{ok:?}");
        }
    }

    #[test]
    fn tags_are_refused_but_in_an_emoji_flag() {
        let scotland = "🏴\u{E0067}\u{E0062}\u{E0073}\u{E0063}\u{E0074}\u{E007F}";
        assert_eq!(fault(scotland), None);
        assert_eq!(fault(&format!("Liste {scotland} écossaise")), None);
        assert_eq!(fault(&format!("{scotland}{scotland}")), None);
        // Hidden text: « Camille » followed by tags spelling « signed ».
        let hidden: String = "signed"
            .chars()
            .map(|c| char::from_u32(0xE0000 + c as u32).unwrap())
            .collect();
        assert_eq!(
            fault(&format!("Camille{hidden}")),
            Some(TextFault::Tag('\u{E0073}'))
        );
        for bad in [
            "\u{E0001}Ana".to_owned(),                           // language tag
            "🏴\u{E0067}\u{E0062}".to_owned(),                   // no cancel tag
            "🏴\u{E007F}".to_owned(),                            // no code
            "🏴\u{E0047}\u{E0042}\u{E0053}\u{E007F}".to_owned(), // capitals
            format!("🏴{}\u{E007F}", "\u{E0061}".repeat(8)),     // too long
            format!("Ana{}", "\u{E007F}"),                       // cancel alone
            format!("{scotland}\u{E0061}"),                      // trailing tag
            "A\u{E0067}\u{E0062}\u{E0073}\u{E0063}\u{E0074}\u{E007F}".to_owned(), // no flag
        ] {
            assert!(matches!(fault(&bad), Some(TextFault::Tag(_))), "{bad:?}");
        }
        // Every tag character, alone or after a name.
        for c in ('\u{E0000}'..='\u{E007F}').filter(|&c| is_tag(c)) {
            assert_eq!(fault(&format!("Ana{c}")), Some(TextFault::Tag(c)));
        }
    }

    use crate::domain::test_rng::{random_text, Rng};

    #[test]
    fn canonical_text_is_idempotent_nfc_and_has_no_run_of_spaces() {
        let mut rng = Rng(0x7e47);
        for _ in 0..50_000 {
            let text = random_text(&mut rng);
            let once = canonical(&text);
            assert_eq!(canonical(&once), once, "{text:?}");
            assert!(is_readable(&once), "{text:?}");
            assert!(is_normalized(&once), "{text:?}");
            assert_eq!(once.trim(), once, "{text:?}");
            // Between two visible characters, at most one space: U+0020.
            let mut spaces = 0;
            for c in once.chars() {
                if is_space(c) {
                    assert_eq!(c, ' ', "{text:?}");
                    spaces += 1;
                    assert!(spaces <= 1, "{text:?} → {once:?}");
                } else if !is_invisible(c) || is_control(c) {
                    spaces = 0;
                }
            }
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
