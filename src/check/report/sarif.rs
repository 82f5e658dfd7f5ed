//! SARIF 2.1.0 (OASIS Static Analysis Results Interchange Format), the format code
//! scanning UIs (GitHub, GitLab, Azure DevOps) import. `tool.driver.rules` lists every
//! rule of [`crate::check::RULES`] plus any other rule id the findings use (schema
//! validators' ids, documented by their family), each with help text; every result
//! points at its rule by id and index and at its file by `physicalLocation` with a
//! line/column region. `artifacts` lists every checked file with the schemas it was
//! checked against (`properties.checkedAgainst`).

use crate::check::{rule_doc, FileReport, RULES};
use crate::model::Severity;
use serde_json::{json, Value};
use std::collections::BTreeMap;

/// The SARIF version written.
pub const VERSION: &str = "2.1.0";
/// The schema URI SARIF 2.1.0 files name.
pub const SCHEMA_URI: &str = "https://json.schemastore.org/sarif-2.1.0.json";

fn level(s: Severity) -> &'static str {
    match s {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "note",
    }
}

/// A path as a URI reference: `/` separators, unsafe bytes percent-encoded; absolute
/// paths become `file://` URIs, relative ones stay relative (to the working directory).
pub fn path_to_uri(path: &str) -> String {
    let path = super::repo_path(&path.replace('\\', "/")).to_string();
    let drive =
        path.len() >= 2 && path.as_bytes()[1] == b':' && path.as_bytes()[0].is_ascii_alphabetic();
    let mut out = String::new();
    if path.starts_with('/') {
        out.push_str("file://");
    } else if drive {
        out.push_str("file:///");
    }
    for b in path.bytes() {
        if b.is_ascii_alphanumeric() || b"-._~/!$&'()*+,;=:@".contains(&b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

fn rule_object(id: &str) -> Value {
    let doc = rule_doc(id);
    let summary = doc.map_or("A finding reported by a schema validator.", |d| d.summary);
    let help = doc.map_or("See the message.", |d| d.help);
    let severity = doc.map_or(Severity::Error, |d| d.severity);
    json!({
        "id": id,
        "shortDescription": { "text": summary },
        "fullDescription": { "text": summary },
        "help": { "text": help },
        "defaultConfiguration": { "level": level(severity) },
    })
}

pub fn render(reports: &[FileReport]) -> String {
    // Rule ids: the documented catalogue first (in table order), then others sorted.
    let mut ids: Vec<String> = RULES.iter().map(|r| r.id.to_string()).collect();
    let extra: std::collections::BTreeSet<&str> = reports
        .iter()
        .flat_map(|r| r.findings.iter().map(|f| f.rule.as_str()))
        .filter(|id| !RULES.iter().any(|r| r.id == *id))
        .collect();
    ids.extend(extra.into_iter().map(str::to_string));
    let index: BTreeMap<&str, usize> = ids
        .iter()
        .enumerate()
        .map(|(i, id)| (id.as_str(), i))
        .collect();

    let mut results = Vec::new();
    // One artifact per checked file, saying what it was checked against (a valid file
    // has no result to say it on).
    let artifacts: Vec<Value> = reports
        .iter()
        .map(|r| {
            json!({
                "location": { "uri": path_to_uri(&r.path) },
                "properties": { "checkedAgainst": r.checked_against, "valid": !r.has_errors() },
            })
        })
        .collect();
    for (artifact, r) in reports.iter().enumerate() {
        for f in &r.findings {
            let mut physical = json!({
                "artifactLocation": { "uri": path_to_uri(&r.path), "index": artifact }
            });
            if let Some(line) = f.location.line {
                let mut region = json!({ "startLine": line });
                if let Some(c) = f.location.column {
                    region["startColumn"] = json!(c);
                }
                physical["region"] = region;
            }
            let mut location = json!({ "physicalLocation": physical });
            if let Some(p) = &f.location.pointer {
                location["logicalLocations"] = json!([{ "fullyQualifiedName": p }]);
            }
            let mut text = f.message.clone();
            if let Some(h) = &f.hint {
                text.push_str(" (hint: ");
                text.push_str(h);
                text.push(')');
            }
            results.push(json!({
                "ruleId": f.rule,
                "ruleIndex": index[f.rule.as_str()],
                "level": level(f.severity),
                "message": { "text": text },
                "locations": [location],
            }));
        }
    }
    let doc = json!({
        "$schema": SCHEMA_URI,
        "version": VERSION,
        "runs": [{
            "tool": { "driver": {
                "name": "colloquy",
                "version": env!("CARGO_PKG_VERSION"),
                "rules": ids.iter().map(|id| rule_object(id)).collect::<Vec<_>>(),
            }},
            "columnKind": "unicodeCodePoints",
            "artifacts": artifacts,
            "results": results,
        }],
    });
    let mut s = serde_json::to_string_pretty(&doc).expect("JSON values serialize");
    s.push('\n');
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn uris() {
        assert_eq!(path_to_uri("out/a b.jsonld"), "out/a%20b.jsonld");
        assert_eq!(path_to_uri("/tmp/x.xml"), "file:///tmp/x.xml");
        assert_eq!(path_to_uri("C:\\data\\x.xml"), "file:///C:/data/x.xml");
        assert_eq!(path_to_uri("ü.html"), "%C3%BC.html");
        assert_eq!(path_to_uri("./out/a.jsonld"), "out/a.jsonld");
    }
}
