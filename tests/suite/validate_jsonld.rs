//! `validate` on JSON-LD files, ours and foreign: the rule ids and positions a user sees.

use colloquy::check::{Checker, DocKind, FileReport, Finding};
use colloquy::model::Severity;

fn check(text: &str) -> FileReport {
    Checker::new(None)
        .unwrap()
        .check("doc.jsonld", text.as_bytes())
}

fn errors(r: &FileReport) -> Vec<&Finding> {
    r.errors().collect()
}

/// 1-based line and column of the first occurrence of `needle`.
fn pos(text: &str, needle: &str) -> (usize, usize) {
    let at = text
        .find(needle)
        .unwrap_or_else(|| panic!("{needle} not in text"));
    let line = text[..at].matches('\n').count() + 1;
    let col = text[..at].rsplit('\n').next().unwrap().chars().count() + 1;
    (line, col)
}

fn at(f: &Finding) -> (usize, usize) {
    (f.location.line.unwrap(), f.location.column.unwrap())
}

const ARTICLE: &str = r#"{
  "@context": "https://schema.org",
  "@type": "NewsArticle",
  "headline": "“Mekong adalah nadi kami”",
  "datePublished": "2026-05-12T09:30:00+07:00",
  "author": {"@type": "Person", "name": "Lê Minh Quân"},
  "image": {"@type": "ImageObject", "contentUrl": "https://news.example.id/a.jpg", "caption": "Sungai", "creditText": "Báo Ví Dụ"},
  "contributor": [
    {"@type": "Role", "roleName": "interviewee", "contributor": {"@type": "Person", "name": "Trần Thị Mai"}}
  ],
  "hasPart": [
    {"@type": "Question", "position": 1, "text": "Apa?", "acceptedAnswer": {"@type": "Answer", "text": "Sedimen."}}
  ]
}
"#;

#[test]
fn a_valid_article_has_no_errors_or_warnings() {
    let r = check(ARTICLE);
    assert_eq!(r.kind, Some(DocKind::JsonLd));
    assert!(!r.has_errors() && !r.has_warnings(), "{:#?}", r.findings);
    // creditText is a pending term: reported as info only.
    assert!(r
        .findings
        .iter()
        .any(|f| f.rule == "schemaorg/pending" && f.message.contains("creditText")));
}

#[test]
fn misspelled_property_unknown_type_and_wrong_range() {
    let text = ARTICLE
        .replace("\"headline\"", "\"headlin\"")
        .replace("\"@type\": \"Answer\"", "\"@type\": \"Answr\"")
        .replace("\"caption\": \"Sungai\"", "\"caption\": \"Sungai\", \"copyrightHolder\": \"Báo Ví Dụ\", \"author\": {\"@type\": \"Place\", \"name\": \"x\"}");
    let r = check(&text);
    let errs = errors(&r);
    let got: Vec<(&str, (usize, usize))> = errs.iter().map(|f| (f.rule.as_str(), at(f))).collect();
    assert_eq!(
        got,
        [
            ("schemaorg/unknown-property", pos(&text, "\"headlin\"")),
            ("schemaorg/range", pos(&text, "{\"@type\": \"Place\"")),
            ("schemaorg/unknown-type", pos(&text, "\"Answr\"")),
        ],
        "{errs:#?}"
    );
    assert!(errs[0].hint.as_deref().unwrap().contains("`headline`"));
    assert!(errs[2].hint.as_deref().unwrap().contains("`Answer`"));
    // Text where a Person/Organization is expected: allowed by schema.org, reported as info.
    assert!(r
        .findings
        .iter()
        .any(|f| f.rule == "schemaorg/text-for-thing"
            && f.severity == Severity::Info
            && at(f) == pos(&text, "\"Báo Ví Dụ\", \"author\"")));
}

#[test]
fn literal_forms_are_checked() {
    let text = ARTICLE
        .replace("2026-05-12T09:30:00+07:00", "12 May 2026")
        .replace("\"position\": 1", "\"position\": true");
    let r = check(&text);
    let got: Vec<_> = errors(&r).iter().map(|f| (f.rule.clone(), at(f))).collect();
    assert_eq!(
        got,
        [(
            "schemaorg/literal".to_string(),
            pos(&text, "\"12 May 2026\"")
        )]
    );
    // position is Integer or Text: a boolean is a warning.
    assert!(r
        .findings
        .iter()
        .any(|f| f.rule == "schemaorg/literal" && f.severity == Severity::Warning));
}

#[test]
fn domain_mismatch_and_the_role_pattern() {
    // `roleName` on a Person is a domain error; the Role carrying `contributor` is not.
    let text = ARTICLE.replace(
        "\"name\": \"Trần Thị Mai\"",
        "\"name\": \"Trần Thị Mai\", \"roleName\": \"x\"",
    );
    let r = check(&text);
    let got: Vec<_> = errors(&r).iter().map(|f| (f.rule.clone(), at(f))).collect();
    assert_eq!(
        got,
        [(
            "schemaorg/domain".to_string(),
            pos(&text, "\"roleName\": \"x\"")
        )]
    );
}

#[test]
fn google_profile_gives_warnings_not_errors() {
    let text = ARTICLE
        .replace("2026-05-12T09:30:00+07:00", "2026-05-12T09:30:00")
        .replace(
            "{\"@type\": \"Person\", \"name\": \"Lê Minh Quân\"}",
            "\"By Lê Minh Quân\"",
        )
        .replace("https://news.example.id/a.jpg", "a.jpg")
        .replace("“Mekong adalah nadi kami”", &"panjang ".repeat(20));
    let r = check(&text);
    assert!(!r.has_errors(), "{:#?}", errors(&r));
    let mut warnings: Vec<_> = r
        .findings
        .iter()
        .filter(|f| f.severity == Severity::Warning)
        .map(|f| f.rule.as_str())
        .collect();
    warnings.sort();
    assert_eq!(
        warnings,
        [
            "google/author-type",
            "google/date-timezone",
            "google/headline-length",
            "google/image",
            // The relative image URL is also a relative IRI.
            "jsonld/relative-iri"
        ]
    );
}

#[test]
fn invalid_json_is_an_error_with_line_and_column() {
    let text = "{\n  \"@context\": \"https://schema.org\",\n  \"@type\": \"Person\"\n  \"name\": \"x\"\n}\n";
    let r = check(text);
    let errs = errors(&r);
    assert_eq!(errs.len(), 1);
    assert_eq!(errs[0].rule, "json/syntax");
    assert_eq!(at(errs[0]), (4, 3));
}

#[test]
fn arrays_of_documents_and_graphs() {
    let text = r##"[
  {"@context": "https://schema.org", "@type": "Person", "name": "A"},
  {"@context": "https://schema.org", "@graph": [
    {"@type": "NewsArticle", "@id": "_:a", "author": {"@id": "_:p"}},
    {"@type": "Person", "@id": "_:p", "nam": "B"}
  ]},
  {"name": "no context"}
]"##;
    let r = check(text);
    let got: Vec<_> = errors(&r)
        .iter()
        .map(|f| (f.rule.clone(), f.location.pointer.clone()))
        .collect();
    assert_eq!(
        got,
        [
            (
                "schemaorg/unknown-property".to_string(),
                Some("/1/@graph/1/nam".to_string())
            ),
            ("jsonld/no-context".to_string(), Some("/2".to_string())),
        ]
    );
}

#[test]
fn references_are_followed_for_ranges() {
    // author → an ImageObject defined elsewhere in the graph: a range error.
    let text = r##"{"@context": "https://schema.org", "@graph": [
  {"@type": "NewsArticle", "@id": "_:a", "headline": "h", "author": {"@id": "_:i"}},
  {"@type": "ImageObject", "@id": "_:i", "contentUrl": "https://x.example/i.jpg"}
]}"##;
    let r = check(text);
    let got: Vec<_> = errors(&r)
        .iter()
        .map(|f| (f.rule.clone(), f.location.line))
        .collect();
    assert_eq!(got, [("schemaorg/range".to_string(), Some(2))]);
}

#[test]
fn not_json_ld_newsml_or_html_is_an_error() {
    let checker = Checker::new(None).unwrap();
    for (bytes, rule) in [
        (&b"Q: Why?\nA: Because.\n"[..], "input/unknown-kind"),
        (
            &b"<rss version=\"2.0\"><channel/></rss>"[..],
            "input/unknown-kind",
        ),
        (&b"   \n"[..], "input/empty"),
        (&b"{\"a\": \"\xff\"}"[..], "input/not-utf8"),
    ] {
        let r = checker.check("x", bytes);
        assert_eq!(
            r.errors().map(|f| f.rule.as_str()).collect::<Vec<_>>(),
            [rule],
            "{bytes:?}"
        );
    }
}

/// The bundled JSON Schema (colloquy's interview profile) is applied on request
/// (`validate --profile interview`), never guessed: a document shaped like colloquy's
/// own output (NewsArticle, urn:uuid @id, IPTC Interview genre) is judged by the
/// standards alone unless the profile is asked for.
#[test]
fn the_json_schema_is_applied_only_with_the_interview_profile() {
    let ours = ARTICLE.replace(
        "\"@type\": \"NewsArticle\",",
        "\"@type\": \"NewsArticle\",\n  \"@id\": \"urn:uuid:6f1c1f0e-8d7e-5b7a-9a57-0c1f3d0d2b11\",\n  \"genre\": {\"@type\": \"DefinedTerm\", \"name\": \"Interview\", \"termCode\": \"Interview\", \"url\": \"http://cv.iptc.org/newscodes/genre/Interview\", \"inDefinedTermSet\": \"http://cv.iptc.org/newscodes/genre/\"},",
    );
    // hasPart as text is fine for schema.org (text for a thing) but not for our schema.
    let broken = ours.replace(
        &ours[ours.find("\"hasPart\": [").unwrap()..ours.rfind(']').unwrap() + 1],
        "\"hasPart\": \"questions\"",
    );
    let r = check(&broken);
    assert!(!r.has_errors(), "{:#?}", r.findings);
    assert!(!r.checked_against.iter().any(|s| s.contains("JSON Schema")));
    let profiled = Checker::new(None)
        .unwrap()
        .with_interview_profile()
        .check("doc.jsonld", broken.as_bytes());
    assert!(
        profiled
            .errors()
            .any(|f| f.rule.starts_with("json-schema/")),
        "{:#?}",
        profiled.findings
    );
    assert!(profiled
        .checked_against
        .iter()
        .any(|s| s.contains("JSON Schema")));
}

/// A document shaped exactly like DESIGN.md's JSON-LD output contract passes the
/// vocabulary check: `convert` must never be blocked by its own contract. Without image
/// URLs (the seed's photo rows have none) Google's image rule warns, nothing else.
#[test]
fn the_output_contract_passes_the_vocabulary_check() {
    let doc = r#"{
  "@context": "https://schema.org",
  "@type": "NewsArticle",
  "@id": "urn:uuid:0b1f5a4e-3c1d-5e8f-9a6b-7c2d1e0f4a3b",
  "genre": {
    "@type": "DefinedTerm",
    "name": "Interview",
    "termCode": "Interview",
    "url": "http://cv.iptc.org/newscodes/genre/Interview",
    "inDefinedTermSet": "http://cv.iptc.org/newscodes/genre/"
  },
  "inLanguage": "id",
  "headline": "Wawancara dengan Duta Besar",
  "datePublished": "2026-05-12",
  "hasPart": [
    {
      "@type": "Question",
      "position": 1,
      "text": "Bagaimana hubungan kedua negara?",
      "acceptedAnswer": {
        "@type": "Answer",
        "text": "Sangat baik.\n\nKami bekerja sama.",
        "author": { "@id": "urn:uuid:0b1f5a4e-3c1d-5e8f-9a6b-7c2d1e0f4a3b#person-1" }
      }
    }
  ],
  "contributor": [
    {
      "@type": "Role",
      "roleName": "interviewee",
      "contributor": {
        "@type": "Person",
        "@id": "urn:uuid:0b1f5a4e-3c1d-5e8f-9a6b-7c2d1e0f4a3b#person-1",
        "name": "Vu Le Thai Hoang",
        "jobTitle": "Duta Besar"
      }
    }
  ],
  "about": [{ "@id": "urn:uuid:0b1f5a4e-3c1d-5e8f-9a6b-7c2d1e0f4a3b#person-1" }],
  "image": [{ "@type": "ImageObject", "caption": "Duta Besar di Jakarta.", "creditText": "NVCC" }],
  "isBasedOn": "https://baoquocte.vn/example-123.html",
  "articleBody": "Bagaimana hubungan kedua negara?\n\nSangat baik."
}"#;
    let r = check(doc);
    assert!(!r.has_errors(), "{:#?}", errors(&r));
    let warnings: Vec<_> = r
        .findings
        .iter()
        .filter(|f| f.severity == Severity::Warning)
        .map(|f| f.rule.as_str())
        .collect();
    assert_eq!(
        warnings,
        ["google/date-timezone", "google/image"],
        "{:#?}",
        r.findings
    );
}
