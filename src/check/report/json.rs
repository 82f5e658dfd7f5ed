//! Machine reports in JSON: `json` is one document (tool, summary, every file with its
//! findings, in input order); `ndjson` is one self-contained object per finding, for
//! streaming into log tools.

use super::{severity_word, Totals};
use crate::check::FileReport;
use serde_json::{json, Value};

/// Where the `files` array goes in [`frame`].
pub const FILES: &str = "\u{0}files";

/// The document without its files: `"files"` holds the placeholder [`FILES`], which
/// the writer replaces with the array, one [`file()`] at a time.
pub fn frame(totals: Totals) -> Value {
    json!({
        "tool": { "name": "colloquy", "version": env!("CARGO_PKG_VERSION") },
        "summary": totals,
        "files": FILES,
    })
}

/// One element of the `files` array.
pub fn file(r: &FileReport) -> Value {
    json!({
        "path": r.path,
        "kind": r.kind,
        "valid": !r.has_errors(),
        "checked_against": r.checked_against,
        "findings": r.findings,
    })
}

/// One file's NDJSON lines, one per finding.
pub fn ndjson_file(out: &mut String, r: &FileReport) {
    for f in &r.findings {
        let line: Value = json!({
            "path": r.path,
            "kind": r.kind,
            "severity": severity_word(f.severity),
            "rule": f.rule,
            "message": f.message,
            "line": f.location.line,
            "column": f.location.column,
            "pointer": f.location.pointer,
            "hint": f.hint,
        });
        out.push_str(&serde_json::to_string(&line).expect("JSON values serialize"));
        out.push('\n');
    }
}
