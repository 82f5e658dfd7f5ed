//! Reports: the findings of a batch rendered for people (`human`) and for machines —
//! `json` (one document), `ndjson` (one finding per line), `junit` (one testcase per
//! file), `sarif` (SARIF 2.1.0, for code-scanning UIs) and `github` (workflow commands
//! that annotate pull requests). Every renderer is a pure function of the reports, so
//! output is byte-identical whatever order or thread count produced them — provided
//! the caller passes the reports in a deterministic order (the batch sorts by path).

pub mod github;
pub mod human;
pub mod json;
pub mod junit;
pub mod sarif;

use super::FileReport;
use crate::model::Severity;
use std::borrow::Cow;
use std::fmt::Write as _;

/// A report format (`--report`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, clap::ValueEnum)]
pub enum Format {
    Human,
    Json,
    Ndjson,
    Junit,
    Sarif,
    Github,
}

impl std::str::FromStr for Format {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        Ok(match s {
            "human" => Format::Human,
            "json" => Format::Json,
            "ndjson" => Format::Ndjson,
            "junit" => Format::Junit,
            "sarif" => Format::Sarif,
            "github" => Format::Github,
            other => {
                return Err(format!(
                    "unknown report format `{other}` (human, json, ndjson, junit, sarif, github)"
                ))
            }
        })
    }
}

/// Renders `reports` in `format`. The result ends with a newline (empty for NDJSON
/// and GitHub output without findings).
pub fn render(format: Format, reports: &[FileReport]) -> String {
    render_for(format, "validate", reports)
}

/// [`render`] for the report of one subcommand (`validate` or `convert`), which JUnit
/// names in its suite and class names so a CI dashboard shows which step reported.
pub fn render_for(format: Format, command: &str, reports: &[FileReport]) -> String {
    match format {
        Format::Human => human::render(reports),
        Format::Json => json::render(reports),
        Format::Ndjson => json::render_ndjson(reports),
        Format::Junit => junit::render_for(command, reports),
        Format::Sarif => sarif::render(reports),
        Format::Github => github::render(reports),
    }
}

/// Counts over a batch, shared by the renderers.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, serde::Serialize)]
pub struct Totals {
    pub files: usize,
    pub files_with_errors: usize,
    pub errors: usize,
    pub warnings: usize,
    pub infos: usize,
}

impl Totals {
    pub fn of(reports: &[FileReport]) -> Self {
        let mut t = Totals {
            files: reports.len(),
            ..Totals::default()
        };
        for r in reports {
            t.errors += r.count(Severity::Error);
            t.warnings += r.count(Severity::Warning);
            t.infos += r.count(Severity::Info);
            t.files_with_errors += usize::from(r.has_errors());
        }
        t
    }
}

/// A path as CI systems match it against the repository: without leading `./`
/// (GitHub places `records/a.jsonld`, not `./records/a.jsonld`, on a pull request).
pub fn repo_path(path: &str) -> &str {
    let mut p = path;
    while let Some(rest) = p.strip_prefix("./") {
        p = rest.trim_start_matches('/');
    }
    p
}

/// Text from files (names, JSON keys, values) made safe to print: C0 and C1 control
/// characters and DEL become visible escapes (`\n`, `\r`, `\t`, `\u{1b}`), so a
/// report line can be neither split (a new line starting `::error` would be a GitHub
/// Actions workflow command) nor carry terminal escapes, and XML 1.0 can hold it.
pub fn printable(s: &str) -> Cow<'_, str> {
    if !s.chars().any(char::is_control) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        match c {
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c.is_control() => {
                let _ = write!(out, "\\u{{{:x}}}", c as u32);
            }
            c => out.push(c),
        }
    }
    Cow::Owned(out)
}

/// A path that begins a printed line: [`printable`], and `./` before a name that would
/// make the line start with `::` (a workflow command to GitHub Actions).
pub fn line_path(path: &str) -> Cow<'_, str> {
    let p = printable(path);
    if p.trim_start().starts_with("::") {
        Cow::Owned(format!("./{p}"))
    } else {
        p
    }
}

/// A whole line for stderr or a log, made of colloquy's words and file-borne text:
/// [`printable`] and, like [`line_path`], never starting with `::`.
pub fn printable_line(line: &str) -> String {
    line_path(line).into_owned()
}

/// The lowercase word for a severity.
pub fn severity_word(s: Severity) -> &'static str {
    match s {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "info",
    }
}
