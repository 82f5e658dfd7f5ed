//! `validate` on HTML pages: every JSON-LD script block is checked, positions point into
//! the HTML file, and invalid JSON in a block is an error (never skipped).

use colloquy::check::{Checker, DocKind};

fn pos(text: &str, needle: &str) -> (usize, usize) {
    let at = text
        .find(needle)
        .unwrap_or_else(|| panic!("{needle} not in text"));
    let line = text[..at].matches('\n').count() + 1;
    let col = text[..at].rsplit('\n').next().unwrap().chars().count() + 1;
    (line, col)
}

const PAGE: &str = r#"<!DOCTYPE html>
<html lang="id">
<head>
  <title>Wawancara</title>
  <script type="application/ld+json">
  {
    "@context": "https://schema.org",
    "@type": "NewsArticle",
    "headline": "Mekong",
    "authr": {"@type": "Person", "name": "Lê Minh Quân"}
  }
  </script>
  <!-- <script type="application/ld+json">{ not checked: commented out }</script> -->
  <script>var s = "<b>";</script>
</head>
<body>
  <p>Teks.</p>
  <script type="application/ld+json">
  {
    "@context": "https://schema.org",
    "@type": "ImageObject",
    "caption": "Sungai",
  }
  </script>
</body>
</html>
"#;

#[test]
fn two_blocks_one_invalid_json() {
    let checker = Checker::new(None).unwrap();
    let r = checker.check("page.html", PAGE.as_bytes());
    assert_eq!(r.kind, Some(DocKind::Html));
    let errs: Vec<_> = r.errors().collect();
    assert_eq!(errs.len(), 2, "{errs:#?}");
    // Block 1: a misspelled property, at its place in the HTML file.
    assert_eq!(errs[0].rule, "schemaorg/unknown-property");
    assert_eq!(
        (
            errs[0].location.line.unwrap(),
            errs[0].location.column.unwrap()
        ),
        pos(PAGE, "\"authr\"")
    );
    assert_eq!(errs[0].location.pointer.as_deref(), Some("script[1]/authr"));
    // Block 2: the trailing comma; serde_json reports it at the closing brace.
    assert_eq!(errs[1].rule, "json/syntax");
    assert_eq!(
        errs[1].location.line,
        Some(pos(PAGE, "  }\n  </script>\n</body>").0)
    );
    assert!(
        errs[1].message.starts_with("JSON-LD block 2"),
        "{}",
        errs[1].message
    );
}

#[test]
fn first_line_columns_are_shifted_by_the_tag() {
    let page = "<html><script type=\"application/ld+json\">{\"@context\": \"https://schema.org\", \"@type\": \"Persn\"}</script></html>";
    let r = Checker::new(None)
        .unwrap()
        .check("one-line.html", page.as_bytes());
    let errs: Vec<_> = r.errors().collect();
    assert_eq!(errs.len(), 1);
    assert_eq!(errs[0].rule, "schemaorg/unknown-type");
    assert_eq!(
        (
            errs[0].location.line.unwrap(),
            errs[0].location.column.unwrap()
        ),
        pos(page, "\"Persn\"")
    );
}

#[test]
fn page_without_json_ld_and_unclosed_block() {
    let checker = Checker::new(None).unwrap();
    let r = checker.check("plain.html", b"<html><body><p>nothing</p></body></html>");
    assert!(!r.has_errors());
    assert!(r.findings.iter().any(|f| f.rule == "html/no-jsonld"));
    let r = checker.check(
        "open.html",
        b"<html><script type=\"application/ld+json\">{\"@context\": 1}",
    );
    assert_eq!(
        r.errors().map(|f| f.rule.as_str()).collect::<Vec<_>>(),
        ["html/unterminated-script"]
    );
}
