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

/// Where the `artifacts` and `results` arrays go in [`frame`].
pub const ARTIFACTS: &str = "\u{0}artifacts";
pub const RESULTS: &str = "\u{0}results";

/// The rule ids of the report's rule table: colloquy's own, then every other id its
/// findings name (a validator's), sorted. A result refers to its rule by place here.
pub fn rule_ids(others: &std::collections::BTreeSet<String>) -> Vec<String> {
    let mut ids: Vec<String> = RULES.iter().map(|r| r.id.to_string()).collect();
    ids.extend(
        others
            .iter()
            .filter(|id| !RULES.iter().any(|r| r.id == id.as_str()))
            .cloned(),
    );
    ids
}

/// The log without its artifacts and results: those hold the placeholders
/// [`ARTIFACTS`] and [`RESULTS`], which the writer replaces one file at a time.
pub fn frame(ids: &[String]) -> Value {
    json!({
        "$schema": SCHEMA_URI,
        "version": VERSION,
        "runs": [{
            "tool": { "driver": {
                "name": "colloquy",
                "version": env!("CARGO_PKG_VERSION"),
                "rules": ids.iter().map(|id| rule_object(id)).collect::<Vec<_>>(),
            }},
            "columnKind": "unicodeCodePoints",
            "artifacts": ARTIFACTS,
            "results": RESULTS,
        }],
    })
}

/// One file's element of `artifacts`.
pub fn artifact(r: &FileReport) -> Value {
    json!({
        "location": { "uri": path_to_uri(&r.path) },
        "properties": { "checkedAgainst": r.checked_against, "valid": !r.has_errors() },
    })
}

/// One file's elements of `results`, one per finding; `artifact` is the file's place
/// in `artifacts`, `index` a rule id's place in the rule table.
pub fn results<'a>(
    r: &'a FileReport,
    artifact: usize,
    index: &'a BTreeMap<&str, usize>,
) -> impl Iterator<Item = Value> + 'a {
    r.findings.iter().map(move |f| {
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
        json!({
            "ruleId": f.rule,
            "ruleIndex": index[f.rule.as_str()],
            "level": level(f.severity),
            "message": { "text": text },
            "locations": [location],
        })
    })
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
