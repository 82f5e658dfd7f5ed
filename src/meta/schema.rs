//! The JSON Schemas of the sidecar and the manifest row, generated from the very types
//! that parse them and committed in `schemas/`; a test fails when the committed files are
//! stale, and tells how to regenerate them.

use super::manifest::ManifestRecord;
use super::sidecar::Sidecar;

/// The sidecar schema as committed in `schemas/sidecar.schema.json`.
pub fn sidecar_schema() -> String {
    render(schemars::schema_for!(Sidecar))
}

/// The manifest-row schema as committed in `schemas/manifest.schema.json`.
pub fn manifest_schema() -> String {
    render(schemars::schema_for!(ManifestRecord))
}

fn render(schema: schemars::Schema) -> String {
    let mut s = serde_json::to_string_pretty(&schema).expect("a schema is plain JSON");
    s.push('\n');
    s
}

/// Writes both schemas into `dir` (used by the staleness test when asked to regenerate).
pub fn write_schemas(dir: &std::path::Path) -> std::io::Result<()> {
    std::fs::write(dir.join("sidecar.schema.json"), sidecar_schema())?;
    std::fs::write(dir.join("manifest.schema.json"), manifest_schema())
}
