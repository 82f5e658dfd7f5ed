//! Machine reports in JSON: `json` is one document (tool, summary, every file with its
//! findings, in input order); `ndjson` is one self-contained object per finding, for
//! streaming into log tools.

use super::{severity_word, Totals};
use crate::check::FileReport;
use serde_json::{json, Value};

pub fn render(reports: &[FileReport]) -> String {
    let doc = json!({
        "tool": { "name": "colloquy", "version": env!("CARGO_PKG_VERSION") },
        "summary": Totals::of(reports),
        "files": reports.iter().map(|r| json!({
            "path": r.path,
            "kind": r.kind,
            "valid": !r.has_errors(),
            "checked_against": r.checked_against,
            "findings": r.findings,
        })).collect::<Vec<_>>(),
    });
    let mut s = serde_json::to_string_pretty(&doc).expect("JSON values serialize");
    s.push('\n');
    s
}

pub fn render_ndjson(reports: &[FileReport]) -> String {
    let mut out = String::new();
    for r in reports {
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
    out
}
