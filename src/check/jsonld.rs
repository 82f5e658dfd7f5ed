//! JSON-LD documents: syntax, duplicate keys and relative IRIs, the schema.org
//! vocabulary check and the Google Article profile; the bundled JSON Schema
//! (`schemas/colloquy-interview.schema.json`, colloquy's interview profile) only when
//! the caller asks for it — convert for its own output, `validate --profile
//! interview` — never guessed from the document's `@id` or genre.

use super::json_schema::JsonSchemaCheck;
use super::jsontree::{self, Json, JsonValue, Member};
use super::{google, sort_findings, vocabulary, Finding, Limits, Location, Sink};
use crate::model::Severity;

/// Checks one JSON-LD text.
///
/// `in_page`: the text is a `<script type="application/ld+json">` block of an HTML
/// page, whose URL is the base of relative IRIs (JSON-LD 1.1 §4.1): a relative `@id`
/// there is a warning, in a `.jsonld` file (no base but wherever it lies) an error.
pub fn check(
    text: &str,
    profile: Option<&JsonSchemaCheck>,
    in_page: bool,
    limits: &Limits,
) -> Vec<Finding> {
    let max_depth = limits.max_depth.min(jsontree::MAX_DEPTH);
    // Before anything recurses: a finding for this document, never a stack overflow.
    if let Some(offset) = jsontree::too_deep(text, max_depth) {
        let (line, column) = jsontree::LineIndex::new(text).position(text, offset);
        return vec![Finding {
            severity: Severity::Error,
            rule: "json/too-deep".into(),
            message: format!(
                "arrays and objects nest deeper than {max_depth} levels here (--max-depth); colloquy does not check the document",
            ),
            location: Location {
                line: Some(line),
                column: Some(column),
                pointer: None,
            },
            hint: Some("no JSON-LD document needs this depth; flatten the nesting (e.g. link nodes by @id)".into()),
        }];
    }
    // The interview profile needs the document as a serde_json value: parsed first, it
    // also settles the syntax (a text it accepts is valid JSON; one it refuses gets the
    // syntax check's own verdict, and the schema check reports it as before).
    let value = profile.and_then(|_| serde_json::from_str::<serde_json::Value>(text).ok());
    let parsed = match value {
        Some(_) => Ok(jsontree::parse_accepted(text)),
        None => jsontree::parse(text),
    };
    let mut doc = match parsed {
        Ok(doc) => doc,
        Err(e) => {
            return vec![Finding {
                severity: Severity::Error,
                rule: "json/syntax".into(),
                message: format!("invalid JSON: {}", e.message),
                location: Location {
                    line: Some(e.line),
                    column: Some(e.column),
                    pointer: None,
                },
                hint: Some(
                    "fix the syntax here; JSON has no comments, trailing commas or single quotes"
                        .into(),
                ),
            }]
        }
    };
    let mut sink = Sink::new(text);
    if let Some((count, at)) = too_many_nodes(&doc, limits.max_items) {
        sink.push(
            Severity::Error,
            "json/too-many-items",
            format!(
                "the document holds {count} top-level nodes, more than --max-items {}; colloquy does not check it",
                limits.max_items
            ),
            at,
            "",
            Some("split the graph into several documents, or raise --max-items".into()),
        );
        return sink.findings;
    }
    duplicate_keys(&doc, &mut sink);
    vocabulary::expand_aliases(&mut doc);
    if !declares_base(&doc) {
        relative_iris(&doc, &mut String::new(), in_page, &mut sink);
    }
    let vocab = vocabulary::check(&doc, &mut sink);
    google::check(&vocab, &mut sink);
    let mut findings = sink.findings;
    if let Some(schema) = profile {
        findings.extend(match &value {
            Some(value) => schema.check_value(text, value),
            None => schema.check(text),
        });
    }
    sort_findings(&mut findings);
    findings
}

/// The number of nodes of a top-level array or `@graph` and the offset of the first one
/// past `max`, when there are more than `max`.
fn too_many_nodes(doc: &Json, max: usize) -> Option<(usize, usize)> {
    let nodes = match &doc.value {
        JsonValue::Array(items) => items,
        JsonValue::Object(members) => match members.iter().find(|m| m.key == "@graph") {
            Some(Member {
                value:
                    Json {
                        value: JsonValue::Array(items),
                        ..
                    },
                ..
            }) => items,
            _ => return None,
        },
        _ => return None,
    };
    (nodes.len() > max).then(|| (nodes.len(), nodes[max].offset))
}

/// A key twice in one object: serde_json (and every JSON-LD processor built on a map)
/// keeps one value and drops the other without a word.
fn duplicate_keys(v: &Json, sink: &mut Sink) {
    match &v.value {
        JsonValue::Array(items) => items.iter().for_each(|i| duplicate_keys(i, sink)),
        JsonValue::Object(members) => {
            for (i, m) in members.iter().enumerate() {
                if let Some(first) = members[..i].iter().find(|f| f.key == m.key) {
                    let (line, _) = sink.position(first.key_offset);
                    sink.push(
                        Severity::Error,
                        "json/duplicate-key",
                        format!(
                            "key `{}` appears twice in one object (first on line {line}); a JSON parser keeps only one of the values",
                            m.key
                        ),
                        m.key_offset,
                        "",
                        Some("merge the values into one key (an array for several values)".into()),
                    );
                }
                duplicate_keys(&m.value, sink);
            }
        }
        _ => {}
    }
}

/// Whether any `@context` sets `@base`: relative IRIs then resolve against it.
fn declares_base(v: &Json) -> bool {
    match &v.value {
        JsonValue::Array(items) => items.iter().any(declares_base),
        JsonValue::Object(members) => members.iter().any(|m| {
            if m.key == "@context" {
                m.value.items().iter().any(|c| c.get("@base").is_some())
            } else {
                declares_base(&m.value)
            }
        }),
        _ => false,
    }
}

/// Keys whose values are IRIs of things found elsewhere: a relative one resolves
/// against wherever the document happens to be read.
const IRI_KEYS: &[&str] = &["url", "isBasedOn", "contentUrl", "sameAs"];

/// Whether `s` is an absolute IRI (it has a scheme) or a blank node id (`_:b0`).
fn is_absolute(s: &str) -> bool {
    let Some((scheme, _)) = s.split_once(':') else {
        return false;
    };
    let mut chars = scheme.chars();
    chars.next().is_some_and(|c| c.is_ascii_alphabetic())
        && chars.all(|c| c.is_ascii_alphanumeric() || "+-.".contains(c))
        || scheme == "_"
}

/// `pointer` is the JSON Pointer of `v`, one buffer the walk extends and cuts back
/// (a string per member was most of this walk's cost, issue #11).
fn relative_iris(v: &Json, pointer: &mut String, in_page: bool, sink: &mut Sink) {
    use std::fmt::Write as _;
    let len = pointer.len();
    match &v.value {
        JsonValue::Array(items) => {
            for (i, item) in items.iter().enumerate() {
                let _ = write!(pointer, "/{i}");
                relative_iris(item, pointer, in_page, sink);
                pointer.truncate(len);
            }
        }
        JsonValue::Object(members) => {
            for m in members {
                if m.key == "@context" {
                    continue;
                }
                pointer.push('/');
                if !m.key.contains(['~', '/']) {
                    // The usual key: copied whole, not a character at a time.
                    pointer.push_str(&m.key);
                } else {
                    for c in m.key.chars() {
                        match c {
                            '~' => pointer.push_str("~0"),
                            '/' => pointer.push_str("~1"),
                            c => pointer.push(c),
                        }
                    }
                }
                let (rule, severity) = match &*m.key {
                    "@id" if in_page => ("jsonld/relative-id", Severity::Warning),
                    "@id" => ("jsonld/relative-id", Severity::Error),
                    k if IRI_KEYS.contains(&k) => ("jsonld/relative-iri", Severity::Warning),
                    _ => {
                        relative_iris(&m.value, pointer, in_page, sink);
                        pointer.truncate(len);
                        continue;
                    }
                };
                for item in m.value.items() {
                    // A node object (`"isBasedOn": {"@id": …}`) is walked like any other.
                    let Some(iri) = item.as_str() else {
                        relative_iris(item, pointer, in_page, sink);
                        continue;
                    };
                    if !is_absolute(iri) {
                        sink.push(
                            severity,
                            rule,
                            if in_page {
                                format!("`{}` is a relative IRI (\"{iri}\"); it resolves against the page's URL, wherever the page is served", m.key)
                            } else {
                                format!("`{}` is a relative IRI (\"{iri}\"); it resolves against wherever the document is read", m.key)
                            },
                            item.offset,
                            pointer,
                            Some(if m.key == "@id" {
                                "write an absolute IRI (https://…, urn:uuid:…), a blank node id (_:b0), or set @base in the @context".into()
                            } else {
                                "write the absolute URL (https://…)".into()
                            }),
                        );
                    }
                }
                pointer.truncate(len);
            }
        }
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rules(text: &str) -> Vec<String> {
        check(text, None, false, &Limits::default())
            .into_iter()
            .filter(|f| f.severity == Severity::Error)
            .map(|f| f.rule)
            .collect()
    }

    #[test]
    fn vocabulary_errors_have_rule_ids() {
        let doc = r#"{"@context": "https://schema.org", "@type": "NewsArticle", "headlin": "x"}"#;
        assert_eq!(rules(doc), ["schemaorg/unknown-property"]);
        let doc = r#"{"@context": "https://schema.org", "@type": "Interview", "name": "x"}"#;
        assert_eq!(rules(doc), ["schemaorg/unknown-type"]);
        let doc = r#"{"@context": "https://schema.org", "@type": "NewsArticle", "author": {"@type": "ImageObject"}}"#;
        assert_eq!(rules(doc), ["schemaorg/range"]);
        let doc = r#"{"@context": "https://schema.org", "@type": "Person", "headline": "x"}"#;
        assert_eq!(rules(doc), ["schemaorg/domain"]);
        let doc = r#"{"@context": "https://schema.org", "@type": "NewsArticle", "datePublished": "yesterday"}"#;
        assert_eq!(rules(doc), ["schemaorg/literal"]);
    }

    #[test]
    fn keyword_aliases_and_foreign_contexts() {
        // The schema.org context aliases `type` and `id`.
        let doc =
            r#"{"@context": "https://schema.org/", "type": "Book", "id": "urn:x", "name": "x"}"#;
        assert!(rules(doc).is_empty());
        let doc = r#"{"@context": "https://schema.org/", "type": "Bok"}"#;
        assert_eq!(rules(doc), ["schemaorg/unknown-type"]);
        // Another context may define the key: a warning, not an error.
        let doc = r#"{"@context": ["https://schema.org", "https://www.w3.org/ns/credentials/v2"], "@type": "Person", "issuer": "x"}"#;
        assert!(rules(doc).is_empty());
        // Potential-action annotations are part of schema.org's Actions convention.
        let doc = r#"{"@context": "https://schema.org", "@type": "WebSite", "potentialAction": {"@type": "SearchAction", "target": "https://x.example/?q={q}", "query-input": "required name=q"}}"#;
        assert!(rules(doc).is_empty());
        let doc =
            r#"{"@context": "https://schema.org", "@type": "SearchAction", "nosuch-input": "x"}"#;
        assert_eq!(rules(doc), ["schemaorg/unknown-property"]);
        // Prefixed and IRI keys of other vocabularies are not schema.org's business.
        let doc = r#"{"@context": "https://schema.org", "@type": "Person", "dc:title": "x", "http://purl.org/dc/terms/x": 1}"#;
        assert!(rules(doc).is_empty());
    }

    #[test]
    fn role_pattern_and_references() {
        let doc = r##"{"@context": "https://schema.org", "@graph": [
          {"@type": "NewsArticle", "@id": "https://x.example/#a",
           "contributor": {"@type": "Role", "roleName": "interviewee", "contributor": {"@id": "_:p"}},
           "about": {"@id": "_:p"}, "image": {"@id": "_:p"}},
          {"@type": "Person", "@id": "_:p", "name": "Trần Thị Mai"}]}"##;
        let findings = check(doc, None, false, &Limits::default());
        let errors: Vec<_> = findings
            .iter()
            .filter(|f| f.severity == Severity::Error)
            .collect();
        assert_eq!(errors.len(), 1, "{errors:#?}");
        assert_eq!(errors[0].rule, "schemaorg/range");
        assert!(
            errors[0].message.contains("`image`"),
            "{}",
            errors[0].message
        );
        assert_eq!(errors[0].location.line, Some(4));
        // A Role that does not carry the property is not the Role pattern.
        let doc = r#"{"@context": "https://schema.org", "@type": "NewsArticle",
          "contributor": {"@type": "Role", "roleName": "interviewee"}}"#;
        assert_eq!(rules(doc), ["schemaorg/range"]);
    }

    #[test]
    fn relative_iris_are_reported() {
        let doc = r##"{"@context": "https://schema.org", "@type": "NewsArticle", "@id": "#article",
          "url": "/a/b", "isBasedOn": ["https://x.example/a", "a.html"], "sameAs": "urn:isbn:1",
          "image": {"@type": "ImageObject", "contentUrl": "img/1.jpg", "@id": "_:b0"}}"##;
        let findings = check(doc, None, false, &Limits::default());
        let got: Vec<_> = findings
            .iter()
            .filter(|f| f.rule.starts_with("jsonld/relative"))
            .map(|f| {
                (
                    f.rule.as_str(),
                    f.severity,
                    f.location.pointer.as_deref().unwrap(),
                )
            })
            .collect();
        assert_eq!(
            got,
            [
                ("jsonld/relative-id", Severity::Error, "/@id"),
                ("jsonld/relative-iri", Severity::Warning, "/url"),
                ("jsonld/relative-iri", Severity::Warning, "/isBasedOn"),
                (
                    "jsonld/relative-iri",
                    Severity::Warning,
                    "/image/contentUrl"
                ),
            ]
        );
        let id = findings
            .iter()
            .find(|f| f.rule == "jsonld/relative-id")
            .unwrap();
        assert!(id.message.contains("#article"), "{}", id.message);
        // In an HTML page the page's URL is the base: a warning there.
        let in_page = check(doc, None, true, &Limits::default());
        let id = in_page
            .iter()
            .find(|f| f.rule == "jsonld/relative-id")
            .unwrap();
        assert_eq!(id.severity, Severity::Warning);
        // With @base the document says what relative IRIs resolve against.
        let based = doc.replace(
            r#""@context": "https://schema.org""#,
            r#""@context": ["https://schema.org", {"@base": "https://x.example/"}]"#,
        );
        assert!(!check(&based, None, false, &Limits::default())
            .iter()
            .any(|f| f.rule.starts_with("jsonld/relative")));
    }

    #[test]
    fn duplicate_keys_name_the_key_and_line() {
        let doc = "{\"@context\": \"https://schema.org\", \"@type\": \"Person\",\n \"name\": \"A\",\n \"name\": \"B\"}";
        let findings = check(doc, None, false, &Limits::default());
        let dup: Vec<_> = findings
            .iter()
            .filter(|f| f.rule == "json/duplicate-key")
            .collect();
        assert_eq!(dup.len(), 1, "{findings:#?}");
        assert_eq!(dup[0].severity, Severity::Error);
        assert_eq!(dup[0].location.line, Some(3));
        assert!(dup[0].message.contains("`name`") && dup[0].message.contains("line 2"));
    }
}
