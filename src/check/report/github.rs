//! GitHub Actions workflow commands: `::error file=…,line=…,col=…,title=RULE::message`
//! (`::warning`, `::notice` for info), which GitHub turns into annotations on the pull
//! request, and one plain log line per file naming the schemas it was checked against.
//! Values are escaped as the runner expects (`%`, CR, LF; in properties also
//! `:` and `,`).

use crate::check::FileReport;
use crate::model::Severity;
use std::fmt::Write as _;

fn escape_data(s: &str) -> String {
    // Controls other than CR and LF (ESC, NUL) are shown as escapes, never printed raw.
    let s = s
        .split('\n')
        .map(|l| {
            l.split('\r')
                .map(|p| super::printable(p).into_owned())
                .collect::<Vec<_>>()
                .join("\r")
        })
        .collect::<Vec<_>>()
        .join("\n");
    s.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

fn escape_property(s: &str) -> String {
    escape_data(s).replace(':', "%3A").replace(',', "%2C")
}

/// One file's log line and annotations.
pub fn file(out: &mut String, r: &FileReport) {
    // Annotations only mark problems; a log line says what every file, valid or
    // not, was checked against.
    if !r.checked_against.is_empty() {
        let _ = writeln!(
            out,
            "colloquy: {}: {}; checked against {}",
            super::printable(super::repo_path(&r.path)),
            if r.has_errors() { "invalid" } else { "valid" },
            super::printable(&r.checked_against.join("; "))
        );
    }
    for f in &r.findings {
        let command = match f.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Info => "notice",
        };
        let mut props = format!("file={}", escape_property(super::repo_path(&r.path)));
        if let Some(l) = f.location.line {
            let _ = write!(props, ",line={l}");
        }
        if let Some(c) = f.location.column {
            let _ = write!(props, ",col={c}");
        }
        let _ = write!(props, ",title={}", escape_property(&f.rule));
        let mut message = f.message.clone();
        if let Some(h) = &f.hint {
            message.push_str("\nhint: ");
            message.push_str(h);
        }
        let _ = writeln!(out, "::{command} {props}::{}", escape_data(&message));
    }
}
