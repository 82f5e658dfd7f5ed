//! The committed JSON Schema must be exactly what schemars generates from the JSON-LD
//! types; otherwise the bundled check and the writer disagree.
//!
//! Regenerate with: `UPDATE_SCHEMAS=1 cargo test --test suite schema_fresh`

use std::path::Path;

fn generated() -> String {
    colloquy::write::jsonld::json_schema_text()
}

#[test]
fn committed_json_schema_is_fresh() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("schemas/colloquy-interview.schema.json");
    let want = generated();
    if std::env::var_os("UPDATE_SCHEMAS").is_some() {
        std::fs::write(&path, &want).unwrap();
        return;
    }
    let have = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        have == want,
        "{} is stale: the JSON-LD types changed. Regenerate it with\n  UPDATE_SCHEMAS=1 cargo test --test suite schema_fresh\nand commit the result.",
        path.display()
    );
}

#[test]
fn bundled_schema_is_the_committed_file() {
    // include_str! bakes the file in at build time; a rebuild after regeneration is
    // needed for the binary to carry the new schema.
    assert_eq!(colloquy::check::json_schema::BUNDLED_SCHEMA, generated());
}
