//! `validate` on NewsML-G2: the official IPTC examples and the research samples in
//! ../shared/newsml-g2/ (complete documents pass, the abridged LISTING_24/25/28 fail),
//! and the checks the official XSD leaves lax, on documents derived from the samples.
//! The official XSD is the bundled copy (no `--xsd`); the documents are in ../shared
//! (these tests skip without it, see `shared.rs`).

use colloquy::check::{Checker, DocKind, FileReport};
use colloquy::model::Severity;
use std::path::{Path, PathBuf};

const ABRIDGED: &[&str] = &["LISTING_24_", "LISTING_25_", "LISTING_28_"];

fn documents() -> Option<Vec<PathBuf>> {
    let mut files = Vec::new();
    for dir in ["newsml-g2/examples", "newsml-g2/samples"] {
        for entry in std::fs::read_dir(crate::shared::shared(dir)?).expect("shared NewsML-G2 files")
        {
            let p = entry.unwrap().path();
            if p.extension().is_some_and(|e| e == "xml") {
                files.push(p);
            }
        }
    }
    files.sort();
    Some(files)
}

/// A sample of ../shared/newsml-g2/samples as text, or `None` (skipped).
fn sample(name: &str) -> Option<String> {
    let path = crate::shared::shared(&format!("newsml-g2/samples/{name}"))?;
    Some(std::fs::read_to_string(path).unwrap())
}

fn is_abridged(p: &Path) -> bool {
    let name = p.file_name().unwrap().to_string_lossy();
    ABRIDGED.iter().any(|a| name.starts_with(a))
}

fn check(checker: &Checker, p: &Path) -> FileReport {
    checker.check(&p.display().to_string(), &std::fs::read(p).unwrap())
}

fn errors(r: &FileReport) -> Vec<String> {
    r.errors()
        .map(|f| format!("{:?}: {} [{}]", f.location.line, f.message, f.rule))
        .collect()
}

#[test]
fn complete_official_examples_and_samples_pass() {
    let checker = Checker::new(None).unwrap();
    let Some(documents) = documents() else {
        return;
    };
    let complete: Vec<PathBuf> = documents.into_iter().filter(|p| !is_abridged(p)).collect();
    assert_eq!(
        complete.len(),
        11,
        "8 complete official examples + 3 samples"
    );
    let t = std::time::Instant::now();
    for p in &complete {
        let r = check(&checker, p);
        assert_eq!(r.kind, Some(DocKind::NewsMl), "{}", p.display());
        assert!(!r.has_errors(), "{}: {:#?}", p.display(), errors(&r));
    }
    eprintln!(
        "{} NewsML-G2 documents checked in {:?}",
        complete.len(),
        t.elapsed()
    );
}

#[test]
fn abridged_fragments_fail_with_a_root_error() {
    // LISTING_25 (contentSet root) and LISTING_28 (contentMeta root) are fragments: the
    // element-level check rejects them whatever the XSD says.
    let checker = Checker::new(None).unwrap();
    let Some(documents) = documents() else {
        return;
    };
    for p in documents.iter().filter(|p| is_abridged(p)) {
        let name = p.file_name().unwrap().to_string_lossy().to_string();
        if name.starts_with("LISTING_24_") {
            continue;
        }
        let r = check(&checker, p);
        assert_eq!(r.kind, Some(DocKind::NewsMl), "{name}");
        let first = r.errors().next().unwrap_or_else(|| panic!("{name} passed"));
        assert_eq!(first.rule, "newsml/root", "{name}");
        assert_eq!(first.location.line, Some(1), "{name}");
    }
}

#[test]
fn all_abridged_listings_fail_with_the_official_xsd() {
    let checker = Checker::new(None).unwrap();
    let Some(documents) = documents() else {
        return;
    };
    let abridged: Vec<PathBuf> = documents.into_iter().filter(|p| is_abridged(p)).collect();
    assert_eq!(abridged.len(), 3);
    for p in &abridged {
        assert!(check(&checker, p).has_errors(), "{} passed", p.display());
    }
    let listing_24 = abridged
        .iter()
        .find(|p| p.to_string_lossy().contains("LISTING_24_"))
        .unwrap();
    let r = check(&checker, listing_24);
    assert!(
        r.errors().any(|f| f.rule.starts_with("xsd/")),
        "{:#?}",
        errors(&r)
    );
}

#[test]
fn item_without_item_meta_is_rejected_by_the_official_xsd() {
    let checker = Checker::new(None).unwrap();
    let Some(text) = sample("interview-newsitem-minimal.xml") else {
        return;
    };
    let start = text.find("<itemMeta>").unwrap();
    let end = text.find("</itemMeta>").unwrap() + "</itemMeta>".len();
    let broken = format!("{}{}", &text[..start], &text[end..]);
    let r = checker.check("no-item-meta.xml", broken.as_bytes());
    assert!(r.has_errors());
    // libxml2 names the expected element: "… Expected is one of ( …itemMeta )".
    assert!(
        r.errors()
            .any(|f| f.rule.starts_with("xsd/") && f.message.contains("itemMeta")),
        "{:#?}",
        errors(&r)
    );
}

fn line_of(text: &str, needle: &str) -> usize {
    text[..text.find(needle).unwrap()].matches('\n').count() + 1
}

#[test]
fn misspelled_item_inside_item_set_is_an_error() {
    let checker = Checker::new(None).unwrap();
    let Some(text) = sample("interview-newsmessage-batch.xml") else {
        return;
    };
    assert!(!checker.check("batch.xml", text.as_bytes()).has_errors());
    // Misspell the first newsItem (start and end tag) — still valid for the official
    // XSD, whose itemSet takes any NAR element.
    let start = text.find("<newsItem").unwrap();
    let end = text.find("</newsItem>").unwrap();
    let broken = format!(
        "{}<newsitem{}</newsitem>{}",
        &text[..start],
        &text[start + "<newsItem".len()..end],
        &text[end + "</newsItem>".len()..]
    );
    let r = checker.check("batch.xml", broken.as_bytes());
    let errs: Vec<_> = r.errors().collect();
    assert_eq!(errs.len(), 1, "{:#?}", errors(&r));
    assert_eq!(errs[0].rule, "newsml/item-name");
    assert_eq!(errs[0].location.line, Some(line_of(&broken, "<newsitem")));
    assert!(errs[0].hint.as_deref().unwrap().contains("newsItem"));
}

#[test]
fn xhtml_in_inline_xml_is_checked() {
    let checker = Checker::new(None).unwrap();
    let Some(text) = sample("interview-newsitem-minimal.xml") else {
        return;
    };
    // No XHTML namespace: the html element falls into the NAR namespace.
    let no_ns = text.replace("<html xmlns=\"http://www.w3.org/1999/xhtml\">", "<html>");
    assert_ne!(no_ns, text);
    let r = checker.check("no-ns.xml", no_ns.as_bytes());
    let rules: Vec<_> = r.errors().map(|f| f.rule.as_str()).collect();
    assert_eq!(rules, ["newsml/xhtml-root"]);
    assert_eq!(
        r.errors().next().unwrap().location.line,
        Some(line_of(&no_ns, "<html>"))
    );
    // An HTML5-only element is flagged (a warning: the XSD accepts it).
    let figure = text.replace(
        "<body>",
        "<body><figure><img src=\"a.jpg\" alt=\"\"/></figure>",
    );
    let r = checker.check("figure.xml", figure.as_bytes());
    assert!(!r.has_errors());
    assert_eq!(
        r.findings
            .iter()
            .filter(|f| f.severity == Severity::Warning)
            .map(|f| f.rule.as_str())
            .collect::<Vec<_>>(),
        ["newsml/xhtml-html5"]
    );
    // Two roots.
    let two = text.replace(
        "</html>",
        "</html><div xmlns=\"http://www.w3.org/1999/xhtml\"/>",
    );
    // Two roots: the official XSD allows one element in inlineXML too.
    let r = checker.check("two.xml", two.as_bytes());
    assert_eq!(
        r.errors().map(|f| f.rule.as_str()).collect::<Vec<_>>(),
        ["xsd/element", "newsml/xhtml-root"]
    );
}

#[test]
fn malformed_xml_names_line_and_column() {
    let checker = Checker::new(None).unwrap();
    let text = "<?xml version=\"1.0\"?>\n<newsItem xmlns=\"http://iptc.org/std/nar/2006-10-01/\">\n  <itemMeta>\n</newsItem>\n";
    let r = checker.check("bad.xml", text.as_bytes());
    let errs: Vec<_> = r.errors().collect();
    assert_eq!(errs.len(), 1, "{:#?}", errors(&r));
    assert_eq!(errs[0].rule, "xml/malformed");
    assert_eq!(errs[0].location.line, Some(4));
}
