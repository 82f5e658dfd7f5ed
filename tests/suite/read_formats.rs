//! Format detection and the Markdown, HTML and subtitle readers on one interview written
//! three ways: each gives the same exchange, closing and people, with spans into the file.

use colloquy::model::Role;
use colloquy::read::{decode, detect, read, Format};

fn load(name: &str) -> (colloquy::model::Interview, String) {
    let path = format!("tests/fixtures/read/formats/{name}");
    let text = decode(&path, &std::fs::read(&path).unwrap()).unwrap();
    (read(&path, &text).unwrap_or_else(|e| panic!("{e}")), text)
}

#[test]
fn formats_are_detected_by_extension_and_content() {
    assert_eq!(detect("a.vtt", ""), Format::Subtitles);
    assert_eq!(detect("a.md", ""), Format::Markdown);
    assert_eq!(detect("a.htm", ""), Format::Html);
    assert_eq!(
        detect("-", "WEBVTT\n\n00:00:01.000 --> 00:00:02.000\nHi"),
        Format::Subtitles
    );
    assert_eq!(
        detect("-", "1\n00:00:01,000 --> 00:00:02,000\nHi"),
        Format::Subtitles
    );
    assert_eq!(
        detect("-", "<!DOCTYPE html><html><body><p>Hi</p></body></html>"),
        Format::Html
    );
    assert_eq!(
        detect("-", "---\ntitle: x\n---\nQ: Hi?\nA: Yes."),
        Format::Markdown
    );
    assert_eq!(detect("-", "Q: Hi?\nA: Yes."), Format::Text);
}

#[test]
fn one_interview_in_three_formats_reads_the_same() {
    for name in ["harbour.vtt", "harbour.md", "harbour.html"] {
        let (iv, text) = load(name);
        let ex = iv.exchanges();
        assert_eq!(ex.len(), 1, "{name}: {:#?}", iv.turns);
        assert_eq!(
            ex[0].question.text(),
            "Where did you learn to build boats?",
            "{name}"
        );
        let answer = ex[0].answers[0].text();
        assert!(
            answer.starts_with("From my uncle, in a shed behind the fish market"),
            "{name}: {answer}"
        );
        assert_eq!(
            iv.closing.as_ref().map(|c| c.text()).as_deref(),
            Some("Thank you, Leo."),
            "{name}"
        );
        let people: Vec<(&str, Role)> = iv
            .people
            .iter()
            .map(|p| (p.name.value.as_str(), p.role))
            .collect();
        assert!(
            people.contains(&("Leo Brandt", Role::Interviewee)),
            "{name}: {people:?}"
        );
        assert!(
            people.contains(&("Maya Lind", Role::Interviewer)),
            "{name}: {people:?}"
        );
        // Spans point into the file as written.
        let p = &ex[0].question.paragraphs[0];
        assert!(
            text[p.span.clone()].contains("Where did you learn"),
            "{name}"
        );
        assert_eq!(iv.language(), Some("en"), "{name}");
    }
}

#[test]
fn markdown_front_matter_and_html_page_metadata() {
    let (md, _) = load("harbour.md");
    assert_eq!(
        md.meta.headline.as_ref().unwrap().value,
        "Boats, sheds and uncles"
    );
    assert_eq!(
        md.meta.date_published.as_ref().unwrap().value.as_str(),
        "2015-08-03"
    );
    let (html, text) = load("harbour.html");
    let lang = html.meta.language.as_ref().unwrap();
    assert!(
        matches!(&lang.provenance, colloquy::model::Provenance::Text { span } if &text[span.clone()] == "en")
    );
    assert_eq!(
        html.meta.headline.as_ref().unwrap().value,
        "Boats, sheds and uncles"
    );
    assert!(!html.exchanges()[0].answers[0]
        .text()
        .contains("rights reserved"));
    assert!(html.exchanges()[0].answers[0]
        .text()
        .contains("market – he was strict."));
}
