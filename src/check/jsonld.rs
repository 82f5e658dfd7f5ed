//! JSON-LD documents: syntax, then the bundled JSON Schema (only for colloquy's own
//! documents), the schema.org vocabulary check and the Google Article profile.
//!
//! A document is "ours" — held to `schemas/colloquy-interview.schema.json` — when it is
//! one top-level object typed `NewsArticle` whose `@id` is a `urn:uuid:` and whose
//! `genre` carries the IPTC `Interview` genre code (termCode `Interview` or the
//! `http://cv.iptc.org/newscodes/genre/Interview` URL). That is the output contract in
//! DESIGN.md; foreign documents are judged by the vocabulary and Google rules alone.

use super::json_schema::JsonSchemaCheck;
use super::jsontree::{self, Json};
use super::{google, sort_findings, vocabulary, Finding, Location, Sink};
use crate::model::Severity;

/// The IPTC genre code URL colloquy writes.
pub const IPTC_INTERVIEW: &str = "http://cv.iptc.org/newscodes/genre/Interview";

/// Checks one JSON-LD text.
pub fn check(text: &str, schema: &JsonSchemaCheck) -> Vec<Finding> {
    let mut doc = match jsontree::parse(text) {
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
    vocabulary::expand_aliases(&mut doc);
    let mut sink = Sink::new(text);
    let vocab = vocabulary::check(&doc, &mut sink);
    google::check(&vocab, &mut sink);
    let mut findings = sink.findings;
    if is_ours(&doc) {
        findings.extend(schema.check(text));
    }
    sort_findings(&mut findings);
    findings
}

/// Whether the document is one of colloquy's own (see the module comment).
pub fn is_ours(doc: &Json) -> bool {
    let typed_news_article = doc
        .get("@type")
        .is_some_and(|t| t.items().iter().any(|t| t.as_str() == Some("NewsArticle")));
    let uuid_id = doc
        .get("@id")
        .and_then(Json::as_str)
        .is_some_and(|id| id.starts_with("urn:uuid:"));
    let interview_genre = doc.get("genre").is_some_and(|g| {
        g.items().iter().any(|g| {
            g.as_str() == Some(IPTC_INTERVIEW)
                || g.get("termCode").and_then(Json::as_str) == Some("Interview")
                || g.get("url").and_then(Json::as_str) == Some(IPTC_INTERVIEW)
        })
    });
    typed_news_article && uuid_id && interview_genre
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rules(text: &str) -> Vec<String> {
        check(text, &JsonSchemaCheck::bundled())
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
          {"@type": "NewsArticle", "@id": "#a",
           "contributor": {"@type": "Role", "roleName": "interviewee", "contributor": {"@id": "#p"}},
           "about": {"@id": "#p"}, "image": {"@id": "#p"}},
          {"@type": "Person", "@id": "#p", "name": "Trần Thị Mai"}]}"##;
        let findings = check(doc, &JsonSchemaCheck::bundled());
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
}
