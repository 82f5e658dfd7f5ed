//! The README documents what users rely on: every stable rule id, every bundled schema
//! and the accuracy-harness command. A rule added without documentation fails here.

const README: &str = include_str!("../../README.md");

#[test]
fn every_rule_id_is_documented() {
    let table = colloquy::check::rules::markdown_table();
    let missing: Vec<_> = colloquy::check::rules::RULES
        .iter()
        .filter(|r| !README.contains(&format!("`{}`", r.id)))
        .map(|r| r.id)
        .collect();
    assert!(
        missing.is_empty(),
        "README lacks rule ids {missing:?}; the generated table is:\n{table}"
    );
}

#[test]
fn every_bundled_schema_and_the_harness_are_documented() {
    for b in colloquy::schemas::BUNDLED {
        assert!(README.contains(b.file), "README lacks schemas/{}", b.file);
    }
    assert!(README.contains("cargo test --test suite accuracy -- --nocapture"));
}
