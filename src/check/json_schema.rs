//! The bundled JSON Schema for colloquy's JSON-LD (`schemas/colloquy-interview.schema.json`,
//! generated from the writer's own types), applied to document text.
//!
//! The validator is generated from the schema file when colloquy is compiled
//! (`jsonschema::validator`), not compiled from it at run time: that took 9 M instructions,
//! about 3 ms, in every process that checked JSON-LD, the largest part of a one-file run.
//! A change to the schema file rebuilds it. A test (`tests/suite/json_schema_generated.rs`)
//! holds its findings to those of the schema compiled at run time, with one difference: a
//! value outside an `enum` of strings is reported once, as not one of them, where the
//! run-time validator also reports that it is not a string.
//!
//! Findings name the schema keyword that failed (`json-schema/required`,
//! `json-schema/additionalProperties`, …), the JSON pointer, and the line:column of the
//! offending value in the text, found by a small scanner because serde_json keeps no
//! positions. Format checks are on; nothing is ever fetched.

use super::{Finding, Location};
use crate::model::Severity;

/// The schema text, compiled into the binary.
pub const BUNDLED_SCHEMA: &str = crate::schemas::INTERVIEW_JSON_SCHEMA;

/// The validator generated from the schema file (the one [`BUNDLED_SCHEMA`] includes).
#[jsonschema::validator(
    path = "schemas/colloquy-interview.schema.json",
    validate_formats = true
)]
struct Generated;

/// The check of a document against `schemas/colloquy-interview.schema.json`.
pub struct JsonSchemaCheck {
    _private: (),
}

impl JsonSchemaCheck {
    /// The schema bundled into the binary.
    pub fn bundled() -> Self {
        JsonSchemaCheck { _private: () }
    }

    /// The bundled schema's check, for any thread.
    pub fn shared() -> &'static JsonSchemaCheck {
        static SHARED: JsonSchemaCheck = JsonSchemaCheck { _private: () };
        &SHARED
    }

    /// Checks a JSON document given as text; findings carry JSON pointers and
    /// line:column.
    pub fn check(&self, text: &str) -> Vec<Finding> {
        match serde_json::from_str(text) {
            Ok(value) => self.check_value(text, &value),
            Err(e) => vec![Finding {
                severity: Severity::Error,
                rule: "json/syntax".into(),
                message: format!("not valid JSON: {e}"),
                location: Location {
                    line: Some(e.line()).filter(|&l| l > 0),
                    column: Some(e.column()).filter(|&c| c > 0),
                    pointer: None,
                },
                hint: Some("fix the JSON syntax at the given place".into()),
            }],
        }
    }

    /// [`JsonSchemaCheck::check`] of a text already parsed into `value`.
    pub fn check_value(&self, text: &str, value: &serde_json::Value) -> Vec<Finding> {
        let mut findings: Vec<Finding> = Generated::iter_errors(value)
            .map(|error| {
                let keyword = error.kind().keyword().to_string();
                let pointer = error.instance_path().as_str().to_string();
                let (line, column) = match locate(text, &pointer) {
                    Some(offset) => {
                        let (l, c) = crate::model::line_col(text, offset);
                        (Some(l), Some(c))
                    }
                    None => (None, None),
                };
                let at = if pointer.is_empty() { "/" } else { &pointer };
                Finding {
                    severity: Severity::Error,
                    message: format!("{error} (at {at})"),
                    hint: Some(hint_for(&keyword)),
                    rule: format!("json-schema/{keyword}"),
                    location: Location {
                        line,
                        column,
                        pointer: Some(pointer),
                    },
                }
            })
            .collect();
        // Keep the report stable whatever order the validator walks in.
        findings.sort_by(|a, b| {
            (a.location.line, a.location.column, &a.rule, &a.message).cmp(&(
                b.location.line,
                b.location.column,
                &b.rule,
                &b.message,
            ))
        });
        findings
    }
}

fn hint_for(keyword: &str) -> String {
    match keyword {
        "required" => "add the missing property (check its spelling)".into(),
        "additionalProperties" => {
            "remove the property or correct its name: colloquy's schema lists every allowed key"
                .into()
        }
        "format" | "pattern" => "write the value in the form the schema asks for".into(),
        "type" | "const" | "enum" => "use the value type the schema allows here".into(),
        _ => "see `colloquy schema show colloquy-interview` for what is allowed".into(),
    }
}

/// Byte offset of the value a JSON pointer (RFC 6901) names, or `None` when the text
/// does not contain it. The text is assumed to be valid JSON.
pub fn locate(text: &str, pointer: &str) -> Option<usize> {
    let tokens: Vec<String> = if pointer.is_empty() {
        Vec::new()
    } else {
        pointer
            .strip_prefix('/')?
            .split('/')
            .map(|t| t.replace("~1", "/").replace("~0", "~"))
            .collect()
    };
    let b = text.as_bytes();
    let mut pos = skip_ws(b, 0);
    for token in &tokens {
        match b.get(pos)? {
            b'{' => {
                pos = skip_ws(b, pos + 1);
                loop {
                    if b.get(pos)? == &b'}' {
                        return None;
                    }
                    let key_end = skip_string(b, pos)?;
                    let key: String = serde_json::from_str(&text[pos..key_end]).ok()?;
                    pos = skip_ws(b, key_end);
                    if b.get(pos)? != &b':' {
                        return None;
                    }
                    pos = skip_ws(b, pos + 1);
                    if &key == token {
                        break;
                    }
                    pos = skip_ws(b, skip_value(b, pos)?);
                    match b.get(pos)? {
                        b',' => pos = skip_ws(b, pos + 1),
                        _ => return None,
                    }
                }
            }
            b'[' => {
                let index: usize = token.parse().ok()?;
                pos = skip_ws(b, pos + 1);
                for _ in 0..index {
                    if b.get(pos)? == &b']' {
                        return None;
                    }
                    pos = skip_ws(b, skip_value(b, pos)?);
                    match b.get(pos)? {
                        b',' => pos = skip_ws(b, pos + 1),
                        _ => return None,
                    }
                }
                if b.get(pos)? == &b']' {
                    return None;
                }
            }
            _ => return None,
        }
    }
    Some(pos)
}

fn skip_ws(b: &[u8], mut pos: usize) -> usize {
    while pos < b.len() && matches!(b[pos], b' ' | b'\t' | b'\n' | b'\r') {
        pos += 1;
    }
    pos
}

/// End (exclusive) of the string starting at `pos`.
fn skip_string(b: &[u8], pos: usize) -> Option<usize> {
    if b.get(pos)? != &b'"' {
        return None;
    }
    let mut i = pos + 1;
    while i < b.len() {
        match b[i] {
            b'\\' => i += 2,
            b'"' => return Some(i + 1),
            _ => i += 1,
        }
    }
    None
}

/// End (exclusive) of the value starting at `pos`.
fn skip_value(b: &[u8], pos: usize) -> Option<usize> {
    match b.get(pos)? {
        b'"' => skip_string(b, pos),
        b'{' | b'[' => {
            let mut depth = 0usize;
            let mut i = pos;
            while i < b.len() {
                match b[i] {
                    b'"' => {
                        i = skip_string(b, i)?;
                        continue;
                    }
                    b'{' | b'[' => depth += 1,
                    b'}' | b']' => {
                        depth -= 1;
                        if depth == 0 {
                            return Some(i + 1);
                        }
                    }
                    _ => {}
                }
                i += 1;
            }
            None
        }
        _ => {
            let mut i = pos;
            while i < b.len() && !matches!(b[i], b',' | b'}' | b']' | b' ' | b'\t' | b'\n' | b'\r')
            {
                i += 1;
            }
            Some(i)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn locate_finds_nested_values_past_tricky_strings() {
        let text = "{\n  \"a\": \"x}\\\"]\",\n  \"b\": [1, {\"c/d\": true}]\n}";
        assert_eq!(locate(text, ""), Some(0));
        assert_eq!(&text[locate(text, "/a").unwrap()..][..1], "\"");
        let at = locate(text, "/b/1/c~1d").unwrap();
        assert_eq!(&text[at..at + 4], "true");
        assert_eq!(locate(text, "/b/2"), None);
        assert_eq!(locate(text, "/zz"), None);
    }
}
