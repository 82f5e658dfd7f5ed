//! Every input fuzzing (fuzz/, see fuzz/README.md) found a fault with, kept as a
//! regression test under the property its target asserts. The inputs are the fuzzer's
//! bytes unchanged (tests/fixtures/fuzz/TARGET-HASH): the first byte picks the input's
//! name (txt, md, html, vtt, srt, xml), the rest is the file.

use colloquy::check::Checker;
use colloquy::pipeline::{
    self, ConvertError, ConvertOptions, MetaSources, OutputFormat, VersionCreated,
};
use std::path::Path;

const NAMES: [&str; 6] = ["a.txt", "a.md", "a.html", "a.vtt", "a.srt", "a.xml"];

fn input(file: &str) -> (&'static str, Vec<u8>) {
    let bytes = std::fs::read(Path::new("tests/fixtures/fuzz").join(file)).unwrap();
    let (&pick, rest) = bytes.split_first().unwrap();
    (NAMES[usize::from(pick) % NAMES.len()], rest.to_vec())
}

/// The read_recognize property: an interview or an error, never a panic, and spans
/// inside the text.
fn reads(file: &str) {
    let (name, bytes) = input(file);
    if let Ok((text, iv)) = pipeline::read(name, &bytes) {
        for t in &iv.turns {
            assert!(t.span.start <= t.span.end && t.span.end <= text.len());
            assert!(text.is_char_boundary(t.span.start) && text.is_char_boundary(t.span.end));
        }
    }
}

/// The convert property: an error, or every output valid against the bundled schemas
/// (the official NewsML-G2 XSD included) — convert never builds an invalid document.
fn converts_or_fails_cleanly(file: &str) {
    let (name, bytes) = input(file);
    let Ok((text, iv)) = pipeline::read_with_meta(name, None, &bytes, &MetaSources::default())
    else {
        return;
    };
    let checker = Checker::new(None).unwrap().with_interview_profile();
    let options = ConvertOptions {
        formats: vec![
            OutputFormat::JsonLd,
            OutputFormat::NewsMl,
            OutputFormat::Html,
            OutputFormat::DublinCore,
            OutputFormat::Ohms,
        ],
        version_created: VersionCreated::Fixed("2026-01-02T03:04:05Z".into()),
        input_modified: None,
    };
    match pipeline::write_checked(name, &text, iv, &options, &checker) {
        Ok(done) => {
            for doc in done
                .documents
                .iter()
                .filter(|d| d.format != OutputFormat::Ohms)
            {
                let report = checker.check("out", doc.text.as_bytes());
                let errors: Vec<_> = report.errors().collect();
                assert!(errors.is_empty(), "{:?}: {errors:?}", doc.format);
            }
        }
        Err(ConvertError::Invalid {
            format, summary, ..
        }) => {
            panic!("{file}: convert built an invalid {format} document: {summary}")
        }
        Err(_) => {}
    }
}

/// A heading next to a zero-width space in an HTML page: the masked page's bytes did not
/// fall on the page's character boundaries, and slicing it panicked.
#[test]
fn a_heading_beside_a_zero_width_space_reads() {
    reads("read_recognize-4e09afa1");
}

/// `![](https://img.exampl%e/amb.jpg)`: a bad percent escape passed the URL check and
/// failed the JSON Schema's `uri` format; the address is now dropped with a warning.
#[test]
fn an_image_address_with_a_bad_percent_escape_is_dropped() {
    converts_or_fails_cleanly("convert-696fff81");
    let (name, bytes) = input("convert-696fff81");
    let (_, iv) = pipeline::read(name, &bytes).unwrap();
    assert!(iv.figures.iter().all(|f| f.image_url.is_none()));
    assert!(iv.diagnostics.iter().any(|d| d.code == "bad-url"));
}

/// `<body` alone (5 bytes): HTML by its first element, and shorter than `<script`, so
/// the block scan's case-insensitive search sliced past the end and validate aborted.
#[test]
fn a_page_shorter_than_a_script_tag_is_a_report_not_an_abort() {
    let bytes = std::fs::read("tests/fixtures/fuzz/validate_xml-24b028a0").unwrap();
    let report = Checker::new(None).unwrap().check("in.xml", &bytes);
    assert!(report.findings.iter().all(|f| !f.rule.is_empty()));
    assert!(
        report.findings.iter().any(|f| f.rule == "html/no-jsonld"),
        "{:?}",
        report.findings
    );
}

/// Markdown holding an HTML block next to zero-width spaces: two maskings overlapped,
/// one blanked a range ending inside a character the other had moved, and the masked
/// text was no UTF-8 (a panic). Broken bytes are now blanked too.
#[test]
fn overlapping_markup_in_markdown_reads() {
    reads("read_recognize-e1472722");
}

#[test]
fn a_closing_credit_after_a_link_bar_keeps_turn_spans_on_characters() {
    // `[Domů](/) | [Zprhop?**` … `Ptala se Petra Svobodová`: the last answer loses its
    // interview credit; its span must still end on a character boundary.
    reads("read_recognize-026d8ead");
}
