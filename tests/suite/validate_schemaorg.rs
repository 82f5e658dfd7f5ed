//! The vocabulary check against schema.org's own examples (../shared/schemaorg/; the
//! tests skip without it, see `shared.rs`): the
//! JSON-LD examples of the types an interview article uses must give no errors.

use colloquy::check::vocabulary::Terms;
use colloquy::check::{html, Checker, Finding};
use colloquy::model::Severity;
use std::collections::BTreeMap;

const FILES: &[&str] = &[
    "examples.txt",
    "issue-1525-examples.txt",
    "sdo-creativework-examples.txt",
    "sdo-periodical-examples.txt",
    "sdo-property-value-examples.txt",
    "sdo-mainEntity-examples.txt",
    "sdo-lrmi-examples.txt",
    "bsdo-translation-examples.txt",
    "schemaorg-all-examples.txt",
];

/// One JSON-LD block of an example file: example id, file, and the JSON text.
struct Example {
    id: String,
    file: &'static str,
    json: String,
}

/// Splits an examples file at its `TYPES: #eg-NNNN` headers and cuts the
/// `<script type="application/ld+json">` blocks out of each `JSON:` section.
fn examples() -> Option<Vec<Example>> {
    let dir = crate::shared::shared("schemaorg")?;
    let mut out = Vec::new();
    let mut seen = std::collections::HashSet::new();
    for file in FILES {
        let text = std::fs::read_to_string(dir.join(file)).expect("shared schema.org examples");
        for chunk in text.split("TYPES:").skip(1) {
            let id = chunk
                .split_whitespace()
                .next()
                .unwrap_or("")
                .trim_end_matches(',')
                .to_string();
            let Some(json_at) = chunk.find("\nJSON:") else {
                continue;
            };
            let section = &chunk[json_at..];
            for block in html::scan(section).blocks {
                // schemaorg-all-examples.txt repeats the other files: check each block once.
                if seen.insert(block.text.trim().to_string()) {
                    out.push(Example {
                        id: id.clone(),
                        file,
                        json: block.text.to_string(),
                    });
                }
            }
        }
    }
    Some(out)
}

/// The `@type`s used anywhere in a JSON text (by a light scan of the parsed value).
fn types_in(json: &str) -> Vec<String> {
    fn walk(v: &serde_json::Value, out: &mut Vec<String>) {
        match v {
            serde_json::Value::Object(m) => {
                for (k, v) in m {
                    if k == "@type" {
                        match v {
                            serde_json::Value::String(s) => out.push(s.clone()),
                            serde_json::Value::Array(a) => {
                                out.extend(a.iter().filter_map(|s| s.as_str().map(String::from)))
                            }
                            _ => {}
                        }
                    } else {
                        walk(v, out);
                    }
                }
            }
            serde_json::Value::Array(a) => a.iter().for_each(|v| walk(v, out)),
            _ => {}
        }
    }
    let mut out = Vec::new();
    if let Ok(v) = serde_json::from_str::<serde_json::Value>(json) {
        walk(&v, &mut out);
    }
    out
}

/// The types an interview article uses; their subtypes count too (BlogPosting,
/// ReportageNewsArticle, Photograph is not one: it is a CreativeWork).
const OURS: &[&str] = &["Article", "NewsArticle", "ImageObject", "Question"];

fn relevant_type(t: &str) -> bool {
    let local = t.rsplit(['/', ':']).next().unwrap_or(t);
    Terms::bundled()
        .closure(local)
        .is_some_and(|c| OURS.iter().any(|o| c.contains(*o)))
}

#[test]
fn no_false_errors_on_article_image_question_examples() {
    let checker = Checker::new(None).unwrap();
    let Some(all) = examples() else {
        return;
    };
    let relevant: Vec<&Example> = all
        .iter()
        .filter(|e| types_in(&e.json).iter().any(|t| relevant_type(t)))
        .collect();
    assert!(
        relevant.len() >= 30,
        "only {} relevant blocks found",
        relevant.len()
    );
    let mut failures = Vec::new();
    let mut by_rule: BTreeMap<String, usize> = BTreeMap::new();
    let start = std::time::Instant::now();
    for e in &relevant {
        let findings: Vec<Finding> = checker.check_page_block(&e.json);
        if std::env::var("DBG").is_ok() {
            eprintln!("{} {} {}", e.id, e.json.len(), findings.len());
        }
        for f in &findings {
            *by_rule
                .entry(format!("{:?} {}", f.severity, f.rule))
                .or_default() += 1;
        }
        for f in findings.iter().filter(|f| f.severity == Severity::Error) {
            failures.push(format!(
                "{} {} {:?}: {} [{}]",
                e.file, e.id, f.location.line, f.message, f.rule
            ));
        }
    }
    let elapsed = start.elapsed();
    eprintln!(
        "{} JSON-LD blocks in the examples, {} with Article/NewsArticle/ImageObject/Question, checked in {:?} ({:?} per block)",
        all.len(),
        relevant.len(),
        elapsed,
        elapsed / relevant.len() as u32
    );
    eprintln!("findings by rule: {by_rule:#?}");
    assert!(
        failures.is_empty(),
        "{} false errors:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

/// Every example block, whatever its type: measured, and the errors listed, so a
/// regression in the checker shows up as a changed count.
#[test]
#[ignore = "survey: prints errors over all ~500 schema.org examples"]
fn survey_all_examples() {
    let checker = Checker::new(None).unwrap();
    let Some(all) = examples() else {
        return;
    };
    let mut errors = 0;
    for e in &all {
        for f in checker
            .check_page_block(&e.json)
            .iter()
            .filter(|f| f.severity == Severity::Error)
        {
            errors += 1;
            eprintln!(
                "{} {} {:?}: {} [{}]",
                e.file, e.id, f.location.line, f.message, f.rule
            );
        }
    }
    eprintln!("{} blocks, {errors} errors", all.len());
}

/// The recommended interview document of the research notes
/// (../shared/research/schemaorg.md §6.1): every term exists, domains and ranges fit
/// (Role pattern included), and exactly the pending/extension terms the notes list are
/// reported as info. Also times the check.
#[test]
fn recommended_interview_document_passes_with_its_pending_terms_as_info() {
    let notes = std::fs::read_to_string(crate::shared_or_skip!("research/schemaorg.md")).unwrap();
    let section = &notes[notes.find("### 6.1 The document").unwrap()..];
    let start = section.find("```json").unwrap() + "```json".len();
    let json = &section[start..start + section[start..].find("```").unwrap()];
    let checker = Checker::new(None).unwrap();
    let findings = checker.check("example.jsonld", json.as_bytes()).findings;
    let not_info: Vec<_> = findings
        .iter()
        .filter(|f| f.severity != Severity::Info)
        .collect();
    assert!(not_info.is_empty(), "{not_info:#?}");
    let mut pending: Vec<String> = findings
        .iter()
        .filter(|f| f.rule == "schemaorg/pending")
        .map(|f| f.message.split('`').nth(1).unwrap().to_string())
        .collect();
    pending.sort();
    assert_eq!(
        pending,
        [
            "DefinedTerm",
            "NewsMediaOrganization",
            "acquireLicensePage",
            "archivedAt",
            "backstory",
            "copyrightNotice",
            "creditText",
            "inDefinedTermSet",
            "jobTitle",
            "sdDatePublished",
            "sdPublisher",
            "termCode"
        ]
    );
    let ext: Vec<_> = findings
        .iter()
        .filter(|f| f.rule == "schemaorg/extension")
        .collect();
    assert_eq!(ext.len(), 1);
    assert!(ext[0].message.contains("`translationOfWork`") && ext[0].message.contains("bib"));

    let runs = 50;
    let t = std::time::Instant::now();
    for _ in 0..runs {
        std::hint::black_box(checker.check("example.jsonld", json.as_bytes()).findings);
    }
    eprintln!(
        "recommended document ({} bytes): {:?} per check (debug build)",
        json.len(),
        t.elapsed() / runs
    );
}

/// The check is not vacuous on the same examples: misspelling the first `"name"` key of
/// each relevant example gives exactly one new error, `schemaorg/unknown-property`, on
/// that key's line.
#[test]
fn a_misspelled_key_in_each_example_is_caught_at_its_line() {
    let checker = Checker::new(None).unwrap();
    let mut mutated = 0;
    let Some(examples) = examples() else {
        return;
    };
    for e in examples
        .iter()
        .filter(|e| types_in(&e.json).iter().any(|t| relevant_type(t)))
    {
        let Some(at) = e.json.find("\"name\":") else {
            continue;
        };
        let text = format!(
            "{}\"nmae\":{}",
            &e.json[..at],
            &e.json[at + "\"name\":".len()..]
        );
        let line = text[..at].matches('\n').count() + 1;
        let errs: Vec<Finding> = checker
            .check_page_block(&text)
            .into_iter()
            .filter(|f| f.severity == Severity::Error)
            .collect();
        assert_eq!(errs.len(), 1, "{} {}: {errs:#?}", e.file, e.id);
        assert_eq!(errs[0].rule, "schemaorg/unknown-property");
        assert_eq!(errs[0].location.line, Some(line), "{} {}", e.file, e.id);
        assert!(errs[0].hint.as_deref().unwrap().contains("`name`"));
        mutated += 1;
    }
    eprintln!("{mutated} examples mutated");
    assert!(mutated >= 20, "{mutated}");
}
