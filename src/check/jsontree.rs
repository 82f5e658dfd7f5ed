//! A JSON tree that remembers where each value and key starts, so vocabulary findings
//! can name a line and column. serde_json decides what is valid JSON (and reports
//! syntax errors with line:column); this parser only runs on text serde_json accepted,
//! and keeps what serde_json's `Value` drops: byte offsets and duplicate keys.

use std::borrow::Cow;
use std::fmt::Write as _;

/// One JSON value with the byte offset where it starts in the parsed text. Strings
/// borrow from the text unless they hold escapes: a copy per key and string was most
/// of this parse's cost (issue #11).
#[derive(Debug, Clone, PartialEq)]
pub struct Json<'a> {
    pub offset: usize,
    pub value: JsonValue<'a>,
}

/// A JSON value; objects keep their members in document order, duplicates included.
#[derive(Debug, Clone, PartialEq)]
pub enum JsonValue<'a> {
    Null,
    Bool(bool),
    /// The number as written; `is_integer` when it has no fraction or exponent.
    Number {
        text: &'a str,
        is_integer: bool,
    },
    String(Cow<'a, str>),
    Array(Vec<Json<'a>>),
    Object(Vec<Member<'a>>),
}

/// An object member: key, where the key starts, and the value.
#[derive(Debug, Clone, PartialEq)]
pub struct Member<'a> {
    pub key: Cow<'a, str>,
    pub key_offset: usize,
    pub value: Json<'a>,
}

impl<'a> Json<'a> {
    pub fn as_str(&self) -> Option<&str> {
        match &self.value {
            JsonValue::String(s) => Some(s),
            _ => None,
        }
    }
    pub fn as_object(&self) -> Option<&[Member<'a>]> {
        match &self.value {
            JsonValue::Object(m) => Some(m),
            _ => None,
        }
    }
    /// The first member named `key`, if this is an object.
    pub fn get(&self, key: &str) -> Option<&Json<'a>> {
        self.as_object()?
            .iter()
            .find(|m| m.key == key)
            .map(|m| &m.value)
    }
    /// This value as a list: an array's items, or the value itself (a slice, not a
    /// vector: the checks ask this of every member).
    pub fn items(&self) -> &[Json<'a>] {
        match &self.value {
            JsonValue::Array(items) => items,
            _ => std::slice::from_ref(self),
        }
    }
}

/// Syntax error with 1-based line and column, as serde_json reports them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SyntaxError {
    pub message: String,
    pub line: usize,
    pub column: usize,
}

/// The deepest nesting of arrays and objects colloquy checks. The tree walks that
/// follow the parse recurse once per level; serde_json stops its own recursion at 128
/// but skims (`IgnoredAny`) without any bound, so a 10 000-deep array used to pass
/// the syntax check and overflow the stack. 256 is far above any real document.
pub const MAX_DEPTH: usize = 256;

/// The byte offset of the first `[` or `{` nested deeper than `max` in `text`, if any
/// (strings skipped). A linear scan without recursion, run before anything recurses.
pub fn too_deep(text: &str, max: usize) -> Option<usize> {
    let bytes = text.as_bytes();
    let mut depth = 0usize;
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            // Past the string in one search: most of a document's bytes are in strings.
            b'"' => i = closing_quote(text, i).unwrap_or(bytes.len()),
            b'[' | b'{' => {
                depth += 1;
                if depth > max {
                    return Some(i);
                }
            }
            b']' | b'}' => depth = depth.saturating_sub(1),
            _ => {}
        }
        i += 1;
    }
    None
}

/// The offset of the `"` that closes the string opened at `open`: the first `"` after
/// it that is not escaped, i.e. not preceded by an odd run of backslashes (`\\"` ends
/// a string, `\\\"` does not). `None` when the string is never closed.
fn closing_quote(text: &str, open: usize) -> Option<usize> {
    let bytes = text.as_bytes();
    let mut from = open + 1;
    loop {
        let quote = from + crate::model::first_byte(&bytes[from..], |b| b == b'"')?;
        // The opening quote ends the run at the latest.
        let run = bytes[..quote]
            .iter()
            .rev()
            .take_while(|&&b| b == b'\\')
            .count();
        if run % 2 == 0 {
            return Some(quote);
        }
        from = quote + 1;
    }
}

/// The value of a JSON string literal (quotes included) that serde_json accepted. The
/// short escapes are undone here; a `\\u` escape (surrogate pairs, and what serde_json
/// makes of a lone surrogate) is left to serde_json.
fn unescape(raw: &str) -> Cow<'_, str> {
    let inner = &raw[1..raw.len() - 1];
    if !inner.contains('\\') {
        return Cow::Borrowed(inner);
    }
    let mut out = String::with_capacity(inner.len());
    let mut rest = inner;
    while let Some(i) = rest.find('\\') {
        out.push_str(&rest[..i]);
        let c = match rest.as_bytes().get(i + 1) {
            Some(b'n') => '\n',
            Some(b't') => '\t',
            Some(b'r') => '\r',
            Some(b'b') => '\u{8}',
            Some(b'f') => '\u{c}',
            Some(b'/') => '/',
            Some(b'\\') => '\\',
            Some(b'"') => '"',
            _ => return Cow::Owned(serde_json::from_str(raw).unwrap_or_default()),
        };
        out.push(c);
        rest = &rest[i + 2..];
    }
    out.push_str(rest);
    Cow::Owned(out)
}

/// Parses `text` (one JSON document, surrounding whitespace allowed).
pub fn parse(text: &str) -> Result<Json<'_>, SyntaxError> {
    syntax(text)?;
    Ok(parse_accepted(text))
}

/// serde_json's verdict on `text` as JSON, with the place of the first error.
fn syntax(text: &str) -> Result<(), SyntaxError> {
    if let Err(e) = serde_json::from_str::<serde::de::IgnoredAny>(text) {
        let mut message = String::new();
        let _ = write!(message, "{e}");
        // serde_json appends " at line L column C"; we carry those separately.
        if let Some(i) = message.rfind(" at line ") {
            message.truncate(i);
        }
        return Err(SyntaxError {
            message,
            line: e.line().max(1),
            column: e.column().max(1),
        });
    }
    Ok(())
}

/// The tree of a text serde_json has accepted as JSON (as a document of any kind: a
/// `serde_json::Value` parse is stricter than the syntax check of [`parse`], with its
/// depth limit and number range, so a text it accepts passes that check too).
pub fn parse_accepted(text: &str) -> Json<'_> {
    let mut p = Parser {
        bytes: text.as_bytes(),
        text,
        pos: 0,
    };
    p.ws();
    p.value()
}

struct Parser<'a> {
    bytes: &'a [u8],
    text: &'a str,
    pos: usize,
}

impl<'a> Parser<'a> {
    fn ws(&mut self) {
        while self.pos < self.bytes.len()
            && matches!(self.bytes[self.pos], b' ' | b'\t' | b'\n' | b'\r')
        {
            self.pos += 1;
        }
    }

    // The text is known valid JSON, so the parser can trust the grammar.
    fn value(&mut self) -> Json<'a> {
        let offset = self.pos;
        let value = match self.bytes[self.pos] {
            b'{' => {
                self.pos += 1;
                let mut members = Vec::new();
                self.ws();
                if self.bytes[self.pos] == b'}' {
                    self.pos += 1;
                } else {
                    loop {
                        self.ws();
                        let key_offset = self.pos;
                        let key = self.string();
                        self.ws();
                        self.pos += 1; // ':'
                        self.ws();
                        let value = self.value();
                        members.push(Member {
                            key,
                            key_offset,
                            value,
                        });
                        self.ws();
                        let c = self.bytes[self.pos];
                        self.pos += 1;
                        if c == b'}' {
                            break;
                        }
                    }
                }
                JsonValue::Object(members)
            }
            b'[' => {
                self.pos += 1;
                let mut items = Vec::new();
                self.ws();
                if self.bytes[self.pos] == b']' {
                    self.pos += 1;
                } else {
                    loop {
                        self.ws();
                        items.push(self.value());
                        self.ws();
                        let c = self.bytes[self.pos];
                        self.pos += 1;
                        if c == b']' {
                            break;
                        }
                    }
                }
                JsonValue::Array(items)
            }
            b'"' => JsonValue::String(self.string()),
            b't' => {
                self.pos += 4;
                JsonValue::Bool(true)
            }
            b'f' => {
                self.pos += 5;
                JsonValue::Bool(false)
            }
            b'n' => {
                self.pos += 4;
                JsonValue::Null
            }
            _ => {
                let start = self.pos;
                while self.pos < self.bytes.len()
                    && matches!(
                        self.bytes[self.pos],
                        b'0'..=b'9' | b'-' | b'+' | b'.' | b'e' | b'E'
                    )
                {
                    self.pos += 1;
                }
                let text = &self.text[start..self.pos];
                JsonValue::Number {
                    is_integer: !text.contains(['.', 'e', 'E']),
                    text,
                }
            }
        };
        Json { offset, value }
    }

    fn string(&mut self) -> Cow<'a, str> {
        let start = self.pos;
        // The usual string holds no escape: it ends at the first quote, and its value is
        // the text itself (one search, where the end and the escapes were two).
        let body = start + 1;
        if let Some(i) = crate::model::first_byte(&self.bytes[body..], |b| b == b'"' || b == b'\\')
        {
            if self.bytes[body + i] == b'"' {
                self.pos = body + i + 1;
                return Cow::Borrowed(&self.text[body..body + i]);
            }
        }
        self.pos = closing_quote(self.text, start).map_or(self.bytes.len(), |q| q + 1);
        unescape(&self.text[start..self.pos])
    }
}

pub use crate::model::LineIndex;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn depth_counts_brackets_outside_strings_only() {
        assert_eq!(too_deep("[[1]]", 2), None);
        assert_eq!(too_deep("[[[1]]]", 2), Some(2));
        assert_eq!(too_deep(r#"{"a": "[[[[\"{{{{", "b": [1]}"#, 2), None);
        assert_eq!(too_deep("[1], [[2]]", 1), Some(6));
    }

    #[test]
    fn offsets_and_duplicates_are_kept() {
        let text = "{\n  \"a\": [1, 2.5],\n  \"a\": \"x\\ny\"\n}";
        let doc = parse(text).unwrap();
        let members = doc.as_object().unwrap();
        assert_eq!(members.len(), 2);
        assert_eq!(members[1].value.as_str(), Some("x\ny"));
        let idx = LineIndex::new(text);
        assert_eq!(idx.position(text, members[1].key_offset), (3, 3));
        match &members[0].value.value {
            JsonValue::Array(items) => {
                assert_eq!(
                    items[1].value,
                    JsonValue::Number {
                        text: "2.5",
                        is_integer: false
                    }
                );
            }
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn strings_end_at_the_first_unescaped_quote_and_unescape_as_serde_json_does() {
        for raw in [
            r#""""#,
            r#""plain""#,
            r#""a\"b""#,
            r#""ends in a backslash\\""#,
            r#""\\\"x""#,
            r#""\n\t\r\b\f\/\\ é""#,
            r#""\u00e9 and \ud83d\ude00""#,
            r#""lone \ud800 surrogate""#,
        ] {
            let text = format!("[{raw}, 1]");
            assert_eq!(closing_quote(&text, 1), Some(raw.len()), "{raw}");
            let expected: String = serde_json::from_str(raw).unwrap_or_default();
            assert_eq!(unescape(raw), expected, "{raw}");
            match parse(&text).map(|doc| doc.value) {
                Ok(JsonValue::Array(items)) => {
                    assert_eq!(items[0].as_str(), Some(expected.as_str()))
                }
                other => assert!(other.is_err(), "{raw}: {other:?}"),
            }
        }
        assert_eq!(closing_quote(r#""never closed\""#, 0), None);
    }

    #[test]
    fn what_a_serde_json_value_parse_accepts_passes_the_syntax_check() {
        let deep = |n: usize| format!("{}1{}", "[".repeat(n), "]".repeat(n));
        for text in [
            "{}".to_string(),
            r#"{"a": 1e400, "b": -0, "c": 1.5e-400, "d": 18446744073709551616}"#.into(),
            r#"["\ud800", "\udc00\ud800", "\ud83d\ude00"]"#.into(),
            r#"{"a": 1, "a": [true, false, null]}"#.into(),
            " \n[1,\t2]\r\n".into(),
            deep(127),
            deep(128),
            deep(200),
            "[1,]".into(),
            "{\"a\" 1}".into(),
        ] {
            if serde_json::from_str::<serde_json::Value>(&text).is_ok() {
                assert_eq!(parse(&text), Ok(parse_accepted(&text)), "{text}");
            }
        }
    }

    #[test]
    fn syntax_errors_carry_line_and_column() {
        let err = parse("{\n  \"a\": 1,\n}").unwrap_err();
        assert_eq!(err.line, 3);
        assert!(!err.message.contains(" at line "), "{}", err.message);
    }
}
