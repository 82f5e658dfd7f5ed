//! `inspect` shows why each paragraph became what it is: rule, evidence, spans as
//! line:column, provenance of every meta value, people, figures and diagnostics.

use colloquy::inspect::{render_human, render_json};
use colloquy::read::{decode, read};

const SEED: &str = "seeds/000_197680a15b8fd6ec.txt";

fn seed() -> Option<(colloquy::model::Interview, String)> {
    let path = crate::shared::shared(SEED)?;
    let text = decode(SEED, &std::fs::read(path).unwrap()).unwrap();
    Some((read(SEED, &text).unwrap(), text))
}

#[test]
fn human_view_names_rules_evidence_and_places() {
    let Some((iv, text)) = seed() else {
        return;
    };
    let h = render_human(&iv, &text);
    if std::env::var_os("SHOW").is_some() {
        println!("{h}");
    }
    assert!(h.contains("rule question-mark: ends with '?'"), "{h}");
    assert!(h.contains("rule closing-thanks"), "{h}");
    assert!(h.contains("Vu Le Thai Hoang — interviewee  ← text "), "{h}");
    assert!(h.contains("source_url      https://baoquocte.vn/"), "{h}");
    assert!(
        h.contains("language        id  ← inferred: whatlang"),
        "{h}"
    );
    assert!(h.contains("credit: NVCC"), "{h}");
    // Spans are shown as line:column: the first question is on line 3.
    assert!(
        h.contains("question interviewer (no label)         3:1-3:"),
        "{h}"
    );
    assert!(h.contains("Warning no-headline"), "{h}");
}

#[test]
fn json_view_has_provenance_for_every_meta_value() {
    let Some((iv, text)) = seed() else {
        return;
    };
    let j = render_json(&iv, &text);
    if std::env::var_os("SHOW").is_some() {
        println!("{}", serde_json::to_string_pretty(&j).unwrap());
    }
    assert_eq!(j["meta"]["source_url"]["provenance"]["from"], "text");
    assert!(j["meta"]["source_url"]["provenance"]["at"]
        .as_str()
        .unwrap()
        .starts_with("27:"));
    assert_eq!(j["meta"]["language"]["provenance"]["from"], "inferred");
    assert!(j["meta"]["headline"].is_null());
    assert_eq!(j["exchanges"], 4);
    assert_eq!(j["turns"][0]["rule"], "question-mark");
    assert_eq!(j["closing"]["rule"], "closing-thanks");
    assert_eq!(j["figures"].as_array().unwrap().len(), 3);
    assert_eq!(j["people"][0]["job_title"]["value"], "Duta Besar");
}
