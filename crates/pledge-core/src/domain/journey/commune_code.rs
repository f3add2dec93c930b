//! A commune's official code (code officiel géographique, « code INSEE »):
//! five characters, two for the département (`2A` and `2B` for Corsica) and
//! three digits. The municipal arrondissements of Paris, Lyon and Marseille
//! have codes of their own (`75101`…, `69381`…, `13201`…), as the
//! referential lists them.

use std::fmt;

/// A well-formed commune code. Whether a commune has it is the
/// referential's to say; this type only keeps the shape.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct CommuneCode([u8; 5]);

impl CommuneCode {
    /// The code in `text`, if it has the shape: two digits or `2A`/`2B`
    /// (upper case), then three digits.
    pub fn parse(text: &str) -> Option<CommuneCode> {
        let bytes: [u8; 5] = text.as_bytes().try_into().ok()?;
        let department = match &bytes[..2] {
            [a, b] if a.is_ascii_digit() && b.is_ascii_digit() => true,
            [b'2', b'A' | b'B'] => true,
            _ => false,
        };
        (department && bytes[2..].iter().all(u8::is_ascii_digit)).then_some(CommuneCode(bytes))
    }

    pub fn as_str(&self) -> &str {
        // Only ASCII is ever stored (`parse`).
        std::str::from_utf8(&self.0).unwrap_or_default()
    }

    pub fn as_bytes(&self) -> &[u8; 5] {
        &self.0
    }

    /// The département: `01`…`95`, `2A`, `2B`, or three digits overseas
    /// (`971`…`976`, and the collectivités `975`…`989`).
    pub fn department(&self) -> &str {
        let overseas = matches!(&self.0[..2], b"97" | b"98");
        &self.as_str()[..if overseas { 3 } else { 2 }]
    }
}

impl fmt::Display for CommuneCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_have_the_official_shape() {
        for good in [
            "01001", "2A004", "2B033", "75056", "75101", "97411", "69381",
        ] {
            let code = CommuneCode::parse(good).expect(good);
            assert_eq!(code.as_str(), good);
        }
        for bad in [
            "",
            "1001",
            "010010",
            "2a004",
            "2C004",
            "AB123",
            "7505 ",
            "75O56",
            "７５０５６",
        ] {
            assert_eq!(CommuneCode::parse(bad), None, "{bad:?}");
        }
    }

    #[test]
    fn the_department_is_two_characters_or_three_overseas() {
        let dep = |c: &str| CommuneCode::parse(c).unwrap().department().to_owned();
        assert_eq!(dep("25515"), "25");
        assert_eq!(dep("2A004"), "2A");
        assert_eq!(dep("97411"), "974");
        assert_eq!(dep("98818"), "988");
    }
}
