//! libxml2 is given the bundled XSDs without their comments, `xs:annotation` elements and
//! the whitespace between elements (`check::xsd`, to compile them faster). Here the
//! compact schemas are held to the very findings of the whole files in `schemas/` —
//! compiled from disk, as `--xsd` would — over valid documents and over mutants of them
//! that break one element each (an unknown attribute, an element removed, an attribute
//! value made invalid), so both acceptance and every message are compared.

use crate::common;
use colloquy::check::xsd::XsdCheck;
use colloquy::write::{dublin_core, newsml, ohms};
use std::path::Path;

fn whole(rel: &str) -> XsdCheck {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("schemas")
        .join(rel);
    XsdCheck::from_path(&path).expect("the bundled file compiles from disk")
}

/// Start of the start tag, end of the start tag, end of the element (byte offsets),
/// of every element of `xml` in document order.
fn elements(xml: &str) -> Vec<(usize, usize, usize)> {
    use quick_xml::events::Event;
    let mut reader = quick_xml::Reader::from_str(xml);
    let mut open: Vec<usize> = Vec::new();
    let mut spans = Vec::new();
    loop {
        let at = reader.buffer_position() as usize;
        match reader.read_event().expect("test documents are well-formed") {
            Event::Start(_) => {
                open.push(spans.len());
                spans.push((at, reader.buffer_position() as usize, 0));
            }
            Event::Empty(_) => {
                let end = reader.buffer_position() as usize;
                spans.push((at, end, end));
            }
            Event::End(_) => {
                let i = open.pop().expect("balanced");
                spans[i].2 = reader.buffer_position() as usize;
            }
            Event::Eof => break,
            _ => {}
        }
    }
    spans
}

/// `xml` and, for each of its first elements, three documents that break it.
fn with_mutants(xml: &str) -> Vec<String> {
    let mut docs = vec![xml.to_string()];
    for (start, tag_end, end) in elements(xml).into_iter().skip(1).take(60) {
        let tag = &xml[start..tag_end];
        let name_end = tag
            .find(|c: char| c.is_whitespace() || c == '>' || c == '/')
            .unwrap();
        // An attribute no schema allows.
        docs.push(format!(
            "{} zzUnknown=\"1\"{}",
            &xml[..start + name_end],
            &xml[start + name_end..]
        ));
        // The element gone.
        docs.push(format!("{}{}", &xml[..start], &xml[end..]));
        // Its first attribute's value made something few types accept.
        if let Some(eq) = tag.find("=\"") {
            let value_start = start + eq + 2;
            let value_end = value_start + xml[value_start..].find('"').unwrap();
            docs.push(format!(
                "{}%% not a value %%{}",
                &xml[..value_start],
                &xml[value_end..]
            ));
        }
    }
    docs
}

/// Every document, and its mutants, gets the same findings from both schemas; returns
/// how many documents were compared and how many of them had findings.
fn same_findings(
    compact: &XsdCheck,
    whole: &XsdCheck,
    docs: &[(String, String)],
) -> (usize, usize) {
    let (mut compared, mut invalid) = (0, 0);
    for (what, xml) in docs {
        for (i, doc) in with_mutants(xml).iter().enumerate() {
            let a = format!("{:#?}", compact.check(doc));
            let b = format!("{:#?}", whole.check(doc));
            assert_eq!(
                a,
                b,
                "{what} (mutant {i}): the compact {} and the whole file disagree",
                compact.name()
            );
            compared += 1;
            invalid += usize::from(a != "[]");
        }
    }
    (compared, invalid)
}

fn fixture_docs(
    write: impl Fn(&colloquy::model::Interview, &colloquy::write::WriteContext) -> Vec<String>,
) -> Vec<(String, String)> {
    let mut docs = Vec::new();
    for (name, iv) in [
        ("small", common::small()),
        ("full", common::full()),
        ("bare", common::bare()),
    ] {
        let ctx = common::ctx(&iv);
        for (i, doc) in write(&iv, &ctx).into_iter().enumerate() {
            docs.push((format!("{name} document {i}"), doc));
        }
    }
    docs
}

fn files_in(dir: &Path) -> Vec<(String, String)> {
    let mut paths: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "xml"))
        .collect();
    paths.sort();
    paths
        .into_iter()
        .map(|p| {
            (
                p.display().to_string(),
                std::fs::read_to_string(&p).unwrap(),
            )
        })
        .collect()
}

#[test]
fn compact_newsml_schemas_give_the_findings_of_the_whole_files() {
    let mut docs = fixture_docs(|iv, ctx| {
        let mut docs = vec![newsml::news_item(iv, ctx), newsml::package_item(iv, ctx)];
        docs.extend(newsml::picture_items(iv, ctx));
        docs
    });
    let (small, full) = (common::small(), common::full());
    let (small_ctx, full_ctx) = (common::ctx(&small), common::ctx(&full));
    docs.push((
        "newsMessage".into(),
        newsml::news_message(
            &[(&small, &small_ctx), (&full, &full_ctx)],
            "2026-11-29T10:00:00Z",
        ),
    ));
    if let Some(dir) = crate::shared::shared("newsml-g2/examples") {
        docs.extend(files_in(&dir));
    }
    if let Some(dir) = crate::shared::shared("newsml-g2/samples") {
        docs.extend(files_in(&dir));
    }
    let official = XsdCheck::official().unwrap();
    let (compared, invalid) = same_findings(
        &official,
        &whole("newsml-g2/iptc/NewsML-G2_2.35-spec-All-Power.xsd"),
        &docs,
    );
    // The comparison means something only if both verdicts occur often.
    assert!(
        compared > 300 && invalid > 100 && compared - invalid > 10,
        "{compared} compared, {invalid} invalid"
    );
    let profile = XsdCheck::profile().unwrap();
    same_findings(
        &profile,
        &whole("newsml-g2/colloquy-interview-profile.xsd"),
        &docs,
    );
}

#[test]
fn compact_dublin_core_and_ohms_schemas_give_the_findings_of_the_whole_files() {
    let dc = fixture_docs(|iv, ctx| vec![dublin_core::record(iv, ctx)]);
    let (compared, invalid) = same_findings(
        &XsdCheck::dublin_core().unwrap(),
        &whole("dublin-core/oai-dc.xsd"),
        &dc,
    );
    assert!(
        compared > 20 && invalid > 10,
        "{compared} compared, {invalid} invalid"
    );
    let mut records = fixture_docs(|iv, ctx| vec![ohms::record(iv, ctx)]);
    if let Some(dir) = crate::shared::shared("ohms/samples") {
        records.extend(files_in(&dir));
    }
    let (compared, invalid) = same_findings(
        &XsdCheck::ohms().unwrap(),
        &whole("ohms/ohms-6.0.xsd"),
        &records,
    );
    assert!(
        compared > 20 && invalid > 10,
        "{compared} compared, {invalid} invalid"
    );
}
