//! Just enough JSON for the records the widget keeps in storage.
//!
//! The first screen's build reads and writes the stored draft on every
//! change; `serde_json` cost it 16 KB of gzipped wasm (11 %), for one flat
//! record. This reader takes any JSON text (RFC 8259) into a [`Json`] tree,
//! keeping numbers as their text (no float parsing), and refuses duplicate
//! keys, objects of more than [`MAX_MEMBERS`] members and nesting deeper
//! than [`MAX_DEPTH`]; [`write_string`] escapes as
//! `serde_json` does, so records are byte-identical to what it wrote (the
//! host tests compare the two on random records).

use std::fmt;

/// A JSON value. Numbers keep their text; objects keep their order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Json {
    Null,
    Bool(bool),
    Number(String),
    String(String),
    Array(Vec<Json>),
    Object(Vec<(String, Json)>),
}

/// Arrays and objects nested deeper than this are refused (no stack
/// overflow on hostile text).
pub const MAX_DEPTH: usize = 32;

/// Objects with more members than this are refused: the widget's records
/// have a handful, and the duplicate-key check stays linear in the text
/// (at most `MAX_MEMBERS` comparisons per key) however hostile it is.
pub const MAX_MEMBERS: usize = 64;

impl Json {
    /// The member `key` of an object.
    pub fn get(&self, key: &str) -> Option<&Json> {
        match self {
            Json::Object(members) => members.iter().find(|(k, _)| k == key).map(|(_, v)| v),
            _ => None,
        }
    }

    /// The object's `"version"` field, as every versioned file and record
    /// of the widget reads it (key file, stored draft, console record,
    /// published list).
    pub fn version(&self) -> Version {
        match self.get("version") {
            Some(Json::Number(n)) => n.parse().map_or(Version::NotAWholeNumber, Version::Whole),
            Some(_) => Version::NotANumber,
            None => Version::Missing,
        }
    }
}

/// What a `"version"` field holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Version {
    Whole(u64),
    /// A number, but not a whole one that fits in 64 bits (`1.5`, `-1`).
    NotAWholeNumber,
    NotANumber,
    Missing,
}

/// Why a text is not JSON, with the byte offset where reading stopped.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct JsonError {
    pub offset: usize,
    pub reason: &'static str,
}

impl fmt::Display for JsonError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} at byte {}", self.reason, self.offset)
    }
}

/// Reads one JSON value, with only whitespace around it.
pub fn parse(text: &str) -> Result<Json, JsonError> {
    let mut reader = Reader { text, pos: 0 };
    let value = reader.value(0)?;
    reader.skip_whitespace();
    if reader.pos != text.len() {
        return Err(reader.error("text after the value"));
    }
    Ok(value)
}

/// Appends `s` as a JSON string, quoted and escaped.
pub fn write_string(out: &mut String, s: &str) {
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '\u{8}' => out.push_str("\\b"),
            '\u{c}' => out.push_str("\\f"),
            c if u32::from(c) < 0x20 => {
                const HEX: &[u8; 16] = b"0123456789abcdef";
                let n = u32::from(c) as usize;
                out.push_str("\\u00");
                out.push(char::from(HEX[n >> 4]));
                out.push(char::from(HEX[n & 0xf]));
            }
            c => out.push(c),
        }
    }
    out.push('"');
}

struct Reader<'a> {
    text: &'a str,
    pos: usize,
}

impl Reader<'_> {
    fn error(&self, reason: &'static str) -> JsonError {
        JsonError {
            offset: self.pos,
            reason,
        }
    }

    fn peek(&self) -> Option<u8> {
        self.text.as_bytes().get(self.pos).copied()
    }

    fn skip_whitespace(&mut self) {
        while matches!(self.peek(), Some(b' ' | b'\t' | b'\n' | b'\r')) {
            self.pos += 1;
        }
    }

    fn expect(&mut self, byte: u8, reason: &'static str) -> Result<(), JsonError> {
        self.skip_whitespace();
        if self.peek() == Some(byte) {
            self.pos += 1;
            Ok(())
        } else {
            Err(self.error(reason))
        }
    }

    fn value(&mut self, depth: usize) -> Result<Json, JsonError> {
        self.skip_whitespace();
        match self.peek() {
            Some(b'{') => self.object(depth + 1),
            Some(b'[') => self.array(depth + 1),
            Some(b'"') => self.string().map(Json::String),
            Some(b'-' | b'0'..=b'9') => self.number(),
            Some(b't') => self.word("true", Json::Bool(true)),
            Some(b'f') => self.word("false", Json::Bool(false)),
            Some(b'n') => self.word("null", Json::Null),
            Some(_) => Err(self.error("expected a value")),
            None => Err(self.error("unexpected end")),
        }
    }

    fn word(&mut self, word: &str, value: Json) -> Result<Json, JsonError> {
        if self.text[self.pos..].starts_with(word) {
            self.pos += word.len();
            Ok(value)
        } else {
            Err(self.error("expected a value"))
        }
    }

    fn object(&mut self, depth: usize) -> Result<Json, JsonError> {
        if depth > MAX_DEPTH {
            return Err(self.error("nested too deep"));
        }
        self.pos += 1;
        let mut members: Vec<(String, Json)> = Vec::new();
        self.skip_whitespace();
        if self.peek() == Some(b'}') {
            self.pos += 1;
            return Ok(Json::Object(members));
        }
        loop {
            self.skip_whitespace();
            if self.peek() != Some(b'"') {
                return Err(self.error("expected a key"));
            }
            let key = self.string()?;
            if members.len() == MAX_MEMBERS {
                return Err(self.error("too many members"));
            }
            if members.iter().any(|(k, _)| *k == key) {
                return Err(self.error("duplicate key"));
            }
            self.expect(b':', "expected ':'")?;
            let value = self.value(depth)?;
            members.push((key, value));
            self.skip_whitespace();
            match self.peek() {
                Some(b',') => self.pos += 1,
                Some(b'}') => {
                    self.pos += 1;
                    return Ok(Json::Object(members));
                }
                _ => return Err(self.error("expected ',' or '}'")),
            }
        }
    }

    fn array(&mut self, depth: usize) -> Result<Json, JsonError> {
        if depth > MAX_DEPTH {
            return Err(self.error("nested too deep"));
        }
        self.pos += 1;
        let mut items = Vec::new();
        self.skip_whitespace();
        if self.peek() == Some(b']') {
            self.pos += 1;
            return Ok(Json::Array(items));
        }
        loop {
            items.push(self.value(depth)?);
            self.skip_whitespace();
            match self.peek() {
                Some(b',') => self.pos += 1,
                Some(b']') => {
                    self.pos += 1;
                    return Ok(Json::Array(items));
                }
                _ => return Err(self.error("expected ',' or ']'")),
            }
        }
    }

    fn digits(&mut self) -> usize {
        let start = self.pos;
        while matches!(self.peek(), Some(b'0'..=b'9')) {
            self.pos += 1;
        }
        self.pos - start
    }

    fn number(&mut self) -> Result<Json, JsonError> {
        let start = self.pos;
        if self.peek() == Some(b'-') {
            self.pos += 1;
        }
        match self.peek() {
            Some(b'0') => self.pos += 1,
            Some(b'1'..=b'9') => {
                self.digits();
            }
            _ => return Err(self.error("expected a digit")),
        }
        if self.peek() == Some(b'.') {
            self.pos += 1;
            if self.digits() == 0 {
                return Err(self.error("expected a digit"));
            }
        }
        if matches!(self.peek(), Some(b'e' | b'E')) {
            self.pos += 1;
            if matches!(self.peek(), Some(b'+' | b'-')) {
                self.pos += 1;
            }
            if self.digits() == 0 {
                return Err(self.error("expected a digit"));
            }
        }
        Ok(Json::Number(self.text[start..self.pos].to_owned()))
    }

    fn hex4(&mut self) -> Result<u32, JsonError> {
        let hex = self
            .text
            .get(self.pos..self.pos + 4)
            .filter(|h| h.bytes().all(|b| b.is_ascii_hexdigit()))
            .ok_or_else(|| self.error("expected four hex digits"))?;
        self.pos += 4;
        u32::from_str_radix(hex, 16).map_err(|_| self.error("expected four hex digits"))
    }

    fn string(&mut self) -> Result<String, JsonError> {
        self.pos += 1;
        let mut out = String::new();
        loop {
            // Copy the run up to the next quote, backslash or control byte
            // (all ASCII, so the slice ends on a character boundary).
            let rest = &self.text[self.pos..];
            let run = rest
                .bytes()
                .position(|b| b == b'"' || b == b'\\' || b < 0x20)
                .ok_or(JsonError {
                    offset: self.text.len(),
                    reason: "unterminated string",
                })?;
            out.push_str(&rest[..run]);
            self.pos += run;
            match self.peek() {
                Some(b'"') => {
                    self.pos += 1;
                    return Ok(out);
                }
                Some(b'\\') => {
                    self.pos += 1;
                    let escape = self.peek().ok_or_else(|| self.error("unexpected end"))?;
                    self.pos += 1;
                    match escape {
                        b'"' => out.push('"'),
                        b'\\' => out.push('\\'),
                        b'/' => out.push('/'),
                        b'b' => out.push('\u{8}'),
                        b'f' => out.push('\u{c}'),
                        b'n' => out.push('\n'),
                        b'r' => out.push('\r'),
                        b't' => out.push('\t'),
                        b'u' => out.push(self.unicode_escape()?),
                        _ => return Err(self.error("unknown escape")),
                    }
                }
                _ => return Err(self.error("control character in string")),
            }
        }
    }

    /// After `\u`: one code point, from a surrogate pair where needed.
    fn unicode_escape(&mut self) -> Result<char, JsonError> {
        let first = self.hex4()?;
        let code = match first {
            0xd800..=0xdbff => {
                if !self.text[self.pos..].starts_with("\\u") {
                    return Err(self.error("lone surrogate"));
                }
                self.pos += 2;
                let second = self.hex4()?;
                if !(0xdc00..=0xdfff).contains(&second) {
                    return Err(self.error("lone surrogate"));
                }
                0x10000 + ((first - 0xd800) << 10) + (second - 0xdc00)
            }
            0xdc00..=0xdfff => return Err(self.error("lone surrogate")),
            code => code,
        };
        char::from_u32(code).ok_or_else(|| self.error("lone surrogate"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn reads_like_serde(text: &str) {
        let ours = parse(text);
        if matches!(&ours, Err(e) if e.reason == "duplicate key" || e.reason == "too many members")
        {
            // serde_json's Value keeps the last duplicate and any number of
            // members; records refuse both.
            return;
        }
        let theirs = serde_json::from_str::<serde_json::Value>(text);
        assert_eq!(ours.is_ok(), theirs.is_ok(), "{text:?}: {ours:?}");
        if let (Ok(ours), Ok(theirs)) = (ours, theirs) {
            assert_eq!(to_serde(&ours), theirs, "{text:?}");
        }
    }

    fn to_serde(json: &Json) -> serde_json::Value {
        use serde_json::Value;
        match json {
            Json::Null => Value::Null,
            Json::Bool(b) => Value::Bool(*b),
            Json::Number(n) => serde_json::from_str(n).unwrap(),
            Json::String(s) => Value::String(s.clone()),
            Json::Array(items) => Value::Array(items.iter().map(to_serde).collect()),
            Json::Object(members) => Value::Object(
                members
                    .iter()
                    .map(|(k, v)| (k.clone(), to_serde(v)))
                    .collect(),
            ),
        }
    }

    #[test]
    fn reads_what_serde_json_reads_and_refuses_what_it_refuses() {
        for text in [
            "null",
            " true ",
            "false",
            "0",
            "-0",
            "12",
            "-3.25e+2",
            "1E5",
            r#""""#,
            r#""a\"b\\c\/d\b\f\n\r\t""#,
            r#""\u00e9\u0000\uD83D\uDE42 é 🙂""#,
            "[]",
            "[1, [2, [3]], {}]",
            r#"{"a": 1, "b": [true, null], "c": {"d": "e"}}"#,
            " \n\t{ \"k\" :\r\"v\" } ",
            // Refused by both:
            "",
            "nul",
            "01",
            "1.",
            ".5",
            "-",
            "1e",
            "+1",
            "[1,]",
            "[1 2]",
            "{\"a\":1,}",
            "{a:1}",
            "{\"a\" 1}",
            "\"unterminated",
            "\"bad \\x escape\"",
            "\"\\uD83D alone\"",
            "\"\\uDE42\"",
            "\"\\u12\"",
            "\"tab\tinside\"",
            "[1] [2]",
            "{\"a\":1}x",
            "[",
            "{",
        ] {
            reads_like_serde(text);
        }
    }

    #[test]
    fn refuses_an_object_of_100k_keys_without_comparing_them_all() {
        let mut text = String::from("{");
        for i in 0..100_000 {
            if i > 0 {
                text.push(',');
            }
            text.push_str(&format!("\"k{i}\":{i}"));
        }
        text.push('}');
        let error = parse(&text).unwrap_err();
        assert_eq!(error.reason, "too many members");
        // It stopped at the 65th key, not at the end.
        assert!(error.offset < 1_000, "{error:?}");
        let at_limit: Vec<String> = (0..MAX_MEMBERS).map(|i| format!("\"k{i}\":0")).collect();
        assert!(parse(&format!("{{{}}}", at_limit.join(","))).is_ok());
    }

    #[test]
    fn refuses_duplicate_keys_and_deep_nesting() {
        assert!(parse(r#"{"a":1,"a":2}"#).is_err());
        let deep = format!("{}{}", "[".repeat(MAX_DEPTH), "]".repeat(MAX_DEPTH));
        assert!(parse(&deep).is_ok());
        let deeper = format!("{}{}", "[".repeat(MAX_DEPTH + 1), "]".repeat(MAX_DEPTH + 1));
        assert!(parse(&deeper).is_err());
        let hostile = "[".repeat(100_000);
        assert!(parse(&hostile).is_err(), "no stack overflow");
        let hostile = "{\"a\":".repeat(100_000);
        assert!(parse(&hostile).is_err(), "no stack overflow");
    }

    #[test]
    fn strings_are_written_as_serde_json_writes_them() {
        let mut all_low = String::new();
        for c in 0u32..0x80 {
            all_low.push(char::from_u32(c).unwrap());
        }
        for s in [
            "",
            "plain",
            "Zoé Ñúñez <b>\"x\"</b> 漢字 🙂",
            "back\\slash / slash",
            "\u{2028}\u{2029}\u{7f}\u{feff}",
            all_low.as_str(),
        ] {
            let mut ours = String::new();
            write_string(&mut ours, s);
            assert_eq!(ours, serde_json::to_string(s).unwrap());
            assert_eq!(parse(&ours), Ok(Json::String(s.to_owned())));
        }
    }

    #[test]
    fn random_and_mutated_texts_never_panic_and_agree_with_serde_json() {
        let mut rng = crate::domain::test_rng::Rng(0x5eed);
        const PIECES: &[&str] = &[
            "{", "}", "[", "]", ",", ":", "\"", "\\", "\\u", "\\uD83D", "\\uDE42", "0", "-", "1.5",
            "e", "null", "true", " ", "\n", "\"k\"", "é", "🙂", "\u{1}",
        ];
        for _ in 0..20_000 {
            let n = rng.below(12);
            let text: String = (0..n).map(|_| PIECES[rng.below(PIECES.len())]).collect();
            reads_like_serde(&text);
        }
    }
}
