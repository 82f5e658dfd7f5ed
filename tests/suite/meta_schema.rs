//! The sidecar and manifest JSON Schemas in `schemas/` are generated from the types that
//! parse them. This test fails when a committed schema is stale; regenerate with
//!
//!     COLLOQUY_WRITE_SCHEMAS=1 cargo test --test suite meta_schema
//!
//! It also checks that the schemas say what the parsers do: the seed sidecar is valid,
//! and a typo'd key or a local date-time is not.

use colloquy::meta::schema::{manifest_schema, sidecar_schema, write_schemas};
use std::path::Path;

#[test]
fn committed_schemas_are_up_to_date() {
    let dir = Path::new("schemas");
    if std::env::var_os("COLLOQUY_WRITE_SCHEMAS").is_some() {
        write_schemas(dir).unwrap();
    }
    for (file, fresh) in [
        ("sidecar.schema.json", sidecar_schema()),
        ("manifest.schema.json", manifest_schema()),
    ] {
        let committed = std::fs::read_to_string(dir.join(file)).unwrap_or_default();
        assert!(
            committed == fresh,
            "schemas/{file} is stale; regenerate it with `COLLOQUY_WRITE_SCHEMAS=1 cargo test --test suite meta_schema` and commit it"
        );
    }
}

fn validator(schema: &str) -> jsonschema::Validator {
    let schema: serde_json::Value = serde_json::from_str(schema).unwrap();
    jsonschema::validator_for(&schema).unwrap()
}

#[test]
fn the_sidecar_schema_accepts_the_seed_and_rejects_what_the_parser_rejects() {
    let v = validator(&sidecar_schema());
    let seed =
        std::fs::read_to_string("tests/fixtures/meta/seed/wawancara-mekong.meta.toml").unwrap();
    let seed: serde_json::Value = toml::from_str(&seed).unwrap();
    assert!(
        v.is_valid(&seed),
        "{:?}",
        v.iter_errors(&seed)
            .map(|e| e.to_string())
            .collect::<Vec<_>>()
    );
    let typo = serde_json::json!({ "headlin": "x" });
    assert!(!v.is_valid(&typo));
    let nested_typo = serde_json::json!({ "publisher": { "nam": "x" } });
    assert!(!v.is_valid(&nested_typo));
    let person_as_name =
        serde_json::json!({ "interviewees": ["Trần Thị Mai"], "publisher": "Berita Contoh" });
    assert!(v.is_valid(&person_as_name));
    let bad_url = serde_json::json!({ "source_url": "bao.example.vn/x" });
    assert!(!v.is_valid(&bad_url));
}

#[test]
fn the_manifest_schema_lists_the_columns_the_parser_knows() {
    let schema: serde_json::Value = serde_json::from_str(&manifest_schema()).unwrap();
    let props: Vec<&String> = schema["properties"].as_object().unwrap().keys().collect();
    let known = colloquy::meta::manifest::known_columns();
    assert_eq!(props, known.iter().collect::<Vec<_>>());
    assert_eq!(schema["required"], serde_json::json!(["file"]));
    assert_eq!(schema["additionalProperties"], serde_json::json!(false));
}
