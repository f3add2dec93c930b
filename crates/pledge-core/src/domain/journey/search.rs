//! Search that forgives what people type differently: accents, case,
//! hyphens and apostrophes, « Saint »/« St ». `fold` turns a name or a
//! query into one comparable form; a query matches a text when its folded
//! form is part of the text's.

use crate::unicode;

/// `text` folded for search: decomposed with its accents dropped, in lower
/// case, every run of non-alphanumeric characters as one space, and the
/// words « saint », « sainte » (and « st », « ste ») as « st », « ste ».
///
/// ```
/// use pledge_core::domain::journey::search::fold;
/// assert_eq!(fold("Saint-Étienne"), fold("saint etienne"));
/// assert_eq!(fold("ST-ETIENNE"), "st etienne");
/// ```
pub fn fold(text: &str) -> String {
    let decomposed = if text.is_ascii() {
        text.to_owned()
    } else {
        unicode::nfkd(text)
    };
    let mut letters = String::with_capacity(decomposed.len());
    for c in decomposed.chars() {
        if is_combining_mark(c) {
            continue;
        }
        match c {
            'œ' | 'Œ' => letters.push_str("oe"),
            'æ' | 'Æ' => letters.push_str("ae"),
            'ß' => letters.push_str("ss"),
            c if c.is_ascii_alphanumeric() => letters.push(c.to_ascii_lowercase()),
            c if c.is_ascii() => letters.push(' '),
            // Outside ASCII, the platform's tables (`unicode::fold_char`).
            c => letters.push_str(&unicode::fold_char(c)),
        }
    }
    let words: Vec<&str> = letters
        .split_whitespace()
        .map(|w| match w {
            "saint" => "st",
            "sainte" => "ste",
            w => w,
        })
        .collect();
    words.join(" ")
}

/// Whether a folded query is found in a folded text (an empty query
/// matches everything).
pub fn matches(folded_text: &str, folded_query: &str) -> bool {
    folded_text.contains(folded_query)
}

/// The combining marks that decomposition leaves after a letter.
fn is_combining_mark(c: char) -> bool {
    matches!(c as u32,
        0x0300..=0x036F | 0x1AB0..=0x1AFF | 0x1DC0..=0x1DFF | 0x20D0..=0x20FF | 0xFE20..=0xFE2F)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The shards' builder folds in JavaScript (`scripts/communes.mjs`):
    /// both must agree on every character of the referential's names, or a
    /// commune lands in a shard the field never asks for. This test holds
    /// the Rust side of `tests/fixtures/fold-cases.tsv`; its JavaScript
    /// twin is `tests/scripts/communes.test.mjs`.
    #[test]
    fn fold_cases_are_what_the_shards_builder_folds_too() {
        let file = concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../../tests/fixtures/fold-cases.tsv"
        );
        let text = std::fs::read_to_string(file).expect("the fixture");
        let mut rows = Vec::new();
        for line in text.lines().filter(|l| !l.starts_with('#')) {
            let (input, folded) = line.split_once('\t').expect("input<TAB>folded");
            rows.push((input.to_owned(), fold(input), folded.to_owned()));
        }
        assert!(rows.len() > 80, "every character of the referential");
        if std::env::var_os("UPDATE_GOLDEN").is_some() {
            let header = text.lines().next().unwrap_or_default();
            let body: String = rows.iter().map(|(i, f, _)| format!("{i}\t{f}\n")).collect();
            std::fs::write(file, format!("{header}\n{body}")).unwrap();
            return;
        }
        for (input, rust, stored) in rows {
            assert_eq!(rust, stored, "{input:?}");
        }
    }

    #[test]
    fn forgives_accents_case_hyphens_and_saint() {
        let commune = fold("Saint-Étienne");
        for query in [
            "saint etienne",
            "SAINT-ETIENNE",
            "st étienne",
            "St-Etienne",
            "etienne",
            "saint-é",
        ] {
            assert!(matches(&commune, &fold(query)), "{query}");
        }
        assert!(!matches(&commune, &fold("sainte etienne")));
        assert_eq!(fold("Sainte-Foy-lès-Lyon"), "ste foy les lyon");
        assert_eq!(fold("L'Haÿ-les-Roses"), "l hay les roses");
        assert_eq!(fold("Œuvre  ÉLÉMENTAIRE"), "oeuvre elementaire");
        assert_eq!(fold("Saintes"), "saintes");
        assert_eq!(fold("  "), "");
        assert!(matches("lyon", &fold("")));
    }

    #[test]
    fn other_scripts_keep_their_letters() {
        assert_eq!(fold("الدار البيضاء"), "الدار البيضاء");
        assert_eq!(fold("Ελληνικά"), "ελληνικα");
    }
}
