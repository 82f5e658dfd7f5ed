//! JUnit XML, the format every CI system can display: one `testcase` per checked file,
//! a `failure` when the file has errors (all its errors listed in the body), warnings
//! and infos in `system-out`, and the schemas the file was checked against as
//! `checked-against` properties and the first `system-out` line.

use super::{printable, severity_word, Totals};
use crate::check::FileReport;
use crate::model::Severity;
use quick_xml::escape::escape;
use std::fmt::Write as _;

// XML 1.0 cannot hold C0 controls even as character references, and a CI log shows
// these lines raw: every text from a file goes through `printable` before `escape`.
fn finding_line(path: &str, f: &crate::check::Finding) -> String {
    let path = super::line_path(path);
    let place = match (f.location.line, f.location.column) {
        (Some(l), Some(c)) => format!("{path}:{l}:{c}"),
        _ => path.into_owned(),
    };
    let mut s = format!(
        "{place}: {} {}: {}",
        severity_word(f.severity),
        printable(&f.rule),
        printable(&f.message)
    );
    if let Some(h) = &f.hint {
        s.push_str(&format!("\n    hint: {}", printable(h)));
    }
    s
}

/// What JUnit calls a file whose kind colloquy could not tell.
fn unknown(command: &str) -> &'static str {
    if command == "convert" {
        "input"
    } else {
        "unknown"
    }
}

/// The declaration and the opening tags, with the batch's counts.
pub fn head(out: &mut String, command: &str, t: Totals) {
    out.push_str("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    let _ = writeln!(
        out,
        "<testsuites name=\"colloquy {command}\" tests=\"{}\" failures=\"{}\" errors=\"0\">",
        t.files, t.files_with_errors
    );
    let _ = writeln!(
        out,
        "  <testsuite name=\"colloquy {command}\" tests=\"{}\" failures=\"{}\" errors=\"0\" skipped=\"0\">",
        t.files, t.files_with_errors
    );
}

/// One file's testcase.
pub fn file(out: &mut String, command: &str, r: &FileReport) {
    let kind = r.kind.map_or(unknown(command), |k| k.as_str());
    let _ = write!(
        out,
        "    <testcase classname=\"colloquy.{command}.{kind}\" name=\"{}\"",
        escape(&*printable(&r.path))
    );
    let errors: Vec<String> = r.errors().map(|f| finding_line(&r.path, f)).collect();
    let mut others: Vec<String> = r
        .findings
        .iter()
        .filter(|f| f.severity != Severity::Error)
        .map(|f| finding_line(&r.path, f))
        .collect();
    if !r.checked_against.is_empty() {
        others.insert(
            0,
            format!(
                "checked against: {}",
                printable(&r.checked_against.join("; "))
            ),
        );
    }
    if errors.is_empty() && others.is_empty() {
        out.push_str("/>\n");
        return;
    }
    out.push_str(">\n");
    if !r.checked_against.is_empty() {
        out.push_str("      <properties>\n");
        for schema in &r.checked_against {
            let _ = writeln!(
                out,
                "        <property name=\"checked-against\" value=\"{}\"/>",
                escape(&*printable(schema))
            );
        }
        out.push_str("      </properties>\n");
    }
    if let Some(first) = r.errors().next() {
        let _ = writeln!(
            out,
            "      <failure type=\"{}\" message=\"{}\">{}</failure>",
            escape(&*printable(&first.rule)),
            escape(
                format!(
                    "{} error(s); first: {}",
                    errors.len(),
                    printable(&first.message)
                )
                .as_str()
            ),
            escape(errors.join("\n").as_str())
        );
    }
    if !others.is_empty() {
        let _ = writeln!(
            out,
            "      <system-out>{}</system-out>",
            escape(others.join("\n").as_str())
        );
    }
    out.push_str("    </testcase>\n");
}

/// The closing tags.
pub fn tail(out: &mut String) {
    out.push_str("  </testsuite>\n</testsuites>\n");
}
