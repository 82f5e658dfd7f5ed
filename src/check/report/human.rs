//! The human report: `file:line:col: severity rule: message`, a `hint:` line under it,
//! and a one-line summary — the shape compilers use, so editors can jump to it. Notes
//! (pending schema.org terms and the like) are counted but not listed: a person reads
//! this, and the machine formats carry every finding.

use super::{line_path, printable, severity_word, Totals};
use crate::check::FileReport;
use crate::model::Severity;
use std::fmt::Write as _;

/// One file's lines.
pub fn file(out: &mut String, r: &FileReport) {
    for f in r.findings.iter().filter(|f| f.severity != Severity::Info) {
        // File names, keys and values come from the files: escaped, so no line
        // can be split or start a workflow command.
        let path = line_path(&r.path);
        let place = match (f.location.line, f.location.column) {
            (Some(l), Some(c)) => format!("{path}:{l}:{c}"),
            (Some(l), None) => format!("{path}:{l}"),
            _ => path.into_owned(),
        };
        let _ = writeln!(
            out,
            "{place}: {} {}: {}",
            severity_word(f.severity),
            printable(&f.rule),
            printable(&f.message)
        );
        if let Some(p) = &f.location.pointer {
            let _ = writeln!(out, "    at: {}", printable(p));
        }
        if let Some(h) = &f.hint {
            let _ = writeln!(out, "    hint: {}", printable(h));
        }
    }
}

/// The closing summary line.
pub fn summary(out: &mut String, t: Totals) {
    let _ = writeln!(
        out,
        "{} file{} checked: {} invalid; {} error{}, {} warning{}, {} note{} (listed by --report json)",
        t.files,
        if t.files == 1 { "" } else { "s" },
        t.files_with_errors,
        t.errors,
        if t.errors == 1 { "" } else { "s" },
        t.warnings,
        if t.warnings == 1 { "" } else { "s" },
        t.infos,
        if t.infos == 1 { "" } else { "s" },
    );
}
