//! Conformance of what colloquy writes for the seed and for every sample, judged by
//! sources colloquy does not control: the official NewsML-G2 2.35 XSD (IPTC's file,
//! bundled in `schemas/newsml-g2/iptc/`) and the schema.org 30.0 vocabulary file in
//! `../shared`. Plus golden snapshots of the seed's outputs (the seed is in `../shared`).

use colloquy::check::xsd::XsdCheck;
use colloquy::check::Checker;
use colloquy::model::Severity;
use colloquy::pipeline::{self, ConvertOptions, Converted, OutputFormat, VersionCreated};
use serde_json::Value;
use std::collections::HashSet;
use std::path::{Path, PathBuf};

const SEED: &str = "seeds/000_197680a15b8fd6ec.txt";
const VOCABULARY: &str = "schemaorg/schemaorg-current-https.jsonld";

fn inputs() -> Vec<PathBuf> {
    let mut paths: Vec<PathBuf> = std::fs::read_dir("samples")
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    paths.sort();
    assert!(paths.len() >= 3, "samples/ holds our example interviews");
    paths.extend(crate::shared::shared(SEED));
    paths
}

fn convert(path: &Path) -> Converted {
    colloquy::check::xsd::init();
    let name = path.display().to_string();
    let bytes = std::fs::read(path).unwrap();
    let (text, interview) = pipeline::read(&name, &bytes).unwrap();
    let options = ConvertOptions {
        formats: vec![OutputFormat::JsonLd, OutputFormat::NewsMl],
        version_created: VersionCreated::Fixed("2025-06-01T12:00:00+07:00".into()),
        ..Default::default()
    };
    let checker = Checker::new(None).unwrap();
    pipeline::write_checked(&name, &text, interview, &options, &checker).unwrap()
}

fn document(c: &Converted, format: OutputFormat) -> &str {
    &c.documents
        .iter()
        .find(|d| d.format == format)
        .unwrap()
        .text
}

fn xsd_errors(xsd: &XsdCheck, xml: &str) -> Vec<String> {
    xsd.check(xml)
        .into_iter()
        .filter(|f| f.severity == Severity::Error)
        .map(|f| format!("{:?}: {}: {}", f.location.line, f.rule, f.message))
        .collect()
}

#[test]
fn every_newsml_output_is_valid_against_the_official_xsd() {
    colloquy::check::xsd::init();
    let official = XsdCheck::official().unwrap();
    let converted: Vec<Converted> = inputs().iter().map(|p| convert(p)).collect();
    for c in &converted {
        let errors = xsd_errors(&official, document(c, OutputFormat::NewsMl));
        assert!(
            errors.is_empty(),
            "{}: {errors:#?}",
            c.interview.meta.source_name
        );
    }
    // And one newsMessage holding all of them, with picture and package items.
    let entries: Vec<_> = converted
        .iter()
        .map(|c| (&c.interview, &c.context))
        .collect();
    let message = colloquy::write::newsml::news_message(&entries, "2025-06-01T12:00:00+07:00");
    let errors = xsd_errors(&official, &message);
    assert!(errors.is_empty(), "newsMessage: {errors:#?}");
    let figures: usize = converted.iter().map(|c| c.interview.figures.len()).sum();
    assert_eq!(
        message.matches("<newsItem ").count(),
        converted.len() + figures,
        "one text item per interview and one picture item per figure"
    );
    assert_eq!(
        message.matches("<packageItem").count(),
        converted.len(),
        "one package per interview"
    );
}

/// The schema.org terms (`schema:X` ids) of the vocabulary file.
fn vocabulary(path: &Path) -> HashSet<String> {
    let v: Value = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    v["@graph"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|node| node["@id"].as_str())
        .filter_map(|id| id.strip_prefix("schema:"))
        .map(str::to_string)
        .collect()
}

fn terms(v: &Value, types: &mut HashSet<String>, properties: &mut HashSet<String>) {
    match v {
        Value::Object(map) => {
            for (key, value) in map {
                if key == "@type" {
                    types.insert(value.as_str().unwrap().to_string());
                } else if !key.starts_with('@') {
                    properties.insert(key.clone());
                }
                terms(value, types, properties);
            }
        }
        Value::Array(items) => items.iter().for_each(|i| terms(i, types, properties)),
        _ => {}
    }
}

#[test]
fn every_jsonld_type_and_property_exists_in_schema_org() {
    let vocabulary = vocabulary(&crate::shared_or_skip!(VOCABULARY));
    assert!(vocabulary.contains("NewsArticle") && vocabulary.contains("creditText"));
    for path in inputs() {
        let c = convert(&path);
        let doc: Value = serde_json::from_str(document(&c, OutputFormat::JsonLd)).unwrap();
        let (mut types, mut properties) = (HashSet::new(), HashSet::new());
        terms(&doc, &mut types, &mut properties);
        for t in types.iter().chain(&properties) {
            assert!(
                vocabulary.contains(t),
                "{}: '{t}' is not a schema.org term",
                path.display()
            );
        }
        assert!(types.contains("NewsArticle") && types.contains("Question"));
    }
}

#[test]
fn the_seed_reads_as_a_careful_reader_would() {
    let seed = crate::shared_or_skip!(SEED);
    let c = convert(&seed);
    let doc: Value = serde_json::from_str(document(&c, OutputFormat::JsonLd)).unwrap();
    let source = std::fs::read_to_string(&seed).unwrap();
    let paragraphs: Vec<&str> = source.lines().map(str::trim).collect();

    let parts = doc["hasPart"].as_array().unwrap();
    assert_eq!(parts.len(), 4);
    for part in parts {
        let q = part["text"].as_str().unwrap();
        assert!(
            paragraphs.contains(&q),
            "question is a paragraph of the text: {q}"
        );
        let a = part["acceptedAnswer"]["text"].as_str().unwrap();
        for p in a.split("\n\n") {
            assert!(
                paragraphs.contains(&p),
                "answer paragraph is in the text: {p}"
            );
        }
        assert!(
            !a.contains("Terima kasih banyak"),
            "the thank-you is in no answer"
        );
    }
    assert!(parts[3]["acceptedAnswer"]["text"]
        .as_str()
        .unwrap()
        .starts_with("Upacara penandatanganan Konvensi PBB Melawan Kejahatan Dunia"));

    let images = doc["image"].as_array().unwrap();
    assert_eq!(images.len(), 3);
    for image in images {
        assert_eq!(image["@type"], "ImageObject");
        assert_eq!(image["creditText"], "NVCC");
        let caption = image["caption"].as_str().unwrap();
        assert!(
            !caption.contains("Foto") && !caption.contains('|'),
            "{caption}"
        );
    }
    assert_eq!(doc["inLanguage"], "id");
    assert_eq!(
        doc["isBasedOn"],
        "https://baoquocte.vn/diem-den-tin-cay-cua-cac-sang-kien-quoc-te-332092.html"
    );
    let interviewee = doc["contributor"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["roleName"] == "interviewee")
        .expect("an interviewee Role");
    assert_eq!(interviewee["contributor"]["name"], "Vu Le Thai Hoang");
    // No headline or date in the text: none invented.
    assert!(doc.get("headline").is_none() && doc.get("datePublished").is_none());
    for d in &c.documents {
        assert!(
            !d.text.contains("Komentar"),
            "{:?} carries site chrome",
            d.format
        );
    }
}

#[test]
fn golden_seed_outputs() {
    let c = convert(&crate::shared_or_skip!(SEED));
    insta::assert_snapshot!("seed.jsonld", document(&c, OutputFormat::JsonLd));
    insta::assert_snapshot!("seed.newsml.xml", document(&c, OutputFormat::NewsMl));
}
